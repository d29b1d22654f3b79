"""The FindTreatment spider on verbatim responses of the real API, quirks included."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.crawler import Crawler

from crawler.spiders.findtreatment import FindTreatmentSpider
from iop.facility import LocationPrecision, Ownership
from iop.geo import Point, great_circle_miles, zip_centroid
from tests.conftest import findtreatment_sample

URL = "https://findtreatment.example/locator/exportsAsJson/v2"
NOW = datetime(2026, 11, 27, tzinfo=UTC)


def test_iop_mat_facility_maps_levels_medications_payment_and_provenance(
    spider: FindTreatmentSpider, run_pipelines
) -> None:
    rows = findtreatment_sample("2019_charlottesville_25rows_sa_only.json")["rows"]
    row = next(r for r in rows if r["name1"] == "Addiction Allies LLC")
    facility = run_pipelines(spider.facility_from_row(row, URL, NOW))

    assert facility is not None
    assert facility.levels_of_care.iop is True
    assert facility.levels_of_care.residential is False  # answered "service settings" without it
    assert facility.medications.mat_buprenorphine is True
    assert facility.medications.mat_naltrexone is True
    assert facility.medications.mat_methadone is False
    assert facility.address.street2 == "Suite 203-A"
    assert facility.phones[0].number == "+14349621645"
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.STREET
    assert facility.provenance["levels_of_care.iop"].source == "findtreatment"
    assert facility.provenance["levels_of_care.iop"].url == URL
    assert facility.sources[0].ref == row["frid"]


def test_ownership_and_payment_from_service_labels(
    spider: FindTreatmentSpider, run_pipelines
) -> None:
    rows = findtreatment_sample("2019_charlottesville_page1_30rows.json")["rows"]
    row = next(r for r in rows if r["name2"] == "Mohr Center")
    facility = run_pipelines(spider.facility_from_row(row, URL, NOW))

    assert facility is not None
    assert facility.ownership is Ownership.PUBLIC_LOCAL
    assert facility.payment.medicaid is True
    assert facility.payment.sliding_fee is True
    assert facility.payment.medicare is False


def test_live_quirks_swapped_coordinates_null_services_placeholder_phone_no_frid(
    spider: FindTreatmentSpider, crawler: Crawler, run_pipelines
) -> None:
    rows = findtreatment_sample("2026_otp_probe_7rows.json")["rows"]
    facilities = [run_pipelines(spider.facility_from_row(row, URL, NOW)) for row in rows]

    for row, facility in zip(rows, facilities, strict=True):
        assert facility is not None
        # Swapped in the answer, right in the feed: near the listing's own ZIP code.
        assert facility.location is not None
        centroid = zip_centroid(facility.address.postal_code or "")
        assert centroid is not None
        here = Point(facility.location.lat, facility.location.lon)
        assert great_circle_miles(here, centroid) < 60
        swapped = Point(float(row["longitude"]), float(row["latitude"]))
        if great_circle_miles(swapped, centroid) < 60:
            assert (here.lat, here.lon) == (swapped.lat, swapped.lon)
        else:
            # A real error in the sample: a Massachusetts prison with Kansas coordinates.
            assert facility.location.precision is LocationPrecision.ZIP_CENTROID
        # services: null says nothing: every service stays unknown, never false.
        assert facility.levels_of_care.iop is None
        assert facility.medications.mat_methadone is None
        assert facility.ownership is None
        # The placeholder phone is not a phone.
        assert all(p.number != "+19999999999" for p in facility.phones)
    stats = crawler.stats.get_stats()
    assert stats["findtreatment/null_services"] == len(rows)
    assert stats["findtreatment/missing_frid"] == len(rows)
    assert stats["problems/findtreatment/location/swapped_repaired"] == len(rows) - 1
    assert stats["problems/findtreatment/location/far_from_address"] == 1
    assert stats["problems/findtreatment/phones/invalid_or_placeholder"] >= 1


def test_rows_without_frid_keep_the_same_id_across_crawls(spider: FindTreatmentSpider) -> None:
    row = findtreatment_sample("2026_otp_probe_7rows.json")["rows"][0]
    first = spider.facility_from_row(row, URL, NOW)
    again = spider.facility_from_row(dict(row, _irow=99, miles=1.0), URL, NOW)
    assert first.id == again.id
