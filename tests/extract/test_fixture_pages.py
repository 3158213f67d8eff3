"""Extraction of our own realistic Indonesian news pages (tests/fixtures/extract)."""
from pathlib import Path

import pytest

from extract import extract_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


def extract(name, url=None):
    return extract_article((FIXTURES / name).read_bytes(), url)


def test_regional_page_drops_baca_juga_boxes_and_furniture():
    article = extract("regional_baca_juga.html", "https://suaramadura.example/x")
    assert article.is_article and article.error is None
    assert article.title == "Banjir Rendam Tiga Kecamatan di Kabupaten Sampang, Ratusan Warga Mengungsi"
    # 18:30 UTC on the 13th is 01:30 on the 14th in Jakarta
    assert article.published == "2024-03-14"
    assert article.author == "Rahmat Hidayatullah"
    assert article.url == "https://suaramadura.example/daerah/2024/03/14/banjir-rendam-tiga-kecamatan-sampang"
    text = article.text
    assert text.startswith("SAMPANG, SUARAMADURA - Hujan deras")
    assert text.rstrip().endswith("hingga akhir pekan. (rhd/snj)")
    for junk in ("Baca juga", "Baca Juga", "Jembatan Torjun Ambrol", "Harga Garam", "Warga Pamekasan",
                 "Sekolah di Torjun", "ADVERTISEMENT", "SCROLL TO RESUME", "Gambas", "Editor:", "Bagikan",
                 "Longsor Tutup", "Semoga cepat surut", "Foto:", "Hak cipta", "Harga Cabai"):
        assert junk not in text, junk
    assert "\n\n" in text and "\n\n\n" not in text
    assert article.language == "id"
    assert article.simhash and len(article.simhash) <= 16


def test_jsonld_page_gives_headline_date_and_all_authors():
    article = extract("jsonld_article.html")
    assert article.title == "KPU Tetapkan Jadwal Rekapitulasi Suara Tingkat Provinsi"
    assert article.published == "2024-02-14"  # 23:45 WIB stays on the 14th
    assert article.author == "Dewi Anggraini; Bima Prasetya"
    assert "Lihat juga" not in article.text and "Simak Video" not in article.text
    assert "Google News" not in article.text and "Debat Terakhir" not in article.text
    assert article.text.count("\n\n") == 3


def test_date_from_dateline_not_from_related_links():
    article = extract("dateline_related_links.html")
    assert article.published == "2024-03-14"
    assert article.author == "Yohanes Bria Seran"
    assert "Stok Beras di Gudang Bulog" not in article.text
    assert "Foto:" not in article.text and article.text.startswith("KUPANG, TIMEX")


def test_no_date_is_null_even_with_dated_related_links():
    article = extract("no_date_related_links.html", "https://kabarlereng.example/berita/warga-gotong-royong")
    assert article.is_article
    assert article.published is None
    assert article.author is None
    assert "Lomba Agustusan" not in article.text


def test_index_page_is_not_an_article():
    article = extract("index_section.html", "https://pelitatimur.example/nasional")
    assert article.is_article is False
    assert article.text == "" and article.error is None and article.published is None


def test_index_page_recognised_without_url():
    article = extract("index_section.html")
    assert article.is_article is False


def test_short_undated_unsigned_page_is_kept_but_not_an_article():
    html = ("<html><head><title>Tentang Kami - Kabar Lereng</title></head><body><nav><a href='/'>Beranda</a></nav>"
            "<div class='halaman'><h1>Tentang Kami</h1><p>Kabar Lereng adalah media warga di lereng Merapi yang "
            "memberitakan kegiatan desa, pertanian, dan kebencanaan.</p><p>Redaksi menerima tulisan warga melalui "
            "surel dan menyuntingnya sebelum terbit.</p></div></body></html>")
    article = extract_article(html, "https://kabarlereng.example/tentang-kami")
    assert article.is_article is False and article.error is None
    assert article.text.startswith("Kabar Lereng adalah media warga")


def test_amp_page():
    article = extract("amp_article.html", "https://malukupos.example/amp/read/2024/05/06/x")
    assert article.url == "https://malukupos.example/read/2024/05/06/pelabuhan-penyeberangan-baru-seram"
    assert article.title == "Gubernur Resmikan Pelabuhan Penyeberangan Baru di Pulau Seram"
    assert article.published == "2024-05-06"
    assert article.author == "Nona Latuconsina"
    assert article.text.startswith("AMBON, MALUKUPOS")
    assert "Harga Pala" not in article.text and "Foto:" not in article.text


def test_first_page_of_multipage_article():
    article = extract("multipage_first.html")
    assert article.title == "Mengenal Tradisi Pasola di Sumba Barat"
    assert article.author == "Fransiskus Xaverius Lado"
    assert "Halaman selanjutnya" not in article.text


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_every_fixture_serialises(name):
    record = extract(name).to_json()
    assert set(record) >= {"url", "title", "published", "author", "text", "language", "is_article", "error", "simhash"}
