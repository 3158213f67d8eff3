"""Institutions: gazetteer forms, regional units, sub-units, the bare-name rule, exclusions."""
from pathlib import Path

from nlp.institutions import find_institutions
from nlp.sentences import split_sentences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "nlp"


def insts(text):
    return {i.name: i for i in find_institutions(text, split_sentences(text))}


def test_national_body_with_full_name_and_ri():
    got = insts("Badan Pengawas Pemilu (Bawaslu) RI mencatat pelanggaran. Bawaslu juga menyurati BKN.")
    assert set(got) == {"Bawaslu", "BKN"}
    assert {"Badan Pengawas Pemilu", "Bawaslu RI"} <= set(got["Bawaslu"].aliases)
    assert len(got["Bawaslu"].mentions) == 2


def test_regional_unit_keeps_region_and_absorbs_bare_name():
    text = ("Badan Pengawas Pemilu (Bawaslu) Kabupaten Boyolali menerima laporan warga. "
            "Bawaslu Boyolali lalu memanggil saksi. Bawaslu menilai laporan itu lengkap.")
    got = insts(text)
    assert list(got) == ["Bawaslu Kabupaten Boyolali"]
    assert {"Bawaslu Boyolali", "Bawaslu"} <= set(got["Bawaslu Kabupaten Boyolali"].aliases)


def test_two_units_leave_bare_name_national():
    text = "Bawaslu Jateng dan Bawaslu Kota Tegal berkoordinasi. Putusan Bawaslu menjadi acuan."
    assert set(insts(text)) == {"Bawaslu Jateng", "Bawaslu Kota Tegal", "Bawaslu"}


def test_subunit_with_parent_and_building_and_regulation():
    text = ("Ditjen Polpum Kemendagri menggelar rapat di Gedung DPD RI bersama Komite I DPD RI. "
            "Aturannya ada dalam Peraturan KPU.")
    assert set(insts(text)) == {"Ditjen Polpum Kemendagri", "DPD RI", "Komite I DPD RI", "KPU"}


def test_generic_mentions_outlets_and_related_headlines_excluded():
    text = ("Bawaslu se-Jawa Timur dan Polda jajaran siaga, kata sumber kepada Okezone.\n"
            "Baca juga: Kemenkes Catat Lonjakan Kasus DBD")
    assert insts(text) == {}


def test_police_release_fixture():
    got = insts((FIXTURES / "police_release.txt").read_text(encoding="utf-8"))
    assert {"Polres Karawang", "Bawaslu Kabupaten Karawang", "Kejari Karawang", "Gakkumdu"} <= set(got)
    assert "Kepolisian Resor" in " ".join(got["Polres Karawang"].aliases)


def test_region_from_government_for_local_office():
    text = "Pemkab Lampung Timur melalui Dinas Kesehatan (Dinkes) menyiapkan posko."
    assert set(insts(text)) == {"Pemkab Lampung Timur", "Dinkes Lampung Timur"}


def test_region_names_from_areaid_table_and_abbreviations():
    from nlp.regions import region_index
    from nlp.tokens import tokenize
    from nlp.regions import match_region

    assert region_index() is region_index()
    for written, name in [("Kendal", "Kendal"), ("Sumsel", "Sumatra Selatan"), ("Kukar", "Kutai Kartanegara"),
                          ("Penajam Paser Utara", "Penajam Paser Utara")]:
        hit = match_region(tokenize(written + " x"), 0)
        assert hit and hit[1].name == name
