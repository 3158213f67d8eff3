"""Indonesian number parsing: digits in Indonesian notation and number words."""
import pytest

from nlp.numbers import find_numbers, parse_number


@pytest.mark.parametrize("written, value", [
    ("1.010", 1010), ("2,5", 2.5), ("1.254.964", 1254964), ("0,22", 0.22), ("1181", 1181),
    ("1,2 juta", 1_200_000), ("3 ribu", 3000),
    ("seribu", 1000), ("sejuta", 1_000_000), ("sepuluh", 10), ("sebelas", 11), ("seratus", 100),
    ("lima", 5), ("dua belas", 12), ("dua puluh", 20), ("dua ratus tiga puluh", 230),
    ("seratus dua puluh lima", 125), ("tiga ribu lima ratus", 3500), ("lima belas ribu", 15000),
    ("dua juta tiga ratus ribu", 2_300_000), ("kelima", 5), ("kedua", 2),
])
def test_parse_number(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["puluh", "satu dua", "belas lima", "ratus", "kasus", ""])
def test_not_one_number(written):
    assert parse_number(written) is None


def test_find_numbers_in_a_sentence():
    text = "Ada lima kasus, 1.010 perkara dan dua ratus tiga puluh ASN; kelima kades diperiksa."
    assert [(n.text, n.value, n.kind) for n in find_numbers(text)] == [
        ("lima", 5, "words"), ("1.010", 1010, "digits"), ("dua ratus tiga puluh", 230, "words"),
        ("kelima", 5, "collective")]


def test_glued_and_hyphenated_forms_are_not_counts():
    text = "uang Rp9,5 juta, perkara 100-PKE-DKPP, satu-satunya saksi, pukul 11.24.49 WIB"
    assert [n.text for n in find_numbers(text)] == []


def test_neighbouring_words_split_into_separate_numbers():
    assert [n.value for n in find_numbers("satu dua tiga")] == [1, 2, 3]


def test_offsets_point_into_the_text():
    text = "Tercatat 27 temuan dan empat belas laporan."
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text


def test_a_window_gives_the_numbers_of_the_whole_text_that_lie_in_it():
    """Figures read the numbers of a whole article once and share them out by sentence."""
    text = "Ada dua belas laporan. Kedua terlapor diperiksa; 3 kasus dan seratus temuan. Tujuh lainnya ditolak."
    whole = [(n.start, n.value) for n in find_numbers(text)]
    parts = []
    second, third = text.index("Kedua"), text.index("Tujuh")
    for start, end in ((0, second - 1), (second, third - 1), (third, len(text))):
        parts += [(n.start, n.value) for n in find_numbers(text, start, end)]
    assert whole == parts
    assert [v for _, v in whole] == [12, 2, 3, 100, 7]


def test_reduplicated_counts_read_as_their_number():
    found = find_numbers("Dua-duanya sudah diperiksa, ketiga-tiganya belum; satu-satunya saksi hadir.")
    assert [(n.text, n.value, n.kind) for n in found] == [
        ("Dua-duanya", 2, "reduplicated"), ("ketiga-tiganya", 3, "reduplicated")]
