"""Field-level precision and recall of crawled facilities against labelled fixture sites.

A facility's *facts* are the fields its provenance records (what a source stated), with their
values; coordinates filled in by the ZIP-centroid fallback are not a stated fact. A labelled
site (``expected.json``) lists every fact its pages state, per facility (``ref_hint``: a part
of the facility's source ref). A crawled fact is correct when the label has the same value;
a crawled fact whose field the label does not have at all is *invented*, unless the set's
conventions leave that field unlabelled everywhere (``not_labelled``: "`therapies.other` is not
labelled"): such a fact is *not measured*, neither right nor invented, and is listed apart.

Values are compared as a referrer reads them: lists in any order and case, a site's root with
or without its slash (``https://x.example`` is ``https://x.example/``), and the things to bring
to intake without the words a label may or may not keep before a noun ("list of your
medications" is "list of medications").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

CRAWL_DATE = "$crawl_date"  # in labels: the date of the crawl (the page states no date)


def stated_facts(facility: dict[str, Any]) -> dict[str, Any]:
    facts = {}
    for path, provenance in facility["provenance"].items():
        if path == "location" and provenance["source"] in ("zip_centroid", "city_centroid"):
            continue
        value: Any = facility
        for part in path.split("."):
            value = value[part]
        facts[path] = value
    return facts


DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def opening_days(hours: list[str]) -> list[tuple[str, str]]:
    """``["Mo-Th 08:00-19:00"]`` as each day's hours: ranges written either way mean the same."""
    days: list[tuple[str, str]] = []
    for line in hours:
        spans, _, times = line.partition(" ")
        for span in spans.split(","):
            first, _, last = span.partition("-")
            if first in DAYS and (last or first) in DAYS:
                chosen = DAYS[DAYS.index(first) : DAYS.index(last or first) + 1]
                days += [(day, times) for day in chosen]
            else:
                days.append((span, times))
    return sorted(set(days))


# The words before a thing to bring that say nothing of it: "a list of your medications".
ARTICLES = re.compile(r"\b(?:a|an|the|your|any)\b")
SITE_ROOT = re.compile(r"https?://[^/\s]+/?")


def normalise(path: str, value: Any, crawl_date: str) -> Any:
    if value == CRAWL_DATE:
        return crawl_date
    if path == "phones":
        return sorted(v["number"] if isinstance(v, dict) else v for v in value)
    if path == "location":
        return (round(value["lat"], 4), round(value["lon"], 4))
    if path == "schedule.opening_hours":
        return opening_days(value)
    if path == "intake.what_to_bring":
        return sorted(" ".join(ARTICLES.sub(" ", str(v).casefold()).split()) for v in value)
    if isinstance(value, list):
        return sorted(str(v).casefold() for v in value)
    if isinstance(value, str) and SITE_ROOT.fullmatch(value):
        return value.rstrip("/").casefold() + "/"
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def same(path: str, expected: Any, actual: Any, crawl_date: str) -> bool:
    left, right = normalise(path, expected, crawl_date), normalise(path, actual, crawl_date)
    if isinstance(left, float) or isinstance(right, float):
        return isinstance(left, int | float) and math.isclose(left, right, abs_tol=0.05)
    return left == right


@dataclass
class Score:
    correct: int = 0
    crawled: int = 0
    expected: int = 0
    wrong: list[str] = field(default_factory=list)  # path: expected != crawled
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # labelled facilities not crawled
    not_measured: list[str] = field(default_factory=list)  # fields the set never labels

    @property
    def precision(self) -> float:
        return self.correct / self.crawled if self.crawled else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        self.correct += other.correct
        self.crawled += other.crawled
        self.expected += other.expected
        self.wrong += other.wrong
        self.missed += other.missed
        self.invented += other.invented
        self.unmatched += other.unmatched
        self.not_measured += other.not_measured


def score_site(
    site: str,
    labels: list[dict[str, Any]],
    facilities: list[dict[str, Any]],
    crawl_date: str,
    not_labelled: frozenset[str] = frozenset(),
) -> Score:
    score = Score()
    by_ref = {facility["sources"][0]["ref"]: facility for facility in facilities}
    matched: set[str] = set()
    for label in labels:
        ref = next((r for r in by_ref if label["ref_hint"] == r), None) or next(
            (r for r in by_ref if label["ref_hint"] in r and r not in matched), None
        )
        expected = label["facts"]
        score.expected += len(expected)
        if ref is None:
            score.unmatched.append(f"{site}: {label['ref_hint']}")
            score.missed += [f"{site}: {path}" for path in expected]
            continue
        matched.add(ref)
        crawled = _measured(stated_facts(by_ref[ref]), not_labelled, f"{site} {ref}", score)
        score.crawled += len(crawled)
        for path, value in crawled.items():
            if path not in expected:
                score.invented.append(f"{site} {ref}: {path} = {value!r}")
            elif same(path, expected[path], value, crawl_date):
                score.correct += 1
            else:
                score.wrong.append(f"{site} {ref}: {path}: {expected[path]!r} != {value!r}")
        score.missed += [f"{site} {ref}: {path}" for path in expected if path not in crawled]
    for ref, facility in by_ref.items():
        if ref not in matched:
            crawled = _measured(stated_facts(facility), not_labelled, f"{site} {ref}", score)
            score.crawled += len(crawled)
            score.invented += [f"{site} {ref} (unlabelled facility): {path}" for path in crawled]
    return score


def _measured(
    facts: dict[str, Any], not_labelled: frozenset[str], where: str, score: Score
) -> dict[str, Any]:
    """The facts a set's labels can judge; the others are listed as not measured."""
    score.not_measured += [f"{where}: {path} = {facts[path]!r}" for path in facts
                           if path in not_labelled]  # fmt: skip
    return {path: value for path, value in facts.items() if path not in not_labelled}
