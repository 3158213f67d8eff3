"""run_crawl: one Scrapy crawl (CrawlerProcess, once per process) of sources or URLs into a corpus."""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import shutil
import time
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from corpus import Corpus
from crawler import settings as default_settings
from crawler.sources import Source, adhoc_source
from crawler.spiders.news import NewsSpider

LOG = logging.getLogger(__name__)
SOURCE_COUNTERS = ("discovered", "new", "known", "fetched", "failed", "discovery_failed")


def job_key(sources: list[Source]) -> str:
    """A short name for this set of sources: a job directory or redis queue belongs to one crawl plan."""
    plan = "\n".join(f"{s.name} {' '.join(s.start_urls)}" for s in sorted(sources, key=lambda s: s.name))
    return hashlib.sha1(plan.encode("utf-8")).hexdigest()[:10]


def default_jobdir(db_path: str, sources: list[Source]) -> Path:
    db = Path(db_path).resolve()
    return db.parent / ".warta-jobs" / f"{db.stem}-{job_key(sources)}"


def _prepare_jobdir(jobdir: Path) -> None:
    """A queue directory without the state Scrapy writes on a clean stop is from a killed run: unusable
    (its pending requests are rediscovered anyway), and reopening it could mix old and new records."""
    queue = jobdir / "requests.queue"
    if queue.exists() and not (queue / "active.json").exists():
        LOG.info("discarding the request queue of an interrupted crawl in %s", jobdir)
        shutil.rmtree(queue)
    jobdir.mkdir(parents=True, exist_ok=True)


def _redis_settings(url: str, crawl_id: str) -> dict:
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "crawler.dupefilter.RedisDupeFilter",
        "REDIS_URL": url,
        "WARTA_REDIS_URL": url,
        # Several workers share these keys; none may flush them when it finishes first.
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": f"warta:{crawl_id}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"warta:{crawl_id}:dupefilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
    }


def build_settings(db_path: str | None, sources: list[Source], overrides: dict | None = None,
                   jobdir: str | None = None, redis_url: str | None = None, crawl_id: str | None = None) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("WARTA_DB", db_path, priority="cmdline")
    if redis_url:
        crawl_id = crawl_id or f"{dt.datetime.now(dt.timezone.utc):%Y%m%d}-{job_key(sources)}"
        settings.setdict(_redis_settings(redis_url, crawl_id), priority="cmdline")
    elif jobdir is not False and db_path:
        path = Path(jobdir) if jobdir else default_jobdir(db_path, sources)
        _prepare_jobdir(path)
        settings.set("JOBDIR", str(path), priority="cmdline")
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def summarise(stats: dict, sources: list[Source], elapsed: float) -> dict:
    """Totals and per-source counters of a finished crawl."""
    per_source = {s.name: {c: stats.get(f"warta/source/{s.name}/{c}", 0) for c in SOURCE_COUNTERS}
                  for s in sources}
    totals = {c: sum(row[c] for row in per_source.values()) for c in SOURCE_COUNTERS}
    totals.update(
        stored=stats.get("warta/stored", 0), requests=stats.get("downloader/request_count", 0),
        responses=stats.get("downloader/response_count", 0), multipage=stats.get("warta/multipage_articles", 0),
        skipped_at_download=stats.get("warta/skipped_at_download", 0),
        finish_reason=stats.get("finish_reason"), duration_s=round(elapsed, 2),
        crawl_s=round(stats.get("elapsed_time_seconds", elapsed), 2), peak_rss=stats.get("memusage/max"),
        pages_per_s=round(stats.get("warta/stored", 0) / elapsed, 2) if elapsed else 0.0,
    )
    totals["sources"] = per_source
    return totals


@contextlib.contextmanager
def _pinned_handlers(level: int):
    """Scrapy logs its banner before any level can be set: hold the root handlers at the caller's level."""
    saved = [(handler, handler.level) for handler in logging.getLogger().handlers]
    for handler, old in saved:
        handler.setLevel(max(old, level))
    try:
        yield
    finally:
        for handler, old in saved:
            handler.setLevel(old)


class _NoTraceback(logging.Filter):
    """Network failures are expected in a crawl: log Scrapy's one-line message, not a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True


QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry",
                 "scrapy.core.scraper", "scrapy.core.downloader.handlers.http11")


def _restore_log_levels(root_level: int, scrapy_level: str) -> None:
    """Scrapy resets the root logger's level; keep the caller's, and Scrapy's own chatter at LOG_LEVEL."""
    logging.getLogger().setLevel(root_level)
    level = max(logging.getLevelName(scrapy_level) if isinstance(scrapy_level, str) else scrapy_level,
                root_level or logging.WARNING)
    for name in ("scrapy", "twisted", "scrapy_redis", "py.warnings"):
        logging.getLogger(name).setLevel(level)
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoTraceback) for f in logger.filters):
            logger.addFilter(_NoTraceback())


def run_crawl(start_urls: list[str], db_path: str, settings: dict | None = None, source: str | None = None,
              *, sources: list[Source] | None = None, since: str | None = None, jobdir=None,
              redis_url: str | None = None, crawl_id: str | None = None) -> dict:
    """Crawl sitemaps, feeds and pages (or configured sources) into the corpus at db_path; returns stats.

    start_urls: ad-hoc sitemap/feed/page URLs (one generic source, named `source` or after the host).
    sources: configured sources (crawler/sources.toml); both may be given. Runs Scrapy's reactor, so it can
    be called once per process.
    """
    plan = list(sources or [])
    if start_urls:
        plan.append(adhoc_source(list(start_urls), source))
    if not plan:
        raise ValueError("nothing to crawl: give start URLs or sources")
    if db_path:
        Corpus(db_path).close()  # a bad database fails here, in one line, not inside Scrapy's reactor
    crawl_settings = build_settings(db_path, plan, settings, jobdir, redis_url, crawl_id)
    crawl_settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # the caller's logging decides
    root_level = logging.getLogger().level
    with _pinned_handlers(root_level):
        process = CrawlerProcess(crawl_settings)
        crawler = process.create_crawler(NewsSpider)
        _restore_log_levels(root_level, crawl_settings.get("LOG_LEVEL"))
        process.crawl(crawler, sources=plan, since=since)
        started = time.monotonic()
        process.start()
    result = summarise(crawler.stats.get_stats(), plan, time.monotonic() - started)
    job = crawl_settings.get("JOBDIR")
    if job and result["finish_reason"] == "finished":
        shutil.rmtree(job, ignore_errors=True)  # done: the next run starts from the corpus, not an old queue
        with contextlib.suppress(OSError):
            Path(job).parent.rmdir()  # only when no other crawl plan has a job there
    LOG.info("crawl finished: %s", {k: v for k, v in result.items() if k != "sources"})
    return result
