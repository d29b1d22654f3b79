"""Where a search starts: coordinates, a ZIP code, or words ("Albuquerque, NM", a street address).

Words go to a geopy geocoder when one is configured; otherwise, or when it fails, they resolve
offline to the centroid of a ZIP code they contain, or of their city (the mean of the city's ZIP
centroids from the ``zipcodes`` package). Every origin says how precise it is, and which state
it is in (virtual programs are matched by the patient's state).
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, Field

from iop.facility import STATE_CODES, STATE_NAMES
from iop.geo import Point, city_centroid, zip_centroid, zip_places, zip_state
from iop.geocoding import Geocoder

log = logging.getLogger("api.location")


# "Albuquerque, New Mexico": the state's name, as it ends a place, in lower case.
STATES = {name.lower(): code for name, code in STATE_NAMES.items()}
ZIP_IN_TEXT = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
# A ZIP code as a parameter takes: five digits, or ZIP+4 ("87102-1234", meaning 87102).
ZIP_PATTERN = r"^\d{5}(-\d{4})?$"


class LocationNotFound(ValueError):
    """Words that name no place this service can find."""


@dataclass(frozen=True)
class Origin:
    point: Point
    source: str  # coordinates | zip | near
    precision: str  # exact | geocoder | zip_centroid | city_centroid
    known_state: str | None
    label: str | None = None

    @property
    def state(self) -> str | None:
        """The origin's state; for bare coordinates, looked up only when asked (it costs)."""
        if self.known_state is None and self.source == "coordinates":
            return state_at(self.point)
        return self.known_state


class Place(BaseModel):
    """Where, as every route takes it: lat and lon, a ZIP code, or words. The one definition of
    these parameters (search, referral needs and sheet all extend it)."""

    lat: float | None = Field(None, ge=-90, le=90, description="Latitude (WGS84)")
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude")
    zip: str | None = Field(
        None,
        pattern=ZIP_PATTERN,
        description='US ZIP code, or ZIP+4 ("87102-1234"); its five-digit centroid is used',
    )
    near: str | None = Field(
        None,
        min_length=2,
        max_length=200,
        description='A street address or "city, state"; geocoded when a geocoder is '
        "configured, else the ZIP or city centroid (the origin reports its precision)",
    )


@cache
def _zip_grid() -> dict[tuple[int, int], list[tuple[Point, str]]]:
    grid: dict[tuple[int, int], list[tuple[Point, str]]] = defaultdict(list)
    for place in zip_places():
        key = (math.floor(place.point.lat), math.floor(place.point.lon))
        grid[key].append((place.point, place.state))
    return grid


def state_at(point: Point) -> str | None:
    """The state of the nearest ZIP centroid within a degree or so; ``None`` far from any."""
    grid = _zip_grid()
    cell_lat, cell_lon = math.floor(point.lat), math.floor(point.lon)
    nearby = [
        entry
        for dlat in (-1, 0, 1)
        for dlon in (-1, 0, 1)
        for entry in grid.get((cell_lat + dlat, cell_lon + dlon), ())
    ]
    if not nearby:
        return None
    # Squared degrees, longitude shrunk by latitude: ranks like the great circle at this range,
    # at a fraction of its cost (this runs on every coordinate search).
    shrink = math.cos(math.radians(point.lat)) ** 2

    def squared(entry: tuple[Point, str]) -> float:
        there = entry[0]
        return (there.lat - point.lat) ** 2 + shrink * (there.lon - point.lon) ** 2

    return min(nearby, key=squared)[1]


def from_coordinates(lat: float, lon: float) -> Origin:
    return Origin(Point(lat, lon), "coordinates", "exact", None)


def from_zip(zip_code: str) -> Origin:
    """The centroid of a five-digit ZIP code; a ZIP+4 code is its five-digit ZIP."""
    zip5 = zip_code[:5]
    centroid = zip_centroid(zip5)
    if centroid is None:
        raise LocationNotFound("unknown US ZIP code")
    return Origin(centroid, "zip", "zip_centroid", zip_state(zip5), zip5)


def _state_and_city(text: str) -> tuple[str | None, str | None]:
    """("Albuquerque", "NM") from "…, Albuquerque, NM 87102" or "Albuquerque New Mexico"."""
    words = ZIP_IN_TEXT.sub(" ", text).replace(".", " ")
    parts = [p.strip() for p in words.split(",") if p.strip()]
    if not parts:
        return None, None
    tail = parts[-1]
    lowered = tail.lower()
    named = [name for name in STATES if lowered.endswith(name)]
    if named:
        name = max(named, key=len)
        code, head = STATES[name], tail[: -len(name)].strip()
    else:
        tokens = tail.split()
        if not tokens or tokens[-1].upper() not in STATE_CODES:
            return None, None
        code, head = tokens[-1].upper(), " ".join(tokens[:-1])
    city = head or (parts[-2] if len(parts) >= 2 else "")
    return code, city.strip() or None


def from_words_offline(text: str) -> Origin:
    for zip5 in reversed(ZIP_IN_TEXT.findall(text)):
        centroid = zip_centroid(zip5)
        if centroid is not None:
            return Origin(centroid, "near", "zip_centroid", zip_state(zip5), zip5)
    state, city = _state_and_city(text)
    if state and city:
        centroid = city_centroid(city, state)
        if centroid is not None:
            return Origin(centroid, "near", "city_centroid", state, f"{city.title()}, {state}")
    raise LocationNotFound(
        'no ZIP code or known "city, state" in it (no geocoder is configured for street addresses)'
    )


async def from_words(text: str, geocoder: Geocoder | None) -> Origin:
    if geocoder is not None:
        try:
            found = await asyncio.to_thread(geocoder, text)
        except Exception as error:  # a geocoder outage must not fail the search
            log.warning("geocoder failed, using offline centroids: %s", type(error).__name__)
            found = None
        if found is not None:
            lat, lon, label = found
            point = Point(lat, lon)
            return Origin(point, "near", "geocoder", state_at(point), label)
    return from_words_offline(text)
