"""Incremental crawling (skip what the corpus holds) and retries with exponential backoff."""
from __future__ import annotations

import asyncio
import logging

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.frontier import Frontier, corpus_for, url_key
from corpus import canonical_url

LOG = logging.getLogger(__name__)


def _is_article(request) -> bool:
    return isinstance(request, Request) and request.meta.get("warta_kind") == "article"


class IncrementalSpiderMiddleware:
    """Drops discovered article requests the corpus already holds (unless the sitemap lastmod is newer)
    before they reach the scheduler, and counts discovered / new / known URLs per source."""

    def __init__(self, frontier: Frontier, stats):
        self.frontier, self.stats = frontier, stats

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("WARTA_INCREMENTAL"):
            raise NotConfigured  # no message: Scrapy would log a warning
        return cls(Frontier.for_crawler(crawler), crawler.stats)

    def _keep(self, request) -> bool:
        if not _is_article(request):
            return True
        verdict = self.frontier.discover(request.url, request.meta.get("warta_lastmod"))
        if verdict == "duplicate":
            return False
        source = request.meta.get("warta_source")
        self.stats.inc_value(f"warta/source/{source}/discovered")
        self.stats.inc_value(f"warta/source/{source}/{verdict}")
        if verdict == "known" and request.meta.get("warta_expand"):
            request.meta["warta_known"] = True  # its links are read from the stored copy (downloader mw)
            return True
        return verdict == "new"

    def process_spider_output(self, response, result):
        for element in result:
            if self._keep(element):
                yield element

    async def process_spider_output_async(self, response, result):
        async for element in result:
            if self._keep(element):
                yield element


class IncrementalDownloaderMiddleware:
    """Last check right before download: a page stored or claimed meanwhile (e.g. a request restored from the
    job directory and rediscovered) is not fetched a second time.

    Crawls that find pages by following links (ad-hoc URLs, follow_article_links) get a stored page's copy from
    the corpus instead of the network, so the links of pages fetched before a kill are still followed."""

    def __init__(self, frontier: Frontier, stats, corpus):
        self.frontier, self.stats, self.corpus = frontier, stats, corpus

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("WARTA_INCREMENTAL"):
            raise NotConfigured  # no message: Scrapy would log a warning
        return cls(Frontier.for_crawler(crawler), crawler.stats, corpus_for(crawler))

    def process_request(self, request):
        if not _is_article(request) or request.meta.get("retry_times") or request.meta.get("redirect_urls"):
            return None
        if self.frontier.claim(request.url, request.meta.get("warta_lastmod")):
            return None
        if request.meta.get("warta_expand") and not self.frontier.was_claimed(request.url):
            stored = self._stored_copy(request)
            if stored is not None:
                return stored
        request.meta["warta_skip"] = True  # tells the spider's errback this is no failure
        self.stats.inc_value("warta/skipped_at_download")
        raise IgnoreRequest(f"already fetched: {request.url}")

    def _stored_copy(self, request):
        self.frontier.claimed.add(url_key(request.url))
        row = self.corpus.db.execute("select body, content_type, coalesce(final_url, fetched_url) from pages "
                                     "where url = ? and status = 200 and error is null",
                                     [canonical_url(request.url)]).fetchone() if self.corpus else None
        if row is None or not row[0] or "html" not in (row[1] or ""):
            return None
        self.stats.inc_value("warta/links_from_corpus")
        request.meta["warta_from_corpus"] = True
        return HtmlResponse(url=row[2] or request.url, body=row[0], headers={"Content-Type": row[1]},
                            request=request)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, but the n-th retry waits base * 2**(n-1) seconds (capped; Retry-After honoured)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("WARTA_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("WARTA_RETRY_BACKOFF_MAX")

    def process_response(self, request, response):
        retry_after = response.headers.get(b"Retry-After")
        result = super().process_response(request, response)
        if isinstance(result, Request) and retry_after and retry_after.strip().isdigit():
            result.meta["warta_retry_after"] = float(retry_after.strip())
        return result

    async def process_request(self, request):
        attempt = request.meta.get("retry_times", 0)
        if attempt and self.base > 0:
            delay = max(request.meta.pop("warta_retry_after", 0.0), self.base * 2 ** (attempt - 1))
            delay = min(delay, self.cap)
            LOG.debug("retry %d of %s in %.1fs", attempt, request.url, delay)
            await asyncio.sleep(delay)
        return None
