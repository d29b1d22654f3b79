"""Opaque, signed page cursors: where the next page starts, and for which search.

A cursor holds the sort values of the last hit (``search_after``), the concrete index the first
page was served from, and a fingerprint of the search, signed with HMAC-SHA256. Later pages
search that same index, so an alias flip between two pages cannot mix two directories; once
the old index is pruned the cursor is refused and the client starts again. This keeps no state
in Elasticsearch (a point-in-time would have to be opened, kept alive and closed per search).

The signature is checked before anything in the cursor is read, so an edited or forged cursor
is a 422, never a search of whatever index or sort values it names. The key is the process's
(:func:`use_key`, from ``IOP_CURSOR_KEY``; a random one when that is unset), so the JSON routes
and the pages sign and check with the same key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from datetime import date
from typing import Any

from api.search.request import Page, SearchRequest
from iop.indices import is_index_of

INVALID = "the cursor is invalid or expired; search again from the first page"
# payload.signature, both unpadded base64url: anything else is not a cursor of ours.
CURSOR_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
SIGNATURE_BYTES = 16  # of HMAC-SHA256: 128 bits, a 22-character signature


class BadCursor(ValueError):
    """A cursor that is malformed, unsigned, signed with another key, or of another search."""


_key = secrets.token_bytes(32)


def use_key(key: bytes | None) -> None:
    """Sign and check cursors with ``key`` from now on; ``None`` keeps the process's random
    key (cursors then last as long as the process)."""
    global _key
    if key is not None:
        _key = key


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _signature(payload: str) -> str:
    return _b64(hmac.new(_key, payload.encode(), hashlib.sha256).digest()[:SIGNATURE_BYTES])


def _fingerprint(request: SearchRequest) -> str:
    text = json.dumps(request.fingerprint(), separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def seal(body: dict[str, Any]) -> str:
    """``body`` as a signed cursor: its JSON in base64url, a dot, the signature."""
    payload = _b64(json.dumps(body, separators=(",", ":"), allow_nan=False).encode())
    return f"{payload}.{_signature(payload)}"


def unseal(cursor: str) -> Any:
    """What :func:`seal` sealed; :class:`BadCursor` unless this key signed it, unaltered."""
    if not CURSOR_SHAPE.match(cursor):
        raise BadCursor(INVALID)
    payload, signature = cursor.split(".")
    # Compared as text: a cursor whose base64 differs only in unused bits is refused too.
    if not hmac.compare_digest(signature, _signature(payload)):
        raise BadCursor(INVALID)
    try:
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except ValueError as error:  # signed by us, so a bug or an old format
        raise BadCursor(INVALID) from error


def encode_cursor(request: SearchRequest, index: str, sort_values: list[Any]) -> str:
    return seal(
        {
            "a": sort_values,
            "i": index,
            "t": request.today.isoformat(),
            "f": _fingerprint(request),
        }
    )


def decode_cursor(cursor: str) -> tuple[date, Page, str]:
    """The day the search was ranked on, where the page starts, and the search's fingerprint;
    :class:`BadCursor` unless the cursor is one this service signed, unaltered."""
    body = unseal(cursor)
    try:
        page = Page(search_after=tuple(body["a"]), index=str(body["i"]))
        return date.fromisoformat(body["t"]), page, str(body["f"])
    except (ValueError, KeyError, TypeError) as error:  # signed by us: an old format
        raise BadCursor(INVALID) from error


def check_cursor(request: SearchRequest, fingerprint: str, alias: str) -> None:
    """The cursor continues this search, in an index of this directory (``alias``-stamp)."""
    if request.page is None:
        return
    if fingerprint != _fingerprint(request):
        raise BadCursor("the cursor belongs to a different search; repeat its parameters")
    if not is_index_of(alias, request.page.index):
        raise BadCursor(INVALID)
