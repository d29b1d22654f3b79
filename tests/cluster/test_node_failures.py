"""A three-node cluster on loopback: with one replica, searches never fail while a node is
down, not even during a rebuild, and the cluster goes yellow and back to green.

A slice of the real 2024 directory (New Mexico's rows) goes through the product's own import
(``iop import-directory``) and indexer (``load_feeds``, two shards, one replica); searches run
without a pause through the product's API (in-process, its own Elasticsearch node class)
while nodes are stopped and started. Run with ``make test-cluster`` (marker ``cluster``); the
nodes are stopped and their files removed at the end, failure or not.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from indexer import lifecycle
from indexer.load import LoadReport, load_feeds
from indexer.settings import IndexerSettings
from iop.es_client import client_options
from iop.indices import ALIAS
from iop.paths import PROJECT_ROOT
from local_elasticsearch.cluster import ClusterNode, LocalCluster

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.skipif(
        bool(os.environ.get("ELASTICSEARCH_URL")),
        reason="ELASTICSEARCH_URL is set: no local cluster is started in this run",
    ),
]

DIRECTORY = PROJECT_ROOT / "data" / "samhsa" / "nsumhss2024_su_directory.csv"
STATE = "NM"
# Every IOP within 500 miles of Albuquerque: a search that reads both shards.
SEARCH = "/v1/facilities/search?lat=35.08&lon=-106.65&radius_miles=500&services=iop"
SEARCHES_WHILE_DOWN = 30  # searches that must succeed while a node is down, at least
MAX_SEARCHES = 20_000  # the search loop is bounded in count ...
MAX_SEARCH_SECONDS = 900.0  # ... and in time, whatever happens to the test
WAIT_SECONDS = "120s"


@dataclass
class Searches:
    """What the search loop has seen: answers that were whole, and every other answer."""

    expected_total: int
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def wait_for(self, more: int) -> None:
        """Wait until ``more`` further searches have been answered (or the loop ended)."""
        target = self.ok + len(self.failures) + more
        while self.ok + len(self.failures) < target and not self.done.is_set():
            time.sleep(0.05)


@contextmanager
def searching(client: TestClient, expected_total: int) -> Iterator[Searches]:
    """Search without a pause in a thread until the block ends; a search fails unless it
    answers 200 with every matching facility."""
    searches = Searches(expected_total)
    stop = threading.Event()

    def loop() -> None:
        deadline = time.monotonic() + MAX_SEARCH_SECONDS
        try:
            for _ in range(MAX_SEARCHES):
                if stop.is_set() or time.monotonic() > deadline:
                    return
                try:
                    response = client.get(SEARCH)
                except Exception as error:
                    searches.failures.append(f"{type(error).__name__}: {error}")
                    continue
                if response.status_code != 200:
                    searches.failures.append(f"{response.status_code}: {response.text[:300]}")
                elif response.json()["total"] != expected_total:
                    searches.failures.append(f"partial answer: {response.json()['total']}")
                else:
                    searches.ok += 1
        finally:
            searches.done.set()

    thread = threading.Thread(target=loop, name="searches", daemon=True)
    thread.start()
    try:
        yield searches
    finally:
        stop.set()
        thread.join(timeout=60)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(f"iop-cluster-test-{os.getpid()}", size=3) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """New Mexico's rows of the real directory, through ``iop import-directory``."""
    work = tmp_path_factory.mktemp("feed")
    with DIRECTORY.open(newline="") as source, (work / "nm.csv").open("w", newline="") as out:
        rows = csv.DictReader(source)
        assert rows.fieldnames is not None
        writer = csv.DictWriter(out, rows.fieldnames)
        writer.writeheader()
        writer.writerows(row for row in rows if row["state"] == STATE)
    feed = work / "nm.ndjson"
    command = [sys.executable, "-m", "cli.main", "import-directory", str(work / "nm.csv")]
    done = subprocess.run(
        [*command, "--out", str(feed)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(feed.read_text().splitlines()) > 50
    return feed


def holders(es: Elasticsearch, index: str) -> set[str]:
    """The nodes holding a started copy of a shard of ``index``."""
    shards = es.cat.shards(index=index, format="json", h="node,state")
    return {shard["node"] for shard in shards if shard["state"] == "STARTED"}


def victim(es: Elasticsearch, cluster: LocalCluster, spared: ClusterNode) -> ClusterNode:
    """A node to stop: one holding a copy of the serving index, not ``spared`` (the node the
    API and the indexer talk to), and not the elected master when another qualifies."""
    serving = lifecycle.serving_index(es)
    assert serving is not None
    held = holders(es, serving)
    master = es.cat.master(format="json")[0]["node"]
    candidates = [node for node in cluster.nodes if node != spared and node.name in held]
    candidates.sort(key=lambda node: node.name == master)
    assert candidates, f"no copy of {serving} outside {spared.name}: {held}"
    return candidates[0]


def wait_for_green(cluster: LocalCluster) -> str:
    health = cluster.health(wait_for_status="green", timeout=WAIT_SECONDS)
    assert not health["timed_out"], health
    return str(health["status"])


def wait_for_yellow(cluster: LocalCluster) -> str:
    """Yellow exactly (``wait_for_status=yellow`` also takes green): a copy has no node."""
    deadline = time.monotonic() + 120
    while (status := str(cluster.health()["status"])) != "yellow":
        assert time.monotonic() < deadline, f"the cluster stayed {status}"
        time.sleep(0.2)
    return status


def rebuild_stopping(
    rebuild: Callable[[], LoadReport], es: Elasticsearch, stop: Callable[[], None]
) -> LoadReport:
    """Run ``rebuild``; once its new index exists, call ``stop``; the rebuild's report."""
    before = set(lifecycle.facilities_indices(es))
    with ThreadPoolExecutor(1, thread_name_prefix="rebuild") as pool:
        running = pool.submit(rebuild)
        deadline = time.monotonic() + 120
        while not set(lifecycle.facilities_indices(es)) - before and not running.done():
            assert time.monotonic() < deadline, "the rebuild created no index"
            time.sleep(0.02)
        stop()
        return running.result(timeout=600)


def test_searches_never_fail_while_a_node_is_down(
    cluster: LocalCluster, feed: Path, tmp_path: Path
) -> None:
    entry = cluster.nodes[0]
    es = Elasticsearch(entry.url, request_timeout=120, **client_options())
    settings = IndexerSettings(
        number_of_shards=2, number_of_replicas=1, snapshot_dir=tmp_path / "snapshots"
    )

    def rebuild() -> LoadReport:
        return load_feeds(es, [feed], progress=False, settings=settings)

    first = rebuild()
    assert wait_for_green(cluster) == "green"
    assert len(holders(es, first.index)) == 3  # four shard copies spread over three nodes
    statuses = [cluster.health()["status"]]

    app = create_app(Settings(elasticsearch_url=entry.url))
    with TestClient(app) as client:
        expected = client.get(SEARCH).json()["total"]
        assert expected > 10
        with searching(client, expected) as searches:
            searches.wait_for(SEARCHES_WHILE_DOWN)

            # A node holding copies stops; searches go on, and so does a rebuild.
            down = victim(es, cluster, spared=entry)
            cluster.stop_node(down)
            statuses.append(wait_for_yellow(cluster))
            searches.wait_for(SEARCHES_WHILE_DOWN)
            second = rebuild()
            assert lifecycle.serving_index(es) == second.index
            searches.wait_for(SEARCHES_WHILE_DOWN)
            cluster.start_node(down)
            statuses.append(wait_for_green(cluster))

            # A node stops in the middle of a rebuild: the rebuild still completes.
            down = victim(es, cluster, spared=entry)

            def stop_mid_rebuild() -> None:
                cluster.stop_node(down)
                statuses.append(wait_for_yellow(cluster))

            third = rebuild_stopping(rebuild, es, stop_mid_rebuild)
            assert lifecycle.serving_index(es) == third.index
            assert es.count(index=ALIAS)["count"] == first.documents
            searches.wait_for(SEARCHES_WHILE_DOWN)
            cluster.start_node(down)
            statuses.append(wait_for_green(cluster))
            searches.wait_for(SEARCHES_WHILE_DOWN)

    assert searches.failures == []
    assert searches.ok >= 6 * SEARCHES_WHILE_DOWN
    assert statuses == ["green", "yellow", "green", "yellow", "green"]
