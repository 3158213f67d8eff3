"""Shared builders for corpus tests: our own Indonesian sample articles and their facts."""
from __future__ import annotations

import pytest

from nlp.facts import DateFact, Facts, FlagReason, Institution, Official, Span, ViolationFigure

TEXT = (
    "Badan Pengawas Pemilihan Umum (Bawaslu) Kabupaten Sleman menemukan 23 dugaan pelanggaran netralitas ASN "
    "menjelang Pilkada 2024. "
    "Ketua Bawaslu Kabupaten Sleman Arif Nurcahyo mengatakan temuan itu dicatat sejak 25 September 2024. "
    "Menurut Arif, sebagian kasus berupa unggahan dukungan di media sosial."
)


def span_of(text: str, needle: str, sentence: int, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(sentence=sentence, start=start, end=start + len(needle))


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            bounds.append((start, i + 1))
            start = i + 2
    return bounds


def make_facts(text: str = TEXT, version: str = "0.1.0", flag: bool = True) -> Facts:
    sentences = sentence_bounds(text)
    inst = "Bawaslu Kabupaten Sleman"
    first = span_of(text, "Bawaslu) Kabupaten Sleman", 0)
    second = span_of(text, inst, 1)
    fig = span_of(text, "23 dugaan pelanggaran", 0)
    date = span_of(text, "25 September 2024", 1)
    cue = span_of(text, "pelanggaran netralitas ASN", 0)
    return Facts(
        flag=flag,
        flag_reasons=[FlagReason(cue="pelanggaran netralitas", sentence=0, start=cue.start, end=cue.end)],
        officials=[Official(name="Arif Nurcahyo", position="Ketua", institution=inst,
                            mentions=[span_of(text, "Arif Nurcahyo", 1), span_of(text, "Arif,", 2)])],
        institutions=[Institution(name=inst, aliases=["Badan Pengawas Pemilihan Umum Kabupaten Sleman"],
                                  mentions=[first, second])],
        dates=[DateFact(text="25 September 2024", value="2024-09-25", sentence=1, start=date.start, end=date.end)],
        figures=[ViolationFigure(value=23, text="23 dugaan pelanggaran", unit="dugaan pelanggaran",
                                 violation="netralitas ASN", election="Pilkada 2024", sentence=0,
                                 start=fig.start, end=fig.end)],
        sentences=sentences,
        extractor_version=version,
    )


def make_article(url: str, text: str = TEXT, **extra) -> dict:
    article = {"url": url, "title": "Bawaslu Sleman Temukan 23 Dugaan Pelanggaran Netralitas ASN",
               "published": "2024-10-02", "author": "Sekar Ayuningtyas", "text": text, "language": "id",
               "is_article": True, "error": None}
    return article | extra


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "warta.db"


MEDAN_TEXT = (
    "Bawaslu Kota Medan menerima 7 laporan dugaan politik uang pada masa tenang Pemilu 2024. "
    "Koordinator Divisi Penanganan Pelanggaran Bawaslu Kota Medan Siti Rahmawati menyebut laporan masuk pada "
    "12 Februari 2024. "
    "Menurut Siti, uang yang dibagikan mencapai Rp150 juta."
)
JEMBER_TEXT = (
    "KPU Kabupaten Jember menggelar rapat pleno terbuka rekapitulasi suara Pilkada 2024 pada 5 Desember 2024. "
    "Ketua KPU Kabupaten Jember Dwi Handayani memastikan seluruh saksi hadir."
)


def medan_facts(version="0.1.0") -> Facts:
    text = MEDAN_TEXT
    inst = "Bawaslu Kota Medan"
    fig = span_of(text, "7 laporan dugaan politik uang", 0)
    money = span_of(text, "Rp150 juta", 2)
    cue = span_of(text, "dugaan politik uang", 0)
    date = span_of(text, "12 Februari 2024", 1)
    return Facts(
        flag=True, flag_reasons=[FlagReason("politik uang", 0, cue.start, cue.end)],
        officials=[Official("Siti Rahmawati", "Koordinator Divisi Penanganan Pelanggaran", inst,
                            [span_of(text, "Siti Rahmawati", 1), span_of(text, "Siti,", 2)])],
        institutions=[Institution(inst, [], [span_of(text, inst, 0), span_of(text, inst, 1, after=20)])],
        dates=[DateFact("12 Februari 2024", "2024-02-12", 1, date.start, date.end)],
        figures=[ViolationFigure(7, "7 laporan dugaan politik uang", "laporan", "politik uang", "Pemilu 2024",
                                 False, 0, fig.start, fig.end),
                 ViolationFigure(150000000, "Rp150 juta", "rupiah", "politik uang", "Pemilu 2024", False, 2,
                                 money.start, money.end)],
        sentences=sentence_bounds(text), extractor_version=version)


def jember_facts(version="0.1.0") -> Facts:
    text = JEMBER_TEXT
    inst = "KPU Kabupaten Jember"
    date = span_of(text, "5 Desember 2024", 0)
    return Facts(
        flag=False,
        officials=[Official("Dwi Handayani", "Ketua", inst, [span_of(text, "Dwi Handayani", 1)])],
        institutions=[Institution(inst, [], [span_of(text, inst, 0), span_of(text, inst, 1, after=10)])],
        dates=[DateFact("5 Desember 2024", "2024-12-05", 0, date.start, date.end)],
        sentences=sentence_bounds(text), extractor_version=version)


def build_corpus(path, version="0.1.0"):
    """A small corpus of three outlets: two flagged articles, one unflagged, a non-article and a failed fetch."""
    from corpus import Corpus

    with Corpus(path) as corpus:
        items = [
            ("kabarnusa", "https://kabarnusa.id/politik/bawaslu-sleman-asn", make_article(
                "https://kabarnusa.id/politik/bawaslu-sleman-asn"), make_facts(version=version)),
            ("warta-sumut", "https://wartasumut.co.id/medan/politik-uang-masa-tenang", make_article(
                "https://wartasumut.co.id/medan/politik-uang-masa-tenang", text=MEDAN_TEXT, published="2024-02-13",
                title="Bawaslu Medan Terima 7 Laporan Politik Uang"), medan_facts(version)),
            ("jatim-terkini", "https://jatimterkini.id/jember/pleno-rekapitulasi", make_article(
                "https://jatimterkini.id/jember/pleno-rekapitulasi", text=JEMBER_TEXT, published="2024-12-05",
                title="KPU Jember Gelar Pleno Rekapitulasi"), jember_facts(version)),
        ]
        for source, url, article, facts in items:
            page = corpus.store_page(url, status=200, headers={"Content-Type": "text/html"}, body=b"<html>",
                                     fetched_at="2024-12-06T01:00:00+00:00", source=source)
            corpus.store_facts(corpus.store_article(page, article), facts.to_json())
        index = corpus.store_page("https://kabarnusa.id/indeks", status=200, body=b"<html>", source="kabarnusa")
        corpus.store_article(index, make_article("https://kabarnusa.id/indeks", text="Indeks", is_article=False))
        corpus.store_page("https://jatimterkini.id/rusak", status=503, error="HTTP 503", source="jatim-terkini")
    return path


@pytest.fixture
def small_corpus(tmp_path):
    return build_corpus(tmp_path / "warta.db")
