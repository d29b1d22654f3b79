"""Drop a listing already yielded in this crawl (overlapping radius sweeps list it twice)."""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.pipelines import CountingPipeline
from iop.facility import Facility


class DuplicatesPipeline(CountingPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: Facility) -> Facility:
        if item.id in self.seen:
            self.stats.inc_value("duplicates/dropped")
            raise DropItem(f"duplicate listing {item.id}")
        self.seen.add(item.id)
        return item
