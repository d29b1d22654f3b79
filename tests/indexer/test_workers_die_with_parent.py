"""``kill -9`` of ``iop index`` (the out-of-memory killer, a container stop) leaves no worker
process behind: each would otherwise live on under init, holding its memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from elasticsearch import Elasticsearch

from indexer.prepare import WORKERS_FROM_BYTES
from iop.feeds import feed_line
from tests.factories import make_facility

GENEROUS_SECONDS = 60


def children_of(pid: int) -> set[int]:
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while listed
            continue
        if int(fields[1]) == pid:
            children.add(int(stat.parent.name))
    return children


def is_running(pid: int) -> bool:
    """Alive, and not a zombie waiting for init to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_end_when_iop_index_is_killed(
    es: Elasticsearch, elasticsearch_url: str, tmp_path: Path
) -> None:
    feed = tmp_path / "facilities.ndjson"
    with feed.open("w") as out:
        n = 0
        while out.tell() < WORKERS_FROM_BYTES * 1.2:  # large enough for worker processes
            out.write(feed_line(make_facility(str(n), 35.0 + n / 1e5, -106.6)) + "\n")
            n += 1
    environment = os.environ | {"ELASTICSEARCH_URL": elasticsearch_url, "IOP_PREPARE_WORKERS": "2"}
    index = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "index", str(feed)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + GENEROUS_SECONDS
        while not workers and index.poll() is None and time.monotonic() < deadline:
            workers = children_of(index.pid)
            time.sleep(0.01)
        assert workers, f"iop index started no workers: {index.stderr.read().decode()[-2000:]}"  # type: ignore[union-attr]

        index.send_signal(signal.SIGKILL)
        index.wait(timeout=GENEROUS_SECONDS)

        deadline = time.monotonic() + GENEROUS_SECONDS
        while any(map(is_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if is_running(pid)] == []
    finally:
        for pid in workers | children_of(index.pid):
            if is_running(pid):
                os.kill(pid, signal.SIGKILL)
        index.kill()
        index.communicate()
