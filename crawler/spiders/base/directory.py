"""``PaginatedDirectorySpider``: a directory site whose list pages link to one page per program.

State associations and county networks publish directories: list pages with a "next" link,
and a detail page per program (definition lists of address, services, payment, hours). Each
detail page is one facility, its ref the detail page's URL; the list pages only lead to them.
Spiders declare ``start_urls`` and, if the markup differs, ``detail_links``/``next_page``
(XPath) and ``name_xpath``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response, TextResponse

from crawler.resolve.precedence import SourceKind
from crawler.spiders.base import schema_org
from crawler.spiders.base.origin import FetchedElsewhere
from crawler.spiders.base.pages import PageRecord, facts_from_pages, page_record
from crawler.spiders.base.structured_data import site_facility
from iop.facility import Facility


class PaginatedDirectorySpider(FetchedElsewhere, scrapy.Spider):
    source: str = ""
    source_kind = SourceKind.DIRECTORY  # a third party's listing, not the program's own word
    detail_links = "//*[contains(@class, 'listing')]//a[contains(@class, 'listing-link')]/@href"
    next_page = "//a[@rel='next']/@href"
    name_xpath = "string(//h1)"
    max_list_pages = 100

    def __init__(self, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_origins(self.start_urls[0], base_url)
        self.source = self.source or self.name
        self.fetched_at = datetime.now(UTC)
        self.list_pages = 0

    async def start(self) -> Any:
        for url in self.start_urls:
            yield scrapy.Request(self.fetch_url(url), callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        self.list_pages += 1
        for href in response.xpath(self.detail_links).getall():
            url = urljoin(response.url, href.strip())
            yield scrapy.Request(self.fetch_url(self.canonical(url)), callback=self.parse_detail)
        following = response.xpath(self.next_page).get()
        if following and self.list_pages < self.max_list_pages:
            yield scrapy.Request(urljoin(response.url, following.strip()), callback=self.parse)

    def parse_detail(self, response: Response) -> Iterator[Facility]:
        if not isinstance(response, TextResponse):
            return
        url = self.canonical(response.url)
        entities = []
        for entity in schema_org.entities(response.text, url):
            self.pre_process_data(entity)
            if facts := schema_org.entity_facts(entity):
                entities.append(facts)
        page = page_record(response.text, url, self.fetched_at.date(), entities)
        # The directory's own name (og:site_name) is not the program's.
        page.contact.pop("name", None)
        name = " ".join(response.xpath(self.name_xpath).get("").split())
        defaults = {"name": name, **getattr(self, "item_attributes", {})}
        read = facts_from_pages([page], self.source, defaults)
        item = site_facility(self.source, url, url, self.fetched_at, read)
        yield from self.post_process_item(item, [page])

    def pre_process_data(self, entity: dict[str, Any]) -> None:
        """Edit a schema.org entity in place before it is read."""

    def post_process_item(self, item: Facility, pages: list[PageRecord]) -> Iterator[Facility]:
        yield item
