"""``/v1/facilities``: search by location and needs, and one facility in full."""

from __future__ import annotations

from typing import Any

from elasticsearch import NotFoundError
from fastapi import APIRouter, Depends, HTTPException

from api.deps import ElasticsearchDep, SettingsDep
from api.errors import shown
from api.openapi import (
    BAD_PARAMETERS,
    CURSOR_EXPIRED,
    NOT_FOUND,
    READ_KEY_REQUIRED,
    UNAVAILABLE,
)
from api.params import SEARCH_OPENAPI, FacilityIdPath, SearchParameters
from api.read_access import require_read_key
from api.responses import FastJSONResponse
from api.schemas import SearchResults
from api.search.location import Origin
from api.search.request import SearchRequest
from api.search.service import SearchOutcome, search
from iop.documents import from_document
from iop.facility import Facility
from iop.indices import ALIAS

router = APIRouter(
    prefix="/v1/facilities",
    tags=["facilities"],
    dependencies=[Depends(require_read_key)],
    responses=READ_KEY_REQUIRED | UNAVAILABLE,
)


def results_body(request: SearchRequest, origin: Origin, outcome: SearchOutcome) -> dict[str, Any]:
    body: dict[str, Any] = {
        "origin": {
            "lat": origin.point.lat,
            "lon": origin.point.lon,
            "source": origin.source,
            "precision": origin.precision,
            "state": request.patient_state,
            "label": origin.label,
        },
        "radius_miles": request.radius_miles,
        "services": list(request.required_services),
        "preferred": list(request.preferred_services),
        "sort": request.sort.value,
        "total": outcome.total,
        "total_is_exact": outcome.total_is_exact,
        "results": outcome.results,
        "next_cursor": outcome.next_cursor,
    }
    if outcome.facets is not None:
        body["facets"] = outcome.facets
    if outcome.relaxations is not None:
        body["relaxations"] = outcome.relaxations
    return body


@router.get(
    "/search",
    response_model=SearchResults,
    openapi_extra=SEARCH_OPENAPI,
    responses=BAD_PARAMETERS | CURSOR_EXPIRED,
)
async def search_facilities(
    es: ElasticsearchDep, settings: SettingsDep, parsed: SearchParameters
) -> FastJSONResponse:
    """Facilities that meet every required filter, ranked, each with the reasons for its place."""
    outcome = await search(es, parsed.request, settings.ranking, settings.max_radius_miles)
    return FastJSONResponse(results_body(parsed.request, parsed.origin, outcome))


async def fetch_document(es: ElasticsearchDep, facility_id: str) -> dict[str, Any]:
    """A facility's index document; 404 naming the id when there is none."""
    try:
        document = await es.get(index=ALIAS, id=facility_id)
    except NotFoundError as error:
        if "index_not_found" in str(error):
            raise
        raise HTTPException(
            status_code=404, detail=f"no facility with id {shown(facility_id)!r}"
        ) from None
    source: dict[str, Any] = document["_source"]
    return source


async def fetch_facility(es: ElasticsearchDep, facility_id: str) -> Facility:
    return from_document(await fetch_document(es, facility_id))


@router.get("/{facility_id}", response_model=Facility, responses=NOT_FOUND | BAD_PARAMETERS)
async def get_facility(facility_id: FacilityIdPath, es: ElasticsearchDep) -> Facility:
    """Every field of a facility, with where each came from and when (``provenance``)."""
    return await fetch_facility(es, facility_id)
