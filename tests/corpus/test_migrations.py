"""A database written by schema version 1 upgrades in place to the current version without losing rows."""
import sqlite3
from pathlib import Path

from corpus import SCHEMA_VERSION, Corpus
from corpus.migrations import migrate
from tests.corpus.conftest import make_facts

FIXTURE = Path(__file__).parents[1] / "fixtures" / "corpus" / "schema_v1.sql"
TABLES = ["sources", "pages", "articles", "sentences", "officials", "institutions", "dates", "figures", "flags",
          "flag_reasons"]


def write_v1(path):
    conn = sqlite3.connect(path)
    conn.executescript(FIXTURE.read_text(encoding="utf-8"))
    conn.close()


def table_counts(conn):
    return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def test_v1_database_upgrades_in_place(tmp_path):
    path = tmp_path / "lama.db"
    write_v1(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    before = table_counts(conn)
    old_articles = conn.execute("select id, page_id, url, title, text from articles").fetchall()
    conn.close()
    assert before["articles"] == 1 and before["figures"] == 1 and before["pages"] == 2

    corpus = Corpus(path)
    db = corpus.db
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert table_counts(db.conn) == before
    assert db.execute("select id, page_id, url, title, text from articles").fetchall() == old_articles
    article = db["articles"].get(1)
    assert article["outlet"] == "berita.contoh.id" and article["text_hash"]
    hits = db.execute("select rowid from articles_fts where articles_fts match 'netralitas'").fetchall()
    assert hits == [(1,)]
    assert corpus.active_version() is None  # v1 had no notion of an active version; first store sets it
    assert corpus.stats()["pages_failed"] == 1
    # the upgraded file keeps working with the current API
    corpus.store_facts(1, make_facts(version="0.1.0").to_json())
    assert corpus.active_version() == "0.1.0"
    corpus.close()
    Corpus(path).close()  # opening again is a no-op


def test_fresh_and_upgraded_schemas_match(tmp_path):
    fresh = Corpus(tmp_path / "baru.db").db
    write_v1(tmp_path / "lama.db")
    upgraded = Corpus(tmp_path / "lama.db").db
    assert sorted(fresh.table_names()) == sorted(upgraded.table_names())
    for table in fresh.table_names():
        assert set(fresh[table].columns_dict) == set(upgraded[table].columns_dict), table
        assert {tuple(i.columns) for i in fresh[table].indexes} == {tuple(i.columns) for i in upgraded[table].indexes}


def test_fixture_matches_frozen_version_1(tmp_path):
    """The fixture is what migration 1 writes: editing migration 1 (instead of adding one) fails here."""
    import sqlite_utils

    built = sqlite_utils.Database(tmp_path / "v1.db")
    migrate(built, target=1)
    write_v1(tmp_path / "fixture.db")
    fixture = sqlite_utils.Database(tmp_path / "fixture.db")
    assert {t: built[t].schema for t in built.table_names()} == {t: fixture[t].schema for t in fixture.table_names()}


def open_and_count(path, queue):
    try:
        with Corpus(path) as corpus:
            queue.put(corpus.stats()["pages"])
    except Exception as exc:  # reported to the test
        queue.put(repr(exc))


def test_two_processes_upgrade_an_old_file_once(tmp_path):
    import multiprocessing

    path = str(tmp_path / "lama.db")
    write_v1(path)
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [ctx.Process(target=open_and_count, args=(path, queue)) for _ in range(2)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(30)
    assert results == [2, 2]
    with Corpus(path, readonly=True) as corpus:
        assert corpus.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
