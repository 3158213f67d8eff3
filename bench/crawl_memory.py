"""Benchmark: peak RSS of warta's crawler over a 20,000-URL frontier (one sitemap), against bare Scrapy over the
same frontier in the same run, and against warta over a frontier ten times smaller (flat means ratio ~1).

    python bench/crawl_memory.py [URLS]     (default 20000)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from crawl_site import SERVE_FRONTIER, run_child, start_server

SETTINGS = {"CLOSESPIDER_TIMEOUT": 1800, "CONCURRENT_REQUESTS_PER_DOMAIN": 8, "AUTOTHROTTLE_TARGET_CONCURRENCY": 8}


def crawl(kind: str, urls: int, tmp: str) -> dict:
    server, base, _ = start_server(SERVE_FRONTIER, urls)
    try:
        result = run_child(kind, {"urls": [f"{base}/sitemap.xml"], "settings": SETTINGS,
                                  "db": str(Path(tmp) / f"{kind}-{urls}.db")})
    finally:
        server.terminate()
    mib = result["peak_rss"] / 2**20
    print(f"  {kind:<5} {urls:>6} URLs: {result['responses']} responses in {result['crawl_s']:.0f}s, "
          f"peak RSS {mib:.0f} MiB", flush=True)
    return result


def main(urls: int = 20000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = crawl("warta", urls // 10, tmp)
        big = crawl("warta", urls, tmp)
        bare = crawl("bare", urls, tmp)
    print(f"warta peak RSS {big['peak_rss'] / 2**20:.0f} MiB over {urls} URLs; "
          f"{big['peak_rss'] / small['peak_rss']:.2f}x its peak over {urls // 10} URLs; "
          f"{big['peak_rss'] / bare['peak_rss']:.2f}x bare Scrapy's ({bare['peak_rss'] / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
