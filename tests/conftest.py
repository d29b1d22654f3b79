"""Fixtures shared by the whole suite: the real Elasticsearch node and the real-world data."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The suite indexes under its own alias, so it never replaces the demo's data on a shared node.
os.environ.setdefault("IOP_INDEX_ALIAS", "test-facilities")

from elasticsearch import Elasticsearch

import local_elasticsearch as es_node
from iop.paths import PROJECT_ROOT

REALWORLD = PROJECT_ROOT.parent / "shared" / "realworld"
FINDTREATMENT_SAMPLES = REALWORLD / "samhsa" / "findtreatment_api"


def realworld(relative: str) -> Path:
    """A file under ../shared/realworld; the test is skipped when that folder is absent."""
    path = REALWORLD / relative
    if not REALWORLD.exists():
        pytest.skip("../shared/realworld is not present")
    return path


def findtreatment_sample(name: str) -> dict[str, Any]:
    return json.loads(realworld(f"samhsa/findtreatment_api/{name}").read_text())


@pytest.fixture(scope="session")
def elasticsearch_url() -> str:
    """The real node: `iop es start` (idempotent), or the cluster in ELASTICSEARCH_URL."""
    return es_node.start()


@pytest.fixture(scope="session")
def es(elasticsearch_url: str) -> Iterator[Elasticsearch]:
    client = Elasticsearch(elasticsearch_url, request_timeout=60)
    yield client
    client.close()
