"""Builds the whole Warta Nusantara demo site in memory: URL path -> (content type, body)."""
from __future__ import annotations

from warta.demosite import feeds, listings
from warta.demosite.render import SITE_NAME, esc, page_shell, render_story
from warta.demosite.stories import Story, make_stories, slugify

SITE_ORIGIN = "http://wartanusantara.test"  # serve_site rewrites it to the address it really listens on
HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
CSS = "text/css; charset=utf-8"
BROKEN_PATH = "/read/2024/11/25/7309999/server-sirekap-alami-gangguan-saat-uji-coba"
MISSING_PATH = "/arsip/2019/berita-lama"  # linked from the home page, never served: a 404 for crawlers
RELATED_COUNT = 5
STYLE = "body{font-family:sans-serif;margin:0}.container{display:flex}.content{flex:3}.sidebar{flex:1}\n"


def build_site(n_articles: int = 40, seed: int = 0, origin: str = SITE_ORIGIN) -> dict[str, tuple[str, bytes]]:
    """Every page of a site with `n_articles` generated stories; deterministic for (n_articles, seed)."""
    if n_articles < 1:
        raise ValueError(f"n_articles must be at least 1, got {n_articles}")
    stories = make_stories(n_articles, seed)
    chrome = _chrome(stories, origin)
    html_pages: dict[str, str] = {}
    for story in stories:
        html_pages |= render_story(story, _related(story, stories), chrome)
    listing_pages = {"/": listings.home_page(stories, chrome) .replace("</main>", _extra_links() + "</main>", 1)}
    listing_pages |= listings.section_pages(stories, chrome)
    listing_pages |= listings.tag_pages(stories, chrome)
    listing_pages |= listings.author_pages(stories, chrome)
    listing_pages |= listings.static_pages(chrome)
    html_pages |= listing_pages
    html_pages["/admin/"] = page_shell(chrome, title=f"Admin - {SITE_NAME}", description="Halaman admin.",
                                       head='<meta name="robots" content="noindex">', body_class="page-admin",
                                       main='<main class="content"><form method="post"><input name="user">'
                                            '<input name="pass" type="password"></form></main>')
    site = {path: (HTML, body.encode("utf-8")) for path, body in html_pages.items()}
    site[BROKEN_PATH] = (HTML, broken_page_body())
    article_like = [(BROKEN_PATH, "2024-11-25T09:00:00+07:00")]
    sitemap_listings = [p for p in listing_pages if "?" not in p and not p.startswith(("/tag/", "/penulis/"))]
    for path, xml in feeds.sitemaps(stories, article_like, sitemap_listings, origin).items():
        site[path] = (XML, xml.encode("utf-8"))
    site["/rss.xml"] = (RSS, feeds.rss_feed(stories, origin).encode("utf-8"))
    site["/robots.txt"] = (TEXT, feeds.robots_txt(origin).encode("utf-8"))
    site["/static/style.css"] = (CSS, STYLE.encode("utf-8"))
    return site


def article_paths(n_articles: int = 40, seed: int = 0) -> list[str]:
    """Paths of the site's good article pages (first pages only), newest first."""
    return [story.path for story in make_stories(n_articles, seed)]


def broken_page_body() -> bytes:
    """An article page cut off mid-transfer with undecodable bytes: kept by the corpus with its error."""
    head = ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
            '<title>Server Sirekap Alami Gangguan saat Uji Coba').encode("utf-8")
    return head + bytes([0xFF, 0xFE, 0x00, 0x9C, 0xC3, 0x28, 0xA0, 0xA1]) * 40 + b'<div class="artic'


def _extra_links() -> str:
    return (f'<section class="more-links"><h2>Sorotan</h2><ul>'
            f'<li><a href="{BROKEN_PATH}">Server Sirekap Alami Gangguan saat Uji Coba</a></li>'
            f'<li><a href="{MISSING_PATH}">Arsip berita 2019</a></li>'
            f'<li><a href="/tentang-kami">Tentang Warta Nusantara</a></li></ul></section>')


def _chrome(stories: list[Story], origin: str) -> dict:
    """Fragments repeated on every page: most-read list and trending tags."""
    popular = stories[3:8] or stories[:5]
    tags = sorted({tag for story in stories[:30] for tag in story.tags})[:6]
    return {
        "origin": origin,
        "popular": "\n".join(f'<li><a href="{s.path}">{esc(s.title)}</a></li>' for s in popular),
        "trending": " ".join(f'<a href="/tag/{slugify(t)}">#{esc(t)}</a>' for t in tags),
    }


def _related(story: Story, stories: list[Story]) -> list[Story]:
    """Nearby stories of the same section (what the outlet would list as 'Berita Terkait')."""
    picks = []
    for offset in range(1, len(stories)):
        for index in (story.index + offset, story.index - offset):
            if 0 <= index < len(stories) and stories[index].section == story.section:
                picks.append(stories[index])
        if len(picks) >= RELATED_COUNT or offset > 60:
            break
    return picks[:RELATED_COUNT]
