"""Give a location to listings without one.

With a geopy geocoder configured (``IOP_GEOCODER``, see :mod:`iop.geocoding`) the street
address is geocoded first (precision ``street``); otherwise, or when it finds nothing, the
centroid of the listing's ZIP code, offline (precision ``zip_centroid``), or, for a site that
writes its street without a ZIP code, its city's centre (precision ``city_centroid``). The
precision and the geocoder's name are recorded, so search can say how approximate a distance is.
"""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.crawler import Crawler

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Address, Facility, Location, LocationPrecision, Provenance
from iop.geo import Point, city_centroid, zip_centroid
from iop.geocoding import configured_geocoder


def address_line(address: Address) -> str | None:
    """``"3301 Southern Blvd, Rio Rancho, NM 87124"``; ``None`` without a street and a place."""
    if not address.street1 or not (address.postal_code or (address.city and address.state)):
        return None
    place = " ".join(p for p in (address.state, address.postal_code) if p)
    return ", ".join(p for p in (address.street1, address.city, place) if p)


class GeocodePipeline(CountingPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.geocoder = configured_geocoder(
            crawler.settings.getfloat("IOP_GEOCODER_MIN_DELAY_SECONDS", 1.0)
        )

    def process_item(self, item: Facility) -> Facility:
        if item.location is not None:
            return item
        located = self._geocode(item) or self._zip_centroid(item) or self._city_centroid(item)
        if located is not None:
            item.location = located
            item.provenance["location"] = Provenance(
                source=located.source or "geocoder", url=None, fetched_at=datetime.now(UTC)
            )
        return item

    def _geocode(self, item: Facility) -> Location | None:
        line = address_line(item.address)
        if self.geocoder is None or line is None:
            return None
        name, geocode = self.geocoder
        try:
            found = geocode(line)
        except Exception as error:  # a geocoder's outage must not stop the crawl
            count_problem(self.stats, item, "location", f"geocoder_error_{type(error).__name__}")
            return None
        if found is None:
            count_problem(self.stats, item, "location", "geocoder_found_nothing")
            return None
        self.stats.inc_value(f"geocode/{name}")
        lat, lon, _ = found
        return Location(lat=lat, lon=lon, precision=LocationPrecision.STREET, source=name)

    def _zip_centroid(self, item: Facility) -> Location | None:
        if not item.address.postal_code:
            return None
        centroid = zip_centroid(item.address.postal_code)
        if centroid is None:
            count_problem(self.stats, item, "address.postal_code", "unknown_zip")
            return None
        return self._centroid(centroid, LocationPrecision.ZIP_CENTROID)

    def _city_centroid(self, item: Facility) -> Location | None:
        address = item.address
        if address.postal_code or not (address.city and address.state):
            return None  # (an unknown ZIP code is a problem of its own, not a city's)
        centroid = city_centroid(address.city, address.state)
        if centroid is None:
            count_problem(self.stats, item, "address.city", "unknown_city")
            return None
        return self._centroid(centroid, LocationPrecision.CITY_CENTROID)

    def _centroid(self, centroid: Point, precision: LocationPrecision) -> Location:
        self.stats.inc_value(f"geocode/{precision.value}")
        return Location(
            lat=centroid.lat, lon=centroid.lon, precision=precision, source=precision.value
        )
