"""The page fixtures keep the browser on this machine: what a page asks of another host is
aborted before it leaves, and listed."""

from __future__ import annotations

from playwright.sync_api import Page

# A reserved name (RFC 2606) that resolves nowhere: even unguarded it would not reach a host.
ELSEWHERE = "http://directory.invalid/facilities.json"


def test_a_request_to_another_host_is_aborted_and_listed(
    page: Page, blocked_requests: list[str]
) -> None:
    page.goto("/openapi.json")
    outcome = page.evaluate("url => fetch(url).then(() => 'answered', () => 'failed')", ELSEWHERE)
    assert outcome == "failed"
    assert blocked_requests == [ELSEWHERE]
    blocked_requests.clear()  # expected: the fixture fails a test that ends with any


def test_requests_to_this_machine_go_through(page: Page, blocked_requests: list[str]) -> None:
    response = page.goto("/openapi.json")
    assert response is not None and response.ok
    assert page.evaluate("() => fetch('/healthz').then(r => r.status)") == 200
    assert blocked_requests == []
