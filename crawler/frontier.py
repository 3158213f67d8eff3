"""What the corpus already holds and what this run has seen: the state behind incremental, resumable crawls."""
from __future__ import annotations

import hashlib
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


def _digest(canonical: str) -> bytes:
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=8).digest()


def url_key(url: str) -> bytes:
    """An 8-byte digest of the canonical URL: keeps the per-run sets small on frontiers of many thousand URLs."""
    return _digest(canonical_url(url))


class Frontier:
    """Pages known to the corpus (with their fetch time), discovered and claimed in this run, keyed by
    `url_key` of their canonical URL."""

    def __init__(self, known: dict[str, str | None] | None = None):
        # `known` comes from the corpus, whose URLs are canonical already.
        self.known = {_digest(url): fetched for url, fetched in (known or {}).items()}
        self.seen: dict[bytes, str] = {}
        self.claimed: set[bytes] = set()

    @classmethod
    def for_crawler(cls, crawler) -> "Frontier":
        if not hasattr(crawler, "_warta_frontier"):
            corpus = corpus_for(crawler)
            known = {}
            if corpus is not None:
                rows = corpus.db.execute(KNOWN_PAGES_SQL)
                known = dict(rows.fetchall())  # canonical URLs, as stored
            crawler._warta_frontier = cls(known)
            LOG.info("corpus holds %d good pages", len(known))
        return crawler._warta_frontier

    def is_current(self, key: bytes, lastmod: str | None) -> bool:
        """True when the corpus has this page and no newer version is announced."""
        if key not in self.known:
            return False
        fetched = self.known[key]
        return not (lastmod and fetched and lastmod > fetched)

    def discover(self, url: str, lastmod: str | None = None) -> str:
        """'duplicate', 'known' or 'new' for a discovered article URL; remembers it as seen."""
        key = url_key(url)
        verdict = "known" if self.is_current(key, lastmod) else "new"
        # Seen before: a duplicate, unless it was judged known and this listing announces a newer version.
        if key in self.seen and not (self.seen[key] == "known" and verdict == "new"):
            return "duplicate"
        self.seen[key] = verdict
        return verdict

    def claim(self, url: str, lastmod: str | None = None) -> bool:
        """Right before download: False when this page was already fetched or is being fetched."""
        key = url_key(url)
        if key in self.claimed or self.is_current(key, lastmod):
            return False
        self.claimed.add(key)
        return True

    def stored(self, url: str, fetched_at: str) -> None:
        self.known[url_key(url)] = fetched_at

    def was_claimed(self, url: str) -> bool:
        """True when this URL was claimed before the current claim attempt failed for being a known page."""
        return url_key(url) in self.claimed
