"""``make bench-index``: how fast ``iop index`` rebuilds the directory, and at what memory.

Two loads through the real rebuild path (:func:`indexer.load.load_feeds`: stream, validate,
carry first_seen over, bulk, check, flip):

1. the real directory, built from SAMHSA's 2024 files in ``data/samhsa`` (or ``--feed``);
2. ``--synthetic N`` facilities (default 1,000,000) drawn from the real directory: each copies
   a random real facility under a new id and a nearby location, listed by place as ``iop
   merge`` writes feeds. The feed is generated after the real directory's loads (timed apart,
   written out to disk before its loads); only the draws, not the facilities, are held in
   memory to be put in order.

Untimed loads of the real directory come first (``--warm-up``, default 6; 0 to time a cold
node). Each load is timed as a first build (no previous index) and as a rebuild over it
(first_seen carried over, every facility looked up in the previous index); the real
directory's pair is timed ``--repeat`` times (default 5) and the median and range printed,
then its floor: Elasticsearch's part of a first build alone, every bulk body made beforehand.
Prints documents/s and the peak resident memory of the load (of this process, and with its
worker processes). Runs under its own alias (``IOP_INDEX_ALIAS``, default
``bench-facilities``) and deletes its indices at the end unless ``--keep``.

    python bench/index_bench.py [--synthetic 1000000] [--skip-real] [--feed FEED] [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

# Before anything reads the alias: the benchmark drops and rebuilds its own, never the demo's.
os.environ.setdefault("IOP_INDEX_ALIAS", "bench-facilities")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from elasticsearch import Elasticsearch, NotFoundError

import local_elasticsearch as es_node
from crawler.listing import build_facility
from indexer import lifecycle
from indexer.bulk import send_chunk
from indexer.load import load_feeds
from indexer.prepare import Context, line_chunks, prepare
from indexer.previous import PreviousIndex
from indexer.settings import IndexerSettings
from iop.es_client import client_options
from iop.facility import Facility, Location, LocationPrecision, facility_id
from iop.feeds import feed_line
from iop.geo import z_order
from iop.indices import ALIAS, TEMPLATE
from iop.paths import SAMHSA_DIR
from iop.samhsa import facts_from_codes, parse_code_list

FETCHED = datetime(2026, 11, 20, tzinfo=UTC)
LAT, LON = "11.125", "-22.125"  # placeholders in templates, replaced per synthetic facility


def real_directory() -> Iterator[Facility]:
    """The 2024 directory as facilities, built the way a crawl builds them."""
    with open(SAMHSA_DIR / "nsumhss2024_su_coordinates.csv", newline="") as f:
        coordinates = {row["facility_id"]: row for row in csv.DictReader(f)}
    with open(SAMHSA_DIR / "nsumhss2024_su_directory.csv", newline="") as f:
        for row in csv.DictReader(f):
            if not row["name1"].strip():
                continue  # the file's footer rows
            codes, _ = parse_code_list(row["service_code_info"])
            facts = facts_from_codes(codes) | {
                "name": row["name1"],
                "address.street1": row["street1"],
                "address.city": row["city"],
                "address.state": row["state"],
                "address.postal_code": row["zip"][:5],
            }
            where = coordinates.get(row["facility_id"])
            if where and where["latitude"]:
                facts["location"] = Location(
                    lat=float(where["latitude"]),
                    lon=float(where["longitude"]),
                    precision=LocationPrecision.STREET,
                    source="samhsa",
                )
            yield build_facility(
                source="samhsa_directory",
                ref=row["facility_id"],
                url=None,
                fetched_at=FETCHED,
                facts=facts,
            )


def write_real_feed(path: Path) -> int:
    count = 0
    with path.open("w") as out:
        for facility in real_directory():
            out.write(feed_line(facility) + "\n")
            count += 1
    return count


def write_synthetic_feed(path: Path, count: int, seed: int = 2026) -> None:
    """``count`` facilities drawn from the real directory, streamed to ``path``."""
    templates = []
    for facility in real_directory():
        if facility.location is None:
            continue
        origin = (facility.location.lat, facility.location.lon)
        facility.location = facility.location.model_copy(update={"lat": 11.125, "lon": -22.125})
        text = feed_line(facility)
        ref = facility.sources[0].ref
        text = text.replace(facility.id, "{id}").replace(f'"ref":"{ref}"', '"ref":"{ref}"')
        templates.append((text.replace("{", "{{").replace("}", "}}"), origin))
    rng = random.Random(seed)
    draws = []
    for n in range(count):
        text_index = rng.randrange(len(templates))
        lat, lon = templates[text_index][1]
        lat = max(-90.0, min(90.0, lat + rng.uniform(-0.05, 0.05)))
        lon = max(-180.0, min(180.0, lon + rng.uniform(-0.05, 0.05)))
        draws.append((z_order(lat, lon), n, text_index, lat, lon))
    draws.sort(key=lambda draw: draw[:2])  # by place, as `iop merge` writes feeds
    with path.open("w", buffering=1 << 20) as out:
        for _, n, text_index, lat, lon in draws:
            ref = f"synthetic-{n}"
            line = (
                templates[text_index][0]
                .replace("{{id}}", facility_id("synthetic", ref))
                .replace("{{ref}}", ref)
                .replace(LAT, f"{lat:.6f}")
                .replace(LON, f"{lon:.6f}")
            )
            out.write(line.replace("{{", "{").replace("}}", "}") + "\n")


def rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss() -> None:
    with contextlib.suppress(OSError):  # Linux only: restart the VmHWM count
        Path("/proc/self/clear_refs").write_text("5")


def session_rss_mb() -> float:
    """Resident memory of every process of this session: this one and its worker processes
    (Elasticsearch runs in a session of its own)."""
    session, total = os.getsid(0), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:  # the session id, after state, ppid, pgrp
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # rss, in pages
    return total / 2**20


@contextlib.contextmanager
def peak_session_rss() -> Iterator[list[float]]:
    """Samples :func:`session_rss_mb` every 0.2 s; the list holds the peak when done."""
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], session_rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()


def timed_load(es: Elasticsearch, feed: Path, label: str, progress: bool) -> float:
    """One load, printed; returns its documents/s."""
    reset_peak_rss()
    started = time.perf_counter()
    with peak_session_rss() as peak:
        report = load_feeds(es, [feed], progress=progress, force=True)
    elapsed = time.perf_counter() - started
    print(
        f"{label}: {report.documents:,} documents in {elapsed:.2f} s = "
        f"{report.documents / elapsed:,.0f} docs/s; peak RSS {rss_mb('VmHWM'):,.0f} MB, "
        f"{peak[0]:,.0f} MB with the worker processes",
        flush=True,
    )
    return report.documents / elapsed


def time_loads(
    es: Elasticsearch, feed: Path, label: str, args: argparse.Namespace, repeat: int = 1
) -> None:
    """``repeat`` times: a first build from ``feed``, then (unless ``--no-rebuild``) a rebuild
    over it. Repeated, the median and the range of each are printed too."""
    kinds = ["first build"] if args.no_rebuild else ["first build", "rebuild over it"]
    rates: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        lifecycle.drop_all(es)
        for kind in kinds:
            rates[kind].append(timed_load(es, feed, f"{label}, {kind}", args.progress))
    for kind, rate in rates.items():
        if len(rate) > 1:
            print(f"{label}, {kind}: {spread(rate)}", flush=True)


def spread(rates: list[float]) -> str:
    return (
        f"median {statistics.median(rates):,.0f} docs/s of {len(rates)} "
        f"(range {min(rates):,.0f} to {max(rates):,.0f})"
    )


def time_elasticsearch_alone(es: Elasticsearch, feed: Path, repeat: int) -> None:
    """The floor under a load: Elasticsearch's part of it, with every bulk body made before the
    clock starts (no validation, no worker processes). Timed are the steps of a first build
    in :func:`indexer.load.load_feeds`: create, bulk, ready to serve, merge, flip."""
    settings = IndexerSettings()
    context = Context(PreviousIndex(), datetime.now(UTC).date(), settings.availability_max_age_days)
    chunks = [
        prepare(chunk, context).bulk for chunk in line_chunks([feed], settings.bulk_chunk_bytes)
    ]
    documents = sum(len(chunk) for chunk in chunks)
    rates = []
    for _ in range(repeat):
        lifecycle.drop_all(es)
        started = time.perf_counter()
        index = lifecycle.create_index(es)
        created = sum(send_chunk(es, index, chunk).created for chunk in chunks)
        if created != documents:
            raise RuntimeError(f"Elasticsearch indexed {created} of {documents} documents")
        lifecycle.ready_to_serve(es, index)
        lifecycle.merge_segments(es, index)
        lifecycle.flip_alias(es, index)
        rates.append(documents / (time.perf_counter() - started))
    label = "real directory, Elasticsearch alone (bulk bodies made before timing)"
    print(f"{label}: {spread(rates)}", flush=True)


def warm_up(es: Elasticsearch, feed: Path, loads: int) -> None:
    """Untimed loads of the real directory: a node's JVM compiles its indexing paths during
    its first loads (a node just started loads at half speed, and needs several to warm up),
    and a refresh runs on a node that has long been up."""
    lifecycle.drop_all(es)
    for n in range(1, loads + 1):
        started = time.perf_counter()
        load_feeds(es, [feed], progress=False, force=True)
        elapsed = time.perf_counter() - started
        print(f"warm-up {n}/{loads} (untimed): the real directory loaded in {elapsed:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=1_000_000, help="0 to skip")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--feed", type=Path, help="index this feed as the real directory")
    parser.add_argument("--no-rebuild", action="store_true", help="time first builds only")
    parser.add_argument(
        "--warm-up", type=int, default=6, help="untimed loads first (0: time a cold node too)"
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="first builds and rebuilds of the real directory"
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench indices")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args()

    es = Elasticsearch(es_node.start(), request_timeout=300, **client_options())
    print(f"alias {ALIAS}; {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="iop-bench-") as scratch:
        directory = args.feed or Path(scratch) / "directory.ndjson"
        if args.feed is None:
            started = time.perf_counter()
            count = write_real_feed(directory)
            print(
                f"built the real directory: {count:,} facilities in "
                f"{time.perf_counter() - started:.1f} s",
                flush=True,
            )
        try:
            warm_up(es, directory, args.warm_up)
            if not args.skip_real:
                time_loads(es, directory, "real directory", args, repeat=args.repeat)
                time_elasticsearch_alone(es, directory, args.repeat)
            if args.synthetic:
                # Generated after the real directory's loads: writing gigabytes just before
                # a small load slowed it by half.
                feed = Path(scratch) / "synthetic.ndjson"
                started = time.perf_counter()
                # In a child process: the memory its draws took would stay in this process
                # and count in the peak memory of the loads.
                with ProcessPoolExecutor(1) as generator:
                    generator.submit(write_synthetic_feed, feed, args.synthetic).result()
                os.sync()  # written out now, not by the kernel during the timed loads
                print(
                    f"generated {args.synthetic:,} synthetic facilities "
                    f"({feed.stat().st_size / 2**30:.1f} GiB) in "
                    f"{time.perf_counter() - started:.1f} s",
                    flush=True,
                )
                time_loads(es, feed, f"synthetic {args.synthetic:,}", args)
        finally:
            if not args.keep:
                lifecycle.drop_all(es)
                with contextlib.suppress(NotFoundError):
                    es.indices.delete_index_template(name=TEMPLATE)


if __name__ == "__main__":
    main()
