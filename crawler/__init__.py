"""Crawler stage: Scrapy spiders that discover and fetch Indonesian news pages into the corpus."""
from crawler.sources import Source, SourcesError, load_sources, parse_sources


def run_crawl(start_urls, db_path, settings=None, source=None, **kwargs) -> dict:
    """Crawl into the corpus at db_path; see crawler.runner.run_crawl (imported lazily: it loads Scrapy)."""
    from crawler.runner import run_crawl as _run_crawl

    return _run_crawl(start_urls, db_path, settings, source, **kwargs)


__all__ = ["Source", "SourcesError", "load_sources", "parse_sources", "run_crawl"]
