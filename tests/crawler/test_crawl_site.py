"""A real crawl (Scrapy in a child process) of a local news site: discovery, canonical URLs, multi-page
articles, recorded failures, incremental re-runs, sitemap lastmod and --since."""
from __future__ import annotations

import json

import pytest

from crawl_helpers import crawl_child
from corpus import Corpus, canonical_url
from kabar_site import ARTICLES, FAILING, MULTI, OLD, build_routes, sources_toml


@pytest.fixture
def kabar(site_factory, tmp_path):
    site = site_factory({})
    site.routes.update(build_routes(site.base))
    sources = tmp_path / "sources.toml"
    sources.write_text(sources_toml(site.base), encoding="utf-8")
    return site, sources


def _pages(db) -> dict[str, dict]:
    corpus = Corpus(db)
    rows = corpus.db.execute("select url, status, error, headers, body from pages").fetchall()
    corpus.close()
    return {url: {"status": status, "error": error, "headers": json.loads(headers), "body": body}
            for url, status, error, headers, body in rows}


def test_crawl_discovers_stores_and_records_failures(kabar, tmp_path):
    site, sources = kabar
    db = tmp_path / "kabar.db"
    stats = crawl_child(db, sources_file=sources)
    pages = _pages(db)

    expected = {canonical_url(site.base + p) for p in [*ARTICLES, *FAILING]}
    assert set(pages) == expected  # one record per article: no AMP, tracking or ?page= variants
    for path in ARTICLES:
        page = pages[canonical_url(site.base + path)]
        assert page["status"] == 200 and page["error"] is None, path
    multi = pages[canonical_url(site.base + MULTI)]
    assert multi["headers"]["X-Warta-Parts"].split() == [site.base + MULTI, f"{site.base}{MULTI}?page=2",
                                                          f"{site.base}{MULTI}?page=3"]
    text = multi["body"].decode("utf-8")
    assert "14 amplop" in text and "30 kepala keluarga" in text and "72 bulan" in text
    assert text.index("14 amplop") < text.index("30 kepala keluarga") < text.index("72 bulan")

    errors = {path: pages[canonical_url(site.base + path)]["error"] for path in FAILING}
    assert errors["/berita/2024/11/14/server-sibuk"] == "HTTP 500"
    assert errors["/berita/2024/11/12/berita-dihapus"] == "HTTP 404"
    assert "robots.txt" in errors["/privat/berita/2024/11/11/draf-rilis"]
    assert "redirect" in errors["/berita/2024/11/13/tautan-berputar"].lower()
    assert "timeout" in errors["/berita/2024/11/10/server-lambat"].lower()

    assert site.count("/berita/2024/11/14/server-sibuk") == 3  # the first try and two retries with backoff
    assert site.count(f"{MULTI}?page=2") == 1 and site.count(MULTI) == 1
    assert site.count("/privat/berita/2024/11/11/draf-rilis") == 0
    assert stats["stored"] == len(expected) and stats["failed"] == len(FAILING)
    assert stats["sources"]["kabar"]["discovered"] == len(expected)
    assert stats["multipage"] == 1


@pytest.mark.slow
def test_second_run_fetches_only_new_or_changed_pages(kabar, tmp_path):
    site, sources = kabar
    db = tmp_path / "kabar.db"
    crawl_child(db, sources_file=sources)
    site.requests.clear()

    stats = crawl_child(db, sources_file=sources)
    article_fetches = [p for p in site.requests if p.startswith(("/berita/", "/amp/"))]
    transient = {"/berita/2024/11/14/server-sibuk", "/berita/2024/11/13/tautan-berputar",
                 "/berita/2024/11/13/tautan-berputar?putar=1", "/berita/2024/11/10/server-lambat"}
    assert set(article_fetches) <= transient  # good pages and permanent errors are not fetched again
    assert stats["known"] == len(ARTICLES) + 2  # the 404 and the robots.txt refusal are settled too

    # A newer sitemap lastmod brings exactly that page back.
    changed = "/berita/2024/11/18/dkpp-periksa-ketua-kpps"
    site.routes.update(build_routes(site.base, lastmods={changed: "2030-01-01T00:00:00+07:00"}))
    site.requests.clear()
    crawl_child(db, sources_file=sources)
    good = [p for p in site.requests if p.startswith("/berita/") and p not in transient]
    assert good == [changed]
    assert len(_pages(db)) == len(ARTICLES) + len(FAILING)


def test_since_skips_older_sitemaps_and_entries(kabar, tmp_path):
    site, sources = kabar
    db = tmp_path / "since.db"
    crawl_child(db, sources_file=sources, since="2024-11-01")
    pages = _pages(db)
    assert site.count("/sitemap-2024-10.xml.gz") == 0
    for path in OLD:
        assert canonical_url(site.base + path) not in pages
    assert canonical_url(site.base + MULTI) in pages
