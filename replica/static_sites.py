"""Serve a static website folder on loopback the way a static host (Netlify) would.

Treatment programs' sites are mostly static sites on hosts like Netlify. Crawling one from a
folder must behave like crawling the live host, so this server copies the host's rules:

- ``_redirects`` (Netlify syntax: ``FROM TO [STATUS][!]``): a rule applies only when no file
  answers the path, unless forced with ``!``; status 200 rewrites, 301/302 redirect; a trailing
  ``*`` in FROM is passed to ``:splat`` in TO. Rules for absolute URLs (``http://host/*``) name
  another host and are ignored on loopback.
- clean URLs: ``/mat`` serves ``mat.html``; ``/team/`` serves ``team/index.html``.
- ``404.html`` answers missing pages, with status 404.
- files whose names start with ``_`` or ``.`` and ``expected.json`` (the fixture labels) are
  never served, as a host never serves its own configuration.

``serve_site(directory)`` is a context manager yielding the base URL of a threaded server on a
free ``127.0.0.1`` port; pass ``request_log`` to record every requested path (tests use it to
check that a crawler obeyed robots.txt).
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

HIDDEN_NAMES = {"expected.json"}


@dataclass(frozen=True)
class Rule:
    source: str
    target: str
    status: int
    force: bool

    def match(self, path: str) -> str | None:
        """The target for ``path`` if this rule applies to it."""
        if self.source.endswith("*"):
            prefix = self.source[:-1]
            if path.startswith(prefix):
                return self.target.replace(":splat", path[len(prefix) :])
            return None
        return self.target if path == self.source else None


def parse_redirects(text: str) -> list[Rule]:
    rules = []
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 2 or "://" in parts[0]:
            continue
        status, force = 301, False
        if len(parts) > 2:
            force = parts[2].endswith("!")
            status = int(parts[2].rstrip("!"))
        rules.append(Rule(parts[0], parts[1], status, force))
    return rules


class Site:
    """Resolves request paths to files or redirects within one site folder."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        redirects = self.root / "_redirects"
        self.rules = parse_redirects(redirects.read_text()) if redirects.exists() else []

    def file_for(self, path: str, clean: bool) -> Path | None:
        """The file at ``path`` (a folder's ``index.html``); with ``clean``, also ``path.html``."""
        relative = unquote(path).lstrip("/")
        candidates = [relative] if relative else []
        if not relative or relative.endswith("/"):
            candidates.append(relative + "index.html")
        elif clean:
            candidates += [relative + ".html", relative + "/index.html"]
        for candidate in candidates:
            file = (self.root / candidate).resolve()
            if not file.is_relative_to(self.root) or not file.is_file():
                continue
            if any(part.startswith(("_", ".")) for part in file.relative_to(self.root).parts):
                continue
            if file.name in HIDDEN_NAMES:
                continue
            return file
        return None

    def resolve(self, path: str) -> tuple[int, Path | str | None]:
        """``(200, file)``, ``(30x, location)`` or ``(404, 404-page-or-None)``.

        The order is the host's: a file at the exact path, then the first matching rule (a
        forced rule even over an existing file), then the clean-URL fallback.
        """
        for _ in range(5):  # rewrites (status 200) may chain; a few hops at most
            exact = self.file_for(path, clean=False)
            rule, target = next(
                ((r, t) for r in self.rules if (t := r.match(path)) is not None), (None, None)
            )
            if rule is None or target is None or (exact is not None and not rule.force):
                file = exact or self.file_for(path, clean=True)
                if file is not None:
                    return 200, file
                break
            if rule.status == 200:
                path = target
                continue
            if rule.status in (301, 302, 303, 307, 308):
                return rule.status, target
            break
        not_found = self.root / "404.html"
        return 404, not_found if not_found.is_file() else None


def _handler(site: Site, request_log: list[str] | None) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "static-site-replica"

        def do_HEAD(self) -> None:
            self._answer(with_body=False)

        def do_GET(self) -> None:
            self._answer(with_body=True)

        def _answer(self, with_body: bool) -> None:
            if request_log is not None:
                request_log.append(self.path)
            split = urlsplit(self.path)
            status, found = site.resolve(split.path)
            if 300 <= status < 400:
                location = str(found) + (f"?{split.query}" if split.query else "")
                self.send_response(status)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if isinstance(found, Path):
                body = found.read_bytes()
                kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            else:
                body, kind = b"Not Found", "text/plain"
            if kind.startswith("text/") or kind.endswith(("xml", "json")):
                kind += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # tests read request_log; stderr noise helps nobody

    return Handler


@contextmanager
def serve_site(directory: Path | str, request_log: list[str] | None = None) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields ``http://127.0.0.1:PORT``."""
    site = Site(Path(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, request_log))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main() -> None:
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    args = parser.parse_args()
    with serve_site(args.directory) as base_url:
        print(f"serving {args.directory} on {base_url} (Ctrl-C stops)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
