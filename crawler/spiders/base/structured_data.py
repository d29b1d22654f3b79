"""``StructuredDataSpider``: a treatment program's own website, read whole, as one facility.

A spider for a program's site is declarations (All The Places style)::

    class MesaVerdeSpider(StructuredDataSpider):
        name = "mesa_verde"
        source = "mesa_verde"
        sitemap_urls = ["https://www.mesaverderecovery.example/sitemap.xml"]

The spider starts from the sitemap (robots.txt is obeyed by the project settings), reads every
page — schema.org markup with extruct, contact details, prose with :mod:`crawler.prose` — and
when the crawl runs dry yields one facility per location: the site's pages describe one program
(or the places it runs), not one page each. A site whose sitemap is broken or missing is
crawled from its home page instead, following same-site links a few hops deep.

``base_url`` (spider argument) fetches the site from elsewhere (a loopback copy); facts, refs
and provenance keep the site's real URLs. Hooks: ``pre_process_data(entity)`` may edit a
schema.org entity before it is read; ``post_process_item(item, pages)`` yields the facility
(edited, or not at all).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spiders import SitemapSpider

from crawler.listing import build_facility
from crawler.resolve.precedence import SourceKind
from crawler.spiders.base import schema_org
from crawler.spiders.base.origin import FetchedElsewhere
from crawler.spiders.base.pages import PageRecord, SiteFacts, facts_from_pages, page_record
from iop.facility import Facility

NOT_PAGES = re.compile(
    r"\.(?:pdf|jpe?g|png|gif|svg|webp|ico|css|js|json|xml|txt|zip|docx?|xlsx?|mp[34]|woff2?)$",
    re.I,
)


class StructuredDataSpider(FetchedElsewhere, SitemapSpider):
    source: str = ""
    source_kind = SourceKind.WEBSITE  # the program's own word
    item_attributes: ClassVar[
        dict[str, Any]
    ] = {}  # facts every facility of the site has (defaults)
    fallback_max_depth = 3  # hops from the home page when the sitemap fails
    fallback_max_pages = 200

    def __init__(self, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_origins(
            self.sitemap_urls[0] if self.sitemap_urls else self.start_urls[0], base_url
        )
        self.source = self.source or self.name
        self.pages: dict[str, PageRecord] = {}
        self.crawl_date = datetime.now(UTC).date()
        self.fetched_at = datetime.now(UTC)
        self.fallback_started = False
        self.flushed = False

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> StructuredDataSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for url in self.sitemap_urls:
            yield scrapy.Request(
                self.fetch_url(url), callback=self._parse_sitemap, errback=self.on_sitemap_error
            )

    def on_sitemap_error(self, failure: Any) -> None:
        self.crawler.stats.inc_value(f"{self.source}/sitemap_failed")

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for entry in entries:
            loc = entry.get("loc", "")
            if NOT_PAGES.search(urlsplit(loc).path) and not loc.endswith(".xml"):
                continue
            yield {**entry, "loc": self.fetch_url(loc)}

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        if not isinstance(response, TextResponse):
            return
        url = self.canonical(response.url)
        if url in self.pages:
            return
        self.pages[url] = self.read(response)
        self.crawler.stats.inc_value(f"{self.source}/pages_read")
        yield from self.follow(response)

    def follow(self, response: Response) -> Iterator[scrapy.Request]:
        """Further requests from a page (the sitemap lists everything; adapters override)."""
        return iter(())

    def read(self, response: TextResponse) -> PageRecord:
        html = response.text
        url = self.canonical(response.url)
        entities = []
        for entity in schema_org.entities(html, url):
            self.pre_process_data(entity)
            facts = schema_org.entity_facts(entity)
            if facts:
                entities.append(facts)
        return page_record(html, url, self.crawl_date, entities)

    # Fallback: the home page and same-site links, when the sitemap gave nothing.
    def parse_fallback(self, response: Response, hops: int = 0) -> Iterator[scrapy.Request]:
        yield from self.parse(response)
        if hops >= self.fallback_max_depth or not isinstance(response, TextResponse):
            return
        for href in response.xpath("//a/@href").getall():
            url = urljoin(response.url, href.strip()).split("#", 1)[0]
            if not url.startswith(("http://", "https://")) or not self.same_site(url):
                continue
            if NOT_PAGES.search(urlsplit(url).path):
                continue
            if len(self.pages) >= self.fallback_max_pages:
                return
            yield scrapy.Request(
                self.fetch_url(url), callback=self.parse_fallback, cb_kwargs={"hops": hops + 1}
            )

    def on_idle(self) -> None:
        if not self.pages and not self.fallback_started:
            self.fallback_started = True
            self.crawler.stats.inc_value(f"{self.source}/sitemap_fallback")
            self.logger.warning("no pages from the sitemap; crawling from the home page")
            home = scrapy.Request(self.fetch_origin + "/", callback=self.parse_fallback)
            self.crawler.engine.crawl(home)
            raise DontCloseSpider
        if not self.flushed:
            self.flushed = True
            # Items are yielded from a callback; a data: URL needs no server and no robots.txt.
            flush = scrapy.Request("data:,", callback=self.yield_facilities, dont_filter=True)
            self.crawler.engine.crawl(flush)
            raise DontCloseSpider

    # Facilities: one per location the pages describe.
    def locations(self) -> dict[str, tuple[tuple[str, str] | None, list[PageRecord]]]:
        """``{ref: (address or None, pages)}``: one location unless pages name several."""
        pages = list(self.pages.values())
        addresses: set[tuple[str, str]] = set()
        for page in pages:
            addresses |= page.addresses()
        if len(addresses) <= 1:
            # One program: known by its home page (the shallowest page the crawl read).
            home = min(pages, key=lambda page: (page.depth, page.url)).url if pages else ""
            return {home or self.origin + "/": (None, pages)}
        shared = [page for page in pages if len(page.addresses()) != 1]
        found: dict[str, tuple[tuple[str, str] | None, list[PageRecord]]] = {}
        for address in sorted(addresses):
            own = [page for page in pages if page.addresses() == {address}]
            if not own:
                continue  # named only alongside others (a list of locations): no page of its own
            ref = self.location_ref(address, own)
            found[ref] = (address, own + shared)
        return found

    def location_ref(self, address: tuple[str, str], pages: list[PageRecord]) -> str:
        """The location's page: the shallowest page about it alone."""
        return min(pages, key=lambda page: (page.depth, page.url)).url

    def yield_facilities(self, response: Response) -> Iterator[Facility]:
        for ref, (address, pages) in self.locations().items():
            read = facts_from_pages(pages, self.source, address, self.item_attributes)
            if address is None and "website" not in read.facts:
                read.facts["website"] = ref
            item = site_facility(self.source, ref, ref, self.fetched_at, read)
            yield from self.post_process_item(item, pages)

    # Hooks.
    def pre_process_data(self, entity: dict[str, Any]) -> None:
        """Edit a schema.org entity in place before it is read."""

    def post_process_item(self, item: Facility, pages: list[PageRecord]) -> Iterator[Facility]:
        yield item


def site_facility(
    source: str, ref: str, url: str, fetched_at: datetime, read: SiteFacts
) -> Facility:
    """A facility from a site's facts: a fact read from prose quotes its sentence and names
    its page; availability facts carry the date the site gave them."""
    facility = build_facility(
        source=source,
        ref=ref,
        url=url,
        fetched_at=fetched_at,
        facts=read.facts,
        evidence=read.evidence,
    )
    if read.availability_as_of is not None:
        page = read.facts.get("availability.url") or url  # the page that stated it
        for path, record in facility.provenance.items():
            if path.startswith("availability."):
                facility.provenance[path] = record.model_copy(
                    update={"url": page, "as_of": read.availability_as_of}
                )
    return facility
