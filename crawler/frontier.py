"""What the corpus already holds and what this run has seen: the state behind incremental, resumable crawls."""
from __future__ import annotations

import logging

from corpus import Corpus, canonical_url

LOG = logging.getLogger(__name__)
PERMANENT_HTTP_ERRORS = (400, 401, 403, 404, 410, 451)
# Good pages and permanent failures are "known"; transient failures (5xx, timeouts, DNS) are tried again next run.
KNOWN_PAGES_SQL = (f"select url, fetched_at from pages where error is null or status in {PERMANENT_HTTP_ERRORS} "
                   "or error like '%robots.txt%'")


def corpus_for(crawler) -> Corpus | None:
    """The corpus named by the WARTA_DB setting, opened once per crawler (None when unset)."""
    if not hasattr(crawler, "_warta_corpus"):
        path = crawler.settings.get("WARTA_DB")
        crawler._warta_corpus = Corpus(path) if path else None
    return crawler._warta_corpus


class Frontier:
    """Canonical URLs known to the corpus (with their fetch time), discovered and claimed in this run."""

    def __init__(self, known: dict[str, str | None] | None = None):
        self.known = known or {}
        self.seen: dict[str, str] = {}
        self.claimed: set[str] = set()

    @classmethod
    def for_crawler(cls, crawler) -> "Frontier":
        if not hasattr(crawler, "_warta_frontier"):
            corpus = corpus_for(crawler)
            known = {}
            if corpus is not None:
                rows = corpus.db.execute(KNOWN_PAGES_SQL)
                known = dict(rows.fetchall())
            crawler._warta_frontier = cls(known)
            LOG.info("corpus holds %d good pages", len(known))
        return crawler._warta_frontier

    def is_current(self, key: str, lastmod: str | None) -> bool:
        """True when the corpus has this page and no newer version is announced."""
        if key not in self.known:
            return False
        fetched = self.known[key]
        return not (lastmod and fetched and lastmod > fetched)

    def discover(self, url: str, lastmod: str | None = None) -> str:
        """'duplicate', 'known' or 'new' for a discovered article URL; remembers it as seen."""
        key = canonical_url(url)
        verdict = "known" if self.is_current(key, lastmod) else "new"
        # Seen before: a duplicate, unless it was judged known and this listing announces a newer version.
        if key in self.seen and not (self.seen[key] == "known" and verdict == "new"):
            return "duplicate"
        self.seen[key] = verdict
        return verdict

    def claim(self, url: str, lastmod: str | None = None) -> bool:
        """Right before download: False when this page was already fetched or is being fetched."""
        key = canonical_url(url)
        if key in self.claimed or self.is_current(key, lastmod):
            return False
        self.claimed.add(key)
        return True

    def stored(self, url: str, fetched_at: str) -> None:
        self.known[canonical_url(url)] = fetched_at

    def was_claimed(self, url: str) -> bool:
        """True when this URL was claimed before the current claim attempt failed for being a known page."""
        return canonical_url(url) in self.claimed
