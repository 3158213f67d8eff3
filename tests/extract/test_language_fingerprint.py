"""Language check and near-duplicate fingerprint recorded on the Article."""
from extract import extract_article
from extract.fingerprint import similarity, simhash
from extract.language import detect_language

INDONESIAN = ("Pemerintah provinsi akan menambah jumlah bus sekolah gratis tahun depan karena banyak siswa di "
              "daerah pinggiran yang harus berjalan kaki lebih dari lima kilometer untuk sampai ke sekolah. "
              "Kepala dinas perhubungan mengatakan anggaran sudah disetujui oleh dewan.")
ENGLISH = ("The provincial government will add more free school buses next year because many pupils in the "
           "outskirts have to walk more than five kilometres to reach their school, the head of the transport "
           "office said after the budget was approved by the council.")


def test_language_of_texts():
    assert detect_language(INDONESIAN) == "id"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
                           "incididunt ut labore et dolore magna aliqua ut enim ad minim veniam") == "other"
    assert detect_language("Pendek.", declared="id-ID") == "id"
    assert detect_language("", declared=None) is None


def test_syndicated_copies_share_a_fingerprint():
    copy = INDONESIAN.replace("tahun depan", "pada tahun depan") + " (ant)"
    assert similarity(simhash(INDONESIAN), simhash(copy)) >= 0.85
    assert similarity(simhash(INDONESIAN), simhash(ENGLISH)) < 0.85
    assert simhash("terlalu pendek") is None


def test_article_records_language_and_simhash():
    html = f"<html><body><h1>Bus sekolah</h1><div><p>{INDONESIAN}</p><p>{INDONESIAN}</p></div></body></html>"
    article = extract_article(html, "https://x.example/a")
    assert article.language == "id"
    assert article.simhash == simhash(article.text)
