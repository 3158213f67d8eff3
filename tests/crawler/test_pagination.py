"""Multi-page articles: which link is page 2, and how the parts become one document."""
from __future__ import annotations

from crawl_helpers import FIXTURES
from crawler.pagination import article_stem, merge_parts, next_part_url

SITE = FIXTURES / "site"
URL = "https://kabar.example.id/berita/2024/11/20/bawaslu-tegal-telusuri-politik-uang"


def _page(number: int) -> str:
    return (SITE / f"artikel-tiga-halaman-{number}.html").read_text(encoding="utf-8").replace(
        "{base}", "https://kabar.example.id")


def test_next_part_follows_rel_next_and_selanjutnya_but_not_another_story():
    assert next_part_url(_page(1), URL) == URL + "?page=2"
    assert next_part_url(_page(2), URL + "?page=2") == URL + "?page=3"
    assert next_part_url(_page(3), URL + "?page=3") is None  # "Sebelumnya" only
    other = '<html><body><p>Isi</p><a href="/berita/2024/11/21/lain">Berita Selanjutnya</a></body></html>'
    assert next_part_url(other, URL) is None


def test_article_stem_ignores_page_markers():
    assert article_stem(URL + "?page=2") == article_stem(URL) == article_stem(URL + "/")
    assert article_stem("https://a.id/read/123/judul/2") == article_stem("https://a.id/read/123/judul")
    assert article_stem(URL + "?id=5") != article_stem(URL)


def test_merge_puts_all_paragraphs_in_order_into_one_body():
    merged = merge_parts([(URL, _page(1)), (URL + "?page=2", _page(2)), (URL + "?page=3", _page(3))])
    text = merged.decode("utf-8")
    assert text.count("<html") == 1 and text.count('<div class="isi">') == 1
    assert text.index("14 amplop") < text.index("30 kepala keluarga") < text.index("72 bulan")
    assert '<meta charset="utf-8">' in text
