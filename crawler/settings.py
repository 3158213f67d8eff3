"""Scrapy settings for warta's crawler: the one module of defaults (polite, fast enough, resumable)."""

BOT_NAME = "warta"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are: outlets can see what crawls them and how to reach the project.
USER_AGENT = "warta/0.1 (+https://github.com/warta-id/warta; Indonesian news research crawler)"
ROBOTSTXT_OBEY = True

# Politeness: a few parallel requests per site, paced by AutoThrottle from the site's own latency.
# No fixed DOWNLOAD_DELAY: AutoThrottle sets the delay per site (slow sites get fewer requests).
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 10  # a redirect loop ends here and is recorded as the page's error

# Retries with exponential backoff: 1 s, 2 s, 4 s ... (Retry-After honoured), at most 60 s.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
WARTA_RETRY_BACKOFF_BASE = 1.0
WARTA_RETRY_BACKOFF_MAX = 60.0

# Components (each is switched off by NotConfigured when its setting is missing).
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.IncrementalDownloaderMiddleware": 90,  # before robots.txt: skipped pages cost nothing
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.IncrementalSpiderMiddleware": 950,  # sees the spider's requests first
}
ITEM_PIPELINES = {"crawler.pipelines.CorpusPipeline": 300}
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "crawler.extensions.CrawlProgress": 500,
    "crawler.extensions.RedisIdleGrace": 510,
}

# One run's dupefilter in memory; resumability comes from the corpus (see crawler/dupefilter.py).
DUPEFILTER_CLASS = "crawler.dupefilter.RunDupeFilter"
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"

# warta's own settings
WARTA_DB = None                 # corpus file; no corpus, no storing (CorpusPipeline off)
WARTA_INCREMENTAL = True        # skip pages the corpus already holds
WARTA_PROGRESS = False          # progress lines on stderr (the CLI turns them on)
WARTA_PROGRESS_INTERVAL = 10.0
WARTA_REDIS_URL = None          # set by --redis: scrapy-redis scheduler and dupefilter
WARTA_REDIS_IDLE_GRACE = 5.0    # seconds an idle worker waits for the others' discoveries
WARTA_REDIS_KEY_TTL = 2 * 24 * 3600

LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 60.0
FEED_EXPORT_ENCODING = "utf-8"
