"""Settings of the indexer, from the environment (prefix ``IOP_``), defaults documented here."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from indexer.snapshot import SNAPSHOT_DIR
from iop.settings import CoreSettings


class IndexerSettings(CoreSettings):
    """The indexer's settings, with the shared ones (the alias, the availability window)."""

    model_config = SettingsConfigDict(env_prefix="IOP_", hide_input_in_errors=True)

    count_tolerance: float = Field(
        0.10,
        ge=0,
        le=1,
        description="A rebuild whose feeds list this share fewer active facilities than the "
        "serving index is refused (unless forced)",
    )
    stale_after_refreshes: int = Field(
        3, ge=1, description="Refreshes in a row a facility may be missing before it is stale"
    )
    number_of_shards: int = Field(
        1, ge=1, le=1024, description="Primary shards of each new facilities index"
    )
    number_of_replicas: int = Field(
        0,
        ge=0,
        le=16,
        description="Copies of each shard on other nodes, for new facilities indices and the "
        "runs index: 0 on one node; 1 or more on a cluster keeps searches answering while a "
        "node is down",
    )
    keep_indices: int = Field(
        2, ge=2, description="Facilities indices kept: the serving one and the previous ones"
    )
    coverage_drop_alert: float = Field(
        0.05, gt=0, le=1, description="A field whose coverage in a source fell this much is shown"
    )
    bulk_workers: int = Field(
        3,
        ge=1,
        le=16,
        description="Bulk requests in flight at once (a rebuild from under 64 MB of feeds "
        "sends one at a time)",
    )
    bulk_chunk_documents: int = Field(
        1000, ge=1, description="Documents per bulk request of incremental loads and carry-overs"
    )
    bulk_chunk_bytes: int = Field(
        4 * 2**20, ge=1, description="Bytes of feed lines per bulk request of a rebuild"
    )
    snapshot_dir: Path = Field(
        SNAPSHOT_DIR,
        description="Where a rebuild keeps what it wrote, so the next one need not scan the "
        "index (see indexer.snapshot)",
    )
    prepare_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        le=64,
        description="Processes turning feed lines into documents in a large rebuild "
        "(default: one per CPU)",
    )
