"""The website reader on blind sets of labelled sites, scored as it is.

``data/fixtures/blind_sites/`` was written by someone who had not read the reader. Each site is
served on loopback (:func:`replica.static_sites.serve_site`) and crawled for real, the way data
staff add a new site (README, "Adding a program's website"): a row of a sites file added by
:func:`crawler.sites.add_site` (what ``iop sites add`` does) with the site's start URL, the
loopback copy as ``base_url`` and, as its source name, the label's ``spider``; the generic
``website`` spider finds the sitemap itself (those robots.txt names, else ``/sitemap.xml``; a
missing sitemap falls back to links from the start URL). Every row is crawled by
:func:`crawler.websites.crawl_websites`, as ``iop crawl websites`` does. Facts are scored with
:func:`tests.crawler.fact_accuracy.score_site`, exactly as the tuned fixture sites are.

This measures; it does not hold the reader to a bar yet. It fails only when a site could not be
crawled or scored. The target (precision ≥ 0.97, recall ≥ 0.90, nothing invented, the site
without an address quarantined) is an expected failure until the reader gets there. The numbers
are printed and written to ``blind-accuracy*/report.json`` under pytest's tmp dir::

    .venv/bin/pytest tests/crawler/test_blind_accuracy.py -s

Do not tune the reader on these pages: the set stops being blind.
"""

from __future__ import annotations

import json
import re
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from crawler.run import quarantine_path, run_record_path
from crawler.sites import Site, add_site
from crawler.websites import crawl_websites
from iop.feeds import read_feed
from iop.paths import PROJECT_ROOT
from replica.static_sites import serve_site
from tests.crawler.fact_accuracy import Score, score_site
from tests.crawler.site_crawls import TEST_SETTINGS

FIXTURES = PROJECT_ROOT / "data" / "fixtures"
# Each set was scored before any rule was tuned on it (its honest score, in the README), then
# the kinds of its failures were fixed; a newer set, written afterwards, measures again.
BLIND_SETS = {
    "blind_sites": 20,
    "blind_sites_holdout": 13,
    "blind_sites_third": 12,
    "blind_sites_fourth": 13,
    "blind_sites_fifth": 11,
    "blind_sites_sixth": 13,
    "blind_sites_seventh": 12,
    "blind_sites_eighth": 13,
    "blind_sites_ninth": 10,
    "blind_sites_tenth": 10,
    "blind_sites_eleventh": 12,
    "blind_sites_twelfth": 12,
    "blind_sites_thirteenth": 12,
    "blind_sites_fourteenth": 12,
    "blind_sites_fifteenth": 12,
    "blind_sites_sixteenth": 12,
    "blind_sites_seventeenth": 12,
    "blind_sites_eighteenth": 12,
    "blind_sites_nineteenth": 12,
    "blind_sites_twentieth": 12,
    "blind_sites_twentyfirst": 12,
    "blind_sites_twentysecond": 12,
    "blind_sites_twentythird": 12,
    "blind_sites_twentyfourth": 12,
    "blind_sites_twentyfifth": 12,
    "blind_sites_twentysixth": 12,
    "blind_sites_twentyseventh": 11,
    "blind_sites_twentyeighth": 5,
    "blind_sites_twentyninth": 11,
    "blind_sites_thirtieth": 10,
    "blind_sites_thirtyfirst": 10,
    "blind_sites_thirtysecond": 11,
    "blind_sites_thirtythird": 10,
    "blind_sites_thirtyfourth": 11,
    "blind_sites_thirtyfifth": 11,
    "blind_sites_thirtysixth": 11,
    "blind_sites_thirtyseventh": 10,
    "blind_sites_thirtyeighth": 11,
    "blind_sites_thirtyninth": 11,
    "blind_sites_fortieth": 10,
    "blind_sites_fortyfirst": 10,
    "blind_sites_fortysecond": 11,
    "blind_sites_fortythird": 11,
    "blind_sites_fortyfourth": 11,
    "blind_sites_fortyfifth": 11,
    "blind_sites_fortysixth": 11,
    "blind_sites_fortyseventh": 10,
    "blind_sites_fortyeighth": 10,
    "blind_sites_fortyninth": 10,
    "blind_sites_fiftieth": 10,
    "blind_sites_fiftyfirst": 11,
    "blind_sites_fiftysecond": 10,
    "blind_sites_fiftythird": 10,
    "blind_sites_fiftyfourth": 10,
    "blind_sites_fiftyfifth": 10,
    "blind_sites_fiftysixth": 10,
    "blind_sites_fiftyseventh": 10,
    "blind_sites_fiftyeighth": 10,
    "blind_sites_fiftyninth": 10,
    "blind_sites_sixtieth": 11,
    "blind_sites_sixtyfirst": 10,
    "blind_sites_sixtysecond": 10,
    "blind_sites_sixtythird": 10,
    "blind_sites_sixtyfourth": 10,
    "blind_sites_sixtyfifth": 10,
    "blind_sites_sixtysixth": 10,
    "blind_sites_sixtyseventh": 11,
    "blind_sites_sixtyeighth": 10,
    "blind_sites_sixtyninth": 10,
    "blind_sites_seventieth": 10,
    "blind_sites_seventyfirst": 10,
    "blind_sites_seventysecond": 10,
    "blind_sites_seventythird": 10,
    "blind_sites_seventyfourth": 10,
    "blind_sites_seventyfifth": 10,
    "blind_sites_seventysixth": 10,
    "blind_sites_seventyseventh": 10,
}
TARGET_PRECISION = 0.97
TARGET_RECALL = 0.90
# A field every later set's conventions leave unlabelled (its README: "`therapies.other` is not
# labelled"): what the reader reads there is not measured by that set, neither right nor
# invented. The first two sets label it.
NOT_LABELLED_BY_CONVENTION = frozenset({"therapies.other"})
LABEL_EVERY_FIELD = {"blind_sites", "blind_sites_holdout"}


def not_labelled(blind_set: str) -> frozenset[str]:
    return frozenset() if blind_set in LABEL_EVERY_FIELD else NOT_LABELLED_BY_CONVENTION


@dataclass
class BlindCrawl:
    site: str
    label: dict[str, Any]
    sitemaps: list[str]
    exit_code: int
    run: dict[str, Any] = field(default_factory=dict)  # the crawl's run record
    facilities: list[dict[str, Any]] = field(default_factory=list)
    quarantined: list[dict[str, Any]] = field(default_factory=list)  # {ref, name, reasons}
    quarantined_records: list[dict[str, Any]] = field(default_factory=list)  # as read
    requests: list[str] = field(default_factory=list)


def blind_site_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if (p / "expected.json").exists())


def sitemaps_of(base_url: str, start_url: str) -> list[str]:
    """The sitemaps robots.txt names, else the usual ``/sitemap.xml``."""
    with urllib.request.urlopen(base_url + "/robots.txt", timeout=10) as response:
        robots = response.read().decode()
    named = [
        line.split(":", 1)[1].strip()
        for line in robots.splitlines()
        if line.lower().startswith("sitemap:")
    ]
    return named or [urljoin(start_url, "/sitemap.xml")]


def crawl_blind_sites(folder: Path, sites: list[str], workdir: Path) -> list[BlindCrawl]:
    """Serve every site, add each as a row of a sites file, crawl the rows; read the results."""
    labels = {s: json.loads((folder / s / "expected.json").read_text()) for s in sites}
    requests: dict[str, list[str]] = {site: [] for site in sites}
    sites_file = workdir / "sites.csv"
    rows: list[Site] = []
    sitemaps: dict[str, list[str]] = {}
    with ExitStack() as stack:
        for site in sites:
            base_url = stack.enter_context(serve_site(folder / site, requests[site]))
            sitemaps[site] = sitemaps_of(base_url, labels[site]["start_url"])
            row = {"start_url": labels[site]["start_url"], "base_url": base_url,
                   "source": site}  # fmt: skip
            rows.append(add_site(sites_file, row))
        out = workdir / "websites.ndjson"
        run = crawl_websites(rows, out, TEST_SETTINGS)
    return [
        read_crawl(site, labels[site], sitemaps[site], run["sites"][row.source], requests[site])
        for site, row in zip(sites, rows, strict=True)
    ]


def read_crawl(
    site: str, label: dict[str, Any], sitemaps: list[str], record: dict[str, Any],
    requests: list[str],
) -> BlindCrawl:  # fmt: skip
    out = Path(record["feed"])
    crawl = BlindCrawl(site, label, sitemaps, record["exit_code"], requests=requests)
    if run_record_path(out).exists():
        crawl.run = json.loads(run_record_path(out).read_text())
    if out.exists():
        crawl.facilities = [json.loads(f.model_dump_json()) for f in read_feed(out)]
    if quarantine_path(out).exists():
        for line in quarantine_path(out).read_text().splitlines():
            record = json.loads(line)
            crawl.quarantined_records.append(record["record"])
            crawl.quarantined.append({
                "ref": record["record"]["sources"][0]["ref"],
                "name": record["record"].get("name"),
                "reasons": record["reasons"],
            })  # fmt: skip
    return crawl


def quarantine_outcome(crawl: BlindCrawl) -> str:
    if not crawl.label["facilities"]:
        if crawl.quarantined and not crawl.facilities:
            return "quarantined, as labelled"
        if crawl.facilities:
            return f"NOT quarantined: {len(crawl.facilities)} facility(ies) in the feed"
        return "nothing yielded (neither in the feed nor quarantined)"
    if crawl.quarantined:
        reasons = "; ".join(r for q in crawl.quarantined for r in q["reasons"])
        return f"{len(crawl.quarantined)} quarantined ({reasons})"
    return ""


def site_report(crawl: BlindCrawl, score: Score) -> dict[str, Any]:
    return {
        "labelled_facilities": len(crawl.label["facilities"]),
        "crawled_facilities": len(crawl.facilities),
        "crawled_refs": [f["sources"][0]["ref"] for f in crawl.facilities],
        "quarantined": crawl.quarantined,
        "quarantine_outcome": quarantine_outcome(crawl),
        "pages": crawl.run.get("pages"),
        "finish_reason": crawl.run.get("finish_reason"),
        "exit_code": crawl.exit_code,
        "sitemaps": crawl.sitemaps,
        "labelled_facts": score.expected,
        "crawled_facts": score.crawled,
        "correct": score.correct,
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "invented": score.invented,
        "wrong": score.wrong,
        "missed": score.missed,
        "unmatched": score.unmatched,
        "not_measured": score.not_measured,
    }


def totals(total: Score) -> dict[str, Any]:
    return {
        "labelled_facts": total.expected,
        "crawled_facts": total.crawled,
        "correct": total.correct,
        "precision": round(total.precision, 4),
        "recall": round(total.recall, 4),
        "invented": len(total.invented),
        "wrong": len(total.wrong),
        "missed": len(total.missed),
        "unmatched": len(total.unmatched),
        "not_measured": len(total.not_measured),
    }


def print_report(report: dict[str, Any], path: Path) -> None:
    head = (f"{'site':28} {'fac l/c/q':>9} {'facts':>5} {'crawl':>5} {'right':>5} {'prec':>5} "
            f"{'recall':>6} {'inv':>3} {'wrong':>5} {'miss':>4}  quarantine")  # fmt: skip
    lines = [f"\nBlind set, {report['date']}: {report['set']}", head, "-" * len(head)]
    for site, row in report["sites"].items():
        facilities = (f"{row['labelled_facilities']}/{row['crawled_facilities']}"
                      f"/{len(row['quarantined'])}")  # fmt: skip
        lines.append(
            f"{site:28} {facilities:>9} {row['labelled_facts']:>5} {row['crawled_facts']:>5} "
            f"{row['correct']:>5} {row['precision']:>5.3f} {row['recall']:>6.3f} "
            f"{len(row['invented']):>3} {len(row['wrong']):>5} {len(row['missed']):>4}  "
            f"{row['quarantine_outcome']}"
        )
    total = report["overall"]
    lines += [
        "-" * len(head),
        f"overall: precision {total['precision']:.3f}, recall {total['recall']:.3f}: "
        f"{total['correct']} correct of {total['crawled_facts']} crawled facts and "
        f"{total['labelled_facts']} labelled; {total['invented']} invented, {total['wrong']} "
        f"wrong, {total['missed']} missed ({total['unmatched']} labelled facilities not crawled); "
        f"{total['not_measured']} facts of fields the set never labels, not measured",
    ]
    read = report["with_quarantined_records"]
    lines.append(
        f"(diagnostic, labelled sites' quarantined records scored too: "
        f"precision {read['precision']:.3f}, recall {read['recall']:.3f}, "
        f"{read['invented']} invented, {read['wrong']} wrong, {read['missed']} missed)"
    )
    for kind in ("invented", "wrong", "missed", "unmatched", "not_measured"):
        lines.append(f"\n{kind}:")
        lines += [f"  {line}" for row in report["sites"].values() for line in row[kind]]
    lines.append(f"\nreport: {path}")
    print("\n".join(lines))


@pytest.fixture(scope="module", params=sorted(BLIND_SETS))
def blind_set(request: pytest.FixtureRequest) -> Path:
    return FIXTURES / str(request.param)


@pytest.fixture(scope="module")
def report(blind_set: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workdir = tmp_path_factory.mktemp(f"{blind_set.name}-accuracy")
    crawls = crawl_blind_sites(blind_set, blind_site_names(blind_set), workdir)
    today = datetime.now(UTC).date().isoformat()
    total, as_read = Score(), Score()
    rows = {}
    for crawl in crawls:
        unlabelled = not_labelled(blind_set.name)
        score = score_site(
            crawl.site, crawl.label["facilities"], crawl.facilities, today, unlabelled
        )
        total.add(score)
        rows[crawl.site] = site_report(crawl, score)
        # Diagnostic only: what the reader read, quarantined records of labelled sites too.
        records = crawl.facilities + (
            crawl.quarantined_records if crawl.label["facilities"] else []
        )
        as_read.add(score_site(crawl.site, crawl.label["facilities"], records, today, unlabelled))
    result = {
        "date": today,
        "set": blind_set.name,
        "crawl_dir": str(workdir),
        "overall": {
            "sites": len(rows),
            "labelled_facilities": sum(r["labelled_facilities"] for r in rows.values()),
            "crawled_facilities": sum(r["crawled_facilities"] for r in rows.values()),
            "quarantined_facilities": sum(len(r["quarantined"]) for r in rows.values()),
            **totals(total),
        },
        "with_quarantined_records": totals(as_read),
        "sites": rows,
    }
    path = workdir / "report.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print_report(result, path)
    return result


def test_every_blind_site_is_crawled_and_scored(blind_set: Path, report: dict[str, Any]) -> None:
    sites = blind_site_names(blind_set)
    assert len(sites) == BLIND_SETS[blind_set.name]
    assert list(report["sites"]) == sites
    failed = {site: (row["exit_code"], row["finish_reason"])
              for site, row in report["sites"].items()
              if row["exit_code"] != 0 or row["finish_reason"] != "finished"}  # fmt: skip
    assert failed == {}
    labelled = sum(
        len(label["facts"])
        for site in sites
        for label in json.loads((blind_set / site / "expected.json").read_text())["facilities"]
    )
    assert report["overall"]["labelled_facts"] == labelled


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_a_field_left_unmeasured_is_one_the_set_never_labels(name: str) -> None:
    """A set's fields left out of its score are those its README says it does not label, and
    none of its labels has them; the sets that label them do."""
    folder = FIXTURES / name
    labelled = {
        path
        for site in blind_site_names(folder)
        for label in json.loads((folder / site / "expected.json").read_text())["facilities"]
        for path in label["facts"]
    }
    readme = " ".join((folder / "README.md").read_text().split())
    for path in NOT_LABELLED_BY_CONVENTION:
        if path in not_labelled(name):
            assert path not in labelled
            named = rf"`{re.escape(path)}`"
            within = r"(?:[^.]|\.(?=\w))"  # in the same sentence: "`intake.hours`" ends none
            said = (
                rf"{named}{within}{{0,120}}\bnot labelled|\bnot labelled\b{within}{{0,160}}{named}"
            )
            assert re.search(said, readme, re.I), path
        else:
            assert path in labelled


@pytest.mark.xfail(reason="the target (#19); the README's table has the scores reached so far")
def test_blind_target(report: dict[str, Any]) -> None:
    total = report["overall"]
    assert total["precision"] >= TARGET_PRECISION
    assert total["recall"] >= TARGET_RECALL
    assert total["invented"] == 0
    unquarantined = [site for site, row in report["sites"].items()
                     if not row["labelled_facilities"] and row["crawled_facilities"]]  # fmt: skip
    assert unquarantined == []


# The sets the reader has been tuned on are regression sets: what a change must not lose (the
# README's table, less a fact or two of slack). The ninth, thirteenth, fifteenth, twenty-third,
# twenty-sixth, twenty-eighth, thirtieth, thirty-second, thirty-fourth, thirty-sixth,
# thirty-ninth, fortieth, forty-third, forty-sixth, forty-ninth, fifty-first, fifty-third,
# fifty-eighth, sixtieth, sixty-second, sixty-fourth, sixty-sixth, sixty-eighth, seventieth,
# seventy-second and seventy-sixth are measured, not held: never tuned on.
# (The fifty-fifth and the seventy-fourth were measured only for a stop, their first and second
# scores in their READMEs, then tuned on.)
REGRESSION_FLOORS = {
    "blind_sites": (0.98, 0.95),
    # 0.97 / 0.94: its two group practices name each office "Org - Town", where the newer sets
    # (the twelfth on) name every office by the organisation, as the reader now does.
    "blind_sites_holdout": (0.97, 0.94),
    "blind_sites_third": (0.96, 0.93),
    "blind_sites_fourth": (0.97, 0.92),
    "blind_sites_fifth": (0.97, 0.93),
    "blind_sites_sixth": (0.96, 0.86),
    "blind_sites_seventh": (0.98, 0.93),
    "blind_sites_eighth": (0.97, 0.90),
    # 0.93: an FAQ answer now read lists what to bring as its labels do not ("any board order").
    "blind_sites_tenth": (0.93, 0.85),
    "blind_sites_eleventh": (0.96, 0.89),
    "blind_sites_twelfth": (0.96, 0.87),
    "blind_sites_fourteenth": (0.96, 0.92),
    "blind_sites_sixteenth": (0.91, 0.82),
    "blind_sites_seventeenth": (0.95, 0.86),
    "blind_sites_eighteenth": (0.94, 0.85),
    "blind_sites_nineteenth": (0.96, 0.89),
    "blind_sites_twentieth": (0.93, 0.85),
    "blind_sites_twentyfirst": (0.95, 0.94),
    "blind_sites_twentysecond": (0.94, 0.84),
    "blind_sites_twentyfourth": (0.96, 0.90),
    "blind_sites_twentyfifth": (0.95, 0.89),
    "blind_sites_twentyseventh": (0.93, 0.85),
    "blind_sites_twentyninth": (0.97, 0.89),
    "blind_sites_thirtyfirst": (0.96, 0.89),
    "blind_sites_thirtythird": (0.97, 0.94),
    # 0.94: some of their labels keep a tab's name before a status line ("Farmville day IOP:
    # Farmville day IOP is accepting"), as the reader does not.
    "blind_sites_thirtyseventh": (0.94, 0.91),
    "blind_sites_thirtyeighth": (0.94, 0.91),
    "blind_sites_fortyfirst": (0.96, 0.86),
    "blind_sites_fortysecond": (0.96, 0.86),
    "blind_sites_fortyfourth": (0.96, 0.90),
    "blind_sites_fortyfifth": (0.95, 0.86),
    "blind_sites_fortyeighth": (0.95, 0.93),
    "blind_sites_fiftieth": (0.94, 0.90),
    "blind_sites_fiftysecond": (0.98, 0.96),
    "blind_sites_fiftyfourth": (0.98, 0.96),
    "blind_sites_fiftysixth": (0.97, 0.92),
    "blind_sites_fiftyseventh": (0.97, 0.93),
    "blind_sites_fiftyfifth": (0.98, 0.96),
    "blind_sites_fiftyninth": (0.97, 0.90),
    "blind_sites_sixtyfirst": (0.97, 0.90),
    "blind_sites_sixtythird": (0.94, 0.90),
    "blind_sites_sixtyfifth": (0.96, 0.91),
    "blind_sites_sixtyseventh": (0.96, 0.92),
    "blind_sites_sixtyninth": (0.96, 0.94),
    "blind_sites_seventyfirst": (0.96, 0.93),
    # (one of its sites scored as unmatched: its labels name a county department's contact page,
    # the reader the IOP page, as ten earlier sets' county sites are labelled)
    "blind_sites_seventythird": (0.86, 0.83),
    "blind_sites_seventyfifth": (0.96, 0.93),
    "blind_sites_seventyfourth": (0.95, 0.86),
    "blind_sites_seventyseventh": (0.95, 0.90),
}


def test_a_tuned_set_keeps_its_score(blind_set: Path, report: dict[str, Any]) -> None:
    if blind_set.name not in REGRESSION_FLOORS:
        pytest.skip(f"{blind_set.name} measures the reader; it is not held to a floor")
    precision, recall = REGRESSION_FLOORS[blind_set.name]
    total = report["overall"]
    assert total["precision"] >= precision, total
    assert total["recall"] >= recall, total
