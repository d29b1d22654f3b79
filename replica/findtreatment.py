"""A loopback replica of SAMHSA's FindTreatment locator API, serving the 2024 directory.

``GET /locator/exportsAsJson/v2?sAddr=LAT,LNG&limitType=2&limitValue=METRES&sType=SA
&sCodes=OIT,BU&pageSize=N&page=K&sort=0`` answers like the live API: ``{"page", "totalPages",
"recordCount", "rows"}`` with rows sorted by ``miles``; a malformed query gets a plain-text
body with HTTP 200. ``GET /healthz`` answers 200. Behaviour and decisions: ``replica/README.md``.

Run it with ``python -m replica.findtreatment --port 8765 [--quirks]``; tests use
:func:`running_replica`.
"""

from __future__ import annotations

import argparse
import math
import os
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

import numpy as np
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from iop import geo
from replica.directory import Directory, load_directory, shared_directory
from replica.fixture_programs import served_fixture_programs

EXPORT_PATH = "/locator/exportsAsJson/v2"
#: Older paths of the same search (SAMHSA's own 2019 front end POSTed a form to ``listing``).
ALIAS_PATHS = ("/locator/exportsAsJson", "/locator/listing")

DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 2000

LIMIT_STATE = 0
LIMIT_COUNTY = 1
LIMIT_DISTANCE = 2

#: SAMHSA's own state ids for ``limitType=0``; only these three are known publicly.
STATE_IDS: dict[int, str] = {23: "CA", 5: "NY", 11: "TX"}

SORT_DISTANCE, SORT_DISTANCE_DESC, SORT_NAME1, SORT_NAME2 = 0, 1, 2, 3

QUIRKS_ENV = "REPLICA_QUIRKS"


class MalformedQuery(ValueError):
    """A query the live API would answer with a plain-text message."""


@dataclass(frozen=True)
class Query:
    origin: geo.Point | None
    limit_type: int | None
    limit_value: float | None
    service_type: str  # "all" | "none"
    codes: tuple[str, ...]
    page_size: int
    page: int
    sort: int


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    value = value.strip().strip('"').strip("'").strip()
    return value or None


def _number(params: Mapping[str, str], name: str) -> float | None:
    value = _text(params, name)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise MalformedQuery(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise MalformedQuery(f"{name} must be a finite number, got {value!r}")
    return number


def _integer(params: Mapping[str, str], name: str) -> int | None:
    number = _number(params, name)
    if number is None:
        return None
    if number != int(number):
        raise MalformedQuery(f"{name} must be a whole number, got {params[name]!r}")
    return int(number)


def parse_origin(raw: str | None) -> geo.Point | None:
    """``sAddr``: ``"LAT,LNG"``, also URL-encoded (``38.03%2C-78.47``), quoted or spaced."""
    if raw is None:
        return None
    text = raw
    for _ in range(2):  # a value encoded once more than the transport needed
        if "%" not in text:
            break
        text = unquote(text)
    text = text.strip().strip('"').strip("'")
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2:
        raise MalformedQuery(f"sAddr must be LAT,LNG, got {raw!r}")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise MalformedQuery(f"sAddr must be LAT,LNG, got {raw!r}") from None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        raise MalformedQuery(f"sAddr is not a coordinate: {raw!r}")
    return geo.Point(lat, lon)


def parse_query(params: Mapping[str, str]) -> Query:
    """Read the locator's parameters; :class:`MalformedQuery` for anything the API rejects."""
    origin = parse_origin(_text(params, "sAddr"))
    limit_type = _integer(params, "limitType")
    limit_value = _number(params, "limitValue")
    if limit_type is None:
        limit_value = None
    elif limit_type == LIMIT_DISTANCE:
        if origin is None:
            raise MalformedQuery("limitType=2 needs sAddr=LAT,LNG")
        if limit_value is None or limit_value < 0:
            raise MalformedQuery("limitType=2 needs limitValue (metres, not negative)")
    elif limit_type == LIMIT_STATE:
        if limit_value is None or limit_value != int(limit_value):
            raise MalformedQuery("limitType=0 needs limitValue (a state id)")
        if int(limit_value) not in STATE_IDS:
            raise MalformedQuery(f"unknown state id {limit_value:g}")
    elif limit_type == LIMIT_COUNTY:
        raise MalformedQuery("limitType=1 (county) is not supported by the replica")
    else:
        raise MalformedQuery(f"unknown limitType {limit_type}")

    s_type = (_text(params, "sType") or "both").lower()
    if s_type in ("sa", "both"):
        service_type = "all"
    elif s_type == "mh":
        service_type = "none"
    else:
        raise MalformedQuery(f"unknown sType {s_type!r}")

    codes = tuple(
        dict.fromkeys(
            c.strip().upper() for c in (_text(params, "sCodes") or "").split(",") if c.strip()
        )
    )

    page_size = _integer(params, "pageSize")
    page_size = DEFAULT_PAGE_SIZE if page_size is None else page_size
    if page_size < 1:
        raise MalformedQuery("pageSize must be at least 1")
    page_size = min(page_size, MAX_PAGE_SIZE)

    page = _integer(params, "page")
    page = 1 if page is None else page
    if page < 1:
        raise MalformedQuery("page must be at least 1")

    sort = _integer(params, "sort")
    sort = SORT_DISTANCE if sort is None else sort
    if sort not in (SORT_DISTANCE, SORT_DISTANCE_DESC, SORT_NAME1, SORT_NAME2):
        raise MalformedQuery(f"unknown sort {sort}")

    return Query(origin, limit_type, limit_value, service_type, codes, page_size, page, sort)


def _format_miles(miles: float) -> str:
    return repr(round(float(miles), 2))


def search(directory: Directory, query: Query) -> bytes:
    """The JSON body for a query, assembled from the rows' pre-serialised fragments."""
    n = len(directory)
    if query.service_type == "none":
        mask = np.zeros(n, dtype=bool)
    else:
        mask = directory.mask_for_codes(query.codes)
    metres = directory.metres_from(query.origin.lat, query.origin.lon) if query.origin else None
    if query.limit_type == LIMIT_DISTANCE:
        assert metres is not None and query.limit_value is not None
        mask &= metres <= query.limit_value
    elif query.limit_type == LIMIT_STATE:
        assert query.limit_value is not None
        mask &= directory.states == STATE_IDS[int(query.limit_value)]

    selected = np.flatnonzero(mask)
    if metres is not None and query.sort in (SORT_DISTANCE, SORT_DISTANCE_DESC):
        # Ties keep directory order; the descending sort reverses distance only.
        key = metres[selected] if query.sort == SORT_DISTANCE else -metres[selected]
        selected = selected[np.lexsort((selected, key))]
    else:
        ranks = directory.name2_rank if query.sort == SORT_NAME2 else directory.name1_rank
        selected = selected[np.argsort(ranks[selected], kind="stable")]

    record_count = int(selected.size)
    total_pages = -(-record_count // query.page_size)
    start = (query.page - 1) * query.page_size
    page_rows = selected[start : start + query.page_size]

    parts = []
    for offset, i in enumerate(page_rows.tolist()):
        miles = _format_miles(metres[i] / geo.METRES_PER_MILE) if metres is not None else "null"
        parts.append(
            f'{{"_irow":{start + offset + 1},{directory.heads[i]},'
            f'"miles":{miles},{directory.tails[i]}}}'
        )
    body = (
        f'{{"page":{query.page},"totalPages":{total_pages},"recordCount":{record_count},'
        f'"rows":[{",".join(parts)}]}}'
    )
    return body.encode("utf-8")


def quirks_from_env() -> bool:
    return os.environ.get(QUIRKS_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def create_app(quirks: bool = False, extra_rows: Sequence[dict[str, str]] = ()) -> FastAPI:
    """The replica as an ASGI app. ``quirks`` (or ``REPLICA_QUIRKS=1``) turns on the 2026
    live-API defects for every 50th facility. ``extra_rows`` (tests only: directory rows with a
    ``website``) are served after the directory's own."""
    quirks = quirks or quirks_from_env()
    directory = load_directory(quirks, extra_rows=extra_rows) if extra_rows else None
    directory = directory or shared_directory(quirks)
    app = FastAPI(
        title="FindTreatment locator replica",
        description="Loopback replica of SAMHSA's FindTreatment locator API (2024 directory).",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.directory = directory
    app.state.quirks = quirks

    async def export(request: Request) -> Response:
        params: dict[str, str] = {}
        if request.method == "POST":
            body = (await request.body()).decode("utf-8", errors="replace")
            for key, value in parse_qsl(body, keep_blank_values=True):
                params.setdefault(key, value)
        for key, value in request.query_params.multi_items():
            params.setdefault(key, value)
        try:
            query = parse_query(params)
        except MalformedQuery as error:
            return PlainTextResponse(f"Invalid request: {error}\n", status_code=200)
        return Response(search(directory, query), media_type="application/json")

    for path in (EXPORT_PATH, *ALIAS_PATHS):
        app.add_api_route(path, export, methods=["GET", "POST"], include_in_schema=False)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok", "rows": len(directory), "quirks": quirks})

    return app


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _url(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(host: str = "127.0.0.1", port: int = 0, quirks: bool = False) -> None:
    """Serve the replica until interrupted; ``port=0`` takes a free port. Prints the URL."""
    app = create_app(quirks)
    sock = _bind(host, port)
    mode = "on" if app.state.quirks else "off"
    print(
        f"FindTreatment replica: {_url(host, sock)} (GET {EXPORT_PATH}, quirks {mode})",
        flush=True,
    )
    server = uvicorn.Server(uvicorn.Config(app, log_level="info"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


@contextmanager
def running_replica(
    quirks: bool = False,
    startup_timeout: float = 60.0,
    on_request: Callable[[str], None] | None = None,
    fixture_programs: bool = False,
) -> Iterator[str]:
    """Run the replica on a free 127.0.0.1 port in a background thread; yields its base URL.

    ``on_request`` is called with each request's path and query, for tests that count fetches.
    ``fixture_programs`` (tests only, never the demo) also lists the invented fixture programs,
    each with its ``website`` served on loopback (:mod:`replica.fixture_programs`).
    """
    with ExitStack() as stack:
        rows = stack.enter_context(served_fixture_programs()) if fixture_programs else []
        yield stack.enter_context(_running(create_app(quirks, rows), startup_timeout, on_request))


@contextmanager
def _running(
    app: FastAPI, startup_timeout: float, on_request: Callable[[str], None] | None
) -> Iterator[str]:
    if on_request is not None:
        record = on_request

        @app.middleware("http")
        async def count(
            request: Request, call_next: Callable[[Request], Awaitable[Response]]
        ) -> Response:
            record(f"{request.url.path}?{request.url.query}")
            return await call_next(request)

    sock = _bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="findtreatment-replica", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError("the FindTreatment replica did not start")
        time.sleep(0.01)
    try:
        yield _url("127.0.0.1", sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m replica.findtreatment", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 = any free port")
    parser.add_argument(
        "--quirks",
        action="store_true",
        help=f"reproduce the 2026 live-API defects on every 50th facility (or {QUIRKS_ENV}=1)",
    )
    args = parser.parse_args(argv)
    with suppress(KeyboardInterrupt):
        serve(args.host, args.port, args.quirks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
