"""``/v1/referrals``: match a patient's needs to facilities, and print a referral sheet.

Patient data passes through and is forgotten: these routes write nothing, and the request
log records their path only (see :mod:`api.observability`).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from elasticsearch import AsyncElasticsearch
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from pydantic import ConfigDict, Field, ValidationError

from api.deps import ElasticsearchDep, SettingsDep
from api.errors import invalid_parameter, shown
from api.openapi import BAD_PARAMETERS, NOT_FOUND, READ_KEY_REQUIRED, UNAVAILABLE, Responses
from api.params import (
    CODES_HELP,
    FACILITY_ID_MAX_LENGTH,
    LIST_TEXT_MAX_LENGTH,
    _openapi_parameters,
    codes,
    get_geocoder,
    language_names,
    patient_state,
    resolve_origin,
    words,
)
from api.read_access import require_read_key
from api.referrals.needs import POPULATION_GROUPS, PatientNeeds
from api.referrals.sheet import Criteria, Location, Words, entry, render_csv, render_html
from api.responses import FastJSONResponse
from api.routes.facilities import results_body
from api.schemas import ReferralMatch
from api.search.location import Place
from api.search.service import search
from iop.documents import from_document
from iop.facility import Facility
from iop.geocoding import Geocoder
from iop.indices import ALIAS

router = APIRouter(
    prefix="/v1/referrals",
    tags=["referrals"],
    dependencies=[Depends(require_read_key)],
    responses=READ_KEY_REQUIRED | BAD_PARAMETERS | UNAVAILABLE,
)
GeocoderDep = Annotated[Geocoder | None, Depends(get_geocoder)]
BODY = ("body",)
# Room for the most facilities a sheet may list (500), each id with its comma.
SHEET_IDS_MAX_LENGTH = 500 * (FACILITY_ID_MAX_LENGTH + 1)


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
    outcome = await search(es, request, settings.ranking, settings.max_radius_miles)
    body = results_body(request, origin, outcome)
    ids = [hit["id"] for hit in outcome.results]
    body["next_cursor"] = None  # a referral is one page: the best matches
    body["sheet_url"] = sheet_url(ids, needs) if ids else None
    return FastJSONResponse(body)


async def facilities_by_id(es: AsyncElasticsearch, ids: list[str]) -> list[Facility]:
    response = await es.mget(index=ALIAS, ids=ids)
    found = {doc["_id"]: doc["_source"] for doc in response["docs"] if doc.get("found")}
    unknown = [i for i in ids if i not in found]
    if unknown:
        listed = shown(", ".join(unknown))
        raise HTTPException(status_code=404, detail=f"no facility with id {listed}")
    return [from_document(found[i]) for i in ids]


def wants_csv(request: Request, format: str | None) -> bool:
    if format is not None:
        return format == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "text/html" not in accept


class SheetQuery(Place):
    """The sheet's query: the facilities, the needs it was made for (the API's parameter
    names, so a match's ``sheet_url`` carries them), the language and the format."""

    model_config = ConfigDict(allow_inf_nan=False)

    ids: str = Field(
        max_length=SHEET_IDS_MAX_LENGTH,
        description="Facility ids, comma-separated, in the order to list",
    )
    radius_miles: float | None = Field(None, gt=0, le=500, description="The search radius")
    services: str | None = Field(
        None, max_length=LIST_TEXT_MAX_LENGTH, description="Required services. " + CODES_HELP
    )
    prefer: str | None = Field(
        None, max_length=LIST_TEXT_MAX_LENGTH, description="Preferred services. " + CODES_HELP
    )
    payment: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description="The patient's ways to pay: payment codes",
    )
    schedule: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description="When the patient can attend: schedule codes",
    )
    languages: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description="Languages needed: spanish, sign_language, or languages by name",
    )
    populations: str | None = Field(
        None, max_length=LIST_TEXT_MAX_LENGTH, description="Groups the patient belongs to"
    )
    max_days_to_intake: int | None = Field(None, ge=0, le=365)
    accepting_new_patients: bool | None = None
    include_unknown: bool = False
    include_virtual: bool = False
    lang: Literal["en", "es"] = Field("en", description="en (English) or es (Spanish)")
    format: Literal["html", "csv"] | None = Field(
        None, description="html or csv (default: by Accept)"
    )


SHEET_PARAMETERS = [
    {**parameter, "required": parameter["name"] == "ids"}
    for parameter in _openapi_parameters(SheetQuery)
]
SHEET_FORMATS: Responses = {
    200: {"content": {"text/csv": {}}, "description": "HTML (default) or CSV"}
}


def sheet_query(http: Request) -> SheetQuery:
    try:
        return SheetQuery.model_validate(dict(http.query_params))
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("query", *e["loc"])} for e in error.errors(include_url=False)]
        ) from None


def sheet_criteria(q: SheetQuery) -> Criteria:
    """The needs the query names, every code checked against the vocabulary (422 naming it)."""
    populations = codes("populations", q.populations, *POPULATION_GROUPS)
    return Criteria(
        location=Location(zip=q.zip and q.zip[:5], near=q.near, lat=q.lat, lon=q.lon),
        radius_miles=q.radius_miles,
        services=codes("services", q.services),
        prefer=codes("prefer", q.prefer),
        payment=codes("payment", q.payment, "payment"),
        schedule=codes("schedule", q.schedule, "schedule"),
        languages=language_names("languages", words(q.languages)),
        populations=populations,
        max_days_to_intake=q.max_days_to_intake,
        accepting_new_patients=q.accepting_new_patients,
        include_unknown=q.include_unknown,
        include_virtual=q.include_virtual,
    )


def sheet_url(ids: list[str], needs: PatientNeeds) -> str:
    """The sheet of a match, carrying the needs it was made for (nothing is stored)."""
    where = needs.location
    query: dict[str, object] = {
        "ids": ",".join(ids),
        "lat": where.lat,
        "lon": where.lon,
        "zip": where.zip,
        "near": where.near,
        "radius_miles": f"{needs.radius_miles:g}",
        "services": ",".join(needs.required_services),
        "prefer": ",".join(needs.preferred_services),
        "payment": ",".join(needs.payment),
        "schedule": ",".join(needs.schedule),
        "languages": ",".join(needs.languages),
        "populations": ",".join(needs.populations),
        "max_days_to_intake": needs.max_days_to_intake,
        "accepting_new_patients": needs.accepting_new_patients,
        "include_unknown": needs.include_unknown or None,
        "include_virtual": needs.include_virtual or None,
    }
    given = {
        name: str(value).lower() if isinstance(value, bool) else value
        for name, value in query.items()
        if value not in (None, "")
    }
    return "/v1/referrals/sheet?" + urlencode(given)


@router.get(
    "/sheet",
    response_class=HTMLResponse,
    responses=SHEET_FORMATS | NOT_FOUND,
    openapi_extra={"parameters": SHEET_PARAMETERS},
)
async def referral_sheet(
    request: Request, es: ElasticsearchDep, settings: SettingsDep, geocoder: GeocoderDep
) -> Response:
    """A printable sheet of the chosen facilities, with the needs it was made for; with a
    location, their distances too. ``lang=es`` prints it in Spanish."""
    q = sheet_query(request)
    chosen = list(dict.fromkeys(i.strip() for i in q.ids.split(",") if i.strip()))
    if not chosen:
        raise invalid_parameter("ids", "name at least one facility id", q.ids)
    if any(len(i) > FACILITY_ID_MAX_LENGTH for i in chosen):
        message = f"a facility id has at most {FACILITY_ID_MAX_LENGTH} characters"
        raise invalid_parameter("ids", message, None)
    if len(chosen) > settings.referral_sheet_max:
        message = f"at most {settings.referral_sheet_max} facilities on one sheet"
        raise invalid_parameter("ids", message, len(chosen))
    criteria = sheet_criteria(q)
    origin = None
    if any(v is not None for v in (q.lat, q.lon, q.zip, q.near)):
        origin = (await resolve_origin(q.lat, q.lon, q.zip, q.near, geocoder)).point
    text = Words(q.lang)
    facilities = await facilities_by_id(es, chosen)
    entries = [entry(facility, origin, text) for facility in facilities]
    headers = {"Cache-Control": "no-store", "Content-Language": q.lang}
    if wants_csv(request, q.format):
        headers["Content-Disposition"] = 'attachment; filename="referral-sheet.csv"'
        return Response(render_csv(entries), media_type="text/csv", headers=headers)
    return HTMLResponse(render_html(entries, criteria, text, date.today()), headers=headers)
