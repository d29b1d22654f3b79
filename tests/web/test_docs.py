"""The API's documentation pages render in a browser with nothing fetched from elsewhere."""

from __future__ import annotations

import json
import re
from http.client import HTTPMessage
from urllib.request import urlopen

from playwright.sync_api import Page, expect

from tests.web.axe import check_accessibility
from tests.web.browser import screenshot
from tests.web.server import LiveServer

SEARCH = "/v1/facilities/search"


def get(url: str) -> tuple[int, HTTPMessage, bytes]:
    with urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


def test_swagger_ui_shows_the_operations_offline(
    page: Page, live_server: LiveServer, blocked_requests: list[str]
) -> None:
    page.goto("/docs")
    search = page.locator(".opblock-get", has_text=SEARCH).first
    expect(search).to_be_visible()
    expect(page.locator(".opblock").filter(has_text="/v1/referrals/match")).to_be_visible()

    search.locator(".opblock-summary").click()
    expect(search.get_by_text("radius_miles", exact=True)).to_be_visible()
    screenshot(page, "docs-swagger-ui")
    assert blocked_requests == []


def test_swagger_ui_meets_wcag_21_aa_as_an_operation_is_tried(page: Page) -> None:
    page.goto("/docs")
    check_accessibility(page)

    search = page.locator(".opblock-get", has_text=SEARCH).first
    search.locator(".opblock-summary-control").click()
    search.get_by_role("button", name="Try it out").click()
    search.locator("tr[data-param-name=zip] input").fill("87124")
    search.get_by_role("button", name="Execute").click()
    expect(search.locator(".live-responses-table .response .response-col_status")).to_have_text(
        "200"
    )
    # A screen reader names each choice by its parameter, and each copy button by what it copies.
    expect(search.get_by_role("combobox", name="include_virtual", exact=True)).to_be_visible()
    expect(search.get_by_role("button", name="Copy the curl command")).to_be_visible()
    expect(search.get_by_role("button", name="Copy the response body")).to_be_visible()
    check_accessibility(page)


def test_redoc_shows_the_operations_offline(page: Page, blocked_requests: list[str]) -> None:
    page.goto("/redoc")
    expect(page.get_by_text(SEARCH).first).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name=re.compile("IOP directory"))).to_be_visible()
    screenshot(page, "docs-redoc")
    assert blocked_requests == []


def test_redoc_meets_wcag_21_aa_as_it_is_read(page: Page) -> None:
    page.goto("/redoc")
    expect(page.get_by_text(SEARCH).first).to_be_visible(timeout=20_000)
    check_accessibility(page)

    # An operation's responses opened, and a sample's error tab chosen: the chosen tab is white,
    # the others dark, and both must read.
    search = page.locator("[data-section-id]", has=page.get_by_text(SEARCH, exact=True)).last
    failed = search.get_by_role("button", name=re.compile("^422"))
    failed.click()
    expect(failed).to_have_attribute("aria-expanded", "true")
    failed_sample = search.get_by_role("tab", name="422", exact=True)
    failed_sample.click()
    expect(failed_sample).to_have_attribute("aria-selected", "true")
    check_accessibility(page)

    # The side menu searched, then a tag opened in it.
    page.get_by_role("textbox", name="Search").fill("facility")
    results = page.locator("[data-role='search:results']")
    expect(results.get_by_role("menuitem", name="Get Facility")).to_be_visible()
    referrals = page.get_by_role("menuitem", name="referrals", exact=True)
    referrals.click()
    expect(referrals).to_have_attribute("aria-expanded", "true")
    check_accessibility(page)


def test_the_docs_name_only_files_the_app_serves(live_server: LiveServer) -> None:
    for path in ("/docs", "/redoc"):
        status, headers, body = get(live_server.url + path)
        assert status == 200 and headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in headers["content-security-policy"]
        html = body.decode()
        assert '<html lang="en">' in html
        assert "http://" not in html and "https://" not in html, path
        for asset in re.findall(r'(?:src|href)="(/[^"]+)"', html):
            status, _, _ = get(live_server.url + asset)
            assert status == 200, asset


def test_the_openapi_document_stays_where_it_was(live_server: LiveServer) -> None:
    status, headers, body = get(live_server.url + "/openapi.json")
    assert status == 200 and headers["content-type"] == "application/json"
    document = json.loads(body)
    assert SEARCH in document["paths"]
    assert not any(path in document["paths"] for path in ("/docs", "/redoc"))
