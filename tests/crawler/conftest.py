"""Run spiders' parsing and the pipelines offline, on real saved responses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler import settings as crawler_settings
from crawler.spiders.findtreatment import FindTreatmentSpider
from iop.facility import Facility

Pipeline = Callable[[Facility], Facility | None]


@pytest.fixture
def crawler(tmp_path: Path) -> Crawler:
    crawler = get_crawler(
        FindTreatmentSpider,
        {"IOP_QUARANTINE_FILE": str(tmp_path / "feed.quarantine.ndjson")},
    )
    crawler.stats.open_spider()
    return crawler


@pytest.fixture
def spider(crawler: Crawler) -> FindTreatmentSpider:
    return FindTreatmentSpider.from_crawler(crawler)


@pytest.fixture
def run_pipelines(crawler: Crawler) -> Pipeline:
    """Every pipeline of the project, in their configured order; ``None`` if one dropped it."""
    from scrapy.utils.misc import load_object

    ordered = sorted(crawler_settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1])
    pipelines = [load_object(path).from_crawler(crawler) for path, _ in ordered]
    for pipeline in pipelines:
        if hasattr(pipeline, "open_spider"):
            pipeline.open_spider()

    def run(item: Facility) -> Facility | None:
        try:
            for pipeline in pipelines:
                item = pipeline.process_item(item)
        except DropItem:
            return None
        return item

    yield run
    for pipeline in pipelines:
        if hasattr(pipeline, "close_spider"):
            pipeline.close_spider()
