"""The accuracy scorer compares facts as a referrer reads them, and no looser."""

from __future__ import annotations

import pytest

from tests.crawler.fact_accuracy import same

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
