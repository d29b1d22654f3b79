"""Request ids, structured JSON request logs and Prometheus metrics, as one ASGI middleware.

Every request gets an id (the caller's ``X-Request-ID`` when it is sane, else a new one),
returned in the response and attached to every log record made while serving it. The access
log records method, path, status, duration and the *names* of the query parameters, never
their values: a search near a ZIP code for buprenorphine and Spanish describes a patient,
whether it came through the referral routes or the search. Metrics are labelled by route
template (``/v1/facilities/{facility_id}``), never by raw path.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid
from contextvars import ContextVar
from typing import Any
from urllib.parse import unquote_plus

from prometheus_client import Counter, Histogram
from pythonjsonlogger.orjson import OrjsonFormatter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
access_log = logging.getLogger("api.access")

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


def configure_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the ``api`` loggers (idempotent); no search bodies, ever."""
    for name in BODY_LOGGERS:  # their INFO is a line per search: noise, and CPU
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger(name).level))
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

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", rid.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration = time.perf_counter() - started
            route = route_template(scope)
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(scope["method"], route).observe(duration)
            _log(scope, route, status, duration)
            request_id.reset(token)


def _header(scope: Scope, name: str) -> str | None:
    wanted = name.encode()
    for key, value in scope.get("headers", ()):
        if key.lower() == wanted:
            return str(value.decode("latin-1"))
    return None


def _log(scope: Scope, route: str, status: int, duration: float) -> None:
    path: str = scope["path"]
    fields: dict[str, Any] = {
        "method": scope["method"],
        "path": path,
        "route": route,
        "status": status,
        "duration_ms": round(duration * 1000, 2),
    }
    query = scope.get("query_string", b"")
    if query:
        names = {pair.split(b"=", 1)[0] for pair in query.split(b"&") if pair}
        fields["params"] = sorted(unquote_plus(name.decode("latin-1")) for name in names)
    access_log.info("request", extra=fields)
