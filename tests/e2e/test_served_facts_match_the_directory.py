"""Every SAMHSA fact the product serves agrees with SAMHSA's directory, for the whole directory.

The demo's own sources are crawled (the locator replica, here with the live API's quirks,
filled with the real 2024 directory; the directory file; the real site and county board when
``../shared/realworld`` is there) and merged, as ``make demo`` does. Then, for every facility
of each feed and every model field a SAMHSA code maps to, the value must be what the
directory row says, by a rule written here apart from the mapping code:

* ``true`` when one of the field's codes is on the row;
* ``false`` when none is, and the row answered the question (a code of the same legend
  category is on it) or carries a code that denies it (NMOA: no MAT for opioids);
* unknown otherwise (and for every field of a row the API served with ``services: null``).
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch, helpers

from api.config import RankingWeights
from api.search.query import search_body
from api.search.request import SearchRequest
from cli.demo import demo_sources
from crawler.all_sources import MERGED_FEED, crawl_all
from crawler.spiders.findtreatment import derived_ref
from indexer import lifecycle
from iop.documents import from_document, to_document
from iop.facility import Facility
from iop.feeds import read_feed
from iop.geo import Point
from iop.paths import SAMHSA_DIR, VOCABULARY_DIR
from iop.vocabulary import service_values
from replica.directory import frid_for, is_quirk_row, zip5

SAMHSA_SOURCES = {"findtreatment", "samhsa_directory"}
REAL_SOURCES = SAMHSA_SOURCES | {"dmhiop", "lacounty_sbat"}


@dataclass(frozen=True)
class Rule:
    """What the directory says of one model field: the codes that say yes, and no."""

    path: str
    yes: frozenset[str]
    no: frozenset[str]
    categories: frozenset[str]  # the legend categories of the yes codes

    def expected(self, codes: set[str], categories: set[str]) -> bool | None:
        if codes & self.yes:
            return True
        if codes & self.no or categories & self.categories:
            return False
        return None


@cache
def rules() -> list[Rule]:
    with open(SAMHSA_DIR / "su_service_code_categories.csv", newline="") as f:
        category = {row["code"]: row["category"] for row in csv.DictReader(f)}
    yes: dict[str, set[str]] = defaultdict(set)
    no: dict[str, set[str]] = defaultdict(set)
    with open(VOCABULARY_DIR / "samhsa_codes.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["value"] == "true":
                yes[row["field"]].add(row["code"])
            elif row["value"] == "false":
                no[row["field"]].add(row["code"])
    return [
        Rule(path, frozenset(codes), frozenset(no[path]), frozenset(category[c] for c in codes))
        for path, codes in yes.items()
    ]


@dataclass(frozen=True)
class Directory:
    rows: dict[str, dict[str, str]]  # by facility_id
    category: dict[str, str]  # code -> legend category

    def codes(self, row_ids: list[str]) -> tuple[set[str], set[str]]:
        codes = {
            token
            for row_id in row_ids
            for token in self.rows[row_id]["service_code_info"].replace("*", " ").split()
            if token in self.category
        }
        return codes, {self.category[code] for code in codes}


@pytest.fixture(scope="module")
def directory() -> Directory:
    with open(SAMHSA_DIR / "nsumhss2024_su_directory.csv", newline="") as f:
        rows = {row["facility_id"]: row for row in csv.DictReader(f)}
    with open(SAMHSA_DIR / "su_service_code_categories.csv", newline="") as f:
        category = {row["code"]: row["category"] for row in csv.DictReader(f)}
    return Directory(rows, category)


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("demo")
    with ExitStack() as stack:
        run = crawl_all(out, demo_sources(stack, quirks=True), out / "ids.json")
    for spider, record in run["sources"].items():
        assert record["exit_code"] == 0, (spider, record)
    yield out


def api_rows(directory: Directory) -> dict[str, tuple[str, bool]]:
    """The locator's ref of each directory row, and whether its services were served null."""
    refs = {}
    for row_id, row in directory.rows.items():
        if is_quirk_row(row_id):
            served = {
                **{k: row[k] for k in ("name1", "name2", "street1", "city", "state")},
                "zip": zip5(row["zip"]),
            }
            refs[derived_ref(served)] = (row_id, True)
        else:
            refs[frid_for(row_id)] = (row_id, False)
    return refs


def check(facility: Facility, codes: set[str], categories: set[str], wrong: list[str]) -> None:
    for rule in rules():
        group, field = rule.path.split(".")
        served = getattr(getattr(facility, group), field)
        expected = rule.expected(codes, categories)
        if served != expected:
            wrong.append(f"{facility.sources[0].ref}: {rule.path} {served} != {expected}")


def test_the_api_crawl_serves_what_the_directory_says(feeds: Path, directory: Directory) -> None:
    refs = api_rows(directory)
    wrong: list[str] = []
    seen = 0
    for facility in read_feed(feeds / "findtreatment.ndjson"):
        row_id, services_null = refs[facility.sources[0].ref]
        seen += 1
        codes, categories = (set(), set()) if services_null else directory.codes([row_id])
        check(facility, codes, categories, wrong)
    assert seen >= 12_000  # the whole directory, less what the legend lines and junk rows
    assert wrong == [], f"{len(wrong)} wrong: {wrong[:20]}"


def test_the_directory_import_serves_what_the_directory_says(
    feeds: Path, directory: Directory
) -> None:
    wrong: list[str] = []
    facilities = list(read_feed(feeds / "samhsa_directory.ndjson"))
    assert len(facilities) >= 12_000
    for facility in facilities:
        check(facility, *directory.codes(facility.extras["directory_rows"]), wrong)
    assert wrong == [], f"{len(wrong)} wrong: {wrong[:20]}"


def test_the_merged_feed_serves_what_the_directory_says(feeds: Path, directory: Directory) -> None:
    """A merged fact SAMHSA states is SAMHSA's; where SAMHSA is silent, another source may
    speak, and its provenance says so."""
    refs = api_rows(directory)
    rows_of_listing = {
        f.sources[0].ref: f.extras["directory_rows"]
        for f in read_feed(feeds / "samhsa_directory.ndjson")
    }
    wrong: list[str] = []
    for facility in read_feed(feeds / MERGED_FEED):
        assert {s.source for s in facility.sources} <= REAL_SOURCES, facility.sources
        row_ids: list[str] = []
        for record in facility.sources:
            if record.source == "samhsa_directory":
                row_ids += rows_of_listing[record.ref]
            elif record.source == "findtreatment" and not refs[record.ref][1]:
                row_ids.append(refs[record.ref][0])
        if not row_ids:
            continue
        codes, categories = directory.codes(row_ids)
        for rule in rules():
            group, field = rule.path.split(".")
            served = getattr(getattr(facility, group), field)
            expected = rule.expected(codes, categories)
            said_by = facility.provenance.get(rule.path)
            if expected is None and (served is None or said_by.source not in SAMHSA_SOURCES):
                continue
            if served != expected:
                wrong.append(f"{facility.id} {row_ids}: {rule.path} {served} != {expected}")
    assert wrong == [], f"{len(wrong)} wrong: {wrong[:20]}"


def test_two_programs_at_one_address_stay_two_facilities(feeds: Path) -> None:
    """Akeela Inc runs two programs in Suite 200 of one building: each keeps its own name,
    operator and services."""
    akeela = [
        f
        for f in read_feed(feeds / MERGED_FEED)
        if f.operator == "Akeela Inc" and f.address.street1 == "360 West Benson Boulevard"
    ]
    assert sorted(f.name for f in akeela) == [
        "Akeela Outpatient Services",
        "Women and Families Programs",
    ]


@pytest.fixture(scope="module")
def real_index(feeds: Path, es: Elasticsearch) -> Iterator[tuple[str, dict[str, Facility]]]:
    """The merged feed in an index of its own (the suite's alias is not moved)."""
    merged = {f.id: f for f in read_feed(feeds / MERGED_FEED)}
    index = lifecycle.create_index(es)
    helpers.bulk(
        es,
        ({"_index": index, "_id": i, "_source": to_document(f)} for i, f in merged.items()),
    )
    lifecycle.ready_to_serve(es, index)
    yield index, merged
    es.indices.delete(index=index)


def test_the_index_serves_the_merged_feed_fact_for_fact(real_index, es: Elasticsearch) -> None:
    """What a referrer reads back from the index (the API's facility view) is the merged feed:
    every service field, the names and the location's precision."""
    index, merged = real_index
    served = 0
    for hit in helpers.scan(es, index=index, query={"query": {"match_all": {}}}):
        facility = from_document(hit["_source"])
        expected = merged[facility.id]
        assert service_values(facility) == service_values(expected), facility.id
        assert (facility.name, facility.operator) == (expected.name, expected.operator)
        if expected.location is not None:
            assert facility.location is not None
            assert facility.location.precision == expected.location.precision
        served += 1
    assert served == len(merged)


PREFERABLE = ("mat_buprenorphine", "medicaid", "spanish", "ages_young_adults", "young_adults")


def test_ranking_keeps_its_promises_on_the_real_directory(real_index, es: Elasticsearch) -> None:
    """Near 40 real facilities: a preferred service never lowers a facility that offers it, and
    with unknowns kept, facilities confirming more needs come first."""
    index, merged = real_index
    located = sorted((f for f in merged.values() if f.location), key=lambda f: f.id)
    rng = random.Random(16)
    weights = RankingWeights()

    def ranked(request: SearchRequest) -> list[dict[str, Any]]:
        body = search_body(request, weights) | {"size": 500}
        return [hit["_source"] for hit in es.search(index=index, **body)["hits"]["hits"]]

    for anchor in rng.sample(located, 40):
        assert anchor.location is not None
        base = SearchRequest(
            origin=Point(anchor.location.lat, anchor.location.lon),
            radius_miles=25.0,
            preferred_services=tuple(rng.sample(PREFERABLE, 1)),
        )
        added = next(code for code in PREFERABLE if code not in base.preferred_services)
        before = ranked(base)
        after = ranked(replace(base, preferred_services=(*base.preferred_services, added)))
        place = {hit["id"]: n for n, hit in enumerate(after)}
        for n, hit in enumerate(before):
            if added in hit.get("services_offered", ()):
                assert place[hit["id"]] <= n, (anchor.id, added, hit["id"])
        needs = replace(base, required_services=("iop", "medicaid"), include_unknown=True)
        confirmed = [
            sum(code in hit.get("services_offered", ()) for code in needs.required_services)
            for hit in ranked(needs)
        ]
        assert confirmed == sorted(confirmed, reverse=True), anchor.id
