"""The generated Warta Nusantara demo site: well-formed pages, feeds, robots.txt, determinism, serving."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from warta.demosite import BROKEN_PATH, MISSING_PATH, SITE_ORIGIN, article_paths, build_site, serve_site
from warta.demosite.stories import LATEST_DAY, make_stories

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "embed", "wbr"}
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def site():
    return build_site(60, seed=0)


class TagBalance(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}> at {self.getpos()}")


def html_pages(site):
    return {p: b for p, (ctype, b) in site.items() if ctype.startswith("text/html") and p != BROKEN_PATH}


def test_every_html_page_is_well_formed_utf8(site):
    pages = html_pages(site)
    assert len(pages) > 80
    for path, body in pages.items():
        checker = TagBalance()
        checker.feed(body.decode("utf-8"))
        checker.close()
        assert not checker.errors and not checker.stack, (path, checker.errors[:3], checker.stack)
        assert "{" not in re.sub(r"<script.*?</script>", "", body.decode(), flags=re.S), f"unfilled slot in {path}"


def test_site_is_deterministic_per_seed():
    assert build_site(30, seed=4) == build_site(30, seed=4)
    assert build_site(30, seed=4) != build_site(30, seed=5)
    assert article_paths(20, seed=1) == article_paths(50, seed=1)[:20]  # stories do not depend on site size


def test_article_page_has_news_site_furniture(site):
    path = article_paths(60)[0]
    text = site[path][1].decode()
    assert f'<link rel="canonical" href="{SITE_ORIGIN}{path}">' in text
    assert f'<meta property="og:url" content="{SITE_ORIGIN}{path}">' in text
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))
    assert ld["@type"] == "NewsArticle" and ld["headline"]
    assert ld["datePublished"].startswith(LATEST_DAY.isoformat())
    for marker in ("Penulis:", "Editor:", ", wartanusantara.test</strong> - ", "Berita Terkait", 'class="comments"',
                   "share-wa", "<figcaption>", "/tag/", 'class="main-menu"', "site-footer"):
        assert marker in text, marker
    assert sum(site[p][1].decode().count("Baca juga") + site[p][1].decode().count("Baca Juga")
               for p in article_paths(60)) >= 60


def test_stories_mix_flagged_and_other_news_with_facts():
    stories = make_stories(200)
    kinds = {s.kind for s in stories}
    assert len(kinds) >= 8 and 0.3 < sum(s.flag for s in stories) / len(stories) < 0.8
    text = "\n".join("\n".join(s.paragraphs) for s in stories)
    assert re.search(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d{1,2}/\d{1,2}/2024\)", text)
    for term in ("netralitas", "politik uang", "DKPP", "Gakkumdu", "kepala desa", "DPT", "banjir", "inflasi"):
        assert term in text, term
    leads = [s.paragraphs[0] for s in stories]
    assert len(set(leads)) == len(leads)


def test_multipage_articles_and_paginated_sections(site):
    second_pages = [p for p in site if p.startswith("/read/") and p.endswith("?page=2")]
    assert second_pages
    first = site[second_pages[0].removesuffix("?page=2")][1].decode()
    assert 'rel="next"' in first and "Halaman" in first
    assert "/kanal/politik?page=2" in site
    assert 'rel="prev"' in site["/kanal/politik?page=2"][1].decode()
    assert any(p.startswith("/tag/") for p in site) and "/tentang-kami" in site and "/admin/" in site
    assert MISSING_PATH not in site and MISSING_PATH in site["/"][1].decode()


def test_broken_page_is_truncated_and_undecodable(site):
    ctype, body = site[BROKEN_PATH]
    assert ctype.startswith("text/html") and not body.rstrip().endswith(b"</html>")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


def sitemap_locs(site, path):
    return [el.text for el in ET.fromstring(site[path][1]).iter(f"{SM}loc")]


@pytest.fixture(scope="module")
def large_site():
    return build_site(600, seed=2)  # more articles than one article sitemap holds (500)


def test_sitemap_index_lists_every_article_with_lastmod(large_site):
    site = large_site
    children = [loc.removeprefix(SITE_ORIGIN) for loc in sitemap_locs(site, "/sitemap.xml")]
    assert "/sitemap-news.xml" in children and all(c in site for c in children)
    listed = set()
    for child in children:
        root = ET.fromstring(site[child][1])
        for url in root.iter(f"{SM}url"):
            assert url.find(f"{SM}lastmod") is not None
            listed.add(url.find(f"{SM}loc").text.removeprefix(SITE_ORIGIN))
    assert set(article_paths(600, seed=2)) | {BROKEN_PATH} <= listed
    assert "/sitemap-articles-2.xml" in children
    news = site["/sitemap-news.xml"][1].decode()
    assert f"<news:publication_date>{LATEST_DAY.isoformat()}T" in news


def test_rss_is_valid_xml_with_article_links(site):
    channel = ET.fromstring(site["/rss.xml"][1]).find("channel")
    items = channel.findall("item")
    assert channel.find("language").text == "id" and 0 < len(items) <= 60
    for item in items:
        assert item.find("link").text.removeprefix(SITE_ORIGIN) in site
        assert item.find("pubDate").text.endswith("+0700")


def test_robots_txt_disallows_admin(site):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(site["/robots.txt"][1].decode().splitlines())
    assert not robots.can_fetch("warta", f"{SITE_ORIGIN}/admin/")
    assert robots.can_fetch("warta", SITE_ORIGIN + article_paths(60)[0])
    assert robots.site_maps() == [f"{SITE_ORIGIN}/sitemap.xml"]


def test_large_site_builds_every_article(large_site):
    assert all(p in large_site for p in article_paths(600, seed=2))


def test_served_site_answers_get_head_and_404(site):
    server, base = serve_site(site)
    try:
        path = article_paths(60)[0]
        with urllib.request.urlopen(base + path, timeout=5) as response:
            body = response.read()
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert f'<link rel="canonical" href="{base}{path}">'.encode() in body and SITE_ORIGIN.encode() not in body
        head = urllib.request.Request(base + "/rss.xml", method="HEAD")
        with urllib.request.urlopen(head, timeout=5) as response:
            assert response.headers["Content-Type"].startswith("application/rss+xml")
            assert int(response.headers["Content-Length"]) > 100 and response.read() == b""
        with urllib.request.urlopen(base + "/robots.txt", timeout=5) as response:
            assert f"Sitemap: {base}/sitemap.xml" in response.read().decode()
        for missing in (MISSING_PATH, "/kanal/politik?page=99"):
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(base + missing, timeout=5)
            assert info.value.code == 404
    finally:
        server.shutdown()


def test_served_site_works_as_proxy_for_its_own_host_only(site):
    server, base = serve_site(site, rewrite_origin=False)
    try:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": base}))
        path = article_paths(60)[1]
        with opener.open(SITE_ORIGIN + path, timeout=5) as response:
            assert f'<link rel="canonical" href="{SITE_ORIGIN}{path}">'.encode() in response.read()
        with pytest.raises(urllib.error.HTTPError) as info:
            opener.open("http://www.facebook.com/sharer/sharer.php", timeout=5)
        assert info.value.code == 404  # the demo crawl never leaves the machine
    finally:
        server.shutdown()


def test_no_long_span_copied_from_seeds(site):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    ours = " ".join(" ".join(s.paragraphs) for s in make_stories(300))
    for seed_file in SEEDS.glob("*.txt"):
        words = seed_file.read_text(encoding="utf-8").split()
        for start in range(0, max(0, len(words) - 12), 4):
            span = " ".join(words[start:start + 12])
            assert len(span) < 80 or span not in ours, span
