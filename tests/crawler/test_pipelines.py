"""The cleaning pipelines: what they repair, what they count, what they quarantine."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.crawler import Crawler

from crawler.listing import build_facility
from crawler.pipelines.addresses import normalise_zip, split_suite
from crawler.pipelines.phones import to_e164
from crawler.pipelines.websites import normalise_url
from iop.facility import Location, LocationPrecision, Phone
from iop.geo import zip_centroid

NOW = datetime(2026, 11, 27, tzinfo=UTC)


def listing(ref: str = "r1", **facts):
    return build_facility(
        source="test", ref=ref, url="http://example.test/1", fetched_at=NOW, facts=facts
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("505-270-0840", ("+15052700840", None)),
        ("(413) 586-8550 x 212", ("+14135868550", "212")),
        ("413-586-8550 ext. 7", ("+14135868550", "7")),
        ("(999) 999-9999", None),
        ("123", None),
    ],
)
def test_phones_become_e164_with_extensions_and_placeholders_go(raw, expected) -> None:
    assert to_e164(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2056", "02056"),
        ("87124", "87124"),
        ("87124-1234", "87124"),
        ("802", "00802"),
        ("ABCDE", None),
    ],
)
def test_zips_that_lost_leading_zeros_are_repaired(raw, expected) -> None:
    assert normalise_zip(raw) == expected


def test_listing_without_coordinates_gets_its_zip_centroid_marked_as_such(run_pipelines) -> None:
    facility = run_pipelines(listing(**{"name": "Clinic", "address.postal_code": "87124"}))
    assert facility is not None
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.ZIP_CENTROID
    assert facility.provenance["location"].source == "zip_centroid"


def test_unusable_listing_is_quarantined_with_its_reasons(
    run_pipelines, crawler: Crawler, tmp_path: Path
) -> None:
    placeholder = Phone.model_construct(number="(999) 999-9999")  # raw, as a spider gives it
    bad = listing(**{"address.city": "Nowhere", "phones": [placeholder]})
    assert run_pipelines(bad) is None

    quarantined = [
        json.loads(line) for line in (tmp_path / "feed.quarantine.ndjson").read_text().splitlines()
    ]
    assert len(quarantined) == 1
    assert quarantined[0]["record"]["address"]["city"] == "Nowhere"
    assert any(reason.startswith("name:") for reason in quarantined[0]["reasons"])
    assert any(reason.startswith("location:") for reason in quarantined[0]["reasons"])
    assert crawler.stats.get_value("quarantine/records") == 1


def quarantined(tmp_path: Path) -> list[dict]:
    lines = (tmp_path / "feed.quarantine.ndjson").read_text().splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize(
    ("fact", "value", "reason"),
    [
        ("address.state", "ZZ", "address.state: 'ZZ' is not a US state or territory code"),
        ("address.state", "New Mexico", "address.state: 'NEW MEXICO' is not a US state"),
        ("address.postal_code", "ABCDE", "address.postal_code: 'ABCDE' is not a ZIP code"),
        ("address.postal_code", "87102-1234", None),  # ZIP+4: read as its ZIP code
        ("phones", "not a phone", "phones.0.number: 'not a phone' is not a phone number"),
        ("phones", "123", "phones.0.number: '123' is not a phone number"),
    ],
)
def test_a_value_that_is_no_state_zip_or_phone_quarantines_the_record_naming_it(
    run_pipelines, crawler: Crawler, tmp_path: Path, fact: str, value: str, reason: str | None
) -> None:
    # A listing that could serve a referral, but for one broken value.
    facts = {
        "name": "Clinic",
        "address.street1": "1 Main St",
        "address.city": "Albuquerque",
        "address.state": "NM",
        "address.postal_code": "87102",
        "phones": [Phone.model_construct(number="505-270-0840")],
    }
    facts[fact] = [Phone.model_construct(number=value)] if fact == "phones" else value

    facility = run_pipelines(listing(**facts))

    if reason is None:
        assert facility is not None
        return
    assert facility is None
    [record] = quarantined(tmp_path)
    assert any(r.startswith(reason) for r in record["reasons"]), record["reasons"]
    field = reason.split(":")[0].replace(".0.", ".")  # one counter per field, not per phone
    assert crawler.stats.get_value(f"problems/test/{field}/rejected") == 1


@pytest.mark.parametrize("number", ["(999) 999-9999", "333-440-8534", "883-720-9355"])
def test_a_placeholder_or_unassigned_phone_is_dropped_and_the_facility_kept(
    run_pipelines, crawler: Crawler, number: str
) -> None:
    # 333-440-8534 and 883-720-9355 are in the real 2024 directory: area codes no one has.
    raw = [Phone.model_construct(number=number), Phone.model_construct(number="505-270-0840")]
    facility = run_pipelines(
        listing(**{"name": "Clinic", "address.postal_code": "87102", "phones": raw})
    )
    assert facility is not None
    assert [phone.number for phone in facility.phones] == ["+15052700840"]
    assert crawler.stats.get_value("problems/test/phones/invalid_or_placeholder") == 1


@given(north=st.floats(-0.9e-4, 0.9e-4), east=st.floats(-0.9e-4, 0.9e-4), swapped=st.booleans())
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_coordinates_at_the_zip_centroid_are_the_centroid_whatever_the_source_claims(
    run_pipelines, north: float, east: float, swapped: bool
) -> None:
    centroid = zip_centroid("87124")
    assert centroid is not None
    lat, lon = centroid.lat + north, centroid.lon + east
    claimed = Location.model_construct(
        lat=lon if swapped else lat,
        lon=lat if swapped else lon,
        precision=LocationPrecision.STREET,
        source="findtreatment",
    )
    ref = f"{north}/{east}/{swapped}"  # one listing per example: the crawl drops repeats
    facility = run_pipelines(
        listing(ref, **{"name": "Clinic", "address.postal_code": "87124", "location": claimed})
    )
    assert facility is not None and facility.location is not None
    assert facility.location.precision is LocationPrecision.ZIP_CENTROID
    assert facility.location.source == "findtreatment"  # still says whose coordinates


def test_coordinates_off_the_centroid_keep_the_precision_claimed(run_pipelines) -> None:
    centroid = zip_centroid("87124")
    assert centroid is not None
    claimed = Location(
        lat=centroid.lat + 0.01, lon=centroid.lon, precision=LocationPrecision.STREET
    )
    facility = run_pipelines(
        listing(**{"name": "Clinic", "address.postal_code": "87124", "location": claimed})
    )
    assert facility is not None and facility.location is not None
    assert facility.location.precision is LocationPrecision.STREET


def test_out_of_range_coordinates_never_reach_the_feed(run_pipelines) -> None:
    facility = run_pipelines(
        listing(
            name="Clinic",
            location=Location.model_construct(
                lat=135.0, lon=200.0, precision=LocationPrecision.STREET
            ),
        )
    )
    assert facility is None


@pytest.mark.parametrize(
    ("street", "expected"),
    [
        ("3301 Southern Blvd Suite 105", ("3301 Southern Blvd", "Suite 105")),
        ("1014 East Market Street", ("1014 East Market Street", None)),
        ("MCI Norfolk", ("MCI Norfolk", None)),
    ],
)
def test_suites_move_to_street2(street, expected) -> None:
    assert split_suite(street) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("www.Example.org", "http://www.example.org/"),
        ("https://clinic.example/iop?utm_source=x&page=2#top", "https://clinic.example/iop?page=2"),
        ("not a url", None),
    ],
)
def test_websites_are_normalised(raw, expected) -> None:
    assert normalise_url(raw) == expected


def test_a_state_that_disagrees_with_the_zip_is_counted(run_pipelines, crawler: Crawler) -> None:
    facility = run_pipelines(
        listing(**{"name": "Clinic", "address.state": "AZ", "address.postal_code": "87124"})
    )
    assert facility is not None
    assert crawler.stats.get_value("problems/test/address.state/zip_in_other_state") == 1
