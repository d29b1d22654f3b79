"""A progress bar on stderr for a crawl: pages fetched, facilities kept, quarantined."""

from __future__ import annotations

from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from tqdm import tqdm


class ProgressBar:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.bar: tqdm[Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("IOP_PROGRESS"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.update, signal=signals.response_received)
        crawler.signals.connect(extension.update, signal=signals.item_scraped)
        crawler.signals.connect(extension.update, signal=signals.item_dropped)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider: Any) -> None:
        # disable=None: no bar when stderr is not a terminal (CI logs, cron mail).
        self.bar = tqdm(desc=spider.name, unit=" pages", mininterval=0.5, disable=None)

    def update(self, **_: Any) -> None:
        if self.bar is None:
            return
        stats = self.crawler.stats
        pages = stats.get_value("response_received_count", 0)
        self.bar.set_postfix(
            facilities=stats.get_value("item_scraped_count", 0),
            quarantined=stats.get_value("quarantine/records", 0),
            refresh=False,
        )
        self.bar.update(pages - self.bar.n)  # redraws at most every mininterval

    def closed(self, spider: Any) -> None:
        if self.bar is not None:
            self.update()
            self.bar.refresh()
            self.bar.close()
