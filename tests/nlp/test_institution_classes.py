"""Institutions: failure classes found on held-out styles, tested on sentences of our own."""
import pytest

from nlp.institutions import find_institutions
from nlp.sentences import split_sentences


def insts(text):
    return {i.name: i for i in find_institutions(text, split_sentences(text))}


def names_and_aliases(inst):
    return {inst.name.lower()} | {a.lower() for a in inst.aliases}


@pytest.mark.parametrize("text,name,alias", [
    # Aceh and Papua election bodies and parliaments
    ("Komisi Independen Pemilihan (KIP) Kabupaten Bireuen menetapkan DPT.", "KIP Kabupaten Bireuen", "KIP"),
    ("Panitia Pengawas Pemilihan (Panwaslih) Kota Langsa menertibkan baliho.", "Panwaslih Kota Langsa",
     "Panitia Pengawas Pemilihan"),
    ("Calon anggota Dewan Perwakilan Rakyat Aceh (DPRA) itu dilaporkan warga.", "DPRA",
     "Dewan Perwakilan Rakyat Aceh"),
    ("Majelis Rakyat Papua Barat (MRPB) menggelar rapat pleno.", "MRPB", "Majelis Rakyat Papua Barat"),
    # expanded acronym aliases before an unlisted town
    ("Sidang digelar di Pengadilan Negeri (PN) Tanjung Balai Karimun pekan lalu.", None, None),
    ("Perkara itu disidangkan di Pengadilan Negeri (PN) Kefamenanu, Senin.", "Pengadilan Negeri Kefamenanu",
     "PN Kefamenanu"),
    # regional offices of national bodies
    ("Kantor Wilayah Kementerian Agama (Kanwil Kemenag) Provinsi Maluku memberangkatkan jemaah.",
     "Kanwil Kemenag Provinsi Maluku", "Kantor Wilayah Kementerian Agama Provinsi Maluku"),
    ("Kantor Perwakilan Bank Indonesia (BI) Provinsi Maluku Utara mencatat inflasi.", "BI Provinsi Maluku Utara",
     "Kantor Perwakilan Bank Indonesia Provinsi Maluku Utara"),
    # regional offices and organisations not in the gazetteer, named with their acronym
    ("Dinas Pemberdayaan Masyarakat dan Kampung (DPMK) Kabupaten Jayapura mengumpulkan kepala kampung.",
     "DPMK Kabupaten Jayapura", "Dinas Pemberdayaan Masyarakat dan Kampung"),
    ("Himpunan Nelayan Seluruh Indonesia (HNSI) Kabupaten Rote Ndao menolak politik uang.",
     "HNSI Kabupaten Rote Ndao", "Himpunan Nelayan Seluruh Indonesia"),
    ("Satuan Polisi Pamong Praja dan Wilayatul Hisbah (Satpol PP dan WH) Aceh Besar membongkar baliho.",
     "Satpol PP dan WH Aceh Besar", "Satuan Polisi Pamong Praja dan Wilayatul Hisbah"),
])
def test_body_names_and_aliases(text, name, alias):
    got = insts(text)
    if name is None:
        assert len(got) == 1 and next(iter(got)).startswith("Pengadilan Negeri")
        return
    assert name in got, sorted(got)
    assert alias.lower() in names_and_aliases(got[name])


def test_military_units_are_named_with_their_number():
    got = insts("Dandim 1618/TTU dan Komandan Korem 161/Wira Sakti meninjau Kodim 1618/TTU.")
    assert "Kodim 1618/TTU" in got


def test_region_short_name_defined_by_the_article():
    text = ("Bawaslu Kabupaten Hulu Sungai Utara (HSU) merekomendasikan PSU. Ketua Bawaslu HSU menyerahkan "
            "rekomendasi ke KPU HSU.")
    got = insts(text)
    assert "Bawaslu HSU" in names_and_aliases(got["Bawaslu Kabupaten Hulu Sungai Utara"]) or \
        "bawaslu hsu" in names_and_aliases(got["Bawaslu Kabupaten Hulu Sungai Utara"])
    assert any(n.startswith("KPU") for n in got)
    assert len([n for n in got if n.startswith("Bawaslu")]) == 1


def test_bare_name_in_a_story_opened_by_one_unit():
    text = ("Komisi Pemilihan Umum (KPU) Kota Ambon menuntaskan rekapitulasi suara. Hasilnya diserahkan ke "
            "KPU Provinsi Maluku pada pekan berikutnya, setelah semua saksi partai menandatangani berita acara "
            "di setiap kecamatan dan pengawas menyatakan tidak ada keberatan yang tersisa dari peserta pemilu. "
            "Seluruh saran pengawas ditindaklanjuti oleh KPU.")
    got = insts(text)
    assert set(got) == {"KPU Kota Ambon", "KPU Provinsi Maluku"}


def test_generic_unit_mentions_are_not_bodies():
    text = "Dandim meminta para Danramil di 12 Koramil jajaran memantau babinsa hingga tingkat Koramil."
    assert "Koramil" not in insts(text)


def test_office_of_a_listed_body_and_survey_firms_are_not_unlisted_bodies():
    text = ("Rapat digelar di Kantor DPRD Kota Bitung. Menurut Lembaga Survei Indonesia (LSI), elektabilitas "
            "naik. Majelis Hakim menolak eksepsi.")
    got = insts(text)
    assert set(got) == {"DPRD Kota Bitung"}


def test_office_named_in_full_keeps_the_full_name_unless_its_acronym_is_written():
    got = insts("Dinas Perdagangan Kabupaten Flores Timur memantau harga. Dinas Kesehatan (Dinkes) Lembata siaga.")
    assert "Dinas Perdagangan Kabupaten Flores Timur" in got
    assert "Dinkes Lembata" in got


def test_bare_sub_unit_word_joins_the_narrower_unit():
    text = ("Bidang Profesi dan Pengamanan (Bidpropam) Polda Maluku memeriksa tiga anggota. Warga dapat melapor "
            "ke layanan pengaduan Propam.")
    got = insts(text)
    assert set(got) == {"Bidpropam Polda Maluku"}
    assert "propam" in names_and_aliases(got["Bidpropam Polda Maluku"])
