"""Two `warta crawl --redis` workers share one scrapy-redis queue: every page is fetched once, none is lost."""
from __future__ import annotations

import collections
import os
import shutil
import socket
import sqlite3
import subprocess
import sys

import pytest

from crawl_helpers import REPO, wait_until
from corpus import canonical_url

N_ARTICLES = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install -y redis-server)")
    import redis

    port = _free_port()
    server = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(host="127.0.0.1", port=port)

    def up():
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    try:
        assert wait_until(up, timeout=15), "redis-server did not start"
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=15)


@pytest.mark.slow
def test_two_workers_share_one_queue(site_factory, tmp_path, redis_url):
    # 30 ms a page: a queue builds up in Redis, so the second worker gets a share even on a busy machine
    site = site_factory(demo_articles=N_ARTICLES, delay=0.03)
    db = tmp_path / "shared.db"
    args = [sys.executable, "-m", "warta.cli", "crawl", f"{site.base}/sitemap.xml", f"{site.base}/",
            "--db", str(db), "--redis", redis_url]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    workers = [subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(2)]
    outputs = []
    try:
        for worker in workers:
            outputs.append(worker.communicate(timeout=240))
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    for worker, (out, err) in zip(workers, outputs):
        assert worker.returncode == 0, err[-2000:]

    counts = collections.Counter(p for p in site.requests if p != "/robots.txt")
    summaries = [out.strip().splitlines()[-1] for out, _ in outputs]
    twice = [p for p, n in counts.items() if n > 1]
    assert twice == [], (twice, summaries)  # no URL fetched twice across the two workers
    stored_per_worker = [int(line.split("Crawl finished: ")[1].split()[0]) for line in summaries]
    assert all(n > 0 for n in stored_per_worker), summaries  # both did a share of the work

    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("select url, status from pages").fetchall())
    assert len(rows) == sum(stored_per_worker), summaries  # each worker stored different pages
    articles = {canonical_url(site.base + p) for p in site.routes if p.startswith("/read/") and "page=" not in p}
    assert articles <= {url for url, status in rows.items() if status == 200}  # none lost

    import redis

    client = redis.Redis.from_url(redis_url)
    keys = client.keys("warta:*")
    ttls = {key: client.ttl(key) for key in keys}
    assert ttls and all(0 < ttl <= 2 * 24 * 3600 for ttl in ttls.values()), ttls  # shared keys expire
