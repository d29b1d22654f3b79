"""Crawl the fixture websites (and the real program's site) for real, on loopback, as rows.

Each site folder under ``data/fixtures/sites`` is served by :func:`replica.static_sites.serve_site`
and crawled the product's way: its row of ``data/fixtures/sites/sites.csv`` (the real program's:
``data/sites.csv``), pointed at the loopback copy with ``base_url``, crawled by
:func:`crawler.websites.crawl_websites` (each site in a child process, as ``iop crawl websites``
does); the servers run here and record every path requested. Results are cached for the test
session.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from crawler.sites import Site, read_sites
from crawler.websites import crawl_websites, site_dir
from iop.feeds import read_feed
from iop.paths import DATA_DIR, PROJECT_ROOT
from replica.static_sites import serve_site

FIXTURE_SITES = PROJECT_ROOT / "data" / "fixtures" / "sites"
FIXTURE_SITES_FILE = FIXTURE_SITES / "sites.csv"
PRODUCT_SITES_FILE = DATA_DIR / "sites.csv"
REAL_SITES = PROJECT_ROOT.parent / "shared" / "realworld" / "sites"

# Fast and quiet on loopback; everything else (robots.txt, pipelines) as in production.
TEST_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "HTTPCACHE_ENABLED": False,
    "RETRY_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "EXTENSIONS": {},
}


@dataclass
class SiteCrawl:
    site: str
    spider: str
    facilities: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # paths the site's server was asked for
    stats: dict[str, Any] = field(default_factory=dict)


def expected(site: str) -> dict[str, Any]:
    return json.loads((FIXTURE_SITES / site / "expected.json").read_text())


def fixture_site_names() -> list[str]:
    return sorted(p.name for p in FIXTURE_SITES.iterdir() if (p / "expected.json").exists())


def site_rows(sites_file: Path) -> dict[str, Site]:
    """The rows of a sites file by source; every row must be valid."""
    rows, problems = read_sites(sites_file)
    assert problems == [], [str(problem) for problem in problems]
    return {row.source: row for row in rows}


def crawl_sites(sites: dict[str, tuple[Path, Site]], workdir: Path) -> dict[str, SiteCrawl]:
    """Serve each ``{site: (folder, row)}`` and crawl the rows, pointed at the copies."""
    crawls = {site: SiteCrawl(site, row.spider_name) for site, (_, row) in sites.items()}
    with ExitStack() as stack:
        rows = []
        for site, (folder, row) in sites.items():
            base_url = stack.enter_context(serve_site(folder, crawls[site].requests))
            rows.append(dataclasses.replace(row, base_url=base_url))
        started = time.monotonic()
        out = workdir / "websites.ndjson"
        run = crawl_websites(rows, out, TEST_SETTINGS)
        elapsed = time.monotonic() - started
    for site, crawl in crawls.items():
        feed = site_dir(out) / f"{site}.ndjson"
        assert run["sites"][site]["finish_reason"] == "finished", run["sites"][site]
        crawl.facilities = [json.loads(f.model_dump_json()) for f in read_feed(feed)]
        crawl.stats = json.loads(feed.with_name(f"{site}.stats.json").read_text())
        crawl.stats["elapsed_seconds"] = elapsed
    return crawls


@cache
def crawl_fixture_sites() -> dict[str, SiteCrawl]:
    """Every fixture site, crawled once per test session (both test modules use it)."""
    rows = site_rows(FIXTURE_SITES_FILE)
    assert sorted(rows) == fixture_site_names()
    sites = {name: (FIXTURE_SITES / name, rows[name]) for name in fixture_site_names()}
    return crawl_sites(sites, Path(tempfile.mkdtemp(prefix="site-crawls-")))
