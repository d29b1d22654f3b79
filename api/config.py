"""Settings of the API, from the environment (prefix ``IOP_``) with documented defaults."""

from __future__ import annotations

from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RankingWeights(BaseSettings):
    """How ``sort=best`` blends its parts. Each part is a score in [0, 1] times its weight."""

    model_config = SettingsConfigDict(env_prefix="IOP_RANKING_")

    distance: float = Field(1.0, ge=0, description="Weight of nearness")
    distance_half_miles: float = Field(
        10.0, gt=0, description="Distance at which the nearness score halves"
    )
    wait: float = Field(0.6, ge=0, description="Weight of a short wait to intake")
    wait_half_days: float = Field(
        14.0, gt=0, description="Days to intake at which the wait score halves"
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="IOP_")

    elasticsearch_url: str | None = Field(
        None,
        validation_alias="ELASTICSEARCH_URL",
        description="Cluster to search; default: the node `iop es start` runs",
    )
    elasticsearch_timeout_seconds: float = Field(5.0, gt=0)
    default_radius_miles: float = Field(25.0, gt=0, le=500)
    max_radius_miles: float = Field(500.0, gt=0)
    max_results: int = Field(500, ge=1, le=10_000)
    ranking: RankingWeights = Field(default_factory=RankingWeights)


@cache
def get_settings() -> Settings:
    return Settings()
