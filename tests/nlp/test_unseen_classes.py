"""Officials and institutions: classes found on the second held-out set, checked on sentences of our own
(other regions, other names): regional offices, chapters, schools, long office names, hospitals named after
people, adverbs before titles, terms of office, island-group units, the article's own short names."""
import pytest
from finder_helpers import run, names_of



@pytest.mark.parametrize("text,person,institution", [
    # a capitalised adverb before a title is not a name
    ("Sekarang, Ketua KPU Kabupaten Sumba Barat, Yohanes Lende, memastikan logistik tiba.", "Yohanes Lende",
     "KPU Kabupaten Sumba Barat"),
    # a head, "dari", the body
    ("Jaksa Penuntut Umum dari Kejaksaan Negeri Sumbawa, Dewa Gede Artha, membacakan tuntutan.",
     "Dewa Gede Artha", "Kejaksaan Negeri Sumbawa"),
    # a term of office between the title and the name
    ("Mantan Ketua KPU Provinsi Sulawesi Barat periode 2018-2023, Farid Wajdi, ikut memantau.", "Farid Wajdi",
     "KPU Provinsi Sulawesi Barat"),
    # an office whose name lists its fields, closed by its own acronym
    ("Kepala Dinas Kebudayaan, Pariwisata, Pemuda dan Olahraga (Disbudparpora) Kabupaten Ende, Maria Goreti "
     "Wula, membuka festival.", "Maria Goreti Wula", "Disbudparpora Kabupaten Ende"),
    # a hospital named after a person: the person is part of the body's name, the director is the official
    ("Direktur RSUD Abdul Moeloek, dr. Lukman Pura, mengatakan ruang isolasi siap.", "Lukman Pura",
     "RSUD Abdul Moeloek"),
    # Balinese names and customary bodies
    ("Ketua Majelis Desa Adat (MDA) Kabupaten Gianyar, I Wayan Kantra, meminta prajuru adat netral.",
     "I Wayan Kantra", "MDA Kabupaten Gianyar"),
    # a national agency's regional office, numbered
    ("Kepala Kantor Regional IV Badan Kepegawaian Negara Makassar, Budi Hartono, menerima rekomendasi.",
     "Budi Hartono", "Kanreg IV BKN Makassar"),
    # the press office head spelled out belongs to the police force itself
    ("Kepala Bidang Humas Polda Sulawesi Tenggara, Kombes Pol Ferry Walintukan, membenarkan penangkapan.",
     "Ferry Walintukan", "Polda Sulawesi Tenggara"),
    # the article never writes the acronym: the body keeps its full name
    ("Kepala Perwakilan Bank Indonesia Provinsi Bengkulu, Wahyu Yuwana, menyebut inflasi terkendali.",
     "Wahyu Yuwana", "Bank Indonesia Provinsi Bengkulu"),
    # the article's own acronym is the short name
    ("Kepala Badan Kesatuan Bangsa dan Politik (Bakesbangpol) Kabupaten Bantul, Sri Muryani, hadir.",
     "Sri Muryani", "Bakesbangpol Kabupaten Bantul"),
    # public schools and universities
    ("Kepala SMA Negeri 2 Ambon, Yohana Latuheru, mengatakan siswa kelas XII ikut simulasi.", "Yohana Latuheru",
     "SMA Negeri 2 Ambon"),
    ("Rektor Universitas Mataram, Bambang Hari Kusumo, meminta dosen menjaga netralitas.", "Bambang Hari Kusumo",
     "Universitas Mataram"),
])
def test_official_and_institution(text, person, institution):
    offs, insts = run(text)
    assert set(offs) == {person}, sorted(offs)
    assert institution in insts, sorted(insts)
    assert offs[person].institution == institution


@pytest.mark.parametrize("text,name,alias", [
    ("Ikatan Dokter Indonesia (IDI) Cabang Kupang memeriksa kesehatan calon.", "IDI Cabang Kupang",
     "Ikatan Dokter Indonesia"),
    ("Tes urine dilakukan Badan Narkotika Nasional Provinsi (BNNP) Sulawesi Tenggara.",
     "BNNP Sulawesi Tenggara", "Badan Narkotika Nasional Provinsi"),
    ("Tim Pengendalian Inflasi Daerah (TPID) Kota Jambi menggelar pasar murah.", "TPID Kota Jambi",
     "Tim Pengendalian Inflasi Daerah"),
    ("Panitia Pengawas Kecamatan (Panwascam) Sungai Kunjang menemukan alat peraga di sekolah.",
     "Panwascam Sungai Kunjang", "Panwascam"),
    ("Apel digelar personel Polres Pulau Buru dan Pulau-Pulau Sekitar bersama Kodim setempat.",
     "Polres Pulau Buru dan Pulau-Pulau Sekitar", "Polres"),
    ("Bawaslu Kabupaten Pangkajene dan Kepulauan menerima tiga laporan.",
     "Bawaslu Kabupaten Pangkajene dan Kepulauan", "Bawaslu"),
    ("Kantor Wilayah Direktorat Jenderal Pajak Jawa Timur mencatat kenaikan.", None, None),
    ("Situs itu diakui UNESCO sebagai warisan dunia.", "UNESCO", "UNESCO"),
])
def test_institution_names(text, name, alias):
    _, insts = run(text)
    if name is None:  # an unlisted agency after an office word: nothing made up
        assert all("Kantor Wilayah" not in n or "Pajak" in n for n in insts)
        return
    assert name in insts, sorted(insts)
    assert alias.lower() in names_of(insts[name])


def test_military_unit_written_with_its_initials_is_one_unit():
    text = ("Danrem 043/Garuda Hitam meminta prajurit netral. Dua prajurit di jajaran Korem 043/GH pernah "
            "dihukum disiplin.")
    _, insts = run(text)
    korem = [n for n in insts if n.startswith("Korem")]
    assert korem == ["Korem 043/Garuda Hitam"], korem
    assert "korem 043/gh" in names_of(insts["Korem 043/Garuda Hitam"])


def test_regulation_of_a_bare_body_is_the_national_body():
    _, insts = run("KPU Kabupaten Sikka menetapkan DPT sesuai Peraturan KPU Nomor 7 Tahun 2022.")
    assert set(insts) == {"KPU Kabupaten Sikka", "KPU"}


def test_office_spelled_out_and_named_by_its_heads_title_is_one_body():
    text = ("Sekda Kota Padang, Andree Algamar, mengatakan Pemerintah Kota Padang menyiapkan posko. "
            "Pegawai yang melanggar akan diperiksa.")
    offs, insts = run(text)
    assert len([n for n in insts if "Padang" in n]) == 1, sorted(insts)
    gov = next(i for n, i in insts.items() if "Padang" in n)
    assert offs["Andree Algamar"].institution == gov.name
    assert "pemkot padang" in names_of(gov)


def test_regional_office_and_its_agency_are_two_bodies():
    text = ("Kantor Regional VI Badan Kepegawaian Negara Medan menerima laporan. BKN pusat akan memberi sanksi "
            "kepada ASN yang terbukti tidak netral.")
    _, insts = run(text)
    assert "Kanreg VI BKN Medan" in insts and "BKN" in insts, sorted(insts)


def test_a_list_of_offices_is_not_one_long_name():
    text = "Dinas Kesehatan, Dinas Sosial, dan Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sikka siaga."
    _, insts = run(text)
    assert "BPBD Kabupaten Sikka" in insts, sorted(insts)
    assert not any("Sosial" in n and "BPBD" in n for n in insts)
