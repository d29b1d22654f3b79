"""Where a search starts: coordinates, ZIP, or words, geocoded or offline, with its precision."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient

from api.search.location import (
    LocationNotFound,
    from_coordinates,
    from_words,
    from_words_offline,
    state_at,
)
from iop.geo import Point, great_circle_miles, zip_centroid


@pytest.mark.parametrize(
    ("words", "precision", "state"),
    [
        ("Albuquerque, NM", "city_centroid", "NM"),
        ("albuquerque new mexico", "city_centroid", "NM"),
        ("1 Main St, Albuquerque, NM", "city_centroid", "NM"),
        ("1 Main St, Albuquerque, NM 87102", "zip_centroid", "NM"),
        ("87102", "zip_centroid", "NM"),
        ("Denver, Colorado", "city_centroid", "CO"),
    ],
)
def test_offline_words_resolve_to_zip_or_city_centroids(
    words: str, precision: str, state: str
) -> None:
    origin = from_words_offline(words)
    assert (origin.precision, origin.state) == (precision, state)
    assert great_circle_miles(origin.point, Point(35.0844, -106.6504)) < 20 or state == "CO"


def test_a_city_centroid_is_the_mean_of_its_zip_centroids() -> None:
    origin = from_words_offline("Santa Fe, NM")
    assert 35.5 < origin.point.lat < 35.8 and -106.2 < origin.point.lon < -105.8


def test_words_naming_no_place_are_refused() -> None:
    with pytest.raises(LocationNotFound):
        from_words_offline("somewhere over the rainbow")


def test_a_configured_geocoder_is_used_and_its_failure_falls_back_offline() -> None:
    seen: list[str] = []

    def geocoder(text: str) -> tuple[float, float, str] | None:
        seen.append(text)
        return (35.1, -106.6, "1 Main St, Albuquerque")

    origin = asyncio.run(from_words("1 Main St, Albuquerque, NM", geocoder))
    assert (origin.precision, origin.state, seen) == (
        "geocoder",
        "NM",
        ["1 Main St, Albuquerque, NM"],
    )

    def broken(text: str) -> tuple[float, float, str] | None:
        raise TimeoutError("no internet")

    fallback = asyncio.run(from_words("Albuquerque, NM", broken))
    assert fallback.precision == "city_centroid"


def test_coordinates_know_their_state() -> None:
    assert from_coordinates(35.0844, -106.6504).state == "NM"
    assert state_at(Point(0.0, -150.0)) is None


def test_search_near_words_reports_the_precision(client: TestClient) -> None:
    body = client.get("/v1/facilities/search", params={"near": "Albuquerque, NM"}).json()
    assert body["origin"]["precision"] == "city_centroid"
    assert body["origin"]["label"] == "Albuquerque, NM"
    assert "Clinic near-iop-bup" in [hit["name"] for hit in body["results"]]
    by_zip = client.get("/v1/facilities/search", params={"near": "Main St 87102"}).json()
    centroid = zip_centroid("87102")
    assert (by_zip["origin"]["lat"], by_zip["origin"]["lon"]) == (centroid.lat, centroid.lon)


def test_search_uses_the_app_geocoder(client: TestClient) -> None:
    app = client.app
    previous = app.state.geocoder
    app.state.geocoder = lambda text: (35.09, -106.6504, "geocoded")
    try:
        body = client.get(
            "/v1/facilities/search", params={"near": "1 Main St, ABQ", "sort": "distance"}
        ).json()
    finally:
        app.state.geocoder = previous
    assert body["origin"]["precision"] == "geocoder"
    assert body["results"][0]["distance_miles"] < 0.1
