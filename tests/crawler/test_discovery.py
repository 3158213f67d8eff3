"""Reading sitemaps, sitemap indexes, news sitemaps (gzipped too), RSS and Atom feeds."""
from __future__ import annotations

import gzip

from crawl_helpers import FIXTURES
from crawler.discovery import parse_date, parse_listing_xml


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_news_sitemap_entries_carry_lastmod_and_publication_date():
    kind, entries = parse_listing_xml(_read("news-sitemap.xml"))
    assert kind == "sitemap"
    assert [e.url.rsplit("/", 1)[1] for e in entries] == ["kpu-umumkan-jadwal-debat-kedua", "bawaslu-awasi-masa-tenang"]
    first, second = entries
    assert first.lastmod == "2024-11-21T03:15:00+00:00" and first.published == "2024-11-21T02:00:00+00:00"
    assert second.lastmod is None and second.published == "2024-11-20T00:00:00+00:00"
    assert first.newest == first.lastmod and not first.child


def test_sitemap_index_lists_child_sitemaps_and_gzip_is_read():
    kind, entries = parse_listing_xml(gzip.compress(_read("sitemap-index.xml")))
    assert kind == "sitemapindex"
    assert [e.child for e in entries] == [True, True]
    assert entries[1].lastmod == "2023-01-31T00:00:00+00:00"


def test_rss_and_atom_items():
    kind, entries = parse_listing_xml(_read("feed.rss"))
    assert kind == "rss"
    assert entries[0].url.endswith("dkpp-berhentikan-ketua-ppk?utm_source=rss")
    assert entries[0].published == "2024-11-22T07:30:00+00:00"
    assert entries[1].url.endswith("tanpa-tanggal") and entries[1].published is None  # <guid> when no <link>
    kind, entries = parse_listing_xml(_read("feed.atom"))
    assert kind == "atom"
    assert [e.url for e in entries] == ["https://warta.example.id/read/2024/11/23/1004/gakkumdu-tangani-12-laporan"]
    assert entries[0].lastmod == "2024-11-23T08:00:00+00:00"


def test_html_and_damaged_xml_are_handled():
    assert parse_listing_xml(b"<!DOCTYPE html><html><body>Beranda</body></html>") == (None, [])
    assert parse_listing_xml(b"bukan xml") == (None, [])
    damaged = _read("news-sitemap.xml")[:700]  # a transfer cut in the middle of the second <url>
    kind, entries = parse_listing_xml(damaged)
    assert kind == "sitemap" and entries[0].url.endswith("kpu-umumkan-jadwal-debat-kedua")


def test_parse_date_formats():
    assert parse_date("2024-11-21") == "2024-11-21T00:00:00+00:00"
    assert parse_date("Thu, 21 Nov 2024 10:00:00 GMT") == "2024-11-21T10:00:00+00:00"
    assert parse_date("kemarin sore") is None and parse_date("") is None
