"""Counts that lean on the counts and sentences around them: parts of a group, people who received money or
were sanctioned, voters who voted unlawfully, shares of findings, and counts that must stay out
(election workers who died or fell ill, deployed officers, crowds) (GUIDELINES: figures)."""
import datetime as dt

import pytest

from nlp.figures import find_figures
from nlp.sentences import split_sentences


def _values(text):
    return sorted({f.value for f in find_figures(text, split_sentences(text), dt.date(2024, 11, 28))})


@pytest.mark.parametrize("text, values", [
    # people who received money in vote buying, with or without the word in the sentence before
    ("Bawaslu Sampang menerima laporan politik uang di Desa Banyuates. Sedikitnya 45 warga mengaku diberi "
     "uang Rp50.000 oleh tim pemenangan.", [45]),
    ("Polisi menangkap dua orang yang membagikan uang kepada pemilih. Lebih dari 120 warga disebut telah "
     "menerima amplop berisi uang.", [2, 120]),
    ("Polisi menyelidiki dugaan politik uang tersebut. Sebanyak 15 warga sudah dimintai keterangan.", [15]),
    ("Panwascam menerima aduan soal serangan fajar. Belakangan, sekitar 70 kepala keluarga diketahui menerima "
     "paket sembako dari tim pemenangan.", [70]),
    ("Hukuman itu dijatuhkan terhadap 11 kepala desa yang terbukti berpihak.", [11]),
    ("Ada 4 pemilih yang kedapatan mencoblos lebih dari sekali di TPS 21.", [4]),
    # sanctioned people, the sanction named in the sentence before ("sanksinya" too)
    ("KASN menjatuhkan sanksi kepada ASN yang melanggar netralitas. Sanksi itu telah dijatuhkan kepada 58 ASN "
     "di Jawa Tengah.", [58]),
    ("BKN memblokir data pegawai yang sanksinya belum dijalankan. Pemblokiran sudah berlaku bagi 21 pegawai "
     "di tiga kabupaten.", [21]),
])
def test_people_involved(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text, values", [
    # "X di antaranya ..., Y lainnya ...": the parts of a group counted a few sentences before
    ("Bawaslu Klaten merekomendasikan tujuh kepala desa ke Pemkab karena tidak netral. Kegiatan itu terekam "
     "warga. \"Empat di antaranya kepala desa di Kecamatan Wedi, tiga lainnya di Kecamatan Bayat,\" kata Ani.",
     [3, 4, 7]),
    ("Gakkumdu Sumbawa menetapkan enam tersangka politik uang. Seluruhnya warga setempat. Dua orang di "
     "antaranya residivis, sisanya empat orang buruh tani.", [2, 4, 6]),
    ("Sebanyak 14 kades dilaporkan ikut kampanye. Lima kades lainnya masih diklarifikasi.", [5, 14]),
    ("Bawaslu menemukan 15 ASN tidak netral. Empat belas di antaranya guru honorer.", [14, 15]),
    ("Sebanyak 6 prajurit TNI dijatuhi hukuman disiplin karena terlibat kampanye, 2 lainnya masih diperiksa.",
     [2, 6]),
    ("Sebanyak 21 ASN terbukti melanggar netralitas, sisanya 9 orang tidak terbukti.", [9, 21]),
    # "Dari N itu, ...": a list of bare counts splitting the group ("kami teruskan": a passive with a pronoun)
    ("Dari 23 laporan itu, 15 kami hentikan karena tidak memenuhi unsur, enam kami teruskan ke Gakkumdu, dan "
     "sisanya masih kami kaji.", [6, 15, 23]),
    ("Bawaslu menerima 12 laporan politik uang. Dari 12 itu, delapan dinyatakan terbukti, empat tidak "
     "terbukti.", [4, 8, 12]),
    ("KASN menerima 120 aduan netralitas. Dari jumlah tersebut, 85 terbukti melanggar, 20 tidak terbukti, dan "
     "15 masih diproses.", [15, 20, 85, 120]),
    ("Bawaslu menerima 33 laporan. Sebanyak 20 laporan di antaranya tidak memenuhi syarat formil, 13 lainnya "
     "diregistrasi.", [13, 20, 33]),
    ("Tim gabungan mengamankan 8 orang pembagi uang. Dari delapan orang itu, lima merupakan warga luar desa dan "
     "tiga lainnya perangkat desa.", [3, 5, 8]),
    ("Sebanyak 41 ASN dilaporkan. Rinciannya 20 guru, 12 tenaga kesehatan, dan 9 pegawai kecamatan.",
     [9, 12, 20, 41]),
    ("Terdapat 5 ASN yang diduga berfoto dengan pose jari. Kelimanya sudah diklarifikasi, tiga orang di "
     "antaranya mengaku tidak tahu aturan.", [3, 5]),
    ("Bawaslu mencatat 63 pelanggaran netralitas. Dari jumlah itu, Kabupaten Bogor menyumbang 12 kasus, disusul "
     "Kota Depok 9 kasus.", [9, 12, 63]),
    ("Bawaslu Jatim mencatat 1.210 temuan; 52,3 persen di antaranya pelanggaran administrasi, 30,1 persen "
     "netralitas, sisanya pidana.", [30.1, 52.3, 1210]),
])
def test_parts_of_a_counted_group(text, values):
    assert _values(text) == values


def test_parts_inherit_the_kind_of_violation():
    text = ("Bawaslu Pati merekomendasikan tujuh ASN karena melanggar netralitas ASN. Unggahan mereka tersebar di "
            "grup warga. Empat di antaranya guru, tiga lainnya staf kecamatan.")
    figures = find_figures(text, split_sentences(text), dt.date(2024, 11, 28))
    assert {f.value: f.violation for f in figures} == {7: "netralitas ASN", 4: "netralitas ASN",
                                                       3: "netralitas ASN"}


@pytest.mark.parametrize("text, values", [
    # a list of percentages sharing one counted noun ("pemungutan suara" is no share of votes)
    ("Pemantau mencatat 210 temuan. Sebanyak 40,5 persen temuan itu soal netralitas ASN, kemudian 22 persen "
     "politik uang, dan 9,3 persen intimidasi pemilih.", [9.3, 22, 40.5, 210]),
    ("Sekitar 62 persen laporan yang masuk ke Bawaslu Riau berkaitan dengan tata cara pemungutan suara, "
     "disusul 17 persen soal kampanye di luar jadwal.", [17, 62]),
    ("Bawaslu mencatat 56 laporan. Sebanyak 30 persen di antaranya soal politik uang, lalu 25 persen soal "
     "netralitas.", [25, 30, 56]),
    # voters who voted unlawfully count; voters at large do not
    ("Bawaslu Kota Bogor menemukan 27 pemilih menggunakan KTP orang lain saat pencoblosan di 5 TPS.", [27]),
    ("Pengawas mencatat sedikitnya 14 pemilih yang tidak terdaftar di DPT diizinkan mencoblos tanpa membawa "
     "dokumen.", [14]),
    ("Bawaslu Bone mendapati 9 pemilih di bawah umur ikut mencoblos di TPS 3.", [9]),
    # a share of cases keeps its noun even when the sentence goes on about turnout
    ("Di Sulsel, 30 persen laporan menyangkut politik uang, sedangkan partisipasi pemilih turun 5 persen.", [30]),
])
def test_shares_and_voters(text, values):
    assert _values(text) == values


@pytest.mark.parametrize("text, values", [
    # election workers who died or fell ill, and the "lainnya" of such a count
    ("Pemilu 2019 diwarnai tragedi. KPU mencatat 527 petugas KPPS meninggal dunia dan 11.239 lainnya jatuh "
     "sakit.", []),
    ("Pemilu 2024 mencatat 181 petugas KPPS wafat. Sebanyak 4.770 lainnya dirawat di rumah sakit.", []),
    ("Sebanyak 3 petugas KPPS diduga mencoblos sisa surat suara, sementara 2 petugas lainnya dirawat karena "
     "kelelahan.", [3]),
    # officers deployed or sworn in, crowds, residents, audiences, voters at large
    ("Bawaslu menemukan 12 pelanggaran kampanye. Pengamanan pilkada melibatkan 1.250 personel gabungan.", [12]),
    ("Bawaslu menangani 9 laporan dugaan politik uang. Sebanyak 1.400 pengawas TPS akan dilantik pekan depan.",
     [9]),
    ("Untuk mencegah politik uang, Bawaslu menerjunkan 2.000 pengawas TPS untuk mengawasi masa tenang.", []),
    ("Bawaslu Tegal menindak lima pelanggaran netralitas. Dalam apel itu, 300 ASN membacakan ikrar.", [5]),
    ("Bawaslu menangani dugaan politik uang di Desa Sukamaju. Desa itu dihuni 2.300 warga.", []),
    ("Ketua Bawaslu mengingatkan sanksi bagi ASN yang tidak netral. Ia berbicara di depan 500 ASN Pemkot "
     "Bekasi.", []),
    ("Bawaslu mengusut dugaan politik uang. DPT Kabupaten Bone tercatat 580.112 pemilih.", []),
    ("Ketua KPU menyebut ada 1.200 pemilih pindahan. Bawaslu menduga sebagian menggunakan dokumen palsu.", []),
    ("Seorang kades di Garut diperiksa karena diduga mengarahkan 150 warganya memilih paslon tertentu.", []),
    ("Pemeriksaan dilakukan terhadap 12 saksi dan 2 terlapor dalam kasus dugaan pidana pemilu itu.", [2]),
    ("KPU Kota Medan mencatat 1.650.000 pemilih dan Bawaslu menemukan 3 pelanggaran.", [3]),
    ("KPU melantik 3.500 anggota KPPS. Bawaslu mengingatkan mereka agar tidak melanggar kode etik.", []),
    ("Di TPS 5, sebanyak 19 pemilih tercatat dalam DPTb dan 4 pemilih menggunakan surat keterangan.", []),
    ("Bawaslu mengusut dugaan politik uang di TPS itu. Total pemilih di TPS itu mencapai 312 orang.", []),
    ("Dari 50 pengawas desa yang dilatih, 12 di antaranya perempuan.", []),
    ("Bawaslu menemukan 18 pelanggaran. Panitia menyiapkan 12 TPS khusus dan 400 lainnya di desa.", [18]),
    # shares of votes and pay cuts
    ("Partisipasi pemilih pada pemungutan suara ulang mencapai 71 persen.", []),
    ("ASN yang terbukti melanggar dijatuhi pemotongan tunjangan kinerja sebesar 25 persen.", []),
])
def test_counts_that_stay_out(text, values):
    assert _values(text) == values
