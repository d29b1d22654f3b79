"""The locator API's ``website`` field brings each listed program's site into the crawl.

The replica, in its test mode, lists the fixture programs with their websites served on
loopback. ``iop crawl --all``'s machinery (:func:`crawler.all_sources.crawl_all`) crawls the
locator, then the ``websites`` source: the sites file's rows (none here) and every website the
locator's listings named, each crawled by the generic spider, its facilities linked to the
listing that named the site.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.all_sources import crawl_all
from iop.feeds import read_feed
from replica.findtreatment import running_replica

# Fixture programs in these states: Mesa Verde (NM) and Sunrise Ridge's three clinics (AZ).
STATES = "NM,AZ"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("locator-websites")
    sites_file = out / "sites.csv"
    sites_file.write_text("source,start_url\n")  # no site of its own: only the locator's
    with running_replica(fixture_programs=True) as base_url:
        sources = [
            {"spider": "findtreatment", "args": {"base_url": base_url, "states": STATES}},
            {"spider": "websites",
             "args": {"sites": str(sites_file), "from_feeds": "findtreatment"}},
        ]  # fmt: skip
        run = crawl_all(out, sources, out / "ids.json")
    return {"run": run, "dir": out}


def listings_with_websites(feeds: Path) -> dict[str, str]:
    """``{website: locator ref}``: each website the locator's listings name, with the first
    listing naming it (a group's offices are listed with the group's one website)."""
    listed: dict[str, str] = {}
    for f in read_feed(feeds / "findtreatment.ndjson"):
        if f.website:
            listed.setdefault(str(f.website), f.sources[0].ref)
    return listed


def test_every_listed_website_is_crawled_and_linked_to_its_listing(crawl: dict[str, Any]) -> None:
    feeds: Path = crawl["dir"]
    listed = listings_with_websites(feeds)
    assert len(listed) >= 3  # the sweep's circles also reach a neighbouring state's programs
    assert all(url.startswith("http://127.0.0.1:") for url in listed)
    record = crawl["run"]["sources"]["websites"]
    assert record["exit_code"] == 0
    websites_run = json.loads((feeds / "websites.run.json").read_text())
    sites = websites_run["sites"]
    assert {site["start_url"] for site in sites.values()} == set(listed)
    assert {site["listed_by"] for site in sites.values()} == {
        f"findtreatment:{ref}" for ref in listed.values()
    }
    assert all(site["origin"] == "locator" for site in sites.values())
    assert all(site["finish_reason"] == "finished" for site in sites.values())


def test_the_sites_facilities_carry_what_the_site_says_and_their_listing(
    crawl: dict[str, Any],
) -> None:
    feeds: Path = crawl["dir"]
    listed_by = {f"findtreatment:{ref}" for ref in listings_with_websites(feeds).values()}
    facilities = list(read_feed(feeds / "websites.ndjson"))
    assert facilities
    assert {f.extras["listed_by"] for f in facilities} <= listed_by
    mesa = [f for f in facilities if f.name == "Mesa Verde Recovery Center"]
    assert len(mesa) == 1
    assert mesa[0].website is not None
    assert mesa[0].levels_of_care.iop is True  # read from the site, not the listing
    assert mesa[0].availability.days_to_intake == 2  # "within 48 hours": only the site says
    assert mesa[0].sources[0].source != "findtreatment"


def test_the_merged_facility_joins_the_listing_and_its_site(crawl: dict[str, Any]) -> None:
    feeds: Path = crawl["dir"]
    merged = [
        f for f in read_feed(feeds / "facilities.ndjson") if f.name == "Mesa Verde Recovery Center"
    ]
    assert len(merged) == 1
    sources = {record.source for record in merged[0].sources}
    assert "findtreatment" in sources and len(sources) == 2
