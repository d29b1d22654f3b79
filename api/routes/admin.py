"""``/v1/admin``: what data staff need to trust the directory, behind an admin API key."""

from __future__ import annotations

from typing import Annotated, Any

from elasticsearch import NotFoundError
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from api.deps import ElasticsearchDep
from api.openapi import ADMIN_KEY_REQUIRED, BAD_PARAMETERS, UNAVAILABLE
from api.security import require_admin
from iop.indices import recent_runs_search

router = APIRouter(
    prefix="/v1/admin",
    tags=["admin"],
    dependencies=[Depends(require_admin)],
    responses=ADMIN_KEY_REQUIRED | UNAVAILABLE,
)


class RefreshRuns(BaseModel):
    runs: list[dict[str, Any]] = Field(
        description="Refresh summaries, newest first: status (and, for a failed one, the error: "
        "which source failed and why, or which shrank and by how much), new/changed/stale "
        "facilities, per-source yield against the last good run, quarantine, fields whose "
        "coverage dropped, and `changes`: counts of new, changed, back and stale facilities "
        "and the first 500 of them by id and name, a changed one with the field paths that "
        "changed (`more`: how many were counted but not listed)"
    )


@router.get("/runs", response_model=RefreshRuns, responses=BAD_PARAMETERS)
async def refresh_runs(
    es: ElasticsearchDep, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> RefreshRuns:
    try:
        response = await es.search(**recent_runs_search(limit))
    except NotFoundError:  # no refresh has run yet
        return RefreshRuns(runs=[])
    return RefreshRuns(runs=[hit["_source"] for hit in response["hits"]["hits"]])
