"""Run reports stored in the corpus: totals, per-source rows, suspicious sources."""
from __future__ import annotations

from corpus import Corpus
from crawler.report import format_report, outcomes_since, record_run

CRAWL = {"finish_reason": "finished", "sources": {
    "kompas": {"discovered": 12, "new": 5, "fetched": 5, "failed": 1, "discovery_failed": 0},
    "kpu": {"discovered": 3, "new": 0, "fetched": 0, "failed": 0, "discovery_failed": 1}}}


def _run(corpus, outcomes, n=1, started="2024-11-21T00:00:00+00:00"):
    return record_run(corpus.db, started_at=started, finished_at=started, duration_s=12.5, crawl=CRAWL,
                      outcomes=outcomes, sources_file=None, log_file="/tmp/log", suspicious_after=n)


def test_report_rows_totals_and_suspicious_sources(tmp_path):
    corpus = Corpus(tmp_path / "r.db")
    report = _run(corpus, {"kompas": {"articles": 4, "facts": 17, "flagged": 2}}, n=2)
    assert report["totals"] == {"discovered": 15, "new": 5, "fetched": 5, "failed": 1, "articles": 4, "facts": 17,
                                "flagged": 2}
    assert report["suspicious"] == []  # one run is not yet a pattern
    report = _run(corpus, {"kompas": {"articles": 1, "facts": 3, "flagged": 0}}, n=2)
    assert report["suspicious"] == ["kpu"]
    text = format_report(report)
    assert "SUSPICIOUS: kpu" in text and "Discovery pages failed" in text and "TOTAL" in text
    rows = corpus.db.execute("select run_id, source, articles, suspicious from run_sources order by 1, 2").fetchall()
    assert rows == [(1, "kompas", 4, 0), (1, "kpu", 0, 0), (2, "kompas", 1, 0), (2, "kpu", 0, 1)]


def test_outcomes_count_articles_facts_and_flags_of_pages_stored_in_the_run(tmp_path):
    corpus = Corpus(tmp_path / "o.db")
    page = corpus.store_page("https://kompas.example.id/read/1", status=200, body=b"<html></html>",
                             source="kompas")
    article = corpus.store_article(page, {"url": "https://kompas.example.id/read/1", "title": "Judul",
                                          "published": "2024-11-20", "author": None, "text": "Isi berita.",
                                          "language": "id", "is_article": True, "error": None})
    corpus.store_facts(article, {"extractor_version": "t1", "flag": True, "officials": [], "institutions": [],
                                 "dates": [], "figures": [], "sentences": [], "flag_reasons": []})
    assert outcomes_since(corpus.db, "2000-01-01")["kompas"]["articles"] == 1
    assert outcomes_since(corpus.db, "2000-01-01")["kompas"]["flagged"] == 1
    assert outcomes_since(corpus.db, "2999-01-01") == {}
