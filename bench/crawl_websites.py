"""Website crawling speed in pages/s, next to ``scrapy bench`` on the same machine.

    python bench/crawl_websites.py [--seconds 10]

``scrapy bench`` measures Scrapy alone against its own local link farm. Here every fixture
program website (``data/fixtures/sites``) is served on loopback and all their spiders crawl
at once in one process, with the project's pipelines and extraction, but without the polite
delays (AutoThrottle off) and without the HTTP cache, so the number measures the code, not
the manners. Both are printed as pages/s.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from iop.paths import DATA_DIR  # noqa: E402

SITES = DATA_DIR / "fixtures" / "sites"
BENCH_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "HTTPCACHE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "DOWNLOAD_DELAY": 0,
    "LOG_LEVEL": "WARNING",
}


def scrapy_bench(seconds: int) -> float:
    """pages/s of ``scrapy bench`` (Scrapy's own benchmark spider and server)."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),  # outside the project: no project settings
    )
    pages = re.search(r"'response_received_count': (\d+)", done.stderr)
    elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", done.stderr)
    if not (pages and elapsed):
        raise RuntimeError(f"scrapy bench printed no stats:\n{done.stderr[-2000:]}")
    return int(pages.group(1)) / float(elapsed.group(1))


def crawl_sites_in_one_process(out_dir: Path) -> None:
    """Child process: every site spider at once; prints pages and seconds as JSON."""
    from dataclasses import replace

    from scrapy.crawler import CrawlerProcess

    from crawler.run import crawl_settings
    from crawler.sites import read_sites
    from replica.static_sites import serve_site

    rows, _ = read_sites(SITES / "sites.csv")  # each fixture site, as a row of a sites file
    if not rows:
        raise SystemExit("no fixture site has a row")
    # One feed per spider: Scrapy fills %(name)s in the feed URI.
    process = CrawlerProcess(crawl_settings(out_dir / "%(name)s.ndjson", BENCH_SETTINGS))
    crawlers = []
    with ExitStack() as stack:
        for row in rows:
            crawler = process.create_crawler(row.spider_name)
            crawlers.append(crawler)
            copy = replace(row, base_url=stack.enter_context(serve_site(SITES / row.source)))
            process.crawl(crawler, **copy.spider_arguments())
        started = time.perf_counter()
        process.start()
        seconds = time.perf_counter() - started
    pages = sum(c.stats.get_value("response_received_count", 0) for c in crawlers)
    print(json.dumps({"pages": pages, "seconds": seconds, "sites": len(crawlers)}))


def website_pages_per_second() -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, __file__, "--child", out], capture_output=True, text=True, check=True
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["pages"] / result["seconds"], result["pages"], result["sites"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="how long scrapy bench runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        crawl_sites_in_one_process(Path(args.child))
        return
    rate, pages, sites = website_pages_per_second()
    print(f"website spiders  {rate:>8,.1f} pages/s  ({pages} pages of {sites} fixture sites)")
    print(f"scrapy bench     {scrapy_bench(args.seconds):>8,.1f} pages/s  (Scrapy alone)")


if __name__ == "__main__":
    main()
