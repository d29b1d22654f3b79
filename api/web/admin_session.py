"""The data desk's sign-in session: what a browser carries where it cannot send ``X-API-Key``.

A session is a cookie holding ``expires.nonce.signature``: an HMAC-SHA256 of
``expires.nonce`` under a key derived from the admin key's configured SHA-256 hash, so the
cookie holds neither the key nor its hash, and nothing the server must remember. It is
checked against every configured hash: removing a hash from ``IOP_ADMIN_API_KEY_HASHES``
ends that key's sessions too, and every session ends at ``expires``.

A form that changes something carries a CSRF token: an HMAC of the session's nonce under the
same key, worth nothing without the session it was made for.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

SESSION_COOKIE = "iop_desk_session"
SESSION_PATH = "/admin"
SESSION_SECONDS = 8 * 3600
# Separates what the derived key signs for the desk from any other use of the same hash.
_PURPOSE = b"iop data desk session v1"


@dataclass(frozen=True)
class Session:
    token: str  # the cookie's value
    csrf: str  # the token the session's forms carry
    expires: int  # Unix time


def _signing_key(key_hash: str) -> bytes:
    return hmac.new(key_hash.encode(), _PURPOSE, hashlib.sha256).digest()


def _sign(signing_key: bytes, message: str) -> str:
    return hmac.new(signing_key, message.encode(), hashlib.sha256).hexdigest()


def same(given: str, expected: str) -> bool:
    """Constant-time equality of two texts, whatever characters ``given`` holds."""
    return hmac.compare_digest(given.encode(), expected.encode())


def new_session(key_hash: str, now: float | None = None) -> Session:
    """A session for the admin key whose configured hash is ``key_hash``."""
    expires = int(now if now is not None else time.time()) + SESSION_SECONDS
    nonce = secrets.token_urlsafe(18)
    key = _signing_key(key_hash)
    payload = f"{expires}.{nonce}"
    return Session(f"{payload}.{_sign(key, payload)}", _sign(key, f"csrf.{nonce}"), expires)


def read_session(
    token: str | None, key_hashes: list[str], now: float | None = None
) -> Session | None:
    """The session a cookie holds, or ``None``: absent, malformed, expired, or signed under
    no configured key (every key is tried, so timing says nothing about which matched)."""
    if not token:
        return None
    payload, _, signature = token.rpartition(".")
    expires_text, _, nonce = payload.partition(".")
    if not (expires_text.isdigit() and nonce and signature):
        return None
    expires = int(expires_text)
    if expires <= (now if now is not None else time.time()):
        return None
    matched: bytes | None = None
    for key_hash in key_hashes:
        key = _signing_key(key_hash)
        if same(signature, _sign(key, payload)):
            matched = key
    if matched is None:
        return None
    return Session(token, _sign(matched, f"csrf.{nonce}"), expires)
