"""The sources file: the shipped outlets are valid; mistakes are reported per entry, one line each."""
from __future__ import annotations

import pytest

from crawl_helpers import run_child
from crawler.sources import SourcesError, adhoc_source, load_sources, parse_sources, source_for

OUTLETS = {"detik", "kompas", "tempo", "antaranews", "cnnindonesia", "liputan6", "okezone", "tribunnews",
           "republika", "mediaindonesia", "jpnn", "suara", "merdeka", "kumparan", "bawaslu", "kpu", "dkpp"}


def test_shipped_sources_cover_the_outlets_and_election_bodies():
    sources = load_sources()
    assert {s.name for s in sources} == OUTLETS
    for source in sources:
        assert source.article_patterns and source.start_urls, source.name
    kpu = source_for(sources, "https://www.kpu.go.id/berita/baca/12345/kpu-tetapkan-hasil")
    assert kpu.name == "kpu" and kpu.is_article("https://www.kpu.go.id/berita/baca/12345/kpu-tetapkan-hasil")
    detik = source_for(sources, "https://news.detik.com/pemilu/d-7654321/bawaslu-temukan-pelanggaran")
    assert detik.is_article("https://news.detik.com/pemilu/d-7654321/bawaslu-temukan-pelanggaran")
    assert not detik.is_article("https://news.detik.com/berita/indeks")


BAD = """
[[source]]
name = "Kabar Satu"
domains = ["kabar.example.id"]
sitemaps = ["https://lain.example.id/sitemap.xml"]
article_patterns = ['/read/(\\d+']
colour = "merah"

[[source]]
name = "kabar2"
domains = []
sections = "https://kabar2.example.id/"

[[source]]
name = "kabar3"
domains = ["kabar3.example.id"]
max_section_pages = 0
"""


def test_every_mistake_is_named_with_its_entry():
    with pytest.raises(SourcesError) as caught:
        parse_sources(BAD, "bad.toml")
    lines = str(caught.value).splitlines()
    expected = ["source #1 (Kabar Satu): 'name' is required", "unknown key 'colour'",
                "outside the source's domains", "not a valid regular expression",
                "source #2 (kabar2): 'sections' must be a list", "source #2 (kabar2): 'domains' must list",
                "source #3 (kabar3): give at least one of", "source #3 (kabar3): 'max_section_pages'"]
    for fragment in expected:
        assert any(fragment in line for line in lines), fragment
    assert all(line.startswith("bad.toml: ") for line in lines)


def test_toml_syntax_and_missing_file_errors():
    with pytest.raises(SourcesError, match="not valid TOML"):
        parse_sources("[[source]\nname=", "x.toml")
    with pytest.raises(SourcesError, match="no \\[\\[source\\]\\] entries"):
        parse_sources("title = 'kosong'", "x.toml")
    with pytest.raises(SourcesError, match="cannot read the sources file"):
        load_sources("/nonexistent/sources.toml")


def test_adhoc_source_stores_every_same_site_page():
    source = adhoc_source(["https://www.kabar.example.id/", "https://www.kabar.example.id/rss"])
    assert source.generic and source.follow_article_links and source.name == "kabar.example.id"
    assert source.is_article("https://www.kabar.example.id/tentang") and not source.is_article("https://x.id/")


def test_sources_check_command(tmp_path):
    good = run_child(["-m", "warta.cli", "sources", "check"], timeout=60)
    assert good.returncode == 0 and "17 sources OK" in good.stdout
    bad_file = tmp_path / "bad.toml"
    bad_file.write_text(BAD, encoding="utf-8")
    bad = run_child(["-m", "warta.cli", "sources", "check", str(bad_file)], timeout=60)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) >= 8
    missing = run_child(["-m", "warta.cli", "crawl", "--sources", str(tmp_path / "nope.toml"), "--db",
                         str(tmp_path / "x.db")], timeout=60)
    assert missing.returncode == 1 and "nope.toml: cannot read" in missing.stderr and "Traceback" not in missing.stderr
    bad_url = run_child(["-m", "warta.cli", "crawl", "kabar.example.id", "--db", str(tmp_path / "x.db")], timeout=60)
    assert bad_url.returncode == 1 and "not an http(s) URL" in bad_url.stderr
