"""Errors the API answers with: bad input is a 4xx naming what and why, a search backend that
is down is a 503, and no answer echoes more than :data:`SHOWN_MAX_CHARACTERS` of a value.

Elasticsearch refusing a request (a 4xx of its own) is the request's fault, as the API builds
every query from validated parameters: a 400 with the kind of refusal in words, never
Elasticsearch's reason, which can quote the request. Nothing here logs a request value.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from elasticsearch import ApiError, TransportError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.observability import ELASTICSEARCH_ERRORS
from api.search.service import CursorExpired

log = logging.getLogger("api")

RETRY_AFTER_SECONDS = 5
SHOWN_MAX_CHARACTERS = 200  # of a submitted value, in an answer
MESSAGE_MAX_CHARACTERS = 2000  # of a reason: room for the list of known codes it may give
# Elasticsearch's refusals a client can cause, in words (by the root cause's type).
REFUSALS = {
    "too_many_clauses": "the search names too many values at once; name fewer",
    "too_many_nested_clauses": "the search names too many values at once; name fewer",
    "query_shard_exception": "the search backend could not run this search; change it",
    "illegal_argument_exception": "the search backend refused a value of this request",
    "action_request_validation_exception": "the search backend refused a value of this request",
    "parsing_exception": "the search backend could not read this search",
}


def shown(value: str, limit: int = SHOWN_MAX_CHARACTERS) -> str:
    """``value`` as an answer may quote it: at most ``limit`` characters, then an ellipsis."""
    return value if len(value) <= limit else value[:limit] + "…"


def invalid_parameter(
    field: str, message: str, value: object, where: tuple[str, ...] = ("query",)
) -> RequestValidationError:
    """A 422 that names the parameter (``where`` + ``field``) and the reason, like FastAPI's."""
    return RequestValidationError(
        [{"type": "value_error", "loc": (*where, field), "msg": message, "input": value}]
    )


def _shown_input(value: object) -> Any:
    """A submitted value as an error may echo it: scalars, text cut short; no lists or
    objects (they can hold a whole request)."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # JSON has no NaN
    if value is None or isinstance(value, bool | int | float):
        return value
    return None


def _shown_message(message: str) -> str:
    """A reason as an answer may give it. Reasons that quote what was submitted quote it in
    their first clause, then say what is known ("unknown service code(s): …; known codes:
    …"): that clause is cut to :data:`SHOWN_MAX_CHARACTERS`, the rest kept."""
    quoted, separator, known = message.partition("; ")
    return shown(shown(quoted) + separator + known, MESSAGE_MAX_CHARACTERS)


def _loc_part(part: object) -> str | int:
    # An unknown field's name is the client's text too.
    return part if isinstance(part, int) else shown(str(part), 100)


def validation_errors(error: RequestValidationError) -> list[dict[str, Any]]:
    """FastAPI's 422 ``detail`` (type, loc, msg, input), every echoed value cut short; ``ctx``
    is dropped, since the message already says it."""
    return [
        {
            "type": e.get("type", "value_error"),
            "loc": [_loc_part(part) for part in e.get("loc", ())],
            "msg": _shown_message(str(e.get("msg", ""))),
            "input": _shown_input(e.get("input")),
        }
        for e in error.errors()
    ]


def _root_cause(error: ApiError) -> str:
    """The type of Elasticsearch's root cause (``too_many_clauses``), never its reason."""
    body = error.body if isinstance(error.body, dict) else {}
    problem = body.get("error")
    if not isinstance(problem, dict):
        return "unknown"
    causes = problem.get("root_cause") or [problem]
    caused_by = problem.get("caused_by")
    kinds = [c.get("type") for c in causes if isinstance(c, dict)]
    if isinstance(caused_by, dict):
        kinds.insert(0, caused_by.get("type"))
    for kind in kinds:
        if kind in REFUSALS:
            return str(kind)
    return str(kinds[-1] if kinds and kinds[-1] else problem.get("type", "unknown"))


def _unavailable(message: str) -> JSONResponse:
    return JSONResponse(
        status_code=503,
        content={"detail": message},
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": validation_errors(error)})

    @app.exception_handler(CursorExpired)
    async def cursor_expired(request: Request, error: CursorExpired) -> JSONResponse:
        return JSONResponse(
            status_code=410,
            content={"detail": "The directory was refreshed since the first page; search again."},
        )

    @app.exception_handler(TransportError)
    async def search_unreachable(request: Request, error: TransportError) -> JSONResponse:
        ELASTICSEARCH_ERRORS.labels(error.__class__.__name__).inc()
        log.warning("elasticsearch unreachable: %s", error.__class__.__name__)
        return _unavailable("The search backend is unavailable; retry shortly.")

    @app.exception_handler(ApiError)
    async def search_failed(request: Request, error: ApiError) -> JSONResponse:
        status = error.meta.status
        ELASTICSEARCH_ERRORS.labels(f"{error.__class__.__name__}:{status}").inc()
        if status == 404 and "index_not_found" in str(error):
            return _unavailable("No facilities have been indexed yet; run `iop index`.")
        if status in (429, 503):
            return _unavailable("The search backend is overloaded; retry shortly.")
        cause = _root_cause(error)
        log.warning("elasticsearch refused a request: %s %s", status, cause)
        if status in (401, 403) or status >= 500:  # the API's credentials or the cluster
            return _unavailable("The search backend failed; retry shortly.")
        if status == 404:
            return JSONResponse(status_code=404, content={"detail": "Not found."})
        refusal = REFUSALS.get(cause, f"the search backend refused this request ({cause})")
        return JSONResponse(status_code=400, content={"detail": refusal[0].upper() + refusal[1:]})
