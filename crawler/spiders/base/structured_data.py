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
and provenance keep the site's real URLs. ``sitemap_urls`` and ``start_urls`` may be given as
arguments too, comma-separated (``-a sitemap_urls=URL,URL``). A site with ``start_urls`` and no
sitemap finds its sitemaps itself: those its robots.txt names, else ``/sitemap.xml``; with
neither, the crawl follows links from the start URL. ``scope`` (path prefixes) keeps the crawl
to part of a site: sitemap entries and links outside it, or on another host, are not fetched.
Hooks: ``pre_process_data(entity)`` may edit a
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
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler.listing import build_facility
from crawler.resolve.precedence import SourceKind
from crawler.spiders.base import schema_org
from crawler.spiders.base.locations import (
    ABOUT_REACHING_US,
    SiteLocation,
    ordered,
    site_locations,
)
from crawler.spiders.base.origin import FetchedElsewhere
from crawler.spiders.base.pages import (
    PageRecord,
    SiteFacts,
    facts_from_pages,
    organization_facts,
    page_record,
    places_lines,
    without_other_places_lines,
)
from iop.facility import Facility, without_legal_form

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
    scope: tuple[str, ...] = ()  # path prefixes to stay within; empty: the whole site
    # Facilities are built from every page once the crawl runs dry: no page alone is a listing,
    # so the crawl cannot resume from a page journal (crawler.run refuses --jobdir).
    resumable = False
    fallback_max_depth = 3  # hops from the home page when the sitemap fails
    fallback_max_pages = 200

    def __init__(self, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Spider arguments arrive as strings: a list of URLs or paths is comma-separated.
        self.sitemap_urls = url_list(self.sitemap_urls)
        self.start_urls = list(url_list(self.start_urls))
        self.scope = url_list(self.scope)
        if not (self.sitemap_urls or self.start_urls):
            raise ValueError(f"{self.name}: give sitemap_urls or start_urls")
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
        if not self.sitemap_urls:
            # No sitemap given: the ones robots.txt names, else the usual one.
            yield scrapy.Request(
                self.fetch_origin + "/robots.txt",
                callback=self.sitemaps_from_robots,
                errback=self.guess_sitemap,
                dont_filter=True,
            )
        for url in self.sitemap_urls:
            yield self.sitemap_request(url)

    def sitemap_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            self.fetch_url(url), callback=self._parse_sitemap, errback=self.on_sitemap_error
        )

    def sitemaps_from_robots(self, response: Response) -> Iterator[scrapy.Request]:
        named = sitemap_urls_from_robots(response.body, base_url=self.origin + "/")
        on_site = [url for url in named if self.same_site(url)]
        if not on_site:
            yield from self.guess_sitemap(None)
        for url in on_site:
            yield self.sitemap_request(url)

    def guess_sitemap(self, failure: Any) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value(f"{self.source}/sitemap_guessed")
        yield self.sitemap_request(self.origin + "/sitemap.xml")

    def on_sitemap_error(self, failure: Any) -> None:
        self.crawler.stats.inc_value(f"{self.source}/sitemap_failed")

    def in_scope(self, url: str) -> bool:
        """Whether a page (by its real URL) is on this site and within its ``scope``."""
        if not self.same_site(url):
            return False
        path = urlsplit(url).path or "/"
        return not self.scope or any(path.startswith(prefix) for prefix in self.scope)

    def sitemap_filter(self, entries: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for entry in entries:
            loc = self.canonical(entry.get("loc", "").strip())
            is_sitemap = loc.endswith((".xml", ".xml.gz"))
            if not is_sitemap and NOT_PAGES.search(urlsplit(loc).path):
                continue
            if not self.same_site(loc) or not (is_sitemap or self.in_scope(loc)):
                self.crawler.stats.inc_value(f"{self.source}/sitemap_entries_out_of_scope")
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
        parent_marked = False
        found = schema_org.marked(html, url)
        marked = [entity for entity in found if schema_org.wanted(entity)]
        for entity in marked:
            self.pre_process_data(entity)
            parent_marked = parent_marked or schema_org.is_parent(entity)
            facts = schema_org.entity_facts(entity)
            if facts:
                entities.append(facts)
        owner = schema_org.government_owner(marked)
        return page_record(
            html,
            url,
            self.crawl_date,
            entities,
            parent_marked,
            owner,
            not_the_programs=schema_org.peoples_lines(found),
        )

    # Fallback: the home page and same-site links, when the sitemap gave nothing.
    def parse_fallback(self, response: Response, hops: int = 0) -> Iterator[scrapy.Request]:
        yield from self.parse(response)
        if hops >= self.fallback_max_depth or not isinstance(response, TextResponse):
            return
        for href in response.xpath("//a/@href").getall():
            url = urljoin(response.url, href.strip()).split("#", 1)[0]
            if not url.startswith(("http://", "https://")):
                continue
            if not self.in_scope(self.canonical(url)):
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
            first = self.start_urls[0] if self.start_urls else self.origin + "/"
            home = scrapy.Request(self.fetch_url(first), callback=self.parse_fallback)
            self.crawler.engine.crawl(home)
            raise DontCloseSpider
        if not self.flushed:
            self.flushed = True
            # Items are yielded from a callback; a data: URL needs no server and no robots.txt.
            flush = scrapy.Request("data:,", callback=self.yield_facilities, dont_filter=True)
            self.crawler.engine.crawl(flush)
            raise DontCloseSpider

    # Facilities: one per location the pages describe.
    def home(self) -> str:
        """The page the site was listed with; else the shallowest page the crawl read."""
        if self.start_urls:
            return self.canonical(self.start_urls[0])
        if self.pages:
            return min(self.pages.values(), key=lambda page: (page.depth, page.url)).url
        return self.origin + "/"

    def locations(self) -> list[SiteLocation]:
        return site_locations(list(self.pages.values()), self.home(), self.location_ref)

    def location_ref(self, address: tuple[str, str], pages: list[PageRecord]) -> str:
        """The location's page: the shallowest page about it alone (not a translation), before
        a contact or locations page that shows only it beside the site's own address."""
        pages = ordered(pages)
        own = [page for page in pages if not ABOUT_REACHING_US.match(page.names.heading or "")]
        return (own or pages)[0].url

    def yield_facilities(self, response: Response) -> Iterator[Facility]:
        organization = organization_facts(list(self.pages.values()), self.home())
        locations = self.locations()
        listed = places_lines(list(self.pages.values()))
        for location in locations:
            read = facts_from_pages(
                location.pages,
                self.source,
                self.item_attributes,
                place=location.place,
                name=location.name,
                elsewhere=location.elsewhere,
                organization=organization,
            )
            if read.facts.get("name"):
                read.facts["name"] = without_legal_form(read.facts["name"])
            if read.facts.get("phones"):
                read.facts["phones"] = without_other_places_lines(
                    read.facts["phones"], location.place, listed
                )
            if self.start_urls or "website" not in read.facts:
                # The website the program is listed with (as the locator lists an office's
                # organisation's site); its own page is its source, with the evidence.
                read.facts["website"] = self.canonical(
                    self.start_urls[0] if self.start_urls else self.origin + "/"
                )
            item = site_facility(self.source, location.ref, location.ref, self.fetched_at, read)
            problems = [location.set_aside] if location.set_aside else []
            # (a virtual program too: a town and ZIP code, its staff's home offices, is no door)
            if not (item.address.street1 or location.set_aside):
                problems.append(NO_STREET_ADDRESS)
            if problems:
                item.extras["source_problems"] = problems
            yield from self.post_process_item(item, location.pages)

    # Hooks.
    def pre_process_data(self, entity: dict[str, Any]) -> None:
        """Edit a schema.org entity in place before it is read."""

    def post_process_item(self, item: Facility, pages: list[PageRecord]) -> Iterator[Facility]:
        yield item


# Why a site's program is no listing: a referrer could not send a patient to it. A town or a
# P.O. box is not a door, and a place is never guessed from them.
NO_STREET_ADDRESS = "the site states no street address (none, or a P.O. box only)"


def url_list(value: str | Iterable[str]) -> tuple[str, ...]:
    """URLs (or paths) given as a sequence or as one comma-separated string."""
    items = value.split(",") if isinstance(value, str) else value
    return tuple(item.strip() for item in items if item and item.strip())


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
