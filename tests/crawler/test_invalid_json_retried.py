"""An answer of the locator API that is not JSON (cut short, or an HTML error page sent with
HTTP 200) is retried like a 5xx, and fails the crawl like one once the retries are spent.

A tiny server on loopback plays the API; each crawl is an ``iop crawl`` subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crawler.middlewares.retry_backoff import json_problem
from crawler.spiders.findtreatment import API_PATH
from iop.paths import PROJECT_ROOT
from tests.conftest import findtreatment_sample

ROW = findtreatment_sample("2019_charlottesville_25rows_sa_only.json")["rows"][0]
GOOD = json.dumps({"page": 1, "totalPages": 1, "recordCount": 1, "rows": [ROW]}).encode()
CUT_SHORT = GOOD[: len(GOOD) // 2]
ERROR_PAGE = b"<html><body><h1>Service Unavailable</h1></body></html>"


@contextmanager
def locator_api(bad_answers: int, bad: tuple[int, bytes]) -> Iterator[tuple[str, Counter[str]]]:
    """An API that answers each query ``bad_answers`` times with ``bad`` (status, body),
    then with one listing; yields its base URL and the count of requests per query."""
    asked: Counter[str] = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if not self.path.startswith(API_PATH):
                self.send_error(404)
                return
            asked[self.path] += 1
            status, body = bad if asked[self.path] <= bad_answers else (200, GOOD)
            self.send_response(status)
            self.send_header("Content-Type", "text/html" if body[:1] == b"<" else "text/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def crawl(base_url: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "findtreatment.ndjson"
    command = [sys.executable, "-m", "cli.main", "crawl", "findtreatment", "--base-url", base_url]
    done = subprocess.run(
        [*command, "--out", str(out), "-a", "states=RI"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"IOP_VAR_DIR": str(tmp_path / "var")},
    )
    return done, out


@pytest.mark.parametrize(
    "bad",
    [(200, CUT_SHORT), (200, ERROR_PAGE), (503, ERROR_PAGE)],
    ids=["cut-short-json", "html-page-with-200", "503"],
)
def test_a_bad_answer_then_a_good_one_loses_nothing(tmp_path: Path, bad: tuple[int, bytes]) -> None:
    with locator_api(bad_answers=1, bad=bad) as (base_url, asked):
        done, out = crawl(base_url, tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    assert asked and all(count == 2 for count in asked.values())  # each query asked again
    [line] = out.read_text().splitlines()
    assert json.loads(line)["sources"][0]["ref"] == ROW["frid"]
    stats = json.loads(out.with_name("findtreatment.stats.json").read_text())
    assert stats["retry/count"] == len(asked)


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ((200, CUT_SHORT), "invalid JSON answer (Unterminated string"),
        ((200, ERROR_PAGE), "invalid JSON answer (an HTML or XML page, not JSON)"),
        ((503, ERROR_PAGE), "503 Service Unavailable"),
    ],
    ids=["cut-short-json", "html-page-with-200", "503"],
)
def test_bad_answers_to_the_end_fail_the_crawl_saying_why(
    tmp_path: Path, bad: tuple[int, bytes], why: str
) -> None:
    with locator_api(bad_answers=1000, bad=bad) as (base_url, asked):
        done, out = crawl(base_url, tmp_path)

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "crawl ended 'finished' with" in done.stderr
    assert all(count > 1 for count in asked.values())  # retried before giving up
    log = out.with_suffix(".log").read_text()
    assert "Gave up retrying" in log
    assert why in log
    assert not out.read_text().strip()


def test_json_problems_in_words() -> None:
    assert json_problem(GOOD) is None
    assert json_problem(ERROR_PAGE) == "an HTML or XML page, not JSON"
    assert (json_problem(CUT_SHORT) or "").endswith(f"of {len(CUT_SHORT)}")
    assert json_problem(b'{"name": "\xff"}') == "not UTF-8 text"
