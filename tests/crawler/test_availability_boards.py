"""Availability boards, crawled for real: the invented Piñon County board shipped for the demo
(CSV and JSON) and Los Angeles County's real Service & Bed Availability Tool tables, served on
loopback from ``../shared/realworld`` (skipped when absent).

Scrapy's reactor runs once per process, so each crawl is an ``iop crawl`` subprocess.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.test import get_crawler

from crawler.spiders.base.availability_board import opening_hours, parse_one_line_address
from crawler.spiders.base.tabular import Table
from crawler.spiders.boards.lacounty_sbat import LACountySbatSpider, parse_beds
from crawler.spiders.boards.vocabulary import board_vocabulary, match_terms
from iop.facility import Facility, LocationPrecision
from iop.paths import PROJECT_ROOT
from tests.conftest import realworld

LA_AGENCIES = "lacounty_sbat/agencies_20250814.csv"
LA_SERVICES = "lacounty_sbat/services_20250814.csv"
LA_ARGS = ("-a", "agencies=agencies_20250814.csv", "-a", "services=services_20250814.csv")


@dataclass
class Crawl:
    facilities: list[Facility]
    quarantine: list[dict[str, Any]]
    stats: dict[str, Any]

    def by_ref(self, ref: str) -> Facility:
        return next(f for f in self.facilities if f.sources[0].ref == ref)

    def rows_accounted(self) -> int:
        feed = sum(len(f.extras["board_rows"]) for f in self.facilities)
        return feed + sum(len(q["record"]["extras"]["source_rows"]) for q in self.quarantine)


def run_crawl(spider: str, out: Path, *args: str) -> Crawl:
    command = [sys.executable, "-m", "cli.main", "crawl", spider, "--out", str(out), *args]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    quarantine = out.with_name(out.stem + ".quarantine.ndjson").read_text().splitlines()
    return Crawl(
        facilities=[Facility.model_validate_json(line) for line in out.read_text().splitlines()],
        quarantine=[json.loads(line) for line in quarantine],
        stats=json.loads(out.with_name(out.stem + ".stats.json").read_text()),
    )


@pytest.fixture(scope="module")
def pinon(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    return run_crawl("pinon_county", tmp_path_factory.mktemp("pinon") / "pinon.ndjson")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` over HTTP on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def la_board_url() -> Iterator[str]:
    with serve(realworld(LA_AGENCIES).parent) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def la(la_board_url: str, tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    out = tmp_path_factory.mktemp("la") / "la.ndjson"
    return run_crawl("lacounty_sbat", out, "--base-url", la_board_url, *LA_ARGS)


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# The invented board -------------------------------------------------------------------------


def test_fixture_board_iop_with_availability_as_of_its_last_update(pinon: Crawl) -> None:
    facility = pinon.by_ref("PC-001")

    assert facility.name == "High Desert Recovery Collaborative"
    assert facility.alternate_names == ["Rio Rancho Intensive Outpatient"]
    assert facility.address.postal_code == "87124"
    assert facility.levels_of_care.iop is True
    assert facility.levels_of_care.residential is None  # not listed: unknown, never "no"
    assert facility.medications.mat_buprenorphine is True
    assert facility.languages.spanish is True
    assert facility.schedule.opening_hours == ["Mo-Th 08:00-20:00", "Fr 08:00-17:00"]
    availability = facility.availability
    assert availability.accepting_new_patients is True
    assert availability.open_slots == 4
    assert availability.days_to_intake == 3
    assert availability.as_of == date(2026, 11, 20)
    assert availability.source == "pinon_county"
    assert facility.provenance["availability.open_slots"].as_of == date(2026, 11, 20)
    assert facility.provenance["levels_of_care.iop"].source == "pinon_county"
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.ZIP_CENTROID


def test_fixture_board_full_program_and_unusable_row(pinon: Crawl) -> None:
    full = pinon.by_ref("PC-012")
    assert full.availability.accepting_new_patients is False
    assert full.availability.open_slots == 0
    assert full.availability.days_to_intake == 30

    assert pinon.rows_accounted() == 15
    assert len(pinon.facilities) == 14
    [rejected] = pinon.quarantine
    assert rejected["record"]["sources"][0]["ref"] == "PC-015"
    assert rejected["record"]["extras"]["source_problems"] == [
        "no name: the row names no agency or program",
        "no address: neither a ZIP code nor a city to place it by",
    ]
    assert pinon.by_ref("PC-014").extras["unknown_terms"] == {"code": ["SUPERIOP"]}
    assert pinon.stats["pinon_county/unknown_terms/code"] == 1


def test_fixture_board_json_feed_says_the_same(pinon: Crawl, tmp_path: Path) -> None:
    from_json = run_crawl("pinon_county", tmp_path / "json.ndjson", "-a", "programs=programs.json")

    def facts(facility: Facility) -> dict[str, Any]:
        dumped = facility.model_dump(exclude={"sources", "provenance", "first_seen", "last_seen"})
        dumped["availability"].pop("url")
        return dumped

    assert [facts(f) for f in from_json.facilities] == [facts(f) for f in pinon.facilities]
    assert len(from_json.quarantine) == 1


# Los Angeles County's real board --------------------------------------------------------------


@pytest.mark.realworld
def test_la_every_row_ends_in_the_feed_or_in_quarantine(la: Crawl) -> None:
    rows = read_rows(realworld(LA_AGENCIES))
    assert len(rows) == 760
    assert la.rows_accounted() == 760
    # The scrape lists every agency twice (parsed two ways): merged, never two facilities.
    assert la.stats["lacounty_sbat/repeated_rows_merged"] >= 380
    assert len(la.facilities) < 380


@pytest.mark.realworld
def test_la_residential_beds_become_levels_and_availability_as_of_last_updated(
    la: Crawl,
) -> None:
    rows = read_rows(realworld(LA_AGENCIES))
    royal_palms = next(f for f in la.facilities if "Royal Palms" in f.alternate_names)
    row = rows[royal_palms.extras["board_rows"][0] - 1]

    assert royal_palms.name == "SOCIAL MODEL RECOVERY SYSTEMS, INC."
    assert row["last_updated"] == "Last Updated: 8/12/2025 9:09:18 PM"
    assert royal_palms.levels_of_care.residential is True  # RS(3.1), RS(3.5)
    assert royal_palms.levels_of_care.iop is None  # the scrape does not say: unknown
    assert royal_palms.availability.open_slots == 0
    assert royal_palms.availability.as_of == date(2025, 8, 12)
    assert royal_palms.availability.source == "lacounty_sbat"
    assert royal_palms.provenance["levels_of_care.residential"].as_of == date(2025, 8, 12)
    assert royal_palms.populations.lgbtq is True  # "L; G; B; T; Q"
    assert royal_palms.languages.spanish is True
    assert royal_palms.address.street1 == "360 South Westlake Avenue"

    open_beds = [f for f in la.facilities if (f.availability.open_slots or 0) > 0]
    assert open_beds
    assert all(f.availability.accepting_new_patients is True for f in open_beds)
    # No agency is said to lack a level of care: the board lists, it does not deny.
    assert not any(f.levels_of_care.iop is False for f in la.facilities)


@pytest.mark.realworld
def test_la_glued_and_split_lists_are_read(la: Crawl) -> None:
    rows = read_rows(realworld(LA_AGENCIES))
    glued = next(
        f
        for f in la.facilities
        if rows[f.extras["board_rows"][0] - 1]["languages_spoken"]
        == "ArmenianEnglishKoreanRussianSpanishTagalog"
    )
    assert glued.languages.spanish is True
    assert set(glued.languages.other or []) >= {"Armenian", "Korean", "Russian", "Tagalog"}
    # Hidden-address recovery houses: placed at their ZIP's centroid, and saying so.
    hidden = [f for f in la.facilities if f.address.street1 is None]
    assert hidden
    assert all(
        f.location is not None and f.location.precision is LocationPrecision.ZIP_CENTROID
        for f in hidden
    )


@pytest.mark.realworld
def test_la_legend_maps_iop_to_intensive_outpatient() -> None:
    spider = LACountySbatSpider.from_crawler(
        get_crawler(LACountySbatSpider), base_url="http://127.0.0.1:9/"
    )
    legend = Table("services.csv", read_rows(realworld(LA_SERVICES)))
    spider.prepare({"services": legend})

    assert spider.code_levels["IOP"] == ["2.1"]
    fields = {m.field for m in spider._code_meanings("IOP") or ()}
    assert fields == {"levels_of_care.iop"}
    assert {m.field for m in spider._code_meanings("A-WM") or ()} == {"detox.detox_outpatient"}
    assert {m.field for m in spider._code_meanings("RS(3.5)") or ()} == {
        "levels_of_care.residential"
    }
    assert spider._code_meanings("XYZ") is None


@pytest.mark.realworld
def test_la_rows_that_cannot_be_used_are_quarantined(tmp_path: Path) -> None:
    board = tmp_path / "board"
    board.mkdir()
    shutil.copy(realworld(LA_SERVICES), board / "services.csv")
    rows = read_rows(realworld(LA_AGENCIES))
    junk = [
        {**rows[0], "agency_name": "", "agency_name_secondary": ""},
        {**rows[1], "agency_address": "", "agency_name": "NOWHERE RECOVERY"},
    ]
    with open(board / "agencies.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows[:40] + junk)

    with serve(board) as base_url:
        crawl = run_crawl("lacounty_sbat", tmp_path / "la.ndjson", "--base-url", base_url)

    assert crawl.rows_accounted() == 42
    problems = [q["record"]["extras"]["source_problems"] for q in crawl.quarantine]
    assert ["no name: the row names no agency or program"] in problems
    assert ["no address: neither a ZIP code nor a city to place it by"] in problems


# The parsers, on the real board's spellings -----------------------------------------------------


def test_bed_availability_text() -> None:
    assert parse_beds("RS(3.1)Adult - M: 0Adult - F: 2RS(3.5)Adult - M: 1R-WMAdult - M: 0") == (
        ["RS(3.1)", "RS(3.5)", "R-WM"],
        3,
        "",
    )
    assert parse_beds("RBHAdult - F: 0Youth - F: 12") == (["RBH"], 12, "")
    assert parse_beds("") == ([], None, "")
    assert parse_beds("RBH: call us")[2] == "RBH: call us"


def test_lists_split_before_capitals_or_glued() -> None:
    populations = board_vocabulary("lacounty_sbat")["population"]
    found, unknown = match_terms(
        "Adult; M; A; T; Parent/; Guardian (; Female) with; Children; Co-; Occurring; Mental; "
        "Health; Capabilities; L; G; B; T; Q; Criminal; Justice",
        populations,
    )
    assert unknown == []
    assert [populations[key] != () for key in found] == [False, False, False, True, True, True]
    languages = board_vocabulary("lacounty_sbat")["language"]
    assert match_terms("American Sign LanguageEnglishSpanish", languages)[1] == []
    assert match_terms("English, Samoan, Spanish", languages)[1] == ["Samoan"]


def test_one_line_addresses_and_hours() -> None:
    assert parse_one_line_address(
        "1644 Wilshire Boulevard, Suite 101,Los Angeles, CA\xa090017"
    ) == {
        "address.street1": "1644 Wilshire Boulevard",
        "address.street2": "Suite 101",
        "address.city": "Los Angeles",
        "address.state": "CA",
        "address.postal_code": "90017",
    }
    assert parse_one_line_address(",Pasadena, CA\xa091103")["address.street1"] is None  # type: ignore[index]
    assert parse_one_line_address("44421 10th Street, West,Lancaster, CA 93534") == {
        "address.street1": "44421 10th Street, West",
        "address.street2": None,
        "address.city": "Lancaster",
        "address.state": "CA",
        "address.postal_code": "93534",
    }
    row = {"mo_o": "8:00 AM", "mo_c": "5:00 PM", "tu_o": "08:00", "tu_c": "17:00"}
    row |= {"su_o": "Closed", "su_c": "Closed"}
    columns = (("Su", "su_o", "su_c"), ("Mo", "mo_o", "mo_c"), ("Tu", "tu_o", "tu_c"))
    assert opening_hours(row, columns) == ["Mo-Tu 08:00-17:00"]
