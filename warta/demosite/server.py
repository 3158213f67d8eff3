"""Serves a built demo site on 127.0.0.1 from a background thread (http.server, GET and HEAD)."""
from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from warta.demosite.site import SITE_ORIGIN

LOG = logging.getLogger(__name__)
SITE_HOST = urlsplit(SITE_ORIGIN).netloc
NOT_FOUND = ("text/html; charset=utf-8",
             b"<!DOCTYPE html><html lang=\"id\"><head><title>404 - Halaman tidak ditemukan</title></head>"
             b"<body><h1>404</h1><p>Halaman yang Anda cari tidak ditemukan.</p><a href=\"/\">Beranda</a></body></html>")


def _handler_for(pages: dict[str, tuple[str, bytes]]):
    class SiteHandler(BaseHTTPRequestHandler):
        server_version = "WartaDemo/1.0"
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self._respond(send_body=True)

        def do_HEAD(self):
            self._respond(send_body=False)

        def _respond(self, send_body: bool) -> None:
            found = lookup(pages, self.path)
            status, (content_type, body) = (200, found) if found else (404, NOT_FOUND)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format, *args):  # keep test and demo output clean
            LOG.debug("%s - %s", self.address_string(), format % args)

    return SiteHandler


def lookup(pages: dict[str, tuple[str, bytes]], target: str):
    """The page for a request target: exact match, else the bare path when the query holds no page number.

    An absolute target (the server used as an HTTP proxy) is answered only for the site's own host, so a
    crawler pointed at this proxy never reaches the internet."""
    if target.startswith(("http://", "https://")):
        parts = urlsplit(target)
        if parts.netloc != SITE_HOST:
            return None
        target = parts.path + (f"?{parts.query}" if parts.query else "")
    if target in pages:
        return pages[target]
    parts = urlsplit(target)
    if parts.query and "page" not in parse_qs(parts.query):
        return pages.get(parts.path)
    return None


def serve_site(pages: dict[str, tuple[str, bytes]], host: str = "127.0.0.1", port: int = 0,
               rewrite_origin: bool = True):
    """Start serving `pages` in a daemon thread; returns (server, base_url). Stop with server.shutdown().

    With rewrite_origin the absolute links (canonical, og:url, sitemaps, RSS) point at base_url; without it
    they keep SITE_ORIGIN and clients reach the site by using base_url as their HTTP proxy (stable URLs)."""
    server = ThreadingHTTPServer((host, port), _handler_for({}))
    server.daemon_threads = True
    base_url = f"http://{host}:{server.server_address[1]}"
    served = pages
    if rewrite_origin:
        old, new = SITE_ORIGIN.encode(), base_url.encode()
        served = {path: (ctype, body.replace(old, new)) for path, (ctype, body) in pages.items()}
    server.RequestHandlerClass = _handler_for(served)
    thread = threading.Thread(target=server.serve_forever, name="warta-demo-site", daemon=True)
    thread.start()
    _close_on_shutdown(server)
    LOG.info("demo site with %d pages at %s", len(served), base_url)
    return server, base_url


def _close_on_shutdown(server: ThreadingHTTPServer) -> None:
    """Make server.shutdown() also release the listening socket."""
    original = server.shutdown

    def shutdown():
        original()
        server.server_close()

    server.shutdown = shutdown
