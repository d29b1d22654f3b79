"""Repair swapped coordinates and reject ones that contradict the stated address.

SAMHSA's live API sends some rows with latitude and longitude swapped. A pair is checked
against the centroid of the listing's ZIP code: whichever order lies near it wins; if neither
does, the coordinates are dropped (and the geocoding pipeline falls back to the ZIP centroid).
Without a ZIP, only the ranges can tell a swapped pair.

Coordinates equal (to ``1e-4``°, about 10 m) to the ZIP's centroid are that centroid, whatever
precision the source claims: a source that geocoded only the ZIP says nothing of the street,
and a distance from them is a distance from the ZIP's centre.
"""

from __future__ import annotations

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility, Location, LocationPrecision
from iop.geo import Point, great_circle_miles, zip_centroid

# A facility is rarely farther than this from its ZIP's centroid (large rural ZIPs included).
MAX_MILES_FROM_ZIP_CENTROID = 60.0
# Coordinates this close (in degrees) to the ZIP's centroid are the centroid.
AT_CENTROID_DEGREES = 1e-4


def in_range(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


class CoordinatesPipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        location = item.location
        if location is None:
            return item
        as_given = (location.lat, location.lon)
        swapped = (location.lon, location.lat)
        centroid = zip_centroid(item.address.postal_code or "")
        chosen: tuple[float, float] | None
        if centroid is not None:
            chosen = next(
                (
                    pair
                    for pair in (as_given, swapped)
                    if in_range(*pair)
                    and great_circle_miles(Point(*pair), centroid) <= MAX_MILES_FROM_ZIP_CENTROID
                ),
                None,
            )
        else:
            chosen = next((pair for pair in (as_given, swapped) if in_range(*pair)), None)
        if chosen is None:
            count_problem(self.stats, item, "location", "far_from_address")
            item.location = None
            item.provenance.pop("location", None)
            return item
        if chosen is swapped:
            count_problem(self.stats, item, "location", "swapped_repaired")
        precision = location.precision
        if (
            centroid is not None
            and abs(chosen[0] - centroid.lat) <= AT_CENTROID_DEGREES
            and abs(chosen[1] - centroid.lon) <= AT_CENTROID_DEGREES
            and precision is not LocationPrecision.ZIP_CENTROID
        ):
            count_problem(self.stats, item, "location", "at_zip_centroid")
            precision = LocationPrecision.ZIP_CENTROID
        item.location = Location(
            lat=chosen[0], lon=chosen[1], precision=precision, source=location.source
        )
        return item
