"""Admin API keys: ``X-API-Key`` checked against SHA-256 hashes, in constant time.

Keys are never stored, only their hashes: ``IOP_ADMIN_API_KEY_HASHES`` holds comma-separated
hex SHA-256 digests (``printf %s "$KEY" | sha256sum``). With none configured, every admin
request is refused. Admin routes depend on :func:`require_admin`.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache
from typing import Annotated

from fastapi import Depends, HTTPException, Security, status
from fastapi.security import APIKeyHeader
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

API_KEY_HEADER = "X-API-Key"


class AdminSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="IOP_")

    admin_api_key_hashes: str = Field(
        "", description="Comma-separated hex SHA-256 digests of the admin API keys"
    )

    @property
    def key_hashes(self) -> list[str]:
        return [h.strip().lower() for h in self.admin_api_key_hashes.split(",") if h.strip()]


@cache
def get_admin_settings() -> AdminSettings:
    return AdminSettings()


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def is_admin_key(key: str, key_hashes: list[str]) -> bool:
    """Compare with every configured hash, so timing says nothing about which matched."""
    digest = key_hash(key)
    matched = False
    for known in key_hashes:
        matched |= hmac.compare_digest(digest, known)
    return matched


api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    scheme_name="AdminKey",
    description="An admin API key (IOP_ADMIN_API_KEY_HASHES); admin routes always need one",
)


def require_admin(
    key: Annotated[str | None, Security(api_key_header)],
    settings: Annotated[AdminSettings, Depends(get_admin_settings)],
) -> None:
    """Admin routes' dependency: 401 unless ``X-API-Key`` is one of the admin keys."""
    if not key or not is_admin_key(key, settings.key_hashes):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail=f"an admin API key is required in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": "ApiKey"},
        )


AdminDep = Annotated[None, Depends(require_admin)]
