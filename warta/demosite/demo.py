"""`warta demo`: serve the generated site locally, crawl it with Scrapy, extract, annotate, summarise."""
from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path
from typing import Callable

from warta.demosite.server import serve_site
from warta.demosite.site import SITE_ORIGIN, build_site
from warta.demosite.stories import make_stories

LOG = logging.getLogger(__name__)
START_PATHS = ("/sitemap.xml", "/rss.xml", "/")
# A local site needs no pacing; the crawl still obeys robots.txt and stops by itself if something hangs.
DEMO_CRAWL_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_TIMES": 1,
    "WARTA_RETRY_BACKOFF_BASE": 0.1,
    "DOWNLOAD_TIMEOUT": 10,
    "CLOSESPIDER_TIMEOUT": 120,
    "WARTA_PROGRESS": True,
    "WARTA_PROGRESS_INTERVAL": 2.0,
}
FACT_TYPES = ("officials", "institutions", "dates", "figures")


@contextlib.contextmanager
def proxied_through(base_url: str):
    """Route the crawler's http:// requests to the local server, so stored URLs stay http://wartanusantara.test/...
    whatever free port the server got: a second demo run finds the same URLs and adds nothing."""
    names = ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(http_proxy=base_url, HTTP_PROXY=base_url)
    os.environ.pop("no_proxy", None)
    os.environ.pop("NO_PROXY", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def check_db_path(db_path: str) -> None:
    """Fail early, in one line, when the database cannot be written."""
    path = Path(db_path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ValueError(f"{db_path} is a directory; give a file name such as warta-demo.db")
    if not folder.is_dir():
        raise ValueError(f"folder {folder} does not exist; create it or choose another --db")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ValueError(f"cannot write {db_path}; choose a writable --db")


def run_demo(db_path: str, n_articles: int = 40, seed: int = 0, echo: Callable[[str], None] = print) -> dict:
    """The whole demo; returns the crawl stats, pipeline counts and corpus stats (before and after)."""
    from corpus import Corpus
    from crawler import run_crawl
    from warta.pipeline import process

    check_db_path(db_path)
    started = time.monotonic()
    before = Corpus(db_path).stats()
    pages = build_site(n_articles, seed)
    server, base_url = serve_site(pages, rewrite_origin=False)
    echo(f"Demo site 'Warta Nusantara': {n_articles} generated articles, {len(pages)} pages, served on {base_url} "
         f"(crawled as {SITE_ORIGIN}/ through it)")
    try:
        echo("Crawling with Scrapy (sitemaps, RSS, home page; robots.txt obeyed)...")
        with proxied_through(base_url):
            # jobdir=False: a half-minute crawl needs no resumable queue directory beside the database
            crawl = run_crawl([SITE_ORIGIN + p for p in START_PATHS], db_path, settings=dict(DEMO_CRAWL_SETTINGS),
                              source="demo", jobdir=False)
    finally:
        server.shutdown()
    echo("Extracting and annotating the stored pages...")
    corpus = Corpus(db_path)
    pipeline = process(corpus, progress=True)
    LOG.info("demo crawl %s, pipeline %s", {k: v for k, v in crawl.items() if k != "sources"}, pipeline)
    return {"crawl": crawl, "pipeline": pipeline, "before": before, "after": corpus.stats(),
            "errors": error_examples(corpus), "elapsed": time.monotonic() - started, "db": db_path,
            "site_flag_stories": sum(story.flag for story in make_stories(n_articles, seed))}


def error_examples(corpus, limit: int = 5) -> list[tuple[str, str]]:
    """(url, what went wrong) for failed fetches, HTTP errors and pages whose extraction failed."""
    rows = corpus.db.execute(
        "select p.url, a.error from articles a join pages p on p.id = a.page_id where a.error is not null "
        "union all select url, coalesce(error, 'HTTP ' || status) from pages "
        "where error is not null or status >= 400 limit ?", [limit]).fetchall()
    return [(url, str(problem).splitlines()[0][:120]) for url, problem in rows]


def summary_lines(result: dict) -> list[str]:
    """The closing summary of a demo run and how to look at the result."""
    crawl, pipeline, before, after, db = (result[k] for k in ("crawl", "pipeline", "before", "after", "db"))
    new = {key: after[key] - before.get(key, 0) for key in after}
    lines = [
        f"Demo finished in {result['elapsed']:.1f}s; corpus: {db}",
        f"  pages fetched this run:   {crawl.get('responses', crawl.get('stored', 0))} "
        f"(stored {crawl.get('stored', 0)}; corpus holds {after['pages']} pages, {new['pages']} new)",
        f"  articles stored:          {after['articles']} ({new['articles']} new)",
        f"  non-article pages:        {after['non_articles']} (section, tag, about pages ...)",
        "  facts:                    " + ", ".join(f"{after[t]} {t}" for t in FACT_TYPES),
        f"  flagged articles:         {after['flagged']} of {after['articles']} "
        f"(election violations / neutrality; the site has {result['site_flag_stories']} such stories)",
        f"  errors kept:              {after['pages_failed']} failed fetches, "
        f"{after['articles_failed']} page(s) that could not be extracted",
    ]
    lines += [f"      {url}  ->  {problem}" for url, problem in result["errors"]]
    if pipeline.get("annotate_errors"):
        lines.append(f"  annotation errors:        {pipeline['annotate_errors']}")
    lines += [
        "Look at the result:",
        f"  warta facts officials --db {db}",
        f"  warta serve --db {db}          (browse it with Datasette)",
        f"  sqlite3 {db} \"select title, published from articles where is_article = 1 limit 10\"",
    ]
    return lines
