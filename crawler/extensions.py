"""Crawl extensions: a progress line (pages done, rate, ETA) and an idle grace period for shared redis queues."""
from __future__ import annotations

import logging
import sys
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task

LOG = logging.getLogger(__name__)


class CrawlProgress:
    """Every WARTA_PROGRESS_INTERVAL seconds: pages stored, failures, pages still to fetch, rate and ETA."""

    def __init__(self, stats, interval: float, stream=None):
        self.stats, self.interval = stats, interval
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("WARTA_PROGRESS"):
            raise NotConfigured  # no message: Scrapy would log a warning
        ext = cls(crawler.stats, crawler.settings.getfloat("WARTA_PROGRESS_INTERVAL"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        self.report(final=True)

    def line(self) -> str:
        get = self.stats.get_value
        stored, failed = get("warta/stored", 0), get("warta/failed", 0)
        new = sum(v for k, v in self.stats.get_stats().items() if k.startswith("warta/source/") and
                  k.endswith("/new"))
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = stored / elapsed
        todo = max(new - stored - get("warta/skipped_at_download", 0), 0)
        eta = f"{todo / rate:.0f}s" if rate > 0 else "?"
        return (f"crawl: {stored} pages stored ({failed} failed), {todo} to fetch, "
                f"{rate:.1f} pages/s, ETA {eta}, {elapsed:.0f}s elapsed")

    def report(self, final: bool = False) -> None:
        text = self.line().replace("crawl:", "crawl done:" if final else "crawl:", 1)
        LOG.info("%s", text)
        print(text, file=self.stream, flush=True)


class RedisIdleGrace:
    """With a shared scrapy-redis queue, an idle worker waits WARTA_REDIS_IDLE_GRACE seconds before closing,
    because another worker may still be adding requests it discovered. On closing it gives the shared keys an
    expiry (WARTA_REDIS_KEY_TTL): they are kept for the other workers (SCHEDULER_PERSIST), but not for ever."""

    def __init__(self, grace: float, settings=None):
        self.grace = grace
        self.settings = settings
        self.idle_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("WARTA_REDIS_URL"):
            raise NotConfigured  # no message: Scrapy would log a warning
        ext = cls(crawler.settings.getfloat("WARTA_REDIS_IDLE_GRACE"), crawler.settings)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(ext.request_scheduled, signal=signals.response_received)
        return ext

    def request_scheduled(self, *args, **kwargs):
        self.idle_since = None

    def spider_idle(self, spider):
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.grace:
            raise DontCloseSpider

    def spider_closed(self, spider, reason):
        from scrapy_redis import connection

        keys = [self.settings.get(name, "") % {"spider": spider.name}
                for name in ("SCHEDULER_QUEUE_KEY", "SCHEDULER_DUPEFILTER_KEY")]
        try:
            server = connection.from_settings(self.settings)
            for key in filter(None, keys):
                server.expire(key, self.settings.getint("WARTA_REDIS_KEY_TTL"))
        except Exception as exc:  # noqa: BLE001 - redis gone at shutdown: the keys stay, nothing is lost
            LOG.warning("could not set an expiry on the redis keys %s: %s", keys, exc)
