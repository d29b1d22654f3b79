"""``/v1/facilities``: search by location and services, and one facility in full."""

from __future__ import annotations

from typing import Annotated

from elasticsearch import NotFoundError
from fastapi import APIRouter, HTTPException, Query

from api.deps import ElasticsearchDep, SettingsDep
from api.errors import invalid_parameter
from api.schemas import SearchOrigin, SearchResults
from api.search.request import SearchRequest, SortOrder
from api.search.service import search
from indexer.documents import from_document
from indexer.lifecycle import ALIAS
from iop.facility import Facility
from iop.geo import Point, zip_centroid
from iop.vocabulary import SERVICES, parse_service_codes

router = APIRouter(prefix="/v1/facilities", tags=["facilities"])


def _origin(lat: float | None, lon: float | None, zip_code: str | None) -> SearchOrigin:
    if zip_code is not None and (lat is not None or lon is not None):
        raise invalid_parameter("zip", "give either zip or lat and lon, not both", zip_code)
    if zip_code is not None:
        centroid = zip_centroid(zip_code)
        if centroid is None:
            raise invalid_parameter("zip", "unknown US ZIP code", zip_code)
        return SearchOrigin(lat=centroid.lat, lon=centroid.lon, source="zip_centroid")
    if lat is None and lon is None:
        raise invalid_parameter("lat", "a location is required: lat and lon, or zip", None)
    if lat is None or lon is None:
        missing = "lat" if lat is None else "lon"
        raise invalid_parameter(missing, "lat and lon must be given together", None)
    return SearchOrigin(lat=lat, lon=lon, source="coordinates")


@router.get("/search", response_model=SearchResults)
async def search_facilities(
    es: ElasticsearchDep,
    settings: SettingsDep,
    services: Annotated[
        str,
        Query(
            description="Required services, comma-separated; known codes: " + ", ".join(SERVICES),
            examples=["iop,mat_buprenorphine,medicaid"],
        ),
    ],
    lat: Annotated[float | None, Query(ge=-90, le=90, description="Latitude (WGS84)")] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180, description="Longitude")] = None,
    zip: Annotated[
        str | None, Query(pattern=r"^\d{5}$", description="US ZIP code (its centroid is used)")
    ] = None,
    radius_miles: Annotated[float | None, Query(gt=0, le=500)] = None,
    sort: Annotated[SortOrder, Query(description="best (default), distance or wait")] = (
        SortOrder.BEST
    ),
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> SearchResults:
    origin = _origin(lat, lon, zip)
    try:
        codes = parse_service_codes(services)
    except ValueError as error:
        raise invalid_parameter("services", str(error), services) from None
    if not codes:
        raise invalid_parameter("services", "name at least one service code", services)
    radius = radius_miles or settings.default_radius_miles
    request = SearchRequest(
        origin=Point(origin.lat, origin.lon),
        radius_miles=radius,
        required_services=tuple(codes),
        sort=sort,
        limit=min(limit, settings.max_results),
    )
    total, hits = await search(es, request, settings.ranking)
    return SearchResults(
        origin=origin,
        radius_miles=radius,
        services=codes,
        sort=sort.value,
        total=total,
        results=hits,
    )


@router.get("/{facility_id}", response_model=Facility)
async def get_facility(facility_id: str, es: ElasticsearchDep) -> Facility:
    try:
        document = await es.get(index=ALIAS, id=facility_id)
    except NotFoundError:
        raise HTTPException(
            status_code=404, detail=f"no facility with id {facility_id!r}"
        ) from None
    return from_document(document["_source"])
