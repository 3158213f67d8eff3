"""Machine-readable pages of the demo site: sitemap index, article/news sitemaps, RSS feed, robots.txt."""
from __future__ import annotations

from email.utils import format_datetime
from xml.sax.saxutils import escape

from warta.demosite.render import SITE_NAME, section_label
from warta.demosite.stories import Story

SITEMAP_CHUNK = 500
NEWS_SITEMAP_SIZE = 48
RSS_SIZE = 50
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _url_entry(loc: str, lastmod: str, extra: str = "") -> str:
    return f"<url><loc>{escape(loc)}</loc><lastmod>{lastmod}</lastmod>{extra}</url>"


def sitemaps(stories: list[Story], extra_article_paths: list[tuple[str, str]], listing_paths: list[str],
             origin: str) -> dict[str, str]:
    """Path -> XML: /sitemap.xml (an index) pointing at page, article (chunked) and news sitemaps."""
    latest = stories[0].published.isoformat() if stories else "2024-11-26T00:00:00+07:00"
    entries = [(s.path, s.published.isoformat()) for s in stories] + extra_article_paths
    files = {}
    pages_xml = "\n".join(_url_entry(origin + path, latest[:10]) for path in listing_paths)
    files["/sitemap-pages.xml"] = f"{XML_HEAD}<urlset {SITEMAP_NS}>\n{pages_xml}\n</urlset>\n"
    for number, start in enumerate(range(0, len(entries), SITEMAP_CHUNK), start=1):
        chunk = entries[start:start + SITEMAP_CHUNK]
        body = "\n".join(_url_entry(origin + path, lastmod) for path, lastmod in chunk)
        files[f"/sitemap-articles-{number}.xml"] = f"{XML_HEAD}<urlset {SITEMAP_NS}>\n{body}\n</urlset>\n"
    files["/sitemap-news.xml"] = _news_sitemap(stories[:NEWS_SITEMAP_SIZE], origin)
    index = "\n".join(f"<sitemap><loc>{origin}{path}</loc><lastmod>{latest}</lastmod></sitemap>" for path in files)
    files["/sitemap.xml"] = f"{XML_HEAD}<sitemapindex {SITEMAP_NS}>\n{index}\n</sitemapindex>\n"
    return files


def _news_sitemap(stories: list[Story], origin: str) -> str:
    entries = []
    for story in stories:
        news = (f"<news:news><news:publication><news:name>{SITE_NAME}</news:name><news:language>id</news:language>"
                f"</news:publication><news:publication_date>{story.published.isoformat()}</news:publication_date>"
                f"<news:title>{escape(story.title)}</news:title></news:news>")
        entries.append(_url_entry(origin + story.path, story.published.isoformat(), news))
    return f'{XML_HEAD}<urlset {SITEMAP_NS} {NEWS_NS}>\n' + "\n".join(entries) + "\n</urlset>\n"


def rss_feed(stories: list[Story], origin: str) -> str:
    items = []
    for story in stories[:RSS_SIZE]:
        link = escape(origin + story.path)
        items.append(
            f"<item><title>{escape(story.title)}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid><pubDate>{format_datetime(story.published)}</pubDate>'
            f"<category>{escape(section_label(story.section))}</category>"
            f"<dc:creator>{escape(story.author)}</dc:creator>"
            f"<description>{escape(story.paragraphs[0][:200])}</description></item>"
        )
    built = format_datetime(stories[0].published) if stories else ""
    return (f'{XML_HEAD}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>\n'
            f"<title>{SITE_NAME}</title><link>{origin}/</link>"
            f"<description>Berita terkini dari seluruh Nusantara</description><language>id</language>"
            f"<lastBuildDate>{built}</lastBuildDate>"
            f'<atom:link href="{origin}/rss.xml" rel="self" type="application/rss+xml"/>\n'
            + "\n".join(items) + "\n</channel></rss>\n")


def robots_txt(origin: str) -> str:
    return (
        "# robots.txt for Warta Nusantara (demo site)\n"
        "User-agent: *\n"
        "Disallow: /admin/\n"
        "Disallow: /cari\n"
        "Disallow: /komentar\n"
        "Allow: /\n"
        "\n"
        "User-agent: BadBot\n"
        "Disallow: /\n"
        "\n"
        f"Sitemap: {origin}/sitemap.xml\n"
    )
