"""Benchmark: pages/s of warta's crawler against a bare Scrapy spider with the same settings, same site, same run.

    python bench/crawl_speed.py [ARTICLES] [ROUNDS]   (default 1500 articles = about 2,100 pages; 3 rounds)

The site (warta.demosite) is served from its own process; each crawl runs in a child process (Scrapy's reactor
runs once per process), alternating warta / bare; medians are compared. CPU time per page is printed
too: on a machine shared with other work it is the steadier figure. warta stores every page in a fresh
SQLite corpus; the bare spider stores nothing. Target: ratio >= 0.9.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from crawl_site import SERVE_DEMO, run_child, start_server

SETTINGS = {"CLOSESPIDER_TIMEOUT": 900}  # otherwise crawler/settings.py as shipped (AutoThrottle, robots.txt ...)


def main(articles: int = 1500, rounds: int = 3) -> None:
    server, base, pages = start_server(SERVE_DEMO, articles)
    try:
        print(f"site: {pages} pages at {base}; {rounds} rounds")
        rates = {"warta": [], "bare": []}
        cpu = {"warta": [], "bare": []}
        with tempfile.TemporaryDirectory() as tmp:
            for number in range(rounds):
                for kind in ("warta", "bare") if number % 2 == 0 else ("bare", "warta"):
                    spec = {"urls": [f"{base}/sitemap.xml", f"{base}/"], "settings": SETTINGS,
                            "db": str(Path(tmp) / f"bench-{number}.db")}
                    result = run_child(kind, spec)
                    rate = result["responses"] / result["crawl_s"]
                    rates[kind].append(rate)
                    extra = f", {result['stored']} pages stored" if kind == "warta" else ""
                    cpu[kind].append(result["cpu_s"] / result["responses"] * 1000)
                    print(f"  round {number + 1} {kind:<5}: {result['responses']} responses in "
                          f"{result['crawl_s']:.1f}s = {rate:.1f} pages/s{extra}, {cpu[kind][-1]:.1f} ms CPU/page, "
                          f"peak RSS {(result['peak_rss'] or 0) / 2**20:.0f} MiB", flush=True)
    finally:
        server.terminate()
    warta, bare = statistics.median(rates["warta"]), statistics.median(rates["bare"])
    print(f"warta {warta:.1f} pages/s, bare Scrapy {bare:.1f} pages/s: ratio {warta / bare:.2f} (target >= 0.9); "
          f"CPU per page {statistics.median(cpu['warta']):.1f} vs {statistics.median(cpu['bare']):.1f} ms")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
