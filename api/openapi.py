"""What the OpenAPI document declares beyond the routes' own parameters: every error a route
really answers, and which routes need an API key.

Routes name their errors with the ``responses`` dicts here (merged with ``|``), so the
document says what a client must handle: 401 without a key, 404 for an unknown id, 410 for a
search cursor of a refreshed directory, 413 for a request body over the limit (every route that
takes a body), 422 for a bad parameter (naming it and the reason), 429 when the export's
per-client limit is reached, 503 while Elasticsearch is away (with ``Retry-After``). Keys go in
the ``X-API-Key`` header: admin routes always need one (``AdminKey``); read routes need one
(``ReadKey``) only when ``IOP_READ_API_KEY_HASHES`` is set; the export (``EXPORT_ACCESS``) is
keyed (``ExportKey`` or ``ReadKey``), rate-limited or open by ``IOP_EXPORT_ACCESS``. The
document states each as it is configured.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

from api.config import Settings

READ_SCHEME = "ReadKey"


class Problem(BaseModel):
    detail: str = Field(description="What went wrong, in words")


class InvalidParameter(BaseModel):
    loc: list[str | int] = Field(description='Where: e.g. ["query", "zip"] or ["body", "payment"]')
    msg: str = Field(description="The reason")
    type: str
    input: Any = None


class InvalidParameters(BaseModel):
    detail: list[InvalidParameter]


Responses = dict[int | str, dict[str, Any]]


def _answer(status: int, description: str, model: type[BaseModel] = Problem) -> Responses:
    answer: dict[str, Any] = {"model": model, "description": description}
    if status in (429, 503):
        answer["headers"] = {
            "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}
        }
    return {status: answer}


READ_KEY_REQUIRED = _answer(
    401, "An API key is required in X-API-Key (when IOP_READ_API_KEY_HASHES is set)"
)
ADMIN_KEY_REQUIRED = _answer(401, "An admin API key is required in X-API-Key")
NOT_FOUND = _answer(404, "No such id")
CURSOR_EXPIRED = _answer(410, "The directory was refreshed since the cursor's first page")
BAD_PARAMETERS = _answer(
    422, "A parameter is missing or wrong: `detail` names it and the reason", InvalidParameters
)
UNAVAILABLE = _answer(503, "The search backend is unavailable or has no index yet; retry")
BODY_TOO_LARGE = _answer(413, "The request body is larger than the API takes (IOP_MAX_BODY_BYTES)")
EXPORT_KEY_REQUIRED = _answer(
    401,
    "An API key is required in X-API-Key: a read key, or an export key when IOP_EXPORT_ACCESS=key",
)
EXPORT_RATE_LIMITED = _answer(
    429,
    "This client started its exports for the hour (IOP_EXPORT_PER_CLIENT_PER_HOUR) and sent "
    "no key; retry after Retry-After seconds",
)
# Marks the route whose access IOP_EXPORT_ACCESS sets (``openapi_extra``); the document
# generator replaces the mark by that route's security and answers as configured.
EXPORT_ACCESS_MARK = "x-export-access"
EXPORT_ACCESS: dict[str, Any] = {EXPORT_ACCESS_MARK: True}
EXPORT_SCHEME = "ExportKey"


def install_openapi(app: FastAPI, settings: Settings) -> None:
    """Generate the document once, stating whether read routes need a key as configured."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            _export_access(document, settings)
            if not settings.read_api_key_hashes:
                _read_keys_optional(document)
            _no_impossible_422(document)
            _bodies_may_be_too_large(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _no_impossible_422(document: dict[str, Any]) -> None:
    """FastAPI declares a 422 on every route with parameters; one whose only parameters are
    plain text in its path takes anything (an unknown id is a 404), so it never answers 422."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            parameters = operation.get("parameters", [])
            plain = all(
                p["in"] == "path" and set(p.get("schema", {})) <= {"type", "title", "description"}
                for p in parameters
            )
            if parameters and plain and "requestBody" not in operation:
                operation.get("responses", {}).pop("422", None)


def _read_keys_optional(document: dict[str, Any]) -> None:
    """Without read key hashes configured, a read route takes a request with no key."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security")
            if security and any(READ_SCHEME in requirement for requirement in security):
                operation["security"] = [{}, *security]
                operation.get("responses", {}).pop("401", None)


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for operations in document.get("paths", {}).values() for op in operations.values()]


def _export_access(document: dict[str, Any], settings: Settings) -> None:
    """The export as configured: with read keys, a read key (401); else with
    ``IOP_EXPORT_ACCESS=key`` an export key (401); else keyless, and limited per client (429)
    unless ``open``. A key is never limited, so 429 goes with keyless access only."""
    for operation in _operations(document):
        if not operation.pop(EXPORT_ACCESS_MARK, False):
            continue
        responses = operation.get("responses", {})
        if settings.read_api_key_hashes:
            operation["security"] = [{READ_SCHEME: []}, {EXPORT_SCHEME: []}]
        elif settings.export_access == "key":
            operation["security"] = [{EXPORT_SCHEME: []}]
        else:
            keyless_or_keyed: list[dict[str, list[str]]] = [{}, {EXPORT_SCHEME: []}]
            operation["security"] = [{}] if settings.export_access == "open" else keyless_or_keyed
            responses.pop("401", None)
        if settings.read_api_key_hashes or settings.export_access != "rate_limited":
            responses.pop("429", None)


def _bodies_may_be_too_large(document: dict[str, Any]) -> None:
    """Every route that takes a body answers 413 over the size limit (a middleware's, before
    any route runs)."""
    [(status, answer)] = BODY_TOO_LARGE.items()
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(Problem.__name__, Problem.model_json_schema())
    reference = {"$ref": f"#/components/schemas/{Problem.__name__}"}
    declared = {
        "description": answer["description"],
        "content": {"application/json": {"schema": reference}},
    }
    for operation in _operations(document):
        if "requestBody" in operation:
            operation.setdefault("responses", {})[str(status)] = declared
