"""``website``: any program's website, given by arguments: a row of the sites file, crawled.

    iop crawl website -a start_urls=https://www.example.org/ [-a sitemap_urls=URL,URL]
        [-a scope=/iop/,/recovery/] [-a locations_page=/locations/] [-a source=NAME]
        [--base-url http://127.0.0.1:8000]

Everything else is :class:`~crawler.spiders.base.structured_data.StructuredDataSpider`'s: the
sitemap (or the ones robots.txt names, or links from the start URL), every page read, one
facility per location. With ``locations_page`` it also reads that page and follows its links to
each clinic's own page (:class:`~crawler.spiders.base.locator.LocatorSpider`). ``source``
defaults to a name from the host. ``listed_by`` (``findtreatment:REF``) links the site's
facilities to the locator listing that named the site (``extras.listed_by``).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.sites import source_for
from crawler.spiders.base.locator import LocatorSpider
from crawler.spiders.base.pages import PageRecord
from crawler.spiders.base.structured_data import StructuredDataSpider
from iop.facility import Facility


class WebsiteSpider(LocatorSpider):
    name = "website"
    source = "website"  # replaced by the ``source`` argument, or a name from the host
    locations_path = ""  # no locations page unless the row names one

    def __init__(
        self,
        locations_page: str = "",
        listed_by: str = "",
        start_url: str = "",
        sitemap_url: str = "",
        **kwargs: Any,
    ) -> None:
        # ``start_url``/``sitemap_url`` are accepted as spellings of the Scrapy names.
        kwargs.setdefault("start_urls", start_url)
        kwargs.setdefault("sitemap_urls", sitemap_url)
        super().__init__(**kwargs)
        if self.source == WebsiteSpider.source:
            first = (self.start_urls or self.sitemap_urls)[0]
            self.source = source_for(first, " ".join(self.scope))
        self.listed_by = listed_by
        if locations_page:
            path = locations_page.rstrip("/") + "/"
            self.locations_path = path
            self.location_link = rf"{re.escape(path)}[^/?#]+/?$"

    async def start(self) -> AsyncIterator[Any]:
        requests = super().start() if self.locations_path else StructuredDataSpider.start(self)
        async for request in requests:
            yield request

    def follow(self, response: Response) -> Iterator[scrapy.Request]:
        if self.locations_path:
            yield from super().follow(response)

    def location_ref(self, address: tuple[str, str], pages: list[PageRecord]) -> str:
        if self.locations_path:
            return super().location_ref(address, pages)
        return StructuredDataSpider.location_ref(self, address, pages)

    def post_process_item(self, item: Facility, pages: list[PageRecord]) -> Iterator[Facility]:
        if self.listed_by:
            item.extras["listed_by"] = self.listed_by
        yield item
