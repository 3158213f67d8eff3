"""Which extractor version the analyst queries read, and the switch from an old version to a complete new one."""
from __future__ import annotations

import logging
from typing import Optional

import sqlite_utils

from corpus.connection import write_transaction
from corpus.rows import FACT_TABLES

LOG = logging.getLogger(__name__)
ACTIVE_KEY = "active_extractor_version"


def active(db: sqlite_utils.Database) -> Optional[str]:
    row = db.execute("select value from meta where key = ?", [ACTIVE_KEY]).fetchone()
    return row[0] if row else None


def set_active(conn, version: str) -> None:
    conn.execute("insert or replace into meta (key, value) values (?, ?)", [ACTIVE_KEY, version])


def pending_count(db: sqlite_utils.Database, version: str) -> int:
    """Articles that should have facts of `version` but do not yet."""
    return db.execute(
        "select count(*) from articles a where a.error is null and a.is_article = 1 and a.duplicate_of is null "
        "and not exists (select 1 from flags f where f.article_id = a.id and f.extractor_version = ?)",
        [version]).fetchone()[0]


def stored_versions(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("select distinct extractor_version from flags order by extractor_version")]


def activate(db: sqlite_utils.Database, version: str, prune: bool = False) -> None:
    """Make `version` the one queries read; with prune, delete the facts of every other version (one transaction)."""
    with write_transaction(db.conn) as conn:
        previous = active(db)
        set_active(conn, version)
        if prune:
            for table in FACT_TABLES:
                conn.execute(f"delete from {table} where extractor_version != ?", [version])
    if previous != version:
        LOG.info("active extractor version: %s (was %s)%s", version, previous, ", older facts pruned" if prune else "")


def _version_key(version: str):
    try:
        from packaging.version import Version
        return (0, Version(version))
    except Exception:  # not PEP 440: compare as text, after all proper versions
        return (1, version)


def select_for_reannotation(db: sqlite_utils.Database, version: str, since: Optional[str] = None,
                            force: bool = False) -> list[int]:
    """Ids of good articles to annotate with `version`.

    Without force, articles that already have facts of `version` are skipped (an interrupted run resumes).
    With `since`, only articles without facts or with facts made by `since` or a later version.
    """
    where = ["a.error is null", "a.is_article = 1", "a.duplicate_of is null"]
    params: list = []
    if not force:
        where.append("not exists (select 1 from flags f where f.article_id = a.id and f.extractor_version = ?)")
        params.append(version)
    if since:
        newer = [v for v in stored_versions(db) if _version_key(v) >= _version_key(since)]
        marks = ", ".join("?" * len(newer)) or "null"
        where.append("(not exists (select 1 from flags f where f.article_id = a.id) or exists (select 1 from flags f "
                     f"where f.article_id = a.id and f.extractor_version in ({marks})))")
        params.extend(newer)
    sql = f"select a.id from articles a where {' and '.join(where)} order by a.id"
    return [row[0] for row in db.execute(sql, params)]
