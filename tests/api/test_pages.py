"""The referrer's pages, over HTTP: the same searches the API answers, as a person reads them.

(In a real browser, with axe and the keyboard: ``tests/web/``.)
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from crawler.listing import build_facility
from iop.documents import to_document
from iop.facility import Facility, Location, LocationPrecision
from iop.indices import ALIAS
from tests.api.conftest import BOISE, DENVER


class Page(HTMLParser):
    """What a test reads of a page: its inputs, labels, links, and every text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.inputs: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("input", "select") and attributes.get("type") != "hidden":
            self.inputs.append(attributes)
        if tag == "label" and attributes.get("for"):
            self.labels.add(attributes["for"] or "")
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        if tag in ("script", "img") and attributes.get("src"):
            self.assets.append(attributes["src"] or "")
        if tag == "link" and attributes.get("href"):
            self.assets.append(attributes["href"] or "")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(" ".join(data.split()))

    @property
    def words(self) -> str:
        return " ".join(self.text)


def ids_in_order(html: str) -> list[str]:
    return re.findall(r'<a href="/facilities/(fac_[0-9a-f]+)">', html)


def test_the_search_form_asks_in_the_apis_words_and_labels_every_field(
    client: TestClient,
) -> None:
    page = Page(client.get("/").text)
    names = {field.get("name") for field in page.inputs}
    assert {"near", "radius_miles", "services", "prefer", "payment", "sort"} <= names
    unlabelled = [f for f in page.inputs if f.get("id") not in page.labels]
    assert unlabelled == []
    assert all(asset.startswith("/") for asset in page.assets)  # every asset served here


def test_results_are_the_apis_results_for_the_same_search(client: TestClient) -> None:
    """A form ticks one box per value; the page searches exactly what the API would."""
    form = "near=Denver%2C+CO&services=iop&prefer=medicaid&prefer=evening&radius_miles=25"
    html = client.get(f"/search?{form}").text
    api = client.get(
        "/v1/facilities/search",
        params={
            "near": "Denver, CO",
            "services": "iop",
            "prefer": "medicaid,evening",
            "radius_miles": 25,
            "limit": 10,
        },
    ).json()
    assert ids_in_order(html) == [hit["id"] for hit in api["results"]]
    page = Page(html)
    assert f"{api['total']} programs within 25 miles" in page.words
    full = next(hit for hit in api["results"] if hit["name"] == "Clinic den-full")
    assert "Evening: offers" in page.words  # what it meets, in words, not colour alone
    assert full["why"][0] in page.words


def test_a_search_that_finds_nothing_explains_itself_with_links_that_drop_a_filter(
    client: TestClient,
) -> None:
    where = f"lat={BOISE[0]}&lon={BOISE[1]}&radius_miles=50"
    html = client.get(f"/search?{where}&services=iop&services=sign_language&services=weekend").text
    page = Page(html)
    assert "0 programs" in page.words
    assert "search without sign language" in page.words.lower()
    drop = next(
        link for link in page.links if "sign_language" not in link and link.startswith("/search?")
    )
    relaxed = client.get(drop)
    assert relaxed.status_code == 200
    assert ids_in_order(relaxed.text)


def test_a_bad_value_comes_back_as_the_form_with_the_reason_beside_the_field(
    client: TestClient,
) -> None:
    response = client.get("/search?near=87102&services=iop&services=nonsense")
    assert response.status_code == 422
    page = Page(response.text)
    assert "There is a problem" in page.words
    assert "unknown service code(s): nonsense" in page.words
    assert "#services" in page.links  # the summary links to the field
    missing = client.get("/search?services=iop")
    assert missing.status_code == 422 and "Enter a ZIP code" in Page(missing.text).words


def test_a_results_page_is_a_link_to_send(client: TestClient) -> None:
    first = client.get(f"/search?lat={DENVER[0]}&lon={DENVER[1]}&services=iop")
    again = client.get(str(first.url).split("testserver", 1)[1])
    assert ids_in_order(first.text) == ids_in_order(again.text)


def test_the_next_page_continues_the_same_search_and_the_first_page_goes_back(
    client: TestClient,
) -> None:
    search = {"lat": str(DENVER[0]), "lon": str(DENVER[1]), "services": "iop", "limit": "2"}
    first = client.get("/search", params=search)
    following = next(link for link in Page(first.text).links if "cursor=" in link)
    asked = parse_qs(urlsplit(following).query)
    assert {k: v for k, v in asked.items() if k != "cursor"} == {k: [v] for k, v in search.items()}
    second = client.get(following)
    api = client.get("/v1/facilities/search", params={**search, "limit": "4"}).json()
    assert ids_in_order(first.text) + ids_in_order(second.text) == [
        hit["id"] for hit in api["results"]
    ]
    same_search = {k: [v] for k, v in search.items()}
    # The second page links back to the first: the same search, no cursor.
    assert any(
        parse_qs(urlsplit(link).query) == same_search
        for link in Page(second.text).links
        if link.startswith("/search?")
    )


def test_ticked_programs_become_the_referral_sheet_with_the_searchs_criteria(
    client: TestClient, indexed: list[Facility]
) -> None:
    ids = [indexed[0].id, indexed[1].id]
    response = client.get(
        "/sheet",
        params=[
            ("ids", ids[0]),
            ("ids", ids[1]),
            ("near", "87102"),
            ("services", "iop"),
            ("lang", "es"),
        ],
        follow_redirects=False,
    )
    assert response.status_code == 303
    target = urlsplit(response.headers["location"])
    query = parse_qs(target.query)
    assert target.path == "/v1/referrals/sheet"
    assert query["ids"] == [",".join(ids)] and query["lang"] == ["es"]
    assert query["near"] == ["87102"] and query["services"] == ["iop"]
    sheet = client.get(response.headers["location"])
    assert sheet.status_code == 200 and 'lang="es"' in sheet.text


def test_a_facility_page_shows_every_fact_with_its_source_and_unknowns_as_unknown(
    client: TestClient, indexed: list[Facility]
) -> None:
    facility = next(f for f in indexed if f.medications.mat_buprenorphine)
    page = Page(client.get(f"/facilities/{facility.id}").text)
    assert "Buprenorphine yes" in page.words.replace("✔ ", "")
    assert "not stated" in page.words  # e.g. methadone: no source said
    assert "(test)" in page.words  # the source, with the date it states or its fetch
    missing = client.get("/facilities/fac_doesnotexist")
    assert missing.status_code == 404 and "No such program" in missing.text


def test_change_the_search_opens_the_form_filled_in(client: TestClient) -> None:
    results = client.get("/search?near=87102&services=evening&prefer=medicaid")
    change = next(link for link in Page(results.text).links if link.startswith("/?"))
    form = client.get(change).text
    assert re.search(r'id="req-evening"[^>]*checked', form)
    assert not re.search(r'id="req-iop"[^>]*checked', form)  # the search no longer asked iop
    assert "prefer=medicaid" in change
    assert 'value="87102"' in form


def test_the_map_needs_no_tile_server_and_uses_one_only_when_configured(
    client: TestClient, elasticsearch_url: str, indexed: list[Facility]
) -> None:
    search = "/search?near=87102&services=iop"
    plain = client.get(search).text
    assert "<svg" in plain and "<image" not in plain  # nothing fetched from a tile server
    markers = re.findall(r"<title>(\d+)\. ", plain)
    # Numbered as the list, and drawn last to first: where markers overlap, 1 is on top.
    assert markers == [str(n) for n in range(len(markers), 0, -1)]
    tiles = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    with TestClient(
        create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url, map_tiles_url=tiles))
    ) as tiled:
        drawn = tiled.get(search).text
    hrefs = re.findall(r'<image href="http://127\.0\.0\.1:9/(\d+)/(\d+)/(\d+)\.png"', drawn)
    assert hrefs and len({zoom for zoom, _, _ in hrefs}) == 1  # one zoom, the radius's


def test_a_fact_read_from_a_programs_page_shows_the_sentence_it_came_from(
    client: TestClient, es: Elasticsearch
) -> None:
    said = "Our evening track meets Monday through Thursday, 6 to 9 pm."
    facility = build_facility(
        source="sunrise_site",
        ref="https://sunrise.example/",
        url="https://sunrise.example/",
        fetched_at=datetime(2026, 11, 20, tzinfo=UTC),
        facts={
            "name": "Sunrise IOP",
            "schedule.evening": True,
            "levels_of_care.iop": True,
            "location": Location(lat=35.0, lon=-106.0, precision=LocationPrecision.STREET),
        },
        evidence={"schedule.evening": (said, "https://sunrise.example/program")},
    )
    es.index(index=ALIAS, id=facility.id, document=to_document(facility), refresh=True)
    near = {"lat": "35.0", "lon": "-106.0", "radius_miles": "5", "services": "iop,evening"}
    try:
        page = client.get(f"/facilities/{facility.id}").text
        api = client.get(f"/v1/facilities/{facility.id}").json()
        found = client.get("/v1/facilities/search", params=near).json()["results"]
        results_page = client.get("/search", params=near).text
    finally:
        es.delete(index=ALIAS, id=facility.id, refresh=True)
    assert f"“{said}”" in page
    assert 'href="https://sunrise.example/program"' in page
    assert api["provenance"]["schedule.evening"]["evidence"] == said  # the API's view too
    # And the search says why it counts the need as met: the program's own sentence.
    hit = next(hit for hit in found if hit["id"] == facility.id)
    assert any(f"“{said}”" in line and "sunrise.example/program" in line for line in hit["why"])
    assert f"“{said}”" in results_page


def test_unticking_every_required_service_requires_none(client: TestClient) -> None:
    """The form always sends services (empty when nothing is ticked): the API's default, IOP,
    must not come back unasked."""
    where = f"lat={DENVER[0]}&lon={DENVER[1]}"
    none = client.get(f"/search?{where}&services=").text
    iop = client.get(f"/search?{where}&services=iop").text
    assert len(ids_in_order(none)) >= len(ids_in_order(iop))
    assert "Required: nothing" in Page(none).words
    form = client.get("/").text
    assert '<input type="hidden" name="services" value="">' in form


def test_an_empty_sheet_goes_back_to_the_results_on_this_site_only(client: TestClient) -> None:
    results = "http://testserver/search?near=87102&services=iop"
    back = client.get("/sheet", headers={"referer": results}, follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"] == "/search?near=87102&services=iop"
    away = client.get(
        "/sheet", headers={"referer": "https://elsewhere.example/x?y=1"}, follow_redirects=False
    )
    assert away.headers["location"] == "/"
