"""``make soak``: the API under a steady mixed load for ten minutes, through two rebuilds.

    python bench/soak.py                  # 10 minutes, 8 clients, 2 API workers
    python bench/soak.py --minutes 2      # a short run while developing

The real directory (SAMHSA's 2024 file, made into a feed as ``bench/api_directory.py`` makes
it) is indexed behind an alias of its own, ``soak-facilities``, by ``iop index`` (kept between
runs and reused). ``iop serve --workers 2`` serves it in a subprocess on 127.0.0.1, and
``--clients`` clients (aiohttp), each sending one request after another, send a fixed mix:
60% searches near real facilities, 15% views of facilities those searches found, 15%
referral matches, 10% referral sheets (half HTML, half CSV). At a third and at two thirds of
the time, ``iop index`` rebuilds the directory behind the alias while the API serves, as an
operator's rebuild does.

After ``--warm-up`` seconds of the same load (counted for errors, not timed), it prints every
minute: the requests, the errors (any answer but a 2xx, or none, by status), p50 and p99
latency, and the resident memory of the API's processes (the server, its workers and
multiprocessing's resource tracker, read from /proc; the minute's mean of a sample every
5 s). At the end: the errors (must be 0), p99 per minute, the API's memory in the first
minute against the last (must grow by at most 10%) and whether both rebuilds flipped the
alias and kept every facility; it exits 1 otherwise. Bounded: a time limit on the whole
run, on every request and on each rebuild; all on loopback. The API's log goes to
``var/bench/soak-server.log``.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

SOAK_ALIAS = "soak-facilities"
# Set before the core reads it: whatever the caller's environment says, the soak builds,
# rebuilds and (with --drop) deletes only its own alias's indices.
os.environ["IOP_INDEX_ALIAS"] = SOAK_ALIAS

import aiohttp  # noqa: E402
import httpx2  # noqa: E402
from elasticsearch import Elasticsearch, NotFoundError  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

import local_elasticsearch as es_node  # noqa: E402
from bench.api_bench import PREFERENCES, SERVICE_SETS, api_command, free_port  # noqa: E402
from bench.api_directory import BENCH_DIR, alias_count, real_feed  # noqa: E402
from indexer import lifecycle  # noqa: E402
from iop.es_client import client_options  # noqa: E402
from iop.indices import ALIAS, TEMPLATE  # noqa: E402

SERVER_LOG = BENCH_DIR / "soak-server.log"
REQUEST_TIMEOUT_SECONDS = 30
REBUILD_LIMIT_SECONDS = 600
MEMORY_SAMPLE_SECONDS = 5
MAX_MEMORY_GROWTH = 0.10
MIX = {"search": 60, "facility": 15, "match": 15, "sheet": 10}
PAYMENTS = [(), (), ("medicaid",), ("medicaid", "self_pay"), ("private_insurance",)]
SCHEDULES = [(), (), ("evening",), ("evening", "weekend")]
LANGUAGES = [(), (), (), ("spanish",)]
POPULATIONS = [(), (), ("women",), ("veterans",), ("co_occurring",)]
MATCH_PREFERENCES = [(), ("mat_buprenorphine",), ("telehealth",), ("family_therapy",)]


@dataclass(frozen=True)
class Call:
    kind: str
    method: str
    path: str
    body: dict[str, Any] | None = None


@dataclass
class Plan:
    """What the clients send: searches near real facilities, and views, matches and sheets
    of the facilities that earlier answers named (as a referrer goes from one to the next)."""

    origins: list[tuple[float, float]]
    seen_ids: collections.deque[str] = field(default_factory=lambda: collections.deque(maxlen=2000))
    sheet_urls: collections.deque[str] = field(
        default_factory=lambda: collections.deque(maxlen=500)
    )

    def near_a_facility(self, rng: random.Random) -> tuple[float, float]:
        lat, lon = rng.choice(self.origins)
        return round(lat + rng.gauss(0, 0.1), 5), round(lon + rng.gauss(0, 0.1), 5)

    def next_call(self, rng: random.Random) -> Call:
        kind = rng.choices(list(MIX), list(MIX.values()))[0]
        if kind == "facility" and self.seen_ids:
            return Call("facility", "GET", f"/v1/facilities/{rng.choice(self.seen_ids)}")
        if kind == "match":
            return Call("match", "POST", "/v1/referrals/match", self.patient_needs(rng))
        if kind == "sheet" and (self.sheet_urls or self.seen_ids):
            return self.sheet(rng)
        return self.search(rng)

    def search(self, rng: random.Random) -> Call:
        """As ``make bench-api`` searches: 10-50 miles, IOP and a need or two, mostly best."""
        lat, lon = self.near_a_facility(rng)
        params = {
            "lat": str(lat),
            "lon": str(lon),
            "radius_miles": str(rng.choice([10, 25, 25, 50])),
            "services": ",".join(rng.choice(SERVICE_SETS)),
            "sort": rng.choices(["best", "distance", "wait"], [6, 3, 1])[0],
            "limit": "20",
        }
        if preferred := rng.choice(PREFERENCES):
            params["prefer"] = ",".join(preferred)
        return Call("search", "GET", "/v1/facilities/search?" + urlencode(params))

    def patient_needs(self, rng: random.Random) -> dict[str, Any]:
        lat, lon = self.near_a_facility(rng)
        return {
            "location": {"lat": lat, "lon": lon},
            "radius_miles": rng.choice([10, 25, 50]),
            "required_services": list(rng.choice(SERVICE_SETS[:2])),
            "preferred_services": list(rng.choice(MATCH_PREFERENCES)),
            "payment": list(rng.choice(PAYMENTS)),
            "schedule": list(rng.choice(SCHEDULES)),
            "languages": list(rng.choice(LANGUAGES)),
            "populations": list(rng.choice(POPULATIONS)),
            "include_unknown": rng.random() < 0.5,
            "limit": 10,
        }

    def sheet(self, rng: random.Random) -> Call:
        """A match's sheet (it carries the needs), or a few facilities searches found."""
        if self.sheet_urls and rng.random() < 0.8:
            path = rng.choice(self.sheet_urls)
        else:
            lat, lon = self.near_a_facility(rng)
            ids = rng.sample(list(self.seen_ids), min(5, len(self.seen_ids)))
            path = "/v1/referrals/sheet?" + urlencode(
                {"ids": ",".join(ids), "lat": lat, "lon": lon}
            )
        kind = rng.choice(["html", "csv"])
        chosen = urlencode({"format": kind, "lang": rng.choice(["en", "en", "es"])})
        return Call(f"sheet {kind}", "GET", f"{path}&{chosen}")

    def learn(self, call: Call, answer: dict[str, Any]) -> None:
        self.seen_ids.extend(hit["id"] for hit in answer.get("results", [])[:5])
        if call.kind == "match" and answer.get("sheet_url"):
            self.sheet_urls.append(answer["sheet_url"])


@dataclass
class Minute:
    """What happened in one minute of the run (or in the warm-up)."""

    label: str
    latencies: list[float] = field(default_factory=list)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    rss_mb: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def memory_mb(self) -> float:
        return statistics.fmean(self.rss_mb) if self.rss_mb else float("nan")

    def line(self) -> str:
        errors = ", ".join(f"{status}: {n}" for status, n in sorted(self.errors.items()))
        return (
            f"{self.label:>9}: {len(self.latencies):>6,} requests, "
            f"{self.error_count} errors{f' ({errors})' if errors else ''}, "
            f"p50 {percentile(self.latencies, 50):6.1f} ms, "
            f"p99 {percentile(self.latencies, 99):6.1f} ms, API RSS {self.memory_mb:,.0f} MB, "
            f"load average {os.getloadavg()[0]:.1f}" + "".join(f"; {note}" for note in self.notes)
        )


@dataclass
class Tally:
    """Every answer, by minute and by kind of request."""

    warm_up: Minute = field(default_factory=lambda: Minute("warm-up"))
    current: Minute = field(init=False)
    minutes: list[Minute] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    errors_by_kind: collections.Counter[str] = field(default_factory=collections.Counter)

    def __post_init__(self) -> None:
        self.current = self.warm_up

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        self.current.latencies.append(seconds)
        if error is not None:
            self.current.errors[error] += 1
            self.errors_by_kind[kind] += 1
        if self.minutes:  # the warm-up's answers are not timed
            self.by_kind[kind].append(seconds)

    def next_minute(self) -> Minute:
        done = self.current
        self.current = Minute(f"minute {len(self.minutes) + 1}")
        self.minutes.append(self.current)
        return done


@dataclass
class Rebuild:
    number: int
    seconds: float
    returncode: int
    output: str
    before: str | None
    after: str | None
    count_before: int
    count_after: int

    @property
    def passed(self) -> bool:
        flipped = self.after is not None and self.after != self.before
        return self.returncode == 0 and flipped and self.count_after == self.count_before

    def line(self) -> str:
        verdict = "ok" if self.passed else "FAILED"
        return (
            f"rebuild {self.number} {verdict}: {self.seconds:.1f} s, alias {self.before} -> "
            f"{self.after}, {self.count_before:,} -> {self.count_after:,} facilities"
        )


def percentile(latencies: list[float], p: int) -> float:
    """The ``p``-th percentile in milliseconds (nan with fewer than two answers)."""
    if len(latencies) < 2:
        return float("nan")
    return statistics.quantiles(latencies, n=100, method="inclusive")[p - 1] * 1000


def process_tree_rss_mb(root: int) -> tuple[float, set[int]]:
    """Resident memory of ``root`` and every process under it (the server and its workers),
    and their process ids, from /proc."""
    children: dict[int, list[int]] = collections.defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])  # after the state
            children[parent].append(int(stat.parent.name))
    page, total, seen = os.sysconf("SC_PAGE_SIZE"), 0, set()
    todo = [root]
    while todo:
        pid = todo.pop()
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
            seen.add(pid)
        todo.extend(children.get(pid, []))
    return total / 2**20, seen


def facility_origins(feed: Path) -> list[tuple[float, float]]:
    origins = []
    with feed.open() as lines:
        for line in lines:
            where = json.loads(line).get("location")
            if where:
                origins.append((where["lat"], where["lon"]))
    return origins


def index_command(feed: Path) -> list[str]:
    """A rebuild as an operator runs it: ``iop index FEED``."""
    return [sys.executable, "-m", "cli.main", "index", str(feed), "--quiet"]


def ensure_directory(es_url: str, feed: Path) -> int:
    """The real directory behind the soak's alias; built by ``iop index`` when missing."""
    if alias_count(es_url, ALIAS) == 0:
        print(f"indexing the real directory behind {ALIAS} ...", flush=True)
        env = {**os.environ, "ELASTICSEARCH_URL": es_url}
        subprocess.run(index_command(feed), check=True, cwd=PROJECT_ROOT, env=env, timeout=900)
    return alias_count(es_url, ALIAS)


@contextlib.contextmanager
def api_server(es_url: str, workers: int) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``iop serve`` on a free loopback port, its log in :data:`SERVER_LOG`; stopped after."""
    port = free_port()
    env = {**os.environ, "ELASTICSEARCH_URL": es_url}
    SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
    with SERVER_LOG.open("wb") as log:
        process = subprocess.Popen(
            api_command(port, workers), cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
        )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx2.HTTPError):
                if httpx2.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            if process.poll() is not None:
                raise RuntimeError(f"iop serve exited with {process.returncode}: see {SERVER_LOG}")
            time.sleep(0.1)
        else:
            raise RuntimeError(f"iop serve did not become ready in 30 s: see {SERVER_LOG}")
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def client(
    number: int,
    session: aiohttp.ClientSession,
    url: str,
    plan: Plan,
    tally: Tally,
    stop_at: float,
) -> None:
    """One request after another until ``stop_at``; every answer tallied."""
    rng = random.Random(number)
    while time.monotonic() < stop_at:
        call = plan.next_call(rng)
        started = time.perf_counter()
        error: str | None = None
        try:
            async with session.request(call.method, url + call.path, json=call.body) as response:
                payload = await response.read()
                if not 200 <= response.status < 300:
                    error = str(response.status)
                elif call.kind in ("search", "match"):
                    plan.learn(call, json.loads(payload))
        except (TimeoutError, aiohttp.ClientError) as failure:
            error = type(failure).__name__
            await asyncio.sleep(0.1)  # a server that is down is not asked a thousand times a second
        tally.record(call.kind, time.perf_counter() - started, error)


async def rebuild(
    number: int, at: float, feed: Path, es: Elasticsearch, es_url: str, tally: Tally
) -> Rebuild:
    """At ``at`` (monotonic), ``iop index`` in a subprocess, bounded; checked after."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    before = await asyncio.to_thread(lifecycle.serving_index, es)
    count_before = await asyncio.to_thread(alias_count, es_url, ALIAS)
    tally.current.notes.append(f"rebuild {number} started")
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        *index_command(feed),
        cwd=PROJECT_ROOT,
        env={**os.environ, "ELASTICSEARCH_URL": es_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), REBUILD_LIMIT_SECONDS)
    except TimeoutError:
        process.kill()
        output, _ = await process.communicate()
    finally:
        if process.returncode is None:  # cancelled by the run's time limit
            process.kill()
    seconds = time.monotonic() - started
    tally.current.notes.append(f"rebuild {number} done in {seconds:.1f} s")
    return Rebuild(
        number=number,
        seconds=seconds,
        returncode=process.returncode if process.returncode is not None else -1,
        output=output.decode(errors="replace").strip(),
        before=before,
        after=await asyncio.to_thread(lifecycle.serving_index, es),
        count_before=count_before,
        count_after=await asyncio.to_thread(alias_count, es_url, ALIAS),
    )


async def soak(
    args: argparse.Namespace,
    url: str,
    server_pid: int,
    plan: Plan,
    feed: Path,
    es: Elasticsearch,
    es_url: str,
) -> tuple[Tally, list[Rebuild]]:
    tally = Tally()
    measured_from = time.monotonic() + args.warm_up
    stop_at = measured_from + args.minutes * 60
    connector = aiohttp.TCPConnector(limit=2 * args.clients)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        clients = [
            asyncio.create_task(client(n, session, url, plan, tally, stop_at))
            for n in range(args.clients)
        ]
        third = args.minutes * 60 / 3
        rebuilds = [
            asyncio.create_task(rebuild(n, measured_from + n * third, feed, es, es_url, tally))
            for n in (1, 2)
        ]
        workers: set[int] | None = None
        print(f"API: {len(process_tree_rss_mb(server_pid)[1])} processes", flush=True)
        minute_ends = [measured_from + 60 * m for m in range(args.minutes + 1)]
        for end in minute_ends:
            while (now := time.monotonic()) < end:
                await asyncio.sleep(min(MEMORY_SAMPLE_SECONDS, end - now))
                rss, pids = process_tree_rss_mb(server_pid)
                tally.current.rss_mb.append(rss)
                if workers is not None and pids != workers:
                    tally.current.notes.append(f"API processes changed: {len(pids)} now")
                workers = pids
            print(tally.next_minute().line(), flush=True)
        tally.minutes.pop()  # opened after the last minute: empty
        await asyncio.gather(*clients)
        return tally, list(await asyncio.gather(*rebuilds))


def summary(args: argparse.Namespace, tally: Tally, rebuilds: list[Rebuild]) -> list[str]:
    """The closing lines, and the reasons the soak failed (none when it passed)."""
    minutes = tally.minutes
    requests = sum(len(m.latencies) for m in minutes)
    errors = sum(m.error_count for m in [tally.warm_up, *minutes])
    print(f"\nsoak: {args.minutes} minutes, {args.clients} clients, {args.workers} API workers")
    print(
        f"requests: {requests:,} ({requests / (60 * args.minutes):,.0f}/s); "
        f"errors: {errors} (the warm-up's included)"
    )
    p99s = " ".join(f"{percentile(m.latencies, 99):.0f}" for m in minutes)
    print(f"p99 per minute (ms): {p99s}")
    for kind, latencies in sorted(tally.by_kind.items()):
        print(
            f"  {kind:<10} {len(latencies):>7,} requests, {tally.errors_by_kind[kind]} errors, "
            f"p50 {percentile(latencies, 50):6.1f} ms, p99 {percentile(latencies, 99):6.1f} ms"
        )
    first, last = minutes[0].memory_mb, minutes[-1].memory_mb
    growth = last / first - 1
    memory = " ".join(f"{m.memory_mb:.0f}" for m in minutes)
    print(f"API memory per minute (MB): {memory}")
    print(
        f"API memory: first minute {first:,.0f} MB, last minute {last:,.0f} MB: "
        f"{growth:+.1%} (at most {MAX_MEMORY_GROWTH:+.0%})"
    )
    for done in rebuilds:
        print(done.line())
        if not done.passed:
            print("  " + done.output.replace("\n", "\n  "))
    failures = []
    if errors:
        failures.append(f"{errors} errors")
    if not growth <= MAX_MEMORY_GROWTH:
        failures.append(f"the API's memory grew {growth:+.1%}")
    failures += [f"rebuild {done.number} failed" for done in rebuilds if not done.passed]
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=int, default=10, help="measured minutes (at least 2)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=2, help="API worker processes")
    parser.add_argument("--warm-up", type=float, default=30, help="seconds of load first")
    parser.add_argument("--drop", action="store_true", help="delete the soak's indices after")
    args = parser.parse_args(argv)
    if args.minutes < 2:
        parser.error("--minutes: at least 2 (the first minute's memory is compared with the last)")
    es_url = es_node.start()
    es = Elasticsearch(es_url, request_timeout=120, **client_options())
    feed = real_feed()
    try:
        facilities = ensure_directory(es_url, feed)
        plan = Plan(facility_origins(feed))
        print(
            f"{ALIAS}: {facilities:,} facilities; {args.clients} clients, {args.workers} API "
            f"workers; {args.warm_up:.0f} s warm-up, then {args.minutes} minutes with rebuilds "
            f"at a third and two thirds; {os.cpu_count()} CPUs, load average "
            f"{' '.join(f'{load:.2f}' for load in os.getloadavg())}",
            flush=True,
        )
        hard_limit = args.warm_up + 60 * args.minutes + REBUILD_LIMIT_SECONDS + 120
        with api_server(es_url, args.workers) as (url, process):
            run = soak(args, url, process.pid, plan, feed, es, es_url)
            tally, rebuilds = asyncio.run(asyncio.wait_for(run, hard_limit))
        failures = summary(args, tally, rebuilds)
    finally:
        if args.drop:
            lifecycle.drop_all(es)
            with contextlib.suppress(NotFoundError):
                es.indices.delete_index_template(name=TEMPLATE)
        es.close()
    print("PASS" if not failures else "FAIL: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
