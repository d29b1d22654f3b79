"""The links a results page offers (a facet to add or drop, a relaxation, page one) change
exactly one thing of the search, whatever the search was."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from api.web.form import LIST_PARAMETERS, SearchLinks, listed
from iop.vocabulary import SERVICES

CODES = sorted(SERVICES)
codes = st.lists(st.sampled_from(CODES), max_size=4, unique=True).map(",".join)
free_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
queries = st.fixed_dictionaries(
    {},
    optional={
        "near": free_text.filter(str.strip),
        "radius_miles": st.sampled_from(["5", "25", "50"]),
        "services": codes,  # empty: no service required
        "prefer": codes.filter(bool),
        "payment": codes.filter(bool),
        "sort": st.sampled_from(["best", "distance"]),
        "cursor": st.text(alphabet="abcdef0123456789", min_size=1, max_size=20),
    },
)


def followed(href: str) -> dict[str, str]:
    """The query a browser sends for a link (what the results page then reads)."""
    assert href.startswith("/search?")
    return dict(parse_qsl(urlsplit(href).query, keep_blank_values=True))


def page_one(query: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in query.items() if k != "cursor"}


@given(queries, st.sampled_from(LIST_PARAMETERS), st.sampled_from(CODES))
def test_adding_a_value_adds_it_and_changes_nothing_else(
    query: dict[str, str], name: str, code: str
) -> None:
    after = followed(SearchLinks(query).with_value(name, code))
    before = page_one(query)
    if code in listed(query, name):
        before.pop(name)  # choosing a chosen value again drops it
    else:
        before[name] = ",".join([*listed(query, name), code])
    assert after == before


@given(queries, st.sampled_from(LIST_PARAMETERS), st.sampled_from(CODES))
def test_dropping_a_value_drops_only_it_and_an_empty_services_still_means_none(
    query: dict[str, str], name: str, code: str
) -> None:
    after = followed(SearchLinks(query).without_value(name, code))
    kept = [v for v in listed(query, name) if v != code]
    before = page_one(query)
    if kept:
        before[name] = ",".join(kept)
    elif name == "services":
        before[name] = ""  # no parameter would mean the default, IOP
    else:
        before.pop(name, None)
    assert after == before


@given(queries, st.sampled_from(["25", "100"]))
def test_another_radius_keeps_the_rest_of_the_search(query: dict[str, str], radius: str) -> None:
    assert followed(SearchLinks(query).link(radius_miles=radius)) == {
        **page_one(query),
        "radius_miles": radius,
    }
