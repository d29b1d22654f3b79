"""``iop sites add`` and ``iop sites list``: the program websites data staff add, as rows.

``iop crawl websites`` crawls every row (and the locator's websites) into one feed;
``iop crawl SOURCE`` crawls one row by its source name.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from cli.common import FEEDS_DIR, CommandFailed


def sites_file(args: argparse.Namespace) -> Path:
    from crawler.sites import SitesSettings

    return Path(args.file or SitesSettings().sites_file)


def cmd_add(args: argparse.Namespace) -> None:
    from crawler.sites import SiteRowError, add_site

    raw = {
        "source": args.source or "",
        "start_url": args.url,
        "sitemap_url": " ".join(args.sitemap),
        "scope": " ".join(args.scope),
        "locations_page": args.locations or "",
        "base_url": args.base_url or "",
        "spider": args.spider or "",
        "notes": args.notes or "",
    }
    file = sites_file(args)
    try:
        site = add_site(file, raw)
    except SiteRowError as error:
        raise CommandFailed(str(error)) from None
    print(f"{file}: added {site.source} ({site.start_url})")
    if args.no_crawl:
        return
    out = Path(args.out or FEEDS_DIR / "sites" / f"{site.source}.ndjson")
    print(f"test crawl of {site.source} into {out} ...", flush=True)
    test_crawl(site, out)


def test_crawl(site: Any, out: Path) -> None:
    """Crawl one site and say what was read: each facility, and each quarantined record."""
    from crawler.websites import crawl_site
    from iop.feeds import quarantine_path, read_feed

    record = crawl_site(site, out)
    facilities = list(read_feed(out)) if out.exists() else []
    print(f"{site.source}: {len(facilities)} facilities from {record['pages']} pages ({out})")
    for facility in facilities:
        address = facility.address
        where = ", ".join(
            part for part in (address.street1, address.city, address.state, address.postal_code)
            if part
        )  # fmt: skip
        print(f"  {facility.name or '(no name)'} — {where or 'no address'}: "
              f"{len(facility.provenance)} facts ({facility.sources[0].ref})")  # fmt: skip
    quarantine = quarantine_path(out)
    lines = quarantine.read_text().splitlines() if quarantine.exists() else []
    for line in lines:
        held = json.loads(line)
        name = held["record"].get("name") or held["record"]["sources"][0]["ref"]
        print(f"  quarantined: {name}: {'; '.join(held['reasons'])}")
    if lines:
        print(f"  ({len(lines)} quarantined: {quarantine})")
    if record["exit_code"] or record["finish_reason"] != "finished":
        raise CommandFailed(
            f"the test crawl of {site.source} ended {record['finish_reason']!r}; "
            f"see {record['log']} (the row stays in the sites file)"
        )
    if not facilities and not lines:
        print("  nothing read: check the URL, --sitemap and --scope (the row stays in the file)")


def cmd_list(args: argparse.Namespace) -> None:
    from crawler.sites import read_sites

    file = sites_file(args)
    sites, problems = read_sites(file)
    for site in sites:
        extra = [f"scope {site.scope}"] if site.scope else []
        extra += [f"locations {site.locations_page}"] if site.locations_page else []
        extra += [f"spider {site.spider}"] if site.spider else []
        extra += [f"fetched from {site.base_url}"] if site.base_url else []
        print(f"{site.source}: {site.start_url or site.sitemap_url}"
              + (f" ({', '.join(extra)})" if extra else ""))  # fmt: skip
    for problem in problems:
        print(f"left out: {problem}")
    left_out = f", {len(problems)} rows left out" if problems else ""
    print(f"{len(sites)} sites in {file}{left_out}")


def crawl_websites_command(out: Path, base_url: str | None) -> None:
    """``iop crawl websites``: every row of the sites file, into one feed."""
    from crawler.sites import SitesSettings
    from crawler.websites import crawl_websites, gather_sites, summary_lines

    if base_url:
        raise CommandFailed("--base-url names one site: crawl it alone with `iop crawl SOURCE`")
    rows, rejected, locator = gather_sites(SitesSettings().sites_file)
    run = crawl_websites(rows, out, None, rejected, locator)
    print("\n".join(summary_lines(run)))
    if run["finish_reason"] != "finished":
        raise CommandFailed("no site could be crawled; see each site's .log")


def site_named(source: str, sites: Path | None = None) -> Any:
    """The row of the sites file whose source is ``source`` (``None``: there is none)."""
    from crawler.sites import SitesSettings, read_sites

    rows, _ = read_sites(sites or SitesSettings().sites_file)
    return next((row for row in rows if row.source == source), None)


def crawl_one_site(site: Any, out: Path, base_url: str | None) -> dict[str, Any]:
    """``iop crawl SOURCE``: one row of the sites file, like ``iop crawl SPIDER``."""
    from crawler.run import crawl

    if base_url:
        site = dataclasses.replace(site, base_url=base_url.rstrip("/"))
    record: dict[str, Any] = crawl(site.spider_name, out, site.spider_arguments(), progress=True)
    return record


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sites = commands.add_parser("sites", help="the program websites to crawl (data/sites.csv)")
    actions = sites.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", help="add a program's website and test-crawl it")
    add.add_argument("url", help="where the site starts, e.g. https://www.example.org/")
    add.add_argument(
        "--sitemap", action="append", default=[], metavar="URL",
        help="its sitemap (repeatable; default: those robots.txt names, else /sitemap.xml)",
    )  # fmt: skip
    add.add_argument(
        "--scope", action="append", default=[], metavar="PATH",
        help="stay within this path (repeatable), e.g. /behavioral-health/",
    )  # fmt: skip
    add.add_argument(
        "--locations", metavar="PATH", help="the page listing the program's clinics (/locations/)"
    )
    add.add_argument(
        "--base-url", help="fetch the site from here (a copy), keeping its real URLs in the facts"
    )
    add.add_argument("--source", help="the source name (default: from the host)")
    add.add_argument("--spider", help="the site's own spider, for the rare site that needs code")
    add.add_argument("--notes", help="for people")
    add.add_argument("--file", help="sites file (default: data/sites.csv, IOP_SITES_FILE)")
    add.add_argument(
        "--out", help=f"the test crawl's feed (default: {FEEDS_DIR}/sites/SOURCE.ndjson)"
    )
    add.add_argument("--no-crawl", action="store_true", help="add the row only")
    add.set_defaults(run=cmd_add)

    listing = actions.add_parser("list", help="the sites of the sites file, and rows left out")
    listing.add_argument("--file", help="sites file (default: data/sites.csv, IOP_SITES_FILE)")
    listing.set_defaults(run=cmd_list)
