"""Schema versions of the corpus and the steps that upgrade a database in place (PRAGMA user_version)."""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os

import sqlite_utils

LOG = logging.getLogger(__name__)

FACT_PROVENANCE = {"article_id": int, "extractor_version": str, "sentence": int, "start": int, "end": int}
ARTICLE_FK = [("article_id", "articles", "id")]


def _fact_table(db: sqlite_utils.Database, name: str, columns: dict) -> None:
    table = db[name]
    table.create({"id": int, **FACT_PROVENANCE, **columns}, pk="id", foreign_keys=ARTICLE_FK, if_not_exists=True)
    table.create_index(["article_id", "extractor_version"], if_not_exists=True)


def _v1_base_tables(db: sqlite_utils.Database) -> None:
    """Version 1: sources, pages, articles, sentences and one table per fact type with provenance.

    Frozen: a database written by version 1 must still upgrade, so edit only by adding a new version.
    """
    db["sources"].create({"id": int, "name": str, "base_url": str}, pk="id", not_null={"name"}, if_not_exists=True)
    db["sources"].create_index(["name"], unique=True, if_not_exists=True)
    db["pages"].create(
        {"id": int, "url": str, "fetched_url": str, "final_url": str, "source_id": int, "status": int,
         "content_type": str, "headers": str, "body": bytes, "fetched_at": str, "error": str, "stored_at": str},
        pk="id", not_null={"url"}, foreign_keys=[("source_id", "sources", "id")], if_not_exists=True,
    )
    db["pages"].create_index(["url"], unique=True, if_not_exists=True)
    db["articles"].create(
        {"id": int, "page_id": int, "url": str, "canonical_url": str, "title": str, "published": str,
         "author": str, "text": str, "language": str, "is_article": int, "error": str, "extracted_at": str},
        pk="id", foreign_keys=[("page_id", "pages", "id")], if_not_exists=True,
    )
    db["articles"].create_index(["page_id"], unique=True, if_not_exists=True)
    db["articles"].create_index(["canonical_url"], if_not_exists=True)
    db["sentences"].create(
        {"article_id": int, "extractor_version": str, "idx": int, "start": int, "end": int},
        pk=("article_id", "extractor_version", "idx"), foreign_keys=ARTICLE_FK, if_not_exists=True,
    )
    _fact_table(db, "officials", {"name": str, "position": str, "institution": str, "mention_count": int,
                                  "mentions": str})
    _fact_table(db, "institutions", {"name": str, "aliases": str, "mention_count": int, "mentions": str})
    _fact_table(db, "dates", {"text": str, "value": str})
    _fact_table(db, "figures", {"value": float, "text": str, "unit": str, "violation": str, "election": str,
                                "approx": int})
    _fact_table(db, "flag_reasons", {"cue": str})
    db["flags"].create(
        {"article_id": int, "extractor_version": str, "flag": int, "error": str, "annotated_at": str},
        pk=("article_id", "extractor_version"), foreign_keys=ARTICLE_FK, if_not_exists=True,
    )


def _v2_analysis(db: sqlite_utils.Database) -> None:
    """Version 2: outlet, duplicate-of and text hash on articles, figure institutions, meta, analyst indexes, FTS5."""
    articles = db["articles"]
    for column, kind in (("outlet", str), ("text_hash", str), ("duplicate_of", int)):
        if column not in articles.columns_dict:
            articles.add_column(column, kind)
    if not any(fk.column == "duplicate_of" for fk in articles.foreign_keys):
        articles.add_foreign_key("duplicate_of", "articles", "id")
    if "institution" not in db["figures"].columns_dict:
        db["figures"].add_column("institution", str)
    for column, kind in (("title", str), ("description", str), ("licence", str)):
        if column not in db["sources"].columns_dict:
            db["sources"].add_column(column, kind)
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    _backfill_v2(db)
    for table, columns in (
        ("articles", ["published"]), ("articles", ["outlet", "published"]), ("articles", ["text_hash"]),
        ("pages", ["source_id"]), ("officials", ["name"]), ("officials", ["institution"]),
        ("institutions", ["name"]), ("dates", ["value"]), ("figures", ["election", "violation"]),
        ("figures", ["institution"]), ("flags", ["extractor_version", "flag"]), ("flag_reasons", ["cue"]),
    ):
        db[table].create_index(columns, if_not_exists=True)
    if not articles.detect_fts():
        articles.enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)


def _backfill_v2(db: sqlite_utils.Database) -> None:
    """Fill the new article columns for rows written by version 1 (nothing is dropped)."""
    from corpus.urls import outlet_of
    from corpus.rows import text_hash

    rows = db.execute("select id, url, canonical_url, text from articles where text_hash is null").fetchall()
    with db.conn:
        db.conn.executemany(
            "update articles set outlet = ?, text_hash = ? where id = ?",
            [(outlet_of(url or canonical), text_hash(text), aid) for aid, url, canonical, text in rows],
        )


FAST_FILTER_TABLES = ("officials", "institutions", "dates", "figures", "flag_reasons")
REGION_SOURCE = {"officials": "institution", "institutions": "name", "figures": "institution"}
# (table, columns) of the v3 indexes. (version, published) reads the newest facts first; the filter indexes end
# in article_id so "articles with such a figure/institution" comes from the index alone. NOCASE lets
# LIKE 'prefix%' use them.
V3_INDEXES = [(t, ["extractor_version", "published"]) for t in FAST_FILTER_TABLES] + \
    [(t, ["extractor_version", f"{c} collate nocase", "article_id"]) for t, c in REGION_SOURCE.items()] + \
    [(t, ["extractor_version", "region collate nocase", "article_id"]) for t in REGION_SOURCE] + \
    [("figures", ["extractor_version", "election collate nocase", "article_id"])]


def _v3_fast_filters(db: sqlite_utils.Database) -> None:
    """Version 3: each fact row carries its article's day, flag and (officials, institutions, figures) region,
    with indexes that answer the `warta facts` filters newest first without touching the articles table."""
    from corpus.regions import region_of

    for table in FAST_FILTER_TABLES:
        columns = db[table].columns_dict
        for column, kind in (("published", str), ("flagged", int)):
            if column not in columns:
                db[table].add_column(column, kind)
        if table in REGION_SOURCE and "region" not in columns:
            db[table].add_column("region", str)
    with db.conn:
        for table in FAST_FILTER_TABLES:
            db.conn.execute(
                f"update {table} set published = (select a.published from articles a where a.id = {table}.article_id),"
                f" flagged = (select fl.flag from flags fl where fl.article_id = {table}.article_id "
                f"and fl.extractor_version = {table}.extractor_version)")
        for table, source in REGION_SOURCE.items():
            names = [r[0] for r in db.conn.execute(f"select distinct {source} from {table} where {source} is not null")]
            db.conn.executemany(f"update {table} set region = ? where {source} = ?",
                                [(region_of(name), name) for name in names])
    for table, columns in V3_INDEXES:
        name = "idx_{}_{}".format(table, "_".join(c.split()[0] for c in columns))
        db.execute(f"create index if not exists [{name}] on [{table}] ({', '.join(columns)})")
    for superseded in ("idx_officials_institution", "idx_figures_institution"):  # by the NOCASE ones above
        db.execute(f"drop index if exists [{superseded}]")


MIGRATIONS = {1: _v1_base_tables, 2: _v2_analysis, 3: _v3_fast_filters}
SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


@contextlib.contextmanager
def migration_lock(db_path: str):
    """An exclusive flock on the database's directory while upgrading. Not on the database file itself: closing
    a second descriptor of that file would drop SQLite's own POSIX locks."""
    directory = os.open(os.path.dirname(os.path.abspath(db_path)) or ".", os.O_RDONLY)
    try:
        fcntl.flock(directory, fcntl.LOCK_EX)
        yield
    finally:
        os.close(directory)  # releases the flock


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> int:
    """Upgrade `db` step by step to `target`; returns the version it had before."""
    before = schema_version(db)
    for version in range(before + 1, target + 1):
        LOG.info("upgrading corpus schema to version %d", version)
        MIGRATIONS[version](db)
        db.execute(f"PRAGMA user_version = {int(version)}")
    return before
