"""Opaque page cursors: where the next page starts, and for which search.

A cursor holds the sort values of the last hit (``search_after``), the concrete index the first
page was served from, and a fingerprint of the search. Later pages search that same index, so
an alias flip between two pages cannot mix two directories; once the old index is pruned the
cursor is refused and the client starts again. This keeps no state in Elasticsearch (a
point-in-time would have to be opened, kept alive and closed per search).
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from typing import Any

from api.search.request import Page, SearchRequest


class BadCursor(ValueError):
    """A cursor that is malformed or belongs to a different search."""


def _fingerprint(request: SearchRequest) -> str:
    text = json.dumps(request.fingerprint(), separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode_cursor(request: SearchRequest, index: str, sort_values: list[Any]) -> str:
    payload = {
        "a": sort_values,
        "i": index,
        "t": request.today.isoformat(),
        "f": _fingerprint(request),
    }
    raw = json.dumps(payload, separators=(",", ":"), allow_nan=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date, Page, str]:
    """The day the search was ranked on, where the page starts, and the search's fingerprint."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        page = Page(search_after=tuple(payload["a"]), index=str(payload["i"]))
        return date.fromisoformat(payload["t"]), page, str(payload["f"])
    except (ValueError, KeyError, TypeError) as error:
        raise BadCursor("malformed cursor; use next_cursor from the previous page") from error


def check_cursor(request: SearchRequest, fingerprint: str, alias: str) -> None:
    if request.page is None:
        return
    if fingerprint != _fingerprint(request):
        raise BadCursor("the cursor belongs to a different search; repeat its parameters")
    if not request.page.index.startswith(f"{alias}-"):
        raise BadCursor("the cursor names no index of this directory")
