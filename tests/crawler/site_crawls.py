"""Crawl the fixture websites (and the real program's site) for real, on loopback.

Each site folder under ``data/fixtures/sites`` is served by :func:`replica.static_sites.serve_site`
and crawled by its spider (named in its ``expected.json``). Scrapy's reactor runs once per
process, so all spiders run together in one child process (``python -m tests.crawler.site_crawls``);
the servers run here and record every path requested. Results are cached for the test session.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from iop.paths import PROJECT_ROOT
from replica.static_sites import serve_site

FIXTURE_SITES = PROJECT_ROOT / "data" / "fixtures" / "sites"
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


def crawl_sites(sites: dict[str, tuple[Path, str]], workdir: Path) -> dict[str, SiteCrawl]:
    """Serve each ``{site: (folder, spider)}`` and crawl them all in one child process."""
    crawls = {site: SiteCrawl(site, spider) for site, (_, spider) in sites.items()}
    jobs = []
    with ExitStack() as stack:
        for site, (folder, spider) in sites.items():
            base_url = stack.enter_context(serve_site(folder, crawls[site].requests))
            jobs.append({"site": site, "spider": spider, "base_url": base_url,
                         "out": str(workdir / f"{site}.ndjson")})  # fmt: skip
        spec = workdir / "jobs.json"
        spec.write_text(json.dumps({"jobs": jobs, "settings": TEST_SETTINGS}))
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "tests.crawler.site_crawls", str(spec)],
            cwd=PROJECT_ROOT,
            check=True,
            timeout=300,
        )
        elapsed = time.monotonic() - started
    for job in jobs:
        crawl = crawls[job["site"]]
        out = Path(job["out"])
        crawl.facilities = [json.loads(line) for line in out.read_text().splitlines() if line]
        crawl.stats = json.loads(out.with_suffix(".stats.json").read_text())
        crawl.stats["elapsed_seconds"] = elapsed
    return crawls


@cache
def crawl_fixture_sites() -> dict[str, SiteCrawl]:
    """Every fixture site, crawled once per test session (both test modules use it)."""
    sites = {
        name: (FIXTURE_SITES / name, expected(name)["spider"]) for name in fixture_site_names()
    }
    return crawl_sites(sites, Path(tempfile.mkdtemp(prefix="site-crawls-")))


def _run_jobs(spec_path: str) -> None:
    """In the child process: every job's spider in one CrawlerProcess; items to NDJSON."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler import settings as crawler_settings

    spec = json.loads(Path(spec_path).read_text())
    settings = Settings()
    settings.setmodule(crawler_settings, priority="project")
    for key, value in spec["settings"].items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=True)
    crawlers = []
    for job in spec["jobs"]:
        out = Path(job["out"])
        out.write_text("")
        crawler = process.create_crawler(job["spider"])

        def scraped(item: Any, out: Path = out) -> None:
            with out.open("a") as feed:
                feed.write(item.model_dump_json() + "\n")

        crawler.signals.connect(scraped, signal=signals.item_scraped, weak=False)
        process.crawl(crawler, base_url=job["base_url"])
        crawlers.append((crawler, out))
    process.start()
    for crawler, out in crawlers:
        stats = {k: v if isinstance(v, int | float | str) else str(v)
                 for k, v in (crawler.stats.get_stats() or {}).items()}  # fmt: skip
        out.with_suffix(".stats.json").write_text(json.dumps(stats))


if __name__ == "__main__":
    _run_jobs(sys.argv[1])
