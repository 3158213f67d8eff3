"""Analyst queries over the active extractor version: facts with their sentence and article, full-text search."""
from __future__ import annotations

import json
import logging
import re
from typing import Optional

import sqlite_utils

from corpus.errors import CorpusError
from corpus.regions import region_query
from corpus import versions

LOG = logging.getLogger(__name__)

ARTICLE_COLUMNS = ("a.published", "a.outlet", "coalesce(a.url, a.canonical_url) as url", "a.title")
SENTENCE_TEXT = 'substr(a.text, s.start + 1, s."end" - s.start) as sentence_text'
TYPE_TABLES = {"officials": "officials", "institutions": "institutions", "dates": "dates", "figures": "figures",
               "flags": "flag_reasons"}
TYPE_COLUMNS = {
    "officials": ("f.name", "f.position", "f.institution", "f.mention_count"),
    "institutions": ("f.name", "f.aliases", "f.mention_count"),
    "dates": ("f.value", "f.text"),
    "figures": ("f.value", "f.unit", "f.violation", "f.election", "f.approx", "f.institution", "f.text"),
    "flags": ("f.cue",),
}
# One line per fact for the mixed listing (no TYPE): what the fact is and its most useful detail.
SUMMARY = {
    "officials": ("f.name", "trim(coalesce(f.position, '') || ' ' || coalesce(f.institution, ''))"),
    "institutions": ("f.name", "f.aliases"),
    "dates": ("f.value", "f.text"),
    "figures": ("case when f.value = cast(f.value as integer) then cast(f.value as integer) else f.value end "
                "|| ' ' || coalesce(f.unit, '')",
                "trim(coalesce(f.violation, '') || ' | ' || coalesce(f.election, '') || ' | ' "
                "|| coalesce(f.institution, ''), ' |')"),
    "flags": ("f.cue", "'flagged'"),
}
# Which institution a fact type is tied to, for --institution/--region; other types: any institution of the article.
INSTITUTION_COLUMN = {"officials": "f.institution", "institutions": "f.name", "figures": "f.institution"}
ORDER = "order by f.published desc, f.article_id, f.start"
KEYS = "f.id, f.published, f.article_id, f.start"
# A prefix filter matching over BROAD_PER_ROW x limit facts sends the query to the newest-first path, which
# reads at most max(SCAN_PER_ROW x limit, MIN_SCAN) facts before SQLite's own plan takes over.
BROAD_PER_ROW = 10
SCAN_PER_ROW, MIN_SCAN, SCAN_BATCH = 20, 5000, 1000
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_day(value: Optional[str], option: str) -> Optional[str]:
    if value is None or DATE_RE.match(value):
        return value
    raise CorpusError(f"{option} {value!r}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY)")


def add_day_range(where: list[str], params: dict, column: str, since, until) -> None:
    """`column` between --since and --until (YYYY, YYYY-MM or YYYY-MM-DD); a bare month or year includes all of it."""
    if since:
        where.append(f"{column} >= :since")
        params["since"] = check_day(since, "--since")
    if until:
        where.append(f"{column} <= :until")
        params["until"] = check_day(until, "--until") + ("-99" if len(until) < 10 else "")


def _through_institutions(fact_type: str, own: str, other: str) -> str:
    """A condition on the fact's own institution, or on any institution of its article."""
    if fact_type in INSTITUTION_COLUMN:
        return own
    # uncorrelated: SQLite builds the set of articles once, from the institutions index alone
    return f"f.article_id in (select i.article_id from institutions i where i.extractor_version = :version and {other})"


def fact_filters(fact_type: str, institution=None, election=None, region=None, since=None, until=None,
                 flagged=False) -> tuple[list[str], dict]:
    """WHERE clauses on the fact table `f` alone (day, flag and region are stored on every fact row)."""
    where, params = ["f.extractor_version = :version"], {}
    if institution:
        column = INSTITUTION_COLUMN.get(fact_type)
        where.append(_through_institutions(fact_type, f"{column} like :institution", "i.name like :institution"))
        params["institution"] = f"{institution}%"
    if region:
        where.append(_through_institutions(fact_type, "f.region like :region", "i.region like :region"))
        params["region"] = f"{region_query(region)}%"
    if election:
        if fact_type == "figures":
            where.append("f.election = :election collate nocase")
        else:
            where.append("f.article_id in (select g.article_id from figures g where g.extractor_version = :version "
                         "and g.election = :election collate nocase)")
        params["election"] = election
    add_day_range(where, params, "f.published", since, until)
    if flagged:
        where.append("f.flagged = 1")
    return where, params


def _columns(fact_type: str, mixed: bool) -> tuple[str, ...]:
    if mixed:
        fact, detail = SUMMARY[fact_type]
        columns = (f"'{fact_type}' as type", f"{fact} as fact", f"{detail} as detail", "f.article_id")
    else:
        columns = ("f.id", "f.article_id") + TYPE_COLUMNS[fact_type]
    return columns + ARTICLE_COLUMNS + ("f.sentence", "f.start", 'f."end"', "f.extractor_version", SENTENCE_TEXT)


def facts_sql(fact_type: str, limit: int = 0, mixed: bool = False, **filters) -> tuple[str, dict]:
    """One query listing facts of one type with sentence text and article URL, newest articles first, as the
    SQLite planner runs it (find_facts adds a faster path; the benchmark uses this as its baseline)."""
    if fact_type not in TYPE_TABLES:
        raise CorpusError(f"unknown fact type {fact_type!r}; choose one of {', '.join(TYPE_TABLES)}")
    where, params = fact_filters(fact_type, **filters)
    table = TYPE_TABLES[fact_type]
    chosen = f"select f.id as fact_id from {table} f where {' and '.join(where)} {ORDER}"
    if limit:
        chosen += " limit :limit"
        params["limit"] = limit
    return _details_sql(fact_type, mixed, f"f.id in ({chosen})"), params


def _details_sql(fact_type: str, mixed: bool, condition: str) -> str:
    return (f"select {', '.join(_columns(fact_type, mixed))} from {TYPE_TABLES[fact_type]} f "
            "join articles a on a.id = f.article_id "
            "left join sentences s on s.article_id = f.article_id and s.extractor_version = f.extractor_version "
            f"and s.idx = f.sentence where {condition} {ORDER}")


def _newest_first_keys(db, table: str, where: list[str], params: dict, limit: int) -> Optional[list[tuple]]:
    """Fast path for filters many facts match: walk the facts newest first (index order, no sort) and stop
    once `limit` matches and their last day are complete. Gives up (None) after SCAN_PER_ROW x limit facts,
    where an index on the filter does better."""
    cursor = db.execute(
        f"select {KEYS}, ({' and '.join(where)}) as matches from {table} f "
        f"indexed by idx_{table}_extractor_version_published where f.extractor_version = :version "
        "order by f.published desc", params)
    found, examined, budget = [], 0, max(limit * SCAN_PER_ROW, MIN_SCAN)
    while batch := cursor.fetchmany(SCAN_BATCH):
        for row in batch:
            if len(found) >= limit and row[1] != found[limit - 1][1]:
                return _in_order(found)[:limit]  # the last day of the matches is complete
            if row[4]:
                found.append(row[:4])
        examined += len(batch)
        if examined >= budget:
            return None
    return _in_order(found)[:limit]


def _in_order(keys: list[tuple]) -> list[tuple]:
    keys = sorted(keys, key=lambda k: (k[2], k[3]))
    return sorted(keys, key=lambda k: k[1] or "", reverse=True)  # stable: published desc, article, start


def _matches_most(db, table: str, condition: str, params: dict, limit: int) -> bool:
    """Does a LIKE 'prefix%' filter match more than BROAD_PER_ROW x limit facts? Counted on its NOCASE index
    alone (a few ms): SQLite cannot estimate LIKE ranges and would sort every match of 'Bawaslu%'."""
    cap = limit * BROAD_PER_ROW
    sql = (f"select count(*) from (select 1 from {table} f where f.extractor_version = :version "
           f"and {condition} limit :cap)")
    return db.execute(sql, params | {"cap": cap}).fetchone()[0] >= cap


def _fact_keys(db, fact_type: str, limit: int, filters: dict, version) -> list[tuple]:
    """(id, published, article_id, start) of the facts to show, in display order.

    SQLite's plan (an index on a filter, then a sort) is best unless a prefix filter matches most facts; then
    reading the newest facts first and stopping at `limit` wins.
    """
    where, params = fact_filters(fact_type, **filters)
    params["version"] = version
    table = TYPE_TABLES[fact_type]
    prefix_filters = [c for c in where if c.startswith("f.") and " like :" in c]
    if limit and any(_matches_most(db, table, c, params, limit) for c in prefix_filters):
        keys = _newest_first_keys(db, table, where, params, limit)
        if keys is not None:
            return keys
    sql = f"select {KEYS} from {table} f where {' and '.join(where)} {ORDER}"
    if limit:
        sql += " limit :limit"
        params["limit"] = limit
    return db.execute(sql, params).fetchall()


def _run(db: sqlite_utils.Database, sql: str, params: dict) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def find_facts(db: sqlite_utils.Database, fact_type: Optional[str] = None, limit: int = 0, version=None,
               **filters) -> list[dict]:
    """Facts of one type (or of every type, merged) of the active extractor version, newest articles first."""
    if fact_type is not None and fact_type not in TYPE_TABLES:
        raise CorpusError(f"unknown fact type {fact_type!r}; choose one of {', '.join(TYPE_TABLES)}")
    version = version or versions.active(db)
    types = [fact_type] if fact_type else list(TYPE_TABLES)
    # each type's keys are cut first, so the merge never sorts more than types x limit keys
    keys = [(name, key) for name in types for key in _fact_keys(db, name, limit, filters, version)]
    keys.sort(key=lambda k: (k[1][2], k[1][3]))
    keys.sort(key=lambda k: k[1][1] or "", reverse=True)  # stable, like _in_order
    if limit:
        keys = keys[:limit]
    rows = []
    for name in types:  # texts and sentences only for the rows shown
        ids = [key[0] for kind, key in keys if kind == name]
        if ids:
            sql = _details_sql(name, fact_type is None, "f.id in (select value from json_each(:ids))")
            rows.extend(_run(db, sql, {"ids": json.dumps(ids)}))
    if fact_type is None:
        rows.sort(key=lambda r: (r["article_id"], r["start"]))
        rows.sort(key=lambda r: r["published"] or "", reverse=True)
    return rows


def search(db: sqlite_utils.Database, query: str, limit: int = 20, raw: bool = False, since=None,
           until=None, rank: bool = False) -> list[dict]:
    """Articles matching an FTS5 query with a snippet around the match ([matched] words).

    Most recently stored first (FTS5 walks its index in that order and stops at `limit`); `rank` orders by
    relevance (bm25), which has to score every match and gets slow for common words on a large corpus.
    """
    where, params = ["articles_fts match :query"], {"query": query if raw else db.quote_fts(query),
                                                    "limit": limit}
    add_day_range(where, params, "a.published", since, until)
    sql = ("select a.id, a.published, a.outlet, a.title, coalesce(a.url, a.canonical_url) as url, "
           "snippet(articles_fts, -1, '[', ']', '…', 16) as snippet "
           "from articles_fts join articles a on a.id = articles_fts.rowid "
           f"where {' and '.join(where)} order by {'rank' if rank else 'articles_fts.rowid desc'} limit :limit")
    try:
        cursor = db.execute(sql, params)
    except Exception as exc:  # sqlite3.OperationalError: fts5 syntax error near ...
        raise CorpusError(f"search query {query!r}: {exc} (drop --raw to search plain words)") from exc
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]



def apply_reviews(db: sqlite_utils.Database, fact_type: Optional[str], rows: list[dict]) -> list[dict]:
    """Hook for reviewed values: corpus.reviews (review_decisions / fact_corrections) rewrites the rows when the
    corpus has those tables and the module offers `apply_to_facts(db, fact_type, rows)`; otherwise a no-op."""
    if not {"review_decisions", "fact_corrections"} & set(db.table_names()):
        return rows
    try:
        from corpus import reviews
    except ImportError:
        LOG.warning("the corpus has review tables but corpus.reviews is not installed; showing raw facts")
        return rows
    apply = getattr(reviews, "apply_to_facts", None)
    return apply(db, fact_type, rows) if apply else rows
