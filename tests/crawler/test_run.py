"""`warta run`: crawl, extract, annotate, then a run report printed and stored, with a log file per run."""
from __future__ import annotations

import sqlite3

import pytest

from crawl_helpers import run_child

SOURCES = """
[[source]]
name = "nusantara"
domains = ["127.0.0.1"]
sitemaps = ["{base}/sitemap.xml"]
feeds = ["{base}/rss.xml"]
sections = ["{base}/"]
article_patterns = ['/read/\\d{{4}}/\\d{{2}}/\\d{{2}}/\\d+/[a-z0-9-]+$']
follow_patterns = ['/kanal/[a-z]+$']
"""


@pytest.mark.slow
def test_run_reports_per_source_and_flags_a_silent_source(site_factory, tmp_path):
    site = site_factory(demo_articles=24)
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES.format(base=site.base), encoding="utf-8")
    db = tmp_path / "nightly.db"
    args = ["-m", "warta.cli", "run", "--sources", str(sources), "--db", str(db), "--suspicious-after", "1"]

    first = run_child(args, timeout=240)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "discovered" in first.stdout and "nusantara" in first.stdout and "SUSPICIOUS" not in first.stdout
    assert "crawl done:" in first.stderr and "pages/s" in first.stderr  # progress while running
    with sqlite3.connect(db) as conn:
        run = conn.execute("select id, discovered, new, fetched, articles, facts, log_file from runs").fetchone()
        per_source = conn.execute("select source, new, articles, suspicious from run_sources").fetchall()
    assert run[1] >= 24 and run[2] >= 24 and run[3] >= 24 and run[4] >= 20 and run[5] > 0
    assert per_source == [("nusantara", run[2], run[4], 0)]
    log = (tmp_path / "logs")
    assert [p.name for p in log.iterdir()] and run[6].startswith(str(log))
    assert "run report" in open(run[6], encoding="utf-8").read()

    second = run_child(args, timeout=240)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "SUSPICIOUS: nusantara" in second.stdout  # nothing new since the last run
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from runs").fetchone()[0] == 2
        assert conn.execute("select new, suspicious from run_sources where run_id = 2").fetchone() == (0, 1)
