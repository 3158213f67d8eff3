"""Run reports of `warta run`: the `runs` and `run_sources` tables (sqlite-utils) and their text form."""
from __future__ import annotations

import json
import logging

LOG = logging.getLogger(__name__)

SOURCE_COLUMNS = ("discovered", "new", "fetched", "failed", "articles", "facts", "flagged")
FACT_TABLES = ("officials", "institutions", "dates", "figures")


def ensure_tables(db) -> None:
    """Create the report tables in the corpus database when missing."""
    db["runs"].create({"id": int, "started_at": str, "finished_at": str, "duration_s": float, "sources_file": str,
                       "finish_reason": str, "log_file": str, **{c: int for c in SOURCE_COLUMNS}, "details": str},
                      pk="id", if_not_exists=True)
    db["run_sources"].create({"run_id": int, "source": str, **{c: int for c in SOURCE_COLUMNS},
                              "discovery_failed": int, "suspicious": int},
                             pk=("run_id", "source"), foreign_keys=[("run_id", "runs", "id")], if_not_exists=True)
    db["run_sources"].create_index(["source", "run_id"], if_not_exists=True)


def _table_exists(db, name: str) -> bool:
    return db[name].exists()


def outcomes_since(db, started_at: str) -> dict[str, dict[str, int]]:
    """Per source: articles, facts and flagged articles from pages stored at or after `started_at`."""
    if not _table_exists(db, "articles"):
        return {}
    rows = db.execute(
        "select s.name, a.id, a.is_article, a.error from pages p join sources s on s.id = p.source_id "
        "join articles a on a.page_id = p.id where p.stored_at >= ?", [started_at]).fetchall()
    result: dict[str, dict[str, int]] = {}
    by_article: dict[int, str] = {}
    for name, article_id, is_article, error in rows:
        entry = result.setdefault(name, {"articles": 0, "facts": 0, "flagged": 0})
        if is_article and not error:
            entry["articles"] += 1
            by_article[article_id] = name
    if not by_article:
        return result
    db.execute("create temp table if not exists run_articles (id integer primary key, source text)")
    db.execute("delete from run_articles")
    db.conn.executemany("insert into run_articles values (?, ?)", list(by_article.items()))
    for table in FACT_TABLES:
        if _table_exists(db, table):
            for name, count in db.execute(f"select r.source, count(*) from {table} t join run_articles r "
                                          "on r.id = t.article_id group by r.source"):
                result[name]["facts"] += count
    if _table_exists(db, "flags"):
        for name, count in db.execute("select r.source, count(distinct f.article_id) from flags f join run_articles r "
                                      "on r.id = f.article_id where f.flag = 1 group by r.source"):
            result[name]["flagged"] += count
    return result


def _suspicious(db, source: str, runs: int) -> bool:
    """True when the last `runs` runs (this one included) all found zero new articles for the source."""
    rows = db.execute("select articles from run_sources where source = ? order by run_id desc limit ?",
                      [source, runs]).fetchall()
    return len(rows) >= runs and all(not r[0] for r in rows)


def record_run(db, *, started_at: str, finished_at: str, duration_s: float, crawl: dict, outcomes: dict,
               sources_file: str | None, log_file: str | None, suspicious_after: int = 3) -> dict:
    """Write one run (totals + one row per source) and return the report, suspicious sources included."""
    ensure_tables(db)
    names = sorted(set(crawl.get("sources", {})) | set(outcomes))
    per_source = {}
    for name in names:
        row = {c: crawl.get("sources", {}).get(name, {}).get(c, 0) for c in ("discovered", "new", "fetched", "failed")}
        row |= {c: outcomes.get(name, {}).get(c, 0) for c in ("articles", "facts", "flagged")}
        row["discovery_failed"] = crawl.get("sources", {}).get(name, {}).get("discovery_failed", 0)
        per_source[name] = row
    totals = {c: sum(r[c] for r in per_source.values()) for c in SOURCE_COLUMNS}
    details = {k: v for k, v in crawl.items() if k != "sources"}
    with db.conn:
        run_id = db["runs"].insert({"started_at": started_at, "finished_at": finished_at, "duration_s": duration_s,
                                    "sources_file": sources_file, "finish_reason": crawl.get("finish_reason"),
                                    "log_file": log_file, **totals, "details": json.dumps(details)}).last_pk
        db["run_sources"].insert_all([{"run_id": run_id, "source": n, **r, "suspicious": 0}
                                      for n, r in per_source.items()])
    suspicious = [n for n in names if _suspicious(db, n, suspicious_after)]
    if suspicious:
        with db.conn:
            for name in suspicious:
                db["run_sources"].update((run_id, name), {"suspicious": 1})
    return {"run_id": run_id, "started_at": started_at, "duration_s": duration_s, "sources": per_source,
            "totals": totals, "suspicious": suspicious, "suspicious_after": suspicious_after, "log_file": log_file}


def format_report(report: dict) -> str:
    """The run report as a text table, with a warning line per suspicious source."""
    header = ["source", *SOURCE_COLUMNS]
    rows = [[name, *(str(r[c]) for c in SOURCE_COLUMNS)] for name, r in sorted(report["sources"].items())]
    rows.append(["TOTAL", *(str(report["totals"][c]) for c in SOURCE_COLUMNS)])
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    fmt = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                  for i, (c, w) in enumerate(zip(cells, widths)))
    lines = [f"Run {report['run_id']} ({report['started_at']}), {report['duration_s']:.1f}s", fmt(header)]
    lines += [fmt(r) for r in rows]
    for name in report["suspicious"]:
        lines.append(f"SUSPICIOUS: {name} yielded no new articles in the last {report['suspicious_after']} runs "
                     "(has the site changed? check its sitemaps, feeds and article_patterns)")
    failed = [n for n, r in report["sources"].items() if r.get("discovery_failed")]
    if failed:
        lines.append("Discovery pages failed (sitemap/feed/section) for: " + ", ".join(sorted(failed)))
    if report.get("log_file"):
        lines.append(f"Log: {report['log_file']}")
    return "\n".join(lines)
