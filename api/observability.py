"""Request ids, structured JSON request logs and Prometheus metrics, as one ASGI middleware.

Every request gets an id (the caller's ``X-Request-ID`` when it is sane, else a new one),
returned in the response and attached to every log record made while serving it. The access
log records method, route template (``/v1/facilities/{facility_id}``, never the path: an id is
a request value), status, duration and the *names* of the query parameters the route declares,
never their values: a search near a ZIP code for buprenorphine and Spanish describes a patient,
whether it came through the referral routes or the search. Metrics are labelled by route
template too.

An exception nothing else handled is answered with a 500 here and logged as its type, route
and the code lines it passed through, never its message or a traceback's values (a message
can quote the request); the server never sees it, so it prints no traceback either.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import traceback
import uuid
from contextvars import ContextVar
from typing import Any
from urllib.parse import unquote_plus

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from prometheus_client import Counter, Histogram
from pythonjsonlogger.orjson import OrjsonFormatter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
access_log = logging.getLogger("api.access")
error_log = logging.getLogger("api.errors")
# Of an unhandled exception, the innermost code lines logged (file, line, function).
LOGGED_FRAMES = 8
# Methods logged by name; any other is the client's text and is logged as OTHER.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "iop_api_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
LATENCY = Histogram(
    "iop_api_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
ELASTICSEARCH_ERRORS = Counter(
    "iop_api_elasticsearch_errors_total", "Elasticsearch calls that failed", ["kind"]
)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


# The Elasticsearch client logs request and response bodies at DEBUG: they hold what a
# referral asked for (its origin, its languages). Those loggers never go below WARNING.
BODY_LOGGERS = ("elastic_transport", "elastic_transport.transport", "elasticsearch")


# uvicorn's access log prints each path and query string: it never writes, whatever the
# server's options (``iop serve`` turns it off too).
SILENCED_LOGGERS = ("uvicorn.access",)
# Loggers of the server and the event loop, whose records may carry an exception: its message
# (which can quote a request) and its traceback are replaced by its type and code lines.
TRACEBACK_LOGGERS = ("uvicorn.error", "uvicorn", "asyncio")


class Silenced(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


class ValuelessTracebacks(logging.Filter):
    """An exception in a record becomes its type and where it passed, never its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            where = f"{type(error).__name__} at {', '.join(_frames(error))}"
            record.msg = f"{record.msg} ({where.replace('%', '%%')})"
            record.exc_info, record.exc_text = None, None
        return True


def _frames(error: BaseException) -> list[str]:
    """Where an exception passed, innermost last: file, line and function, never values."""
    frames = traceback.extract_tb(error.__traceback__)[-LOGGED_FRAMES:]
    return [f"{f.filename}:{f.lineno} {f.name}" for f in frames]


def _add_once(name: str, kind: type[logging.Filter]) -> None:
    logger = logging.getLogger(name)
    if not any(isinstance(f, kind) for f in logger.filters):
        logger.addFilter(kind())


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the ``api`` loggers (idempotent); no search bodies, paths,
    query strings or exception messages, ever."""
    for name in BODY_LOGGERS:  # their INFO is a line per search: noise, and CPU
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger(name).level))
    for name in SILENCED_LOGGERS:
        _add_once(name, Silenced)
    for name in TRACEBACK_LOGGERS:
        _add_once(name, ValuelessTracebacks)
    logger = logging.getLogger("api")
    if any(getattr(h, "_iop_json", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        OrjsonFormatter(
            "{asctime}{levelname}{name}{message}", style="{", rename_fields={"levelname": "level"}
        )
    )
    handler.addFilter(RequestIdFilter())
    handler._iop_json = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = True


def route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, REQUEST_ID_HEADER)
        rid = incoming if incoming and SANE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500
        responded = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, responded
            if message["type"] == "http.response.start":
                status = message["status"]
                responded = True
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", rid.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:  # the last stop: logged without values
            _log_unhandled(scope, error)
            status = 500
            if not responded:
                await send_with_id(_INTERNAL_ERROR_START)
                await send_with_id(_INTERNAL_ERROR_BODY)
        finally:
            duration = time.perf_counter() - started
            route = route_template(scope)
            method = _method(scope)
            REQUESTS.labels(method, route, str(status)).inc()
            LATENCY.labels(method, route).observe(duration)
            _log(scope, route, status, duration)
            request_id.reset(token)


def _method(scope: Scope) -> str:
    method: str = scope["method"]
    return method if method in METHODS else "OTHER"


def _header(scope: Scope, name: str) -> str | None:
    wanted = name.encode()
    for key, value in scope.get("headers", ()):
        if key.lower() == wanted:
            return str(value.decode("latin-1"))
    return None


_INTERNAL_ERROR_START: Message = {
    "type": "http.response.start",
    "status": 500,
    "headers": [(b"content-type", b"application/json")],
}
_INTERNAL_ERROR_BODY: Message = {
    "type": "http.response.body",
    "body": b'{"detail":"Internal error; it was logged under this response\'s X-Request-ID."}',
}


def _log_unhandled(scope: Scope, error: Exception) -> None:
    error_log.error(
        "unhandled %s",
        type(error).__name__,
        extra={
            "method": _method(scope),
            "route": route_template(scope),
            "frames": _frames(error),
        },
    )


def declared_query_names(route: object) -> frozenset[str]:
    """The query parameters a route declares: its own, and those it parses itself and publishes
    with ``openapi_extra`` (the search's)."""
    if not isinstance(route, APIRoute):
        return frozenset()
    names: frozenset[str] | None = getattr(route, "_iop_query_names", None)
    if names is None:  # worked out once per route, on its first request
        own = _query_names(route.dependant)
        extra = (route.openapi_extra or {}).get("parameters", [])
        published = {p["name"] for p in extra if isinstance(p, dict) and p.get("in") == "query"}
        names = frozenset(own | published)
        route._iop_query_names = names  # type: ignore[attr-defined]
    return names


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names


def _log(scope: Scope, route: str, status: int, duration: float) -> None:
    fields: dict[str, Any] = {
        "method": _method(scope),
        "route": route,
        "status": status,
        "duration_ms": round(duration * 1000, 2),
    }
    query = scope.get("query_string", b"")
    if query:
        given = {pair.split(b"=", 1)[0] for pair in query.split(b"&") if pair}
        names = {unquote_plus(name.decode("latin-1")) for name in given}
        # Only names the route declares: any other name is the client's text, like a value.
        fields["params"] = sorted(names & declared_query_names(scope.get("route")))
    access_log.info("request", extra=fields)
