"""Query parameters of a search, parsed into a :class:`SearchRequest`, with a 422 per bad value.

Shared by ``/v1/facilities/search`` and ``/v1/referrals/sheet``, so a UI builds both the same
way. Every list parameter is comma-separated; every service code comes from the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Path, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.config import Settings
from api.deps import SettingsDep
from api.errors import invalid_parameter
from api.search.cursor import BadCursor, check_cursor, decode_cursor
from api.search.location import (
    LocationNotFound,
    Origin,
    Place,
    from_coordinates,
    from_words,
    from_zip,
)
from api.search.request import OWNERSHIP_CHOICES, SearchRequest, SortOrder
from iop.facility import STATE_CODES
from iop.geocoding import Geocoder
from iop.indices import ALIAS
from iop.vocabulary import SERVICES, parse_service_codes

CODES_HELP = "Comma-separated service codes; known codes: " + ", ".join(SERVICES)

# Bounds of what a request may name (422 naming the limit past them): far beyond any patient,
# and small enough that no search reaches Elasticsearch's limit on the clauses of a query.
LIST_TEXT_MAX_LENGTH = 1000  # a comma-separated parameter, in characters
LANGUAGES_MAX = 20
LANGUAGE_NAME_MAX_LENGTH = 60
# Facility ids are "fac_" and 20 hex digits; a longer one names no facility.
FACILITY_ID_MAX_LENGTH = 100
FacilityIdPath = Annotated[
    str, Path(max_length=FACILITY_ID_MAX_LENGTH, description="The facility's id, e.g. fac_…")
]


@dataclass(frozen=True)
class ParsedSearch:
    request: SearchRequest
    origin: Origin


async def get_geocoder(request: Request) -> Geocoder | None:
    geocoder: Geocoder | None = request.app.state.geocoder
    return geocoder


def codes(field: str, text: str | None, *groups: str) -> tuple[str, ...]:
    """A parameter's comma-separated service codes (of ``groups`` only, when given); 422 naming
    the parameter and the codes that are wrong."""
    if not text:
        return ()
    try:
        return tuple(parse_service_codes(text, groups or None))
    except ValueError as error:
        raise invalid_parameter(field, str(error), text) from None


def words(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.strip() for w in (text or "").split(",") if w.strip()))


def language_names(
    field: str, names: tuple[str, ...], where: tuple[str, ...] = ("query",)
) -> tuple[str, ...]:
    """``names``, or a 422 naming ``field`` when there are too many or one is too long."""
    if len(names) > LANGUAGES_MAX:
        message = f"at most {LANGUAGES_MAX} languages, not {len(names)}"
        raise invalid_parameter(field, message, None, where)
    if any(len(name) > LANGUAGE_NAME_MAX_LENGTH for name in names):
        message = f"a language name has at most {LANGUAGE_NAME_MAX_LENGTH} characters"
        raise invalid_parameter(field, message, None, where)
    return names


async def resolve_origin(
    lat: float | None,
    lon: float | None,
    zip_code: str | None,
    near: str | None,
    geocoder: Geocoder | None,
    where: tuple[str, ...] = ("query",),
) -> Origin:
    """One location, from exactly one of lat+lon, zip, near; 422 naming the field otherwise."""
    given = [name for name, v in (("lat", lat), ("zip", zip_code), ("near", near)) if v]
    if lon is not None and "lat" not in given:
        given.insert(0, "lat")
    if len(given) > 1:
        message = f"give one location (lat and lon, zip or near), not both {' and '.join(given)}"
        raise invalid_parameter(given[1], message, None, where)
    try:
        if zip_code is not None:
            return from_zip(zip_code)
        if near is not None:
            return await from_words(near, geocoder)
    except LocationNotFound as error:
        field = "zip" if zip_code is not None else "near"
        raise invalid_parameter(field, str(error), zip_code or near, where) from None
    if lat is None and lon is None:
        message = "a location is required: lat and lon, zip, or near"
        raise invalid_parameter("lat", message, None, where)
    if lat is None or lon is None:
        missing = "lat" if lat is None else "lon"
        raise invalid_parameter(missing, "lat and lon must be given together", None, where)
    return from_coordinates(lat, lon)


def patient_state(
    origin: Origin, state: str | None, include_virtual: bool, where: tuple[str, ...] = ("query",)
) -> str | None:
    if state is not None:
        if state.upper() not in STATE_CODES:
            raise invalid_parameter("state", "not a two-letter US state code", state, where)
        return state.upper()
    if not include_virtual:
        return origin.known_state  # a coordinate's state is only worth its cost for virtual
    if origin.state is None:
        message = "include_virtual needs the patient's state: give state"
        raise invalid_parameter("state", message, None, where)
    return origin.state


def apply_cursor(request: SearchRequest, cursor: str | None) -> SearchRequest:
    if cursor is None:
        return request
    try:
        today, page, fingerprint = decode_cursor(cursor)
        continued = replace(request, today=today, page=page)
        check_cursor(continued, fingerprint, ALIAS)
    except BadCursor as error:
        raise invalid_parameter("cursor", str(error), None) from None
    return continued


def limit_for(settings: Settings, limit: int) -> int:
    return min(limit, settings.max_results)


class SearchQuery(Place):
    """The query parameters of a search, validated in one pass (one model, not 22 fields)."""

    model_config = ConfigDict(allow_inf_nan=False)

    state: str | None = Field(
        None,
        max_length=2,
        description="Patient's state for virtual programs (default: the origin's)",
    )
    radius_miles: float | None = Field(None, gt=0, le=500, description="Default 25; at most 500")
    services: str = Field(
        "iop",
        max_length=LIST_TEXT_MAX_LENGTH,
        description="Required services, all of (default iop; empty: none). " + CODES_HELP,
    )
    prefer: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description="Preferred services: raise the rank. " + CODES_HELP,
    )
    payment: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description="Accepted payment, any one of: payment codes",
    )
    ownership: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description="Any of: " + ", ".join(OWNERSHIP_CHOICES),
    )
    languages: str | None = Field(
        None,
        max_length=LIST_TEXT_MAX_LENGTH,
        description=f"Other languages (all of, at most {LANGUAGES_MAX}), by English name, e.g. "
        '"Vietnamese"',
    )
    max_days_to_intake: int | None = Field(None, ge=0, le=365)
    accepting_new_patients: bool | None = None
    include_unknown: bool = Field(
        False, description="Keep facilities whose value for a filter is unknown"
    )
    include_virtual: bool = Field(
        False, description="Add virtual programs licensed in the patient's state"
    )
    include_stale: bool = Field(False, description="Keep listings their sources no longer confirm")
    sort: SortOrder = Field(SortOrder.BEST, description="best (default), distance or wait")
    limit: int = Field(20, ge=1, le=500)
    cursor: str | None = Field(
        None, max_length=2000, description="next_cursor of the previous page"
    )
    facets: bool = Field(False, description="Add counts per filter value")


def _openapi_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The model's fields as OpenAPI query parameters, for a route that parses them itself."""
    schema = model.model_json_schema()
    definitions = schema.get("$defs", {})
    parameters = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        if "$ref" in prop:
            prop = {**definitions[prop.pop("$ref").rsplit("/", 1)[-1]], **prop}
        description = prop.pop("description", None)
        prop.pop("title", None)
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": description,
                "schema": prop,
            }
        )
    return parameters


SEARCH_OPENAPI = {"parameters": _openapi_parameters(SearchQuery)}


async def parse_search(
    query: dict[str, str], settings: Settings, geocoder: Geocoder | None
) -> ParsedSearch:
    """The search a query asks for (the API's parameter names and values); raises
    ``RequestValidationError`` naming each wrong parameter and why."""
    try:
        q = SearchQuery.model_validate(query)
    except ValidationError as error:
        raise RequestValidationError(
            [{**e, "loc": ("query", *e["loc"])} for e in error.errors(include_url=False)]
        ) from None
    origin = await resolve_origin(q.lat, q.lon, q.zip, q.near, geocoder)
    owners = words(q.ownership)
    bad_owner = [o for o in owners if o not in OWNERSHIP_CHOICES]
    if bad_owner:
        message = f"unknown ownership {', '.join(bad_owner)}; one of {', '.join(OWNERSHIP_CHOICES)}"
        raise invalid_parameter("ownership", message, q.ownership)
    payment_codes = codes("payment", q.payment, "payment")
    request = SearchRequest(
        origin=origin.point,
        radius_miles=q.radius_miles or settings.default_radius_miles,
        today=date.today(),
        required_services=codes("services", q.services),
        preferred_services=codes("prefer", q.prefer),
        any_of_services=(payment_codes,) if payment_codes else (),
        ownership=owners,
        languages=language_names("languages", words(q.languages)),
        max_days_to_intake=q.max_days_to_intake,
        accepting_new_patients=q.accepting_new_patients,
        include_unknown=q.include_unknown,
        include_virtual=q.include_virtual,
        include_stale=q.include_stale,
        patient_state=patient_state(origin, q.state, q.include_virtual),
        sort=q.sort,
        limit=limit_for(settings, q.limit),
        facets=q.facets,
    )
    return ParsedSearch(apply_cursor(request, q.cursor), origin)


async def search_parameters(
    http: Request,
    settings: SettingsDep,
    geocoder: Annotated[Geocoder | None, Depends(get_geocoder)],
) -> ParsedSearch:
    """The search a query string asks for.

    The query string is validated by :class:`SearchQuery` in one pydantic call rather than by
    FastAPI field by field (cheaper per search); routes publish the
    parameters with ``openapi_extra=SEARCH_OPENAPI``.
    """
    return await parse_search(dict(http.query_params), settings, geocoder)


SearchParameters = Annotated[ParsedSearch, Depends(search_parameters)]
