"""Item pipelines, one concern each, ordered with gaps in ``crawler.settings.ITEM_PIPELINES``.

Problems are counted in the crawl stats as ``problems/<source>/<field>/<reason>``; records that
cannot be used go to the quarantine file with their reasons, never silently away.
"""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from iop.facility import Facility


class CountingPipeline:
    """A pipeline that counts what it finds in the crawl stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)


def count_problem(stats: StatsCollector, facility: Facility, field: str, reason: str) -> None:
    source = facility.sources[0].source if facility.sources else "unknown"
    stats.inc_value(f"problems/{source}/{field}/{reason}")
