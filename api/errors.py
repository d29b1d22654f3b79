"""Errors the API answers with: a search backend that is down is a 503, not a 500."""

from __future__ import annotations

import logging

from elasticsearch import ApiError, TransportError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.observability import ELASTICSEARCH_ERRORS
from api.search.service import CursorExpired

log = logging.getLogger("api")

RETRY_AFTER_SECONDS = 5


def invalid_parameter(
    field: str, message: str, value: object, where: tuple[str, ...] = ("query",)
) -> RequestValidationError:
    """A 422 that names the parameter (``where`` + ``field``) and the reason, like FastAPI's."""
    return RequestValidationError(
        [{"type": "value_error", "loc": (*where, field), "msg": message, "input": value}]
    )


def install_error_handlers(app: FastAPI) -> None:
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
        return JSONResponse(
            status_code=503,
            content={"detail": "The search backend is unavailable; retry shortly."},
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    @app.exception_handler(ApiError)
    async def search_failed(request: Request, error: ApiError) -> JSONResponse:
        ELASTICSEARCH_ERRORS.labels(f"{error.__class__.__name__}:{error.meta.status}").inc()
        if error.meta.status == 404 and "index_not_found" in str(error):
            return JSONResponse(
                status_code=503,
                content={"detail": "No facilities have been indexed yet; run `iop index`."},
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        if error.meta.status in (429, 503):
            return JSONResponse(
                status_code=503,
                content={"detail": "The search backend is overloaded; retry shortly."},
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        raise error
