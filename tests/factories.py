"""Facilities for tests, built through the same path a crawl builds them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from crawler.listing import build_facility
from iop.facility import Facility, Location, LocationPrecision, Phone, PhoneKind

FETCHED = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def make_facility(ref: str, lat: float, lon: float, **facts: Any) -> Facility:
    base: dict[str, Any] = {
        "name": f"Clinic {ref}",
        "address.street1": "1 Main St",
        "address.city": "Albuquerque",
        "address.state": "NM",
        "address.postal_code": "87102",
        "location": Location(lat=lat, lon=lon, precision=LocationPrecision.STREET, source="test"),
        "phones": [Phone(number="+15055550100", kind=PhoneKind.MAIN)],
    }
    return build_facility(
        source="test",
        ref=ref,
        url=f"http://example.test/{ref}",
        fetched_at=FETCHED,
        facts=base | facts,
    )
