"""The required filters of a search, each as a *need*: what confirms it, what leaves it unknown.

A need is one thing the referrer asked for (a service, one of some ways to pay, an ownership,
a language, a short wait, a program that is taking patients). Each has three clauses:

* ``confirmed``: a source said the facility meets it;
* ``unknown``: no source has said either way;
* ``lenient``: confirmed or unknown, what ``include_unknown`` keeps.

Search filters on them, ranks facilities with unknowns below those that confirm every need,
counts the facilities one need keeps out (relaxations), and leaves each facet group's own
needs out of its counts. A wait counts only while it is current: the index keeps a facility's
days to intake in ``availability_current_days_to_intake`` while its statement is recent enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.search.labels import short_label
from api.search.request import SearchRequest
from iop.documents import RANKED_WAIT_FIELD
from iop.facility import Ownership
from iop.vocabulary import SERVICES

ACCEPTING_FIELD = "availability.accepting_new_patients"
OWNERSHIP_FACET = "ownership"
LANGUAGES_FACET = "languages"
ACCEPTING_FACET = "accepting_new_patients"
WAIT_FACET = "max_days_to_intake"

Clause = dict[str, Any]


def missing(field: str) -> Clause:
    return {"bool": {"must_not": [{"exists": {"field": field}}]}}


def either(*clauses: Clause) -> Clause:
    return {"bool": {"should": list(clauses), "minimum_should_match": 1}}


@dataclass(frozen=True)
class Need:
    parameter: str  # the search parameter that asks for it
    value: str  # its value there: what a link that drops this need removes
    label: str  # in a referrer's words
    facet: str  # the facet group whose counts leave it out
    confirmed: Clause
    unknown: Clause
    lenient: Clause

    def clause(self, include_unknown: bool) -> Clause:
        return self.lenient if include_unknown else self.confirmed


def service_need(code: str, parameter: str = "services") -> Need:
    offered = {"term": {"services_offered": code}}
    refuted = {"term": {"services_not_offered": code}}
    return Need(
        parameter=parameter,
        value=code,
        label=short_label(code),
        facet=SERVICES[code].group,
        confirmed=offered,
        unknown={"bool": {"must_not": [offered, refuted]}},
        lenient={"bool": {"must_not": [refuted]}},
    )


def any_of_need(codes: tuple[str, ...]) -> Need:
    group = SERVICES[codes[0]].group
    offered = {"terms": {"services_offered": list(codes)}}
    all_refuted = {"bool": {"filter": [{"term": {"services_not_offered": c}} for c in codes]}}
    return Need(
        parameter=group,
        value=",".join(codes),
        label=" or ".join(short_label(code) for code in codes),
        facet=group,
        confirmed=offered,
        unknown={"bool": {"must_not": [offered, all_refuted]}},
        lenient={"bool": {"must_not": [all_refuted]}},
    )


def field_need(
    parameter: str, value: str, label: str, facet: str, confirmed: Clause, field: str
) -> Need:
    unknown = missing(field)
    return Need(parameter, value, label, facet, confirmed, unknown, either(confirmed, unknown))


def ownership_values(choices: tuple[str, ...]) -> list[str]:
    """``public`` / ``private`` stand for every kind of their sector."""
    values: list[str] = []
    for choice in choices:
        kinds = [k.value for k in Ownership if choice in (k.value, k.sector)]
        values += [kind for kind in kinds if kind not in values]
    return values


def language_variants(name: str) -> list[str]:
    """Language names are stored as English names ("Vietnamese"); match the usual spellings."""
    return list(dict.fromkeys([name, name.strip().title(), name.strip().capitalize()]))


def needs_of(request: SearchRequest) -> list[Need]:
    """Every required filter of the request, in the order the request names them."""
    needs = [service_need(code) for code in request.required_services]
    needs += [any_of_need(group) for group in request.any_of_services if group]
    if request.ownership:
        owned = {"terms": {"ownership": ownership_values(request.ownership)}}
        value = ",".join(request.ownership)
        label = " or ".join(request.ownership).replace("_", " ")
        needs.append(field_need("ownership", value, label, OWNERSHIP_FACET, owned, "ownership"))
    for name in request.languages:
        spoken = {"terms": {"languages.other": language_variants(name)}}
        needs.append(
            field_need("languages", name, name, LANGUAGES_FACET, spoken, "languages.other")
        )
    if request.max_days_to_intake is not None:
        days = request.max_days_to_intake
        soon = {"range": {RANKED_WAIT_FIELD: {"lte": days}}}
        label = f"a current wait of at most {days} day{'s' if days != 1 else ''}"
        needs.append(field_need(WAIT_FACET, str(days), label, WAIT_FACET, soon, RANKED_WAIT_FIELD))
    if request.accepting_new_patients is not None:
        wanted = request.accepting_new_patients
        accepting = {"term": {ACCEPTING_FIELD: wanted}}
        label = "accepting new patients" if wanted else "not accepting new patients"
        value = str(wanted).lower()
        needs.append(
            field_need(ACCEPTING_FACET, value, label, ACCEPTING_FACET, accepting, ACCEPTING_FIELD)
        )
    return needs


def unknown_needs(request: SearchRequest, source: dict[str, Any]) -> list[str]:
    """The labels of the request's needs that a hit's sources have not stated (a hit of an
    ``include_unknown`` search meets every other need)."""
    offered = set(source.get("services_offered") or ())
    refuted = set(source.get("services_not_offered") or ())
    unknown = [c for c in request.required_services if c not in offered and c not in refuted]
    said = [short_label(c) for c in unknown]
    for group in request.any_of_services:
        if group and not offered & set(group) and not set(group) <= refuted:
            said.append(" or ".join(short_label(code) for code in group))
    availability = source.get("availability") or {}
    if request.ownership and not source.get("ownership"):
        said.append("ownership")
    if request.languages and not (source.get("languages") or {}).get("other"):
        said += list(request.languages)
    if request.max_days_to_intake is not None and source.get(RANKED_WAIT_FIELD) is None:
        said.append("current wait")
    if (
        request.accepting_new_patients is not None
        and availability.get("accepting_new_patients") is None
    ):
        said.append("accepting new patients")
    return said
