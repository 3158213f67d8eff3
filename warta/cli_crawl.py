"""`warta crawl`, `warta run` and `warta sources check`: the crawler's commands."""
from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

import click

from warta.errors import UserError
from warta.options import db_option, writable_db_path

LOG = logging.getLogger(__name__)


def _settings():
    from warta.config import load_settings

    return load_settings()


def _load_sources(path: str | None):
    from crawler.sources import SourcesError, load_sources

    try:
        return load_sources(path or _settings().sources)
    except SourcesError as exc:
        raise UserError(str(exc)) from exc


def _check_urls(urls) -> list[str]:
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UserError(f"{url}: not an http(s) URL; give sitemap, feed or page URLs like https://example.id/")
    return list(urls)


def _check_since(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"--since {value}: not a date; use YYYY-MM-DD (e.g. --since 2024-11-01)")


def _check_redis(url: str | None) -> str | None:
    if url and urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise UserError(f"--redis {url}: not a redis URL; use redis://HOST:PORT/DB or unix:///path/redis.sock")
    return url


def _crawl(urls, sources_file, db_path, since, redis_url, jobdir) -> dict:
    from corpus import CorpusError
    from crawler import run_crawl

    sources = _load_sources(sources_file) if (sources_file or not urls) else []
    try:
        return run_crawl(urls, db_path, settings={"WARTA_PROGRESS": True}, sources=sources, since=since,
                         redis_url=redis_url, jobdir=jobdir)
    except CorpusError as exc:
        raise UserError(str(exc)) from exc


def _print_crawl(stats: dict) -> None:
    for name, row in sorted(stats["sources"].items()):
        click.echo(f"  {name:<16} " + ", ".join(f"{k} {v}" for k, v in row.items()))
    click.echo(f"Crawl {stats['finish_reason']}: {stats['stored']} pages stored ({stats['failed']} failed), "
               f"{stats['discovered']} article URLs discovered, {stats['new']} new, {stats['known']} already "
               f"stored; {stats['requests']} requests in {stats['duration_s']:.1f}s ({stats['pages_per_s']} pages/s)")


def sources_option(func):
    return click.option("--sources", "sources_file", type=click.Path(dir_okay=False), default=None,
                        help="Sources file (TOML) [default: the one shipped in crawler/sources.toml].")(func)


@click.command("crawl")
@click.argument("urls", nargs=-1, metavar="[URL]...")
@sources_option
@db_option
@click.option("--since", help="Skip sitemap/feed entries published before this date (YYYY-MM-DD).")
@click.option("--redis", "redis_url", help="Share one queue and dupefilter in Redis (scrapy-redis), e.g. "
              "redis://127.0.0.1:6379/0; start several workers with the same sources.")
@click.option("--jobdir", type=click.Path(file_okay=False), help="Scrapy job directory [default: .warta-jobs/ "
              "beside the database].")
def crawl_command(urls, sources_file, db_path, since, redis_url, jobdir):
    """Crawl new pages into the corpus: from sitemap, feed or page URLs, or every configured source.

    Without URLs every source of the sources file is crawled. Pages already in the corpus are not fetched
    again (unless a sitemap announces a newer version). A killed crawl carries on when run again.
    """
    db_path = writable_db_path(db_path)
    stats = _crawl(_check_urls(urls), sources_file, db_path, _check_since(since), _check_redis(redis_url), jobdir)
    _print_crawl(stats)


def _run_log(db_path: str) -> Path:
    """A log file for this run in the configured log folder (relative folders sit beside the database)."""
    folder = Path(_settings().log_dir)
    if not folder.is_absolute():
        folder = Path(db_path).resolve().parent / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"warta-run-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%SZ}.log"


def _attach_log_file(path: Path) -> logging.Handler:
    root = logging.getLogger()
    shown = root.level or logging.WARNING
    for handler in root.handlers:  # the terminal keeps the level the user chose; the file gets INFO
        handler.setLevel(max(handler.level, shown))
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(shown, logging.INFO))
    return handler


@click.command("run")
@sources_option
@db_option
@click.option("--suspicious-after", default=3, show_default=True, type=click.IntRange(1, 100),
              help="Report a source as suspicious after this many runs without new articles.")
def run_command(sources_file, db_path, suspicious_after):
    """The nightly run: crawl new pages of every source, extract, annotate, store, report.

    Prints a report per source (discovered, new, fetched, failed, articles, facts, flagged) and stores it in
    the corpus tables `runs` and `run_sources`; a log file per run is written to the log folder.
    """
    from corpus import Corpus
    from crawler.report import format_report, outcomes_since, record_run
    from warta.pipeline import process

    db_path = writable_db_path(db_path)
    sources = _load_sources(sources_file)
    log_file = _run_log(db_path)
    _attach_log_file(log_file)
    started_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    started = time.monotonic()
    click.echo(f"warta run: {len(sources)} sources into {db_path} (log: {log_file})", err=True)
    crawl = _crawl([], sources_file, db_path, None, None, None)
    _print_crawl(crawl)
    corpus = Corpus(db_path)
    processed = process(corpus, progress=True)
    LOG.info("pipeline: %s", processed)
    report = record_run(corpus.db, started_at=started_at,
                        finished_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                        duration_s=round(time.monotonic() - started, 2), crawl=crawl,
                        outcomes=outcomes_since(corpus.db, started_at), sources_file=sources_file,
                        log_file=str(log_file), suspicious_after=suspicious_after)
    text = format_report(report)
    LOG.info("run report\n%s", text)
    click.echo(text)


@click.group("sources")
def sources_group():
    """The sources file: which outlets are crawled and how."""


@sources_group.command("check")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def sources_check(path):
    """Validate a sources file (default: the shipped crawler/sources.toml); lists every problem."""
    from crawler.sources import DEFAULT_SOURCES, SourcesError, load_sources

    try:
        sources = load_sources(path or _settings().sources)
    except SourcesError as exc:
        for line in str(exc).splitlines():
            click.echo(line, err=True)
        raise SystemExit(1)
    for source in sources:
        kinds = ", ".join(f"{len(getattr(source, k))} {k}" for k in ("sitemaps", "feeds", "sections")
                          if getattr(source, k))
        click.echo(f"  {source.name:<16} {', '.join(source.domains)}: {kinds}; "
                   f"{len(source.article_patterns)} article patterns")
    click.echo(f"{path or _settings().sources or DEFAULT_SOURCES}: {len(sources)} sources OK")


def register(group: click.Group) -> None:
    group.add_command(crawl_command)
    group.add_command(run_command)
    group.add_command(sources_group)
