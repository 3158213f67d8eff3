"""Classes of figure and election cases beyond the held-out files: retrospectives, comparisons, lists,
implied counts, audiences and round-ups (GUIDELINES: figures)."""
import datetime as dt

import pytest

from nlp import annotate
from nlp.figures import find_figures
from nlp.sentences import split_sentences


def _elections(text, published=None):
    anchor = dt.date.fromisoformat(published) if published else None
    found = {}
    for fig in find_figures(text, split_sentences(text), anchor):
        found.setdefault(fig.value, fig.election)
    return found


@pytest.mark.parametrize("text, published, expected", [
    # a look back: the lead opens with the past election, so undated counts belong to it
    ("MAKASSAR - Sepuluh tahun lalu, Pileg 2014 di Sulawesi Selatan diwarnai banyak laporan politik uang. "
     "Bawaslu Sulsel kala itu menerima 140 laporan.\n\n"
     "Dari jumlah tersebut, 22 kasus sampai ke pengadilan.\n\n"
     "Ia masih ingat ketika 15 orang relawan seorang caleg tertangkap membagikan amplop di Maros.\n\n"
     "Kini Bawaslu mencatat 18 laporan dugaan pelanggaran Pemilu 2024.",
     "2024-01-20", {140: "Pemilu 2014", 22: "Pemilu 2014", 15: "Pemilu 2014", 18: "Pemilu 2024"}),
    # a past election named as a lesson is no look back: the lead's election of the publication's time wins
    ("BANDUNG - Belajar dari Pemilu 2019, Bawaslu Jawa Barat memperketat pengawasan Pemilu 2024.\n\n"
     "Hingga akhir Januari, Bawaslu Jabar mencatat 64 laporan dugaan pelanggaran.", "2024-02-02",
     {64: "Pemilu 2024"}),
    # Pilpres with a year is a Pemilu
    ("Pada Pilpres 2019, Bawaslu Jambi menangani 9 laporan kampanye hitam.", "2024-02-01",
     {9: "Pemilu 2019"}),
    # a comparison: each count takes the election of its own clause
    ("PONTIANAK - Pelanggaran pada Pilkada Serentak 2024 di Kalbar naik dibandingkan Pilkada 2018. Bawaslu "
     "Kalbar mencatat 77 temuan dan laporan, atau dua kali lipat dari 35 temuan pada Pilkada 2018.\n\n"
     "Pada 2018, Bawaslu merekomendasikan 11 ASN ke KASN. Tahun ini, rekomendasi netralitas ASN mencapai "
     "26 kasus.\n\n"
     "\"Tahun 2018 ada tujuh laporan politik uang, sekarang empat,\" kata Hendra.",
     "2024-12-03", {77: "Pilkada 2024", 35: "Pilkada 2018", 11: "Pilkada 2018", 26: "Pilkada 2024",
                    7: "Pilkada 2018", 4: "Pilkada 2024"}),
    # "padahal pada Pilkada 2020 hanya tercatat tiga": the clause decides
    ("Panwaslih mencatat 16 keuchik yang ikut dalam kegiatan kampanye pada 2024, padahal pada Pilkada 2017 "
     "hanya tercatat lima.", "2024-11-10", {16: "Pilkada 2024", 5: "Pilkada 2017"}),
    # the sentence before, in the same paragraph, says which election ("Saat itu ...")
    ("SEMARANG - Bawaslu Jateng memetakan kerawanan Pilkada Serentak 2024. \"Kami belajar dari Pilkada 2018. "
     "Saat itu di 7 daerah yang menggelar pilkada, kami menangani 33 dugaan politik uang,\" kata Rina.",
     None, {33: "Pilkada 2018"}),
    # "Di 2018, ada 28 ASN yang kami rekomendasikan": a bare year takes the kind of the article's election
    ("Bawaslu NTB memprediksi kerawanan netralitas pada Pilkada 2024. \"Di 2018, ada 28 ASN yang kami "
     "rekomendasikan ke KASN,\" ujarnya.", None, {28: "Pilkada 2018"}),
    # a passing law year is not an election year
    ("Bawaslu Bantul menangani enam perkara politik uang pada Pilkada Serentak 2024. Tiga perkara diteruskan "
     "karena memenuhi unsur Pasal 187A Undang-Undang Nomor 10 Tahun 2016.", None,
     {6: "Pilkada 2024", 3: "Pilkada 2024"}),
    # Pilwako / Pemilukada without a year take the publication year, not a past Pilkada named later
    ("Bawaslu Kota Padang memproses 8 dugaan pelanggaran netralitas ASN pada Pilwako Padang. Pada Pilkada "
     "2020 lalu Bawaslu Padang menangani dua kasus serupa.", "2024-10-30", {8: "Pilkada 2024", 2: "Pilkada 2020"}),
    # a recent day without its year marks the present, even after a past election in the paragraph
    ("Pada Pilkada 2020, Bawaslu Lamongan mencatat 12 kasus. Bawaslu juga menerima 3 laporan kepala desa yang "
     "ikut kampanye pada Selasa (8/10).", "2024-10-12", {12: "Pilkada 2020", 3: "Pilkada 2024"}),
    # the day of a quote dates the statement, not the count
    ("Pada Pilkada 2018 lalu, Bawaslu Sumsel mencatat 64 kasus politik uang, kata Ketua Bawaslu, Senin (21/10).",
     "2024-10-23", {64: "Pilkada 2018"}),
    # a lead that opens with the election compared with: the article's own election is the other one
    ("JAMBI - Dibandingkan Pemilu 2019, pelanggaran netralitas pada Pemilu 2024 di Jambi menurun.\n\n"
     "Bawaslu Jambi mencatat 45 kasus netralitas ASN.", None, {45: "Pemilu 2024"}),
    # a yearless election of another kind than the paragraph's dated one takes the publication year
    ("Pada Pemilu 2024 lalu, Bawaslu Sikka menangani 31 kasus. Untuk pilkada, sudah ada 9 laporan.",
     "2024-10-01", {31: "Pemilu 2024", 9: "Pilkada 2024"}),
    # "Ketika itu": the election last dated, even the one the sentence before compared with
    ("Jumlah kasus tahun ini lebih sedikit dibanding Pilpres 2014. Ketika itu, Gakkumdu Gorontalo menangani "
     "21 perkara politik uang.", "2024-03-01", {21: "Pemilu 2014"}),
    # "selama Pemilu 2024, turun dari 88 laporan pada Pemilu 2019": the compared count keeps its election
    ("Bawaslu Sultra mencatat 46 laporan dugaan pelanggaran selama Pemilu 2024, turun dari 88 laporan pada "
     "Pemilu 2019.", "2024-03-01", {46: "Pemilu 2024", 88: "Pemilu 2019"}),
])
def test_election_of_each_figure(text, published, expected):
    assert _elections(text, published) == expected


@pytest.mark.parametrize("text, values", [
    # counts whose noun is implied after the count just named
    ("Bawaslu Sumedang menangani lima kasus netralitas kepala desa. Satu kasus di antaranya dihentikan. "
     "\"Yang empat lanjut. Tiga sudah kami teruskan ke Gakkumdu,\" ujarnya.", [1, 3, 4, 5]),
    ("Dari sebelas orang itu, enam dijadikan tersangka oleh penyidik Gakkumdu.", [6, 11]),
    # counts listed after "tercatat" and in a comparison paragraph
    ("Pada Pilkada 2020 tercatat 14 temuan, 21 laporan, dan 6 rekomendasi pelanggaran netralitas.",
     [6, 14, 21]),
    # a breakdown after a short subject, and a list of counts that continue the noun of the first
    ("Bawaslu Blora menangani tujuh dugaan pelanggaran netralitas. Mereka terdiri dari empat kades, dua "
     "perangkat desa, dan satu camat.", [1, 2, 4, 7]),
    ("Bawaslu mencatat 40 pelanggaran. Sebanyak 17 di antaranya pelanggaran administrasi, 8 pidana, dan "
     "sisanya 15 kode etik.", [8, 15, 17, 40]),
    ("Gakkumdu menerima 13 laporan politik uang, 6 kampanye hitam dan 2 netralitas ASN.", [2, 6, 13]),
    # a prediction
    ("Bawaslu memperkirakan ada 27 potensi pelanggaran netralitas ASN menjelang pemungutan suara.", [27]),
    # people named by a regional title
    ("Bawaslu Gianyar mencatat setidaknya 9 bendesa yang ikut dalam kegiatan kampanye.", [9]),
])
def test_implied_and_listed_counts(text, values):
    assert sorted(_elections(text, "2024-11-01")) == values


@pytest.mark.parametrize("text", [
    # an audience, not people involved in a violation
    "\"Yang terbukti memihak akan kami tindak,\" kata Danrem di hadapan 1.200 prajurit gabungan.",
    "Sosialisasi netralitas ASN itu dihadiri sekitar 350 pegawai dari seluruh dinas yang diduga rawan.",
])
def test_not_figures(text):
    assert _elections(text, "2024-11-01") == {}


def test_round_up_story_without_election_words_has_no_figures():
    text = ("KABAR PAGI – Ringkasan berita daerah pagi ini.\n\n"
            "PALU – Bawaslu Sulawesi Tengah menerima empat laporan dugaan politik uang pada Pilkada 2024. "
            "Dua laporan sudah diregistrasi.\n\n"
            "DONGGALA – Dinas Kesehatan mencatat 57 kasus diare sepanjang Oktober, tiga di antaranya balita.\n\n"
            "POSO – Harga cabai rawit naik menjadi Rp 60.000 per kilogram.")
    facts = annotate(text, "2024-11-05")
    assert facts.flag
    assert sorted({f.value for f in facts.figures}) == [2, 4]
