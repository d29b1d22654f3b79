"""Optional API keys for the read routes (``IOP_READ_API_KEY_HASHES``), and who may read the
full HSDS export (``IOP_EXPORT_ACCESS``).

When the setting lists SHA-256 digests, read routes need an ``X-API-Key`` whose digest is one
of them; when it is empty they are open. Keys are checked the way admin keys are
(:func:`api.security.is_admin_key`: hashes only, constant time), against their own list.

The export streams the whole directory (hundreds of MB), so it is guarded on its own: by
default a client without a key starts at most ``IOP_EXPORT_PER_CLIENT_PER_HOUR`` exports an
hour (429 with ``Retry-After`` beyond, :mod:`api.rate_limit`); ``IOP_EXPORT_ACCESS=key``
requires a read key or one of ``IOP_EXPORT_API_KEY_HASHES`` (401 without); ``open`` lets
anyone export. A request with a valid key is never limited.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from api.config import Settings
from api.deps import SettingsDep
from api.rate_limit import SlidingWindowLimit
from api.security import API_KEY_HEADER, is_admin_key

HOUR_SECONDS = 3600.0

read_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    scheme_name="ReadKey",
    description="A read API key; read routes need one only when IOP_READ_API_KEY_HASHES is set "
    "(then the document lists no keyless alternative)",
)


async def require_read_key(
    settings: SettingsDep, key: Annotated[str | None, Security(read_key_header)]
) -> None:
    hashes = settings.read_api_key_hashes
    if not hashes:
        return
    if not key or not is_admin_key(key, hashes):
        raise HTTPException(
            status_code=401,
            detail=f"a read API key is required in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": "ApiKey"},
        )


export_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    scheme_name="ExportKey",
    description="A key for the HSDS export alone (IOP_EXPORT_API_KEY_HASHES; a read key does "
    "the same): required when IOP_EXPORT_ACCESS=key, lifts the per-client limit otherwise",
)


@dataclass(frozen=True)
class ExportStart:
    """An export start counted against ``client`` (``None``: a keyed or open one, uncounted)."""

    limit: SlidingWindowLimit | None = None
    client: str = ""

    def give_back(self) -> None:
        """The export failed before it began (Elasticsearch away, say): it does not count."""
        if self.limit is not None:
            self.limit.give_back(self.client)


def _export_limit(app: FastAPI, settings: Settings) -> SlidingWindowLimit:
    limit: SlidingWindowLimit | None = getattr(app.state, "export_limit", None)
    if limit is None:
        limit = SlidingWindowLimit(settings.export_per_client_per_hour, HOUR_SECONDS)
        app.state.export_limit = limit
    return limit


async def require_export_access(
    request: Request,
    settings: SettingsDep,
    key: Annotated[str | None, Security(export_key_header)],
) -> ExportStart:
    """The export's guard: 401 when a key is required and missing, 429 when this client has
    started its exports for the hour (``Retry-After``: seconds until it may start another)."""
    if key and is_admin_key(key, settings.export_key_hashes):
        return ExportStart()
    if settings.read_api_key_hashes:  # a private API: its export is as private
        raise HTTPException(
            status_code=401,
            detail=f"the export needs a read or export API key in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    if settings.export_access == "open":
        return ExportStart()
    if settings.export_access == "key":
        raise HTTPException(
            status_code=401,
            detail=f"the export needs a read or export API key in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    limit = _export_limit(request.app, settings)
    client = request.client.host if request.client else "unknown"
    wait = limit.take(client, time.monotonic())
    if wait is not None:
        raise HTTPException(
            status_code=429,
            detail=f"at most {settings.export_per_client_per_hour} exports an hour without a "
            f"key; page /hsds/organizations with modified_after for what changed, or ask for "
            f"an export key",
            headers={"Retry-After": str(max(1, math.ceil(wait)))},
        )
    return ExportStart(limit, client)


ExportStartDep = Annotated[ExportStart, Depends(require_export_access)]
