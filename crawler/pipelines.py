"""Item pipeline: store every fetched or failed page in the corpus (corpus.Corpus.store_page)."""
from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured

from crawler.frontier import Frontier, corpus_for

LOG = logging.getLogger(__name__)


class CorpusPipeline:
    """Writes PageItems to the SQLite corpus named by the WARTA_DB setting; counts stored/failed per source."""

    def __init__(self, corpus, frontier: Frontier | None, stats):
        self.corpus, self.frontier, self.stats = corpus, frontier, stats

    @classmethod
    def from_crawler(cls, crawler):
        corpus = corpus_for(crawler)
        if corpus is None:
            raise NotConfigured  # no message: Scrapy would log a warning
        frontier = Frontier.for_crawler(crawler) if crawler.settings.getbool("WARTA_INCREMENTAL") else None
        return cls(corpus, frontier, crawler.stats)

    def process_item(self, item):
        self.corpus.store_page(item.url, status=item.status, headers=item.headers, body=item.body,
                               fetched_at=item.fetched_at, error=item.error, source=item.source,
                               final_url=item.final_url)
        self.stats.inc_value("warta/stored")
        self.stats.inc_value(f"warta/source/{item.source}/fetched")
        if item.error:
            self.stats.inc_value("warta/failed")
            self.stats.inc_value(f"warta/source/{item.source}/failed")
        elif self.frontier is not None:
            self.frontier.stored(item.url, item.fetched_at)
        return item

    def close_spider(self):
        self.corpus.close()
