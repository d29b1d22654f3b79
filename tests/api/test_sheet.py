"""The referral sheet a patient takes away: names, dialled phones, every MAT line, dates that
mean what they say, the needs it was made for, in English or Spanish; CSV with no file paths.

The directory here is the sheet's own (indexed behind the suite's alias for this module):
a program SAMHSA's directory file describes (dated by its 2024 survey, listed from a local
file), and one a website describes without dating it.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime
from urllib.parse import parse_qs, urlparse

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from parsel import Selector

from api.referrals.sheet import TEXT, Words, is_survey_year
from iop.facility import Facility, Phone, PhoneKind, Provenance, SourceRecord
from tests.api.indexing import index_directory
from tests.factories import FETCHED, make_facility

SURVEY_FILE = "file:///srv/iop/data/samhsa/nsumhss2024_su_directory.csv"
SURVEYED = date(2024, 1, 1)
SITE_FILE = "file:///srv/iop/data/fixtures/sites/canyon/index.html"
ALBUQUERQUE = (35.0844, -106.6504)


def surveyed_program() -> Facility:
    """Turquoise Lodge as SAMHSA's directory file lists it: methadone unknown."""
    facility = make_facility(
        "turquoise",
        35.09,
        -106.65,
        **{
            "name": "Turquoise Lodge Hospital",
            "operator": "NM Department of Health",
            "website": "https://www.nmhealth.org/about/bhsd/tlh/",
            "phones": [
                Phone(number="+15058418978", extension="4", kind=PhoneKind.INTAKE),
                Phone(number="+15058418900", kind=PhoneKind.MAIN),
            ],
            "levels_of_care.iop": True,
            "medications.mat_buprenorphine": True,
            "medications.mat_naltrexone": False,
            "medications.otp_certified": False,
            "payment.medicaid": True,
            "languages.spanish": True,
        },
    )
    survey = Provenance(
        source="samhsa_directory", url=SURVEY_FILE, fetched_at=FETCHED, as_of=SURVEYED
    )
    facility.provenance = dict.fromkeys(facility.provenance, survey)
    facility.sources = [
        SourceRecord(
            source="samhsa_directory", ref="turquoise", url=SURVEY_FILE, fetched_at=FETCHED
        )
    ]
    return facility


def website_program() -> Facility:
    """A program's own site, crawled from a saved copy: it says what it offers, dates
    nothing, and its addresses are local files."""
    facility = make_facility(
        "canyon",
        35.20,
        -106.65,
        **{
            "name": "Canyon Creek IOP",
            "levels_of_care.iop": True,
            "medications.mat_methadone": True,
            "medications.mat_accepts_outside_prescriptions": True,
            "intake.hours": "Mo-Fr 08:00-16:00",
            "schedule.evening": True,
            "schedule.weekend": False,
            "payment.medicaid": True,
            "payment.self_pay": True,
            "website": SITE_FILE,
        },
    )
    facility.sources[0].url = SITE_FILE
    return facility


@pytest.fixture(scope="module")
def indexed(es: Elasticsearch) -> list[Facility]:
    facilities = [surveyed_program(), website_program()]
    index_directory(es, facilities)
    return facilities


def ids(indexed: list[Facility]) -> str:
    return ",".join(facility.id for facility in indexed)


def sheet(client: TestClient, **params: object) -> str:
    response = client.get("/v1/referrals/sheet", params=params)
    assert response.status_code == 200, response.text
    return response.text


def lines(page: str, program: int) -> dict[str, tuple[str, str]]:
    """{label: (details, verified)} of the n-th program's table."""
    section = Selector(text=page).css("section.program")[program - 1]
    found = {}
    for row in section.css("tbody tr"):
        label = row.css("th[scope=row]::text").get()
        if label is None:
            continue
        cells = [" ".join(cell.css("*::text").getall()).strip() for cell in row.css("td")]
        found[label] = (cells[0], cells[1])
    return found


def test_a_program_shows_its_name_with_its_operator_website_and_phones_as_dialled(
    client: TestClient, indexed: list[Facility]
) -> None:
    page = sheet(client, ids=ids(indexed))
    title = Selector(text=page).css("section.program h3::text").getall()
    assert title == [
        "1. Turquoise Lodge Hospital — NM Department of Health",
        "2. Canyon Creek IOP",
    ]
    turquoise = lines(page, 1)
    assert turquoise["Phone"][0] == "(505) 841-8978, ext. 4 (intake); (505) 841-8900 (main line)"
    assert turquoise["Website"][0] == "https://www.nmhealth.org/about/bhsd/tlh/"
    assert 'href="https://www.nmhealth.org/about/bhsd/tlh/"' in page


def test_survey_facts_are_verified_by_the_survey_year_not_the_fetch_day(
    client: TestClient, indexed: list[Facility]
) -> None:
    turquoise = lines(sheet(client, ids=ids(indexed)), 1)
    assert turquoise["Buprenorphine"] == ("yes", "2024 (SAMHSA survey)")
    assert turquoise["Phone"][1] == "2024 (SAMHSA survey)"
    fetched = FETCHED.date().isoformat()
    assert not any(fetched in verified for _, verified in turquoise.values())


def test_an_undated_source_says_so_and_when_it_was_fetched(
    client: TestClient, indexed: list[Facility]
) -> None:
    canyon = lines(sheet(client, ids=ids(indexed)), 2)
    details, verified = canyon["Methadone"]
    assert details == "yes"
    assert verified == "fetched 2026-11-20; the source states no date (test)"


def test_every_mat_line_is_printed_and_an_unknown_one_says_not_stated_without_a_date(
    client: TestClient, indexed: list[Facility]
) -> None:
    turquoise = lines(sheet(client, ids=ids(indexed)), 1)
    assert turquoise["Buprenorphine"][0] == "yes"
    assert turquoise["Methadone"] == ("not stated", "")
    assert turquoise["Naltrexone"] == ("no", "2024 (SAMHSA survey)")
    assert turquoise["Certified OTP"] == ("no", "2024 (SAMHSA survey)")
    assert turquoise["Accepts outside MAT prescriptions"] == ("not stated", "")
    assert (
        lines(sheet(client, ids=ids(indexed)), 2)["Accepts outside MAT prescriptions"][0] == "yes"
    )


def test_the_sheet_lists_the_needs_it_was_made_for(
    client: TestClient, indexed: list[Facility]
) -> None:
    page = sheet(
        client,
        ids=ids(indexed),
        zip="87102-1234",
        radius_miles=25,
        services="iop,mat_buprenorphine",
        payment="medicaid,self_pay",
        schedule="evening",
        languages="spanish,Vietnamese",
        populations="women",
        max_days_to_intake=7,
    )
    needs = Selector(text=page).css("dl.criteria")
    criteria = dict(
        zip(needs.css("dt::text").getall(), needs.css("dd::text").getall(), strict=True)
    )
    assert criteria == {
        "Near": "ZIP code 87102",
        "Within": "25 miles",
        "Must offer": "IOP, Buprenorphine",
        "Pays with (any one)": "Medicaid, Cash or self-payment",
        "Can attend (any one)": "evening",
        "Languages": "Spanish, Vietnamese",
        "Programs for": "Adult women",
        "Intake within": "7 days",
    }
    # Distances start from the ZIP+4's five-digit ZIP.
    distances = Selector(text=page).css("section.program p::text").getall()[::2]
    five_digits = Selector(text=sheet(client, ids=ids(indexed), zip="87102"))
    assert distances == five_digits.css("section.program p::text").getall()[::2]
    assert "miles away" in distances[0]


def test_a_sheet_made_without_needs_says_so(client: TestClient, indexed: list[Facility]) -> None:
    assert "No needs were given" in sheet(client, ids=indexed[0].id)


def test_the_sheet_link_of_a_match_carries_the_needs(
    client: TestClient, indexed: list[Facility]
) -> None:
    needs = {
        "location": {"lat": ALBUQUERQUE[0], "lon": ALBUQUERQUE[1]},
        "required_services": ["iop"],
        "payment": ["medicaid"],
        "languages": ["spanish"],
    }
    match = client.post("/v1/referrals/match", json=needs).json()
    link = match["sheet_url"]
    query = parse_qs(urlparse(link).query)
    assert query["ids"] == [indexed[0].id]
    assert (query["services"], query["payment"], query["languages"]) == (
        ["iop"],
        ["medicaid"],
        ["spanish"],
    )
    page = client.get(link).text
    assert "<dt>Must offer</dt><dd>IOP</dd>" in page
    assert "<dt>Pays with (any one)</dt><dd>Medicaid</dd>" in page


def visible_text(page: str) -> str:
    """What a reader of the page sees, and its title."""
    return " ".join(Selector(text=page).xpath("//body//text() | //title//text()").getall())


def test_the_spanish_sheet_has_no_english_fixed_string(
    client: TestClient, indexed: list[Facility]
) -> None:
    page = sheet(
        client,
        ids=ids(indexed),
        lang="es",
        zip="87102",
        services="iop,mat_buprenorphine",
        schedule="evening",
        accepting_new_patients="true",
    )
    assert '<html lang="es">' in page
    text = visible_text(page)
    english, spanish = TEXT["en"], TEXT["es"]
    for key, words in english.items():
        if not isinstance(words, str) or words == spanish[key]:
            continue
        for fragment in re.split(r"\{\w+\}", words):
            fragment = fragment.strip(" .,;:()")
            if len(fragment) > 3:
                assert fragment not in text, f"{key}: {fragment!r}"
    for word in ("yes", "not stated", "Buprenorphine", "Methadone", "evening", "November"):
        assert word not in text, word
    turquoise = lines(page, 1)
    assert turquoise["Buprenorfina"] == ("sí", "2024 (encuesta de SAMHSA)")
    assert turquoise["Metadona"] == ("no consta", "")
    canyon = lines(page, 2)
    assert (
        canyon["Metadona"][1]
        == "obtenido el 20 de noviembre de 2026; la fuente no indica fecha (test)"
    )
    assert "Impresa el " in text


def test_every_service_has_a_spanish_name_and_every_language_every_string() -> None:
    from iop.vocabulary import SERVICES

    assert set(TEXT) >= {"en", "es"}
    for lang, table in TEXT.items():
        assert set(table) - {"services"} == set(TEXT["en"]) - {"services"}, lang
        if lang != "en":
            assert set(SERVICES) <= set(table["services"]), lang


def test_the_csv_names_sources_never_files_and_dials_phones(
    client: TestClient, indexed: list[Facility]
) -> None:
    response = client.get("/v1/referrals/sheet", params={"ids": ids(indexed), "format": "csv"})
    assert "file:" not in response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    turquoise = rows[0]
    assert turquoise["name"] == "Turquoise Lodge Hospital — NM Department of Health"
    assert turquoise["sources"] == "samhsa_directory"
    assert turquoise["phone"].startswith("(505) 841-8978, ext. 4 (intake)")
    assert (turquoise["mat_methadone"], turquoise["mat_methadone_verified"]) == ("not stated", "")
    assert turquoise["mat_buprenorphine_verified"] == "2024 (SAMHSA survey)"
    spanish = client.get(
        "/v1/referrals/sheet", params={"ids": ids(indexed), "format": "csv", "lang": "es"}
    )
    [spanish_turquoise, _] = csv.DictReader(io.StringIO(spanish.text))
    assert spanish_turquoise["mat_methadone"] == "no consta"


def test_the_html_names_no_file_either(client: TestClient, indexed: list[Facility]) -> None:
    page = sheet(client, ids=ids(indexed))
    assert "file:" not in page
    assert "Listed by: samhsa_directory" in visible_text(page)
    assert lines(page, 2)["Website"] == ("not stated", "")


def test_the_page_prints_and_reads_aloud_well(client: TestClient, indexed: list[Facility]) -> None:
    page = Selector(text=sheet(client, ids=ids(indexed)))
    assert page.css("html::attr(lang)").get() == "en"
    assert "@media print" in page.css("style::text").get()
    assert page.css("h1") and len(page.css("h3")) == 2
    assert page.css("thead th[scope=col]::text").getall()[:3] == ["What", "Details", "Verified"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"services": "iop,levitation"}, "services"),
        ({"payment": "evening"}, "payment"),
        ({"populations": "medicaid"}, "populations"),
        ({"lang": "fr"}, "lang"),
        ({"zip": "87102-12"}, "zip"),
    ],
)
def test_bad_needs_on_a_sheet_are_422_naming_the_parameter(
    client: TestClient, indexed: list[Facility], params: dict[str, str], field: str
) -> None:
    response = client.get("/v1/referrals/sheet", params={"ids": ids(indexed), **params})
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["query", field]]


@pytest.mark.parametrize(
    ("source", "as_of", "survey"),
    [
        ("samhsa_directory", date(2024, 1, 1), True),
        ("samhsa_directory", date(2024, 3, 31), True),  # the file is the survey, whatever day
        ("findtreatment", date(2024, 1, 1), True),
        ("findtreatment", date(2026, 11, 2), False),  # a day the locator stated
        ("pinon_county", date(2026, 1, 1), False),
        ("samhsa_directory", None, False),
    ],
)
def test_which_dates_are_a_survey_year(source: str, as_of: date | None, survey: bool) -> None:
    record = Provenance(source=source, fetched_at=datetime(2026, 12, 4, tzinfo=UTC), as_of=as_of)
    assert is_survey_year(record) is survey


def test_spanish_dates() -> None:
    assert Words("es").date(date(2026, 12, 4)) == "4 de diciembre de 2026"
    assert Words("en").date(date(2026, 12, 4)) == "2026-12-04"
