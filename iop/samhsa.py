"""SAMHSA's service codes and what they say about a facility.

The mapping is data: ``data/vocabulary/samhsa_codes.csv`` (code → model field and value),
``data/samhsa/su_service_code_categories.csv`` (each code's legend category and label) and
``data/vocabulary/findtreatment_label_aliases.csv`` (older FindTreatment API wordings).

SAMHSA's survey asks one question per legend category ("Which payment types are accepted?").
A facility that answered a category with some codes has said "no" to that category's other
codes, so a mapped field whose code is absent becomes ``False``; a category it did not answer
at all leaves its fields unknown.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from iop.facility import Ownership
from iop.paths import SAMHSA_DIR, VOCABULARY_DIR


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    category: str
    api_category: str


@dataclass(frozen=True)
class FieldRule:
    code: str
    field: str
    value: str


@cache
def codes() -> dict[str, Code]:
    """Substance-use service codes by code, with their legend category."""
    with open(SAMHSA_DIR / "su_service_code_categories.csv", newline="", encoding="utf-8") as f:
        return {
            row["code"]: Code(
                row["code"],
                repair_label(row["label"]),
                row["category"],
                row["api_f2_category"],
            )
            for row in csv.DictReader(f)
        }


@cache
def field_rules() -> tuple[FieldRule, ...]:
    with open(VOCABULARY_DIR / "samhsa_codes.csv", newline="", encoding="utf-8") as f:
        return tuple(FieldRule(r["code"], r["field"], r["value"]) for r in csv.DictReader(f))


def repair_label(label: str) -> str:
    """Undo the code key's lost registered-trademark signs (``Campral\ufffd`` → ``Campral®``)."""
    return label.replace("\ufffd", "®").strip()


def _normal(label: str) -> str:
    return " ".join(repair_label(label).lower().replace("®", "").split())


@cache
def _codes_by_label() -> dict[str, str]:
    by_label = {_normal(code.label): code.code for code in codes().values()}
    with open(
        VOCABULARY_DIR / "findtreatment_label_aliases.csv", newline="", encoding="utf-8"
    ) as f:
        for row in csv.DictReader(f):
            by_label.setdefault(_normal(row["label"]), row["code"])
    return by_label


def code_for_label(label: str) -> str | None:
    """The code a FindTreatment service label stands for, or ``None`` if it is not known."""
    return _codes_by_label().get(_normal(label))


def parse_code_list(text: str) -> tuple[list[str], list[str]]:
    """Split a directory ``service_code_info`` into (known codes, unknown tokens)."""
    known: list[str] = []
    unknown: list[str] = []
    for token in text.replace("*", " ").split():
        (known if token in codes() else unknown).append(token)
    return known, unknown


def _is_flag(rule: FieldRule) -> bool:
    return rule.value in ("true", "false")


def facts_from_codes(facility_codes: Iterable[str]) -> dict[str, Any]:
    """What a facility's SAMHSA codes say, as ``{dotted field path: value}``.

    Flags are ``True``/``False`` per the category rule above; ``ownership`` is an
    :class:`Ownership`; list fields (``languages.other``, ``accreditations``...) are sorted
    lists of names, empty when the facility answered their category with none of them.
    """
    present = set(facility_codes)
    answered = {codes()[c].category for c in present if c in codes()}
    facts: dict[str, Any] = {}
    negated: set[str] = set()
    lists: dict[str, set[str]] = {}
    for rule in field_rules():
        if rule.field == "ownership" or _is_flag(rule):
            continue
        if rule.code in present:
            lists.setdefault(rule.field, set()).add(rule.value)
        elif codes()[rule.code].category in answered:
            lists.setdefault(rule.field, set())
    for rule in field_rules():
        if rule.code not in present:
            continue
        if rule.field == "ownership":
            facts["ownership"] = Ownership(rule.value)
        elif rule.value == "false":
            negated.add(rule.field)
        elif rule.value == "true":
            facts[rule.field] = True
    for rule in field_rules():
        if rule.value != "true" or rule.field in facts:
            continue
        if rule.field in negated or codes()[rule.code].category in answered:
            facts[rule.field] = False
    facts.update({field: sorted(values) for field, values in lists.items()})
    return facts
