"""The API under test, in-process over a real Elasticsearch holding a small known directory."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app
from iop.facility import Facility, FacilityStatus, Ownership, Phone, PhoneKind
from iop.vocabulary import SERVICES
from tests.api.indexing import index_directory
from tests.factories import make_facility

# Albuquerque, NM. Facilities sit due north of it, about 0.69 miles apart.
ORIGIN = (35.0844, -106.6504)
# Denver, CO: a neighbourhood for preferences, ownership, waits, stale and virtual programs.
DENVER = (39.7392, -104.9903)
# Boise, ID: a crowd of varied facilities for pagination, facets and the filter oracle.
BOISE = (43.6150, -116.2023)
CROWD = 60
TODAY = date.today()


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
        *denver(),
        *crowd(),
    ]


def denver() -> list[Facility]:
    lat, lon = DENVER
    return [
        make_facility(
            "den-full",
            lat + 0.03,
            lon,
            **{
                "levels_of_care.iop": True,
                "payment.medicaid": True,
                "schedule.evening": True,
                "languages.spanish": True,
                "languages.other": ["Vietnamese"],
                "medications.mat_buprenorphine": True,
                "medications.mat_accepts_outside_prescriptions": True,
                "ownership": Ownership.PUBLIC_LOCAL,
                "availability.days_to_intake": 2,
                "availability.accepting_new_patients": True,
                "availability.as_of": TODAY - timedelta(days=3),
                "availability.source": "county board",
                "intake.hours": "Mo-Fr 08:00-16:00",
                "intake.walk_in": True,
                "intake.what_to_bring": ["photo ID", "insurance card"],
                "schedule.opening_hours": ["Mo-Fr 08:00-20:00"],
                "phones": [
                    Phone(number="+17205550100", kind=PhoneKind.MAIN),
                    Phone(number="+17205550199", kind=PhoneKind.INTAKE),
                ],
            },
        ),
        make_facility(
            "den-partial",
            lat + 0.01,
            lon,
            **{
                "levels_of_care.iop": True,
                "payment.medicaid": True,
                "schedule.evening": False,
                "ownership": Ownership.PRIVATE_FOR_PROFIT,
                "availability.days_to_intake": 10,
                "availability.as_of": TODAY - timedelta(days=100),
                "availability.source": "phone survey",
            },
        ),
        make_facility("den-plain", lat + 0.005, lon, **{"levels_of_care.iop": True}),
        make_facility(
            "den-not-iop",
            lat + 0.002,
            lon,
            **{"levels_of_care.iop": False, "payment.medicaid": True},
        ),
        make_facility("den-iop-unknown", lat + 0.004, lon, **{"payment.medicaid": True}),
        make_facility(
            "den-stale",
            lat + 0.006,
            lon,
            **{"levels_of_care.iop": True, "status": FacilityStatus.STALE},
        ),
        virtual("virtual-co-nm", ["CO", "NM"]),
        virtual("virtual-tx", ["TX"]),
        virtual("virtual-states-unknown", None),
    ]


def virtual(ref: str, states: list[str] | None) -> Facility:
    facility = make_facility(
        ref,
        0,
        0,
        **{
            "levels_of_care.iop": True,
            "access.virtual_only": True,
            "access.licensed_states": states,
            "access.telehealth": True,
        },
    )
    facility.location = None
    return facility


CROWD_CODES = ["iop", "medicaid", "evening", "spanish", "mat_buprenorphine", "weekend"]


def crowd() -> list[Facility]:
    """Facilities around Boise whose every fact is drawn at random: true, false or unknown."""
    rng = random.Random(5)
    facilities = []
    for n in range(CROWD):
        facts: dict[str, object] = {}
        for code in CROWD_CODES:
            value = rng.choice([True, True, False, None])
            if value is not None:
                facts[f"{SERVICES[code].group}.{code}"] = value
        if rng.random() < 0.7:
            facts["ownership"] = rng.choice(list(Ownership))
        if rng.random() < 0.6:
            facts["availability.days_to_intake"] = rng.randint(0, 40)
            facts["availability.as_of"] = TODAY - timedelta(days=rng.randint(0, 200))
        if rng.random() < 0.5:
            facts["availability.accepting_new_patients"] = rng.random() < 0.8
        lat = BOISE[0] + rng.uniform(-0.25, 0.25)
        lon = BOISE[1] + rng.uniform(-0.25, 0.25)
        facilities.append(make_facility(f"crowd-{n:02d}", lat, lon, **facts))
    return facilities


@pytest.fixture(scope="module")
def indexed(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> list[Facility]:
    facilities = directory()
    index_directory(es, facilities)
    return facilities


@pytest.fixture(scope="module")
def client(elasticsearch_url: str, indexed: list[Facility]) -> Iterator[TestClient]:
    app = create_app(Settings(ELASTICSEARCH_URL=elasticsearch_url))
    with TestClient(app) as client:
        yield client
