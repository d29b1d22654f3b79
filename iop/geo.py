"""Great-circle distances and offline ZIP-code centroids."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import zipcodes

# Elasticsearch's arc distance uses this mean earth radius; using the same one here keeps the
# distances we report identical to the ones Elasticsearch filters and sorts by.
EARTH_RADIUS_METRES = 6_371_008.7714
METRES_PER_MILE = 1_609.344


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


def great_circle_miles(a: Point, b: Point) -> float:
    """Haversine distance in statute miles."""
    return miles_between(a, b.lat, b.lon)


def miles_between(a: Point, lat: float, lon: float) -> float:
    """Haversine distance in statute miles from ``a`` to (``lat``, ``lon``): for hot loops
    that have coordinates, not points."""
    lat1, lat2 = math.radians(a.lat), math.radians(lat)
    dlat = lat2 - lat1
    dlon = math.radians(lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(min(1.0, math.sqrt(h))) / METRES_PER_MILE


def _spread_bits(value: int) -> int:
    """The 16 low bits of ``value`` moved to the even bit positions of a 32-bit number."""
    value &= 0xFFFF
    value = (value | (value << 8)) & 0x00FF00FF
    value = (value | (value << 4)) & 0x0F0F0F0F
    value = (value | (value << 2)) & 0x33333333
    return (value | (value << 1)) & 0x55555555


def z_order(lat: float, lon: float) -> int:
    """The Morton (Z-order) code of a coordinate on a 65,536 x 65,536 grid (cells of a few
    hundred metres): places near each other mostly get codes near each other."""
    row = int((lat + 90.0) / 180.0 * 0xFFFF)
    column = int((lon + 180.0) / 360.0 * 0xFFFF)
    return _spread_bits(column) | (_spread_bits(row) << 1)


def is_zip5(text: str) -> bool:
    return len(text) == 5 and text.isdigit()


@dataclass(frozen=True)
class ZipPlace:
    """A US ZIP code's centroid, state and the city names it goes by."""

    zip5: str
    point: Point
    state: str
    cities: frozenset[str]


@cache
def zip_places() -> tuple[ZipPlace, ...]:
    """Every US ZIP code with a centroid, offline (the ``zipcodes`` package): the one table
    of ZIP codes the product reads."""
    places = []
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        try:
            point = Point(float(row["lat"]), float(row["long"]))
        except (TypeError, ValueError):
            continue
        cities = frozenset({row["city"], *(row.get("acceptable_cities") or [])})
        places.append(ZipPlace(row["zip_code"], point, row["state"], cities))
    return tuple(places)


@cache
def _zip_table() -> dict[str, tuple[Point, str]]:
    return {place.zip5: (place.point, place.state) for place in zip_places()}


@cache
def _city_centroids() -> dict[tuple[str, str], Point]:
    points: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for place in zip_places():
        for city in place.cities:
            points[(city.upper(), place.state)].append(place.point)
    return {
        key: Point(sum(p.lat for p in ps) / len(ps), sum(p.lon for p in ps) / len(ps))
        for key, ps in points.items()
    }


def city_centroid(city: str, state: str) -> Point | None:
    """The centre of a US city's ZIP codes' centroids, offline; ``None`` for an unknown city."""
    return _city_centroids().get((city.upper(), state.upper()))


def zip_centroid(zip5: str) -> Point | None:
    """The centroid of a US ZIP code, offline; ``None`` for an unknown ZIP."""
    entry = _zip_table().get(zip5)
    return entry[0] if entry else None


def zip_state(zip5: str) -> str | None:
    entry = _zip_table().get(zip5)
    return entry[1] if entry else None


def sweep_circles(
    step_degrees: float = 2.0, margin_miles: float = 25.0, states: frozenset[str] | None = None
) -> list[tuple[Point, float]]:
    """Circles (centre, radius in miles) that together cover every US ZIP code.

    A radius-only locator is swept cell by cell: the cells of a ``step_degrees`` grid that hold
    a ZIP centroid (of ``states``, if given), each covered by the circle through its corners,
    widened by ``margin_miles`` because a facility can sit some miles from its ZIP's centroid.
    Neighbouring circles overlap a little; a crawl drops the listings it sees twice.
    """
    cells = {
        (math.floor(point.lat / step_degrees), math.floor(point.lon / step_degrees))
        for point, state in _zip_table().values()
        if states is None or state in states
    }
    circles = []
    for row, column in sorted(cells):
        centre = Point((row + 0.5) * step_degrees, (column + 0.5) * step_degrees)
        corners = [
            Point((row + dr) * step_degrees, (column + dc) * step_degrees)
            for dr in (0, 1)
            for dc in (0, 1)
        ]
        radius = max(great_circle_miles(centre, corner) for corner in corners)
        circles.append((centre, radius + margin_miles))
    return circles
