"""SAMHSA's service codes and what they say about a facility.

The mapping is data: ``data/vocabulary/samhsa_codes.csv`` (code → model field and value),
``data/samhsa/su_service_code_categories.csv`` (each code's legend category and label),
``data/vocabulary/findtreatment_categories.csv`` (each legend category's FindTreatment API
code, ``f2``) and ``data/vocabulary/findtreatment_label_aliases.csv`` (older API wordings, with
the category they were served in).

The API names a service by its label within a category (``{"f2": "SG", "f3": "Young
adults"}``), and one label can stand in two categories: "Young adults" is the special program
TAY under ``SG`` and the age group YAD under ``AGE``. A label is therefore looked up within its
category only, never across.

SAMHSA's survey asks one question per legend category ("Which payment types are accepted?").
A facility that answered a category with some codes has said "no" to that category's other
codes, so a mapped field whose code is absent becomes ``False``; a category it did not answer
at all leaves its fields unknown.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from iop.facility import Ownership
from iop.paths import SAMHSA_DIR, VOCABULARY_DIR


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    category: str
    api_categories: tuple[str, ...]  # the category's FindTreatment ``f2`` codes, served first

    @property
    def api_category(self) -> str:
        return self.api_categories[0]


@dataclass(frozen=True)
class FieldRule:
    code: str
    field: str
    value: str


@cache
def api_categories() -> dict[str, tuple[str, ...]]:
    """Each legend category's FindTreatment ``f2`` codes (the one the API serves first)."""
    with open(VOCABULARY_DIR / "findtreatment_categories.csv", newline="", encoding="utf-8") as f:
        return {row["category"]: tuple(row["f2"].split()) for row in csv.DictReader(f)}


@cache
def codes() -> dict[str, Code]:
    """Substance-use service codes by code, with their legend category."""
    with open(SAMHSA_DIR / "su_service_code_categories.csv", newline="", encoding="utf-8") as f:
        return {
            row["code"]: Code(
                row["code"],
                repair_label(row["label"]),
                row["category"],
                api_categories()[row["category"]],
            )
            for row in csv.DictReader(f)
        }


@cache
def field_rules() -> tuple[FieldRule, ...]:
    with open(VOCABULARY_DIR / "samhsa_codes.csv", newline="", encoding="utf-8") as f:
        return tuple(FieldRule(r["code"], r["field"], r["value"]) for r in csv.DictReader(f))


def survey_as_of(year: str | int | None) -> date | None:
    """The as-of date of facts from a SAMHSA survey year: its 1 January (readers print the
    year alone: "2024 (SAMHSA survey)"). SAMHSA publishes the year, not a day."""
    if year in (None, ""):
        return None
    return date(int(year), 1, 1)


_TRADE_NAME = re.compile(r"^(?:dba|d/b/a|aka|a/k/a)\b[\s:.-]*", re.IGNORECASE)
_LEGAL_ENTITY = re.compile(
    r"\b(?:inc|incorporated|llc|l\.l\.c|pllc|corp|corporation|co|company|ltd|lp|llp|pc|pa)\.?$",
    re.IGNORECASE,
)
_CUT_SHORT = re.compile(r"(?:\b(?:and|of|for|the|in|at|on|to)|[&/,-])$", re.IGNORECASE)


def program_and_operator(name1: str | None, name2: str | None) -> tuple[str | None, str | None]:
    """``(name, operator)`` of a SAMHSA listing, from its two name fields.

    ``name2``, when given, is mostly the program's own name ("Turquoise Lodge Hospital",
    "DBA Spokane Treatment Center") and ``name1`` the organisation that runs it ("NM
    Department of Health"). Two exceptions, both common in the 2024 file: a ``name2`` that is
    a company ("Metro Treatment of Alabama LP") runs the program ``name1`` names; and a
    ``name1`` cut short ("Western Arkansas Counseling and") goes on in ``name2``.
    """
    name1 = " ".join((name1 or "").split()) or None
    name2 = _TRADE_NAME.sub("", " ".join((name2 or "").split())) or None
    if name2 is None or name1 is None or name2.casefold() == name1.casefold():
        return (name1 or name2), None
    if _CUT_SHORT.search(name1):
        return f"{name1} {name2}", None
    if _LEGAL_ENTITY.search(name2) and not _LEGAL_ENTITY.search(name1):
        return name1, name2
    return name2, name1


def repair_label(label: str) -> str:
    """Undo the code key's lost registered-trademark signs (``Campral\ufffd`` → ``Campral®``)."""
    return label.replace("\ufffd", "®").strip()


def _normal(label: str) -> str:
    return " ".join(repair_label(label).lower().replace("®", "").split())


@cache
def _codes_by_label() -> dict[tuple[str, str], str]:
    """``(f2, normal label) -> code``: the key's category is the one the label is served in."""
    by_label = {
        (f2, _normal(code.label)): code.code
        for code in codes().values()
        for f2 in code.api_categories
    }
    with open(
        VOCABULARY_DIR / "findtreatment_label_aliases.csv", newline="", encoding="utf-8"
    ) as f:
        for row in csv.DictReader(f):
            by_label.setdefault((row["f2"], _normal(row["label"])), row["code"])
    return by_label


def code_for_label(label: str, f2: str) -> str | None:
    """The code a FindTreatment service label stands for within the API category ``f2``, or
    ``None`` if that category has no such label."""
    return _codes_by_label().get((f2.strip().upper(), _normal(label)))


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
