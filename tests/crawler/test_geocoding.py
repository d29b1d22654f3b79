"""A configured geopy geocoder places listings at their street; without one, the ZIP centroid.

The geocoder is geopy's real Nominatim client, pointed at a loopback server that answers the
way Nominatim's search API does.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.utils.test import get_crawler

from crawler.listing import build_facility
from crawler.pipelines.geocode import GeocodePipeline
from iop.facility import LocationPrecision
from iop.geo import Point, miles_between

KNOWN = {"3301 Southern Blvd, Rio Rancho, NM 87124": ("35.2531", "-106.6611")}


@pytest.fixture
def nominatim(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    asked: list[str] = []

    class Search(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = parse_qs(urlsplit(self.path).query)["q"][0]
            asked.append(query)
            found = KNOWN.get(query)
            body = [{"lat": found[0], "lon": found[1], "display_name": query}] if found else []
            payload = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Search)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = {
        "domain": f"127.0.0.1:{server.server_port}",
        "scheme": "http",
        "user_agent": "iop-tests",
    }
    monkeypatch.setenv("IOP_GEOCODER", "nominatim")
    monkeypatch.setenv("IOP_GEOCODER_OPTIONS", json.dumps(options))
    yield asked
    server.shutdown()


def listing(street: str, city: str = "Rio Rancho", postal_code: str | None = "87124"):
    facts = {
        "name": "Clinic",
        "address.street1": street,
        "address.city": city,
        "address.state": "NM",
        "address.postal_code": postal_code,
    }
    return build_facility(
        source="test", ref=street, url=None, fetched_at=datetime.now(UTC), facts=facts
    )


def pipeline() -> GeocodePipeline:
    crawler = get_crawler(settings_dict={"IOP_GEOCODER_MIN_DELAY_SECONDS": 0})
    crawler.stats.open_spider()
    return GeocodePipeline.from_crawler(crawler)


def test_a_configured_geocoder_finds_the_street(nominatim: list[str]) -> None:
    facility = pipeline().process_item(listing("3301 Southern Blvd"))
    assert nominatim == ["3301 Southern Blvd, Rio Rancho, NM 87124"]
    assert facility.location is not None
    assert (facility.location.lat, facility.location.lon) == (35.2531, -106.6611)
    assert facility.location.precision is LocationPrecision.STREET
    assert facility.provenance["location"].source == "nominatim"


def test_an_address_the_geocoder_does_not_know_falls_back_to_the_zip(nominatim: list[str]) -> None:
    facility = pipeline().process_item(listing("1 Nowhere Road"))
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.ZIP_CENTROID


def test_without_a_geocoder_nothing_goes_over_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IOP_GEOCODER", raising=False)
    facility = pipeline().process_item(listing("3301 Southern Blvd"))
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.ZIP_CENTROID


def test_a_street_written_without_its_zip_is_placed_at_its_citys_centre(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A site that writes "305 W Calhoun St in downtown Whiteville" and no ZIP code: the
    facility is found near its town, and its distance is said to be the town's."""
    monkeypatch.delenv("IOP_GEOCODER", raising=False)
    facility = pipeline().process_item(listing("3301 Southern Blvd", postal_code=None))
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.CITY_CENTROID
    assert (
        miles_between(Point(35.2531, -106.6611), facility.location.lat, facility.location.lon) < 10
    )
    unknown = pipeline().process_item(listing("1 Main St", city="Nowhereville", postal_code=None))
    assert unknown.location is None
