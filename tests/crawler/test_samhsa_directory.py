"""The SAMHSA directory import, run for real on the whole 2024 file (and on an XLSX slice of it).

Scrapy's reactor runs once per process, so each import is an ``iop import-directory``
subprocess; the full import runs once per test session.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from iop.facility import Facility, LocationPrecision
from iop.geo import Point, great_circle_miles, zip_centroid
from iop.paths import PROJECT_ROOT, SAMHSA_DIR

DIRECTORY = SAMHSA_DIR / "nsumhss2024_su_directory.csv"
COORDINATES = SAMHSA_DIR / "nsumhss2024_su_coordinates.csv"
NEW_ENGLAND_AND_PR = {"MA", "NJ", "CT", "ME", "NH", "RI", "VT", "PR"}


@dataclass
class Import:
    facilities: list[Facility]
    quarantine: list[dict[str, Any]]
    stats: dict[str, Any]

    def by_row(self, facility_id: str) -> Facility:
        """The facility a directory row ended in."""
        return next(f for f in self.facilities if facility_id in f.extras["directory_rows"])


def run_import(path: Path, out: Path, *args: str) -> Import:
    command = [sys.executable, "-m", "cli.main", "import-directory", str(path), "--out", str(out)]
    done = subprocess.run(
        [*command, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = out.read_text().splitlines()
    quarantine = out.with_name(out.stem + ".quarantine.ndjson").read_text().splitlines()
    return Import(
        facilities=[Facility.model_validate_json(line) for line in lines],
        quarantine=[json.loads(line) for line in quarantine],
        stats=json.loads(out.with_name(out.stem + ".stats.json").read_text()),
    )


@pytest.fixture(scope="session")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Import:
    return run_import(DIRECTORY, tmp_path_factory.mktemp("directory") / "samhsa.ndjson")


def directory_rows() -> list[dict[str, str]]:
    with open(DIRECTORY, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_row_ends_in_the_feed_or_in_quarantine(directory: Import) -> None:
    ids = [row["facility_id"] for row in directory_rows()]
    in_feed = [r for f in directory.facilities for r in f.extras["directory_rows"]]
    quarantined = [
        row["facility_id"]
        for q in directory.quarantine
        for row in q["record"]["extras"]["source_rows"]
    ]

    assert len(ids) == 12_205
    assert len(in_feed) + len(quarantined) == 12_205
    assert sorted(in_feed + quarantined) == sorted(ids)
    assert directory.stats["item_scraped_count"] == len(directory.facilities)
    assert directory.stats["quarantine/records"] == len(directory.quarantine)


def test_programs_at_one_address_stay_apart_each_with_its_own_codes(directory: Import) -> None:
    # AdCare Rhode Island: an outpatient and a residential program at 1950 Tower Hill Road.
    # Only the residential one uses buprenorphine (the outpatient one did not answer that
    # question): one facility of both would tell a doctor that the outpatient program does.
    outpatient = directory.by_row("substance_10242")
    residential = directory.by_row("substance_10243")
    assert outpatient.id != residential.id
    assert (outpatient.name, outpatient.operator) == ("Outpatient", "AdCare Rhode Island Inc")
    assert residential.name == "Residential"
    assert outpatient.medications.mat_buprenorphine is None
    assert residential.medications.mat_buprenorphine is True
    assert outpatient.levels_of_care.residential is False
    # Recovery Centers of America runs three programs at 9 Village Inn Road.
    assert len({directory.by_row(f"substance_{n}").id for n in (5895, 5896, 5897)}) == 3


def test_a_program_listed_twice_is_one_facility_with_both_rows_codes(directory: Import) -> None:
    # Kimi Recovery Center is listed twice at one address, with different codes.
    kimi = directory.by_row("substance_3160")
    assert kimi.extras["directory_rows"] == ["substance_3159", "substance_3160"]
    assert kimi.sources[0].ref == "substance_3159"  # the lowest id: stable
    # 14 rows repeat another program's names, street, suite and ZIP (case aside).
    assert directory.stats["samhsa_directory/repeated_rows_merged"] == 14


def test_zips_that_lost_their_leading_zeros_are_repaired(directory: Import) -> None:
    zips = [f.address.postal_code for f in directory.facilities]
    assert all(z is not None and len(z) == 5 and z.isdigit() for z in zips)
    northeast = [f for f in directory.facilities if f.address.state in NEW_ENGLAND_AND_PR]
    assert len(northeast) > 1000
    assert all(f.address.postal_code.startswith("0") for f in northeast)  # type: ignore[union-attr]
    assert directory.by_row("substance_5895").address.postal_code == "01473"


def test_phone_extensions_are_kept(directory: Import) -> None:
    facility = directory.by_row("substance_33")  # "251-847-2223 x287"
    assert any(p.number == "+12518472223" and p.extension == "287" for p in facility.phones)


def test_junk_rows_are_quarantined_with_their_reasons(directory: Import) -> None:
    reasons = {
        q["record"]["sources"][0]["ref"]: q["record"]["extras"]["source_problems"]
        for q in directory.quarantine
    }

    assert sorted(reasons) == [f"substance_{n}" for n in range(12201, 12206)]
    # Each reason names the row's line in the file (substance_N is on line N + 1).
    for n in (12201, 12202, 12203):
        assert reasons[f"substance_{n}"][0].startswith(f"line {n + 1}: empty row")
    assert reasons["substance_12204"][0].startswith("line 12205: legend line")
    assert any(
        r.startswith("line 12205: words in service_code_info") for r in reasons["substance_12204"]
    )
    assert reasons["substance_12205"][0].startswith("line 12206: legend line")
    assert directory.stats["samhsa_directory/rejected_rows/empty_row"] == 3
    assert directory.stats["samhsa_directory/rejected_rows/legend_line"] == 2


def test_desert_mountain_healing_in_rio_rancho(directory: Import) -> None:
    facility = directory.by_row("substance_7718")

    assert facility.name == "Desert Mountain Healing IOP LLC"
    assert facility.levels_of_care.iop is True
    assert facility.medications.mat_buprenorphine is True
    assert facility.payment.medicaid is True
    # The coordinates file has nothing for it: the ZIP's centroid, and saying so.
    assert facility.location is not None
    assert facility.location.precision is LocationPrecision.ZIP_CENTROID
    here = Point(facility.location.lat, facility.location.lon)
    assert great_circle_miles(here, zip_centroid("87124")) < 0.01  # type: ignore[arg-type]
    assert facility.provenance["levels_of_care.iop"].source == "samhsa_directory"


def test_borrowed_coordinates_are_used_only_when_the_names_agree(directory: Import) -> None:
    with open(COORDINATES, newline="", encoding="utf-8") as f:
        overlap = {r["facility_id"]: r["latlon_name_token_overlap"] for r in csv.DictReader(f)}

    agreeing = directory.by_row("substance_1")
    assert overlap["substance_1"] == "2"
    assert agreeing.location is not None
    assert agreeing.location.precision is LocationPrecision.STREET
    assert agreeing.location.source == "geoda_SAMHSA_Nationwide_2021"

    other_name = directory.by_row("substance_13")  # same address, no shared word in the name
    assert overlap["substance_13"] == "0"
    assert other_name.location is not None
    assert other_name.location.precision is LocationPrecision.ZIP_CENTROID
    assert directory.stats["samhsa_directory/coordinates/street"] > 7000


def test_counters_per_field_in_the_crawl_stats(directory: Import) -> None:
    stats = directory.stats
    assert stats["samhsa_directory/filled/name"] == len(directory.facilities)
    assert stats["samhsa_directory/filled/levels_of_care"] > 11_000
    assert stats["problems/samhsa_directory/address.postal_code/repaired"] > 1000


def test_an_xlsx_directory_imports_like_the_csv(tmp_path: Path) -> None:
    rows = pd.read_csv(DIRECTORY, dtype=str, keep_default_na=False)
    picked = rows[
        rows["facility_id"].isin(
            [f"substance_{n}" for n in (1, 2, 33, 5895, 5896, 5897, 7718, 12201, 12205)]
        )
    ].copy()
    # As a spreadsheet user would have it: ZIP codes typed as numbers, zeros gone.
    picked["zip"] = pd.to_numeric(picked["zip"], errors="coerce")
    workbook = tmp_path / "directory.xlsx"
    picked.to_excel(workbook, index=False)

    result = run_import(workbook, tmp_path / "xlsx.ndjson")

    assert len(result.facilities) == 7  # 1, 2, 33, the three programs 5895-5897, 7718
    assert len(result.quarantine) == 2
    westminster = next(f for f in result.facilities if f.sources[0].ref == "substance_5895")
    assert westminster.address.postal_code == "01473"
    assert westminster.extras["directory_rows"] == ["substance_5895"]
    rio_rancho = next(f for f in result.facilities if f.sources[0].ref == "substance_7718")
    assert rio_rancho.levels_of_care.iop is True
    assert rio_rancho.address.postal_code == "87124"


def csv_line(values: dict[str, str]) -> str:
    with io.StringIO() as text:
        csv.writer(text, lineterminator="").writerow(values.values())
        return text.getvalue()


def test_damaged_rows_are_quarantined_each_naming_its_line_never_a_facility(
    tmp_path: Path,
) -> None:
    rows = directory_rows()
    good = [dict(r) for r in rows if r["facility_id"] in ("substance_1", "substance_7718")]
    model = good[1]  # Desert Mountain Healing IOP, Rio Rancho NM

    def damaged(n: int, **changes: str) -> dict[str, str]:
        return {**model, "facility_id": f"substance_9000{n}", "name1": f"Clinic {n}", **changes}

    lines = [",".join(rows[0]), *(csv_line(r) for r in good)]
    lines += [
        csv_line(damaged(1, state="ZZ")),  # line 4
        csv_line(damaged(2, zip="ABCDE")),  # line 5
        csv_line(damaged(3, phone="not a phone")),  # line 6
        csv_line(damaged(4, street1="", city="")),  # line 7
        csv_line(damaged(5)) + ",stray",  # line 8: one field too many
        csv_line({**damaged(7), "facility_id": "substance_1"}),  # line 9: another's id
        # line 10: the last line, cut off after the ZIP code (no newline at the end)
        csv_line(damaged(6)).split(",87124,")[0] + ",87124",
    ]
    path = tmp_path / "damaged.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")

    result = run_import(path, tmp_path / "damaged.ndjson")

    assert sorted(f.sources[0].ref for f in result.facilities) == ["substance_1", "substance_7718"]
    reasons = {q["record"]["sources"][0]["ref"]: q["reasons"] for q in result.quarantine}
    assert sorted(reasons) == [
        "substance_1 (line 9)",
        *(f"substance_9000{n}" for n in range(1, 7)),
    ]
    assert reasons["substance_1 (line 9)"][0] == (
        "line 9: repeated facility_id: substance_1 is also on line 2"
    )
    assert (
        "address.state: 'ZZ' is not a US state or territory code" in reasons["substance_90001"][0]
    )
    assert any(
        r.startswith("address.postal_code: 'ABCDE' is not a ZIP code")
        for r in reasons["substance_90002"]
    )
    assert reasons["substance_90003"][0].startswith(
        "phones.0.number: 'not a phone' is not a phone number"
    )
    assert reasons["substance_90004"] == [
        "line 7: missing fields: street1, city (a facility needs a name, an address, a phone "
        "and its service codes)"
    ]
    assert reasons["substance_90005"][0].startswith("line 8: long row: 16 fields for 15 columns")
    assert reasons["substance_90006"][0].startswith(
        "line 10: short row: 9 of 15 fields, cut off after 'zip' (no phone, "
    )
    assert result.stats["samhsa_directory/rejected_rows/short_row"] == 1
    assert result.stats["problems/samhsa_directory/address.state/rejected"] == 1


def failed_import(path: Path, out: Path) -> str:
    command = [sys.executable, "-m", "cli.main", "import-directory", str(path), "--out", str(out)]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert not out.exists() or not out.read_text().strip()  # nothing of it imported
    return done.stderr


HEADER = ",".join(directory_rows()[0])
ROW_1 = csv_line(directory_rows()[0])


@pytest.mark.parametrize(
    ("content", "where", "reason"),
    [
        (b"", "line 1", "empty file: no header line"),
        (HEADER.encode() + b"\r\n", "line 2", "no rows under the header"),
        (
            # A Windows-1252 export: "Shélby" with its accent in one byte, on the second row.
            f"{HEADER}\r\n{ROW_1}\r\n".encode()
            + ROW_1.replace("Shelby", "Sh\xe9lby").encode("cp1252"),
            "line 3",
            "byte 0xe9 is not UTF-8: the file is in another encoding; save it as UTF-8",
        ),
        (
            f"{HEADER}\r\n{ROW_1}\r\n".encode("utf-16"),
            "line 1",
            "byte 0xff is not UTF-8",
        ),
        (
            b"id,name,address\r\n1,A Clinic,1 Main St\r\n",
            "line 1",
            "no column facility_id, name1, name2, street1, street2, city, state, zip, phone, "
            "service_code_info in the header (id, name, address); is this the right file?",
        ),
    ],
)
def test_a_file_that_cannot_be_read_fails_naming_the_file_line_and_reason(
    tmp_path: Path, content: bytes, where: str, reason: str
) -> None:
    path = tmp_path / "directory.csv"
    path.write_bytes(content)

    said = failed_import(path, tmp_path / "out.ndjson")

    assert f"{path}: {where}: {reason}" in said
