"""``make bench``: search API latency and throughput against raw Elasticsearch, on loopback.

    python bench/api_bench.py                      # the real directory, then 1,000,000 synthetic
    python bench/api_bench.py --scales real --requests 2000
    python bench/api_bench.py --scales 1m --reindex

For each directory (indexed behind its own alias, ``bench-api-real`` / ``bench-api-1m``, and
kept between runs) the script starts ``iop serve`` in a subprocess, then sends the same
searches three ways with 16 concurrent clients (aiohttp): straight to Elasticsearch (the
exact body the API builds), through the API, and through the framework's floor
(:mod:`bench.passthrough_app`: a FastAPI route forwarding that body with the official client,
none of the product's work). It prints p50/p95/p99 latency, requests/s and each one's ratio to
raw. Each run is bounded by a request count and a time limit. Run it alone: on a 2-core
machine anything else running skews it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import httpx2
from prometheus_client.parser import text_string_to_metric_families

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

import local_elasticsearch as es_node  # noqa: E402
from api.config import RankingWeights  # noqa: E402
from api.search.query import search_body  # noqa: E402
from api.search.request import SearchRequest, SortOrder  # noqa: E402
from api.web.form import PAGE_DEFAULTS  # noqa: E402
from bench.api_directory import (  # noqa: E402
    alias_count,
    build_index,
    real_documents,
    real_feed,
    synthetic_documents,
)
from iop.geo import Point  # noqa: E402

SCALES = {"real": None, "1m": 1_000_000}
SERVICE_SETS = [
    ("iop",),
    ("iop", "mat_buprenorphine"),
    ("iop", "medicaid"),
    ("iop", "medicaid", "spanish"),
    ("outpatient",),
]
PREFERENCES = [(), ("medicaid",), ("evening", "spanish"), ("mat_buprenorphine", "medicaid")]


@dataclass(frozen=True)
class Search:
    params: dict[str, str]
    body: bytes

    @property
    def url(self) -> str:
        """The API URL, encoded once up front as the raw body is (so neither side pays twice)."""
        return "/v1/facilities/search?" + urlencode(self.params)

    @property
    def page_url(self) -> str:
        """The results page of the search with facets and 10 results, what a referrer's page
        asks (a ``limit`` in the URL would win over the page's default)."""
        return "/search?" + urlencode({**self.params, **PAGE_DEFAULTS})

    @property
    def page_api_url(self) -> str:
        """The API search the results page makes: the same parameters, to the API."""
        return "/v1/facilities/search?" + urlencode({**self.params, **PAGE_DEFAULTS})


def searches(origins: list[Point], count: int, alias: str) -> list[Search]:
    """Realistic searches: near a facility, 10-50 miles, IOP and a need or two, mostly best."""
    rng = random.Random(16)
    weights = RankingWeights()
    made = []
    for _ in range(count):
        anchor = rng.choice(origins)
        origin = Point(
            round(anchor.lat + rng.gauss(0, 0.1), 5), round(anchor.lon + rng.gauss(0, 0.1), 5)
        )
        radius = rng.choice([10, 25, 25, 50])
        required = rng.choice(SERVICE_SETS)
        preferred = rng.choice(PREFERENCES)
        sort = rng.choices([SortOrder.BEST, SortOrder.DISTANCE, SortOrder.WAIT], [6, 3, 1])[0]
        request = SearchRequest(
            origin=origin,
            radius_miles=float(radius),
            today=date.today(),
            required_services=required,
            preferred_services=preferred,
            sort=sort,
            limit=20,
        )
        body = search_body(request, weights)
        body["size"] = request.limit + 1  # as the API asks
        params = {
            "lat": str(origin.lat),
            "lon": str(origin.lon),
            "radius_miles": str(radius),
            "services": ",".join(required),
            "sort": sort.value,
            "limit": "20",
        }
        if preferred:
            params["prefer"] = ",".join(preferred)
        made.append(Search(params, json.dumps(body).encode()))
    return made


@dataclass
class Result:
    latencies: list[float]
    seconds: float
    errors: int

    def line(self, label: str) -> str:
        q = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return (
            f"{label:<8} n={len(self.latencies):>6}  p50={q[49] * 1000:6.1f} ms  "
            f"p95={q[94] * 1000:6.1f} ms  p99={q[98] * 1000:6.1f} ms  "
            f"{len(self.latencies) / self.seconds:7.1f} req/s  errors={self.errors}"
        )

    def p(self, percentile: int) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[percentile - 1]


async def load(send: Any, work: list[Search], clients: int, max_seconds: float) -> Result:
    """``clients`` concurrent loops over ``work``, until it is done or time is up."""
    latencies: list[float] = []
    errors = 0
    queue = iter(work)
    deadline = time.perf_counter() + max_seconds

    async def client() -> None:
        nonlocal errors
        for item in queue:
            if time.perf_counter() > deadline:
                return
            started = time.perf_counter()
            ok = await send(item)
            latencies.append(time.perf_counter() - started)
            errors += 0 if ok else 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return Result(latencies, time.perf_counter() - started, errors)


async def load_alternating(
    first: Any, second: Any, work: list[Search], clients: int, max_seconds: float, rounds: int = 8
) -> tuple[Result, Result]:
    """Two senders over the same ``work``, a slice at a time in the order AB, BA, AB, …: the
    machine's speed drifts within a minute, and alternating spreads the drift over both."""
    done: tuple[list[Result], list[Result]] = ([], [])
    size = -(-len(work) // rounds)
    for number in range(rounds):
        part = work[number * size : (number + 1) * size]
        order = (0, 1) if number % 2 == 0 else (1, 0)
        for which in order:
            send = (first, second)[which]
            done[which].append(await load(send, part, clients, max_seconds / rounds))
    merged = tuple(
        Result(
            [latency for result in results for latency in result.latencies],
            sum(result.seconds for result in results),
            sum(result.errors for result in results),
        )
        for results in done
    )
    return merged[0], merged[1]


async def run_all(
    es_url: str,
    api_urls: tuple[str, str],
    floor_url: str,
    alias: str,
    work: list[Search],
    args: argparse.Namespace,
) -> tuple[Result, Result, Result, Result, Result, Result, ServerTime]:
    """The same searches straight to Elasticsearch, through the API (on its own node class,
    then on the client's aiohttp node), through the floor app; then the results page and the
    API search it makes (with facets, 10 results), alternating, by all clients and then one
    request at a time."""
    # aiohttp, not httpx: the load generator shares the machine's two cores with what it
    # measures, and httpx spent about 1.2 ms of CPU per request (aiohttp a fraction of that).
    connector = aiohttp.TCPConnector(limit=3 * args.clients)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        headers = {"content-type": "application/json"}

        def posting(url: str) -> Callable[[Search], Awaitable[bool]]:
            async def post(item: Search) -> bool:
                async with session.post(url, data=item.body, headers=headers) as response:
                    await response.read()
                    return response.status == 200

            return post

        def through(api_url: str, path: str = "url") -> Callable[[Search], Awaitable[bool]]:
            async def get(item: Search) -> bool:
                async with session.get(api_url + getattr(item, path)) as response:
                    await response.read()
                    return response.status == 200

            return get

        senders = (
            posting(f"{es_url}/{alias}/_search"),
            through(api_urls[0]),
            through(api_urls[1]),
            posting(f"{floor_url}/search"),
            through(api_urls[0], "page_api_url"),
            through(api_urls[0], "page_url"),
        )
        warmup, measured = work[: args.warmup], work[args.warmup :]
        for send in senders:
            await load(send, warmup, args.clients, args.seconds)
        raw, api, api_aiohttp, floor = [
            await load(s, measured, args.clients, args.seconds) for s in senders[:4]
        ]
        page_api, page = await load_alternating(*senders[4:], measured, args.clients, args.seconds)
        before = await server_seconds(session, api_urls[0])
        alone = await load_alternating(*senders[4:], measured[: args.alone], 1, args.seconds)
        after = await server_seconds(session, api_urls[0])
        spent = {
            route: (after[route][0] - before[route][0]) / (after[route][1] - before[route][1])
            for route in (PAGE_ROUTE, API_ROUTE)
        }
        server = ServerTime(spent[PAGE_ROUTE] * 1000, spent[API_ROUTE] * 1000, alone[1], alone[0])
        return raw, api, api_aiohttp, floor, page_api, page, server


# The API's own histogram of the time it spent on each request, per route (api.observability).
SERVER_SECONDS = "iop_api_request_duration_seconds"
PAGE_ROUTE, API_ROUTE = "/search", "/v1/facilities/search"


async def server_seconds(session: aiohttp.ClientSession, api_url: str) -> dict[str, list[float]]:
    """``{route: [seconds, requests]}`` the API has spent answering GETs, from ``/metrics``."""
    async with session.get(api_url + "/metrics") as response:
        text = await response.text()
    spent: dict[str, list[float]] = {}
    for family in text_string_to_metric_families(text):
        if family.name != SERVER_SECONDS:
            continue
        for sample in family.samples:
            kind = sample.name.removeprefix(SERVER_SECONDS)
            if kind in ("_sum", "_count") and sample.labels["method"] == "GET":
                totals = spent.setdefault(sample.labels["route"], [0.0, 0.0])
                totals[kind == "_count"] += sample.value
    return spent


@dataclass(frozen=True)
class ServerTime:
    """The page and the API search it makes, one request at a time: the mean time the server
    spent on each (its own measure), and what the client waited."""

    page_ms: float
    api_ms: float
    page: Result
    api: Result

    def line(self) -> str:
        return (
            f"server time, one request at a time: results page {self.page_ms:.2f} ms, API "
            f"{self.api_ms:.2f} ms: {self.page_ms / self.api_ms:.2f}x (target: at most 1.2x); "
            f"client p50 {self.page.p(50) / self.api.p(50):.2f}x, "
            f"p99 {self.page.p(99) / self.api.p(99):.2f}x"
        )


def ratio_line(label: str, measured: Result, raw: Result) -> str:
    throughput = raw.seconds / len(raw.latencies) * len(measured.latencies) / measured.seconds
    return (
        f"{label}: p50 {measured.p(50) / raw.p(50):.2f}x  p99 {measured.p(99) / raw.p(99):.2f}x  "
        f"throughput {throughput:.2f}x of raw"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def api_command(port: int, workers: int) -> list[str]:
    serve = [sys.executable, "-m", "cli.main", "serve", "--port", str(port)]
    return [*serve, "--workers", str(workers)]


def floor_command(port: int, workers: int) -> list[str]:
    """The pass-through app (:mod:`bench.passthrough_app`), served as ``iop serve`` serves."""
    uvicorn = [sys.executable, "-m", "uvicorn", "bench.passthrough_app:app", "--no-access-log"]
    return [*uvicorn, "--port", str(port), "--workers", str(workers), "--log-level", "warning"]


@contextmanager
def server(
    command: Callable[[int, int], list[str]],
    es_url: str,
    alias: str,
    workers: int,
    node: str = "httptools",
) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "IOP_INDEX_ALIAS": alias,
        "ELASTICSEARCH_URL": es_url,
        "IOP_ELASTICSEARCH_NODE": node,
    }
    process = subprocess.Popen(
        command(port, workers),
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx2.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx2.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError(f"{command.__name__}: the server did not become ready")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def ensure_directory(es_url: str, scale: str, reindex: bool) -> tuple[str, list[Point]]:
    alias = f"bench-api-{scale}"
    templates = real_documents(real_feed())
    located = [t["location"] for t in templates if t.get("location")]
    origins = [Point(where["lat"], where["lon"]) for where in located]
    wanted = len(templates) if SCALES[scale] is None else SCALES[scale]
    assert wanted is not None
    if reindex or alias_count(es_url, alias) != wanted:
        print(f"indexing {wanted:,} facilities behind {alias} ...", file=sys.stderr)
        started = time.monotonic()
        documents = templates if SCALES[scale] is None else synthetic_documents(templates, wanted)
        build_index(es_url, alias, documents, wanted)
        print(f"  done in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return alias, origins


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="real,1m", help="comma-separated: real, 1m")
    parser.add_argument("--requests", type=int, default=3000, help="measured requests per run")
    # Right after bench-index (as in `make bench`) the node is cold: after 300 warm-up
    # searches the real directory's raw p50 came out at 20 ms, against 12 ms a minute later.
    parser.add_argument("--warmup", type=int, default=1000, help="untimed searches first")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per run")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--alone", type=int, default=1000, help="page and API searches sent one at a time"
    )
    parser.add_argument("--workers", type=int, default=1, help="API worker processes")
    parser.add_argument("--reindex", action="store_true")
    args = parser.parse_args(argv)
    if args.workers != 1:
        # Each worker keeps its own /metrics: one worker's counts say nothing of the others'.
        parser.error("--workers: the server time is read from one worker's /metrics; use 1")
    es_url = es_node.start()
    for scale in args.scales.split(","):
        alias, origins = ensure_directory(es_url, scale, args.reindex)
        work = searches(origins, args.warmup + args.requests, alias)
        with (
            server(api_command, es_url, alias, args.workers) as api_url,
            server(api_command, es_url, alias, args.workers, "aiohttp") as api_aiohttp_url,
            server(floor_command, es_url, alias, args.workers) as floor_url,
        ):
            api_urls = (api_url, api_aiohttp_url)
            raw, api, api_aiohttp, floor, page_api, page, alone = asyncio.run(
                run_all(es_url, api_urls, floor_url, alias, work, args)
            )
        print(f"\n{scale}: {alias_count(es_url, alias):,} facilities, {args.clients} clients")
        print(raw.line("raw ES"))
        print(api.line("API"))
        print(api_aiohttp.line("API, aiohttp node"))
        print(floor.line("floor"))
        print(ratio_line("API/raw", api, raw))
        print(ratio_line("API (aiohttp node)/raw", api_aiohttp, raw))
        print(page_api.line("API, as the results page asks"))
        print(page.line("results page"))
        print(ratio_line("results page/API, all clients", page, page_api))
        print(alone.line())
        print(ratio_line("floor/raw", floor, raw) + "  (FastAPI + client, no product logic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
