"""Program websites as data: the sites file data staff edit, one row per site.

``data/sites.csv`` (``IOP_SITES_FILE``) has a header row and these columns (only one of
``start_url`` and ``sitemap_url`` is required; a column may be left out)::

    source,start_url,sitemap_url,scope,locations_page,base_url,spider,notes

- ``source``: the name facts are credited to (letters, digits, ``_``); from the host when empty
  (``www.mesaverde.example`` -> ``mesaverde_example``).
- ``start_url``: where the site starts (its home page); ``sitemap_url``: its sitemap(s). Without
  a sitemap the crawl takes the ones robots.txt names, else ``/sitemap.xml``, else follows links.
- ``scope``: path prefixes the crawl stays within (``/behavioral-health/``); empty: the whole site.
- ``locations_page``: the page listing the program's clinics (``/locations/``); each clinic's own
  page below it becomes one facility.
- ``base_url``: fetch the site from elsewhere (a copy), keeping the real URLs in the facts.
- ``spider``: the rare site that needs code names its spider class; empty: the generic one.
- ``notes``: for people.

Lists (``sitemap_url``, ``scope``) are separated by spaces. A row that does not validate is
reported as ``FILE:LINE: reason`` and left out; the other rows are crawled. The locator API's
``website`` field adds sites too (:func:`sites_from_feeds`): every listed facility's site, with
``origin = locator`` and the listing it came from.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from iop.feeds import read_feed
from iop.paths import DATA_DIR

GENERIC_SPIDER = "website"
WEBSITES = "websites"  # the source that is every site of a sites file (crawler.websites)
COLUMNS = (
    "source",
    "start_url",
    "sitemap_url",
    "scope",
    "locations_page",
    "base_url",
    "spider",
    "notes",
)
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class SitesSettings(BaseSettings):
    """Where the sites file is and which sites the locator API adds (prefix ``IOP_``)."""

    model_config = SettingsConfigDict(env_prefix="IOP_", extra="ignore")

    sites_file: Path = Field(DATA_DIR / "sites.csv", description="The sites file staff edit")
    crawl_locator_websites: bool = Field(
        False,
        description="Crawl every website the locator API lists (production). Off: only "
        "websites on loopback (a replica's) are crawled, so a demo or a test never leaves "
        "the machine",
    )
    website_crawls: int = Field(
        2, ge=1, le=64, description="Processes crawling sites at once (one per CPU)"
    )
    websites_per_process: int = Field(
        25, ge=1, le=1000, description="Sites one process crawls side by side"
    )


class SiteRowError(ValueError):
    """A row of a sites file that cannot be crawled: ``FILE:LINE: reason``."""

    def __init__(self, file: Path | str, line: int, reason: str) -> None:
        super().__init__(f"{file}:{line}: {reason}")
        self.file, self.line, self.reason = str(file), line, reason


@dataclass(frozen=True)
class Site:
    """One program website to crawl."""

    source: str
    start_url: str = ""
    sitemap_url: str = ""  # space-separated
    scope: str = ""  # space-separated path prefixes
    locations_page: str = ""
    base_url: str = ""
    spider: str = ""
    notes: str = ""
    origin: str = "sites file"  # or "locator"
    listed_by: str = ""  # "findtreatment:REF" for a site the locator API listed

    @property
    def host(self) -> str:
        return urlsplit(self.start_url or self.sitemap_url.split()[0]).netloc.lower()

    @property
    def spider_name(self) -> str:
        return self.spider or GENERIC_SPIDER

    def spider_arguments(self) -> dict[str, str]:
        """What the spider is given (``-a NAME=VALUE``): lists comma-separated."""
        if self.spider:  # a site with its own class knows its URLs; only where to fetch
            return {"base_url": self.base_url} if self.base_url else {}
        arguments = {
            "source": self.source,
            "start_urls": self.start_url,
            "sitemap_urls": ",".join(self.sitemap_url.split()),
            "scope": ",".join(self.scope.split()),
            "locations_page": self.locations_page,
            "base_url": self.base_url,
            "listed_by": self.listed_by,
        }
        return {name: value for name, value in arguments.items() if value}

    def row(self) -> dict[str, str]:
        """The row's cells, each on one line (a line break in a note becomes a space)."""
        return {name: " ".join(value.split()) for name, value in asdict(self).items()
                if name in COLUMNS}  # fmt: skip


def source_for(url: str, scope: str = "") -> str:
    """A source name from a site's host and scope (``www.x-y.example``, ``/iop/`` ->
    ``x_y_example_iop``)."""
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    name = re.sub(r"[^a-z0-9]+", "_", f"{host} {scope}".lower()).strip("_")
    return name or "site"


def _url_problem(column: str, url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{column} {url!r} is not an http(s) URL with a host"
    return None


def validate(raw: dict[str, str], file: Path | str, line: int) -> Site:
    """A :class:`Site` from a row's cells, or :class:`SiteRowError` saying what is wrong."""
    cells = {name: (raw.get(name) or "").strip() for name in COLUMNS}

    def fail(reason: str) -> SiteRowError:
        return SiteRowError(file, line, reason)

    if not (cells["start_url"] or cells["sitemap_url"]):
        raise fail("give start_url or sitemap_url")
    if len(cells["start_url"].split()) > 1:
        raise fail("start_url is one URL")
    urls = [("start_url", u) for u in cells["start_url"].split()]
    urls += [("sitemap_url", u) for u in cells["sitemap_url"].split()]
    for column, url in urls:
        if (problem := _url_problem(column, url)) is not None:
            raise fail(problem)
    hosts = {urlsplit(url).netloc.lower() for _, url in urls}
    if len(hosts) > 1:
        raise fail(f"start_url and sitemap_url name different hosts ({', '.join(sorted(hosts))})")
    for prefix in cells["scope"].split():
        if not prefix.startswith("/"):
            raise fail(f"scope {prefix!r} is not a path (it starts with /)")
    locations = cells["locations_page"]
    if locations:
        if "://" in locations:
            if urlsplit(locations).netloc.lower() not in hosts:
                raise fail("locations_page is on another host")
            locations = urlsplit(locations).path
        if not locations.startswith("/"):
            raise fail(f"locations_page {locations!r} is not a path (it starts with /)")
    if cells["base_url"]:
        if (problem := _url_problem("base_url", cells["base_url"])) is not None:
            raise fail(problem)
        if urlsplit(cells["base_url"]).path not in ("", "/"):
            raise fail("base_url is an origin only (scheme, host and port: no path)")
    if cells["spider"] and not SOURCE_NAME.match(cells["spider"]):
        raise fail(f"spider {cells['spider']!r} is not a spider name")
    own_spider = cells["spider"] not in ("", GENERIC_SPIDER)
    if own_spider and any(cells[name] for name in ("scope", "locations_page")):
        raise fail("scope and locations_page are for the generic spider; leave spider empty")
    source = cells["source"] or source_for(urls[0][1], cells["scope"])
    if not SOURCE_NAME.match(source):
        raise fail(f"source {source!r}: lower-case letters, digits and _ only")
    spider = "" if cells["spider"] == GENERIC_SPIDER else cells["spider"]
    return Site(
        source=source,
        start_url=cells["start_url"],
        sitemap_url=" ".join(cells["sitemap_url"].split()),
        scope=" ".join(cells["scope"].split()),
        locations_page=locations,
        base_url=cells["base_url"].rstrip("/"),
        spider=spider,
        notes=cells["notes"],
    )


def same_site(one: Site, other: Site) -> bool:
    """Two rows for one site: the same host and the same scope."""
    return one.host == other.host and set(one.scope.split()) == set(other.scope.split())


def duplicate_of(site: Site, sites: Iterable[Site]) -> str | None:
    """Why ``site`` repeats one of ``sites`` (``None``: it does not)."""
    for other in sites:
        if other.source == site.source:
            return f"source {site.source!r} is already a site ({other.start_url or other.host})"
        if same_site(other, site):
            return f"{site.host} (scope {site.scope or '/'}) is already a site: {other.source}"
    return None


def read_sites(file: Path) -> tuple[list[Site], list[SiteRowError]]:
    """The valid rows of a sites file, and what is wrong with the others (left out)."""
    if not file.exists():
        return [], [SiteRowError(file, 0, "no such sites file")]
    sites: list[Site] = []
    problems: list[SiteRowError] = []
    rows = csv.reader(_without_comments(file.read_text(encoding="utf-8-sig")))
    header: list[str] | None = None
    header_line = 0
    row_start = 1
    for cells in rows:
        line, row_start = row_start, rows.line_num + 1  # a quoted cell may span lines
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header, header_line = [name.strip() for name in cells], line
            unknown = [name for name in header if name not in COLUMNS]
            if unknown:
                message = f"unknown column(s) {', '.join(unknown)}; columns: {', '.join(COLUMNS)}"
                return [], [SiteRowError(file, header_line, message)]
            continue
        if len(cells) > len(header):
            problems.append(SiteRowError(file, line, "more cells than columns"))
            continue
        try:
            site = validate(dict(zip(header, cells, strict=False)), file, line)
        except SiteRowError as error:
            problems.append(error)
            continue
        if (why := duplicate_of(site, sites)) is not None:
            problems.append(SiteRowError(file, line, why))
            continue
        sites.append(site)
    return sites, problems


def _without_comments(text: str) -> Iterator[str]:
    """The file's lines, a comment line (``#``, outside a quoted cell) blanked: lines keep
    their numbers, and a quoted cell may hold a line break."""
    quoted = False
    for line in io.StringIO(text, newline=""):
        if not quoted and line.lstrip().startswith("#"):
            yield "\n"
            continue
        quoted ^= line.count('"') % 2 == 1
        yield line


def add_site(file: Path, raw: dict[str, str]) -> Site:
    """Validate a new row and append it to ``file`` (created with its header); refuses a row
    that is invalid or repeats a site already there (:class:`SiteRowError`)."""
    existing, _ = read_sites(file) if file.exists() else ([], [])
    line = _line_count(file) + 1 if file.exists() else 2
    site = validate(raw, file, line)
    if (why := duplicate_of(site, existing)) is not None:
        raise SiteRowError(file, line, f"not added: {why}")
    new_file = not file.exists() or not file.read_text(encoding="utf-8").strip()
    file.parent.mkdir(parents=True, exist_ok=True)
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    with file.open("a", newline="", encoding="utf-8") as handle:
        if text and not text.endswith("\n"):
            handle.write("\n")
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        if new_file:
            writer.writeheader()
        writer.writerow(site.row())
    return site


def write_sites(file: Path, sites: Iterable[Site]) -> None:
    """A sites file holding ``sites`` (e.g. the demo's, pointed at loopback copies)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for site in sites:
            writer.writerow(site.row())


def _line_count(file: Path) -> int:
    return len(file.read_text(encoding="utf-8").splitlines())


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_public_host(url: str) -> bool:
    """Whether a listing's website names a host on the internet, not one inside the network
    the crawler runs in (an address a facility's self-reported listing must not aim it at:
    ``http://10.0.0.5/``, ``http://169.254.169.254/``, ``http://elasticsearch:9200/``)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    try:
        return ipaddress.ip_address(host).is_global
    except ValueError:
        pass
    internal = host.endswith((".local", ".internal", ".localhost", ".lan", ".home.arpa"))
    return "." in host and not internal


@dataclass
class LocatorWebsites:
    """The sites the locator's listings name, and those left out (and why)."""

    sites: list[Site]
    not_crawled: dict[str, int]  # reason -> how many websites


def sites_from_feeds(
    feeds: Iterable[Path], known: Iterable[Site], crawl_internet: bool
) -> LocatorWebsites:
    """A site for every distinct website the listings of ``feeds`` name (the locator API's
    ``website`` field), linked to the first listing naming it. A website already in the
    sites file is not added twice; one off loopback only when ``crawl_internet``."""
    found = LocatorWebsites([], {})
    taken = list(known)

    def skip(reason: str) -> None:
        found.not_crawled[reason] = found.not_crawled.get(reason, 0) + 1

    for feed in feeds:
        if not feed.exists():
            continue
        for facility in read_feed(feed):
            website = (facility.website or "").strip()
            if not website:
                continue
            if "://" not in website:
                website = "https://" + website
            parts = urlsplit(website)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                skip("not an http(s) URL")
                continue
            if not (crawl_internet or is_loopback(website)):
                skip("on the internet (IOP_CRAWL_LOCATOR_WEBSITES is off)")
                continue
            if not is_loopback(website) and not is_public_host(website):
                skip("not a public internet address")
                continue
            folder = parts.path.rsplit("/", 1)[0] + "/" if parts.path else "/"
            scope = "" if folder == "/" else folder
            record = facility.sources[0]
            site = Site(
                source=source_for(website, scope),
                start_url=website,
                scope=scope,
                origin="locator",
                listed_by=f"{record.source}:{record.ref}",
            )
            if duplicate_of(site, taken) is not None:
                skip("already a site")
                continue
            taken.append(site)
            found.sites.append(site)
    return found
