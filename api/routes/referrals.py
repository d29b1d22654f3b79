"""``/v1/referrals``: match a patient's needs to facilities, and print a referral sheet.

Patient data passes through and is forgotten: these routes write nothing, and the request
log records their path only (see :mod:`api.observability`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from elasticsearch import AsyncElasticsearch
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import ElasticsearchDep, SettingsDep
from api.errors import invalid_parameter
from api.params import get_geocoder, patient_state, resolve_origin
from api.read_access import require_read_key
from api.referrals.needs import PatientNeeds
from api.referrals.sheet import entry, render_csv, render_html
from api.responses import FastJSONResponse
from api.routes.facilities import results_body
from api.schemas import ReferralMatch
from api.search.service import search
from indexer.documents import from_document
from indexer.lifecycle import ALIAS
from iop.facility import Facility
from iop.geocoding import Geocoder

router = APIRouter(
    prefix="/v1/referrals", tags=["referrals"], dependencies=[Depends(require_read_key)]
)
GeocoderDep = Annotated[Geocoder | None, Depends(get_geocoder)]
BODY = ("body",)


@router.post("/match", response_model=ReferralMatch)
async def match_referral(
    needs: PatientNeeds, es: ElasticsearchDep, settings: SettingsDep, geocoder: GeocoderDep
) -> FastJSONResponse:
    """Facilities that fit a patient's needs, ranked, with reasons and a link to the sheet."""
    where = needs.location
    origin = await resolve_origin(
        where.lat, where.lon, where.zip, where.near, geocoder, (*BODY, "location")
    )
    state = patient_state(origin, needs.state, needs.include_virtual, BODY)
    request = needs.search_request(origin.point, state, date.today(), settings.max_results)
    outcome = await search(es, request, settings.ranking)
    body = results_body(request, origin, outcome)
    ids = [hit["id"] for hit in outcome.results]
    body["next_cursor"] = None  # a referral is one page: the best matches
    body["sheet_url"] = "/v1/referrals/sheet?" + urlencode({"ids": ",".join(ids)}) if ids else None
    return FastJSONResponse(body)


async def facilities_by_id(es: AsyncElasticsearch, ids: list[str]) -> list[Facility]:
    response = await es.mget(index=ALIAS, ids=ids)
    found = {doc["_id"]: doc["_source"] for doc in response["docs"] if doc.get("found")}
    unknown = [i for i in ids if i not in found]
    if unknown:
        raise HTTPException(status_code=404, detail=f"no facility with id {', '.join(unknown)}")
    return [from_document(found[i]) for i in ids]


def wants_csv(request: Request, format: str | None) -> bool:
    if format is not None:
        return format == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "text/html" not in accept


@router.get(
    "/sheet",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "HTML (default) or CSV"}},
)
async def referral_sheet(
    request: Request,
    es: ElasticsearchDep,
    settings: SettingsDep,
    geocoder: GeocoderDep,
    ids: Annotated[str, Query(description="Facility ids, comma-separated, in the order to list")],
    lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    zip: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
    near: Annotated[str | None, Query(min_length=2, max_length=200)] = None,
    format: Annotated[
        Literal["html", "csv"] | None, Query(description="html or csv (default: by Accept)")
    ] = None,
) -> Response:
    """A printable sheet of the chosen facilities; with a location, their distances too."""
    chosen = list(dict.fromkeys(i.strip() for i in ids.split(",") if i.strip()))
    if not chosen:
        raise invalid_parameter("ids", "name at least one facility id", ids)
    if len(chosen) > settings.referral_sheet_max:
        message = f"at most {settings.referral_sheet_max} facilities on one sheet"
        raise invalid_parameter("ids", message, len(chosen))
    origin = None
    if any(v is not None for v in (lat, lon, zip, near)):
        origin = (await resolve_origin(lat, lon, zip, near, geocoder)).point
    entries = [entry(facility, origin) for facility in await facilities_by_id(es, chosen)]
    headers = {"Cache-Control": "no-store"}
    if wants_csv(request, format):
        headers["Content-Disposition"] = 'attachment; filename="referral-sheet.csv"'
        return Response(render_csv(entries), media_type="text/csv", headers=headers)
    return HTMLResponse(render_html(entries, date.today()), headers=headers)
