"""Dupefilters that let redirect hops through (a redirect loop must end in a recorded error, not vanish) and,
for local crawls, keep one run's memory only (so a killed crawl loses nothing)."""
from __future__ import annotations

from scrapy.dupefilters import RFPDupeFilter


def _redirect_hop(request) -> bool:
    # A loop A -> B -> A would be dropped silently as a duplicate of A; REDIRECT_MAX_TIMES ends it instead,
    # and the spider's errback records the error for the page.
    return bool(request.meta.get("redirect_urls"))


class RunDupeFilter(RFPDupeFilter):
    """Scrapy's fingerprint filter kept in memory even with JOBDIR.

    Scrapy saves its request queue only on a clean stop but its seen-set on every request: after a SIGKILL the
    queued requests are gone while their fingerprints remain, so rediscovered pages would be filtered out and
    lost. warta re-reads sitemaps, feeds and sections on every (re)start and skips what the corpus already
    holds instead (crawler.middlewares), which makes a killed crawl resume without losses.
    """

    def __init__(self, path=None, debug=False, **kwargs):
        super().__init__(None, debug, **kwargs)

    def request_seen(self, request) -> bool:
        return False if _redirect_hop(request) else super().request_seen(request)


try:
    from scrapy_redis.dupefilter import RFPDupeFilter as _RedisDupeFilter
except ImportError:  # scrapy-redis is only needed for --redis
    _RedisDupeFilter = None

if _RedisDupeFilter is not None:
    class RedisDupeFilter(_RedisDupeFilter):
        """scrapy-redis's shared fingerprint set, letting redirect hops through."""

        def request_seen(self, request) -> bool:
            return False if _redirect_hop(request) else super().request_seen(request)
