"""What kind of source each spider is, read from the spiders themselves (``source_kind``)."""

from __future__ import annotations

from functools import cache

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from crawler import settings as crawler_settings
from crawler.resolve.precedence import SourceKind


@cache
def source_kinds() -> dict[str, SourceKind]:
    """``{source name: kind}`` for every spider; a spider without a kind is a website."""
    settings = get_project_settings()
    settings.setmodule(crawler_settings, priority="project")
    loader = SpiderLoader.from_settings(settings)
    kinds = {}
    for name in loader.list():
        spider = loader.load(name)
        source = getattr(spider, "source", name)
        kinds[source] = SourceKind(getattr(spider, "source_kind", SourceKind.WEBSITE))
    return kinds
