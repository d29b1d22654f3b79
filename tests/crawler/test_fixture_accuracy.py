"""Every fixture website crawled for real on loopback, scored field by field against its labels.

The labels (``data/fixtures/sites/*/expected.json``) list every fact each site states. Over all
sites together the crawl must be precise (≥ 0.97 of crawled facts right), complete enough
(≥ 0.90 of labelled facts found), and must invent nothing: no fact for a field a site does not
state at all.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.crawler.fact_accuracy import Score, score_site
from tests.crawler.site_crawls import crawl_fixture_sites, expected, fixture_site_names

MIN_PRECISION = 0.97
MIN_RECALL = 0.90


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    crawls = crawl_fixture_sites()
    today = datetime.now(UTC).date().isoformat()
    return {
        site: score_site(site, expected(site)["facilities"], crawls[site].facilities, today)
        for site in fixture_site_names()
    }


def test_there_are_at_least_twelve_labelled_sites() -> None:
    assert len(fixture_site_names()) >= 12


def test_precision_and_recall_over_all_sites(scores: dict[str, Score]) -> None:
    total = Score()
    for score in scores.values():
        total.add(score)
    report = "\n".join(total.wrong + [f"missed {m}" for m in total.missed])
    print(f"\nprecision {total.precision:.3f}, recall {total.recall:.3f} ({total.correct} correct,"
          f" {total.crawled} crawled, {total.expected} labelled)")  # fmt: skip
    assert total.precision >= MIN_PRECISION, report
    assert total.recall >= MIN_RECALL, report


def test_no_invented_facts(scores: dict[str, Score]) -> None:
    invented = [line for score in scores.values() for line in score.invented]
    assert invented == []


def test_every_labelled_facility_is_crawled(scores: dict[str, Score]) -> None:
    unmatched = [line for score in scores.values() for line in score.unmatched]
    assert unmatched == []
