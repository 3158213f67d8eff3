"""Officials and institutions: classes found on the third held-out set, checked on sentences of our own
(other outlets, other regions, other names): unlisted bodies between a title and a name, a minister's
portfolio, military units by number, party boards, former holders, police sub-units, titles never names."""
import pytest
from finder_helpers import run, names_of, has_institution

from nlp.lexicon import read_table


@pytest.mark.parametrize("text,person,institution", [
    # an unlisted body's full name and acronym, honorifics before and degrees after the person
    ("Kepala Badan Pengelola Keuangan dan Aset Daerah (BPKAD) Bontang, Dr. Ir. Sitti Maryam Lubis, M.T., "
     "menjelaskan realisasi belanja.", "Sitti Maryam Lubis", "BPKAD Bontang"),
    ("Direktur Lembaga Kajian Demokrasi Nusantara (LKDN), Prof. Hendrik Sitorus, M.Si., menilai pemilih muda "
     "makin kritis.", "Hendrik Sitorus", "LKDN"),
    # a blended acronym and a place between the title and the name
    ("Kepala Disperkimtan Banyuwangi, Rudi Hartono Saputra, meninjau rumah warga.", "Rudi Hartono Saputra",
     "Disperkimtan Banyuwangi"),
    # the article's own acronym, used again later with a place
    ("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana (DP3AKB) Kota Cilegon membuka "
     "posko. Kepala DP3AKB Cilegon, Nurhasanah Aulia, mengatakan posko buka sepekan.", "Nurhasanah Aulia",
     "DP3AKB Kota Cilegon"),
    # a lower-case descriptor, then a university centre with a two-word acronym
    ("Peneliti senior Pusat Studi Pemilu Universitas Gadjah Mada (Pusdilu UGM), Arga Pramudya, menilai "
     "angka itu wajar.", "Arga Pramudya", "Pusdilu UGM"),
    # a minister's portfolio written without "Kementerian"
    ("Kunjungan itu didampingi Wakil Menteri Kependudukan dan Pembangunan Keluarga, Ir. Samuel Tampubolon, "
     "M.Eng., di Kupang. Data Kementerian Kependudukan dan Pembangunan Keluarga (Kemendukbangga) menunjukkan "
     "angka stunting turun.", "Samuel Tampubolon", "Kementerian Kependudukan dan Pembangunan Keluarga"),
    # a military unit with a roman number and a slash, a rank with TNI in it
    ("Panglima Kodam IX/Udayana Mayjen TNI Wahyu Kurniawan memimpin apel di Denpasar.", "Wahyu Kurniawan",
     "Kodam IX/Udayana"),
    ("Dandim 0721/Blora Letkol Inf Agung Pribadi menegaskan prajurit tidak punya hak pilih.", "Agung Pribadi",
     "Kodim 0721/Blora"),
    # a party's provincial and branch boards with their region
    ("Pasangan itu diantar Ketua DPD Partai Golkar Nusa Tenggara Barat, Lalu Ahmad Zaini, ke kantor KPU.",
     "Lalu Ahmad Zaini", "DPD Partai Golkar Nusa Tenggara Barat"),
    ("Sekretaris DPC PDI Perjuangan Kota Semarang, Dewi Kusumawati, mengumpulkan saksi.", "Dewi Kusumawati",
     "DPC PDI Perjuangan Kota Semarang"),
    # a person who holds two titles: the first one belongs to him
    ("Sekretaris Daerah Kabupaten Paser selaku Ketua TAPD, Drs. H. Katsul Wijaya, M.Si., memaparkan KUA. "
     "Pemerintah Kabupaten Paser menargetkan pendapatan naik.", "Katsul Wijaya", "Pemerintah Kabupaten Paser"),
    # a sub-district head serves the one regency government the article names
    ("Camat Sukaresmi, Ujang Kurnia, S.IP., dilaporkan ke Bawaslu. Pemkab Garut akan memeriksanya.",
     "Ujang Kurnia", "Pemkab Garut"),
])
def test_person_and_institution(text, person, institution):
    offs, insts = run(text)
    assert person in offs, sorted(offs)
    got = offs[person].institution
    assert got is not None and institution.lower() in names_of(insts[got]) | {got.lower()}, (got, sorted(insts))


@pytest.mark.parametrize("text,person", [
    ("Salah satu bakal calon adalah Nyoman Sudirga, mantan Wakil Bupati Tabanan periode 2016-2021.",
     "Nyoman Sudirga"),
    ("Hadir pula Agus Salimin, eks Kapolres Bantul, yang kini maju sebagai calon.", "Agus Salimin"),
])
def test_former_holder_named_before_the_title(text, person):
    offs, _ = run(text)
    assert person in offs


def test_government_head_alone_names_no_body():
    offs, insts = run("Bupati Lumajang, Drs. H. Fauzan Arifin, M.M., membuka turnamen. Ia didampingi Dandim "
                      "0821/Lumajang.")
    assert offs["Fauzan Arifin"].institution is None
    assert not has_institution(insts, "Pemkab Lumajang")


@pytest.mark.parametrize("text,expected,absent", [
    ("Dinas Sosial diminta berkoordinasi dengan Badan Restorasi Gambut dan Mangrove untuk kajian lahan.",
     "Badan Restorasi Gambut dan Mangrove", None),
    ("Tol itu membuka akses ke Taman Nasional Meru Betiri dan kawasan pantai.", "Taman Nasional Meru Betiri", None),
    ("Vaksinasi dipusatkan di Puskesmas Bara-Baraya, Kecamatan Makassar.", "Puskesmas Bara-Baraya", None),
    ("Sebanyak 900 personel dari Polres Jember, Kodim 0824, dan Satpol PP Kabupaten Jember disiagakan.",
     "Kodim 0824", None),
    ("Badan Anggaran (Banggar) DPRD Kota Tarakan bersama Tim Anggaran Pemerintah Daerah (TAPD) membahas KUA.",
     "TAPD", None),
    ("Kajian Kementerian Lingkungan Hidup (KLH) menyebut sungai itu tercemar.", "Kementerian Lingkungan Hidup",
     None),
    ('"Seksi Propam akan turun memantau," ujar Kapolres Rembang AKBP Sugeng Wibowo.', "Seksi Propam",
     "Divisi Propam"),
    ("Pelanggaran itu terdeteksi lewat patroli siber Subbid Paminal.", "Subbid Paminal", "Biro Paminal"),
    ("Si Propam Polres Klaten memeriksa dua anggota.", "Si Propam Polres Klaten", "Divisi Propam"),
    ("Apel dipimpin Panglima Kodam V/Brawijaya Mayjen TNI Rudy Saladin.", "Kodam V/Brawijaya", "TNI"),
])
def test_institution_found(text, expected, absent):
    _, insts = run(text)
    assert has_institution(insts, expected), sorted(insts)
    if absent:
        assert not has_institution(insts, absent), sorted(insts)
    assert all(name.strip() for name in insts)


def test_number_only_unit_joins_its_full_name():
    _, insts = run("Komandan Kodim 1609/Buleleng memimpin apel. Personel Kodim 1609 disiagakan di TPS.")
    assert [n for n in insts if n.startswith("Kodim")] == ["Kodim 1609/Buleleng"]


def test_shortened_place_after_unit_number_joins_its_full_name():
    _, insts = run("Pangdam XII/Tanjungpura hadir di Makodam. Personel Kodam XII/Tanjungpura dan Kodam XII/Tpr "
                   "siaga.")
    assert [n for n in insts if n.startswith("Kodam")] == ["Kodam XII/Tanjungpura"]


def test_no_title_is_ever_a_name():
    titles = [row[0] for row in read_table("positions.txt") if " " not in row[0] and row[0] not in ("Hakim", "Kapten")]
    text = "Rapat dihadiri " + ", ".join(titles) + ", dan Ketua KPU Kabupaten Blitar, Hadi Santoso."
    offs, _ = run(text)
    assert set(offs) == {"Hadi Santoso"}, sorted(offs)


@pytest.mark.parametrize("text,person,institution", [
    # a national body's chapter between the title and the name
    ("Ketua Komite Independen Pemantau Pemilu (KIPP) Sulawesi Selatan, Andi Rahmat Hidayat, menyoroti logistik.",
     "Rahmat Hidayat", "KIPP"),
    # an unlisted body closed by its own short name: the run before it is no person
    ("Direktur Eksekutif Pusaka Demokrasi (Pusdem) Indonesia, Teguh Santosa, menilai hal itu wajar.",
     "Teguh Santosa", "Pusaka Demokrasi Indonesia"),
    # a university with its short name in brackets
    ("Pengamat hukum tata negara Universitas Tadulako (Untad), Dr. Aminuddin Kasim, menilai putusan itu tepat.",
     "Aminuddin Kasim", "Universitas Tadulako"),
])
def test_chapters_and_own_short_names(text, person, institution):
    offs, insts = run(text)
    assert person in offs, sorted(offs)
    got = offs[person].institution
    assert got is not None and institution.lower() in names_of(insts[got]), (got, sorted(insts))


def test_bare_police_unit_joins_the_one_polda():
    _, insts = run("Kepolisian Daerah Gorontalo (Polda Gorontalo) memeriksa dua anggota. Pemeriksaan dilakukan "
                   "Bidang Profesi dan Pengamanan (Bid Propam).")
    assert "Bidpropam Polda Gorontalo" in insts, sorted(insts)


@pytest.mark.parametrize("text", [
    "Rapat warga digelar di Balai Desa Sidomulyo, Kecamatan Pakis.",
    "Keuntungan itu dikelola Badan Usaha Milik Desa untuk modal warga.",
    "Pengunjung memadati Pusat Perbelanjaan Ramayana dan Taman Kota.",
])
def test_places_and_firms_are_not_institutions(text):
    _, insts = run(text)
    assert not insts, sorted(insts)


@pytest.mark.parametrize("text,name,alias", [
    # a national body's regional representative office keeps its region
    ("Kepala Ombudsman RI Perwakilan Sulawesi Utara, Meilany Limpar, menerima aduan warga.",
     "Ombudsman Perwakilan Sulawesi Utara", "Ombudsman RI Perwakilan Sulawesi Utara"),
    # the regional broadcasting commission is not the national one
    ("Komisi Penyiaran Indonesia Daerah (KPID) Sumatera Barat menegur dua radio.", "KPID Sumatera Barat",
     "Komisi Penyiaran Indonesia Daerah Sumatera Barat"),
    # "Pemerintah Daerah" with a level word is that level's government
    ("Pemerintah Daerah Kota Bitung menyiapkan tenda pengungsi.", "Pemerintah Kota Bitung", "Pemkot Bitung"),
])
def test_regional_offices_and_governments(text, name, alias):
    _, insts = run(text)
    assert name in insts, sorted(insts)
    assert alias.lower() in names_of(insts[name])


def test_division_words_before_another_body_are_a_title():
    offs, insts = run("Koordinator Divisi Humas Bawaslu Kabupaten Bantul, Ns. Dewi Anggraini, S.Kep., menjelaskan.")
    assert offs["Dewi Anggraini"].institution == "Bawaslu Kabupaten Bantul"
    assert list(insts) == ["Bawaslu Kabupaten Bantul"]


def test_an_acronym_starts_no_name():
    offs, _ = run("Tgk. H. Abdullah Hasan selaku Ketua MPU Pidie Jaya mengimbau warga tidak golput.")
    assert not any(name.startswith("MPU") for name in offs), sorted(offs)
