"""Fixtures for the pages in a real browser: the app served by uvicorn over the known test
directory, and Debian's Chromium driven by Playwright, kept off the network.

    from tests.web.axe import check_accessibility
    from tests.web.browser import screenshot

    def test_search_form(page: Page) -> None:
        page.goto("/")  # the context's base URL is the live server's
        check_accessibility(page)  # WCAG 2.1 A and AA; fails listing each violation
        screenshot(page, "search-form")  # var/test-artifacts/screenshots/search-form.png

``live_server`` (module) is the app with its ``url`` and the ``facilities`` it serves; a
module overrides ``live_server_settings`` to serve other settings (admin keys, say). Page
tests are synchronous (see ``browser``).

Every request a page makes to another host than this machine is aborted and listed in
``blocked_requests``; a test that ends with any there fails. A page test that fails leaves a
screenshot of its page, ``failed-<test>.png``, beside the others.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from elasticsearch import Elasticsearch
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from api.config import Settings
from api.main import create_app
from iop.facility import Facility
from tests.api.conftest import directory
from tests.api.indexing import index_directory
from tests.web.browser import CHROMIUM, OfflineGuard, screenshot
from tests.web.server import LiveServer, serve


@pytest.fixture(scope="module")
def web_directory(es: Elasticsearch) -> list[Facility]:
    """The API tests' known directory behind the suite's alias (IOP_INDEX_ALIAS), indexed
    again for each module, since other modules put their own data behind the alias."""
    facilities = directory()
    index_directory(es, facilities)
    return facilities


@pytest.fixture(scope="module")
def live_server_settings(elasticsearch_url: str) -> Settings:
    """The served app's settings; a module overrides this fixture to serve others (keys)."""
    return Settings(ELASTICSEARCH_URL=elasticsearch_url)


@pytest.fixture(scope="module")
def live_server(
    live_server_settings: Settings, web_directory: list[Facility]
) -> Iterator[LiveServer]:
    """The real app (``api.main.create_app``) served on a free 127.0.0.1 port."""
    with serve(create_app(live_server_settings)) as url:
        yield LiveServer(url=url, facilities=web_directory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium (Playwright's own browser download is not used).

    One per module, not per session: while Playwright's synchronous API runs, its event loop
    counts as running in the main thread, and the suite's asyncio tests could not start theirs.
    """
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def offline_guard() -> OfflineGuard:
    return OfflineGuard()


@pytest.fixture
def blocked_requests(offline_guard: OfflineGuard) -> list[str]:
    """URLs the page asked for off this machine (aborted). A test that expects some clears
    the list before it ends."""
    return offline_guard.blocked


@pytest.fixture
def browser_context(
    browser: Browser, live_server: LiveServer, offline_guard: OfflineGuard
) -> Iterator[BrowserContext]:
    """A fresh context (no cookies, no cache) whose base URL is the live server's."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900}
    )
    context.route("**/*", offline_guard.request)
    context.route_web_socket("**/*", offline_guard.websocket)
    yield context
    context.close()
    assert not offline_guard.blocked, (
        f"the page asked for these off this machine: {offline_guard.blocked}"
    )


@pytest.fixture
def page(browser_context: BrowserContext, request: pytest.FixtureRequest) -> Iterator[Page]:
    page = browser_context.new_page()
    page.set_default_timeout(10_000)
    yield page
    report = getattr(request.node, "call_report", None)
    if report is not None and report.failed and not page.is_closed():
        screenshot(page, f"failed-{request.node.name}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep the test's own outcome on it, for the ``page`` fixture's teardown to see."""
    report = yield
    if report.when == "call":
        item.call_report = report  # type: ignore[attr-defined]
    return report
