"""The API under test, in-process over a real Elasticsearch holding a small known directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from indexer.load import load_feeds
from iop.facility import Facility
from tests.factories import make_facility

# Albuquerque, NM. Facilities sit due north of it, about 0.69 miles apart.
ORIGIN = (35.0844, -106.6504)


def directory() -> list[Facility]:
    return [
        make_facility(
            "near-iop-bup",
            35.09,
            -106.6504,
            **{
                "levels_of_care.iop": True,
                "medications.mat_buprenorphine": True,
                "payment.medicaid": True,
            },
        ),
        make_facility(
            "mid-iop-wait2",
            35.20,
            -106.6504,
            **{"levels_of_care.iop": True, "availability.days_to_intake": 2},
        ),
        make_facility("mid-iop-unknown-bup", 35.21, -106.6504, **{"levels_of_care.iop": True}),
        make_facility(
            "far-iop",
            35.40,
            -106.6504,
            **{"levels_of_care.iop": True, "availability.days_to_intake": 30},
        ),
        make_facility(
            "near-residential",
            35.085,
            -106.6504,
            **{"levels_of_care.iop": False, "levels_of_care.residential": True},
        ),
        make_facility("outside-radius-iop", 36.5, -106.6504, **{"levels_of_care.iop": True}),
    ]


@pytest.fixture(scope="module")
def indexed(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> list[Facility]:
    facilities = directory()
    feed: Path = tmp_path_factory.mktemp("feeds") / "api.ndjson"
    feed.write_text("".join(f.model_dump_json() + "\n" for f in facilities))
    load_feeds(es, [feed], progress=False)
    return facilities


@pytest.fixture(scope="module")
def client(elasticsearch_url: str, indexed: list[Facility]) -> Iterator[TestClient]:
    app = create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))
    with TestClient(app) as client:
        yield client
