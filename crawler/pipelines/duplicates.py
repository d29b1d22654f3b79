"""Drop a listing already yielded in this crawl (overlapping radius sweeps list it twice)."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from iop.facility import Facility


class DuplicatesPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicatesPipeline:
        return cls(crawler)

    def process_item(self, item: Facility) -> Facility:
        if item.id in self.seen:
            self.crawler.stats.inc_value("duplicates/dropped")
            raise DropItem(f"duplicate listing {item.id}")
        self.seen.add(item.id)
        return item
