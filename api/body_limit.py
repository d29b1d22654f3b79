"""A limit on the size of request bodies: 413 past it, before the application reads a byte.

A pure ASGI middleware. A declared ``Content-Length`` over the limit is refused up front; a
body sent in chunks is counted as it arrives and refused as soon as it passes the limit, so no
request makes the API hold more than the limit in memory. A body within the limit is handed
to the application whole. Requests that say they carry no body pass untouched.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length, chunked = _declared(scope)
        if not chunked and not length:
            await self.app(scope, receive, send)
            return
        if length > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"The request body is larger than {self.max_bytes} bytes, the most taken."
        response = JSONResponse(
            {"detail": detail}, status_code=413, headers={"Connection": "close"}
        )
        await response(scope, receive, send)


def _declared(scope: Scope) -> tuple[int, bool]:
    """The declared ``Content-Length`` (0 when none or unreadable: the server refuses those
    itself), and whether the body comes in chunks."""
    length, chunked = 0, False
    for name, value in scope.get("headers", ()):
        if name == b"content-length" and value.isdigit():
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    return length, chunked


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body, read already, as one message; then whatever the client sends next (its
    disconnect, which a streaming answer waits for)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
