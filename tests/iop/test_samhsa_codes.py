"""SAMHSA codes → facility facts: stated facts only, and "no" only where the survey said so."""

from __future__ import annotations

import csv

from iop import samhsa
from iop.facility import Ownership, display_name
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
    assert samhsa.code_for_label("Prescribes/administers buprenorphine", "OT") == "UB"
    assert samhsa.code_for_label("Acamprosate (Campral®)", "PHR") == "ACM"
    assert samhsa.code_for_label("Intensive outpatient treatment", "SET") == "OIT"
    assert samhsa.code_for_label("Something nobody said", "SET") is None


def test_a_label_is_read_within_its_category_never_across() -> None:
    # "Young adults" is a special program under SG and an age group accepted under AGE.
    assert samhsa.code_for_label("Young adults", "SG") == "TAY"
    assert samhsa.code_for_label("Young Adults", "AGE") == "YAD"
    assert samhsa.code_for_label("Children/Adolescents", "AGE") == "CHLD"
    assert samhsa.code_for_label("Intensive outpatient treatment", "PAY") is None


def test_every_label_of_the_code_key_reads_back_in_its_category() -> None:
    for code in samhsa.codes().values():
        for f2 in code.api_categories:
            assert samhsa.code_for_label(code.label, f2) == code.code, (code, f2)


def test_age_groups_accepted_are_apart_from_special_programs() -> None:
    facts = samhsa.facts_from_codes(["OIT", "YAD", "ADLT", "WN"])
    assert facts["ages.ages_young_adults"] is True
    assert facts["ages.ages_children_adolescents"] is False  # AGE answered, CHLD absent
    assert facts["populations.young_adults"] is False  # SG answered (WN), TAY absent
    assert facts["populations.adolescents"] is False
    only_programs = samhsa.facts_from_codes(["OIT", "TAY"])
    assert only_programs["populations.young_adults"] is True
    assert "ages.ages_young_adults" not in only_programs  # AGE not answered: unknown


def test_words_in_the_code_list_are_reported_not_mapped() -> None:
    known, unknown = samhsa.parse_code_list("SA OIT * hello world")
    assert known == ["SA", "OIT"]
    assert unknown == ["hello", "world"]


def test_a_listing_is_named_for_its_program_with_its_operator() -> None:
    name, operator = samhsa.program_and_operator(
        "NM Department of Health", "Turquoise Lodge Hospital"
    )
    assert display_name(name, operator) == "Turquoise Lodge Hospital — NM Department of Health"
    assert samhsa.program_and_operator("ORTC LLC", "DBA Spokane Treatment Center") == (
        "Spokane Treatment Center",
        "ORTC LLC",
    )
    assert samhsa.program_and_operator(
        "Birmingham Metro Treatment Center", "Metro Treatment of Alabama LP"
    ) == ("Birmingham Metro Treatment Center", "Metro Treatment of Alabama LP")
    assert samhsa.program_and_operator(
        "Western Arkansas Counseling and", "Guidance Center Inc"
    ) == ("Western Arkansas Counseling and Guidance Center Inc", None)
    assert samhsa.program_and_operator("Family Life Center Inc", "") == (
        "Family Life Center Inc",
        None,
    )
    # An operator that says no more than the program's name is not repeated.
    assert display_name("Desert Mountain Healing IOP", "Desert Mountain Healing IOP LLC") == (
        "Desert Mountain Healing IOP"
    )
