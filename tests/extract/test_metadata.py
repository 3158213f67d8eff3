"""Title, date and author choice from declared metadata and bylines."""
import pytest

from extract.authors import clean_credit
from extract.dates import parse_indonesian_date, to_jakarta_day, url_date
from extract.titles import registered_label, strip_site


@pytest.mark.parametrize("raw, expected", [
    ("Gempa Guncang Cianjur - Kompas.com", "Gempa Guncang Cianjur"),
    ("Gempa Guncang Cianjur | Republika Online", "Gempa Guncang Cianjur"),
    ("KapanLagi.com: Artis Muda Rilis Album Perdana", "Artis Muda Rilis Album Perdana"),
    ("Harga Cabai Turun - Ekonomi :: Okezone Economy", "Harga Cabai Turun"),
    ("Menkeu: Defisit Anggaran Masih Aman - Kompas.com", "Menkeu: Defisit Anggaran Masih Aman"),
    ("Tanpa Nama Situs Sama Sekali", "Tanpa Nama Situs Sama Sekali"),
])
def test_site_names_are_stripped_from_titles(raw, expected):
    assert strip_site(raw, {"kompas", "republika", "kapanlagi", "okezone"}) == expected


def test_registered_label():
    assert registered_label("nasional.kompas.com") == "kompas"
    assert registered_label("www.republika.co.id") == "republika"
    assert registered_label("jateng.antaranews.com") == "antaranews"


@pytest.mark.parametrize("value, day", [
    ("2024-03-13T18:30:00Z", "2024-03-14"),
    ("2024-03-13T23:59:00+07:00", "2024-03-13"),
    ("2024-05-06T08:10:00+09:00", "2024-05-06"),
    ("2016-02-16T13:01:52+0700", "2016-02-16"),
    ("2024-01-31 22:00:00", "2024-01-31"),
    ("2014-07-13T20:07:27.8200000", "2014-07-13"),
    ("2024-13-45", None),
    ("kemarin sore", None),
    ("0000-00-00", None),
])
def test_declared_dates_become_the_jakarta_day(value, day):
    assert to_jakarta_day(value) == day


@pytest.mark.parametrize("text, day", [
    ("Selasa, 16 Februari 2016 | 14:38 WIB", "2016-02-16"),
    ("Jum'at, 17 Agustus 2018 - 10:00 wib", "2018-08-17"),
    ("Kamis, 05/11/2015 09:25 WIB", "2015-11-05"),
    ("Senin, 1 Nopember 2021", "2021-11-01"),
    ("tanpa tanggal", None),
])
def test_indonesian_datelines(text, day):
    assert parse_indonesian_date(text) == day


def test_url_dates():
    assert url_date("https://x.example/read/2016/02/16/14382361/judul") == "2016-02-16"
    assert url_date("https://x.example/berita/629369/judul") is None


@pytest.mark.parametrize("credit, author", [
    ("Penulis: Nabila Putri", "Nabila Putri"),
    ("Pewarta: Budi Santoso dan Agus S", "Budi Santoso; Agus S"),
    ("Penulis : Kontributor Lhokseumawe, Teuku Ridwan", "Teuku Ridwan"),
    ("Oleh : Maya Kartika", "Maya Kartika"),
    ("Fotografer: Yosef Langgar", "Yosef Langgar"),
    ("Rudi Hartono - detiknews", "Rudi Hartono"),
    ("Rina Kartika\nJurnalis", "Rina Kartika"),
    ("DINI ANGGRAENI", "Dini Anggraeni"),
    ("Editor: Bambang Wijaya", None),
    ("Red: Joko Susilo", None),
    ("Kompas Cyber Media", None),
    ("Redaksi", None),
    ("xqtr", None),
    ("mediaindonesia.com developer", None),
])
def test_credits_are_cleaned(credit, author):
    assert clean_credit(credit, {"kompas", "mediaindonesia", "detik"}) == author
