"""NewsSpider: discovers article URLs from sitemaps, feeds and section pages and fetches them (multi-page too)."""
from __future__ import annotations

import logging
import re

import scrapy
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.discovery import iter_listing_xml, parse_date
from crawler.items import PageItem, utc_now
from crawler.pagination import MAX_PARTS, article_stem, merge_parts, next_part_url
from crawler.sources import Source

LOG = logging.getLogger(__name__)

# Request kinds (request.meta["warta_kind"]): discovery pages are re-read every run, articles only when new.
DISCOVERY_KINDS = ("sitemap", "feed", "listing")
ARTICLE_PRIORITY, PART_PRIORITY, LISTING_PRIORITY = 10, 20, 0
FEED_LINK = re.compile(r"(\.xml(\.gz)?|/feed/?|/rss/?|\.rss)$", re.I)  # ad-hoc crawls: read feeds, do not store


class NewsSpider(scrapy.Spider):
    """One spider for every source; each request carries its source's name in meta["warta_source"]."""

    name = "warta"

    def __init__(self, sources: list[Source] = (), since: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sources = {s.name: s for s in sources}
        self.since = parse_date(since) if since else None
        # Domains are checked by Source.owns (LinkExtractor's allow_domains fails on hosts with a port).
        self._links = LinkExtractor(unique=True)
        self.allowed_domains = sorted({d for s in sources for d in s.domains})

    async def start(self):
        for source in self.sources.values():
            for url in source.sitemaps:
                yield self._discovery(url, source.name, "sitemap")
            for url in source.feeds:
                yield self._discovery(url, source.name, "feed")
            for url in source.sections:
                yield self._discovery(url, source.name, "listing", depth=0, start=True)

    # -- requests --------------------------------------------------------------------------------------------
    def _discovery(self, url, source, kind, depth=0, start=False) -> Request:
        meta = {"warta_kind": kind, "warta_source": source, "warta_depth": depth, "warta_start": start}
        return Request(url, callback=self.parse_discovery, errback=self.on_error, meta=meta,
                       priority=LISTING_PRIORITY)

    def _article(self, url, source, lastmod=None) -> Request:
        meta = {"warta_kind": "article", "warta_source": source, "warta_lastmod": lastmod,
                "warta_expand": self.sources[source].follow_article_links}
        return Request(url, callback=self.parse_article, errback=self.on_error, meta=meta,
                       priority=ARTICLE_PRIORITY)

    def _too_old(self, date: str | None) -> bool:
        return bool(self.since and date and date < self.since)

    # -- discovery -------------------------------------------------------------------------------------------
    def parse_discovery(self, response):
        """Sitemaps, feeds and HTML listings alike: the body decides how it is read."""
        source = self.sources[response.meta["warta_source"]]
        kind, entries = iter_listing_xml(response.body)
        if kind is not None:
            self.crawler.stats.inc_value(f"warta/{kind}s_read")
            yield from self._from_entries(source, entries, response.meta.get("warta_depth", 0))
            return
        if not isinstance(response, TextResponse):
            LOG.warning("%s: neither a sitemap, a feed nor an HTML page; skipped", response.url)
            return
        if source.generic and response.meta.get("warta_start"):
            yield from self.parse_article(response)  # an ad-hoc start page is a page of the site too
            return
        yield from self._from_links(source, response)

    def _from_entries(self, source: Source, entries, depth: int):
        for entry in entries:
            if entry.child:
                if source.follows_sitemap(entry.url) and not self._too_old(entry.lastmod) and depth < 5:
                    yield self._discovery(entry.url, source.name, "sitemap", depth=depth + 1)
            elif not self._too_old(entry.newest) and source.is_article(entry.url):
                yield self._article(entry.url, source.name, entry.lastmod)

    def _from_links(self, source: Source, response, skip_stem: str | None = None):
        depth = response.meta.get("warta_depth", 0)
        for link in self._links.extract_links(response):
            if skip_stem and article_stem(link.url) == skip_stem:
                continue
            if source.generic and FEED_LINK.search(link.url):
                yield self._discovery(link.url, source.name, "feed", depth=depth + 1)
            elif source.is_article(link.url):
                yield self._article(link.url, source.name)
            elif source.is_listing(link.url) and depth < source.max_section_pages:
                yield self._discovery(link.url, source.name, "listing", depth=depth + 1)

    # -- articles --------------------------------------------------------------------------------------------
    def parse_article(self, response):
        source = self.sources[response.meta["warta_source"]]
        if not isinstance(response, HtmlResponse):
            kind, entries = iter_listing_xml(response.body)
            if kind is not None:  # a feed or sitemap linked from a page: read it, do not store it
                yield from self._from_entries(source, entries, depth=1)
                return
        if not isinstance(response, TextResponse):
            yield self._item(response)
            return
        # Ad-hoc crawls do not know which pages are articles: only article-looking pages are paged through.
        paged = not source.generic or _looks_like_article(response)
        next_url = next_part_url(response.selector.root, response.url) if paged else None
        if source.follow_article_links:
            skip = article_stem(response.url) if next_url else None  # its own parts are not separate pages
            yield from self._from_links(source, response, skip_stem=skip)
        if response.meta.get("warta_from_corpus"):
            return  # a stored copy, read for its links only
        yield from self._next_or_item(response, [(response.url, response.text)], [response.url], next_url)

    def parse_part(self, response):
        if not isinstance(response, TextResponse):  # not HTML: keep the parts fetched so far
            meta = response.meta
            yield self._merged_item(meta["warta_first"], meta["warta_parts"], meta["warta_part_urls"],
                                    part_error=f"{response.url}: not an HTML page")
            return
        parts = response.meta["warta_parts"] + [(response.url, response.text)]
        next_url = next_part_url(response.selector.root, response.url)
        yield from self._next_or_item(response, parts, response.meta["warta_part_urls"] + [response.url], next_url)

    def _next_or_item(self, response, parts, part_urls, next_url):
        if next_url and next_url not in part_urls and len(parts) < MAX_PARTS:
            first = response.meta.get("warta_first") or _page_record(response)
            meta = {k: v for k, v in response.meta.items() if k.startswith("warta_")}
            meta.update(warta_kind="part", warta_parts=parts, warta_part_urls=part_urls, warta_first=first)
            yield Request(next_url, callback=self.parse_part, errback=self.on_error, meta=meta,
                          priority=PART_PRIORITY, dont_filter=True)
            return
        yield self._merged_item(response.meta.get("warta_first") or _page_record(response), parts, part_urls)

    def _merged_item(self, first: dict, parts, part_urls, part_error=None) -> PageItem:
        first = dict(first)
        item = PageItem(source=first.pop("source"), parts=part_urls, **first)
        if len(parts) > 1:
            self.crawler.stats.inc_value("warta/multipage_articles")
            item.body = merge_parts(parts)
            item.headers = {k: v for k, v in item.headers.items() if k.lower() != "content-length"}
            item.headers["Content-Type"] = "text/html; charset=utf-8"
            item.headers["X-Warta-Parts"] = " ".join(part_urls)
        if part_error:
            item.headers["X-Warta-Part-Error"] = part_error
        return item

    def _item(self, response, error=None) -> PageItem:
        record = _page_record(response)
        return PageItem(source=record.pop("source"), error=error, **record)

    # -- failures --------------------------------------------------------------------------------------------
    def on_error(self, failure):
        """HTTP errors, timeouts, DNS failures, redirect loops: recorded per URL, never fatal."""
        request = failure.request
        meta = request.meta
        if meta.get("warta_skip"):
            return
        kind, source = meta.get("warta_kind"), meta.get("warta_source")
        reason = _describe(failure)
        self.crawler.stats.inc_value(f"warta/failed_{kind}")
        if kind in DISCOVERY_KINDS:
            self.crawler.stats.inc_value(f"warta/source/{source}/discovery_failed")
            LOG.warning("%s %s failed: %s", kind, request.url, reason)
            return
        if kind == "part":  # keep the parts we have; the record says which part is missing
            yield self._merged_item(dict(meta["warta_first"]), meta["warta_parts"], meta["warta_part_urls"],
                                    part_error=f"{request.url}: {reason}")
            return
        response = failure.value.response if failure.check(HttpError) else None
        if response is not None:
            yield self._item(response, error=reason)
        else:
            yield PageItem(url=meta.get("redirect_urls", [request.url])[0], source=source, error=reason,
                           final_url=request.url)


def _looks_like_article(response) -> bool:
    """og:type article or a schema.org (News)Article: the page is one story, so its "next" link is page 2."""
    og_type = response.xpath("//meta[@property='og:type']/@content").get("")
    if og_type.strip().lower() == "article":
        return True
    blocks = response.xpath("//script[@type='application/ld+json']/text()").getall()
    return any('Article"' in block for block in blocks)


def _page_record(response) -> dict:
    """The fields of a PageItem for a response, keyed by the URL first requested (before redirects)."""
    headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
    return {"url": response.meta.get("redirect_urls", [response.url])[0], "final_url": response.url,
            "status": response.status, "headers": headers, "body": response.body, "fetched_at": utc_now(),
            "source": response.meta["warta_source"]}


def _describe(failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    name = type(failure.value).__name__
    message = str(failure.value).strip()
    return f"{name}: {message}" if message else name
