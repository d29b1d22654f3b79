"""Chromium for the page tests: Debian's build (``make browser`` installs it), driven by
Playwright, kept on this machine, and the screenshots it takes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Request, Route, WebSocketRoute

from iop.paths import VAR_DIR

CHROMIUM = Path("/usr/bin/chromium")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SCREENSHOTS_DIR = VAR_DIR / "test-artifacts" / "screenshots"


@dataclass
class OfflineGuard:
    """A browser context's guard: requests to this machine go on; every other request (and
    WebSocket) is aborted and its URL kept in ``blocked``, so a test can say that nothing left
    the machine."""

    blocked: list[str] = field(default_factory=list)

    def request(self, route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(request.url)
            route.abort("blockedbyclient")

    def websocket(self, websocket: WebSocketRoute) -> None:
        if urlsplit(websocket.url).hostname in LOCAL_HOSTS:
            websocket.connect_to_server()
        else:
            self.blocked.append(websocket.url)
            websocket.close()


def screenshot(page: Page, name: str) -> Path:
    """The whole page as ``var/test-artifacts/screenshots/<name>.png``; returns its path."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{re.sub(r'[^A-Za-z0-9._-]+', '-', name).strip('-')}.png"
    page.screenshot(path=path, full_page=True)
    return path
