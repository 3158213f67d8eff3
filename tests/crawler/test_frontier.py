"""The frontier: canonical URLs, known pages, newer lastmod, one claim per page."""
from __future__ import annotations

from crawler.frontier import Frontier, url_key

URL = "https://www.kabar.example.id/berita/2024/11/20/bawaslu-tegal"


def test_variants_of_one_article_are_one_page():
    frontier = Frontier()
    assert frontier.discover(URL) == "new"
    assert frontier.discover(URL + "?utm_source=rss&utm_medium=feed") == "duplicate"
    assert frontier.discover("https://m.kabar.example.id/berita/2024/11/20/bawaslu-tegal/") == "duplicate"
    assert frontier.discover("https://kabar.example.id/amp/berita/2024/11/20/bawaslu-tegal") == "duplicate"
    assert frontier.claim(URL) and not frontier.claim(URL + "/")


def test_known_pages_come_back_only_with_a_newer_lastmod():
    key = "https://kabar.example.id/berita/2024/11/20/bawaslu-tegal"
    frontier = Frontier({key: "2024-11-20T02:00:00+00:00"})
    assert frontier.discover(URL, lastmod="2024-11-20T01:00:00+00:00") == "known"
    assert frontier.discover(URL, lastmod="2024-11-21T00:00:00+00:00") == "new"  # a later listing says newer
    assert frontier.discover(URL, lastmod="2024-11-22T00:00:00+00:00") == "duplicate"
    assert not frontier.claim(URL) and frontier.claim(URL, lastmod="2024-11-21T00:00:00+00:00")
    frontier.stored(URL, "2024-11-21T05:00:00+00:00")
    assert frontier.is_current(url_key(key), "2024-11-21T00:00:00+00:00")
