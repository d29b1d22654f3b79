"""The accuracy scorer compares facts as a referrer reads them, and no looser."""

from __future__ import annotations

import pytest

from tests.crawler.fact_accuracy import same, score_site

DATE = "2026-12-06"


@pytest.mark.parametrize(
    ("path", "labelled", "crawled"),
    [
        ("intake.what_to_bring", ["list of your medications"], ["list of medications"]),
        (
            "intake.what_to_bring",
            ["Photo ID", "a list of the medications"],
            ["list of medications", "photo ID"],
        ),
        ("availability.url", "https://x.example/", "https://x.example"),
        ("website", "https://x.example", "https://x.example/"),
        ("availability.as_of", "$crawl_date", DATE),
    ],
)
def test_the_same_fact_in_other_words_scores_as_the_same(path, labelled, crawled) -> None:
    assert same(path, labelled, crawled, DATE)


@pytest.mark.parametrize(
    ("path", "labelled", "crawled"),
    [
        ("intake.what_to_bring", ["list of medications"], ["medications"]),
        ("intake.what_to_bring", ["photo ID", "insurance card"], ["photo ID"]),
        ("availability.url", "https://x.example/", "https://x.example/iop"),
        ("availability.url", "https://x.example/iop", "https://x.example/iop/"),
        ("availability.statement", "We are full.", "We are full; call us."),
    ],
)
def test_another_fact_does_not(path, labelled, crawled) -> None:
    assert not same(path, labelled, crawled, DATE)


def facility(ref: str, **facts: object) -> dict:
    """A crawled facility stating ``facts`` (dotted paths as ``therapies__other``)."""
    record: dict = {"sources": [{"ref": ref}], "provenance": {}}
    for name, value in facts.items():
        path = name.replace("__", ".")
        record["provenance"][path] = {"source": "x"}
        *parents, last = path.split(".")
        place = record
        for part in parents:
            place = place.setdefault(part, {})
        place[last] = value
    return record


def test_a_field_the_set_never_labels_is_neither_right_nor_invented() -> None:
    labels = [{"ref_hint": "x.example/iop", "facts": {"schedule.evening": True}}]
    crawled = [
        facility("https://x.example/iop", schedule__evening=True, therapies__other=["EMDR"]),
        facility("https://x.example/other", therapies__other=["yoga"]),
    ]
    unmeasured = score_site("x", labels, crawled, DATE, frozenset({"therapies.other"}))
    assert (unmeasured.correct, unmeasured.crawled, unmeasured.invented) == (1, 1, [])
    assert len(unmeasured.not_measured) == 2

    measured = score_site("x", labels, crawled, DATE)
    assert (measured.correct, measured.crawled, len(measured.invented)) == (1, 3, 2)
    assert measured.not_measured == []
