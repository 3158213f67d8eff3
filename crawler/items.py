"""The item the spider hands to the pipelines: one fetched (or failed) page."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(repr=False)
class PageItem:
    """A raw page as fetched: stored as is by corpus.Corpus.store_page (errors included, never dropped)."""

    url: str
    source: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    fetched_at: str = field(default_factory=utc_now)
    error: str | None = None
    final_url: str | None = None
    parts: list[str] = field(default_factory=list)  # URLs of a multi-page article's pages, in order

    def __repr__(self) -> str:  # Scrapy logs every item: no bodies in the log
        size = len(self.body) if self.body is not None else 0
        return f"<PageItem {self.status} {self.url} {size} bytes{' error=' + self.error if self.error else ''}>"
