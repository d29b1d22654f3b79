"""Response shapes of the public API."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from iop.facility import Address, Location, Phone


class Wait(BaseModel):
    days_to_intake: int | None = None
    accepting_new_patients: bool | None = None
    as_of: date | None = None
    source: str | None = None


class SearchHit(BaseModel):
    id: str
    name: str | None
    address: Address
    location: Location | None
    phones: list[Phone]
    website: str | None
    distance_miles: float = Field(description="Great-circle distance from the search origin")
    matched_services: list[str] = Field(description="Requested services the facility offers")
    wait: Wait | None = Field(None, description="Wait to intake, if any source stated it")
    score: float | None = Field(None, description="The sort=best score (absent for other sorts)")
    why: list[str] = Field(description="Why this facility is here, and in this place")


class SearchOrigin(BaseModel):
    lat: float
    lon: float
    source: str = Field(description="How the origin was found: coordinates or zip centroid")


class SearchResults(BaseModel):
    origin: SearchOrigin
    radius_miles: float
    services: list[str]
    sort: str
    total: int = Field(description="Facilities matching the filters within the radius")
    results: list[SearchHit]
