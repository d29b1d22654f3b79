"""Every spider loads and declares what merging needs: its source name and its kind."""

from __future__ import annotations

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from crawler import settings as crawler_settings
from crawler.resolve.precedence import SourceKind


def loader() -> SpiderLoader:
    settings = get_project_settings()
    settings.setmodule(crawler_settings, priority="project")
    return SpiderLoader.from_settings(settings)


SPIDERS = loader().list()


def test_the_known_sources_are_all_there() -> None:
    assert {"findtreatment", "samhsa_directory", "website", "pinon_county", "lacounty_sbat"} <= set(
        SPIDERS
    )


@pytest.mark.parametrize("name", SPIDERS)
def test_spider_declares_source_and_kind(name: str) -> None:
    spider = loader().load(name)
    assert spider.source, f"{name} has no source name"
    assert isinstance(spider.source_kind, SourceKind), f"{name} must declare source_kind"
