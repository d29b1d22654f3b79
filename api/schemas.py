"""Response shapes of the public API (documentation of what the routes answer).

Search routes build their answers as plain dicts on the hot path; these models are the
contract those dicts follow, published in the OpenAPI document.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from iop.facility import Address, Location, Phone


class Wait(BaseModel):
    days_to_intake: int | None = None
    accepting_new_patients: bool | None = None
    open_slots: int | None = None
    as_of: date | None = Field(None, description="When the source stated it")
    source: str | None = None
    url: str | None = None


class ScoreParts(BaseModel):
    nearness: float = Field(description="Distance decay, 1 at the origin; 0 for virtual")
    preferences: float | None = Field(description="Share of preferred services offered")
    wait: float | None = Field(
        description="Short-wait score of a current wait, discounted as its as_of ages"
    )
    accepting: float = Field(
        description="0 when the facility currently says it is not accepting new patients, else 1"
    )


class SearchHit(BaseModel):
    id: str
    name: str | None = Field(description="The program's own name")
    operator: str | None = Field(None, description="The organisation that runs it")
    display_name: str | None = Field(
        None, description='The name as a referrer recognises it: "Program — Operator"'
    )
    address: Address
    location: Location | None
    phones: list[Phone]
    website: str | None
    ownership: str | None
    status: str = Field(description="active, or stale when sources stopped listing it")
    virtual: bool = Field(description="A virtual program: no distance, licensed in the state")
    distance_miles: float | None = Field(
        description="Great-circle distance from the origin; null for virtual programs"
    )
    matched_services: list[str] = Field(description="Named services the facility offers")
    missing_services: list[str] = Field(description="Named services it is known not to offer")
    unknown_services: list[str] = Field(description="Named services no source has stated")
    not_stated: list[str] = Field(
        description="With include_unknown: the needs no source has stated for this facility"
    )
    needs_confirmed: int = Field(description="How many of the request's needs it confirms")
    needs: int = Field(description="How many needs (required filters) the request names")
    wait: Wait | None = Field(None, description="Wait to intake, if any source stated it")
    score: float | None = Field(None, description="The sort=best score (absent for other sorts)")
    score_parts: ScoreParts | None = None
    why: list[str] = Field(description="The reasons for its place, in a doctor's words")


class Relaxation(BaseModel):
    parameter: str = Field(description="The parameter of the filter (services, payment...)")
    value: str = Field(description="Its value: what to remove from the parameter to drop it")
    label: str = Field(description="The filter in words")
    matches_without: int = Field(description="Facilities that meet every other filter")
    matches_unknown: int = Field(description="Of those, the ones that have not stated this one")
    words: str = Field(
        description='e.g. "2 programs match everything except evening, which they have not stated"'
    )


class SearchOrigin(BaseModel):
    lat: float
    lon: float
    source: str = Field(description="coordinates, zip or near")
    precision: str = Field(description="exact, geocoder, zip_centroid or city_centroid")
    state: str | None = Field(description="The state virtual programs are matched in")
    label: str | None = None


class SearchResults(BaseModel):
    origin: SearchOrigin
    radius_miles: float
    services: list[str]
    preferred: list[str]
    sort: str
    total: int = Field(description="Facilities matching the filters")
    total_is_exact: bool = Field(
        description="False when there are more than `total` (counting stops at 1,000)"
    )
    results: list[SearchHit]
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null: last")
    facets: dict[str, dict[str, int]] | None = Field(
        None,
        description="Counts per filter value (facets=true); each group is counted with every "
        "filter but its own, so a count says what choosing that value would give",
    )
    relaxations: list[Relaxation] | None = Field(
        None, description="When fewer than 3 match: what each filter keeps out"
    )


class ReferralMatch(SearchResults):
    sheet_url: str | None = Field(
        description="The referral sheet of these results, with the criteria it was made for "
        "(no name or other identity of the patient: the API has none)"
    )
