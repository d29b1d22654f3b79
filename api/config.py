"""Settings of the API, from the environment (prefix ``IOP_``) with documented defaults."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from iop.settings import ElasticsearchAccess


class RankingWeights(BaseSettings):
    """How ``sort=best`` blends its parts. Each part is a score in [0, 1] times its weight,
    except preferences: each preferred service a facility offers adds ``preferences``, so a
    preference one facility meets never lowers it below another that meets it too."""

    model_config = SettingsConfigDict(env_prefix="IOP_RANKING_", hide_input_in_errors=True)

    distance: float = Field(1.0, ge=0, description="Weight of nearness")
    distance_half_miles: float = Field(
        10.0, gt=0, description="Distance at which the nearness score halves"
    )
    wait: float = Field(0.6, ge=0, description="Weight of a short wait to intake")
    wait_half_days: float = Field(
        14.0, gt=0, description="Days to intake at which the wait score halves"
    )
    wait_as_of_half_days: float = Field(
        30.0, gt=0, description="Age of a stated wait, in days, at which its worth halves"
    )
    preferences: float = Field(
        0.4, ge=0, description="Added for each preferred service a facility offers"
    )
    accepting: float = Field(
        1.0,
        ge=0,
        description="Added unless the facility currently says it is not accepting new patients",
    )

    def most(self, preferred: int) -> float:
        """The highest score these weights can give a facility with ``preferred`` preferences."""
        return self.distance + self.preferences * preferred + self.wait + self.accepting


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="IOP_", hide_input_in_errors=True)

    elasticsearch_url: str = Field(
        "http://127.0.0.1:9200",
        validation_alias="ELASTICSEARCH_URL",
        description="Cluster to search (`iop serve` sets it to the local node's when unset)",
    )
    elasticsearch_timeout_seconds: float = Field(5.0, gt=0)
    elasticsearch_access: ElasticsearchAccess = Field(
        default_factory=ElasticsearchAccess,
        description="Credentials and CA certificate (IOP_ELASTICSEARCH_API_KEY, _USERNAME, "
        "_PASSWORD, _CA_CERTS), as every client of the product takes them",
    )
    elasticsearch_node: Literal["httptools", "aiohttp"] = Field(
        "httptools",
        description="How the API talks to Elasticsearch: its own node class "
        "(api/es_connection.py, half the CPU per search) or the client's aiohttp node",
    )
    default_radius_miles: float = Field(25.0, gt=0, le=500)
    max_radius_miles: float = Field(500.0, gt=0)
    max_results: int = Field(500, ge=1, le=10_000)
    ranking: RankingWeights = Field(default_factory=RankingWeights)
    geocoder: str | None = Field(
        None,
        description="geopy geocoder service for `near` (e.g. nominatim); unset: offline "
        "ZIP and city centroids only. Never set in tests or CI (no internet).",
    )
    geocoder_options: dict[str, Any] = Field(
        default_factory=dict,
        description='Keyword arguments of the geocoder, JSON (e.g. {"user_agent": "..."})',
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser, comma-separated",
    )
    read_api_key_hashes: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated hex SHA-256 digests of the API keys read routes require "
        "(X-API-Key, as admin keys in api.security); empty: read routes are open",
    )
    map_tiles_url: str | None = Field(
        None,
        description="An XYZ tile server for the results page's map, e.g. "
        "http://tiles.internal/{z}/{x}/{y}.png; unset (the default): the map is drawn without "
        "tiles and the page fetches nothing from elsewhere",
    )
    referral_sheet_max: int = Field(50, ge=1, le=500)
    export_page_size: int = Field(1000, ge=10, le=10_000)
    cursor_key: SecretStr | None = Field(
        None,
        min_length=32,
        description="Secret that signs search cursors (HMAC-SHA256), at least 32 characters: "
        "set it so cursors survive a restart and every worker of a server takes the others'. "
        "Unset: a random key per process (`iop serve` makes one for all its workers), and a "
        "restart turns the cursors in use into 422s (search again)",
    )
    max_body_bytes: int = Field(
        65_536, ge=1024, le=10_485_760, description="Largest request body taken; 413 over it"
    )
    export_access: Literal["rate_limited", "key", "open"] = Field(
        "rate_limited",
        description="Who may read the full HSDS export (/v1/export/hsds, hundreds of MB): "
        "rate_limited (the default): a client without a key starts at most "
        "export_per_client_per_hour exports an hour, 429 with Retry-After beyond; key: a read "
        "or export key is required (401 without); open: anyone, unlimited",
    )
    export_per_client_per_hour: int = Field(
        2, ge=1, le=10_000, description="Exports a client address without a key may start an hour"
    )
    export_api_key_hashes: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated hex SHA-256 digests of keys that open the export alone "
        "(X-API-Key): required with export_access=key, unlimited with rate_limited; read keys "
        "do the same",
    )

    @field_validator("cors_origins", "read_api_key_hashes", "export_api_key_hashes", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("read_api_key_hashes", "export_api_key_hashes")
    @classmethod
    def _hex_digests(cls, hashes: list[str]) -> list[str]:
        for digest in hashes:
            if not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise ValueError("each API key hash must be a lowercase SHA-256 hex digest")
        return hashes

    @model_validator(mode="after")
    def _export_keys_when_keyed(self) -> Settings:
        if self.export_access == "key" and not self.export_key_hashes:
            raise ValueError(
                "export_access=key needs IOP_EXPORT_API_KEY_HASHES or IOP_READ_API_KEY_HASHES: "
                "with no key configured nobody could export"
            )
        return self

    @property
    def export_key_hashes(self) -> list[str]:
        """Every key the export takes: the read keys and the export's own."""
        return [*self.read_api_key_hashes, *self.export_api_key_hashes]

    @field_validator("cors_origins")
    @classmethod
    def _no_wildcard_with_keys(cls, origins: list[str]) -> list[str]:
        for origin in origins:
            if origin != "*" and not re.match(r"^https?://[^/]+$", origin):
                raise ValueError(f"CORS origin {origin!r} must be scheme://host[:port]")
        return origins


@cache
def get_settings() -> Settings:
    return Settings()
