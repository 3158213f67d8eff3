"""Officials: apposition patterns, ranks and degrees stripped, surname merging, exclusions."""
from pathlib import Path

from nlp.institutions import find_institutions
from nlp.officials import find_officials
from nlp.sentences import split_sentences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "nlp"


def offs(text):
    sents = split_sentences(text)
    insts = find_institutions(text, sents)
    return {o.name: o for o in find_officials(text, sents, insts)}, {i.name for i in insts}


def test_police_release():
    got, insts = offs((FIXTURES / "police_release.txt").read_text(encoding="utf-8"))
    assert set(got) == {"Wirdhanto Hadicaksono", "Abdul Jalil", "Rizal Firmansyah"}
    assert got["Wirdhanto Hadicaksono"].institution == "Polres Karawang"
    assert got["Rizal Firmansyah"].institution == "Bawaslu Kabupaten Karawang"
    assert got["Rizal Firmansyah"].position == "Ketua"
    assert all(o.institution in insts for o in got.values())
    assert len(got["Wirdhanto Hadicaksono"].mentions) >= 2  # the later surname-only quote


def test_national_quotes_and_related_headline():
    got, insts = offs((FIXTURES / "national_quotes.txt").read_text(encoding="utf-8"))
    assert set(got) == {"Tito Karnavian", "Tasdik Kinanto", "Guspardi Gaus"}
    assert got["Tasdik Kinanto"].institution == "KASN"
    assert got["Tito Karnavian"].institution == "Kemendagri"


def test_name_before_position_and_list():
    text = ("Rapat dipimpin Yuliana Sari, Kepala BPS Provinsi Bali. Hadir pula Anggota KPU Kota Denpasar "
            "lainnya, yakni Made Arsana, Ni Luh Sukerti, dan Gede Wirawan.")
    got, _ = offs(text)
    assert set(got) == {"Yuliana Sari", "Made Arsana", "Ni Luh Sukerti", "Gede Wirawan"}
    assert got["Ni Luh Sukerti"].institution == "KPU Kota Denpasar"


def test_initials_and_unpositioned_people_excluded():
    got, _ = offs("Ketua RT berinisial AS diperiksa. Caleg bernama Budi Santoso divonis bersalah.")
    assert got == {}
