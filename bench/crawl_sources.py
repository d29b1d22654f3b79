"""Crawl throughput of the sources that run offline, in records per second.

    python bench/crawl_sources.py                        # directory, FindTreatment replica, board
    python bench/crawl_sources.py --sources directory --repeat 3
    python bench/crawl_sources.py --states NM,AZ          # a smaller FindTreatment sweep

Each crawl is an ``iop`` subprocess (Scrapy's reactor runs once per process), as in production.
Two rates are printed: over the wall clock of the whole command (start-up, reading the tables,
writing the run record included) and over Scrapy's own ``elapsed_time_seconds``. A record is a
facility written to the feed or to the quarantine file: both went through every pipeline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from iop.paths import SAMHSA_DIR  # noqa: E402

DIRECTORY = SAMHSA_DIR / "nsumhss2024_su_directory.csv"


@dataclass(frozen=True)
class Result:
    source: str
    records: int
    quarantined: int
    wall_seconds: float
    crawl_seconds: float

    def line(self) -> str:
        total = self.records + self.quarantined
        return (
            f"{self.source:<18} {total:>7,} records ({self.quarantined:,} quarantined)  "
            f"{total / self.wall_seconds:>8,.0f} records/s wall ({self.wall_seconds:.1f} s)  "
            f"{total / max(self.crawl_seconds, 1e-9):>8,.0f} records/s in Scrapy "
            f"({self.crawl_seconds:.1f} s)"
        )


def timed(source: str, argv: list[str], out: Path) -> Result:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", *argv, "--out", str(out)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{source}: `iop {' '.join(argv)}` failed:\n{done.stdout}{done.stderr}")
    stats = json.loads(out.with_name(out.stem + ".stats.json").read_text())
    return Result(
        source,
        int(stats.get("item_scraped_count", 0)),
        int(stats.get("quarantine/records", 0)),
        wall,
        float(stats.get("elapsed_time_seconds", wall)),
    )


def findtreatment_replica() -> AbstractContextManager[str]:
    from replica.findtreatment import running_replica

    return running_replica()


Bench = tuple[Callable[[], AbstractContextManager[str | None]], Callable[[str | None], list[str]]]


def benches(states: str) -> dict[str, Bench]:
    """``{source: (what to run around the crawl, the crawl's iop arguments)}``."""
    findtreatment_args = ["-a", f"states={states}"] if states else []
    return {
        "directory": (nullcontext, lambda _: ["import-directory", str(DIRECTORY)]),
        "findtreatment": (
            findtreatment_replica,
            lambda url: ["crawl", "findtreatment", "--base-url", str(url), *findtreatment_args],
        ),
        "pinon_county": (nullcontext, lambda _: ["crawl", "pinon_county"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default="directory,findtreatment,pinon_county")
    parser.add_argument("--states", default="", help="limit the FindTreatment sweep, e.g. NM,AZ")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    available = benches(args.states)
    with tempfile.TemporaryDirectory(prefix="iop-bench-") as scratch:
        for source in args.sources.split(","):
            around, arguments = available[source]
            with around() as url:
                for run in range(args.repeat):
                    out = Path(scratch) / f"{source}-{run}.ndjson"
                    print(timed(source, arguments(url), out).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
