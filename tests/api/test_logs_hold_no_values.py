"""No request value reaches a log, on any path, errors included.

The API runs as ``iop serve`` runs it (uvicorn, in a process of its own, its output captured)
and is sent a marker through every error a client can cause: bad parameters, bad bodies, NaN,
oversized bodies, edited cursors, unknown ids, a refusal by Elasticsearch, Elasticsearch away,
and an Elasticsearch whose answer breaks the API (an unhandled exception). The marker must be
in no line the process printed and in no file it wrote.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx2 as httpx
import pytest
from elasticsearch import Elasticsearch

from iop.documents import facility_mappings
from iop.paths import PROJECT_ROOT
from tests.api.conftest import ORIGIN
from tests.api.test_errors import free_port

MARKER = "zqxmarker7731"
CURSOR_KEY = "a-cursor-key-for-the-log-tests-only-0123456789"
STARTUP_SECONDS = 60.0
RUNNING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")
WHERE = {"lat": ORIGIN[0], "lon": ORIGIN[1]}
MATCH = "/v1/referrals/match"
MANY_LANGUAGES = [f"{MARKER}{n}" for n in range(21)]  # one more than a request may name


@dataclass(frozen=True)
class Served:
    url: str
    folder: Path  # the process's working directory, HOME and TMPDIR


@contextmanager
def served(folder: Path, elasticsearch_url: str, alias: str) -> Iterator[Served]:
    """The API as ``iop serve`` serves it, on a free loopback port, until the block ends."""
    folder.mkdir(parents=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "PYTHONUNBUFFERED": "1",
        "ELASTICSEARCH_URL": elasticsearch_url,
        "IOP_INDEX_ALIAS": alias,
        "IOP_CURSOR_KEY": CURSOR_KEY,
        "HOME": str(folder),
        "TMPDIR": str(folder),
    }
    command = [sys.executable, "-c", "from cli.serve import serve; serve('127.0.0.1', 0)"]
    with (
        (folder / "stdout.log").open("wb") as stdout,
        (folder / "stderr.log").open("wb") as stderr,
    ):
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=stdout, stderr=stderr)
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not (found := RUNNING.search((folder / "stderr.log").read_text())):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "stderr.log").read_text())
                time.sleep(0.05)
            yield Served(f"http://127.0.0.1:{found.group(1)}", folder)
        finally:
            process.terminate()
            process.wait(timeout=30)


def written(folder: Path) -> dict[Path, str]:
    return {
        path: path.read_bytes().decode("utf-8", "replace")
        for path in folder.rglob("*")
        if path.is_file()
    }


def raw_request(url: str, data: bytes) -> bytes:
    """Bytes sent as they are (a request no HTTP client would send); the server's answer."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(data)
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except TimeoutError:
            pass  # answered, and kept the connection open
        return answer


def chunked_post(url: str, path: str, chunks: list[bytes]) -> int:
    """A body sent in chunks (no Content-Length); the status of the answer."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    try:
        for chunk in chunks:
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        connection.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server answered and closed before the last chunk: as it should
    status = connection.getresponse().status
    connection.close()
    return status


def assert_no_marker(folder: Path) -> None:
    files = written(folder)
    assert files, "the server wrote no log at all"
    for path, text in files.items():
        assert MARKER not in text, f"{path.name}: {text[text.index(MARKER) - 300 :][:600]}"


def client_errors(url: str) -> dict[str, int]:
    """Every 4xx a client can cause with the marker in its request, by what was sent."""
    search = f"{url}/v1/facilities/search"
    with httpx.Client(timeout=30) as http:
        first = http.get(search, params={**WHERE, "radius_miles": 50, "limit": 1}).json()
        cursor = first["next_cursor"]
        payload, signature = cursor.split(".")
        statuses = {
            "unknown service": http.get(search, params={**WHERE, "services": MARKER}),
            "unknown place": http.get(search, params={"near": f"{MARKER}, ZZ"}),
            "text for a number": http.get(search, params={"lat": MARKER, "lon": 1}),
            "unknown ownership": http.get(search, params={**WHERE, "ownership": MARKER}),
            "too many languages": http.get(
                search, params={**WHERE, "languages": ",".join(MANY_LANGUAGES)}
            ),
            "a long text": http.get(search, params={**WHERE, "prefer": MARKER * 100}),
            "a made-up cursor": http.get(search, params={**WHERE, "cursor": f"{MARKER}.x"}),
            "an edited cursor": http.get(
                search, params={**WHERE, "cursor": f"{payload}{MARKER}.{signature}"}
            ),
            "a cursor of another search": http.get(
                search, params={**WHERE, "prefer": "spanish", "cursor": cursor}
            ),
            "an unknown parameter": http.get(search, params={**WHERE, MARKER: MARKER}),
            "an unknown language": http.get(search, params={**WHERE, "languages": MARKER}),
            "an unknown facility": http.get(f"{url}/v1/facilities/fac_{MARKER}"),
            "a long facility id": http.get(f"{url}/v1/facilities/{MARKER * 50}"),
            "an unknown facility's HSDS": http.get(f"{url}/v1/facilities/{MARKER}/hsds"),
            "an unknown HSDS id": http.get(f"{url}/hsds/services/{MARKER}"),
            "an unknown id on a sheet": http.get(
                f"{url}/v1/referrals/sheet", params={"ids": MARKER}
            ),
            "a key that is no key": http.get(f"{url}/v1/admin/runs", headers={"X-API-Key": MARKER}),
            "a referral's unknown code": http.post(
                f"{url}{MATCH}", json={"location": {"zip": "87102"}, "payment": [MARKER]}
            ),
            "a referral's unknown field": http.post(
                f"{url}{MATCH}", json={"location": {"zip": "87102"}, MARKER: MARKER}
            ),
            "a referral's NaN": http.post(
                f"{url}{MATCH}",
                content=f'{{"location": {{"lat": NaN, "lon": 1}}, "state": "{MARKER}"}}',
                headers={"Content-Type": "application/json"},
            ),
            "a referral that is no JSON": http.post(
                f"{url}{MATCH}",
                content=f'{{"location": {MARKER}',
                headers={"Content-Type": "application/json"},
            ),
            "a referral with too many languages": http.post(
                f"{url}{MATCH}", json={"location": {"zip": "87102"}, "languages": MANY_LANGUAGES}
            ),
            "a referral over the size limit": http.post(
                f"{url}{MATCH}", json={"location": {"zip": "87102"}, "pad": MARKER * 10_000}
            ),
            "a referral for an unknown language": http.post(
                f"{url}{MATCH}", json={"location": {"zip": "87102"}, "languages": [MARKER]}
            ),
        }
    answers = {what: response.status_code for what, response in statuses.items()}
    chunks = [json.dumps({"pad": MARKER * 100}).encode()] * 100
    answers["a referral over the size limit, in chunks"] = chunked_post(url, MATCH, chunks)
    answers["a method that is no method"] = int(
        raw_request(url, f"{MARKER} / HTTP/1.1\r\nHost: x\r\n\r\n".encode()).split()[1]
    )
    answers["a header line that is no header"] = int(
        raw_request(url, f"GET / HTTP/1.1\r\n{MARKER}\r\n\r\n".encode()).split()[1]
    )
    return answers


def test_no_request_value_reaches_a_log_through_any_client_error(
    elasticsearch_url: str, indexed, tmp_path: Path
) -> None:
    alias = os.environ["IOP_INDEX_ALIAS"]
    with served(tmp_path / "api", elasticsearch_url, alias) as server:
        answers = client_errors(server.url)
    assert {what: status for what, status in answers.items() if not 400 <= status < 500} == {
        "an unknown parameter": 200,
        "an unknown language": 200,
        "a referral for an unknown language": 200,
    }
    assert answers["a referral over the size limit"] == 413
    assert answers["a referral over the size limit, in chunks"] == 413
    assert answers["an edited cursor"] == 422
    log = (server.folder / "stderr.log").read_text()
    assert log.count('"api.access"') >= len(answers) - 2  # the raw ones never reach the app
    assert_no_marker(server.folder)


def test_no_request_value_reaches_a_log_when_elasticsearch_refuses_or_is_away(
    es: Elasticsearch, elasticsearch_url: str, tmp_path: Path
) -> None:
    index, alias = "h4-logs-window-19700101-000000-000000", "h4-logs-window"
    es.options(ignore_status=404).indices.delete(index=index)
    es.indices.create(
        index=index,
        mappings=facility_mappings(),
        settings={"index.max_result_window": 5},
        aliases={alias: {}},
    )
    search = {**WHERE, "languages": MARKER, "limit": 20}
    try:
        with served(tmp_path / "refusing", elasticsearch_url, alias) as server:
            refused = httpx.get(f"{server.url}/v1/facilities/search", params=search, timeout=30)
    finally:
        es.indices.delete(index=index)
    assert refused.status_code == 400
    assert_no_marker(server.folder)

    away = f"http://127.0.0.1:{free_port()}"
    with served(tmp_path / "away", away, "h4-facilities") as server, httpx.Client() as http:
        statuses = [
            http.get(f"{server.url}/v1/facilities/search", params=search).status_code,
            http.get(f"{server.url}/v1/facilities/fac_{MARKER}").status_code,
            http.post(
                f"{server.url}{MATCH}", json={"location": {"zip": "87102"}, "languages": [MARKER]}
            ).status_code,
        ]
    assert statuses == [503, 503, 503]
    assert "elasticsearch unreachable" in (server.folder / "stderr.log").read_text()
    assert_no_marker(server.folder)


class BrokenElasticsearch(BaseHTTPRequestHandler):
    """Answers every document fetch with a document that is no facility, quoting the id it
    was asked for: the API fails on it with an exception whose message holds that id."""

    def do_GET(self) -> None:
        requested = self.path.rsplit("/", 1)[-1]
        source = {"id": requested, "name": [requested], "location": requested}
        body = json.dumps({"_index": "x", "_id": requested, "found": True, "_source": source})
        body = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def broken_elasticsearch() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BrokenElasticsearch)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_unhandled_exception_is_a_500_logged_without_its_values(
    broken_elasticsearch: str, tmp_path: Path
) -> None:
    with served(tmp_path / "broken", broken_elasticsearch, "h4-facilities") as server:
        response = httpx.get(f"{server.url}/v1/facilities/fac_{MARKER}", timeout=30)
    assert response.status_code == 500
    assert response.json()["detail"].startswith("Internal error")
    log = (server.folder / "stderr.log").read_text()
    unhandled = [json.loads(line) for line in log.splitlines() if '"unhandled' in line]
    assert [record["route"] for record in unhandled] == ["/v1/facilities/{facility_id}"]
    assert unhandled[0]["message"] == "unhandled ValidationError"
    assert unhandled[0]["request_id"] == response.headers["x-request-id"]
    assert unhandled[0]["frames"]  # where it failed, as file, line and function
    assert "Traceback" not in log
    assert_no_marker(server.folder)
