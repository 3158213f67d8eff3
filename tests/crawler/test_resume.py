"""Kill -9 in the middle of a crawl of a ≥ 500-page site, run again: nothing lost, nothing fetched twice."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from crawl_helpers import REPO, run_child, wait_until
from corpus import canonical_url

N_ARTICLES = 330  # about 520 pages with sections, tags, authors and multi-page articles


def _stored(db) -> dict[str, int | None]:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return dict(conn.execute("select url, status from pages").fetchall())
    except sqlite3.OperationalError:  # not created yet
        return {}


def _expected_pages(site) -> set[str]:
    """Every HTML page of the site, except article continuation pages (stored inside their article) and
    pages robots.txt forbids."""
    paths = [p for p, (status, headers, _) in site.routes.items() if headers["Content-Type"].startswith("text/html")]
    parts = {p for p in paths if p.startswith("/read/") and "page=" in p}
    return {canonical_url(site.base + p) for p in paths if p not in parts and not p.startswith("/admin/")}


@pytest.mark.slow
def test_sigkill_then_resume_loses_and_duplicates_nothing(site_factory, tmp_path):
    site = site_factory(demo_articles=N_ARTICLES)
    expected = _expected_pages(site)
    assert len(expected) >= 500
    db = tmp_path / "resume.db"
    args = [sys.executable, "-m", "warta.cli", "crawl", f"{site.base}/sitemap.xml", f"{site.base}/", "--db", str(db)]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        reached = wait_until(lambda: len(_stored(db)) >= 150, timeout=120, step=0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert reached and child.returncode == -signal.SIGKILL
    before = _stored(db)
    assert 150 <= len(before) < len(expected), "the kill must land mid-way"
    assert any((tmp_path / ".warta-jobs").iterdir())  # the job directory of the killed crawl is there

    site.requests.clear()
    done = run_child(["-m", "warta.cli", "crawl", f"{site.base}/sitemap.xml", f"{site.base}/", "--db", str(db)],
                     timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    after = _stored(db)

    good = {url for url, status in after.items() if status == 200}
    assert good == expected  # nothing lost: every page of the site is there, each once (url is unique)
    assert set(before) <= set(after)
    fetched_again = {canonical_url(site.base + p) for p in site.requests} & {u for u, s in before.items() if s == 200}
    assert fetched_again <= {canonical_url(site.base + "/")}  # only the start page is read again
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert not (tmp_path / ".warta-jobs").exists()  # a finished crawl leaves no job behind
