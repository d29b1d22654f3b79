"""A loopback HTTP(S) server that answers like a tiny Elasticsearch and records what it was sent.

Enough of Elasticsearch for a client to accept its answers (the product header, JSON
bodies): ``GET /_cluster/health`` is green, ``HEAD`` finds nothing. Each request's method,
path and headers (names in lower case) are kept, in order, for the test to read.
"""

from __future__ import annotations

import json
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Recorder:
    url: str
    requests: list[Recorded] = field(default_factory=list)

    def authorizations(self) -> set[str | None]:
        return {request.headers.get("authorization") for request in self.requests}


@dataclass(frozen=True)
class Certificates:
    """A certificate authority and a server certificate for 127.0.0.1 it signed."""

    ca: Path
    server_certificate: Path
    server_key: Path


def make_certificates(directory: Path) -> Certificates:
    """A fresh CA and server certificate, made by the real ``openssl`` command."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=directory, check=True, capture_output=True)

    openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=IOP test CA",
    )  # fmt: skip
    openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key",
        "-out", "server.csr", "-subj", "/CN=127.0.0.1",
    )  # fmt: skip
    (directory / "san.ext").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "1", "-out", "server.pem", "-extfile", "san.ext",
    )  # fmt: skip
    return Certificates(directory / "ca.pem", directory / "server.pem", directory / "server.key")


@contextmanager
def recording_server(certificates: Certificates | None = None) -> Iterator[Recorder]:
    """Serve on a free loopback port (HTTPS with ``certificates``) until the block ends."""
    scheme = "https" if certificates else "http"
    recorder = Recorder(url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _record(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            recorder.requests.append(Recorded(self.command, self.path, headers))

        def _answer(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            self._record()
            self._answer(200, json.dumps({"status": "green", "cluster_name": "recorder"}).encode())

        def do_HEAD(self) -> None:
            self._record()
            self._answer(404, b"{}")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if certificates:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificates.server_certificate, certificates.server_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    recorder.url = f"{scheme}://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
