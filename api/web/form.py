"""The search form: its choices, and a query string as the API takes it.

A form ticks one checkbox per value (``services=iop&services=evening``); the API takes a
comma-separated list (``services=iop,evening``). :func:`api_query` joins them, so the page's
URL uses the API's own parameter names and a result list is a link a doctor can send.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote_plus, urlencode

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


ENCODED_COMMA = quote_plus(",")


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


class SearchLinks:
    """Links to one search changed a little (a filter added or dropped, another radius), each
    parameter URL-encoded once: a results page makes dozens of them. No cursor: page one."""

    def __init__(self, query: dict[str, str]) -> None:
        self.query = query
        self.encoded = {
            k: f"{quote_plus(k)}={quote_plus(v)}"
            for k, v in query.items()
            if (v or k == "services") and k != "cursor"
        }

    def link(self, **changes: str | None) -> str:
        """``/search?…`` with ``changes`` (``None`` or empty removes a parameter); an empty
        ``services`` stays: it means no service is required."""
        return self._link(
            {
                name: urlencode({name: value})
                if value or (name == "services" and value == "")
                else None
                for name, value in changes.items()
            }
        )

    def form(self) -> str:
        """The search form filled in with this search, to change it."""
        return "/?" + "&".join(self.encoded.values())

    def _link(self, encoded_changes: dict[str, str | None]) -> str:
        parts = dict(self.encoded)
        for name, encoded in encoded_changes.items():
            if encoded is None:
                parts.pop(name, None)
            else:
                parts[name] = encoded
        return "/search?" + "&".join(parts.values())

    def without_value(self, name: str, value: str) -> str:
        """The search without one value of a list parameter (or without the parameter)."""
        if name not in LIST_PARAMETERS:
            return self.link(**{name: None})
        kept = [v for v in listed(self.query, name) if v not in value.split(",")]
        if kept:
            return self.link(**{name: ",".join(kept)})
        # services= (empty) means "no required service"; dropping it would mean iop.
        return self.link(**{name: "" if name == "services" else None})

    def with_value(self, name: str, value: str) -> str:
        """The search with one more value of a list parameter."""
        if value in listed(self.query, name):
            return self.link(**{name: None})
        return self.adding(name)(value)

    def adding(self, name: str) -> Callable[[str], str]:
        """The search with one more value of list parameter ``name``, as a function of the
        value (not one already given)."""
        prefix, suffix = self.around(name)
        return lambda value: prefix + quote_plus(value) + suffix

    def around(self, name: str) -> tuple[str, str]:
        """What comes before and after a value added to list parameter ``name`` in a link:
        the other parameters, and the values already there, joined once for all the values a
        page offers."""
        parts = dict(self.encoded)
        names = list(parts)
        place = names.index(name) if name in parts else len(names)
        head = "&".join(parts[other] for other in names[:place])
        tail = "&".join(parts[other] for other in names[place + 1 :])
        given = parts[name] + ENCODED_COMMA if self.query.get(name) else urlencode({name: ""})
        return "/search?" + (head + "&" if head else "") + given, "&" + tail if tail else ""
