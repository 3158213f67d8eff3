"""Fixtures for crawler tests (helpers live in crawl_helpers.py, a name no other test folder uses)."""
from __future__ import annotations

import pytest

from crawl_helpers import LoggingSite, demo_routes


@pytest.fixture
def site_factory():
    sites = []

    def make(routes=None, demo_articles: int | None = None, delay: float = 0.0):
        site = LoggingSite(routes or {}, delay=delay)
        if demo_articles:
            site.routes.update(demo_routes(demo_articles, site.base))
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.close()
