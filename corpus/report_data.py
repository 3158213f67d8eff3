"""The numbers behind `warta report`: aggregations over the active extractor version."""
from __future__ import annotations

import sqlite_utils

from corpus import versions

GOOD_ARTICLE = "a.error is null and a.is_article = 1 and a.duplicate_of is null"


def _rows(db: sqlite_utils.Database, sql: str, **params) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def articles_per_day(db: sqlite_utils.Database, version) -> list[dict]:
    return _rows(db, f"""
        select a.published as day, coalesce(a.outlet, '(unknown)') as outlet, count(*) as articles,
               coalesce(sum(fl.flag), 0) as flagged
        from articles a left join flags fl on fl.article_id = a.id and fl.extractor_version = :version
        where {GOOD_ARTICLE} and a.published is not null
        group by 1, 2 order by 1, 2""", version=version)


def figures_by_election_institution(db: sqlite_utils.Database, version, limit=20) -> list[dict]:
    return _rows(db, """
        select coalesce(election, '(no election)') as election, coalesce(institution, '(no institution)')
               as institution, count(*) as figures, sum(value) as total_value, count(distinct article_id) as articles
        from figures where extractor_version = :version
        group by 1, 2 order by figures desc, total_value desc limit :limit""", version=version, limit=limit)


def top_named(db: sqlite_utils.Database, table: str, version, limit=15) -> list[dict]:
    extra = ", max(position) as position, max(institution) as institution" if table == "officials" else ""
    return _rows(db, f"""
        select name, count(distinct article_id) as articles, sum(mention_count) as mentions{extra}
        from {table} where extractor_version = :version
        group by name order by articles desc, mentions desc limit :limit""", version=version, limit=limit)


def crawl_health(db: sqlite_utils.Database) -> list[dict]:
    return _rows(db, """
        select coalesce(s.name, '(no source)') as source, count(p.id) as pages,
               sum(p.error is null and p.status between 200 and 299) as fetched_ok,
               sum(p.error is not null) as fetch_failed,
               sum(a.id is not null and a.error is null and a.is_article = 1) as articles,
               sum(a.id is not null and a.error is null and a.is_article = 0) as non_articles,
               sum(a.error is not null) as extract_failed,
               max(p.fetched_at) as last_fetch
        from pages p left join sources s on s.id = p.source_id left join articles a on a.page_id = p.id
        group by 1 order by pages desc""")


def report_data(db: sqlite_utils.Database) -> dict:
    version = versions.active(db)
    return {
        "version": version,
        "per_day": articles_per_day(db, version),
        "figures": figures_by_election_institution(db, version),
        "officials": top_named(db, "officials", version),
        "institutions": top_named(db, "institutions", version),
        "health": crawl_health(db),
    }
