"""Optional API keys for the read routes (``IOP_READ_API_KEY_HASHES``).

When the setting lists SHA-256 digests, read routes need an ``X-API-Key`` whose digest is one
of them; when it is empty they are open. Keys are checked the way admin keys are
(:func:`api.security.is_admin_key`: hashes only, constant time), against their own list.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Security
from fastapi.security import APIKeyHeader

from api.deps import SettingsDep
from api.security import API_KEY_HEADER, is_admin_key

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
