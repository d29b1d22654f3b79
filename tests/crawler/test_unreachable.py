"""A dead source fails its crawl and the refresh within a minute, naming itself and why.

Dead here means a name that cannot resolve (``.invalid`` is reserved for that) or a loopback
port nothing listens on; nothing leaves the machine.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

TIME_LIMIT = 60  # seconds: a refresh must not hang on a dead source


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def iop(*argv: str, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", *argv],
        capture_output=True,
        text=True,
        env=os.environ | env,
        timeout=3 * TIME_LIMIT,
    )
    return done, time.monotonic() - started


def test_a_crawl_of_a_name_that_does_not_resolve_fails_fast_saying_why(tmp_path: Path) -> None:
    done, took = iop(
        "crawl",
        "findtreatment",
        "--base-url",
        "http://findtreatment.invalid",
        "--out",
        str(tmp_path / "findtreatment.ndjson"),
        "-a",
        "states=NM",
        env={"IOP_VAR_DIR": str(tmp_path / "var")},
    )
    assert done.returncode != 0
    assert took < TIME_LIMIT
    assert "unreachable: DNS lookup failed for findtreatment.invalid" in done.stderr


@pytest.mark.parametrize(
    ("base_url", "why"),
    [
        ("http://findtreatment.invalid", "DNS lookup failed for findtreatment.invalid"),
        ("http://127.0.0.1:{port}", "connection refused by 127.0.0.1:{port}"),
    ],
)
def test_a_refresh_with_a_dead_source_fails_within_a_minute_naming_it(
    tmp_path: Path, elasticsearch_url: str, base_url: str, why: str
) -> None:
    port = closed_port()
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[source]]\nspider = "findtreatment"\n'
        f'args = {{ base_url = "{base_url.format(port=port)}", states = "NM" }}\n'
    )
    done, took = iop(
        "refresh",
        "--config",
        str(sources),
        "--feeds-dir",
        str(tmp_path / "feeds"),
        "--quiet",
        env={"IOP_VAR_DIR": str(tmp_path / "var"), "ELASTICSEARCH_URL": elasticsearch_url},
    )
    assert done.returncode != 0
    assert took < TIME_LIMIT
    said = done.stdout + done.stderr
    assert f"findtreatment failed: unreachable: {why.format(port=port)}" in said
    assert "the previous index is still serving" in said
