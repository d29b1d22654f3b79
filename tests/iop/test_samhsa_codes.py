"""SAMHSA codes → facility facts: stated facts only, and "no" only where the survey said so."""

from __future__ import annotations

import csv

from iop import samhsa
from iop.facility import Ownership
from iop.paths import SAMHSA_DIR
from iop.vocabulary import SERVICES


def directory_codes(facility_id: str) -> list[str]:
    with open(SAMHSA_DIR / "nsumhss2024_su_directory.csv", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["facility_id"] == facility_id)
    return samhsa.parse_code_list(row["service_code_info"])[0]


def test_a_real_iop_with_buprenorphine_and_medicaid() -> None:
    facts = samhsa.facts_from_codes(directory_codes("substance_7718"))
    assert facts["levels_of_care.iop"] is True
    assert facts["medications.mat_buprenorphine"] is True
    assert facts["medications.mat_naltrexone"] is True
    assert facts["medications.mat_methadone"] is False  # answered the medications question
    assert facts["detox.detox_outpatient"] is True
    assert facts["payment.medicaid"] is True
    assert facts["ownership"] is Ownership.PRIVATE_FOR_PROFIT
    assert facts["languages.spanish"] is True
    assert facts["languages.other"] == []
    assert "opioids" in facts["detox.substances"]
    assert "Naltrexone (oral)" in facts["medications.pharmacotherapies"]
    assert "State substance use treatment agency" in facts["accreditations"]


def test_a_question_the_facility_did_not_answer_stays_unknown() -> None:
    facts = samhsa.facts_from_codes(["SA", "OP", "OIT"])
    assert facts["levels_of_care.iop"] is True
    assert facts["levels_of_care.residential"] is False
    assert "payment.medicaid" not in facts
    assert "languages.spanish" not in facts


def test_explicit_no_for_medications() -> None:
    facts = samhsa.facts_from_codes(["SA", "OP", "NMOA"])
    assert facts["medications.mat_buprenorphine"] is False


def test_every_mapped_field_exists_in_the_model() -> None:
    lists = {
        "languages.other",
        "medications.pharmacotherapies",
        "detox.substances",
        "accreditations",
    }
    paths = {service.path for service in SERVICES.values()} | lists | {"ownership"}
    for rule in samhsa.field_rules():
        assert rule.field in paths, rule
        assert rule.code in samhsa.codes(), rule


def test_older_api_wordings_and_mojibake_labels_resolve() -> None:
    assert samhsa.code_for_label("Prescribes/administers buprenorphine") == "UB"
    assert samhsa.code_for_label("Acamprosate (Campral®)") == "ACM"
    assert samhsa.code_for_label("Intensive outpatient treatment") == "OIT"
    assert samhsa.code_for_label("Something nobody said") is None


def test_words_in_the_code_list_are_reported_not_mapped() -> None:
    known, unknown = samhsa.parse_code_list("SA OIT * hello world")
    assert known == ["SA", "OIT"]
    assert unknown == ["hello", "world"]
