"""Shared parts of the crawl benchmarks: a local site served from its own process, crawls in child processes,
and the bare Scrapy spider that is the baseline (Scrapy's reactor runs once per process)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import scrapy  # noqa: E402
from scrapy.linkextractors import LinkExtractor  # noqa: E402

SERVE_DEMO = """
import sys, time, threading
from http.server import ThreadingHTTPServer
from warta.demosite import build_site, serve_site
pages = build_site(int(sys.argv[1]), seed=3)
ThreadingHTTPServer.request_queue_size = 256
server, url = serve_site(pages)
print(url, len(pages), flush=True)
threading.Event().wait()
"""

SERVE_FRONTIER = """
import sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
N = int(sys.argv[1])
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        if self.path == "/sitemap.xml":
            base = "http://%s" % self.headers["Host"]
            body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    + "".join("<url><loc>%s/berita/%d/judul-berita-nomor-%d</loc></url>" % (base, i, i)
                              for i in range(N)) + "</urlset>").encode()
            ctype = "application/xml"
        elif self.path.startswith("/berita/"):
            body = ("<html><head><title>Berita %s</title></head><body><article><h1>Judul</h1>"
                    "<p>Isi berita pendek tentang pengawasan pemilu.</p></article></body></html>" % self.path).encode()
            ctype = "text/html; charset=utf-8"
        else:
            body, ctype = b"not found", "text/plain"
            self.send_response(404)
        if ctype != "text/plain":
            self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
ThreadingHTTPServer.request_queue_size = 256
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print("http://127.0.0.1:%d" % server.server_address[1], N, flush=True)
server.serve_forever()
"""


def start_server(script: str, size: int) -> tuple[subprocess.Popen, str, int]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    server = subprocess.Popen([sys.executable, "-c", script, str(size)], stdout=subprocess.PIPE, text=True, env=env)
    base, pages = server.stdout.readline().split()
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.1)
            continue
        break
    return server, base, int(pages)


def run_child(kind: str, spec: dict, timeout: float = 1800) -> dict:
    """Run one crawl ('warta' or 'bare') in a child process; returns its JSON result."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, __file__, kind, json.dumps(spec)], env=env, capture_output=True,
                          text=True, timeout=timeout)
    if done.returncode != 0:
        raise SystemExit(f"{kind} crawl failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class BareSpider(scrapy.Spider):
    """The baseline: plain Scrapy reading the same sitemap and following the same links, storing nothing."""

    name = "bare"

    def __init__(self, urls=(), **kwargs):
        super().__init__(**kwargs)
        self.urls = list(urls)
        self.links = LinkExtractor(unique=True)

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        from scrapy.utils.sitemap import Sitemap

        if b"<urlset" in response.body[:2000] or b"<sitemapindex" in response.body[:2000]:
            for entry in Sitemap(response.body):
                yield scrapy.Request(entry["loc"], callback=self.parse)
            return
        if isinstance(response, scrapy.http.HtmlResponse):
            host = response.url.split("/")[2]
            for link in self.links.extract_links(response):
                if link.url.split("/")[2] == host:
                    yield scrapy.Request(link.url, callback=self.parse)


def _bare(spec: dict) -> dict:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler import settings as warta_settings

    settings = Settings()
    settings.setmodule(warta_settings, priority="project")
    for name in ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "ITEM_PIPELINES", "EXTENSIONS"):
        settings.set(name, {}, priority="cmdline")  # Scrapy's own components only
    settings.set("DUPEFILTER_CLASS", "scrapy.dupefilters.RFPDupeFilter", priority="cmdline")
    settings.setdict(spec["settings"], priority="cmdline")
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=spec["urls"])
    process.start()
    stats = crawler.stats.get_stats()
    return {"responses": stats.get("response_received_count", 0), "crawl_s": stats["elapsed_time_seconds"],
            "peak_rss": stats.get("memusage/max")}


def _warta(spec: dict) -> dict:
    import logging

    from crawler import run_crawl

    logging.basicConfig(level=logging.WARNING)
    result = run_crawl(spec["urls"], spec["db"], {**spec["settings"], "LOG_LEVEL": "WARNING"})
    return {k: result[k] for k in ("responses", "stored", "crawl_s", "peak_rss", "finish_reason")}


if __name__ == "__main__":
    import resource

    kind, spec = sys.argv[1], json.loads(sys.argv[2])
    outcome = _warta(spec) if kind == "warta" else _bare(spec)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    outcome["peak_rss"] = usage.ru_maxrss * 1024  # whole process, Linux KiB
    outcome["cpu_s"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(outcome))
