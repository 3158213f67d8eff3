"""Analyst queries over the active extractor version: facts with their sentence and article, full-text search."""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Optional

import sqlite_utils

from corpus.errors import CorpusError
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
# Which institution name a fact type is tied to, for --institution/--region; None: any institution of the article.
INSTITUTION_COLUMN = {"officials": "f.institution", "institutions": "f.name", "figures": "f.institution"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_day(value: Optional[str], option: str) -> Optional[str]:
    if value is None or DATE_RE.match(value):
        return value
    raise CorpusError(f"{option} {value!r}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY)")


def _institution_filter(fact_type: str, pattern_param: str) -> str:
    column = INSTITUTION_COLUMN.get(fact_type)
    if column:
        return f"{column} like :{pattern_param}"
    return ("exists (select 1 from institutions i where i.article_id = f.article_id "
            f"and i.extractor_version = f.extractor_version and i.name like :{pattern_param})")


def fact_filters(fact_type: str, institution=None, election=None, region=None, since=None, until=None,
                 flagged=False) -> tuple[list[str], dict]:
    """WHERE clauses and parameters shared by the per-type queries."""
    where, params = ["f.extractor_version = :version"], {}
    if institution:
        where.append(_institution_filter(fact_type, "institution"))
        params["institution"] = f"{institution}%"
    if region:
        where.append(_institution_filter(fact_type, "region"))
        params["region"] = f"%{region}%"
    if election:
        if fact_type == "figures":
            where.append("f.election = :election collate nocase")
        else:
            where.append("exists (select 1 from figures g where g.article_id = f.article_id and "
                         "g.extractor_version = f.extractor_version and g.election = :election collate nocase)")
        params["election"] = election
    if since:
        where.append("a.published >= :since")
        params["since"] = check_day(since, "--since")
    if until:
        where.append("a.published <= :until")
        # a bare month or year includes all of it
        params["until"] = check_day(until, "--until") + ("-99" if len(until) < 10 else "")
    if flagged:
        where.append("exists (select 1 from flags fl where fl.article_id = f.article_id and "
                     "fl.extractor_version = f.extractor_version and fl.flag = 1)")
    return where, params


def facts_sql(fact_type: str, limit: int = 0, **filters) -> tuple[str, dict]:
    """SQL and parameters listing facts of one type with sentence text and article URL, newest articles first.

    The `mixed` form (used when no TYPE is given) has the same columns for every type, so lists can be merged.
    """
    mixed = filters.pop("mixed", False)
    if fact_type not in TYPE_TABLES:
        raise CorpusError(f"unknown fact type {fact_type!r}; choose one of {', '.join(TYPE_TABLES)}")
    where, params = fact_filters(fact_type, **filters)
    if mixed:
        fact, detail = SUMMARY[fact_type]
        columns = (f"'{fact_type}' as type", f"{fact} as fact", f"{detail} as detail", "f.article_id")
    else:
        columns = ("f.id", "f.article_id") + TYPE_COLUMNS[fact_type]
    columns += ARTICLE_COLUMNS + ("f.sentence", "f.start", 'f."end"', SENTENCE_TEXT)
    table = TYPE_TABLES[fact_type]
    # Two steps: pick the ids first (sorting only keys), then read texts and sentences for those rows only.
    chosen = (f"select f.id as fact_id from {table} f join articles a on a.id = f.article_id "
              f"where {' and '.join(where)} order by a.published desc, f.article_id, f.start"
              + (" limit :limit" if limit else ""))
    if limit:
        params["limit"] = limit
    sql = (f"select {', '.join(columns)} from ({chosen}) chosen join {table} f on f.id = chosen.fact_id "
           "join articles a on a.id = f.article_id "
           "left join sentences s on s.article_id = f.article_id and s.extractor_version = f.extractor_version "
           "and s.idx = f.sentence order by a.published desc, f.article_id, f.start")
    return sql, params


def _run(db: sqlite_utils.Database, sql: str, params: dict) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def find_facts(db: sqlite_utils.Database, fact_type: Optional[str] = None, limit: int = 0, version=None,
               **filters) -> list[dict]:
    """Facts of one type (or of every type, merged) of the active extractor version, newest articles first."""
    version = version or versions.active(db)
    lists = []
    for name in [fact_type] if fact_type else list(TYPE_TABLES):
        # each type's list is cut first, so the merge never sorts more than types x limit rows
        sql, params = facts_sql(name, limit=limit, mixed=fact_type is None, **filters)
        params["version"] = version
        lists.append(_run(db, sql, params))
    if fact_type:
        return lists[0]
    merged = sorted((row for rows in lists for row in rows), key=lambda r: (r["article_id"], r["start"]))
    merged.sort(key=lambda r: r["published"] or "", reverse=True)  # stable: same order as the SQL per type
    return merged[:limit] if limit else merged


def search(db: sqlite_utils.Database, query: str, limit: int = 20, raw: bool = False, since=None,
           until=None) -> list[dict]:
    """Articles matching an FTS5 query, best first, with a snippet around the match ([matched] words)."""
    where, params = ["articles_fts match :query"], {"query": query if raw else db.quote_fts(query),
                                                    "limit": limit}
    if since:
        where.append("a.published >= :since")
        params["since"] = check_day(since, "--since")
    if until:
        where.append("a.published <= :until")
        params["until"] = check_day(until, "--until") + ("-99" if len(until) < 10 else "")
    sql = ("select a.id, a.published, a.outlet, a.title, coalesce(a.url, a.canonical_url) as url, "
           "snippet(articles_fts, -1, '[', ']', '…', 16) as snippet "
           "from articles_fts join articles a on a.id = articles_fts.rowid "
           f"where {' and '.join(where)} order by rank limit :limit")
    try:
        cursor = db.execute(sql, params)
    except Exception as exc:  # sqlite3.OperationalError: fts5 syntax error near ...
        raise CorpusError(f"search query {query!r}: {exc} (drop --raw to search plain words)") from exc
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def today() -> str:
    return dt.date.today().isoformat()


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
