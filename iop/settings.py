"""Settings every part of the product shares, from the environment (prefix ``IOP_``).

Each stage's own settings extend these (``indexer.settings.IndexerSettings``), so a shared
default is written once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class CoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="IOP_", extra="ignore")

    data_dir: Path = Field(PROJECT_ROOT / "data", description="The shipped data")
    var_dir: Path = Field(PROJECT_ROOT / "var", description="Feeds, ids, snapshots: working files")
    index_alias: str = Field(
        "facilities",
        description="The alias search reads; one cluster may hold several directories "
        "(the tests use their own)",
    )
    availability_max_age_days: int = Field(
        30,
        ge=0,
        description="A stated wait or intake status older than this is not current: it stops "
        "counting in ranking and in the wait filter, and is shown with its date",
    )


@cache
def core_settings() -> CoreSettings:
    return CoreSettings()
