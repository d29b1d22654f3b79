"""A referrer's search in Chromium: form, results, facility, sheet; by keyboard alone, checked
by axe, nothing fetched off this machine, and a screenshot of each page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.axe import check_accessibility
from tests.web.browser import screenshot
from tests.web.conftest import LiveServer

ZIP = "87102"  # Albuquerque: the known directory's facilities sit just north of it


def tab_to(page: Page, selector: str, limit: int = 400) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"{selector} never got the focus by Tab")


def test_the_search_form_is_accessible_and_works_without_script(
    page: Page, live_server: LiveServer
) -> None:
    page.goto("/")
    expect(page.get_by_label("Where is the patient?")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "search-form")
    page.get_by_label("Where is the patient?").fill(ZIP)
    page.get_by_role("button", name="Search").first.click()
    expect(page).to_have_url(re.compile(rf"/search\?near={ZIP}&"))  # the API's own names
    expect(page.get_by_role("heading", level=1)).to_contain_text("within 25 miles of 87102")


def test_search_results_sheet_by_keyboard_alone(page: Page, live_server: LiveServer) -> None:
    page.goto("/")
    tab_to(page, "#near")
    page.keyboard.type(ZIP)
    page.keyboard.press("Enter")  # submits the form
    expect(page.get_by_role("heading", level=1)).to_contain_text("programs within")
    results = page.locator("ol.results > li.result")
    expect(results.first).to_be_visible()
    check_accessibility(page)
    screenshot(page, "results")
    first_tick = page.locator("ol.results input[name=ids]").first
    tab_to(page, "ol.results input[name=ids]")
    page.keyboard.press("Space")
    expect(first_tick).to_be_checked()
    tab_to(page, "button[form=sheet-form]:not([name])")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/v1/referrals/sheet\?ids=fac_"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_accessibility(page)
    screenshot(page, "referral-sheet")


def test_a_results_page_explains_a_zero_and_its_links_drop_a_filter(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(f"/search?near={ZIP}&services=iop&services=sign_language&radius_miles=25")
    expect(page.get_by_role("heading", level=1)).to_contain_text("0 programs")
    relaxations = page.get_by_role("region", name="Few programs match everything")
    expect(relaxations).to_be_visible()
    check_accessibility(page)
    screenshot(page, "no-results-explained")
    relaxations.get_by_role("link", name=re.compile("search without sign language", re.I)).click()
    expect(page.locator("ol.results > li.result").first).to_be_visible()


def test_a_wrong_value_is_announced_beside_its_field(page: Page, live_server: LiveServer) -> None:
    page.goto("/search?near=nowhere%20at%20all&services=iop")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(page.locator("#near-error")).to_be_visible()
    expect(page.get_by_label("Where is the patient?")).to_have_attribute(
        "aria-describedby", re.compile("near-error")
    )
    check_accessibility(page)
    screenshot(page, "search-form-error")


def test_a_facility_page_reads_as_a_referrer_reads_it(page: Page, live_server: LiveServer) -> None:
    facility = next(f for f in live_server.facilities if f.medications.mat_buprenorphine)
    page.goto(f"/facilities/{facility.id}")
    expect(page.get_by_role("heading", name="Medications")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("^Buprenorphine"))).to_contain_text("yes")
    check_accessibility(page)
    screenshot(page, "facility")


def test_pages_fit_a_phone_and_print(page: Page, live_server: LiveServer) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"/search?near={ZIP}&services=iop")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a phone"
    screenshot(page, "results-phone")
    page.emulate_media(media="print")
    expect(page.locator("form.search").first).to_be_hidden()
    expect(page.locator("ol.results")).to_be_visible()
