"""Day-level dates resolved against the publication date (GUIDELINES: dates)."""
import datetime as dt

import pytest

from df_fixtures import load_fixtures
from nlp.dates import find_dates
from nlp.sentences import split_sentences


def _values(text, published=None):
    anchor = dt.date.fromisoformat(published) if published else None
    return [d.value for d in find_dates(text, split_sentences(text), anchor)]


@pytest.mark.parametrize("text, published, values", [
    ("Bagja berbicara di Jakarta, Selasa (3/12/2024).", None, ["2024-12-03"]),
    ("Rapat digelar Jumat (20/09/2024) malam.", None, ["2024-09-20"]),
    ("Rapat digelar Selasa, (21/06/2023) di kantor.", None, ["2023-06-21"]),
    ("Kata dia, Senin pagi (3/10/2016).", None, ["2016-10-03"]),
    ("Ia datang Kamis, 18 Oktober kemarin.", "2024-10-19", ["2024-10-18"]),
    ("Rapat pada 1 Oktober 2024 berjalan lancar.", None, ["2024-10-01"]),
    ("Pemilu 17 April 2019 lalu berlangsung aman.", None, ["2019-04-17"]),
    ("Ujar dia, Rabu 10 Mei 2023 pukul 11.24 WIB.", None, ["2023-05-10"]),
    ("Longsor terjadi Jumat (18/11).", "2016-11-19", ["2016-11-18"]),
    ("Rapat digelar Selasa (31/12).", "2025-01-02", ["2024-12-31"]),
    ("Kampanye berlangsung 11-13/2/2024.", None, ["2024-02-11", "2024-02-13"]),
    ("Kampanye berlangsung 11 hingga 13 Februari 2024.", None, ["2024-02-11", "2024-02-13"]),
    ("Simulasi pada 5-6 November 2024 di GOR.", None, ["2024-11-05", "2024-11-06"]),
    ("Masa tenang 28 Oktober sampai 2 November 2024.", None, ["2024-10-28", "2024-11-02"]),
    ("Laporan diterima kemarin.", "2024-11-26", ["2024-11-25"]),
    ("Putusan dibacakan Senin lalu.", "2024-11-27", ["2024-11-25"]),
    ("Sidang digelar Senin depan.", "2024-11-14", ["2024-11-18"]),
    ("Sidang digelar Rabu pekan depan.", "2024-11-14", ["2024-11-20"]),
    ("Hal itu disampaikan di Kediri, Jumat.", "2024-09-21", ["2024-09-20"]),
    ("Kampanye berakhir 10 Februari mendatang.", "2023-12-06", ["2024-02-10"]),
    ("Ia menjelaskan pada 17 Agusuts 2024 di Jakarta.", None, ["2024-08-17"]),
    ("Pemungutan suara digelar 27 November.", "2024-11-20", ["2024-11-27"]),
    ("Rapat pleno digelar 10 Februari.", "2024-12-06", ["2024-02-10"]),
    # a weekday after "sejak": the day something started, the last such day up to publication
    ("Surat suara sudah dikirim ke kecamatan sejak Rabu sore, kata Ketua KPU.", "2024-11-22", ["2024-11-20"]),
    ("Posko pengaduan dibuka sejak Senin.", "2024-10-09", ["2024-10-07"]),
])
def test_dates(text, published, values):
    assert _values(text, published) == values


@pytest.mark.parametrize("text, published", [
    ("Pemilu 2019 dan Pilkada Serentak 2024 berbeda.", "2024-01-01"),
    ("Inflasi September 2016 sebesar 0,22 persen.", "2016-10-03"),
    ("Sesuai UU Nomor 7 Tahun 2017 dan surat 124/PM.00.02/K.JB-14/09/2024.", None),
    ("Kemarin lusa hujan.", None),
    ("Setiap Senin pagi, apel digelar.", "2024-01-10"),
    ("Bimtek KPPS digelar pekan depan.", "2024-11-14"),
    ("Hingga hari ini belum ada laporan.", "2024-11-14"),
    ("Tanggal 21 besok ulang tahun pernikahan.", "2017-02-17"),
    ("Saat ini gempa 4,5 SR terjadi 69 km tenggara Cilacap.", "2019-01-08"),
])
def test_not_dates(text, published):
    assert _values(text, published) == []


def test_weekday_gives_the_year_when_there_is_no_publication_date():
    text = "Kasus di Pilkada 2024 dan Pilkada 2025 dibahas. Rapat digelar Selasa (15/4)."
    assert _values(text) == ["2025-04-15"]


def test_written_weekday_that_does_not_fit_loses_to_the_publication_date():
    assert _values("Semua selesai per Kamis, 18 Oktober.", "2024-10-19") == ["2024-10-18"]


@pytest.mark.parametrize("text, published, value", [
    # the weekday decides the year; "akan" inside the quote says nothing about the attribution's date
    ('"Sisanya akan kami panggil lagi," ujar Ketua Panwaslih, Minggu (29/9).', "2024-09-30", "2024-09-29"),
    ("Rapat digelar Sabtu (28/12) di Kupang.", "2025-01-03", "2024-12-28"),
    ("Sidang akan digelar Kamis (9/1) di Jayapura.", "2024-12-30", "2025-01-09"),
    # without a weekday, a day after publication in the same sentence as "akan" is the coming one
    ("Pleno akan dilaksanakan pada 5 Januari.", "2024-12-28", "2025-01-05"),
    # a planned day reported after it passed is this year's, not next year's
    ("Pleno dijadwalkan pada 1 Desember di aula KPU.", "2024-12-05", "2024-12-01"),
    # "tanggal" makes a bare day/month a date; "nanti" after it points ahead
    ("Tanggal 14/2 nanti warga datang ke TPS.", "2024-12-05", "2025-02-14"),
    ("Berkas diserahkan tanggal 2/12 ke Kejari.", "2024-12-05", "2024-12-02"),
])
def test_weekday_and_tense_pick_the_year(text, published, value):
    assert _values(text, published) == [value]


def test_hari_ini_is_not_a_date():
    """Dev annotators leave "hari ini" out even for an event of the day (it is the day of speaking)."""
    assert _values("Hari ini kami sudah memanggil tiga kepala desa itu.", "2024-10-28") == []


def test_dates_in_related_headlines_and_captions_are_skipped():
    text = "Bawaslu rapat Rabu (14/2/2024).\nBaca juga: KPU Tetapkan Hasil, Kamis (15/2/2024)\nFoto: Rabu (14/2/2024)."
    assert _values(text) == ["2024-02-14"]


def test_provenance_points_at_the_written_date():
    text = "Pertama. Rapat digelar Selasa (3/12/2024) di Jakarta."
    fact = find_dates(text, split_sentences(text), None)[0]
    assert (fact.sentence, fact.text) == (1, "Selasa (3/12/2024)")
    assert text[fact.start:fact.end].strip() == fact.text


@pytest.mark.parametrize("name, text, expected", load_fixtures(), ids=lambda x: x if isinstance(x, str) else "")
def test_our_articles(name, text, expected):
    assert sorted(set(_values(text, expected["published"]))) == sorted(set(expected["dates"]))
