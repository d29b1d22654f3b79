"""Scrapy settings shared by every spider: polite by default, pipelines in order."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CrawlerSettings(BaseSettings):
    """What operators set about the crawler, from the environment (prefix ``IOP_``)."""

    model_config = SettingsConfigDict(env_prefix="IOP_", extra="ignore", hide_input_in_errors=True)

    crawler_contact: str = Field(
        "addiction treatment directory crawler",
        description="A URL or e-mail site owners can reach, sent in the user agent",
    )


BOT_NAME = "iop-directory"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify ourselves; operators set IOP_CRAWLER_CONTACT to a URL or e-mail site owners can reach.
USER_AGENT = f"iop-directory-bot/0.1 ({CrawlerSettings().crawler_contact})"
ROBOTSTXT_OBEY = True
TELNETCONSOLE_ENABLED = False
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.unreachable.UnreachableSourceMiddleware": 540,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.retry_backoff.BackoffRetryMiddleware": 550,
    "crawler.middlewares.retry_backoff.BackoffDelayMiddleware": 560,
}
DOWNLOAD_TIMEOUT = 60
# A dead source fails fast instead of hanging a refresh: a name that does not resolve within
# DNS_TIMEOUT, or a host that has not answered yet, gets IOP_FIRST_CONTACT_TIMEOUT seconds and
# IOP_FIRST_CONTACT_RETRIES retries before the crawl ends "unreachable: <why>" (at most ~25 s);
# once it has answered, DOWNLOAD_TIMEOUT and RETRY_TIMES apply (crawler/middlewares/unreachable.py).
DNS_TIMEOUT = 10
IOP_FIRST_CONTACT_TIMEOUT = 10
IOP_FIRST_CONTACT_RETRIES = 1
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {
    "crawler.pipelines.duplicates.DuplicatesPipeline": 200,
    "crawler.pipelines.addresses.AddressPipeline": 350,
    "crawler.pipelines.phones.PhonesPipeline": 360,
    "crawler.pipelines.websites.WebsitePipeline": 370,
    "crawler.pipelines.coordinates.CoordinatesPipeline": 400,
    "crawler.pipelines.geocode.GeocodePipeline": 500,
    "crawler.pipelines.validate.ValidatePipeline": 750,
}

EXTENSIONS = {"crawler.extensions.progress.ProgressBar": 500}

# A crawl with a job directory (IOP_JOBDIR, set by `iop crawl --jobdir`) records each finished
# page once its listings are in the feed, and resumes from that record after any stop, kill -9
# included (crawler/extensions/job_journal.py). Next to the engine: it sees what the others let
# through. Without a job directory both act as Scrapy's own.
SPIDER_MIDDLEWARES = {"crawler.extensions.page_journal.PageJournal": 10}
DUPEFILTER_CLASS = "crawler.extensions.page_journal.FinishedPagesFilter"

# Re-crawls ask "changed since?" (If-Modified-Since / If-None-Match) instead of fetching again.
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.RFC2616Policy"
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 429]

FEED_EXPORTERS = {"ndjson": "crawler.exporters.FacilityNdjsonExporter"}
FEED_EXPORT_ENCODING = "utf-8"
