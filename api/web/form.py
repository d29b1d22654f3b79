"""The search form: its choices, and a query string as the API takes it.

A form ticks one checkbox per value (``services=iop&services=evening``); the API takes a
comma-separated list (``services=iop,evening``). :func:`api_query` joins them, so the page's
URL uses the API's own parameter names and a result list is a link a doctor can send.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from iop.vocabulary import CODES_BY_GROUP, SERVICES

# The parameters that take several values.
LIST_PARAMETERS = ("services", "prefer", "payment", "ownership", "languages")
# What the page always asks of a search: counts per filter.
PAGE_DEFAULTS = {"facets": "true", "limit": "10"}


@dataclass(frozen=True)
class NeedGroup:
    title: str
    codes: tuple[str, ...]


# The needs a referrer names most, each offered as required or preferred.
NEED_GROUPS = (
    NeedGroup("Level of care", ("iop", "partial_hospitalization", "outpatient")),
    NeedGroup(
        "Medication for opioid use disorder",
        ("mat_buprenorphine", "mat_methadone", "mat_naltrexone", "detox_onsite"),
    ),
    NeedGroup("When", ("evening", "weekend", "daytime")),
    NeedGroup("Language", ("spanish", "sign_language")),
    NeedGroup(
        "Ages accepted",
        ("ages_children_adolescents", "ages_young_adults", "ages_adults", "ages_seniors"),
    ),
    NeedGroup(
        "Programs for",
        ("adolescents", "young_adults", "women", "men", "pregnant_postpartum", "veterans", "lgbtq"),
    ),
    NeedGroup("Access", ("telehealth",)),
)
PAYMENT_CODES = CODES_BY_GROUP["payment"]
RADIUS_CHOICES = (5, 10, 25, 50, 100)
WAIT_CHOICES = (3, 7, 14, 30)
SORT_CHOICES = (("best", "Best fit"), ("distance", "Nearest first"), ("wait", "Shortest wait"))
OWNERSHIP_CHOICES = (("", "Any"), ("public", "Public"), ("private", "Private"))


def label(code: str) -> str:
    short = SERVICES[code].short
    return short[:1].upper() + short[1:]


def api_query(params: QueryParams) -> dict[str, str]:
    """The API's query from a form's: list parameters joined with commas, empty values left
    out (an empty box sends ``near=``), except ``services``: given empty, it means "no service
    is required" (the form always sends it, so unticking every box is not the API's default,
    IOP)."""
    query: dict[str, str] = {}
    for name in dict.fromkeys(params.keys()):
        values = [v.strip() for v in params.getlist(name) if v.strip()]
        if not values:
            if name == "services":
                query[name] = ""
            continue
        if name in LIST_PARAMETERS:
            query[name] = ",".join(dict.fromkeys(v for value in values for v in value.split(",")))
        else:
            query[name] = values[-1]
    return query


def listed(query: dict[str, str], name: str) -> list[str]:
    return [v for v in query.get(name, "").split(",") if v]


def link(query: dict[str, str], **changes: str | None) -> str:
    """``/search?…`` with ``changes`` (``None`` removes a parameter); no cursor: page one. An
    empty ``services`` stays: it means no service is required."""
    changed = {
        k: v
        for k, v in {**query, **changes}.items()
        if (v or (k == "services" and v == "")) and k != "cursor"
    }
    return "/search?" + urlencode(changed)


def without_value(query: dict[str, str], name: str, value: str) -> str:
    """The search without one value of a list parameter (or without the parameter)."""
    if name in LIST_PARAMETERS:
        kept = [v for v in listed(query, name) if v not in value.split(",")]
        return link(query, **{name: ",".join(kept) or None}) if kept else _removed(query, name)
    return link(query, **{name: None})


def with_value(query: dict[str, str], name: str, value: str) -> str:
    values = listed(query, name)
    return link(query, **{name: ",".join([*values, value]) if value not in values else None})


def _removed(query: dict[str, str], name: str) -> str:
    # services= (empty) means "no required service"; dropping the parameter would mean iop.
    if name == "services":
        return "/search?" + urlencode(
            {**{k: v for k, v in query.items() if k != "cursor"}, name: ""}
        )
    return link(query, **{name: None})
