"""Read the machine facts that monitors review: the queue of flagged articles, one article's facts, filter values."""
from __future__ import annotations

import json
import logging
from typing import Optional

import sqlite_utils

LOG = logging.getLogger(__name__)

# Review names of the fact kinds and the corpus tables that hold them.
FACT_TABLES = {"official": "officials", "institution": "institutions", "date": "dates", "figure": "figures"}
# The text that, with the offsets, names one machine fact across re-annotations of the same version.
IDENTITY_COLUMN = {"official": "name", "institution": "name", "date": "text", "figure": "text"}
FACT_FIELDS = {
    "official": ("name", "position", "institution"),
    "institution": ("name", "aliases"),
    "date": ("text", "value"),
    "figure": ("value", "text", "unit", "violation", "election", "approx"),
}
QUEUE_LIMIT = 200

# Per article, the facts read are those of the active extractor version, else of its latest annotation.
ARTICLE_VERSION_SQL = """(select f2.extractor_version from flags f2 where f2.article_id = a.id
  order by (f2.extractor_version is (select value from meta where key = 'active_extractor_version')) desc,
           f2.annotated_at desc limit 1)"""


def fact_key(kind: str, fact: dict) -> str:
    """A stable name for a machine fact: offsets plus its identifying text (ids change when facts are re-stored)."""
    return f"{fact.get('start')}-{fact.get('end')}:{fact.get(IDENTITY_COLUMN[kind])}"


def fact_key_sql(kind: str, alias: str = "t") -> str:
    """The same key computed in SQL, for views and joins."""
    return f"{alias}.start || '-' || {alias}.\"end\" || ':' || {alias}.{IDENTITY_COLUMN[kind]}"


def number(value):
    """An integral float from a REAL column as int (433.0 -> 433), anything else unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fact_from_row(kind: str, row: dict) -> dict:
    fact = dict(row)
    fact["kind"] = kind
    for column in ("aliases", "mentions"):
        if column in fact and isinstance(fact[column], str):
            try:
                fact[column] = json.loads(fact[column])
            except json.JSONDecodeError:
                fact[column] = []
    if kind == "figure":
        fact["value"] = number(fact["value"])
        fact["approx"] = bool(fact.get("approx"))
    fact["key"] = fact_key(kind, fact)
    return fact


class MachineFacts:
    """Read-only views of articles and their machine facts, as the review app needs them."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def _rows(self, sql: str, params=()) -> list[dict]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def article(self, article_id: int) -> Optional[dict]:
        """The article row plus the extractor version, flag and flag error its facts are read from."""
        rows = self._rows(
            f"select a.id, a.url, a.canonical_url, a.outlet, a.title, a.published, a.author, a.text, a.error, "
            f"a.is_article, a.duplicate_of, f.extractor_version, f.flag, f.error as annotate_error, "
            f"f.annotated_at from articles a left join flags f on f.article_id = a.id "
            f"and f.extractor_version = {ARTICLE_VERSION_SQL} where a.id = ?", [article_id])
        if not rows:
            return None
        row = rows[0]
        row["flag"] = None if row["flag"] is None else bool(row["flag"])
        return row

    def facts(self, article_id: int, version: Optional[str]) -> dict[str, list[dict]]:
        """Machine facts of one article and version by kind, ordered by position in the text."""
        out: dict[str, list[dict]] = {}
        for kind, table in FACT_TABLES.items():
            rows = self._rows(f"select * from {table} where article_id = ? and extractor_version is ? "
                              f"order by start, \"end\", id", [article_id, version])
            out[kind] = [_fact_from_row(kind, r) for r in rows]
        return out

    def fact(self, kind: str, fact_id: int) -> Optional[dict]:
        if kind not in FACT_TABLES:
            return None
        rows = self._rows(f"select * from {FACT_TABLES[kind]} where id = ?", [fact_id])
        return _fact_from_row(kind, rows[0]) if rows else None

    def flag_reasons(self, article_id: int, version: Optional[str]) -> list[dict]:
        return self._rows("select id, cue, sentence, start, \"end\" from flag_reasons where article_id = ? "
                          "and extractor_version is ? order by start", [article_id, version])

    def _queue_where(self, outlet=None, election=None, institution=None, region=None, reviewed=False):
        clauses = ["a.duplicate_of is null", "f.flag = 1",
                   ("" if reviewed else "not ") + "exists (select 1 from review_decisions d where d.article_id = a.id)"]
        params: list = []
        if outlet:
            clauses.append("a.outlet = ?")
            params.append(outlet)
        if election:
            clauses.append("exists (select 1 from figures g where g.article_id = a.id "
                           "and g.extractor_version = f.extractor_version and g.election = ? collate nocase)")
            params.append(election)
        if institution:
            # A prefix, as in `warta facts --institution`: "Bawaslu" finds every Bawaslu unit.
            clauses.append("exists (select 1 from institutions i where i.article_id = a.id "
                           "and i.extractor_version = f.extractor_version and i.name like ? escape '\\')")
            params.append(_like_escape(institution) + "%")
        if region:
            # A region is the tail of a regional unit's name ("Bawaslu Kota Probolinggo") or the dateline.
            pattern = _like_escape(region.strip())
            clauses.append("(exists (select 1 from institutions i where i.article_id = a.id "
                           "and i.extractor_version = f.extractor_version and i.name like ? escape '\\') "
                           "or a.text like ? escape '\\')")
            params += ["% " + pattern, pattern + " %"]
        return " and ".join(clauses), params

    def queue(self, outlet=None, election=None, institution=None, region=None, reviewed=False,
              limit: int = QUEUE_LIMIT) -> list[dict]:
        """Flagged articles not yet reviewed (or, with reviewed=True, already reviewed), newest first."""
        where, params = self._queue_where(outlet, election, institution, region, reviewed)
        return self._rows(
            f"select a.id, a.title, a.outlet, a.published, a.url, f.extractor_version, "
            f"(select count(*) from flag_reasons r where r.article_id = a.id "
            f" and r.extractor_version = f.extractor_version) as reasons "
            f"from articles a join flags f on f.article_id = a.id and f.extractor_version = {ARTICLE_VERSION_SQL} "
            f"where {where} order by a.published is null, a.published desc, a.id desc limit ?",
            params + [int(limit)])

    def filter_values(self) -> dict[str, list[str]]:
        """Distinct outlets, elections and institution names among flagged articles, for the queue's filters."""
        base = (f"from articles a join flags f on f.article_id = a.id and f.flag = 1 "
                f"and f.extractor_version = {ARTICLE_VERSION_SQL}")
        one = lambda sql: [r[0] for r in self.db.execute(sql).fetchall() if r[0]]  # noqa: E731
        return {
            "outlet": one(f"select distinct a.outlet {base} order by 1"),
            "election": one(f"select distinct g.election {base} join figures g on g.article_id = a.id "
                            f"and g.extractor_version = f.extractor_version order by 1"),
            "institution": one(f"select distinct i.name {base} join institutions i on i.article_id = a.id "
                               f"and i.extractor_version = f.extractor_version order by 1"),
        }

    def reviewed_article_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("select article_id from review_decisions order by article_id")]
