"""Violation figures: value, unit, violation, election and approx (GUIDELINES: figures)."""
import datetime as dt

import pytest

from df_fixtures import load_fixtures
from nlp import annotate
from nlp.figures import find_figures
from nlp.sentences import split_sentences


def _figures(text, published=None):
    anchor = dt.date.fromisoformat(published) if published else None
    return find_figures(text, split_sentences(text), anchor)


def _values(text, published=None):
    return sorted({f.value for f in _figures(text, published)})


@pytest.mark.parametrize("text, values", [
    ("Bawaslu mencatat lebih dari 1.000 kasus netralitas ASN.", [1000]),
    ("Bawaslu menerima 21 laporan dugaan pelanggaran pemilu.", [21]),
    ("Terdapat 118 temuan dan laporan pelanggaran.", [118]),
    ("Ada lima kasus politik uang dan dua ratus tiga puluh pelanggaran kampanye.", [5, 230]),
    ("Kelima kades itu diduga tidak netral.", [5]),
    ("Berdasarkan keterangan kedua pelaku, uang berasal dari tim sukses.", [2]),
    ("Sebanyak 4 dari 5 kasus netralitas diteruskan ke BKN.", [4, 5]),
    ("Dari 17 perkara, lima di antaranya terkait politik uang. Sepuluh masih tahap penyidikan.", [5, 10, 17]),
    ("BKN mencatat 47 laporan. Dari laporan tersebut, 42 melibatkan pelanggaran disiplin, sementara 5 "
     "melibatkan pelanggaran kode etik.", [5, 42, 47]),
    ("Sebanyak 97 (kasus) merupakan pelanggaran dan 42 bukan pelanggaran.", [42, 97]),
    ("Bawaslu menerima 1 (satu) laporan politik uang.", [1]),
    ("Pelanggaran netralitas naik 40 persen dibanding 2019.", [40]),
    ("Jumlah pelanggar bisa mencapai 1,2 ribu orang.", [1200]),
    ("Bawaslu menerima 12 buah laporan politik uang.", [12]),
    ("Laporan terbanyak dari Kota Makassar 12 laporan dan Kabupaten Gowa 8 laporan.", [8, 12]),
    ("Sebanyak 90 persen laporan tidak memenuhi syarat formil.", [90]),
    ("Jumlah dugaan pelanggaran yang ditangani: 20.", [20]),
    # sanctions counted by their kind: the decisions of an ethics court
    ("DKPP memutus 9 perkara: 4 teguran tertulis, dua pemberhentian sementara dan tiga peringatan keras.",
     [2, 3, 4, 9]),
    ("Sebanyak 31 teradu direhabilitasi, 6 teradu mendapat peringatan, dan empat diberhentikan tetap.", [4, 6, 31]),
    # village heads and civil servants by their regional or job titles
    ("Panwaslih Pidie memanggil 14 keuchik yang diduga hadir dalam deklarasi pasangan calon.", [14]),
    ("Bawaslu Toraja Utara mengklarifikasi tujuh kepala lembang yang mengunggah dukungan.", [7]),
    ("Tiga babinsa dan dua bhabinkamtibmas diperiksa karena berfoto dengan calon bupati.", [2, 3]),
    # a breakdown right after the count lists the people involved without naming the violation again
    ("Bawaslu NTT mencatat sembilan dugaan pelanggaran netralitas. Rinciannya, lima staf dinas, tiga guru, "
     "dan satu anggota Polri.", [1, 3, 5, 9]),
    ("Ada 6 temuan kampanye di luar jadwal. Terdiri atas empat camat dan dua lurah.", [2, 4, 6]),
    # people being examined or summoned are the ones involved
    ("Pomdam memeriksa dua prajurit yang terekam berfoto di panggung kampanye.", [2]),
])
def test_figures(text, values):
    assert _values(text, "2024-11-01") == values


@pytest.mark.parametrize("text", [
    "Kasus pelanggaran terjadi di 25 provinsi dan 508 kabupaten/kota pada Pilkada 2024.",
    "Pelaku politik uang divonis tiga bulan penjara dan denda Rp 6 juta subsider satu bulan.",
    "Polisi menyita uang Rp45 juta dalam 300 amplop serta dua unit telepon dari pelaku politik uang.",
    "Terdakwa melanggar Pasal 523 ayat (1) UU Nomor 7 Tahun 2017 tentang Pemilu.",
    "Sanksi berupa pemotongan tunjangan kinerja sebesar 25 persen selama 6-12 bulan bagi ASN yang melanggar.",
    "Ada tiga pendekatan untuk mencegah pelanggaran netralitas: preemtif, preventif, dan represif.",
    "Bawaslu menemukan delapan pelanggaran, yakni politik uang, netralitas ASN, kampanye hitam, perusakan APK, "
    "intimidasi, mahar politik, hoaks, dan kampanye di tempat ibadah.",
    "Laporan politik uang bisa disampaikan ke nomor 0812-3456-7890 atau 021 5551234.",
    "Pasangan calon nomor urut 01, 02 dan 03 dilaporkan melanggar aturan kampanye.",
    "Ketiga pasang calon dilaporkan melanggar jadwal kampanye di 12 kecamatan.",
    "Kedua, laporan dugaan pelanggaran oleh KPPS ditolak.",
    "Dugaan pelanggaran di TPS 12 yang dilaporkan warga masih dikaji.",
    "Salah satu kasus politik uang ditangani Polres.",
    "Sebanyak 131 personel gabungan mengamankan kampanye Pemilu 2024.",
    "Pelanggaran politik uang pada Pemilu 2019 dan Pilkada 2020 menurun sejak 17 April 2019.",
    "Bawaslu menyita uang 2 juta yang akan dibagikan dalam politik uang.",
    "Bawaslu memeriksa 500 laporan dana kampanye peserta Pemilu 2024.",
    "Barang bukti berupa 3 buah telepon genggam disita dari pelaku politik uang.",
    "Warga bisa melaporkan dugaan politik uang ke call center 110 atau hotline 1500.",
    "Sementara itu, 250 personel dan 40 staf dikerahkan ke TPS untuk mencegah pelanggaran.",
    "Rinciannya belum kami terima, tetapi 30 relawan sudah mendaftar.",
    "Sekitar 300 warga menggelar unjuk rasa menuntut Bawaslu mengusut dugaan politik uang.",
])
def test_not_figures(text):
    assert _values(text, "2024-11-01") == []


@pytest.mark.parametrize("text, value, approx", [
    ("Bawaslu Alor menerima sedikitnya 17 laporan politik uang.", 17, True),
    ("Kasus netralitas ASN mencapai 60 kasus lebih sepanjang pilkada.", 60, True),
    ("Hampir separuh dari 120 laporan yang masuk berkaitan dengan politik uang.", 120, False),
    ("Bawaslu menangani 12 laporan dugaan pelanggaran kampanye.", 12, False),
])
def test_approx(text, value, approx):
    found = {f.value: f.approx for f in _figures(text, "2024-11-01")}
    assert found[value] is approx


def test_fields_of_one_figure():
    text = ("JAKARTA - Bawaslu RI mencatat setidaknya terdapat 433 kasus dugaan pelanggaran netralitas ASN "
            "selama Pilkada 2024.")
    (fig,) = _figures(text)
    assert (fig.value, fig.unit, fig.violation, fig.election, fig.approx) == (
        433, "kasus", "netralitas ASN", "Pilkada 2024", True)
    assert text[fig.start:fig.end] == fig.text == "setidaknya terdapat 433 kasus"
    assert fig.sentence == 0


@pytest.mark.parametrize("text, published, election", [
    ("Bawaslu mencatat 12 kasus politik uang pada Pilkada Serentak 2024.", None, "Pilkada 2024"),
    ("Bawaslu mencatat 12 kasus politik uang pada Pilwalkot Medan 2020.", None, "Pilkada 2020"),
    ("Bawaslu mencatat 12 kasus politik uang pada Pilpres 2019.", None, "Pemilu 2019"),
    ("Bawaslu mencatat 12 kasus politik uang pada pemilihan kepala daerah serentak.", "2020-11-05", "Pilkada 2020"),
    ("Gakkumdu memproses 17 perkara tindak pidana pemilu.", "2024-01-10", "Pemilu 2024"),
    ("Gakkumdu memproses 17 perkara tindak pidana pemilu.", None, None),
    ("Bawaslu mencatat 12 pelanggaran pada Pemilihan 2024.", None, "Pilkada 2024"),
    ("Bawaslu mencatat 12 kasus pada Pemilihan Kepala Daerah (Pilkada) Jawa Tengah 2024. Pada 2018, tercatat "
     "42 kasus pelanggaran pidana.", None, {12: "Pilkada 2024", 42: "Pilkada 2018"}),
    ("Badan Pengawas Pemilihan Umum (Bawaslu) menemukan 4 kades tidak netral di Pilkada Kendal 2024.", None,
     "Pilkada 2024"),
    ("Bawaslu menerima 21 laporan dugaan pelanggaran pemilu. Semua terjadi saat Pilkada serentak 2024.", None,
     "Pilkada 2024"),
    ("Bawaslu memprediksi lebih dari 1.000 kasus pada Pilkada Serentak 2024, lebih banyak dibanding Pilkada "
     "Serentak 2020 dengan 1.010 perkara.", None, {1000: "Pilkada 2024", 1010: "Pilkada 2020"}),
    # "pemilu" with its voting day is the national election, even in a Pilkada story
    ("Menjelang Pilkada 2024, Bawaslu mengingatkan bahwa pada Pemilu 14 Februari lalu ada 33 kasus politik "
     "uang.", "2024-06-01", {33: "Pemilu 2024"}),
    # the election after a comparison word is the one compared with, not the figure's own
    ("Bawaslu Maluku mencatat 31 ASN tidak netral pada Pilkada 2024. Jumlah itu 31 kasus, naik dari 22 "
     "kasus pada Pemilu 2019.", "2024-11-20", {31: "Pilkada 2024", 22: "Pemilu 2019"}),
    ("Bawaslu Jambi mengawasi tahapan Pilkada 2024. Kasus politik uang naik 15 persen dibanding Pilkada 2020.",
     "2024-11-20", {15: "Pilkada 2024"}),
])
def test_elections(text, published, election):
    found = {f.value: f.election for f in _figures(text, published)}
    expected = election if isinstance(election, dict) else {v: election for v in found}
    assert found and found == expected


@pytest.mark.parametrize("text, published, election", [
    # undated article: a name without a year takes the year the body names its kind with
    ("Bawaslu Provinsi Maluku Utara menerima tiga laporan dugaan kampanye hitam selama masa kampanye Pilgub "
     "Malut.\n\nMaluku Utara termasuk daerah rawan politisasi SARA pada Pilkada 2024.", None, "Pilkada 2024"),
    ("Panwaslih menerima 6 laporan dugaan politik uang pada pemilihan bupati Aceh Tamiang. Pilkada Serentak "
     "2024 digelar 27 November.", None, "Pilkada 2024"),
    # ... but a body that names the election only without a year leaves it open (a dated day is no year of it)
    ("Bawaslu Kota Bima menerima 7 laporan dugaan politik uang pada pemilihan wali kota, Rabu 6 November 2024.",
     None, None),
    # pilkades is a village-head election, not a Pilkada
    ("Panitia pilkades menerima 4 laporan dugaan politik uang.", "2023-05-02", None),
    # the year of the election compared with is not the article's
    ("Bawaslu mencatat 27 temuan selama Pemilihan Bupati Garut, naik dibanding Pilkada Garut 2018.", None,
     {27: None}),
    # a clause that names its election without a year beats a day of the week and the article's own election
    ("DKPP memeriksa 400 pengaduan sepanjang Pemilu 2024. Pada Kamis (19/12) lalu, DKPP membacakan 9 putusan "
     "untuk perkara pilkada.", "2024-12-23", {400: "Pemilu 2024", 9: "Pilkada 2024"}),
    # "saat itu" still points at the election dated just before
    ("Kami berkaca pada Pilkada 2018. Saat itu di daerah yang menggelar pilkada, kami menangani 31 dugaan "
     "politik uang.", None, {31: "Pilkada 2018"}),
])
def test_elections_named_without_a_year(text, published, election):
    found = {f.value: f.election for f in _figures(text, published)}
    expected = election if isinstance(election, dict) else {v: election for v in found}
    assert found and found == expected


@pytest.mark.parametrize("text, values", [
    # "satu dari Bawaslu Kota X": where the count comes from, not a count out of cities
    ("KPU menerima enam rekomendasi PSU, lima dari Bawaslu Belu dan satu dari Bawaslu Kota Kupang.", [1, 5, 6]),
    ("Bawaslu mencatat 3 dari 38 kabupaten/kota rawan politik uang.", []),
    # "dua-duanya": both of the people just named, in a story that counts violations
    ("Bawaslu mencatat 4 temuan penggunaan fasilitas pemerintah. Kami panggil camat dan lurahnya. "
     "Dua-duanya sudah kami klarifikasi.", [2, 4]),
    ("Ketiga-tiganya hadir di acara syukuran warga.", []),
])
def test_counts_from_a_source_and_reduplicated_counts(text, values):
    assert _values(text, "2024-10-12") == values


def test_unflagged_articles_have_no_figures():
    text = "Kemenkes mencatat 13.683 kasus demam berdarah hingga 29 Januari 2019, dengan 133 orang meninggal."
    assert annotate(text, "2019-01-31").figures == []


@pytest.mark.parametrize("name, text, expected", load_fixtures(), ids=lambda x: x if isinstance(x, str) else "")
def test_our_articles(name, text, expected):
    facts = annotate(text, expected["published"])
    found = {}
    for fig in facts.figures:
        found.setdefault(fig.value, fig)
    assert sorted(found) == sorted(int(v) for v in expected["figures"])
    assert {v: found[v].election for v in found} == {int(k): e for k, e in expected["figures"].items()}
    assert not set(found) & set(expected["not_figures"])
    for value in expected.get("approx", []):
        assert found[value].approx
