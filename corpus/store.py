"""The Corpus: store pages, articles and facts in SQLite, idempotently, and hand out the work still to do."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
from typing import Iterator, Optional

from corpus.connection import open_database, write_transaction
from corpus.errors import CorpusError
from corpus.migrations import SCHEMA_VERSION, migrate, migration_lock, schema_version
from corpus.rows import FACT_COLUMNS, article_row, fact_rows, sentence_rows
from corpus.urls import canonical_url
from corpus import versions

LOG = logging.getLogger(__name__)
BATCH = 200

PAGE_UPSERT = """
insert into pages (url, fetched_url, final_url, source_id, status, content_type, headers, body, fetched_at, error,
                   stored_at)
values (:url, :fetched_url, :final_url, :source_id, :status, :content_type, :headers, :body, :fetched_at, :error,
        :stored_at)
on conflict(url) do update set
  fetched_url = excluded.fetched_url, final_url = excluded.final_url, source_id = excluded.source_id,
  status = excluded.status, content_type = excluded.content_type, headers = excluded.headers,
  body = excluded.body, fetched_at = excluded.fetched_at, error = excluded.error, stored_at = excluded.stored_at
where (excluded.error is null or pages.error is not null)  -- a failed refetch never replaces a good page
  and (pages.body is not excluded.body or pages.status is not excluded.status or pages.error is not excluded.error)
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _insert_sql(table: str, columns) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"insert into {table} ({names}) values ({', '.join('?' * len(columns))})"


INSERT_SQL = {table: _insert_sql(table, columns) for table, columns in FACT_COLUMNS.items()}
INSERT_SQL["sentences"] = _insert_sql("sentences", ("article_id", "extractor_version", "idx", "start", "end"))


class Corpus:
    """An SQLite corpus of pages, articles and facts. Creates or upgrades the file; WAL mode."""

    def __init__(self, path: str | os.PathLike, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        self.db = open_database(path, readonly=readonly)
        found = schema_version(self.db)
        if found > SCHEMA_VERSION:
            raise CorpusError(f"{path}: corpus schema version {found} is newer than this warta supports "
                              f"({SCHEMA_VERSION}); upgrade warta")
        if found < SCHEMA_VERSION:
            if readonly:
                raise CorpusError(f"{path}: corpus schema version {found} needs an upgrade to {SCHEMA_VERSION}; "
                                  "open it once with a writing command (e.g. warta reannotate) first")
            with migration_lock(self.path):  # two crawler workers opening an old file upgrade it once
                migrate(self.db)
        self._source_ids: dict[str, int] = {}

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- crawler ---------------------------------------------------------------------------------------------
    def _source_id(self, source: Optional[str], url: str) -> Optional[int]:
        if not source:
            return None
        if source not in self._source_ids:
            self.db.execute("insert into sources (name) values (?) on conflict(name) do nothing", [source])
            row = self.db.execute("select id from sources where name = ?", [source]).fetchone()
            self._source_ids[source] = row[0]
        return self._source_ids[source]

    def store_page(self, url: str, status: Optional[int] = None, headers: Optional[dict] = None,
                   body: Optional[bytes] = None, fetched_at: Optional[str] = None, error: Optional[str] = None,
                   source: Optional[str] = None, final_url: Optional[str] = None) -> int:
        """Insert or update the page keyed by its canonical URL; returns the page id."""
        headers = headers or {}
        if isinstance(body, str):
            body = body.encode("utf-8")
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
        key = canonical_url(url)
        with write_transaction(self.db.conn) as conn:
            record = {
                "url": key, "fetched_url": url, "final_url": final_url, "source_id": self._source_id(source, url),
                "status": status, "content_type": content_type, "headers": json.dumps(headers, ensure_ascii=False),
                "body": body, "fetched_at": fetched_at or _now(), "error": error, "stored_at": _now(),
            }
            conn.execute(PAGE_UPSERT, record)
            return conn.execute("select id from pages where url = ?", [key]).fetchone()[0]

    def has_page(self, url: str) -> bool:
        return self.db.execute("select 1 from pages where url = ?", [canonical_url(url)]).fetchone() is not None

    def known_urls(self) -> set[str]:
        return {row[0] for row in self.db.execute("select url from pages")}

    # -- extraction ------------------------------------------------------------------------------------------
    def pages_to_extract(self, force: bool = False) -> Iterator[dict]:
        """Fetched pages with a body and (unless force) no article yet; ids first, so writes can interleave."""
        where = "p.body is not null and p.error is null"
        if not force:
            where += " and not exists (select 1 from articles a where a.page_id = p.id)"
        ids = [row[0] for row in self.db.execute(f"select p.id from pages p where {where} order by p.id")]
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            marks = ", ".join("?" * len(chunk))
            cursor = self.db.execute(
                f"select id, url, fetched_url, final_url, status, body, headers from pages where id in ({marks}) "
                "order by id", chunk)
            for pid, url, fetched, final, status, body, headers in cursor.fetchall():
                yield {"id": pid, "url": final or fetched or url, "canonical_url": url, "status": status,
                       "body": body, "headers": json.loads(headers or "{}")}

    def store_article(self, page_id: int, article: dict) -> Optional[int]:
        """Insert or replace the article of a page (also failed extractions and non-articles); returns its id."""
        with write_transaction(self.db.conn) as conn:
            page = conn.execute("select coalesce(final_url, fetched_url, url) from pages where id = ?",
                                [page_id]).fetchone()
            if page is None:
                LOG.warning("store_article: no page with id %s; article not stored", page_id)
                return None
            row = article_row(page_id, page[0], article, _now())
            row["duplicate_of"] = self._duplicate_of(conn, row)
            columns = list(row)
            updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "page_id")
            conn.execute(f"{_insert_sql('articles', columns)} on conflict(page_id) do update set {updates}",
                         list(row.values()))
            article_id = conn.execute("select id from articles where page_id = ?", [page_id]).fetchone()[0]
            for table in FACT_COLUMNS:  # a re-extraction may change the day the facts are filed under
                conn.execute(f"update {table} set published = ? where article_id = ? and published is not ?",
                             [row["published"], article_id, row["published"]])
            return article_id

    @staticmethod
    def _duplicate_of(conn, row: dict) -> Optional[int]:
        """The earliest other article with the same canonical URL or the same body, if any."""
        if row["error"] or not row["is_article"]:
            return None
        found = conn.execute(
            "select min(id) from articles where page_id != ? and error is null and is_article = 1 "
            "and (canonical_url = ? or text_hash = ?)",
            [row["page_id"], row["canonical_url"], row["text_hash"]]).fetchone()
        return found[0] if found else None

    # -- annotation ------------------------------------------------------------------------------------------
    def articles_to_annotate(self, version: str, force: bool = False) -> Iterator[dict]:
        """Good, non-duplicate articles without facts of `version` (all of them with force).

        When the iteration runs to its end and every article has facts of `version`, that version becomes the
        active one (the one analyst queries read), so a complete re-run replaces the old facts in one step.
        """
        where = "a.error is null and a.is_article = 1 and a.duplicate_of is null"
        if not force:
            where += (" and not exists (select 1 from flags f where f.article_id = a.id "
                      "and f.extractor_version = ?)")
        params = [] if force else [version]
        ids = [r[0] for r in self.db.execute(f"select a.id from articles a where {where} order by a.id", params)]
        yield from self.articles_by_id(ids)
        if versions.pending_count(self.db, version) == 0:
            versions.activate(self.db, version)

    def articles_by_id(self, ids: list[int]) -> Iterator[dict]:
        """id, text and published of the given articles, read in batches so writes can interleave."""
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            marks = ", ".join("?" * len(chunk))
            cursor = self.db.execute(f"select id, text, published from articles where id in ({marks}) order by id",
                                     chunk)
            yield from ({"id": aid, "text": text, "published": published} for aid, text, published in cursor)

    def store_facts(self, article_id: int, facts: dict) -> None:
        """Replace the facts of (article, extractor_version) in one transaction."""
        self.store_facts_batch([(article_id, facts)])

    def store_facts_batch(self, items) -> None:
        """store_facts for many (article_id, facts) pairs in one transaction: all of them or none."""
        stored_version = None
        with write_transaction(self.db.conn) as conn:
            for article_id, facts in items:
                stored_version = self._replace_facts(conn, article_id, facts)
            if stored_version and versions.active(self.db) is None:
                versions.set_active(conn, stored_version)

    @staticmethod
    def _replace_facts(conn, article_id: int, facts: dict) -> str:
        version = facts.get("extractor_version") or "unknown"
        article = conn.execute("select published from articles where id = ?", [article_id]).fetchone()
        rows = fact_rows(article_id, facts, published=article[0] if article else None)
        for table in FACT_COLUMNS:
            conn.execute(f"delete from {table} where article_id = ? and extractor_version = ?", [article_id, version])
            if rows[table]:
                conn.executemany(INSERT_SQL[table], rows[table])
        conn.execute("delete from sentences where article_id = ? and extractor_version = ?", [article_id, version])
        conn.executemany(INSERT_SQL["sentences"], sentence_rows(article_id, facts))
        conn.execute("insert or replace into flags (article_id, extractor_version, flag, error, annotated_at) "
                     "values (?, ?, ?, ?, ?)",
                     [article_id, version, int(bool(facts.get("flag"))), facts.get("error"), _now()])
        return version

    # -- versions and numbers --------------------------------------------------------------------------------
    def active_version(self) -> Optional[str]:
        """The extractor version analyst queries read (the latest one complete over all articles)."""
        return versions.active(self.db)

    def activate_version(self, version: str, prune: bool = False) -> None:
        versions.activate(self.db, version, prune=prune)

    def stats(self) -> dict:
        version = self.active_version()
        one = lambda sql, *p: self.db.execute(sql, p).fetchone()[0]  # noqa: E731
        counts = {
            "pages": one("select count(*) from pages"),
            "pages_failed": one("select count(*) from pages where error is not null"),
            "articles": one("select count(*) from articles where error is null and is_article = 1"),
            "articles_failed": one("select count(*) from articles where error is not null"),
            "non_articles": one("select count(*) from articles where error is null and is_article = 0"),
        }
        for table in ("officials", "institutions", "dates", "figures"):
            counts[table] = one(f"select count(*) from {table} where extractor_version is ?", version)
        counts["flagged"] = one("select count(*) from flags where flag = 1 and extractor_version is ?", version)
        return counts
