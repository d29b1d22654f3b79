"""A crawl stopped mid-way resumes where it stopped: no finished page is fetched again."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from iop.feeds import read_feed
from replica.findtreatment import running_replica

API_PATH = "/locator/exportsAsJson/v2"


def crawl_command(base_url: str, out: Path, jobdir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cli.main",
        "crawl",
        "findtreatment",
        "--base-url",
        base_url,
        "--out",
        str(out),
        "--jobdir",
        str(jobdir),
        "-a",
        "states=CA,NV,AZ,NM",
    ]


def test_a_stopped_crawl_resumes_without_refetching(tmp_path: Path) -> None:
    fetched: list[str] = []
    out, jobdir = tmp_path / "findtreatment.ndjson", tmp_path / "job"
    with running_replica(on_request=fetched.append) as base_url:
        first = subprocess.Popen(crawl_command(base_url, out, jobdir), stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while sum(API_PATH in f for f in fetched) < 12 and time.monotonic() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGTERM)  # what `kill` and a stopping service manager send
        first.wait(timeout=120)
        stopped_at = len(fetched)
        fetched_first = [f for f in fetched if API_PATH in f]
        facilities_after_stop = sum(1 for _ in read_feed(out))

        second = subprocess.run(
            crawl_command(base_url, out, jobdir), capture_output=True, text=True, timeout=300
        )
        assert second.returncode == 0, second.stderr[-2000:]
        fetched_second = [f for f in fetched[stopped_at:] if API_PATH in f]

    api_fetches = Counter(f for f in fetched if API_PATH in f)
    assert fetched_first and fetched_second, "both runs fetched pages"
    assert max(api_fetches.values()) == 1, [url for url, n in api_fetches.items() if n > 1]

    # The same crawl uninterrupted, for comparison: the resumed one ends with the same feed.
    whole = tmp_path / "whole.ndjson"
    with running_replica() as base_url:
        subprocess.run(
            crawl_command(base_url, whole, tmp_path / "job2"),
            check=True,
            capture_output=True,
            timeout=300,
        )
    resumed_ids = [f.id for f in read_feed(out)]
    assert 0 < facilities_after_stop < len(resumed_ids), "the first run stopped part-way"
    assert len(resumed_ids) == len(set(resumed_ids))
    assert set(resumed_ids) == {f.id for f in read_feed(whole)}
