"""The flag: does the article report on election violations or neutrality? (GUIDELINES: flag)"""
import pytest

from df_fixtures import load_fixtures
from nlp import annotate
from nlp.flag import decide_flag
from nlp.sentences import split_sentences


def _flag(text):
    return decide_flag(text, split_sentences(text), [])


@pytest.mark.parametrize("text", [
    "JAKARTA - Bawaslu RI mencatat 433 kasus dugaan pelanggaran netralitas ASN selama Pilkada 2024. Semua "
    "sudah direkomendasikan ke BKN untuk diberi sanksi.",
    "Polda Banten menangkap dua orang terduga pelaku politik uang dalam PSU Kabupaten Serang. Uang itu "
    "diduga untuk serangan fajar bagi pemilih.",
    "Kapolres mengingatkan seluruh anggota Polri agar netral pada Pemilu 2024. Anggota dilarang berfoto "
    "dengan pasangan calon dan yang melanggar akan dikenai sanksi.",
    "DKPP menjatuhkan sanksi peringatan keras kepada Ketua KPU karena terbukti melanggar kode etik "
    "penyelenggara pemilu.",
    "Caleg DPRD divonis tiga bulan penjara karena terbukti melakukan tindak pidana pemilu saat kampanye.",
    "Satpol PP bersama Bawaslu Kota Medan menertibkan 1.250 alat peraga kampanye yang dipasang di pohon. "
    "Pemasangan APK di tempat itu melanggar peraturan KPU.",
    "Seorang ASN di Pemkab Garut dilaporkan ke Bawaslu karena memberi komentar pada unggahan calon bupati.",
    "Dandim 0733 mengingatkan seluruh prajurit menjaga netralitas TNI pada Pilkada 2024.",
    "Bawaslu Kabupaten Kudus menggelar sosialisasi pengawasan partisipatif bagi pemilih pemula. Masyarakat "
    "diajak melaporkan dugaan pelanggaran pemilu yang ditemukan di lingkungannya.",
    # a village head under a regional title ("keuchik", "kepala lembang") campaigning is a neutrality case
    "Panwaslih Bireuen memeriksa seorang keuchik yang diduga berkampanye untuk calon bupati pada Pilkada "
    "2024. Ia terancam sanksi pemberhentian.",
])
def test_violation_articles_are_flagged(text):
    flag, reasons = _flag(text)
    assert flag and reasons
    for reason in reasons:
        assert text[reason.start:reason.end] == reason.cue


@pytest.mark.parametrize("text", [
    "KPU Kabupaten Malang menyelesaikan sortir dan lipat surat suara Pemilu 2024. Logistik akan dikirim ke "
    "7.761 TPS menggunakan mobil boks tertutup.",
    "Hasil quick count Pilpres 2024 menunjukkan pasangan nomor urut 2 unggul dengan 59,04 persen suara.",
    "KPU Kota Jogja merampungkan rekapitulasi suara Pilkada 2024 tingkat kota, Minggu (1/12/2024).",
    "Satlantas mencatat 1.245 pelanggaran lalu lintas selama operasi dan menggelar kampanye keselamatan. "
    "Pengendara yang melanggar dikenai sanksi tilang.",
    "BMKG mendeteksi gempa bermagnitudo 5,4 di Banten yang tidak berpotensi tsunami.",
    "KPU Kota Depok melantik 189 anggota PPS untuk Pilkada 2024. Ketua KPU meminta anggota PPS bekerja "
    "profesional, menjaga integritas dan netralitas.",
    "Debat kedua calon gubernur berlangsung panas. KPU memastikan debat berjalan sesuai jadwal kampanye.",
    "KPU Sleman menetapkan hasil rekapitulasi suara Pilkada 2024. Saksi pasangan calon sempat mengajukan "
    "keberatan. Bawaslu Sleman mengawasi jalannya rapat.",
    "",
])
def test_other_articles_are_not_flagged(text):
    assert _flag(text) == (False, [])


@pytest.mark.parametrize("name, text, expected", load_fixtures(), ids=lambda x: x if isinstance(x, str) else "")
def test_our_articles(name, text, expected):
    assert annotate(text, expected["published"]).flag is expected["flag"]


def test_an_article_that_cannot_be_flagged_gets_no_figure_search():
    text = "Dinkes Sikka mencatat 214 kasus demam berdarah dan 3 orang meninggal sepanjang Januari."
    facts = annotate(text, "2024-02-01")
    assert not facts.flag and facts.figures == []
