"""The Corpus API on real SQLite files: schema, idempotent upserts, kept failures, versioned facts."""
import os
import sqlite3

import pytest

from corpus import SCHEMA_VERSION, Corpus, CorpusError
from tests.corpus.conftest import TEXT, make_article, make_facts

URL = "https://kabarnusa.id/politik/bawaslu-sleman-asn"


def counts(db_path):
    conn = sqlite3.connect(db_path)
    tables = ["sources", "pages", "articles", "sentences", "officials", "institutions", "dates", "figures",
              "flags", "flag_reasons"]
    result = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    conn.close()
    return result


def store_one(corpus, url=URL, facts=None):
    page_id = corpus.store_page(url, status=200, headers={"Content-Type": "text/html"}, body=b"<html>...</html>",
                                fetched_at="2024-10-02T03:00:00+00:00", source="kabarnusa")
    article_id = corpus.store_article(page_id, make_article(url))
    corpus.store_facts(article_id, (facts or make_facts()).to_json())
    return page_id, article_id


def test_schema_wal_foreign_keys_and_indexes(db_path):
    corpus = Corpus(db_path)
    db = corpus.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for table in ("officials", "institutions", "dates", "figures", "flag_reasons", "sentences", "flags"):
        assert {fk.other_table for fk in db[table].foreign_keys} == {"articles"}
        assert {"article_id", "extractor_version"} <= set(db[table].columns_dict)
    for table in ("officials", "institutions", "dates", "figures", "flag_reasons"):
        assert {"sentence", "start", "end"} <= set(db[table].columns_dict)
    assert {fk.other_table for fk in db["articles"].foreign_keys} == {"pages", "articles"}
    assert db["articles"].detect_fts() == "articles_fts"
    indexed = {tuple(i.columns) for i in db["figures"].indexes}
    assert ("election", "violation") in indexed
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced
        corpus.store_facts(999, make_facts().to_json())


def test_storing_twice_adds_nothing(db_path):
    corpus = Corpus(db_path)
    first = store_one(corpus)
    before = counts(db_path)
    assert before["officials"] == 1 and before["sentences"] == 3 and before["flag_reasons"] == 1
    again = store_one(corpus, url=URL + "/?utm_source=wa&fbclid=abc")
    assert again == first
    assert counts(db_path) == before
    corpus.close()
    assert counts(db_path) == counts(db_path)  # reopening migrates nothing and adds nothing
    Corpus(db_path).close()
    assert counts(db_path) == before


def test_fact_rows_carry_provenance(db_path):
    corpus = Corpus(db_path)
    _, article_id = store_one(corpus)
    official = next(corpus.db["officials"].rows)
    assert official["article_id"] == article_id and official["extractor_version"] == "0.1.0"
    assert TEXT[official["start"]:official["end"]] == "Arif Nurcahyo" and official["sentence"] == 1
    assert official["mention_count"] == 2
    inst = next(corpus.db["institutions"].rows)
    assert inst["aliases"] == '["Badan Pengawas Pemilihan Umum Kabupaten Sleman"]'
    figure = next(corpus.db["figures"].rows)
    assert figure["value"] == 23 and figure["election"] == "Pilkada 2024"
    assert figure["institution"] == "Bawaslu Kabupaten Sleman"  # named in the same sentence
    sentence = corpus.db.execute(
        'select substr(a.text, s.start + 1, s."end" - s.start) from sentences s join articles a on a.id = '
        "s.article_id where s.idx = ?", [figure["sentence"]]).fetchone()[0]
    assert sentence.startswith("Badan Pengawas") and figure["text"] in sentence


def test_failed_pages_and_articles_are_kept(db_path):
    corpus = Corpus(db_path)
    corpus.store_page("https://kabarnusa.id/rusak", status=None, error="TCP connection refused", source="kabarnusa")
    corpus.store_page("https://kabarnusa.id/500", status=500, body=b"oops", error="HTTP 500", source="kabarnusa")
    good = corpus.store_page("https://kabarnusa.id/indeks", status=200, body=b"<html>indeks</html>")
    bad = corpus.store_page("https://kabarnusa.id/kosong", status=200, body=b"<html></html>")
    assert [p["id"] for p in corpus.pages_to_extract()] == [good, bad]
    corpus.store_article(good, make_article("https://kabarnusa.id/indeks", text="Indeks berita", is_article=False))
    corpus.store_article(bad, {"url": None, "text": "", "is_article": False, "error": "no article body found"})
    assert list(corpus.pages_to_extract()) == []
    assert len(list(corpus.pages_to_extract(force=True))) == 2
    assert list(corpus.articles_to_annotate("0.1.0")) == []
    stats = corpus.stats()
    assert stats["pages"] == 4 and stats["pages_failed"] == 2
    assert stats["articles"] == 0 and stats["non_articles"] == 1 and stats["articles_failed"] == 1
    errors = {r["error"] for r in corpus.db["pages"].rows}
    assert {"TCP connection refused", "HTTP 500"} <= errors


def test_failed_refetch_keeps_the_good_copy(db_path):
    corpus = Corpus(db_path)
    pid = corpus.store_page(URL, status=200, body=b"<html>asli</html>")
    assert corpus.store_page(URL, status=None, error="timeout") == pid
    page = corpus.db["pages"].get(pid)
    assert page["body"] == b"<html>asli</html>" and page["error"] is None


def test_known_urls_and_has_page(db_path):
    corpus = Corpus(db_path)
    corpus.store_page("https://www.kabarnusa.id/a/?utm_source=x", status=200, body=b"a")
    assert corpus.has_page("https://kabarnusa.id/a")
    assert corpus.has_page("https://m.kabarnusa.id/a/")
    assert not corpus.has_page("https://kabarnusa.id/b")
    assert corpus.known_urls() == {"https://kabarnusa.id/a"}


def test_facts_replaced_per_version_and_versions_kept_apart(db_path):
    corpus = Corpus(db_path)
    _, article_id = store_one(corpus)
    assert corpus.active_version() == "0.1.0"
    assert [r["id"] for r in corpus.articles_to_annotate("0.1.0")] == []
    assert [r["id"] for r in corpus.articles_to_annotate("0.2.0")] == [article_id]
    newer = make_facts(version="0.2.0", flag=False)
    newer.officials = []
    corpus.store_facts(article_id, newer.to_json())
    rows = corpus.db.execute("select extractor_version, count(*) from officials group by 1").fetchall()
    assert rows == [("0.1.0", 1)]
    assert corpus.active_version() == "0.1.0"  # the new version is not complete until a full pass ends
    assert list(corpus.articles_to_annotate("0.2.0")) == []  # a pass that finds nothing left completes it
    assert corpus.active_version() == "0.2.0"
    assert corpus.stats()["officials"] == 0 and corpus.stats()["flagged"] == 0
    corpus.activate_version("0.2.0", prune=True)
    assert corpus.db.execute("select count(*) from flags").fetchone()[0] == 1


def test_duplicates_are_marked_and_not_annotated(db_path):
    corpus = Corpus(db_path)
    _, first = store_one(corpus)
    page = corpus.store_page("https://kabarnusa.id/daerah/salinan-berita", status=200, body=b"<html>")
    copy = corpus.store_article(page, make_article("https://kabarnusa.id/daerah/salinan-berita"))
    assert corpus.db["articles"].get(copy)["duplicate_of"] == first
    assert list(corpus.articles_to_annotate("0.3.0")) == [
        {"id": first, "text": TEXT, "published": "2024-10-02"}]


def test_user_mistakes_are_corpus_errors(tmp_path):
    with pytest.raises(CorpusError, match="no corpus database"):
        Corpus(tmp_path / "missing.db", readonly=True)
    with pytest.raises(CorpusError, match="cannot create"):
        Corpus(tmp_path / "no-such-dir" / "warta.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CorpusError, match="junk.db"):
        Corpus(junk)
    with pytest.raises(CorpusError, match="junk.db"):
        Corpus(junk, readonly=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_database(tmp_path):
    path = tmp_path / "ro.db"
    Corpus(path).close()
    path.chmod(0o444)
    with pytest.raises(CorpusError, match="not writable"):
        Corpus(path)


def test_readonly_corpus_reads(db_path):
    with Corpus(db_path) as corpus:
        store_one(corpus)
    with Corpus(db_path, readonly=True) as reader:
        assert reader.stats()["figures"] == 1
        with pytest.raises(sqlite3.OperationalError):
            reader.store_page("https://kabarnusa.id/x", status=200, body=b"x")
