"""Canonical URLs: tracking params, AMP/mobile variants and trailing slashes collapse to one key."""
import pytest

from corpus.urls import canonical_url, outlet_of


@pytest.mark.parametrize("variant", [
    "https://www.kabarnusa.id/politik/bawaslu-temukan-pelanggaran/",
    "https://kabarnusa.id/politik/bawaslu-temukan-pelanggaran?utm_source=twitter&utm_medium=social",
    "https://m.kabarnusa.id/politik/bawaslu-temukan-pelanggaran?fbclid=IwAR0abc",
    "https://amp.kabarnusa.id/politik/bawaslu-temukan-pelanggaran/amp",
    "https://kabarnusa.id/amp/politik/bawaslu-temukan-pelanggaran",
    "https://KABARNUSA.id/politik/bawaslu-temukan-pelanggaran#komentar",
])
def test_variants_share_one_key(variant):
    assert canonical_url(variant) == "https://kabarnusa.id/politik/bawaslu-temukan-pelanggaran"


def test_meaningful_query_kept_and_sorted():
    url = "https://kabarnusa.id/cari?q=politik+uang&page=2&utm_campaign=x"
    assert canonical_url(url) == "https://kabarnusa.id/cari?page=2&q=politik+uang"


def test_root_and_port_kept():
    assert canonical_url("http://127.0.0.1:8765") == "http://127.0.0.1:8765/"
    assert canonical_url("http://127.0.0.1:8765/berita/1.html") == "http://127.0.0.1:8765/berita/1.html"


def test_different_articles_stay_different():
    assert canonical_url("https://kabarnusa.id/a/1") != canonical_url("https://kabarnusa.id/a/2")


def test_outlet():
    assert outlet_of("https://www.kabarnusa.id/x") == "kabarnusa.id"
    assert outlet_of("https://daerah.kabarnusa.id/x") == "daerah.kabarnusa.id"
    assert outlet_of(None) is None
