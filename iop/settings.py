"""Settings every part of the product shares, from the environment (prefix ``IOP_``).

Each stage's own settings extend these (``indexer.settings.IndexerSettings``), so a shared
default is written once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, FilePath, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class ElasticsearchAccess(BaseSettings):
    """How every client the product builds proves who it is to Elasticsearch, and which
    certificate authority it trusts (prefix ``IOP_ELASTICSEARCH_``). Unset: no credentials,
    and HTTPS certificates checked against the system's authorities."""

    model_config = SettingsConfigDict(
        env_prefix="IOP_ELASTICSEARCH_", extra="ignore", hide_input_in_errors=True
    )

    api_key: SecretStr | None = Field(
        None,
        description="An API key (the encoded form Elasticsearch returns), sent as "
        "`Authorization: ApiKey ...`",
    )
    username: str | None = Field(None, description="A user for basic authentication")
    password: SecretStr | None = Field(None, description="That user's password")
    ca_certs: FilePath | None = Field(
        None,
        description="A PEM file of the certificate authority that signed the cluster's HTTPS "
        "certificate; certificates are always verified",
    )

    @model_validator(mode="after")
    def _one_way_to_authenticate(self) -> ElasticsearchAccess:
        if self.api_key is not None and self.username is not None:
            raise ValueError(
                "set IOP_ELASTICSEARCH_API_KEY or IOP_ELASTICSEARCH_USERNAME, not both"
            )
        if (self.username is None) != (self.password is None):
            raise ValueError(
                "IOP_ELASTICSEARCH_USERNAME and IOP_ELASTICSEARCH_PASSWORD go together"
            )
        return self


class CoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="IOP_", extra="ignore", hide_input_in_errors=True)

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
    elasticsearch_access: ElasticsearchAccess = Field(default_factory=ElasticsearchAccess)


@cache
def core_settings() -> CoreSettings:
    return CoreSettings()
