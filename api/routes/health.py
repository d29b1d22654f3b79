"""Liveness (``/healthz``), readiness (``/readyz``) and Prometheus metrics (``/metrics``)."""

from __future__ import annotations

from elasticsearch import ApiError, AsyncElasticsearch, TransportError
from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import ElasticsearchDep
from api.errors import RETRY_AFTER_SECONDS
from api.observability import ELASTICSEARCH_ERRORS
from api.openapi import Responses
from iop.documents import SEARCH_FIELDS, missing_search_fields
from iop.indices import ALIAS

router = APIRouter(tags=["health"])
NOT_READY: Responses = {503: {"description": "Not ready: the checks say which failed"}}


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses=NOT_READY)
async def readyz(es: ElasticsearchDep) -> JSONResponse:
    """Ready to search: the cluster answers, is not red, and the alias points at an index that
    has every field searches read (an index built by an older version may lack one).

    (``cluster.health``, not ``GET /``: the Elasticsearch distribution used here answers 405
    on its root.)
    """
    checks: dict[str, object] = {"alias": ALIAS}
    try:
        health = await es.cluster.health(timeout="2s")
        checks["cluster"] = health["status"]
        checks["alias_exists"] = bool(await es.indices.exists_alias(name=ALIAS))
        if checks["alias_exists"]:
            checks["mapping"] = await _mapping(es)
    except (TransportError, ApiError) as error:
        ELASTICSEARCH_ERRORS.labels(type(error).__name__).inc()
        checks["cluster"] = "unreachable"
        checks["alias_exists"] = False
    ready = (
        checks["cluster"] in ("green", "yellow")
        and checks["alias_exists"] is True
        and checks.get("mapping") == "current"
    )
    return JSONResponse(
        {"status": "ready" if ready else "not ready", **checks},
        status_code=200 if ready else 503,
        headers=None if ready else {"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


async def _mapping(es: AsyncElasticsearch) -> str:
    """``current``, or which search fields the serving index lacks and what to do."""
    found = await es.indices.get_field_mapping(index=ALIAS, fields=list(SEARCH_FIELDS))
    outdated = missing_search_fields(found.body)
    if not outdated:
        return "current"
    lacking = "; ".join(f"{index} has no {', '.join(fields)}" for index, fields in outdated.items())
    return f"outdated: {lacking}; rebuild it with iop index"


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
