"""Helpers for crawler tests: local HTTP servers that log every request (a hand-written news site, the generated
demo site) and crawls in child processes (Scrapy's reactor runs once per process)."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "crawler"
# Fast, still polite in kind: the same components, shorter waits for a local server.
FAST_SETTINGS = {"AUTOTHROTTLE_START_DELAY": 0.05, "RETRY_TIMES": 2, "WARTA_RETRY_BACKOFF_BASE": 0.05,
                 "DOWNLOAD_TIMEOUT": 1, "REDIRECT_MAX_TIMES": 3, "CLOSESPIDER_TIMEOUT": 90}


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a crawler timing out a slow page is expected here
        pass


class LoggingSite:
    """Serves `routes` (path with query -> (status, headers, body) or a callable returning that) on 127.0.0.1."""

    def __init__(self, routes: dict, delay: float = 0.0):
        self.routes = routes
        self.delay = delay  # seconds per response: a slow site lets a queue build up
        self.requests: list[str] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with site._lock:
                    site.requests.append(self.path)
                found = site.lookup(self.path)
                if site.delay:
                    time.sleep(site.delay)
                status, headers, body = found() if callable(found) else found
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def lookup(self, path: str):
        if path in self.routes:
            return self.routes[path]
        return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body><h1>404</h1></body></html>"

    def count(self, path: str) -> int:
        with self._lock:
            return self.requests.count(path)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def demo_routes(n_articles: int, base: str) -> dict:
    """The generated demo site (warta.demosite) as routes, its absolute links pointing at `base`."""
    from warta.demosite import SITE_ORIGIN, build_site

    old, new = SITE_ORIGIN.encode(), base.encode()
    return {path: (200, {"Content-Type": ctype}, body.replace(old, new))
            for path, (ctype, body) in build_site(n_articles, seed=7).items()}


def html(body: str) -> tuple:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")


def xml(body: str, gz: bool = False) -> tuple:
    data = body.encode("utf-8")
    return 200, {"Content-Type": "application/xml"}, gzip.compress(data) if gz else data


def run_child(args: list[str], timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m warta.cli ARGS` (or another module) from the repo; never hangs longer than timeout."""
    full_env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.run([sys.executable, *args], cwd=REPO, env=full_env, capture_output=True, text=True,
                          timeout=timeout)


def crawl_child(db: Path, *, sources_file: Path | None = None, urls=(), since=None, settings=None,
                timeout: float = 120) -> dict:
    """run_crawl in a child process with settings overrides; returns its stats."""
    spec = {"urls": list(urls), "db": str(db), "sources": str(sources_file) if sources_file else None,
            "since": since, "settings": {**FAST_SETTINGS, **(settings or {})}}
    code = ("import json, sys; from crawler import run_crawl, load_sources; s = json.loads(sys.argv[1]); "
            "r = run_crawl(s['urls'], s['db'], s['settings'], sources=load_sources(s['sources']) "
            "if s['sources'] else None, since=s['since']); print('STATS ' + json.dumps(r))")
    done = run_child(["-c", code, json.dumps(spec)], timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(l for l in done.stdout.splitlines() if l.startswith("STATS "))
    return json.loads(line[6:])


def wait_until(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False
