"""A crawl killed at any instant (kill -9: the out-of-memory killer, a container stop) resumes
to exactly the listings of an uninterrupted crawl, none lost and none twice, or refuses to
resume, saying why, with a non-zero exit. Never 0 with a loss.

Real crawls in subprocesses against the loopback replica of the FindTreatment API, killed
with SIGKILL at many points: before the first page, while a page's listings are being
written, between pages, and during a resume of a resume.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from replica.findtreatment import running_replica

# One state in pages of 20 rows: about 35 pages and 250 listings, a crawl of a few seconds.
SPIDER_ARGS = ["-a", "states=NM", "-a", "page_size=20"]
RUN_TIMEOUT = 300


@pytest.fixture(scope="module")
def replica() -> Iterator[str]:
    with running_replica() as url:
        yield url


def crawl_command(replica: str, out: Path, jobdir: Path | None) -> list[str]:
    command = [sys.executable, "-m", "cli.main", "crawl", "findtreatment"]
    command += ["--base-url", replica, "--out", str(out), *SPIDER_ARGS]
    return command + (["--jobdir", str(jobdir)] if jobdir is not None else [])


def listing_ids(feed: Path) -> Counter[str]:
    return Counter(json.loads(line)["id"] for line in feed.read_bytes().splitlines())


@pytest.fixture(scope="module")
def uninterrupted(replica: str, tmp_path_factory: pytest.TempPathFactory) -> Counter[str]:
    out = tmp_path_factory.mktemp("whole") / "findtreatment.ndjson"
    subprocess.run(
        crawl_command(replica, out, None), check=True, capture_output=True, timeout=RUN_TIMEOUT
    )
    return listing_ids(out)


def lines_in(feed: Path) -> int:
    return feed.read_bytes().count(b"\n") if feed.exists() else 0


def run_until_killed(replica: str, out: Path, jobdir: Path, listings: int, delay: float) -> bool:
    """Start the crawl; SIGKILL it ``delay`` seconds after it has written ``listings`` more
    listings to the feed. False when it finished first."""
    start = lines_in(out)
    crawl = subprocess.Popen(
        crawl_command(replica, out, jobdir), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + RUN_TIMEOUT
    while lines_in(out) - start < listings and crawl.poll() is None:
        assert time.monotonic() < deadline, "the crawl made no progress"
        time.sleep(0.002)
    time.sleep(delay)
    finished = crawl.poll() is not None
    crawl.kill()
    _, stderr = crawl.communicate(timeout=RUN_TIMEOUT)
    assert not finished or crawl.returncode == 0, stderr.decode()[-2000:]
    return not finished


# Each case: one crawl killed again and again, each time (listings that run wrote, then
# seconds) after it started, then run to its end. Pages hold 20 listings.
KILLS = {
    "at start, then at the first listing": [(0, 0.0), (0, 1.0), (1, 0.0)],
    "while a page's listings are written": [(5, 0.0), (13, 0.001)],
    "between pages, late in the crawl": [(60, 0.02), (40, 0.0)],
}


@pytest.mark.parametrize("kills", KILLS.values(), ids=KILLS.keys())
def test_a_crawl_killed_at_any_moment_resumes_to_the_uninterrupted_listings(
    replica: str,
    uninterrupted: Counter[str],
    tmp_path: Path,
    kills: list[tuple[int, float]],
) -> None:
    out, jobdir = tmp_path / "findtreatment.ndjson", tmp_path / "job"
    partial_feeds = []
    for listings, delay in kills:
        if not run_until_killed(replica, out, jobdir, listings, delay):
            break
        partial_feeds.append(lines_in(out))

    resumed = subprocess.run(
        crawl_command(replica, out, jobdir), capture_output=True, text=True, timeout=RUN_TIMEOUT
    )

    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert 0 < partial_feeds[-1] < sum(uninterrupted.values()), "killed mid-crawl"
    ids = listing_ids(out)
    assert [i for i, n in ids.items() if n > 1] == [], "no listing twice"
    assert set(uninterrupted) - set(ids) == set(), "no listing lost"
    assert set(ids) == set(uninterrupted)


def test_a_job_that_cannot_resume_exactly_refuses_in_words(replica: str, tmp_path: Path) -> None:
    out, jobdir = tmp_path / "findtreatment.ndjson", tmp_path / "job"
    assert run_until_killed(replica, out, jobdir, listings=60, delay=0.2)

    def resume(into: Path) -> subprocess.CompletedProcess[str]:
        command = crawl_command(replica, into, jobdir)
        return subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT)

    other = resume(tmp_path / "other.ndjson")
    assert other.returncode != 0
    assert f"holds the state of the crawl into {out}" in other.stderr
    assert not (tmp_path / "other.ndjson").exists()

    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[: len(lines) // 2]))  # half the listings gone
    lost = resume(out)
    assert lost.returncode != 0
    assert "cannot resume" in lost.stderr
    assert f"{out} holds" in lost.stderr and "listings were lost" in lost.stderr
