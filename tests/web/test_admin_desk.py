"""The data desk at /admin: only an admin key opens it; it shows what refreshes did, and it
rolls the directory back only when asked twice.

Real Elasticsearch throughout, filled by two real refreshes (``indexer.refresh``): the second
changes one facility's street, adds one, and misses one, which goes stale; the run summaries
are the ones the refresh saved. Then the same pages in Chromium: axe, screenshots, a phone's
width, print, and the keyboard alone.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from playwright.sync_api import Page, expect

from api.config import Settings
from api.main import create_app
from api.security import AdminSettings, get_admin_settings, key_hash
from api.web.admin_session import SESSION_COOKIE, SESSION_SECONDS, new_session
from indexer import lifecycle
from indexer.refresh import refresh
from indexer.runs import save_run
from indexer.settings import IndexerSettings
from iop.facility import Facility
from iop.feeds import quarantine_path
from iop.indices import ALIAS, RUNS_INDEX, alias_move
from tests.indexer.conftest import seen, write_crawl
from tests.web.axe import check_accessibility
from tests.web.browser import screenshot
from tests.web.conftest import LiveServer
from tests.web.server import serve

KEY = "correct horse battery staple"
OTHER_KEY = "a second admin key"
HASHES = f"{key_hash(OTHER_KEY)}, {key_hash(KEY).upper()}"
DESK_PAGES = ["/admin", "/admin/sources", "/admin/quarantine", "/admin/stale", "/admin/index"]
PHONE = {"width": 375, "height": 740}


@dataclass(frozen=True)
class Refreshed:
    runs: list[dict[str, Any]]  # the summaries the refreshes saved, newest first
    facilities: list[Facility]  # what the second refresh listed
    moved: Facility
    leaving: Facility
    newcomer: Facility


def crawl_of(facilities: list[Facility], phones_coverage: float, quarantined: int) -> Any:
    def crawl(feeds_dir: Path) -> None:
        source = {
            "items": len(facilities),
            "quarantined": quarantined,
            "errors": 0,
            "field_coverage": {"name": 1.0, "phones": phones_coverage},
        }
        write_crawl(feeds_dir, facilities, {"test": source})
        # What the crawl's validate pipeline writes for each record it keeps out.
        kept_out = [
            {
                "reasons": ["location: missing and no known ZIP code to fall back on"],
                "record": {"sources": [{"ref": f"row-{n}", "url": "file:///data/x.csv"}]},
            }
            for n in range(quarantined)
        ]
        quarantine_path(feeds_dir / "test.ndjson").write_text(
            "".join(json.dumps(entry) + "\n" for entry in kept_out)
        )

    return crawl


@pytest.fixture(scope="module")
def refreshed(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Refreshed]:
    lifecycle.drop_all(es)
    work = tmp_path_factory.mktemp("desk")
    # One missed refresh makes a facility stale; a directory of three may shrink to two.
    settings = IndexerSettings(
        snapshot_dir=work / "snapshots", stale_after_refreshes=1, count_tolerance=1.0
    )
    first = [seen("steady"), seen("moved", **{"address.street1": "1 Main St"}), seen("leaving")]
    second = [
        seen("steady", days_later=1),
        seen("moved", days_later=1, **{"address.street1": "9 Bridge Blvd"}),
        seen("newcomer", days_later=1),
    ]
    runs = [
        refresh(es, work / "feeds1", crawl_of(first, 1.0, 1), progress=False, settings=settings),
        refresh(es, work / "feeds2", crawl_of(second, 0.5, 2), progress=False, settings=settings),
    ]
    yield Refreshed(runs[::-1], second, second[1], first[2], second[2])
    lifecycle.drop_all(es)


def desk_app(elasticsearch_url: str, hashes: str) -> FastAPI:
    app = create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))
    app.dependency_overrides[get_admin_settings] = lambda: AdminSettings(
        admin_api_key_hashes=hashes
    )
    return app


@pytest.fixture
def client(elasticsearch_url: str, refreshed: Refreshed) -> Iterator[TestClient]:
    with TestClient(desk_app(elasticsearch_url, HASHES)) as client:
        yield client


def sign_in(client: TestClient, key: str = KEY, **fields: str) -> Response:
    return client.post("/admin", data={"key": key, **fields}, follow_redirects=False)


def serving(es: Elasticsearch) -> str:
    return next(iter(es.indices.get_alias(name=ALIAS).body))


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


INLINE_TAG = re.compile(r"</?(?:a|code|span|strong|time)\b[^>]*>")


def words(html: str) -> str:
    """The words of some HTML as a reader meets them: inline tags dropped, every other tag a
    space, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", INLINE_TAG.sub("", html)).split())


def main_text(html: str) -> str:
    return words(html[html.index("<main") : html.index("</main>")])


# ---- access ------------------------------------------------------------------------------


def test_every_desk_page_asks_for_a_key_first(client: TestClient, es: Elasticsearch) -> None:
    before = serving(es)
    for path in [*DESK_PAGES, f"/admin/runs/{client_run_id(es)}"]:
        response = client.get(path)
        assert response.status_code == 401, path
        assert 'name="key"' in response.text
        assert "Clinic moved" not in response.text
        assert response.headers["cache-control"] == "no-store"
    refused = client.post("/admin/index/rollback", data={"confirm": "yes"})
    assert refused.status_code == 401
    assert serving(es) == before


def client_run_id(es: Elasticsearch) -> str:
    return str(es.search(index=RUNS_INDEX, size=1)["hits"]["hits"][0]["_id"])


def test_the_desk_is_off_until_admin_key_hashes_are_configured(
    elasticsearch_url: str, refreshed: Refreshed
) -> None:
    with TestClient(desk_app(elasticsearch_url, "")) as client:
        page = client.get("/admin")
        signing_in = sign_in(client)
        scripted = client.get("/admin/stale", headers={"X-API-Key": KEY})

    assert (page.status_code, signing_in.status_code, scripted.status_code) == (403, 403, 403)
    assert "IOP_ADMIN_API_KEY_HASHES" in main_text(page.text)
    assert "set-cookie" not in signing_in.headers


def test_a_wrong_key_shows_the_form_again_with_the_error_beside_the_field(
    client: TestClient,
) -> None:
    wrong = sign_in(client, "guess")
    empty = sign_in(client, "  ")

    assert (wrong.status_code, empty.status_code) == (401, 401)
    assert "set-cookie" not in wrong.headers
    # The error in the summary at the top, linking to the field, and beside the field.
    assert re.search(
        r'class="error-summary".*href="#key">That is not an admin key', wrong.text, re.S
    )
    assert re.search(r'id="key-error">.*That is not an admin key', wrong.text)
    assert 'aria-describedby="key-hint key-error" aria-invalid="true"' in wrong.text
    assert "<title>Error: Sign in" in wrong.text
    assert "guess" not in wrong.text
    assert "Enter the admin key." in empty.text
    flood = client.post("/admin", data={f"field{n}": "x" for n in range(50)} | {"key": KEY})
    huge = client.post("/admin", data={"key": KEY, "next": "/admin" + "x" * 20_000})
    assert (flood.status_code, huge.status_code) == (401, 401)


def test_a_right_key_signs_in_and_signing_out_ends_the_session(client: TestClient) -> None:
    response = sign_in(client)

    assert response.status_code == 303
    assert response.headers["location"] == "/admin"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    for attribute in ("HttpOnly", "SameSite=strict", "Path=/admin", f"Max-Age={SESSION_SECONDS}"):
        assert attribute in cookie
    assert "Secure" not in cookie  # plain http: a Secure cookie would never come back
    assert client.get("/admin").status_code == 200

    signed_out = client.post("/admin/sign-out")

    assert signed_out.status_code == 200
    assert "You have signed out." in signed_out.text
    assert client.get("/admin").status_code == 401


def test_either_admin_key_signs_in(client: TestClient) -> None:
    assert sign_in(client, OTHER_KEY).status_code == 303
    assert client.get("/admin/stale").status_code == 200


def test_over_https_the_session_cookie_is_secure(
    elasticsearch_url: str, refreshed: Refreshed
) -> None:
    app = desk_app(elasticsearch_url, HASHES)
    with TestClient(app, base_url="https://testserver") as client:
        assert "; Secure" in sign_in(client).headers["set-cookie"]


def test_a_sign_in_returns_to_the_desk_page_asked_for_and_nowhere_else(
    client: TestClient,
) -> None:
    asked = client.get("/admin/stale")
    assert 'name="next" value="/admin/stale"' in asked.text

    assert sign_in(client, next="/admin/stale").headers["location"] == "/admin/stale"
    for elsewhere in ("https://evil.example/admin", "//evil.example/admin", "/search"):
        assert sign_in(client, next=elsewhere).headers["location"] == "/admin"


def test_neither_the_key_nor_its_hash_is_in_any_page_or_cookie(
    client: TestClient, refreshed: Refreshed
) -> None:
    secrets = [KEY, key_hash(KEY), key_hash(KEY).upper(), OTHER_KEY, key_hash(OTHER_KEY)]
    seen_text = [sign_in(client, "guess").text, client.get("/admin").text]
    response = sign_in(client)
    seen_text.append(response.headers["set-cookie"])
    run_id = refreshed.runs[0]["run_id"]
    for path in [*DESK_PAGES, f"/admin/runs/{run_id}"]:
        seen_text.append(client.get(path).text)
    seen_text.append(client.post("/admin/index/rollback", data={"csrf": "x"}).text)
    seen_text += [f"{name}={value}" for name, value in client.cookies.items()]

    for text in seen_text:
        for secret in secrets:
            assert secret not in text


def test_an_expired_or_forged_session_is_refused(client: TestClient) -> None:
    expired = new_session(key_hash(KEY), now=time.time() - SESSION_SECONDS - 1)
    client.cookies.set(SESSION_COOKIE, expired.token, path="/admin")
    response = client.get("/admin")
    assert response.status_code == 401
    assert "Your sign-in has ended" in response.text

    good = new_session(key_hash(KEY)).token
    forged = good[:-1] + ("0" if good[-1] != "0" else "1")
    unknown_key = new_session(key_hash("a key nobody configured")).token
    for token in (forged, unknown_key, "garbage", "1.2.3", f"{2**40}.nonce.{'0' * 64}"):
        client.cookies.set(SESSION_COOKIE, token, path="/admin")
        assert client.get("/admin").status_code == 401, token

    client.cookies.set(SESSION_COOKIE, good, path="/admin")
    assert client.get("/admin").status_code == 200


def test_scripts_may_send_the_key_as_x_api_key(client: TestClient) -> None:
    assert client.get("/admin/stale", headers={"X-API-Key": KEY}).status_code == 200
    wrong = client.get("/admin/stale", headers={"X-API-Key": "guess"})
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "ApiKey"


# ---- what the desk shows -----------------------------------------------------------------


def test_the_runs_are_listed_newest_first_with_what_each_changed(
    client: TestClient, refreshed: Refreshed
) -> None:
    sign_in(client)
    html = client.get("/admin").text

    listed = re.findall(r'href="/admin/runs/([^"]+)"', html)
    assert listed == [run["run_id"] for run in refreshed.runs]
    rows = [words(row) for row in re.findall(r"<tr>.*?</tr>", html, re.S)]
    latest, first = rows[1], rows[2]
    # new, changed, gone stale, back, quarantined; the source's yield against its last run
    assert "succeeded 1 1 1 0 2 test: 3 (same as last run (3))" in latest
    assert "succeeded 3 0 0 0 1 test: 3 (first run)" in first


def test_a_run_page_shows_what_changed_facility_by_facility(
    client: TestClient, refreshed: Refreshed
) -> None:
    sign_in(client)
    latest = refreshed.runs[0]
    text = main_text(client.get(f"/admin/runs/{latest['run_id']}").text)

    assert "New: 1; Changed: 1; Back from stale: 0; Gone stale: 1." in text
    assert (
        f"New (1 listed) New facilities Facility Id Clinic newcomer {refreshed.newcomer.id}" in text
    )
    assert f"Clinic moved {refreshed.moved.id} address.street1" in text
    assert "Gone stale (1 listed) Facilities gone stale Facility Id Clinic leaving" in text
    assert f"Index built {latest['index']} Index it replaced {latest['previous_index']}" in text
    assert "test 3 same as last run (3) 2 0 yes" in text  # each source's yield
    assert "test phones 100% 50%" in text  # a field whose coverage dropped
    assert "What went wrong" not in text


def test_a_failed_run_says_what_went_wrong_in_words(client: TestClient, es: Elasticsearch) -> None:
    error = "findtreatment failed: unreachable: DNS lookup failed for findtreatment.invalid"
    save_run(
        es,
        {
            "run_id": "failed-run",
            "started_at": "2020-01-01T00:00:00+00:00",
            "finished_at": "2020-01-01T00:01:00+00:00",
            "status": "failed",
            "error": error,
            "sources": [
                {
                    "source": "findtreatment",
                    "crawled": False,
                    "items": 0,
                    "previous_items": 12200,
                    "change": -1.0,
                    "quarantined": 0,
                    "errors": 3,
                    "exit_code": 1,
                    "finish_reason": "unreachable",
                    "field_coverage": {},
                }
            ],
        },
    )
    try:
        sign_in(client)
        runs = main_text(client.get("/admin").text)
        text = main_text(client.get("/admin/runs/failed-run").text)
    finally:
        es.delete(index=RUNS_INDEX, id="failed-run", refresh=True)

    assert f"failed {error}" in runs
    assert (
        f"The refresh failed: {error}. The previous index kept serving; nothing was changed."
        in text
    )
    assert (
        "findtreatment failed or listed nothing; its missing facilities did not age "
        "(the crawl ended: unreachable)." in text
    )
    assert "Nothing changed: the refresh did not finish." in text


def test_an_unknown_run_is_not_found(client: TestClient) -> None:
    sign_in(client)
    for run_id in ("no-such-run", "x" * 65):
        response = client.get(f"/admin/runs/{run_id}")
        assert response.status_code == 404
        assert "No such refresh run" in response.text


def test_each_source_is_charted_across_runs_with_its_numbers_beside_the_chart(
    client: TestClient,
) -> None:
    sign_in(client)
    html = client.get("/admin/sources").text

    charts = re.findall(r'<svg class="chart" role="img" aria-label="([^"]+)"', html)
    assert len(charts) == 1
    assert charts[0].startswith("test: facilities listed in each of the last 2 runs, from 3 (")
    assert len(re.findall(r'<rect class="bar"', html)) == 2
    sparklines = re.findall(r'<svg class="sparkline" role="img" aria-label="([^"]+)"', html)
    assert sparklines == [
        "name in test: 100% in the first of 2 runs, 100% in the latest.",
        "phones in test: 100% in the first of 2 runs, 50% in the latest.",
    ]
    text = main_text(html)
    assert "phones 100% 50% \N{MINUS SIGN}50 points" in text
    assert "no change" in text


def test_the_quarantine_lists_each_kept_out_record_with_its_reasons(
    client: TestClient, refreshed: Refreshed
) -> None:
    sign_in(client)
    text = main_text(client.get("/admin/quarantine").text)

    assert "quarantined 2 records: test 2." in text
    assert "test 3 2 40%" in text and "test 3 1 25%" in text
    # Each record kept out, with the reason, and no local file path for a link.
    assert "row-0 location: missing and no known ZIP code to fall back on" in text
    assert "file:" not in client.get("/admin/quarantine").text


def test_stale_facilities_are_listed_from_the_index(
    client: TestClient, refreshed: Refreshed
) -> None:
    sign_in(client)
    text = main_text(client.get("/admin/stale").text)

    assert "1 stale facility." in text
    assert (
        f"Clinic leaving {refreshed.leaving.id} Albuquerque, NM 1 20 Nov 2026, 12:00:00 UTC" in text
    )


# ---- the serving index and rollback ------------------------------------------------------


def test_the_index_page_shows_the_serving_and_the_previous_index(
    client: TestClient, es: Elasticsearch, refreshed: Refreshed
) -> None:
    sign_in(client)
    text = main_text(client.get("/admin/index").text)

    latest = refreshed.runs[0]
    assert f"{latest['index']} Serving every search 4 " in text  # 3 listed, 1 carried over
    assert f"{latest['previous_index']} Previous: a rollback returns to it 3 " in text


def test_a_rollback_asks_first_and_flips_the_alias_only_when_confirmed(
    client: TestClient, es: Elasticsearch, refreshed: Refreshed
) -> None:
    latest = refreshed.runs[0]
    now, previous = latest["index"], latest["previous_index"]
    assert serving(es) == now
    sign_in(client)
    csrf = csrf_of(client.get("/admin/index").text)

    asked = client.post("/admin/index/rollback", data={"csrf": csrf})

    assert asked.status_code == 200
    assert f"Roll back from {now} to {previous}? This changes what every search serves." in (
        main_text(asked.text)
    )
    assert serving(es) == now

    confirm = {"csrf": csrf_of(asked.text), "from": now, "to": previous, "confirm": "yes"}
    try:
        done = client.post("/admin/index/rollback", data=confirm, follow_redirects=False)

        assert done.status_code == 303
        assert done.headers["location"] == "/admin/index?rolled_back=1"
        assert serving(es) == previous
        after = main_text(client.get(done.headers["location"]).text)
        assert "Rolled back." in after
        assert f"{previous} Serving every search" in after
        assert f"{now} Newer, not serving (rolled back from)" in after
    finally:
        if serving(es) != now:
            es.indices.update_aliases(actions=alias_move(serving(es), now))


def test_a_rollback_changes_nothing_without_the_sessions_token_or_once_the_index_moved(
    client: TestClient, es: Elasticsearch, refreshed: Refreshed
) -> None:
    latest = refreshed.runs[0]
    now, previous = latest["index"], latest["previous_index"]
    sign_in(client)
    csrf = csrf_of(client.get("/admin/index").text)
    confirm = {"from": now, "to": previous, "confirm": "yes"}

    forged = client.post("/admin/index/rollback", data={**confirm, "csrf": "0" * 64})
    missing = client.post("/admin/index/rollback", data=confirm)
    # Confirmed against another serving index than the one serving now.
    outdated = client.post(
        "/admin/index/rollback", data={**confirm, "from": previous, "to": now, "csrf": csrf}
    )

    assert (forged.status_code, missing.status_code, outdated.status_code) == (403, 403, 409)
    assert "Nothing was changed" in forged.text and "Nothing was changed" in outdated.text
    assert serving(es) == now


def test_a_script_rolls_back_with_its_key_and_the_same_confirmation(
    client: TestClient, es: Elasticsearch, refreshed: Refreshed
) -> None:
    latest = refreshed.runs[0]
    now, previous = latest["index"], latest["previous_index"]
    header = {"X-API-Key": KEY}

    asked = client.post("/admin/index/rollback", headers=header)
    assert asked.status_code == 200 and serving(es) == now
    try:
        done = client.post(
            "/admin/index/rollback",
            headers=header,
            data={"from": now, "to": previous, "confirm": "yes"},
            follow_redirects=False,
        )
        assert done.status_code == 303
        assert serving(es) == previous
    finally:
        if serving(es) != now:
            es.indices.update_aliases(actions=alias_move(serving(es), now))


# ---- in a browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def live_server(elasticsearch_url: str, refreshed: Refreshed) -> Iterator[LiveServer]:
    """The desk served for real, with the admin keys configured, over the refreshed directory
    (not the referrer pages' directory: this module's refreshes are behind the alias)."""
    with serve(desk_app(elasticsearch_url, HASHES)) as url:
        yield LiveServer(url=url, facilities=refreshed.facilities)


def sign_in_in_browser(page: Page, key: str = KEY) -> None:
    page.goto("/admin")
    page.get_by_label("Admin key").fill(key)
    page.get_by_role("button", name="Sign in").click()


def heading_levels(page: Page) -> list[int]:
    return list(
        page.evaluate(
            "[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
            ".map(h => Number(h.tagName[1]))"
        )
    )


def in_order(levels: list[int]) -> bool:
    """One h1 first, and no level skipped on the way down."""
    return levels[:1] == [1] and all(b <= a + 1 for a, b in pairwise(levels))


def fits_the_width(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_every_desk_page_meets_wcag_21_aa_fits_a_phone_and_prints(
    page: Page, refreshed: Refreshed, es: Elasticsearch
) -> None:
    page.goto("/admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to the data desk")
    check_accessibility(page)
    screenshot(page, "admin-sign-in")

    sign_in_in_browser(page, "guess")
    expect(page.locator(".error-summary")).to_contain_text("That is not an admin key.")
    check_accessibility(page)
    screenshot(page, "admin-sign-in-error")

    sign_in_in_browser(page)
    expect(page).to_have_url(re.compile(r"/admin$"))
    pages = [*DESK_PAGES, f"/admin/runs/{refreshed.runs[0]['run_id']}"]
    for path in pages:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(path)
        check_accessibility(page)
        assert in_order(heading_levels(page)), f"{path}: headings {heading_levels(page)}"
        name = "admin" + path.removeprefix("/admin").replace("/runs/", "-run-").replace("/", "-")
        screenshot(page, name if path != pages[-1] else "admin-run")
        page.set_viewport_size(PHONE)
        assert fits_the_width(page), f"{path} is wider than a phone"
        check_accessibility(page)
        page.emulate_media(media="print")
        expect(page.locator(".desk-bar")).to_be_hidden()
        page.emulate_media(media="screen")
    page.set_viewport_size(PHONE)
    page.goto("/admin")
    screenshot(page, "admin-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/index")
    page.get_by_role("button", name="Roll back to the previous index…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roll back the directory?")
    check_accessibility(page)
    screenshot(page, "admin-rollback-confirm")
    page.get_by_role("link", name=re.compile("^No, keep")).click()
    expect(page).to_have_url(re.compile(r"/admin/index$"))
    assert serving(es) == refreshed.runs[0]["index"]


def tab_to(page: Page, matches: str, presses: int = 40) -> None:
    """Press Tab until the focused element satisfies the JavaScript test ``matches`` (on
    ``el``), as a keyboard user moves through the page."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {matches}; }})()"):
            return
    pytest.fail(f"Tab never reached an element where {matches}")


def focus_is_visible(page: Page) -> bool:
    return bool(page.evaluate("getComputedStyle(document.activeElement).outlineStyle !== 'none'"))


def test_the_keyboard_alone_signs_in_opens_the_runs_and_a_run(
    page: Page, refreshed: Refreshed
) -> None:
    page.goto("/admin")
    tab_to(page, "el.id === 'key'")
    assert focus_is_visible(page)
    page.keyboard.type(KEY)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Refresh runs")

    latest = refreshed.runs[0]["run_id"]
    tab_to(page, f"el.getAttribute('href') === '/admin/runs/{latest}'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/admin/runs/{latest}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Refresh run started")
    expect(page.get_by_role("cell", name="address.street1")).to_be_visible()
