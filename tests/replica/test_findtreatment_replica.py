"""The FindTreatment replica, over real HTTP on loopback, checked against the directory itself.

Expectations are computed here straight from the CSV files in ``data/samhsa`` (not from the
replica's prepared rows), so the replica's filtering, distances and paging are tested, not
restated.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from iop.geo import METRES_PER_MILE, Point, great_circle_miles, zip_centroid
from iop.paths import SAMHSA_DIR
from iop.samhsa import parse_code_list
from replica.directory import QUIRK_PHONE, is_quirk_row
from replica.findtreatment import EXPORT_PATH, MAX_PAGE_SIZE, running_replica

REALWORLD_API = (
    Path(__file__).resolve().parents[3] / "shared" / "realworld" / "samhsa" / "findtreatment_api"
)
CHARLOTTESVILLE = "38.0293,-78.4767"
CHARLOTTESVILLE_POINT = Point(38.0293, -78.4767)
# Key order of a substance-use row in the verbatim 2019 response (CBHSQ/findtreatment _DATA.js).
ROW_KEYS_2019 = [
    "_irow", "frid", "name1", "name2", "street1", "city", "street2", "state", "zip", "phone",
    "typeFacility", "intake1", "hotline1", "website", "latitude", "longitude", "miles", "services",
]  # fmt: skip
# Key order of a row in the 2026 live response (Smagy82/wellcott samhsa-raw.json).
ROW_KEYS_2026 = [
    "_irow", "name1", "name2", "street1", "city", "street2", "state", "zip", "phone", "intake1",
    "hotline1", "website", "latitude", "longitude", "miles", "services", "typeFacility",
]  # fmt: skip


# --- the directory, read independently -------------------------------------------------------


class Facility:
    def __init__(self, row: dict[str, str], lat: str, lon: str) -> None:
        self.id = row["facility_id"]
        self.name1 = row["name1"]
        self.street1 = row["street1"]
        self.state = row["state"]
        self.zip5 = row["zip"].strip().zfill(5)
        self.codes = set(parse_code_list(row["service_code_info"])[0])
        self.lat, self.lon = lat, lon
        self.point = Point(float(lat), float(lon)) if lat and lon else None
        self.frid = hashlib.sha256(self.id.encode()).hexdigest()


@pytest.fixture(scope="module")
def directory() -> dict[str, Facility]:
    with open(SAMHSA_DIR / "nsumhss2024_su_coordinates.csv", newline="", encoding="utf-8") as f:
        coords = {r["facility_id"]: (r["latitude"], r["longitude"]) for r in csv.DictReader(f)}
    facilities = {}
    with open(SAMHSA_DIR / "nsumhss2024_su_directory.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lat, lon = coords.get(row["facility_id"], ("", ""))
            if not (lat and lon):
                centroid = zip_centroid(row["zip"].strip().zfill(5))
                lat, lon = (str(centroid.lat), str(centroid.lon)) if centroid else ("", "")
            facility = Facility(row, lat, lon)
            facilities[facility.frid] = facility
    return facilities


def within(directory: dict[str, Facility], origin: Point, metres: float) -> set[str]:
    return {
        frid
        for frid, f in directory.items()
        if f.point and great_circle_miles(origin, f.point) * METRES_PER_MILE <= metres
    }


# --- the replica -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[httpx2.Client]:
    with running_replica() as base_url, httpx2.Client(base_url=base_url, timeout=60) as http:
        yield http


@pytest.fixture(scope="module")
def quirk_client() -> Iterator[httpx2.Client]:
    with (
        running_replica(quirks=True) as base_url,
        httpx2.Client(base_url=base_url, timeout=60) as http,
    ):
        yield http


def locate(http: httpx2.Client, **params: Any) -> dict:
    response = http.get(EXPORT_PATH, params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response.json()


def all_rows(http: httpx2.Client, **params: Any) -> list[dict]:
    rows: list[dict] = []
    page = 1
    while True:
        body = locate(http, **params, pageSize=MAX_PAGE_SIZE, page=page)
        rows += body["rows"]
        if page >= body["totalPages"]:
            return rows
        page += 1


def radius_query(metres: float, **extra: Any) -> dict[str, Any]:
    return dict(sAddr=CHARLOTTESVILLE, limitType=2, limitValue=metres, sType="SA", sort=0, **extra)


# --- shape -----------------------------------------------------------------------------------


def check_row_types(row: dict) -> None:
    assert isinstance(row["_irow"], int)
    assert isinstance(row["frid"], str) and len(row["frid"]) == 64
    int(row["frid"], 16)
    for key in ("name1", "name2", "street1", "street2", "city", "state", "zip", "phone"):
        assert isinstance(row[key], str), key
    for key in ("intake1", "hotline1", "website"):
        assert row[key] is None or isinstance(row[key], str), key
    assert row["typeFacility"] == "SA"
    assert isinstance(row["latitude"], str) and isinstance(row["longitude"], str)
    float(row["latitude"]), float(row["longitude"])
    assert isinstance(row["miles"], float | int) and not isinstance(row["miles"], bool)
    assert round(row["miles"], 2) == row["miles"]
    assert len(row["zip"]) == 5 and row["zip"].isdigit()
    assert row["services"], row
    for service in row["services"]:
        assert list(service) == ["f1", "f2", "f3"]
        assert all(isinstance(v, str) and v for v in service.values())
    f2s = [s["f2"] for s in row["services"]]
    assert len(f2s) == len(set(f2s)), "one entry per category"


def test_response_shape_matches_the_2019_row(client: httpx2.Client) -> None:
    body = locate(client, **radius_query(150_000, pageSize=30, page=1))
    assert list(body) == ["page", "totalPages", "recordCount", "rows"]
    assert all(isinstance(body[k], int) for k in ("page", "totalPages", "recordCount"))
    assert body["page"] == 1 and len(body["rows"]) == 30
    for row in body["rows"]:
        assert list(row) == ROW_KEYS_2019
        check_row_types(row)
        assert row["hotline1"] is None and row["website"] is None


@pytest.mark.realworld
def test_response_shape_matches_the_verbatim_sample_file(client: httpx2.Client) -> None:
    sample_path = REALWORLD_API / "2019_charlottesville_page1_30rows.json"
    if not sample_path.exists():
        pytest.skip("../shared/realworld is not available")
    sample = json.loads(sample_path.read_text(encoding="utf-8"))
    body = locate(client, **radius_query(150_000, pageSize=30))
    assert list(body) == list(sample)
    for key in ("page", "totalPages", "recordCount"):
        assert type(body[key]) is type(sample[key])
    sample_row = next(r for r in sample["rows"] if r["typeFacility"] == "SA")
    sample_titles = {s["f2"]: s["f1"] for r in sample["rows"] for s in r["services"]}
    for row in body["rows"]:
        assert list(row) == list(sample_row)
        for key, value in sample_row.items():
            if key not in ("intake1", "hotline1", "website"):  # nullable in both
                assert type(row[key]) is type(value), key
        for service in row["services"]:
            if service["f2"] in sample_titles:
                assert service["f1"] == sample_titles[service["f2"]]


def test_services_group_the_directory_codes(
    client: httpx2.Client, directory: dict[str, Facility]
) -> None:
    body = locate(client, **radius_query(30_000, pageSize=50))
    for row in body["rows"]:
        facility = directory[row["frid"]]
        f2s = {s["f2"]: s["f3"] for s in row["services"]}
        if "OIT" in facility.codes:
            assert "Intensive outpatient treatment" in f2s["SET"].split("; ")
        if "MD" in facility.codes:
            assert "Medicaid" in f2s["PAY"].split("; ")
        assert ("FOP" in f2s) == bool(
            facility.codes & {"PVTP", "PVTN", "LCCG", "STG", "FED", "TBG", "IH", "VAMC", "DDF"}
        )


# --- distances, order, paging ----------------------------------------------------------------


def test_miles_are_great_circle_distances_from_sAddr(
    client: httpx2.Client, directory: dict[str, Facility]
) -> None:
    body = locate(client, **radius_query(150_000, pageSize=200))
    assert body["rows"]
    for row in body["rows"]:
        here = Point(float(row["latitude"]), float(row["longitude"]))
        assert here == directory[row["frid"]].point
        assert row["miles"] == pytest.approx(
            great_circle_miles(CHARLOTTESVILLE_POINT, here), abs=0.0051
        )


def test_rows_are_sorted_by_miles_across_pages(client: httpx2.Client) -> None:
    rows = []
    for page in (1, 2, 3):
        rows += locate(client, **radius_query(200_000, pageSize=25, page=page))["rows"]
    assert len(rows) == 75
    miles = [r["miles"] for r in rows]
    assert miles == sorted(miles)
    assert [r["_irow"] for r in rows] == list(range(1, 76))


def test_paging(client: httpx2.Client) -> None:
    first = locate(client, **radius_query(100_000, pageSize=7, page=1))
    second = locate(client, **radius_query(100_000, pageSize=7, page=2))
    both = locate(client, **radius_query(100_000, pageSize=14, page=1))
    assert first["rows"] + second["rows"] == both["rows"]
    assert second["page"] == 2 and [r["_irow"] for r in second["rows"]] == list(range(8, 15))
    count = first["recordCount"]
    assert count > 14 and first["totalPages"] == math.ceil(count / 7)

    last = locate(client, **radius_query(100_000, pageSize=7, page=first["totalPages"]))
    assert len(last["rows"]) == count - 7 * (first["totalPages"] - 1)
    assert last["rows"][-1]["_irow"] == count

    past = locate(client, **radius_query(100_000, pageSize=7, page=first["totalPages"] + 1))
    assert past["rows"] == []
    assert (past["recordCount"], past["totalPages"]) == (count, first["totalPages"])
    assert past["page"] == first["totalPages"] + 1


def test_page_size_defaults_and_is_capped(client: httpx2.Client) -> None:
    query = dict(sAddr="39.8,-98.6", limitType=2, limitValue=5_000_000)
    assert len(locate(client, **query)["rows"]) == 10
    huge = locate(client, **query, pageSize=5000)
    assert len(huge["rows"]) == MAX_PAGE_SIZE
    assert huge["totalPages"] == math.ceil(huge["recordCount"] / MAX_PAGE_SIZE)


# --- filters ---------------------------------------------------------------------------------


def test_sCodes_are_ANDed(client: httpx2.Client, directory: dict[str, Facility]) -> None:
    metres = 250_000
    codes = {"OIT", "BU", "MD"}
    rows = all_rows(client, **radius_query(metres, sCodes=",".join(sorted(codes))))
    assert rows
    for row in rows:
        assert codes <= directory[row["frid"]].codes, row["name1"]
    expected = {
        frid
        for frid in within(directory, CHARLOTTESVILLE_POINT, metres)
        if codes <= directory[frid].codes
    }
    assert {r["frid"] for r in rows} == expected
    only_oit = locate(client, **radius_query(metres, sCodes="OIT"))["recordCount"]
    assert only_oit > len(rows)
    assert locate(client, **radius_query(metres, sCodes="OIT,NOSUCHCODE"))["recordCount"] == 0


def test_radius_in_metres_is_honoured_and_complete(
    client: httpx2.Client, directory: dict[str, Facility]
) -> None:
    metres = 120_000
    rows = all_rows(client, **radius_query(metres))
    for row in rows:
        here = Point(float(row["latitude"]), float(row["longitude"]))
        assert great_circle_miles(CHARLOTTESVILLE_POINT, here) * METRES_PER_MILE <= metres
    returned = [r["frid"] for r in rows]
    assert len(returned) == len(set(returned))
    assert set(returned) == within(directory, CHARLOTTESVILLE_POINT, metres)


def test_state_query_serves_the_known_state_ids(
    client: httpx2.Client, directory: dict[str, Facility]
) -> None:
    for state_id, state in ((23, "CA"), (5, "NY"), (11, "TX")):
        rows = all_rows(client, sAddr="39.8,-98.6", limitType=0, limitValue=state_id, sType="SA")
        assert {r["state"] for r in rows} == {state}
        assert {r["frid"] for r in rows} == {
            frid for frid, f in directory.items() if f.state == state and f.point
        }
        miles = [r["miles"] for r in rows]
        assert miles == sorted(miles)


def test_mental_health_type_is_empty(client: httpx2.Client) -> None:
    body = locate(client, **{**radius_query(100_000), "sType": "MH"})
    assert (body["recordCount"], body["totalPages"], body["rows"]) == (0, 0, [])


# --- coordinates -----------------------------------------------------------------------------


def test_zip_centroid_serves_a_row_without_coordinates(
    client: httpx2.Client, directory: dict[str, Facility]
) -> None:
    facility = next(f for f in directory.values() if f.id == "substance_7718")
    assert facility.name1 == "Desert Mountain Healing IOP LLC" and facility.zip5 == "87124"
    with open(SAMHSA_DIR / "nsumhss2024_su_coordinates.csv", newline="", encoding="utf-8") as f:
        derived = next(r for r in csv.DictReader(f) if r["facility_id"] == "substance_7718")
    assert derived["latitude"] == "" and derived["longitude"] == ""

    centroid = zip_centroid("87124")
    assert centroid is not None
    body = locate(
        client, sAddr=f"{centroid.lat},{centroid.lon}", limitType=2, limitValue=2_000, sCodes="OIT"
    )
    row = next(r for r in body["rows"] if r["frid"] == facility.frid)
    assert row["name1"] == "Desert Mountain Healing IOP LLC"
    assert (float(row["latitude"]), float(row["longitude"])) == (centroid.lat, centroid.lon)
    assert row["miles"] == 0
    assert row["zip"] == "87124" and row["state"] == "NM"


def test_zip_codes_get_their_leading_zeros_back(client: httpx2.Client) -> None:
    # Boston: Massachusetts ZIPs lost their leading zero in the directory file.
    rows = locate(client, sAddr="42.3601,-71.0589", limitType=2, limitValue=5_000, pageSize=50)[
        "rows"
    ]
    assert rows
    assert all(len(r["zip"]) == 5 and r["zip"].startswith("02") for r in rows if r["state"] == "MA")


# --- query syntax ----------------------------------------------------------------------------


def test_sAddr_spellings(client: httpx2.Client) -> None:
    expected = locate(client, **radius_query(50_000, pageSize=20))
    for spelling in ("38.0293, -78.4767", '"38.0293,-78.4767"', "38.0293%2C-78.4767"):
        body = locate(client, **{**radius_query(50_000, pageSize=20), "sAddr": spelling})
        assert body == expected, spelling
    # Already-encoded in the raw URL (the comma as %2C) as well as encoded twice.
    for raw in ("38.0293%2C-78.4767", "38.0293%252C-78.4767"):
        response = client.get(
            f"{EXPORT_PATH}?sAddr={raw}&limitType=2&limitValue=50000&sType=SA&pageSize=20&sort=0"
        )
        assert response.json() == expected, raw


def test_form_post_like_the_2019_front_end(client: httpx2.Client) -> None:
    expected = locate(client, **radius_query(50_000, pageSize=20))
    response = client.post(
        EXPORT_PATH, data={k: str(v) for k, v in radius_query(50_000, pageSize=20).items()}
    )
    assert response.json() == expected


@pytest.mark.parametrize(
    "query",
    [
        "limitType=2&limitValue=80467",  # no sAddr
        "sAddr=Charlottesville&limitType=2&limitValue=80467",
        "sAddr=38.0293&limitType=2&limitValue=80467",
        "sAddr=138.0,-78.4&limitType=2&limitValue=80467",
        f"sAddr={CHARLOTTESVILLE}&limitType=2",  # no radius
        f"sAddr={CHARLOTTESVILLE}&limitType=2&limitValue=fifty",
        f"sAddr={CHARLOTTESVILLE}&limitType=7&limitValue=80467",
        f"sAddr={CHARLOTTESVILLE}&limitType=x&limitValue=80467",
        f"sAddr={CHARLOTTESVILLE}&limitType=1&limitValue=80467",  # county: unsupported
        f"sAddr={CHARLOTTESVILLE}&limitType=0&limitValue=47",  # unknown state id
        f"sAddr={CHARLOTTESVILLE}&limitType=2&limitValue=80467&pageSize=ten",
        f"sAddr={CHARLOTTESVILLE}&limitType=2&limitValue=80467&page=two",
        f"sAddr={CHARLOTTESVILLE}&limitType=2&limitValue=80467&page=0",
        f"sAddr={CHARLOTTESVILLE}&limitType=2&limitValue=80467&sort=zero",
        f"sAddr={CHARLOTTESVILLE}&limitType=2&limitValue=80467&sType=XYZ",
    ],
)
def test_malformed_query_is_plain_text_with_200(client: httpx2.Client, query: str) -> None:
    response = client.get(f"{EXPORT_PATH}?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)


def test_healthz(client: httpx2.Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


# --- quirk mode ------------------------------------------------------------------------------


def test_quirk_mode_degrades_a_deterministic_subset(
    client: httpx2.Client, quirk_client: httpx2.Client, directory: dict[str, Facility]
) -> None:
    query = dict(sAddr="36.7783,-119.4179", limitType=0, limitValue=23, sType="SA")  # California
    normal, quirky = all_rows(client, **query), all_rows(quirk_client, **query)
    assert len(normal) == len(quirky) > 1000
    degraded = 0
    for plain, odd in zip(normal, quirky, strict=True):
        facility = directory[plain["frid"]]
        assert (plain["_irow"], plain["name1"], plain["miles"]) == (
            odd["_irow"], odd["name1"], odd["miles"],
        )  # fmt: skip
        if is_quirk_row(facility.id):
            degraded += 1
            assert list(odd) == ROW_KEYS_2026
            assert "frid" not in odd and odd["services"] is None
            assert odd["phone"] == QUIRK_PHONE
            assert (odd["latitude"], odd["longitude"]) == (plain["longitude"], plain["latitude"])
        else:
            assert odd == plain
    assert 0.01 < degraded / len(normal) < 0.04  # about every 50th facility
