"""Give a location to listings without one: the centroid of their ZIP code, offline."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.pipelines import CountingPipeline, count_problem
from iop.facility import Facility, Location, LocationPrecision, Provenance
from iop.geo import zip_centroid


class GeocodePipeline(CountingPipeline):
    def process_item(self, item: Facility) -> Facility:
        if item.location is not None or not item.address.postal_code:
            return item
        centroid = zip_centroid(item.address.postal_code)
        if centroid is None:
            count_problem(self.stats, item, "address.postal_code", "unknown_zip")
            return item
        item.location = Location(
            lat=centroid.lat,
            lon=centroid.lon,
            precision=LocationPrecision.ZIP_CENTROID,
            source="zip_centroid",
        )
        item.provenance["location"] = Provenance(
            source="zip_centroid", url=None, fetched_at=datetime.now(UTC)
        )
        self.stats.inc_value("geocode/zip_centroid")
        return item
