"""Polite defaults in crawler/settings.py, and components that switch themselves off when not configured."""
from __future__ import annotations

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings

from crawler import settings as defaults
from crawler.extensions import CrawlProgress, RedisIdleGrace
from crawler.middlewares import IncrementalDownloaderMiddleware, IncrementalSpiderMiddleware
from crawler.pipelines import CorpusPipeline
from crawler.runner import build_settings
from crawler.sources import adhoc_source


def test_defaults_are_polite_and_have_no_template_leftovers():
    assert defaults.ROBOTSTXT_OBEY is True and defaults.AUTOTHROTTLE_ENABLED is True
    assert "warta" in defaults.USER_AGENT and "+https://" in defaults.USER_AGENT
    assert getattr(defaults, "DOWNLOAD_DELAY", 0) < 1
    assert 1 <= defaults.CONCURRENT_REQUESTS_PER_DOMAIN <= 8 and defaults.RETRY_TIMES >= 2
    assert defaults.WARTA_RETRY_BACKOFF_BASE > 0 and defaults.DOWNLOADER_MIDDLEWARES[
        "scrapy.downloadermiddlewares.retry.RetryMiddleware"] is None


class FakeCrawler:
    """Just what from_crawler reads: settings, stats and signals."""

    def __init__(self, **overrides):
        self.settings = Settings()
        self.settings.setmodule(defaults)
        self.settings.setdict(overrides)
        self.stats = None
        self.signals = None


@pytest.mark.parametrize("component", [CorpusPipeline, CrawlProgress, RedisIdleGrace])
def test_components_switch_off_without_their_setting(component):
    with pytest.raises(NotConfigured):
        component.from_crawler(FakeCrawler())


@pytest.mark.parametrize("component", [IncrementalSpiderMiddleware, IncrementalDownloaderMiddleware])
def test_incremental_middlewares_switch_off(component):
    with pytest.raises(NotConfigured):
        component.from_crawler(FakeCrawler(WARTA_INCREMENTAL=False))


def test_jobdir_defaults_beside_the_database_and_redis_replaces_it(tmp_path):
    plan = [adhoc_source(["http://127.0.0.1:8000/"])]
    local = build_settings(str(tmp_path / "w.db"), plan)
    assert local["JOBDIR"].startswith(str(tmp_path / ".warta-jobs" / "w-"))
    shared = build_settings(str(tmp_path / "w.db"), plan, redis_url="redis://127.0.0.1:1/0", crawl_id="malam-1")
    assert shared.get("JOBDIR") is None and shared["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"
    assert shared["SCHEDULER_QUEUE_KEY"] == "warta:malam-1:requests" and shared.getbool("SCHEDULER_PERSIST")
