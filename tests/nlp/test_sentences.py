"""Sentence splitting of Indonesian news text and the mask of non-reporting sentences."""
from nlp.sentences import reporting_mask, sentence_index, split_sentences


def _split(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_titles_and_degrees_do_not_end_sentences():
    text = ("JAKARTA - Ketua Bawaslu Dr. H. Ahmad Sholeh, S.H., M.Si. mengutip UU No. 7/2017 dan Jl. Merdeka "
            "No. 5, Kab. Bogor. Anggaran Rp. 600.000 cair.")
    assert _split(text) == [
        "JAKARTA - Ketua Bawaslu Dr. H. Ahmad Sholeh, S.H., M.Si. mengutip UU No. 7/2017 dan Jl. Merdeka "
        "No. 5, Kab. Bogor.",
        "Anggaran Rp. 600.000 cair."]


def test_initials_and_numbers_inside_sentences():
    text = "Puadi A. Rahman hadir pada 2024. Ada 1.010 kasus dan Rp1,2 miliar. Pukul 10.30 WIB selesai."
    assert _split(text) == ["Puadi A. Rahman hadir pada 2024.", "Ada 1.010 kasus dan Rp1,2 miliar.",
                            "Pukul 10.30 WIB selesai."]


def test_datelines_stay_with_their_first_sentence():
    text = "SERANG, KOMPAS.com - Bawaslu mencatat 21 laporan. Semua sudah ditangani."
    assert _split(text)[0] == "SERANG, KOMPAS.com - Bawaslu mencatat 21 laporan."


def test_quotes_and_glued_sentences():
    text = 'Ia berkata, "Kami siap." Lalu pergi ke TPS).Komisioner KPU datang.“Sudah,” katanya.'
    assert _split(text) == ['Ia berkata, "Kami siap."', "Lalu pergi ke TPS).", "Komisioner KPU datang.",
                            "“Sudah,” katanya."]


def test_quote_ending_with_comma_is_not_a_boundary():
    assert len(_split('"Tidak ada tsunami," ucap Daryono. Gempa terasa di Banten.')) == 2


def test_line_breaks_and_numbered_lists():
    text = "Rinciannya:\n1. Netralitas ASN: 15 kasus\n2. Politik uang: 7 kasus\n\nTotal 22 kasus."
    assert _split(text) == ["Rinciannya:", "1. Netralitas ASN: 15 kasus", "2. Politik uang: 7 kasus",
                            "Total 22 kasus."]


def test_related_headlines_captions_and_trailing_link_blocks_are_masked():
    text = ("Bawaslu mencatat 5 kasus.\nBACA JUGA: Wow! Jelang Pemilu 2024, 10 Kapolres Diganti\n"
            "Ilustrasi: petugas menghitung suara.\nKetua Bawaslu menjelaskan.\nBerita Terkait\n"
            "Pantau Pilkada 2024 di Jawa\nKPU Tetapkan DPT")
    sentences = split_sentences(text)
    kept = [text[s:e] for (s, e), keep in zip(sentences, reporting_mask(text, sentences)) if keep]
    assert kept == ["Bawaslu mencatat 5 kasus.", "Ketua Bawaslu menjelaskan."]


def test_sentence_index_finds_the_sentence_of_an_offset():
    text = "Satu. Dua. Tiga."
    sentences = split_sentences(text)
    assert [sentence_index(sentences, text.index(w)) for w in ("Satu", "Dua", "Tiga")] == [0, 1, 2]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
