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
    wait: float | None = Field(description="Short-wait score, discounted as its as_of ages")


class SearchHit(BaseModel):
    id: str
    name: str | None
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
    unknown_filters: list[str] = Field(
        description="Other filters (ownership, languages...) whose value is unknown"
    )
    wait: Wait | None = Field(None, description="Wait to intake, if any source stated it")
    score: float | None = Field(None, description="The sort=best score (absent for other sorts)")
    score_parts: ScoreParts | None = None
    why: list[str] = Field(description="The reasons for its place, in a doctor's words")


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
        None, description="Counts per filter value over all matches (facets=true)"
    )


class ReferralMatch(SearchResults):
    sheet_url: str | None = Field(
        description="The referral sheet of these results (ids only: no patient data in it)"
    )
