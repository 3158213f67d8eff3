"""`warta demo` end to end: a real local site, the real Scrapy crawl, extraction, annotation, a real SQLite file."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from warta.demosite import BROKEN_PATH, MISSING_PATH, SITE_ORIGIN, article_paths

REPO = Path(__file__).resolve().parents[2]
N_ARTICLES = 30
TABLES = ("pages", "articles", "sentences", "officials", "institutions", "dates", "figures", "flags")


def run_demo(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "warta.cli", "demo", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("demo")
    db = workdir / "demo.db"
    result = run_demo(workdir, "--db", str(db), "--articles", str(N_ARTICLES))
    assert result.returncode == 0, result.stderr[-3000:]
    return workdir, db, result


def test_demo_prints_summary_and_how_to_look(demo_db):
    _, db, result = demo_db
    for marker in ("articles stored", "non-article pages", "facts:", "flagged articles", "errors kept",
                   f"warta facts officials --db {db}", f"warta serve --db {db}", f"sqlite3 {db}"):
        assert marker in result.stdout, marker
    assert "crawl" in result.stderr and "extract:" in result.stderr and "annotate:" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_corpus_holds_pages_articles_and_facts(demo_db):
    _, db, _ = demo_db
    with sqlite3.connect(db) as conn:
        urls = {row[0] for row in conn.execute("select url from pages")}
        assert {SITE_ORIGIN + path for path in article_paths(N_ARTICLES)} <= urls
        good = conn.execute("select count(*) from articles where is_article = 1 and error is null").fetchone()[0]
        assert good >= N_ARTICLES
        assert conn.execute("select count(*) from articles where is_article = 0 and error is null").fetchone()[0]
        for table in ("officials", "institutions", "dates", "figures"):
            assert conn.execute(f"select count(*) from {table}").fetchone()[0] > 0, table
        flagged = conn.execute("select count(*) from flags where flag = 1").fetchone()[0]
        assert 0 < flagged < good
        status = conn.execute("select status from pages where url = ?", [SITE_ORIGIN + MISSING_PATH]).fetchone()
        assert status == (404,)
        assert not conn.execute("select 1 from pages where url like ? and status = 200",
                                [SITE_ORIGIN + "/admin%"]).fetchone()  # robots.txt obeyed


def test_demo_keeps_the_broken_page_with_its_error(demo_db):
    _, db, _ = demo_db
    with sqlite3.connect(db) as conn:
        row = conn.execute("select p.status, length(p.body), a.error from pages p left join articles a "
                           "on a.page_id = p.id where p.url = ?", [SITE_ORIGIN + BROKEN_PATH]).fetchone()
    assert row is not None and row[0] == 200 and row[1] > 0 and row[2]


def test_second_demo_run_adds_nothing(demo_db):
    workdir, db, _ = demo_db
    before = counts(db)
    result = run_demo(workdir, "--db", str(db), "--articles", str(N_ARTICLES))
    assert result.returncode == 0, result.stderr[-3000:]
    assert counts(db) == before


def test_unwritable_database_is_one_line_error(tmp_path):
    result = run_demo(tmp_path, "--db", str(tmp_path / "missing" / "demo.db"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "missing" in result.stderr and "--db" in result.stderr
