"""Crawl every program website of the sites file (and the ones the locator lists) into one feed.

    python -m crawler.websites OUT.ndjson [sites=FILE] [from_feeds=FEED,FEED]

Sites are crawled in batches: each batch is one child process (Scrapy's reactor runs once per
process) running one crawler per site side by side, ``IOP_WEBSITES_PER_PROCESS`` sites each,
``IOP_WEBSITE_CRAWLS`` processes at a time, so a process's start-up (seconds of imports and
vocabularies) is paid once per batch, not once per site, and a site that breaks stops no other
batch. Each site is crawled by the generic ``website`` spider (or the row's own spider) with
everything a crawl writes kept per site in ``OUT.sites/`` (feed, quarantine, stats, run
record); ``OUT.ndjson`` holds every site's facilities and ``OUT.quarantine.ndjson`` every
site's quarantined records with their reasons. ``OUT.run.json`` is the run record of the whole
crawl, with each site's own (``sites``), the rows of the sites file that were left out and why
(``rejected_rows``), and the locator's websites not crawled and why. A site that fails is in
its record; the crawl fails only when every site did.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.run import field_coverage, run_record_path, stats_path
from crawler.sites import LocatorWebsites, Site, SitesSettings, read_sites, sites_from_feeds
from iop.feeds import quarantine_path
from iop.paths import PROJECT_ROOT


def site_dir(out: Path) -> Path:
    """Where each site's own feed and records go: ``OUT.sites/`` next to ``OUT.ndjson``."""
    return out.with_name(out.stem + ".sites")


def crawl_batch(
    jobs: Sequence[tuple[Site, Path]], log: Path, overrides: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Crawl ``(site, feed)`` jobs side by side in one child process; each site's record."""
    log.parent.mkdir(parents=True, exist_ok=True)
    spec = log.with_suffix(".jobs.json")
    spec.write_text(json.dumps({
        "jobs": [{"site": asdict(site), "out": str(out)} for site, out in jobs],
        "settings": overrides or {},
    }))  # fmt: skip
    with log.open("w") as handle:
        command = [sys.executable, "-m", "crawler.websites", "--batch", str(spec)]
        done = subprocess.run(command, cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT)
    return [site_record(site, out, log, done.returncode) for site, out in jobs]


def site_record(site: Site, out: Path, log: Path, exit_code: int) -> dict[str, Any]:
    path = run_record_path(out)
    record: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    return {
        "source": site.source,
        "start_url": site.start_url or site.sitemap_url,
        "origin": site.origin,
        **({"listed_by": site.listed_by} if site.listed_by else {}),
        "feed": str(out),
        "items": record.get("items", 0),
        "quarantined": record.get("quarantined", 0),
        "pages": record.get("pages", 0),
        "errors": record.get("errors", 0),
        "finish_reason": record.get("finish_reason"),
        "exit_code": exit_code if not record else 0,
        "log": str(log),
    }


def crawl_site(site: Site, out: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """One site into ``out`` (its log: ``out`` with ``.log``); its record."""
    return crawl_batch([(site, out)], out.with_suffix(".log"), overrides)[0]


def site_failed(record: dict[str, Any]) -> bool:
    return bool(record["exit_code"]) or record["finish_reason"] != "finished"


def crawl_websites(
    sites: list[Site],
    out: Path,
    overrides: dict[str, Any] | None = None,
    rejected: list[str] | None = None,
    locator: LocatorWebsites | None = None,
    parallel: int | None = None,
    per_process: int | None = None,
) -> dict[str, Any]:
    """Crawl ``sites`` into ``out`` (see the module's docstring); returns the run record."""
    started_at = datetime.now(UTC)
    settings = SitesSettings()
    folder = site_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    size = per_process or settings.websites_per_process
    batches = [sites[i : i + size] for i in range(0, len(sites), size)]

    def one(numbered: tuple[int, list[Site]]) -> list[dict[str, Any]]:
        number, batch = numbered
        jobs = [(site, folder / f"{site.source}.ndjson") for site in batch]
        return crawl_batch(jobs, folder / f"batch-{number}.log", overrides)

    with ThreadPoolExecutor(parallel or settings.website_crawls) as pool:
        records = [record for done in pool.map(one, enumerate(batches, 1)) for record in done]
    stats: dict[str, int | float] = {}
    with out.open("w") as feed, quarantine_path(out).open("w") as quarantine:
        for record in records:
            site_feed = Path(record["feed"])
            if site_feed.exists():
                feed.write(site_feed.read_text())
            if quarantine_path(site_feed).exists():
                quarantine.write(quarantine_path(site_feed).read_text())
            if stats_path(site_feed).exists():
                for key, value in json.loads(stats_path(site_feed).read_text()).items():
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        stats[key] = stats.get(key, 0) + value
    stats_path(out).write_text(json.dumps(dict(sorted(stats.items())), indent=2) + "\n")
    failed = [record for record in records if site_failed(record)]
    items, coverage = field_coverage(out)
    run = {
        "spider": "websites",
        "feed": str(out),
        "started_at": started_at.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        # One site down is that site's problem (in ``sites``), not the whole source's.
        "finish_reason": "finished" if len(failed) < len(records) or not records else "failed",
        "items": items,
        "quarantined": sum(record["quarantined"] for record in records),
        "errors": 0,
        "pages": sum(record["pages"] for record in records),
        "problems": {key: value for key, value in stats.items() if key.startswith("problems/")},
        "field_coverage": coverage,
        "sites": {record["source"]: record for record in records},
        "failed_sites": [record["source"] for record in failed],
        "rejected_rows": rejected or [],
        "locator_websites_not_crawled": locator.not_crawled if locator else {},
    }
    run_record_path(out).write_text(json.dumps(run, indent=2) + "\n")
    return run


def gather_sites(
    sites_file: Path, from_feeds: Sequence[Path] = ()
) -> tuple[list[Site], list[str], LocatorWebsites]:
    """The sites file's valid rows, then the locator's websites; and the rows left out, why."""
    sites, problems = read_sites(sites_file)
    settings = SitesSettings()
    locator = sites_from_feeds(from_feeds, sites, settings.crawl_locator_websites)
    return sites + locator.sites, [str(problem) for problem in problems], locator


def summary_lines(run: dict[str, Any]) -> list[str]:
    """The crawl in words, site by site: what data staff read after a crawl."""
    out = Path(run["feed"])
    lines = [
        f"{out}: {run['items']} facilities from {len(run['sites'])} sites "
        f"({run['pages']} pages); {run['quarantined']} quarantined ({quarantine_path(out)})"
    ]
    for source, record in run["sites"].items():
        state = "" if not site_failed(record) else f"  FAILED ({record['finish_reason']}"
        state += f", see {record['log']})" if state else ""
        lines.append(
            f"  {source}: {record['items']} facilities, {record['quarantined']} quarantined, "
            f"{record['pages']} pages{state}"
        )
    lines += [f"  left out: {row}" for row in run["rejected_rows"]]
    for reason, count in run["locator_websites_not_crawled"].items():
        lines.append(f"  locator websites not crawled: {count} ({reason})")
    return lines


def _crawl_batch(spec_path: str) -> int:
    """In the child process: one crawler per site, side by side, each writing what ``iop
    crawl`` writes next to its own feed."""
    from scrapy.crawler import Crawler, CrawlerProcess
    from scrapy.settings import Settings

    from crawler import settings as crawler_settings
    from crawler.run import crawl_settings, run_record

    spec = json.loads(Path(spec_path).read_text())
    started_at = datetime.now(UTC)
    shared = Settings()
    shared.setmodule(crawler_settings, priority="project")
    shared.setdict(spec["settings"], priority="cmdline")
    process = CrawlerProcess(shared)  # each crawler has its own settings: its feed and quarantine
    crawlers = []
    for number, job in enumerate(spec["jobs"]):
        site, out = Site(**job["site"]), Path(job["out"])
        spider = process.spider_loader.load(site.spider_name)
        # The first crawler installs the reactor, as CrawlerProcess.create_crawler does.
        crawler = Crawler(spider, crawl_settings(out, spec["settings"]), init_reactor=number == 0)
        process.crawl(crawler, **site.spider_arguments())
        crawlers.append((crawler, site, out))
    process.start()
    for crawler, site, out in crawlers:
        stats = {key: value if isinstance(value, int | float | str | bool | None) else str(value)
                 for key, value in (crawler.stats.get_stats() or {}).items()}  # fmt: skip
        stats_path(out).write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
        record = run_record(site.spider_name, out, stats, started_at)
        run_record_path(out).write_text(json.dumps(record, indent=2) + "\n")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--batch"]:
        return _crawl_batch(argv[1])
    out, *pairs = argv
    arguments = dict(pair.split("=", 1) for pair in pairs)
    sites_file = Path(arguments.get("sites") or SitesSettings().sites_file)
    feeds = [Path(feed) for feed in arguments.get("from_feeds", "").split(",") if feed]
    sites, rejected, locator = gather_sites(sites_file, feeds)
    overrides = json.loads(arguments.get("settings", "{}"))
    run = crawl_websites(sites, Path(out), overrides, rejected, locator)
    print("\n".join(summary_lines(run)))
    return 0 if run["finish_reason"] == "finished" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
