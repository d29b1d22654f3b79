"""``LocatorSpider``: a program's site with a "locations" page listing its clinics.

WordPress-style program sites list their clinics on one page (``/locations/``) that links to a
page per clinic. Each clinic is one facility; its ref is its own page. The sitemap is read as
usual, and the locations page is also fetched and its clinic links followed, because sitemap
plugins often miss newer pages. Pages about no clinic in particular (programs, insurance) state
what every clinic offers.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response, TextResponse

from crawler.spiders.base.pages import PageRecord
from crawler.spiders.base.structured_data import StructuredDataSpider


class LocatorSpider(StructuredDataSpider):
    locations_path = "/locations/"
    location_link = r"/locations/[^/]+/?$"  # a clinic's own page, relative to the site

    async def start(self) -> AsyncIterator[Any]:
        async for request in super().start():
            yield request
        yield scrapy.Request(self.fetch_origin + self.locations_path, callback=self.parse)

    def follow(self, response: Response) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        for href in response.xpath("//a/@href").getall():
            url = urljoin(response.url, href.strip())
            if self.same_site(url) and re.search(self.location_link, url):
                yield scrapy.Request(self.fetch_url(self.canonical(url)), callback=self.parse)

    def location_ref(self, address: tuple[str, str], pages: list[PageRecord]) -> str:
        own = [page for page in pages if re.search(self.location_link, page.url)]
        return min(own or pages, key=lambda page: (page.depth, page.url)).url
