"""Hostile inputs never make extraction raise; every failure is recorded in Article.error."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from extract import Article, extract_article  # noqa: E402
from extract_hostile import hostile_pages  # noqa: E402

HANG_GUARD_SECONDS = 60  # not a speed test (bench/ measures speed): only catches a page that never ends


def check(pages):
    import time

    kinds = set()
    for name, page in pages:
        began = time.monotonic()
        article = extract_article(page, f"https://uji.example/{name}")
        assert isinstance(article, Article), name
        assert article.text or article.error, f"{name}: neither text nor a recorded error"
        assert time.monotonic() - began < HANG_GUARD_SECONDS, name
        article.to_json()
        kinds.add(name[4:])
    return kinds


def test_sample_of_hostile_pages():
    kinds = check(hostile_pages(200, seed=11, huge=1))
    assert len(kinds) >= 15  # every kind of trouble was met


@pytest.mark.slow
def test_thousand_hostile_pages():
    check(hostile_pages(1000, seed=7, huge=3))


@pytest.mark.parametrize("page, error", [
    (b"", "empty page"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary content, not HTML"),
    (b"<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>",
     "no article body found"),
])
def test_failures_are_named(page, error):
    article = extract_article(page, "https://uji.example/x")
    assert article.is_article is False and article.error == error


def test_encodings_are_decoded():
    text = "<html><body><div><p>" + "Kafe “Merdeka” di alun-alun ramai dikunjungi pelajar sepulang sekolah. " * 4 + "</p></div></body></html>"
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be"),
                 text.replace("<html>", "<html><meta charset='iso-8859-1'>").encode("utf-8")):
        assert "Kafe “Merdeka”" in extract_article(data, "https://uji.example/x").text
    windows = text.replace("<html>", "<html><meta charset='windows-1252'>").encode("cp1252")
    assert "Kafe “Merdeka”" in extract_article(windows, "https://uji.example/x").text


def test_huge_page_is_cut_with_a_note():
    paras = "".join(f"<p>Warga kampung {n} memperbaiki saluran air bersama-sama setiap hari Minggu pagi.</p>"
                    for n in range(20))
    filler = "<!-- " + "x" * 3_000_000 + " -->"
    page = f"<html><body><div>{paras}</div>{filler}</body></html>".encode()
    article = extract_article(page, "https://uji.example/x")
    assert article.error and "truncated" in article.error
    assert "Warga kampung 19" in article.text
