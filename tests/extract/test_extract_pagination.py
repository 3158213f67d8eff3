"""The next-page helper the crawler uses for multi-page articles."""
from pathlib import Path

from extract.pagination import next_page_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
BASE = "https://jendelaflores.example/budaya/mengenal-tradisi-pasola"


def test_halaman_selanjutnya_link():
    html = (FIXTURES / "multipage_first.html").read_bytes()
    assert next_page_url(html, BASE) == BASE + "?page=2"


def test_rel_next_wins():
    html = '<html><head><link rel="next" href="/berita/judul/2"></head><body></body></html>'
    assert next_page_url(html, "https://x.example/berita/judul") == "https://x.example/berita/judul/2"


def test_numbered_page_links():
    html = ('<html><body><p>Isi</p><div class="paging"><a href="/berita/judul?page=1">1</a>'
            '<a href="/berita/judul?page=2">2</a><a href="/berita/judul?page=3">3</a></div></body></html>')
    assert next_page_url(html, "https://x.example/berita/judul") == "https://x.example/berita/judul?page=2"
    assert next_page_url(html, "https://x.example/berita/judul?page=2") == "https://x.example/berita/judul?page=3"


def test_other_articles_and_hosts_are_not_next_pages():
    html = ('<html><body><a href="https://lain.example/berita/judul?page=2">Selanjutnya</a>'
            '<a href="/berita/artikel-lain">Berikutnya</a></body></html>')
    assert next_page_url(html, "https://x.example/berita/judul") is None


def test_single_page_and_broken_input():
    assert next_page_url("<html><body><p>Satu halaman saja.</p></body></html>", "https://x.example/a") is None
    assert next_page_url(b"\x89PNG\r\n\x1a\n\x00\x00", "https://x.example/a") is None
    assert next_page_url(b"", None) is None
