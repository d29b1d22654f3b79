"""Who and where a page says the program is, read from any text: properties over the many ways
sites write an address, office hours and an FAQ's answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.prose.numbers import opening_hours
from crawler.prose.reader import answer_as_statement, read_text
from crawler.prose.vocabulary import US_STATES
from crawler.spiders.base import schema_org
from crawler.spiders.base.identity import (
    PageNames,
    address_key,
    addresses_in,
    page_names,
    phones_in,
    seen_addresses,
    site_name,
)
from crawler.spiders.base.locations import (
    BESIDE_THE_LISTED_PAGE,
    NO_IOP_HERE,
    NO_PAGE_OF_ITS_OWN,
    SiteLocation,
    named_by_its_heading,
    site_locations,
)
from crawler.spiders.base.pages import (
    PageRecord,
    facts_from_pages,
    of_elsewhere,
    organization_facts,
    page_record,
    places_lines,
    program_lines,
    ten_digits,
    without_other_places_lines,
)
from crawler.spiders.base.schema_org import address_facts, government_owner
from crawler.spiders.base.schema_org import opening_hours as markup_hours
from iop.facility import Phone, without_legal_form

STREET_NAMES = ["Main St", "Kingston Pike", "N Division St", "Wethersfield Avenue", "S 8th Street",
                "Camino de la Placita", "E Speedway Blvd", "Old Jacksonville Rd"]  # fmt: skip
UNITS = ["Suite 4", "Ste. 210", "2nd Floor", "Unit 3B", "Building C", "Room 101", "#12"]
CITIES = ["Knoxville", "Hartford", "Spokane", "Tucson", "Grand Rapids", "Winston-Salem", "Taos",
          "Havre de Grace", "Española", "Cañon City", "Lake of the Woods"]  # fmt: skip
SEPARATORS = [", ", "\n", " · ", " | ", " — "]


@st.composite
def written_addresses(draw: st.DrawFn) -> tuple[str, dict[str, str | None]]:
    number = str(draw(st.integers(1, 99999)))
    street = draw(st.sampled_from(STREET_NAMES))
    unit = draw(st.none() | st.sampled_from(UNITS))
    city = draw(st.sampled_from(CITIES))
    state_name, code = draw(st.sampled_from(sorted(US_STATES.items())))
    if code in ("HI", "NY"):  # house numbers with a hyphen: "4-1101 Kuhio Hwy", "37-12 Main St"
        number += draw(st.sampled_from(["", f"-{draw(st.integers(1, 9999))}"]))
    state = draw(st.sampled_from([state_name, code]))
    postal = f"{draw(st.integers(501, 99950)):05d}"
    plus4 = draw(st.sampled_from(["", f"-{draw(st.integers(0, 9999)):04d}"]))
    between = draw(st.sampled_from(SEPARATORS))
    unit_part = f", {unit}" if unit else ""
    text = f"{number} {street}{unit_part}{between}{city}, {state} {postal}{plus4}"
    expected = {
        "address.street1": f"{number} {street}",
        "address.street2": unit,
        "address.city": city,
        "address.state": code,
        "address.postal_code": postal,
    }
    return text, expected


@given(written_addresses(), st.sampled_from(["", "Visit us: ", "Open Door Recovery · "]))
def test_a_street_address_is_read_however_the_site_writes_it(
    written: tuple[str, dict[str, str | None]], before: str
) -> None:
    text, expected = written
    assert addresses_in(f"{before}{text}. Call us any time.") == [expected]


@given(
    st.integers(1, 99999),
    st.sampled_from(CITIES),
    st.sampled_from(["P.O. Box", "PO Box", "Post Office Box", "Box"]),
)
def test_a_post_office_box_is_mail_not_a_door(number: int, city: str, box: str) -> None:
    assert addresses_in(f"{box} {number}, {city}, NM 87102") == []
    marked = {"streetAddress": f"{box} {number}", "addressLocality": city,
              "addressRegion": "NM", "postalCode": "87102"}  # fmt: skip
    assert address_facts(marked)["address.street1"] is None
    assert address_facts(f"{box} {number}, {city}, NM 87102") == {}


def names(title: str, heading: str | None = None) -> PageNames:
    return PageNames(None, tuple(title.split(" | ")), heading, None)


def test_a_site_without_markup_is_named_by_the_title_its_pages_share() -> None:
    pages = [names("Home | Cedar Hollow Counseling"), names("FAQ | Cedar Hollow Counseling"),
             names("Fees | Cedar Hollow Counseling")]  # fmt: skip
    assert site_name(pages) == "Cedar Hollow Counseling"


DAYS = [("Monday", "Mo"), ("Tuesday", "Tu"), ("Wednesday", "We"), ("Thursday", "Th"),
        ("Friday", "Fr"), ("Saturday", "Sa")]  # fmt: skip


@given(
    st.integers(0, 4),
    st.integers(1, 5),
    st.integers(7, 11),
    st.integers(13, 21),
    st.sampled_from([" to ", " - ", "\u2013"]),
    st.sampled_from(["Office hours: ", "Hours: ", "Our clinic is open "]),
)
def test_office_hours_in_words_become_opening_hours(
    first: int, span: int, opens: int, closes: int, dash: str, lead: str
) -> None:
    last = min(first + span, len(DAYS) - 1)
    (first_word, first_code), (last_word, last_code) = DAYS[first], DAYS[last]
    pm = closes - 12 if closes > 12 else closes
    said = f"{lead}{first_word} through {last_word}, {opens} a.m.{dash}{pm} p.m."
    days = first_code if first == last else f"{first_code}-{last_code}"
    assert opening_hours(said) == [f"{days} {opens:02d}:00-{closes:02d}:00"]


def test_group_times_are_not_opening_hours() -> None:
    assert opening_hours("Groups meet Monday through Thursday, 6 to 9 p.m.") == []
    assert opening_hours("Monday: 6:00 PM - 9:00 PM", heading="Evening group schedule") == []


def test_an_faq_answered_yes_or_no_states_its_question() -> None:
    assert answer_as_statement("Do you accept Medicaid?", "Yes.") == "We accept Medicaid."
    assert answer_as_statement("Do you offer detox?", "No, we refer.") == "We do not offer detox."
    assert answer_as_statement("How long is the program?", "Yes.") is None
    reading = read_text(
        ["Do you offer detox on site?", "No. We refer you to a partner."],
        crawl_date=date(2026, 12, 4),
    )
    assert reading.facts["detox.detox_onsite"] is False
    assert reading.evidence["detox.detox_onsite"] == "Do you offer detox on site? No."


LABELS_OF_OTHER_LINES = ["Fax", "Fax:", "24/7 Helpline", "Crisis line:", "TTY", "Billing office:"]
WRITTEN_NUMBERS = ["(208) 555-0131", "208-555-0131", "208.555.0131", "+1 208 555 0131"]


@given(
    st.sampled_from(WRITTEN_NUMBERS),
    st.sampled_from(LABELS_OF_OTHER_LINES),
    st.sampled_from(["Intake", "Office:", "Call us at", "Admissions"]),
)
def test_a_phone_number_is_the_programs_unless_its_label_says_whose_it_is(
    written: str, other: str, own: str
) -> None:
    line = f"{own} {written} · {other} {written.replace('0131', '0139')}"
    assert phones_in(line) == (["2085550131"], ["2085550139"])


def program_page(content: str, footer: str = "") -> str:
    return (f"<html><body><div class='utility-bar'>Main: <a href='tel:+12295550100'>"
            f"229-555-0100</a></div><main>{content}</main>"
            f"<footer>{footer}</footer></body></html>")  # fmt: skip


def test_a_programs_own_lines_beat_the_switchboard_the_footer_repeats() -> None:
    card = "<aside><p>IOP admissions: (229) 555-0152<br>Fax: (229) 555-0159</p></aside>"
    page = program_page(card, "Main: 229-555-0100")
    assert program_lines(lxml.html.fromstring(page)) == ["2295550152"]
    # Alone, the site's one number is the program's.
    assert program_lines(lxml.html.fromstring(program_page("", "Main: 229-555-0100"))) == [
        "2295550100"
    ]
    # A page listing many offices' numbers has none of its own.
    offices = "".join(f"<p>Office {n}: (229) 555-01{n}0</p>" for n in range(1, 6))
    assert program_lines(lxml.html.fromstring(program_page(offices, "Main: 229-555-0100"))) == [
        "2295550100"
    ]


def test_a_number_labelled_after_it_or_past_a_sentence_end() -> None:
    assert phones_in("Call 555-234-5678 · 555-234-5679 (fax)") == (["5552345678"], ["5552345679"])
    assert phones_in("In a crisis, call or text 988. Intake: 555-234-5678") == (["5552345678"], [])


def _page(url: str, text: str) -> PageRecord:
    html = f"<html><body><main><h1>Addiction Services</h1><p>{text}</p></main></body></html>"
    return page_record(html, url, date(2026, 12, 4), [])


def test_an_organisations_ownership_is_what_its_home_and_about_pages_say() -> None:
    said = (
        "The Tamarack County Department of Addiction Services runs five clinics; two run an "
        "intensive outpatient program."
    )
    county = _page("https://county.example/addiction-services/", said)
    home = county.url
    assert organization_facts([county], home) == {"ownership": ("public_local", (said, home))}
    # Another page's word is its own: a news post, a program page naming a partner's owner.
    news = _page("https://county.example/news/grant/", "A local 501(c)(3) nonprofit won a grant.")
    partner = _page("https://county.example/rides/", "Rides are run by Essex County Transit.")
    assert organization_facts([news, partner], home) == {}
    # Home and about pages that disagree leave it unknown.
    about = _page("https://county.example/about/", "We are a 501(c)(3) nonprofit.")
    assert organization_facts([county, about], home) == {}


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("Clear Fork County", "public_local"),
        ("County of Upper Sacramento", "public_local"),
        ("Three Rivers Public Health District", "public_local"),
        ("Smith Creek Valley Community Services Board", "public_local"),
        ("Bois d'Arc Nation", "public_tribal"),
        ("Cerbat Springs Indian Community", "public_tribal"),
        ("Milk River Tribal Health Department", "public_tribal"),
        ("North Dakota Health and Human Services", "public_state"),
        ("New York State Office for Recovery Services", "public_state"),
        ("Washington County", "public_local"),
        ("Regional Recovery Alliance", None),
        # A place's name that starts with a state's, a business's name whatever its type.
        ("Virginia Beach Department of Human Services", None),
        ("Ohio Valley Recovery Center", None),
        ("State of Franklin Healthcare Associates", None),
        ("Hope Nation Recovery", None),
        ("Tribal Recovery Partners LLC", None),
    ],
)
def test_a_governments_markup_names_who_runs_its_programs(name: str, owner: str | None) -> None:
    entity = {"@type": "GovernmentOrganization", "name": name}
    found = government_owner([entity])
    assert (found[0] if found else None) == owner
    assert government_owner([{"@type": "Organization", "name": name}]) is None
    # A clinic's funder, or the board it is a member of, does not run it.
    clinic = {"@type": "MedicalClinic", "name": "Harbor Recovery", "funder": entity}
    assert government_owner([clinic, entity]) is None


def test_an_organisations_markup_says_who_runs_it_where_no_page_does() -> None:
    """A county's GovernmentOrganization markup on its pages makes the program public_local;
    a page saying otherwise wins, and markup naming two kinds of government says nothing."""
    html = "<html><body><main><h1>New Trail IOP</h1><p>Evening groups.</p></main></body></html>"
    home = "https://county.example/iop"
    county = page_record(html, home, date(2026, 12, 4), [], True, ("public_local", "Clear Fork"))
    assert organization_facts([county], home) == {
        "ownership": ("public_local", ("GovernmentOrganization: Clear Fork", home))
    }
    said = "We are a 501(c)(3) nonprofit."
    nonprofit = page_record(html.replace("Evening groups.", said), home, date(2026, 12, 4), [],
                            True, ("public_local", "Clear Fork"))  # fmt: skip
    assert organization_facts([nonprofit], home)["ownership"][0] == "private_non_profit"
    tribe = page_record(html, "https://county.example/about", date(2026, 12, 4), [], True,
                        ("public_tribal", "Cedar Basin Tribes"))  # fmt: skip
    assert organization_facts([county, tribe], home) == {}


def _site_page(path: str, heading: str, text: str) -> PageRecord:
    footer = "<footer><address>2215 Knob Creek Rd, Johnson City, TN 37604</address></footer>"
    html = f"<html><body><main><h1>{heading}</h1><p>{text}</p></main>{footer}</body></html>"
    return page_record(html, f"https://campus.example{path}", date(2026, 12, 4), [])


def test_a_campus_of_several_kinds_of_care_is_listed_by_its_iop_page_with_the_iops_facts() -> None:
    pages = [
        _site_page("/", "Buffalo Mountain Recovery", "Recovery for the Tri-Cities."),
        _site_page("/intensive-outpatient/", "Intensive Outpatient Program",
                   "Evening groups meet Monday, Tuesday and Thursday."),
        _site_page("/partial-hospitalization/", "Partial Hospitalization Program",
                   "Daytime groups with yoga and art therapy."),
        _site_page("/recovery-housing/", "Sycamore House", "Residents attend house meetings."),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://campus.example/")
    assert location.ref == "https://campus.example/intensive-outpatient/"
    assert {page.url.split(".example")[1] for page in location.pages} == {
        "/",
        "/intensive-outpatient/",
        "/recovery-housing/",
    }  # the PHP's page speaks for the PHP; the house's states nothing
    # A site of one program keeps its home page, whatever pages it has.
    (alone,) = site_locations(pages[:2], "https://campus.example/")
    assert alone.ref == "https://campus.example/"


def test_a_table_of_every_offices_hours_gives_each_office_its_own() -> None:
    table = """<h1>Our offices</h1><table><tr><th>Office</th><th>Address</th><th>Hours</th></tr>
    <tr><td>Toms River</td><td>1540 Route 37 West<br>Toms River, NJ 08755</td>
    <td>Office hours Mon&ndash;Thu 9 AM&ndash;9 PM</td></tr>
    <tr><td>Freehold</td><td>4345 Route 9 North<br>Freehold, NJ 07728</td>
    <td>Office hours Mon&ndash;Fri 8:30 AM&ndash;4:30 PM</td></tr></table>"""
    html = f"<html><body><main>{table}</main></body></html>"
    page = page_record(html, "https://offices.example/locations", date(2026, 12, 4), [])
    place = {"address.city": "Freehold"}
    read = facts_from_pages([page], "test", place=place, elsewhere=("Toms River", "Freehold"))
    assert read.facts["schedule.opening_hours"] == ["Mo-Fr 08:30-16:30"]


def test_a_clause_about_another_office_states_nothing_of_this_one() -> None:
    """One sentence giving two offices' tracks: each clause is its office's."""
    html = (
        "<html><body><main><p>Ottumwa day and evening IOP: accepting new clients; Oskaloosa"
        " evening IOP: full.</p></main></body></html>"
    )
    page = page_record(html, "https://offices.example/status", date(2026, 12, 4), [])
    elsewhere = ("Ottumwa", "Oskaloosa")
    oskaloosa = facts_from_pages([page], "test", place={"address.city": "Oskaloosa"},
                                 elsewhere=elsewhere)  # fmt: skip
    ottumwa = facts_from_pages([page], "test", place={"address.city": "Ottumwa"},
                               elsewhere=elsewhere)  # fmt: skip
    assert "schedule.daytime" not in oskaloosa.facts
    assert ottumwa.facts["schedule.daytime"] is True


@pytest.mark.parametrize(
    ("town", "iop"),
    [("Orofino", True),  # the program runs; not in Kamiah, where only a van stops
     ("Kamiah", None),  # the page of the town it is denied in says both
     ("KAMIAH", None)],  # (its town as stored)
)  # fmt: skip
def test_a_denial_of_the_program_in_another_town_denies_it_there_only(town: str, iop) -> None:
    html = (
        "<html><body><main><h1>Intensive Outpatient Program (IOP)</h1><p>Our IOP is for adults"
        " who can stay safely at home.</p><p>We do not run IOP groups in Kamiah.</p></main>"
        "</body></html>"
    )
    page = page_record(html, "https://offices.example/iop", date(2026, 12, 4), [])
    read = facts_from_pages([page], "test", place={"address.city": town})
    assert read.facts.get("levels_of_care.iop") is iop


@pytest.mark.parametrize(
    "denial",
    ["We do not run IOP groups in Kamiah or Orofino.",
     "We do not run IOP groups in Idaho."],
)  # fmt: skip
def test_a_denial_naming_this_town_or_its_state_stands(denial: str) -> None:
    html = (
        "<html><body><main><h1>Intensive Outpatient Program (IOP)</h1><p>Our IOP is for adults"
        f" who can stay safely at home.</p><p>{denial}</p></main></body></html>"
    )
    page = page_record(html, "https://offices.example/iop", date(2026, 12, 4), [])
    read = facts_from_pages([page], "test", place={"address.city": "Orofino"})
    assert read.facts.get("levels_of_care.iop") is not True


def _office_page(path: str, heading: str, text: str) -> PageRecord:
    banner = "<header><p>Lafayette IOP: now accepting new clients.</p></header>"
    html = f"<html><body>{banner}<main><h1>{heading}</h1>{text}</main></body></html>"
    return page_record(html, f"https://group.example{path}", date(2026, 12, 4), [])


def test_a_banner_on_every_page_names_the_office_that_runs_the_iop_not_every_office() -> None:
    pages = [
        _office_page("/", "Bayou Teche Counseling", "<p>Therapy in three towns.</p>"),
        _office_page("/iop", "Intensive Outpatient Program",
                     "<p>Our IOP meets at our Lafayette office.</p>"),
        _office_page("/lafayette", "Lafayette Office",
                     "<p>1200 Camellia Blvd, Lafayette, LA 70508</p>"
                     "<p>Home of our intensive outpatient program.</p>"),
        _office_page("/broussard", "Broussard Office",
                     "<p>310 E Main St, Broussard, LA 70518</p><p>Therapy for families.</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found == {
        "https://group.example/lafayette": None,
        "https://group.example/broussard": NO_IOP_HERE,
    }


def _centre_page(path: str, heading: str, text: str) -> PageRecord:
    footer = (
        "<footer><div><h4>Medical &amp; Dental Center</h4><p>145 Lisbon St, Lewiston, ME 04240"
        "</p></div><div><h4>Behavioral Health Building</h4><p>57 Ash St, Lewiston, ME 04240</p>"
        "</div></footer>"
    )
    html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
    return page_record(html, f"https://centre.example{path}", date(2026, 12, 4), [])


def test_a_centre_whose_footer_lists_its_buildings_is_at_the_one_its_iop_page_names() -> None:
    """Two buildings in every footer and on a locations page, no page with an address of its
    own: the IOP page that says where it meets ("at 57 Ash St") names its place. A site that
    never says which is quarantined with that reason, never dropped unseen."""
    pages = [
        _centre_page("/", "Care for the whole family", "<p>Primary care, dental and more.</p>"),
        _centre_page("/locations/", "Locations", "<p>145 Lisbon St, Lewiston, ME 04240</p>"
                     "<p>57 Ash St, Lewiston, ME 04240</p>"),
        _centre_page("/services/recovery/", "Intensive Outpatient Program",
                     "<p>Our IOP meets at our Behavioral Health Building at 57 Ash Street.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert (location.ref, location.place["address.street1"], location.set_aside) == (
        "https://centre.example/services/recovery/",
        "57 Ash St",
        None,
    )
    unsaid = [*pages[:2], _centre_page("/services/recovery/", "Intensive Outpatient Program",
                                       "<p>Evening groups for adults.</p>")]  # fmt: skip
    (location,) = site_locations(unsaid, pages[0].url)
    assert (location.place, location.set_aside) == ({}, NO_PAGE_OF_ITS_OWN)
    # The street it moved from is not where it is.
    moved = [*pages[:2], _centre_page("/services/recovery/", "Intensive Outpatient Program",
                                      "<p>Our IOP has moved from 145 Lisbon Street to the new"
                                      " Behavioral Health Building.</p>")]  # fmt: skip
    (location,) = site_locations(moved, pages[0].url)
    assert location.place.get("address.street1") != "145 Lisbon St"


def _campus_page(path: str, heading: str, text: str) -> PageRecord:
    html = f"<html><body><main><h1>{heading}</h1>{text}</main></body></html>"
    return page_record(html, f"https://www.university.example{path}", date(2026, 12, 4), [])


def test_another_unit_of_the_site_that_has_no_iop_does_not_speak_for_the_program() -> None:
    """A university's counseling centre, which refers students to the recovery clinic's IOP,
    says nothing of the IOP's walk-ins or hours."""
    pages = [
        _campus_page("/clinic/recovery-iop", "Recovery Clinic Intensive Outpatient Program",
                     "<p>120 Hawley St., Binghamton, NY 13901</p><p>Our IOP meets three days a"
                     " week. We don't offer walk-in appointments.</p>"),
        _campus_page("/students/counseling-center", "Student Counseling Center",
                     "<p>The Counseling Center does not provide addiction IOP; students are"
                     " referred to the Recovery Clinic. Walk-ins welcome 1-4 p.m.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert [page.url for page in location.pages] == [pages[0].url]
    # The program's own page that says its IOP is not for everyone still speaks for it.
    fees = _campus_page("/clinic/fees", "Fees", "<p>Some plans do not cover intensive outpatient"
                        " treatment; we accept Medicaid.</p>")  # fmt: skip
    (location,) = site_locations([pages[0], fees], pages[0].url)
    assert {page.url for page in location.pages} == {pages[0].url, fees.url}


def _tribe_page(path: str, heading: str, text: str) -> PageRecord:
    footer = "<footer><address>1150 Tribal Center Loop, Kingman, AZ 86401</address></footer>"
    html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
    return page_record(html, f"https://tribe.example{path}", date(2026, 12, 4), [],
                       parent_marked=True)  # fmt: skip


def test_a_site_listed_with_its_programs_page_is_that_page_whatever_its_heading() -> None:
    """A tribe's site listed with its recovery program's page: that page stands for the program,
    not a page under it whose heading names the IOP's groups."""
    listed = "/behavioral-health/white-cliffs-recovery/"
    pages = [
        _tribe_page("/", "Healthy People", "<p>Clinics and services.</p>"),
        _tribe_page(listed, "White Cliffs Recovery Program",
                    "<p>3015 Stockton Hill Rd, Suite 4, Kingman, AZ 86401</p><p>Our intensive"
                    " outpatient program meets three mornings a week.</p>"),
        _tribe_page(f"{listed}groups/", "IOP Groups & Schedule",
                    "<p>Monday, Wednesday and Thursday, 9 a.m. to noon.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, f"https://tribe.example{listed}")
    assert (location.ref, location.name) == (
        f"https://tribe.example{listed}",
        "White Cliffs Recovery Program",
    )
    evening = _tribe_page(f"{listed}evening-iop/", "Evening IOP", "<p>Tuesdays, 6-9 p.m.</p>")
    (location,) = site_locations([*pages, evening], f"https://tribe.example{listed}")
    assert location.ref == f"https://tribe.example{listed}"


def _county_page(path: str, heading: str, text: str) -> PageRecord:
    footer = (
        "<footer><p>Tamarack County</p><address>800 Park Ave, Utica, NY 13501</address></footer>"
    )
    html = (
        f"<html><head><title>{heading} | Tamarack County</title></head><body><main>"
        f"<h1>{heading}</h1>{text}</main>{footer}</body></html>"
    )
    return page_record(html, f"https://county.example{path}", date(2026, 12, 4), [])


def test_a_departments_pages_speak_for_each_of_its_clinics_and_a_program_page_for_none() -> None:
    department = [
        _county_page("/", "Tamarack County", "<p>Welcome to Tamarack County.</p>"),
        _county_page("/addiction-services/", "Addiction Services",
                     "<p>Our clinics accept Medicaid and Medicare.</p>"),
        _county_page("/addiction-services/iop/", "Intensive Outpatient Program",
                     "<p>The IOP lasts 12 weeks and combines group therapy and individual "
                     "counseling.</p><p>In Rome, groups meet on Saturday mornings.</p>"),
        _county_page("/addiction-services/locations/utica/", "Utica Clinic",
                     "<p>406 Elizabeth St, Utica, NY 13501</p>"
                     "<p>Evening intensive outpatient program.</p>"),
        _county_page("/addiction-services/locations/rome/", "Rome Clinic",
                     "<p>301 W Dominick St, Rome, NY 13440</p>"
                     "<p>Intensive outpatient program.</p>"),
    ]  # fmt: skip
    found = {location.ref.split(".example")[1]: location for location in
             site_locations(department, department[0].url)}  # fmt: skip
    clinics = "/addiction-services/locations/"
    assert set(found) == {f"{clinics}utica/", f"{clinics}rome/"}
    for ref, location in found.items():
        read = facts_from_pages(location.pages, "test", place=location.place,
                                elsewhere=location.elsewhere)  # fmt: skip
        assert read.facts["payment.medicaid"] is True, ref
        assert read.facts["schedule.program_weeks"] == 12, ref
        assert read.facts["therapies.group_therapy"] is True, ref
        # What the department says of one clinic is that clinic's alone.
        assert read.facts.get("schedule.daytime") is (True if "rome" in ref else None), ref
    # Pages in one folder that are programs of their own (an IOP and an OTP) are not offices
    # of one department: the services page that names both speaks for neither.
    programs = [
        _county_page("/services/", "Our services",
                     "<p>We run an IOP and an opioid treatment program with methadone.</p>"),
        _county_page("/services/iop/", "Intensive Outpatient Program",
                     "<p>406 Elizabeth St, Utica, NY 13501</p><p>Evening IOP groups.</p>"),
        _county_page("/services/otp/", "Opioid Treatment Program",
                     "<p>12 Oneida St, Rome, NY 13440</p><p>Methadone dosing daily.</p>"),
    ]  # fmt: skip
    for location in site_locations(programs, programs[0].url):
        assert programs[0] not in location.pages, location.ref


def _builder_page(path: str, content: str) -> PageRecord:
    """A page of a site builder (Duda) whose business settings mark the first office on every
    page, and whose footer (a ``div``, not a ``<footer>``) lists every office."""
    footer = (
        '<div class="dmFooterContainer"><div id="fcontainer" data-element-type="footer">'
        "<p>180 Main St Suite 4, Biddeford, ME 04005</p>"
        "<p>12 Portland Rd, Kennebunk, ME 04043</p>"
        "<p>27 Saco Ave, Old Orchard Beach, ME 04064</p></div></div>"
    )
    html = f"<html><body><div class='dmContent'>{content}</div>{footer}</body></html>"
    marked = {"address.street1": "180 Main St Suite 4", "address.city": "Biddeford",
              "address.state": "ME", "address.postal_code": "04005"}  # fmt: skip
    return page_record(html, f"https://group.example{path}", date(2026, 12, 4), [marked])


def test_a_builders_footer_and_markup_on_every_page_are_the_sites_not_each_pages() -> None:
    pages = [
        _builder_page("/", "<p>Counseling in three towns.</p>"),
        _builder_page("/iop", "<p>Our intensive outpatient program meets in Biddeford and "
                      "Kennebunk.</p>"),
        _builder_page("/locations/biddeford", "<p>180 Main St Suite 4, Biddeford, ME 04005</p>"
                      "<p>Intensive outpatient program and counseling.</p>"),
        _builder_page("/locations/kennebunk", "<p>12 Portland Rd, Kennebunk, ME 04043</p>"
                      "<p>Evening intensive outpatient program.</p>"),
        _builder_page("/locations/old-orchard-beach",
                      "<p>27 Saco Ave, Old Orchard Beach, ME 04064</p><p>Therapy.</p>"),
    ]  # fmt: skip
    found = {location.ref.split(".example")[1]: (location.place.get("address.city"),
             location.set_aside) for location in site_locations(pages, pages[0].url)}  # fmt: skip
    assert found == {
        "/locations/biddeford": ("Biddeford", None),
        "/locations/kennebunk": ("Kennebunk", None),
        "/locations/old-orchard-beach": ("Old Orchard Beach", NO_IOP_HERE),
    }


def test_a_health_centres_iop_page_at_its_centres_address_stands_for_the_program() -> None:
    """An FQHC: its markup is the administrative office; its behavioural health centre has a
    page of its own, and the IOP's page gives the centre's address too."""
    admin = {"address.street1": "400 S Gloster St", "address.city": "Tupelo",
             "address.state": "MS", "address.postal_code": "38801"}  # fmt: skip

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            "<html><head><title>Trace Ridge Community Health</title></head><body><main>"
            f"<h1>{heading}</h1>{content}</main></body></html>"
        )
        return page_record(html, f"https://fqhc.example{path}", date(2026, 12, 4), [admin])

    centre = "<p>1120 W Jackson St, Suite B, Tupelo, MS 38804</p>"
    pages = [
        page("/", "Welcome", "<p>Medical, dental and behavioral health care.</p>"),
        page("/locations/tupelo-behavioral-health-center", "Tupelo Behavioral Health Center",
             centre + "<p>Open Monday to Saturday.</p>"),
        page("/services/behavioral-health/intensive-outpatient",
             "Intensive Outpatient Program (IOP)", centre + "<p>Evening IOP groups.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == pages[2].url
    assert location.name == "Trace Ridge Community Health"  # not "Intensive Outpatient Program"
    assert pages[1] not in location.pages  # the centre's hours and services are not the IOP's


def test_a_site_listed_by_a_page_inside_a_larger_site_lists_that_page_s_place() -> None:
    """A university's recovery clinic, listed by its page: the student health centre elsewhere
    on the university's site is another place, not a second program."""

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main></body></html>"
        return page_record(html, f"https://uni.example{path}", date(2026, 12, 4), [])

    pages = [
        page("/", "Bear River University", "<p>Welcome to campus.</p>"),
        page("/cehs/recovery-clinic/", "Recovery Clinic",
             "<p>715 E 1000 N, Room 210, Logan, UT 84321</p><p>Our intensive outpatient "
             "program meets three evenings a week.</p>"),
        page("/student-health/", "Student Health Center",
             "<p>850 E 1200 N, Logan, UT 84322</p><p>Walk-in care and an intensive outpatient "
             "program for students.</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[1].url)}
    assert found == {pages[1].url: None, pages[2].url: BESIDE_THE_LISTED_PAGE}
    # Listed by the home page, the site's places are all its own.
    assert all(location.set_aside is None for location in site_locations(pages, pages[0].url))


def test_a_clause_about_another_office_does_not_unsay_the_iop_for_this_one() -> None:
    html = (
        "<html><body><main><h1>Intensive Outpatient Program</h1><p>Our IOP is an 8-week "
        "program. It runs at our Biddeford and Kennebunk offices; the Old Orchard Beach office "
        "does not offer IOP.</p></main></body></html>"
    )
    page = page_record(html, "https://group.example/iop", date(2026, 12, 4), [])
    towns = ("Biddeford", "Kennebunk", "Old Orchard Beach")
    here = facts_from_pages([page], "test", place={"address.city": "Biddeford"}, elsewhere=towns)
    assert here.facts["levels_of_care.iop"] is True
    there = facts_from_pages(
        [page], "test", place={"address.city": "Old Orchard Beach"}, elsewhere=towns
    )
    assert "levels_of_care.iop" not in there.facts  # it says both of that office


def test_what_the_review_found_of_places_and_pages() -> None:
    """Each was read wrongly by a rule of the same change; a review found them."""

    def page(url: str, heading: str, content: str, entities: list | None = None) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main></body></html>"
        return page_record(html, url, date(2026, 12, 4), entities or [])

    admin = {"address.street1": "800 Park Ave", "address.city": "Utica",
             "address.state": "NY", "address.postal_code": "13501"}  # fmt: skip
    county = "https://county.example"
    pages = [
        page(f"{county}/", "Tamarack County", "<p>Welcome.</p>", [admin]),
        page(f"{county}/locations/utica-clinic", "Utica Intensive Outpatient Program",
             "<p>406 Elizabeth St, Utica, NY 13501</p><p>Evening IOP groups.</p>", [admin]),
        page(f"{county}/locations/rome-clinic", "Rome Intensive Outpatient Program",
             "<p>301 W Dominick St, Rome, NY 13440</p><p>Daytime IOP groups.</p>", [admin]),
        page(f"{county}/services/dental", "Dental", "<p>Saturday sessions for children. "
             "Services are free of charge for children under 18.</p>", [admin]),
    ]  # fmt: skip
    for location in site_locations(pages, pages[0].url):
        # The parent's other services, at the site's root, are not the offices' department.
        assert pages[3] not in location.pages, location.ref
    # A program page's folder holds the parent's other services: only the pages under it
    # speak for it.
    fqhc = "https://fqhc.example"
    centre = "<p>1120 W Jackson St, Tupelo, MS 38804</p>"
    admin = {"address.street1": "400 S Gloster St", "address.city": "Tupelo",
             "address.state": "MS", "address.postal_code": "38801"}  # fmt: skip
    pages = [
        page(f"{fqhc}/", "Welcome", "<p>Care for the whole family.</p>", [admin]),
        page(f"{fqhc}/locations/tupelo", "Tupelo Center", centre, [admin]),
        page(f"{fqhc}/services/intensive-outpatient", "Intensive Outpatient Program",
             centre + "<p>Evening IOP groups.</p>", [admin]),
        page(f"{fqhc}/services/dental", "Dental", "<p>Saturday sessions.</p>", [admin]),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == pages[2].url and pages[3] not in location.pages
    # A class ending in "Header" is no page chrome: each office's address stays its own.
    offices = [
        page(f"https://group.example/{town.lower()}", town,
             f"<div class='pageHeader'><p>{street}, {town}, ME {zip_code}</p></div>"
             "<p>Intensive outpatient program.</p>")
        for town, street, zip_code in (("Kennebunk", "12 Portland Rd", "04043"),
                                       ("Saco", "5 Main St", "04072"))
    ]  # fmt: skip
    assert len(site_locations(offices, "https://group.example/")) == 2
    # A site listed by its home page written as /index.html keeps all its offices.
    home = page("https://group.example/index.html", "Group", "<p>Welcome.</p>")
    found = site_locations([home, *offices], home.url)
    assert [location.set_aside for location in found] == [None, None]


def test_a_conflict_is_settled_only_by_what_is_this_offices_under_its_heading() -> None:
    html = (
        "<html><body><main><h2>Biddeford</h2><p>We offer IOP here, three evenings a week.</p>"
        "<h2>Saco</h2><p>IOP is not offered at this office, so clients go to Biddeford for it."
        "</p></main></body></html>"
    )
    page = page_record(html, "https://group.example/locations", date(2026, 12, 4), [])
    towns = ("Biddeford", "Saco")
    saco = facts_from_pages([page], "test", place={"address.city": "Saco"}, elsewhere=towns)
    assert saco.facts.get("levels_of_care.iop") is not True
    here = facts_from_pages([page], "test", place={"address.city": "Biddeford"}, elsewhere=towns)
    assert here.facts.get("levels_of_care.iop") is not False


def test_a_footer_named_in_camel_case_is_chrome() -> None:
    footer = (
        "<div class='siteFooter'><p>12 Portland Rd, Kennebunk, ME 04043</p>"
        "<p>5 Main St, Saco, ME 04072</p></div>"
    )

    def page(path: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>Group</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://group.example{path}", date(2026, 12, 4), [])

    pages = [page("/", "<p>Counseling.</p>"), page("/iop", "<p>Our IOP.</p>"),
             page("/insurance", "<p>We accept Medicaid.</p>")]  # fmt: skip
    assert site_locations(pages, pages[0].url) != []


def _civic_page(path: str, heading: str, text: str, menu: tuple[str, ...] = ()) -> PageRecord:
    """A county site whose pages are numbered, not foldered (``/214/Recovery-Services``): the
    site's menu on every page, a department's own menu only on its pages."""
    site_menu = "".join(
        f'<a href="{href}">{href}</a> ' for href in ("/", "/150/Departments", "/Jobs")
    )
    own_menu = "".join(f'<li><a href="{href}">{href}</a></li>' for href in menu)
    footer = "<footer><p>Oquirrh County, 62 E Vine St, Tooele, UT 84074</p></footer>"
    html = (
        f"<html><head><title>{heading} | Oquirrh County</title></head><body><nav>{site_menu}"
        f"</nav><aside><ul>{own_menu}</ul></aside><main><h1>{heading}</h1>{text}</main>{footer}"
        "</body></html>"
    )
    return page_record(html, f"https://county.example{path}", date(2026, 12, 5), [])


def test_a_programs_own_menu_leads_to_its_pages_on_a_site_without_folders() -> None:
    menu = ("/214/Recovery-Services", "/216/IOP", "/218/MAT", "/220/Fees")
    pages = [
        _civic_page("/", "Oquirrh County", "<p>Welcome.</p>"),
        _civic_page("/214/Recovery-Services", "Recovery Services",
                    "<p>305 N Main St, Suite 200, Tooele, UT 84074</p>"
                    "<p>Intensive outpatient program (ASAM 2.1).</p>", menu),
        _civic_page("/216/IOP", "Intensive Outpatient Program",
                    "<p>Participants complete the program in 16 weeks.</p>", menu),
        _civic_page("/218/MAT", "Medication-Assisted Treatment",
                    "<p>Our nurse practitioner prescribes buprenorphine.</p>", menu),
        _civic_page("/220/Fees", "Fees", "<p>We accept Medicaid.</p>", menu),
        # Another department's page, linked from nowhere in the program's menu.
        _civic_page("/300/Health", "Health Department",
                    "<p>Free flu shots; our clinic prescribes naltrexone.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://county.example/214/Recovery-Services")
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert read.facts["schedule.program_weeks"] == 16
    assert read.facts["medications.mat_buprenorphine"] is True
    assert read.facts["payment.medicaid"] is True
    assert "medications.mat_naltrexone" not in read.facts


def test_markup_whose_number_no_page_shows_is_stale_with_its_hours() -> None:
    """A plugin kept the old number and hours after the program changed them: the visible
    lines and hours are the program's word. Markup whose number the pages show stands, but
    hours the same page shows otherwise for every day it names are the page's word, as a
    visible address is."""
    marked = {
        "phones": [Phone.model_construct(number="+1-843-555-0110")],
        "schedule.opening_hours": ["Mo-Fr 08:00-17:00"],
    }
    footer = (
        "<footer><p>1831 W Evans St, Suite 110, Florence, SC 29501</p>"
        "<p>Main 843-555-0112 · Admissions 843-555-0113</p>"
        "<p>Hours: Mon\u2013Thu 7:30 a.m. \u2013 8:00 p.m.; Fri 7:30 a.m. \u2013 3:00 p.m.</p>"
        "</footer>"
    )
    html = f"<html><body><main><h1>Veterans IOP</h1></main>{footer}</body></html>"
    stale = page_record(html, "https://ruck.example/", date(2026, 12, 5), [marked])
    read = facts_from_pages([stale], "test")
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["8435550112", "8435550113"]
    assert read.facts["schedule.opening_hours"] == ["Mo-Th 07:30-20:00", "Fr 07:30-15:00"]
    current = page_record(
        html.replace("843-555-0112", "843-555-0110"), "https://ruck.example/", date(2026, 12, 5),
        [marked],
    )  # fmt: skip
    read = facts_from_pages([current], "test")
    assert next(ten_digits(phone) for phone in read.facts["phones"]) == "8435550110"
    assert read.facts["schedule.opening_hours"] == ["Mo-Th 07:30-20:00", "Fr 07:30-15:00"]


def test_markup_names_one_line_and_the_page_the_others_beside_it() -> None:
    marked = {"phones": [Phone.model_construct(number="+1-301-555-0136")]}
    html = (
        "<html><body><main><h1>Evening IOP</h1><p>Call 301-555-0136 or text 301-555-0137."
        "</p></main></body></html>"
    )
    page = page_record(html, "https://prism.example/", date(2026, 12, 5), [marked])
    read = facts_from_pages([page], "test")
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["3015550136", "3015550137"]


def test_a_footer_listing_every_offices_line_gives_each_office_its_own() -> None:
    footer = (
        "<footer><p>Ottumwa<br>418 W 2nd St<br>Ottumwa, IA 52501<br>641-555-0131</p>"
        "<p>Oskaloosa<br>1105 A Ave E, Suite 3<br>Oskaloosa, IA 52577<br>641-555-0137</p>"
        "<p>Central intake: 641-555-0130</p></footer>"
    )
    page = page_record(
        f"<html><body><main><h1>Our offices</h1></main>{footer}</body></html>",
        "https://cedar.example/",
        date(2026, 12, 5),
        [],
    )
    assert page.lines_by_place == {
        ("418 w 2nd st", "52501"): {"6415550131"},
        ("1105 a ave e", "52577"): {"6415550137"},
    }


def test_a_community_health_centres_iop_page_stands_for_its_program() -> None:
    footer = "<footer><p>Administrative offices: 1450 W 24th St, Yuma, AZ 85364</p></footer>"

    def centre_page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            "<html><head><title>R\u00edo Sereno Community Health Center</title></head><body>"
            f"<main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
        )
        return page_record(html, f"https://riosereno.example{path}", date(2026, 12, 5), [])

    pages = [
        centre_page("/", "Health care for every family", "<p>Primary care and dental.</p>"),
        centre_page("/behavioral-health/intensive-outpatient/", "Intensive Outpatient Program",
                    "<p>Our IOP meets three mornings a week.</p>"),
        centre_page("/es/programa-intensivo/", "Programa Intensivo Ambulatorio (IOP)",
                    "<p>El IOP se re\u00fane tres ma\u00f1anas por semana.</p>"),
        centre_page("/locations/yuma-behavioral-health/", "Yuma Behavioral Health Center",
                    "<p>2250 S 4th Ave, Suite 110, Yuma, AZ 85364</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://riosereno.example/")
    assert location.ref == "https://riosereno.example/behavioral-health/intensive-outpatient/"
    assert location.place["address.street1"] == "2250 S 4th Ave"


def test_an_addiction_clinic_above_its_iop_page_speaks_for_the_iop() -> None:
    """A university's addiction clinic runs the IOP: the clinic's page and its billing page
    speak for the program; the department's other pages, and a general health centre's page
    above a program, do not."""
    footer = (
        "<footer><p>Department of Psychiatry, Grand Prairie University, 601 E John St,"
        " Champaign, IL 61820</p></footer>"
    )

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
        return page_record(html, f"https://psych.example{path}", date(2026, 12, 5), [])

    clinic = "/clinical-care/addiction-recovery-clinic/"
    pages = [
        page("/", "Department of Psychiatry", "<p>Research, education and care.</p>"),
        page(clinic, "Addiction Recovery Clinic",
             "<p>1402 N Prospect Ave, Suite 240, Champaign, IL 61820</p>"
             "<p>Telehealth visits are available anywhere in Illinois.</p>"),
        page(f"{clinic}insurance-and-billing/", "Insurance and Billing",
             "<p>The clinic bills Illinois Medicaid and Medicare.</p>"),
        page(f"{clinic}prairie-bridge-iop/", "Prairie Bridge Intensive Outpatient Program",
             "<p>1402 N Prospect Ave, Suite 240, Champaign, IL 61820</p>"
             "<p>Groups meet Monday, Tuesday and Thursday evenings.</p>"),
        page("/research/studies/", "Join a Research Study", "<p>Study visits on Saturdays.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, f"https://psych.example{clinic}prairie-bridge-iop/")
    speaking = {urlsplit(page.url).path for page in location.pages}
    assert speaking == {clinic, f"{clinic}insurance-and-billing/", f"{clinic}prairie-bridge-iop/"}


def test_a_parents_one_programs_pages_about_paying_and_getting_in_speak_for_it() -> None:
    """A services board's site, listed with its IOP page: its fees and same-day access pages
    are the program's too; its jobs page and its board's news are not."""
    marked = {
        "address.street1": "85 Reservoir St",
        "address.city": "Harrisonburg",
        "address.state": "VA",
        "address.postal_code": "22801",
    }
    widget = "<aside><p>1241 N Main St, Harrisonburg, VA 22801</p></aside>"

    def page(path: str, heading: str, text: str, own: bool = False) -> PageRecord:
        html = (
            "<html><head><title>Smith Creek Valley Community Services Board</title></head>"
            f"<body><main><h1>{heading}</h1>{text}</main>{widget if own else ''}</body></html>"
        )
        return page_record(
            html, f"https://csb.example{path}", date(2026, 12, 5), [marked], parent_marked=True
        )

    pages = [
        page("/", "Welcome to Smith Creek Valley CSB", "<p>Serving the valley.</p>"),
        page("/251/IOP", "Adult Intensive Outpatient Program", "<p>Evening groups.</p>", True),
        page("/260/Same-Day-Access", "Same Day Access",
             "<p>Walk in weekdays 8-11 for a substance use assessment.</p>", True),
        page("/268/Fees-Insurance", "Fees & Insurance",
             "<p>Substance use services accept Medicaid.</p>", True),
        # A page about paying that is about other care (a hospital's pharmacy, family medicine)
        page("/patients/faq", "Frequently Asked Questions",
             "<p>Our family medicine clinics are not accepting new patients.</p>"),
        page("/Jobs", "Employment Opportunities", "<p>Now hiring counselors.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://csb.example/251/IOP")
    assert {urlsplit(page.url).path for page in location.pages} == {
        "/251/IOP",
        "/260/Same-Day-Access",
        "/268/Fees-Insurance",
    }


def test_a_sibling_programs_page_does_not_speak_for_this_one() -> None:
    """An addiction clinic's adult and teen IOPs: the teen IOP's page is no page of the
    adult IOP's, though both sit under the clinic."""
    footer = "<footer><p>Valley Health System, 100 Hospital Dr, Springfield, IL 62701</p></footer>"

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            "<html><head><title>Valley Health System</title></head><body><main>"
            f"<h1>{heading}</h1>{text}</main>{footer}</body></html>"
        )
        return page_record(html, f"https://valley.example{path}", date(2026, 12, 5), [])

    clinic = "/behavioral-health/addiction-recovery/"
    pages = [
        page("/", "Valley Health System", "<p>Care for every family.</p>"),
        page(clinic, "Addiction Recovery Services", "<p>Substance use treatment.</p>"),
        page(f"{clinic}adult-iop/", "Adult Intensive Outpatient Program",
             "<p>200 Oak St, Springfield, IL 62704</p><p>Evenings 6-9 pm, three days a week.</p>"),
        page(f"{clinic}teen-iop/", "Adolescent Intensive Outpatient Program",
             "<p>The program lasts 6 weeks.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, f"https://valley.example{clinic}adult-iop/")
    assert f"{clinic}teen-iop/" not in {urlsplit(page.url).path for page in location.pages}


def test_a_footer_giving_each_office_its_number_before_its_address_is_read_as_no_list() -> None:
    footer = (
        "<footer><p>Ottumwa Clinic<br>641-555-0131<br>418 W 2nd St<br>Ottumwa, IA 52501</p>"
        "<p>Oskaloosa Clinic<br>641-555-0137<br>1105 A Ave E<br>Oskaloosa, IA 52577</p></footer>"
    )
    page = page_record(
        f"<html><body><main><h1>Offices</h1></main>{footer}</body></html>",
        "https://cedar.example/",
        date(2026, 12, 5),
        [],
    )
    assert page.lines_by_place == {}


def test_a_number_elsewhere_on_the_page_is_not_one_of_the_markups_lines() -> None:
    marked = {"phones": [Phone.model_construct(number="+1-301-555-0136")]}
    html = (
        "<html><body><main><h1>Evening IOP</h1><p>Call 301-555-0136.</p>"
        "<p>Our residential program in Frederick: 301-555-0190.</p></main></body></html>"
    )
    page = page_record(html, "https://prism.example/", date(2026, 12, 5), [marked])
    read = facts_from_pages([page], "test")
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["3015550136"]


WEEK = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
# A day's hours, opening before closing (drawn so, not filtered: a loaded machine's health check
# fails a test that throws most of its draws away).
DAYS_HOURS = st.tuples(st.integers(6, 20), st.integers(1, 15)).map(
    lambda drawn: (f"{drawn[0]:02d}:00", f"{min(drawn[0] + drawn[1], 21):02d}:00")
)


@given(
    st.tuples(DAYS_HOURS, st.lists(st.one_of(st.none(), DAYS_HOURS), min_size=6, max_size=6)).map(
        # Monday open: a closed Monday first reads as "Mo, Tu 09:00-17:00"
        lambda drawn: [drawn[0], *drawn[1]]
    )
)
def test_markup_hours_give_each_open_day_its_hours_however_schema_org_writes_them(
    week: list[tuple[str, str] | None],
) -> None:
    """Squarespace writes every day in one string, a closed day without hours ("..., Sa, Su");
    others write a specification per day, a closed one as "00:00"-"00:00". Either way each open
    day keeps its hours and a closed day is no opening hours."""
    open_days = {day: hours for day, hours in zip(WEEK, week, strict=True) if hours}
    written = ", ".join(
        f"{day} {week[i][0]}-{week[i][1]}" if week[i] else day for i, day in enumerate(WEEK)
    )
    specified = [
        {
            "dayOfWeek": f"https://schema.org/{name}",
            "opens": week[i][0] if week[i] else "00:00",
            "closes": week[i][1] if week[i] else "00:00",
        }
        for i, name in enumerate(
            ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        )
    ]
    for entity in ({"openingHours": written}, {"openingHoursSpecification": specified}):
        assert _each_day(markup_hours(entity)) == open_days


def _each_day(lines: list[str]) -> dict[str, tuple[str, str]]:
    days: dict[str, tuple[str, str]] = {}
    for line in lines:
        spans, _, hours = line.partition(" ")
        opens, _, closes = hours.partition("-")
        for span in spans.split(","):
            first, _, last = span.partition("-")
            for day in WEEK[WEEK.index(first) : WEEK.index(last or first) + 1]:
                days[day] = (opens, closes)
    return days


def test_office_hours_with_each_days_name_in_two_languages() -> None:
    """A bilingual site names each day twice ("Mon\u2013Thu / lun\u2013jue"): the Spanish name
    is the same days, not a day of its own."""
    assert opening_hours(
        "Hours / Horario Mon\u2013Thu / lun\u2013jue 8am\u20139pm Fri / vie 8am\u20135pm"
        " Sat / s\u00e1b 8:30am\u201312:30pm"
    ) == ["Mo-Th 08:00-21:00", "Fr 08:00-17:00", "Sa 08:30-12:30"]


def test_a_page_and_its_translation_at_one_address_the_page_is_the_listing() -> None:
    """An IOP page and its Spanish translation both give the centre's address: the site's own
    page (not "/es/...") stands for the program, however deep each is."""

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{text}</main></body></html>"
        return page_record(html, f"https://magnolia.example{path}", date(2026, 12, 5), [])

    here = "<p>210 Savannah Ave, Statesboro, GA 30458</p>"
    pages = [
        page("/", "Health care for everyone", "<p>Primary care and dental.</p>"),
        page("/es/servicios/programa-intensivo/", "Programa Intensivo Ambulatorio (IOP)", here),
        page("/services/behavioral-health/intensive-outpatient/", "Intensive Outpatient", here),
        page(
            "/locations/",
            "Locations",
            here + "<p>1400 Fair Rd, Statesboro, GA 30458</p><p>35 S Rountree St, Metter, GA"
            " 30439</p>",
        ),
    ]
    refs = [location.ref for location in site_locations(pages, "https://magnolia.example/")]
    assert refs == ["https://magnolia.example/services/behavioral-health/intensive-outpatient/"]


def test_of_two_addresses_every_page_shows_the_one_the_markup_gives_is_the_programs() -> None:
    """A footer shows the main office and "our East Wenatchee counseling office" on every page:
    the markup's address is the program's, whichever sorts first."""
    markup = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "MedicalOrganization", "name": "Puente Verde Recovery", "address": {"@type":'
        ' "PostalAddress", "streetAddress": "23 S Wenatchee Ave, Suite 210", "addressLocality":'
        ' "Wenatchee", "addressRegion": "WA", "postalCode": "98801"}}</script>'
    )
    footer = (
        "<footer><p>23 S Wenatchee Ave, Suite 210<br>Wenatchee, WA 98801</p>"
        "<p>East Wenatchee counseling office: 150 Valley Mall Pkwy, East Wenatchee, WA 98802</p>"
        "</footer>"
    )

    def page(path: str, heading: str) -> PageRecord:
        html = (
            f"<html><head>{markup}</head><body><main><h1>{heading}</h1><p>Our IOP meets three"
            f" evenings a week.</p></main>{footer}</body></html>"
        )
        return page_record(html, f"https://puente.example{path}", date(2026, 12, 5), [])

    pages = [page("/", "Recovery in two languages"), page("/iop", "Intensive Outpatient")]
    (location,) = site_locations(pages, "https://puente.example/")
    assert location.place["address.street1"] == "23 S Wenatchee Ave"


@pytest.mark.parametrize(
    ("written", "hours"),
    [
        ("Mo, We, Fr 09:00-17:00", ["Mo,We,Fr 09:00-17:00"]),
        ("Mo-Fr 8:00-5:00pm", ["Mo-Fr 08:00-17:00"]),
        ("Mo-Fr 8am-5pm", ["Mo-Fr 08:00-17:00"]),
        ("Mo-Fr 0800-1700", ["Mo-Fr 08:00-17:00"]),
        ("Mo-Fr 08:00-12:00 13:00-17:00", ["Mo-Fr 08:00-12:00", "Mo-Fr 13:00-17:00"]),
        ("Fr-Mo 09:00-17:00", ["Mo,Fr-Su 09:00-17:00"]),
        ("Sa, Su closed, Mo-Fr 8am-5pm", ["Mo-Fr 08:00-17:00"]),
        ("Mo-Fr 08:00-17:00 Sa 09:00-12:00", ["Mo-Fr 08:00-17:00", "Sa 09:00-12:00"]),
        ("Mo-Fr 8:00-17:00 (IOP groups Tu,Th 18:00-21:00)", ["Mo-Fr 08:00-17:00"]),
        ("Mon-Fri 8:00-17:00", ["Mo-Fr 08:00-17:00"]),
        ("Mo-Fr 9-5", ["Mo-Fr 09:00-17:00"]),
    ],
)
def test_markup_hours_as_sites_write_them(written: str, hours: list[str]) -> None:
    assert markup_hours({"openingHours": written}) == hours


def test_office_hours_run_on_past_a_days_p_m() -> None:
    """ "Monday\u2013Thursday 10 a.m.\u20137 p.m. Friday 9 a.m.\u20133 p.m." is one list of
    hours, not a sentence that ends at "p.m." and a Friday with no word of an office."""
    reading = read_text(
        "Office hours: Monday\u2013Thursday 10 a.m.\u20137 p.m. Friday 9 a.m.\u20133 p.m.",
        crawl_date=date(2026, 12, 5),
    )
    assert reading.facts["schedule.opening_hours"] == ["Mo-Th 10:00-19:00", "Fr 09:00-15:00"]


def test_an_iop_page_among_an_organisations_services_stands_for_the_program() -> None:
    """A community behavioural health centre lists its services at /services, the IOP one of
    them: the IOP's page is the listing, not the home page. A practice whose site is its IOP
    is listed by its home page, as is a site with two IOP pages (two tracks)."""

    def page(path: str, heading: str) -> PageRecord:
        html = (
            f"<html><body><main><h1>{heading}</h1><p>Our IOP meets four evenings a week.</p>"
            "</main><footer><p>1411 Sweetbay Dr, Salisbury, MD 21804</p></footer></body></html>"
        )
        return page_record(html, f"https://centre.example{path}", date(2026, 12, 5), [])

    home = page("/", "Nanticoke Community Behavioral Health")
    program = page("/services/adult-iop", "Adult Intensive Outpatient Program")
    (listed,) = site_locations([home, page("/services", "Services"), program], home.url)
    assert listed.ref == program.url
    practice = page("/intensive-outpatient", "Intensive Outpatient Program")
    (alone,) = site_locations([home, page("/about", "About us"), practice], home.url)
    assert alone.ref == home.url
    tracks = [practice, page("/evening-iop", "Evening IOP")]
    (two,) = site_locations([home, page("/about", "About us"), *tracks], home.url)
    assert two.ref == home.url


def test_the_one_place_running_the_iop_is_listed_by_the_iop_page_not_its_contact_page() -> None:
    """A sober-living operator's site: its IOP centre (shown on the contact page), an outreach
    office with no IOP, and one IOP page. The IOP page stands for the centre."""
    footer = "<footer><p>Red River Sober Homes</p></footer>"

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
        return page_record(html, f"https://redriver.example{path}", date(2026, 12, 5), [])

    pages = [
        page("/", "Sober living and outpatient treatment", "<p>Homes and an IOP in Fargo.</p>"),
        page("/contact/", "Contact", "<p>Recovery Center: 1401 25th St S, Fargo, ND 58103</p>"),
        page("/iop/", "Intensive Outpatient Program", "<p>Our IOP meets three evenings a week"
             " at the Recovery Center, 1401 25th St S, Fargo, ND 58103.</p>"),
        page("/locations/", "Locations", "<p>Recovery Center (IOP): 1401 25th St S, Fargo, ND"
             " 58103</p><p>Bismarck outreach office: 600 E Main Ave, Bismarck, ND 58501. No IOP"
             " is offered in Bismarck.</p>"),
    ]  # fmt: skip
    running = [
        location
        for location in site_locations(pages, "https://redriver.example/")
        if location.set_aside is None
    ]
    assert [location.ref for location in running] == ["https://redriver.example/iop/"]


def test_a_systems_insurance_page_for_all_its_care_speaks_for_its_programs() -> None:
    """A hospital's insurance page says every hospital, clinic and program takes its plans: its
    plans are the IOP's (where the IOP's pages say nothing of them). A page about paying for
    something else (a pharmacy's) is not."""

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (f"<html><head><title>Coosa Valley Health</title></head><body><main><h1>{heading}"
                f"</h1>{text}</main></body></html>")  # fmt: skip
        return page_record(html, f"https://cvh.example{path}", date(2026, 12, 5), [])

    pages = [
        page("/", "Coosa Valley Health", "<p>Care close to home.</p>"),
        page("/services/bridgeway", "Bridgeway Recovery (IOP)", "<p>Evening groups.</p>"),
        page("/patients/insurance", "Insurance & Billing",
             "<p>All Coosa Valley Health hospitals, clinics and outpatient programs accept the"
             " plans below.</p><ul><li>Alabama Medicaid</li><li>TRICARE East</li></ul>"),
        page("/patients/pharmacy-billing", "Pharmacy billing",
             "<p>Our retail pharmacy accepts Medicare Part D plans.</p>"),
    ]  # fmt: skip
    facts = organization_facts(pages, "https://cvh.example/")
    assert {path: value for path, (value, _) in facts.items()} == {
        "payment.medicaid": True,
        "payment.military_insurance": True,
    }
    assert facts["payment.medicaid"][1][1] == "https://cvh.example/patients/insurance"


def test_markup_whose_number_no_page_shows_gives_way_to_the_line_the_list_of_places_gives() -> None:
    """Every page lists each centre with its line, so no page has a line of its own; the
    centre's markup keeps a number no page shows: the list's line for its address is its own."""
    marked = {
        "phones": [Phone.model_construct(number="+1-309-555-0150")],
        "address.street1": "161 E Main St",
        "address.city": "Galesburg",
        "address.state": "IL",
        "address.postal_code": "61401",
    }
    places = "".join(
        f"<p>{town}<br>{street}<br>{town}, IL {zip_code}<br>(309) 555-01{line}</p>"
        for town, street, zip_code, line in (
            ("Galesburg", "161 E Main St", "61401", "58"),
            ("Quincy", "520 Maine St", "62301", "52"),
            ("Macomb", "11 S Lafayette St", "61455", "63"),
            ("Canton", "40 N Main St", "61520", "67"),
        )
    )
    html = f"<html><body><main><h1>Galesburg</h1></main><footer>{places}</footer></body></html>"
    page = page_record(html, "https://spoon.example/locations/galesburg", date(2026, 12, 5),
                       [marked])  # fmt: skip
    place = {path: value for path, value in marked.items() if path.startswith("address.")}
    read = facts_from_pages([page], "test", place=place)
    lines = [ten_digits(phone) for phone in read.facts["phones"]]
    assert "3095550158" in lines
    assert "3095550150" not in lines


def _practice_page(
    path: str, heading: str, text: str, site: str = "Otter Creek Collective"
) -> PageRecord:
    footer = ("<footer><p>Middlebury<br>98 Court St, Suite 3, Middlebury, VT 05753<br>"
              "(802) 555-0144</p><p>Vergennes<br>Individual therapy only<br>(802) 555-0145</p>"
              "</footer>")  # fmt: skip
    html = (f"<html><head><title>{heading} | {site}</title></head><body><main><h1>{heading}</h1>"
            f"{text}</main>{footer}</body></html>")  # fmt: skip
    return page_record(html, f"https://otter.example{path}", date(2026, 12, 5), [])


def test_the_iop_is_where_its_sentences_say_it_meets_not_at_the_office_a_page_lists() -> None:
    """The offices page shows the second office's address (no other page does), so that page is
    its own; the sentences stating the IOP meet in the first office's town: the IOP is there.
    The home page of a practice whose site shows another office speaks for the practice, not
    the IOP: the IOP's page lists it. A site of one place is listed by its home page."""
    pages = [
        _practice_page("/", "Therapy, together", "<p>Individual therapy and an evening IOP.</p>"),
        _practice_page("/iop", "Evening IOP",
                       "<p>Our IOP groups meet in person in Middlebury, Monday, Wednesday and"
                       " Thursday from 5:30 to 8:30 p.m.</p>"),
        _practice_page("/our-offices", "Our Offices",
                       "<p>Middlebury: 98 Court St, Suite 3, Middlebury, VT 05753. Home of the"
                       " Evening IOP.</p><p>Vergennes: 11 Green St, Vergennes, VT 05491. Individual"
                       " therapy on Tuesdays.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://otter.example/")
    assert location.place["address.city"] == "Middlebury"
    assert location.ref == "https://otter.example/iop"
    # A contact page headed with the program's name is no program page; a site named as the IOP
    # is the program's own, listed by its home page.
    contact = _practice_page("/contact", "Contact Otter Creek IOP", "<p>Call us.</p>")
    (named,) = site_locations([pages[0], contact], "https://otter.example/")
    assert named.ref == "https://otter.example/"
    iop_site = [_practice_page(page.url.split(".example")[1], page.names.heading or "",
                               "<p>Our IOP groups meet in Middlebury.</p>", "Otter Creek IOP")
                for page in pages[:2]]  # fmt: skip
    (own_site,) = site_locations(iop_site, "https://otter.example/")
    assert own_site.ref == "https://otter.example/"


def test_a_program_page_not_headed_as_the_iop_is_found_by_what_it_says() -> None:
    """A practice with a therapy page beside its named program ("Second Wind"), whose page
    states the IOP and how it runs (the about page states the IOP but nothing of its groups):
    the program's page stands for it."""
    pages = [
        _practice_page("/", "Counseling for every season", "<p>Adult therapy in Middlebury.</p>"),
        _practice_page("/second-wind", "Second Wind",
                       "<p>Second Wind is our intensive outpatient program for adults over 55."
                       " Groups meet Tuesday and Thursday evenings, 6 to 9 p.m., for 10 weeks."
                       "</p>"),
        _practice_page("/about", "About the practice",
                       "<p>We added an intensive outpatient program in 2024.</p>"),
        _practice_page("/couples", "Individual & couples therapy", "<p>Weekly sessions.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://otter.example/")
    assert location.ref == "https://otter.example/second-wind"


def test_what_a_page_says_of_another_place_alone_is_not_this_ones_but_a_referral_there_is() -> None:
    html = ("<html><body><main><h1>Lantana Trail \u2013 Kerrville</h1><p>Our Kerrville center"
            " offers intensive outpatient treatment.</p><p>Our San Antonio campus offers"
            " residential treatment.</p><p>We arrange direct admission to medical detox at our"
            " San Antonio campus.</p></main></body></html>")  # fmt: skip
    page = page_record(html, "https://lantana.example/kerrville", date(2026, 12, 5), [])
    place = {"address.street1": "1250 Sidney Baker St", "address.city": "Kerrville",
             "address.state": "TX", "address.postal_code": "78028"}  # fmt: skip
    read = facts_from_pages([page], "test", place=place, elsewhere=("San Antonio",))
    assert read.facts["detox.detox_referral"] is True
    assert "levels_of_care.residential" not in read.facts
    # The organisation's word on paying holds for this place unless it names another alone.
    organization = {
        "payment.medicare": (True, ("Medicare is accepted at our San Antonio campus only.", None)),
        "payment.medicaid": (True, ("All our centers accept Texas Medicaid.", None)),
    }
    read = facts_from_pages([page], "test", place=place, elsewhere=("San Antonio",),
                            organization=organization)  # fmt: skip
    assert read.facts["payment.medicaid"] is True
    assert "payment.medicare" not in read.facts


def test_what_the_review_found_of_the_program_page_and_its_place() -> None:
    """A comparison, a cost page or an alumni page headed with "IOP" is not the program's page;
    a PHP's page says most of how it runs but is not the IOP's; a pharmacy's plans are not the
    programs'."""
    home = _practice_page("/", "Recovery starts here", "<p>Adults in Addison County.</p>")
    articles = [
        _practice_page("/iop-vs-php", "IOP vs. PHP: What's the Difference?", "<p>Compare.</p>"),
        _practice_page("/iop-cost", "IOP Cost & Insurance", "<p>We take most plans.</p>"),
        _practice_page("/iop-alumni", "IOP Alumni Program", "<p>Monthly dinners.</p>"),
    ]
    for page in articles:
        (location,) = site_locations([home, page], "https://otter.example/")
        assert location.ref == "https://otter.example/", page.url
    php = _practice_page("/php", "Partial Hospitalization Program",
                         "<p>Our partial hospitalization program meets weekdays 9 to 3 for 3"
                         " weeks; then patients step down to our intensive outpatient"
                         " program.</p>")  # fmt: skip
    (location,) = site_locations([home, php], "https://otter.example/")
    assert location.ref == "https://otter.example/"
    pharmacy = page_record(
        "<html><body><main><h1>Pharmacy</h1><p>All of our retail pharmacy locations accept"
        " Medicare Part D and Alabama Medicaid plans.</p></main></body></html>",
        "https://cvh.example/pharmacy", date(2026, 12, 5), [],
    )  # fmt: skip
    assert organization_facts([pharmacy], "https://cvh.example/") == {}


def _agency_page(path: str, heading: str, text: str, markup: str = "") -> PageRecord:
    footer = ("<footer><p>Wisconsin Rapids Clinic 620 W Grand Ave, Suite 200 Wisconsin Rapids, WI"
              " 54494 715-555-0161</p><p>Marshfield Clinic 1100 N Central Ave Marshfield, WI 54449"
              " 715-555-0171</p><p>Administration 3150 8th St S Wisconsin Rapids, WI 54494"
              " 715-555-0160</p></footer>")  # fmt: skip
    html = (f"<html><head>{markup}</head><body><main><h1>{heading}</h1>{text}</main>{footer}"
            "</body></html>")  # fmt: skip
    url = f"https://tamarack.example{path}"
    entities = [schema_org.entity_facts(e) for e in schema_org.entities(html, url)]
    return page_record(html, url, date(2026, 12, 6), [e for e in entities if e])


def test_an_administration_office_is_no_place_of_care() -> None:
    """An agency's footer lists two clinics and its administration; its home page's markup gives
    the administration's address. Each clinic's page is a facility; the home page, whose only
    address is the administration's, is none. An address the list gives as a clinic too (the
    Evans clinic beside "Administration" at the same door) stays a place."""
    ngo = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NGO",'
           ' "name": "Tamarack", "address": {"@type": "PostalAddress", "streetAddress":'
           ' "3150 8th St S", "addressLocality": "Wisconsin Rapids", "addressRegion": "WI",'
           ' "postalCode": "54494"}}</script>')  # fmt: skip
    pages = [
        _agency_page("/", "Help close to home", "<p>IOP openings at both clinics.</p>", ngo),
        _agency_page("/locations/wisconsin-rapids", "Wisconsin Rapids Clinic",
                     "<p>620 W Grand Ave, Suite 200, Wisconsin Rapids, WI 54494. Day and evening"
                     " IOP.</p>"),
        _agency_page("/locations/marshfield", "Marshfield Clinic",
                     "<p>1100 N Central Ave, Marshfield, WI 54449. Evening IOP.</p>"),
    ]  # fmt: skip
    refs = sorted(location.ref for location in site_locations(pages, "https://tamarack.example/"))
    assert refs == [
        "https://tamarack.example/locations/marshfield",
        "https://tamarack.example/locations/wisconsin-rapids",
    ]
    shown = lxml.html.fromstring(
        "<html><body><footer><p>Evans<br>3720 Golden St<br>Evans, CO 80620</p><p>Administration"
        "<br>3720 Golden St<br>Evans, CO 80620</p><p>Business office<br>12 Oak St<br>Evans, CO"
        " 80620</p></footer></body></html>"
    )
    # The same door given on a page of its own as a clinic: a place of care.
    main = _agency_page("/locations/main", "Main Clinic",
                        "<p>3150 8th St S, Wisconsin Rapids, WI 54494. Our evening IOP meets"
                        " here.</p>")  # fmt: skip
    located = site_locations([*pages, main], "https://tamarack.example/")
    assert "3150 8th St S" in [location.place.get("address.street1") for location in located]
    # Only a label that is nothing but an office of no care: not "Clinic & Administration".
    both = lxml.html.fromstring(
        "<html><body><footer><p>Outpatient Clinic &amp; Administration<br>3150 8th St S<br>"
        "Wisconsin Rapids, WI 54494</p></footer></body></html>"
    )
    assert not seen_addresses(both)[0].of_no_care
    evans, office = seen_addresses(shown)
    assert evans.facts["address.street1"] == "3720 Golden St" and not evans.of_no_care
    assert office.facts["address.street1"] == "12 Oak St" and office.of_no_care


def _chain_page(path: str, heading: str, text: str) -> PageRecord:
    footer = (
        "<footer><div><strong>Campus &amp; Headquarters</strong><br>3900 Kingston Pike, "
        "Knoxville, TN 37919</div><div><strong>Greeneville</strong><br>1410 Tusculum Blvd, "
        "Suite 4<br>Greeneville, TN 37745</div><div><strong>Johnson City</strong><br>207 W "
        "Market St, Johnson City, TN 37604</div></footer>"
    )
    html = f"<html><body><main><h1>{heading}</h1><p>{text}</p></main>{footer}</body></html>"
    return page_record(html, f"https://chain.example{path}", date(2026, 12, 6), [])


def test_a_location_page_is_at_the_footer_address_of_the_town_it_is_named_for() -> None:
    """A chain whose footer lists every place and whose pages show none in their content: the
    location page headed with a town is at that town's address, not at the headquarters."""
    pages = [
        _chain_page("/", "Recovery close to home", "Detox, residential and IOP care."),
        _chain_page("/locations/greeneville", "Laurel Fork Recovery \u2013 Greeneville",
                    "Our intensive outpatient program meets mornings and evenings."),
        _chain_page("/locations/johnson-city", "Laurel Fork Recovery \u2013 Johnson City",
                    "Outpatient counseling for adults."),
    ]  # fmt: skip
    found = {
        location.ref.split(".example")[1]: (
            location.place.get("address.street1"),
            location.set_aside,
        )
        for location in site_locations(pages, pages[1].url)
    }
    assert found == {
        "/locations/greeneville": ("1410 Tusculum Blvd", None),
        "/locations/johnson-city": ("207 W Market St", NO_IOP_HERE),
    }


def test_a_departments_page_above_the_program_denies_for_it_but_offers_its_own_care() -> None:
    """A hospital's behavioural-health page above its IOP's: its PHP and inpatient unit are
    the hospital's, but what it says the hospital does not offer, the IOP does not either."""
    program = _page("https://hospital.example/services/behavioral-health/pathfinder-iop",
                    "Pathfinder IOP meets Monday through Thursday evenings.")  # fmt: skip
    department = page_record(
        "<html><body><main><h1>Behavioral Health Services</h1>"
        "<h3>Horizon Adult Partial Hospitalization Program</h3><p>Weekday day treatment.</p>"
        "<h3>Inpatient Psychiatry</h3><p>An 18-bed unit.</p>"
        "<p>We do not offer residential treatment.</p></main></body></html>",
        "https://hospital.example/services/behavioral-health",
        date(2026, 12, 6),
        [],
    )
    read = facts_from_pages([program, department], "test", name="Pathfinder IOP")
    assert "levels_of_care.partial_hospitalization" not in read.facts
    assert "levels_of_care.inpatient" not in read.facts
    assert read.facts["levels_of_care.residential"] is False
    # The same page beside the program (not above it) speaks for it.
    beside = page_record(
        "<html><body><main><h1>Our services</h1><h3>Partial Hospitalization Program</h3>"
        "</main></body></html>",
        "https://hospital.example/services/behavioral-health/pathfinder-iop/services",
        date(2026, 12, 6),
        [],
    )
    read = facts_from_pages([program, beside], "test", name="Pathfinder IOP")
    assert read.facts["levels_of_care.partial_hospitalization"] is True


def _district_page(path: str, heading: str, text: str) -> PageRecord:
    footer = (
        "<footer><p>Price River Human Services District, 120 E Main St, Price, UT 84501</p>"
        "</footer>"
    )
    html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
    return page_record(html, f"https://district.example{path}", date(2026, 12, 6), [], True)


def test_a_parents_fees_page_speaks_for_its_one_program() -> None:
    """A district's fees page names no addiction care but is the fees of all its care, the
    IOP's too; its news page is not the program's."""
    pages = [
        _district_page("/", "Price River Human Services District", "<p>Serving two counties.</p>"),
        _district_page("/185/Castle-Gate-Adult-IOP", "Castle Gate Adult IOP",
                       "<p>Our intensive outpatient program meets evenings.</p>"
                       "<p>475 W Price River Dr, Suite 100, Price, UT 84501</p>"),
        _district_page("/200/Fees-Insurance", "Fees & Insurance",
                       "<p>We bill Medicaid and most private insurance.</p>"),
        _district_page("/CivicAlerts", "News Flash", "<p>The office closes for the holiday.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[1].url)
    assert {page.url.split(".example")[1] for page in location.pages} == {
        "/185/Castle-Gate-Adult-IOP",
        "/200/Fees-Insurance",
    }


def test_a_table_of_each_offices_track_gives_each_office_its_week() -> None:
    table = """<h1>Intensive Outpatient Program</h1><table><thead><tr><th>Clinic</th>
    <th>Track</th><th>Days</th><th>Time</th></tr></thead><tbody>
    <tr><td>Fall River</td><td>Day IOP</td><td>Monday&ndash;Friday</td>
    <td>9:00&ndash;12:00</td></tr>
    <tr><td>New Bedford</td><td>Evening IOP</td><td>Mon, Wed, Thu</td>
    <td>5:30&ndash;8:30 p.m.</td></tr></tbody></table>"""
    html = f"<html><body><main>{table}</main></body></html>"
    page = page_record(html, "https://offices.example/iop", date(2026, 12, 6), [])
    elsewhere = ("Fall River", "New Bedford")
    weeks = {
        town: facts_from_pages(
            [page], "test", place={"address.city": town}, elsewhere=elsewhere
        ).facts.get("schedule.hours_per_week")
        for town in elsewhere
    }
    assert weeks == {"Fall River": 15.0, "New Bedford": 9.0}


def test_care_offered_at_another_office_not_this_one_is_denied_here() -> None:
    html = (
        "<html><body><main><p>Partial hospitalization is offered at Franklinton, not in"
        " Bogalusa.</p></main></body></html>"
    )
    page = page_record(html, "https://chain.example/locations/bogalusa", date(2026, 12, 6), [])
    elsewhere = ("Bogalusa", "Franklinton")
    phps = {
        town: facts_from_pages(
            [page], "test", place={"address.city": town}, elsewhere=elsewhere
        ).facts.get("levels_of_care.partial_hospitalization")
        for town in elsewhere
    }
    assert phps == {"Bogalusa": False, "Franklinton": True}


@pytest.mark.parametrize(
    "text",
    [
        "Floors 2-3 Medical Arts Building, Tulsa, OK 74103",
        "Ages 13-17 Teen Center, Tulsa, OK 74103",
        "Call 1-800 Main Street Recovery, Suite 200, Dallas, TX 75201",
        "Hours 9-5 Main Street, Brooklyn, NY 11201",
    ],
)
def test_a_range_before_a_street_is_no_house_number(text: str) -> None:
    assert addresses_in(text) == []


def test_a_location_page_named_for_a_street_is_no_towns() -> None:
    """ "Jackson Street Clinic" at /locations/jackson-street is not the Jackson office."""
    pages = [
        _chain_page("/", "Recovery close to home", "Detox, residential and IOP care."),
        _chain_page("/locations/greeneville-street", "Greeneville Street Clinic",
                    "Our intensive outpatient program meets evenings."),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[1].url)
    assert location.place.get("address.street1") != "1410 Tusculum Blvd"


def test_a_unit_on_its_own_line_before_the_street_is_the_addresss() -> None:
    """A building's floor written above its street ("Big Lake Outpatient Center, 2nd Floor" /
    "405 NE 19th St") is the address's unit, not a reason to skip the address; a unit's number
    right before a street ("Suite 405 NE 19th St") is still no house number."""
    text = "Location\nBig Lake Outpatient Center, 2nd Floor\n405 NE 19th St\nOkeechobee, FL 34972"
    assert addresses_in(text) == [
        {
            "address.street1": "405 NE 19th St",
            "address.street2": "2nd Floor",
            "address.city": "Okeechobee",
            "address.state": "FL",
            "address.postal_code": "34972",
        }
    ]
    assert addresses_in("Suite 405 NE 19th St, Okeechobee, FL 34972") == []
    assert addresses_in("P.O. Box 1187, Medford, OR 97501") == []


@pytest.mark.parametrize(
    ("text", "chanute", "parsons"),
    [
        # each place's part of the sentence gives it its own track
        ("Our IOP runs a day track in Chanute and an evening track in Parsons.", None, True),
        # a list of places sharing one predicate gives each of them it
        ("Buprenorphine prescribing is available at our Chanute and Parsons IOPs.", True, True),
    ],
)
def test_a_sentence_giving_each_place_its_own_part_gives_it_only_its_own(
    text: str, chanute: bool | None, parsons: bool | None
) -> None:
    path = "schedule.evening" if "track" in text else "medications.mat_buprenorphine"
    page = page_record(
        f"<html><body><main><p>{text}</p></main></body></html>",
        "https://chain.example/iop",
        date(2026, 12, 6),
        [],
    )
    elsewhere = ("Chanute", "Parsons")
    read = {
        town: facts_from_pages(
            [page], "test", place={"address.city": town}, elsewhere=elsewhere
        ).facts.get(path)
        for town in elsewhere
    }
    assert read == {"Chanute": chanute, "Parsons": parsons}


def test_a_weeks_hours_are_under_their_own_heading_not_the_pages_last() -> None:
    """Weekly hours added up from a schedule's sentence keep that sentence's heading, not the
    heading of a sidebar card read after it ("Metter Clinic", another of the site's places)."""
    page = page_record(
        "<html><body><main><h1>Intensive Outpatient Program</h1><p>The evening group meets"
        " Tuesday, Wednesday and Thursday from 5:30 to 8:30 pm.</p>"
        "<aside><h4>Metter Clinic</h4><p>35 S Rountree St, Metter, GA 30439</p></aside>"
        "</main></body></html>",
        "https://health.example/iop/",
        date(2026, 12, 6),
        [],
    )
    facts = facts_from_pages(
        [page], "test", place={"address.city": "Statesboro"}, elsewhere=("Metter",)
    ).facts
    assert facts["schedule.hours_per_week"] == 9


def test_a_clinic_listed_with_its_town_alone_keeps_its_hours() -> None:
    """A list of a health center's clinics, some given only by town, state and ZIP code ("San
    Luis Clinic / San Luis, AZ 85349, Saturday 8 to noon"): their hours are theirs, not the
    program's in Yuma."""
    page = page_record(
        "<html><body><main><h1>Locations</h1>"
        "<article><h2>Yuma Behavioral Health Center</h2><p>2250 S 4th Ave, Yuma, AZ 85364"
        "</p></article>"
        "<article><h2>San Luis Clinic</h2><p>San Luis, AZ 85349 \u00b7 928-555-0150<br>"
        "Mon\u2013Fri 7:00 am \u2013 6:00 pm; Saturday 8:00 am \u2013 12:00 pm</p></article>"
        "</main></body></html>",
        "https://health.example/locations/",
        date(2026, 12, 6),
        [],
    )

    def hours(town: str) -> list[str] | None:
        facts = facts_from_pages([page], "test", place={"address.city": town}).facts
        return facts.get("schedule.opening_hours")

    assert hours("Yuma") is None
    assert hours("San Luis") == ["Mo-Fr 07:00-18:00", "Sa 08:00-12:00"]


@pytest.mark.parametrize(
    "text",
    [
        "100 Main St\nTampa, FL 33602\n500 Oakfield Dr\nBrandon, FL 33511",
        "Mailing: PO Box 44, Unit 3\n12 Elm St\nDover, DE 19901",
    ],
)
def test_no_unit_before_a_street_from_another_address_or_a_mailbox(text: str) -> None:
    assert [place["address.street2"] for place in addresses_in(text)][-1] is None


def test_an_old_sites_layout_table_footer_cell_is_chrome() -> None:
    """A hand-made site laid out in a table, its university's address in a ``<td
    class="footer">``: that address is the page's chrome, not its content; the clinic's in the
    content cell is the page's own."""
    html = (
        "<html><body><table><tr><td><h1>Auglaize Recovery Clinic</h1><p>601 N Clinton St, Room"
        " 114<br>Defiance, OH 43512</p></td></tr><tr><td class='footer'>Auglaize University"
        " &nbsp; 700 N Clinton St, Defiance, OH 43512</td></tr></table></body></html>"
    )
    body = lxml.html.fromstring(html).find("body")
    assert {
        (place.facts["address.street1"], place.in_chrome) for place in seen_addresses(body)
    } == {
        ("601 N Clinton St", False),
        ("700 N Clinton St", True),
    }


def _mapped_page(path: str, text: str) -> PageRecord:
    html = f"<html><body><main><h1>Rio Frio Recovery</h1>{text}</main></body></html>"
    return page_record(html, f"https://riofrio.example{path}", date(2026, 12, 6), [])


MAP = (
    '<iframe src="https://maps.example/maps/embed/v1/place?key=K&amp;q=2100+E+Main+St,+Uvalde,'
    '+TX+78801"></iframe>'
)
DIRECTIONS_TO_THE_HOSPITAL = (
    '<a href="https://maps.example/dir/?api=1&amp;destination=640+S+State+St,+Uvalde,+TX+78801">'
    "Directions to the hospital</a>"
)


def test_a_site_that_writes_no_street_gives_it_in_its_map() -> None:
    """A site whose text says only "our office on East Main" in Uvalde, Texas, and whose map
    carries the street: the address the site states, not a guess."""
    pages = [_mapped_page("/", f"<p>Our office on East Main, Uvalde, Texas.</p>{MAP}")]
    (location,) = site_locations(pages, pages[0].url)
    assert location.place["address.street1"] == "2100 E Main St"


def test_a_site_that_writes_its_street_keeps_it_beside_a_map_of_another_place() -> None:
    """A page at 12 Main St with directions to the hospital's detox unit: one place, its own."""
    text = f"<p>12 Main St, Uvalde, TX 78801</p><p>Detox: {DIRECTIONS_TO_THE_HOSPITAL}</p>"
    pages = [_mapped_page("/", text)]
    (location,) = site_locations(pages, pages[0].url)
    assert (location.place["address.street1"], location.set_aside) == ("12 Main St", None)


def test_a_countys_program_page_leaves_out_its_menus_drink_driving_course() -> None:
    """A county site listed at its IOP's page, whose menu leads to its DUI program too: the DUI
    classes (Saturdays, "does not count as IOP") are not the IOP's."""
    menu = (
        "<nav><a href='/'>Home</a></nav><ul><li><a href='/bh-iop'>Intensive Outpatient</a></li>"
        "<li><a href='/bh-dui'>DUI Program</a></li><li><a href='/bh'>Behavioral Health</a></li>"
        "</ul>"
    )
    footer = "<footer><p>Plains County, 1400 W Lacey Blvd, Hanford, CA 93230</p></footer>"

    def county_page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Plains County</title></head><body>{menu}<main><h1>"
            f"{heading}</h1>{text}</main>{footer}</body></html>"
        )
        return page_record(html, f"https://plainscounty.example{path}", date(2026, 12, 6), [])

    pages = [
        county_page("/bh-iop", "Intensive Outpatient Program",
                    "<p>Hanford Substance Use Services, 620 N 11th Ave, Hanford, CA 93230</p>"
                    "<p>IOP clients attend group four evenings a week.</p>"),
        county_page("/bh-dui", "DUI Program", "<p>Classes meet Saturdays 9:00 a.m. to noon. It"
                    " does not count as IOP.</p>"),
        county_page("/bh", "Behavioral Health", "<p>Mental health and substance use care.</p>"),
        page_record(f"<html><head><title>Plains County</title></head><body><nav><a href='/bh'>"
                    f"Behavioral Health</a></nav><main><h1>Welcome</h1></main>{footer}</body>"
                    "</html>", "https://plainscounty.example/", date(2026, 12, 6), []),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == "https://plainscounty.example/bh-iop"
    assert "https://plainscounty.example/bh-dui" not in [page.url for page in location.pages]


def test_one_street_written_two_ways_is_one_place() -> None:
    """Markup's "1010 N. Riverside Dr." and the page's "1010 N. Riverside Drive", one ZIP code:
    one place (so the markup's coordinates stay with the visible address)."""
    marked = {"address.street1": "1010 N. Riverside Dr.", "address.postal_code": "87532"}
    shown = {"address.street1": "1010 North Riverside Drive", "address.postal_code": "87532"}
    other = {"address.street1": "1010 S. Riverside Drive", "address.postal_code": "87532"}
    assert address_key(marked) == address_key(shown) != address_key(other)


def test_a_recovery_houses_street_leaves_the_program_to_its_map() -> None:
    """A practice whose text says only "on Holland Avenue" and whose recovery house's page
    writes the house's street: the program is where its map and directions point, not at the
    house ("a home, not a treatment site")."""
    house = (
        "<p>Casa Sotol is a six-bed men's recovery residence at 1107 N 5th St, Alpine, TX 79830."
        " It is a home, not a treatment site.</p>"
    )
    pages = [
        _mapped_page("/", f"<p>We're on Holland Avenue, Alpine, Texas.</p>{MAP}"),
        page_record(
            f"<html><body><main><h1>Casa Sotol sober living</h1>{house}</main></body></html>",
            "https://riofrio.example/sober-living",
            date(2026, 12, 6),
            [],
        ),
    ]
    (location,) = site_locations(pages, pages[0].url)
    assert location.place["address.street1"] == "2100 E Main St"


def test_a_hospitals_utility_bar_and_its_other_departments_lines_are_not_the_programs() -> None:
    """A hospital's program page: the utility bar's switchboard over its menu, a physician's
    marked office line, the financial counselor's and the access centre's numbers are not the
    program's; its intake and front desk are."""
    html = (
        "<html><body><div class='utility-bar'>MyChart · Pay a Bill · Main number 845-555-0100"
        "</div><main><h1>Fallkill Recovery Center</h1><p>Intake 845-555-0122</p>"
        "<p>Front desk 845-555-0120</p><p>Dr. Beasley also sees patients in Princeton. Office:"
        " 845-555-0127.</p><p>Questions about your bill? Call a financial counselor at"
        " 845-555-0135.</p><p>After hours, call the Behavioral Health Access Center, 24/7:"
        " 845-555-0130.</p></main></body></html>"
    )
    root = lxml.html.fromstring(html)
    assert program_lines(root, {"8455550127"}) == ["8455550122", "8455550120"]


@pytest.mark.parametrize(
    "label",
    ["Questions about your bill? Call a financial counselor at", "Pharmacy:",
     "Behavioral Health Access Center (24/7 assessments):", "24/7 Nurse Line:",
     "Medical records:"],
)  # fmt: skip
def test_other_departments_lines_are_not_the_programs(label: str) -> None:
    assert phones_in(f"{label} 845-555-0135") == ([], ["8455550135"])


def test_a_physicians_marked_line_is_no_programs() -> None:
    """A Physician's markup on a program page gives the doctor's office line: not the IOP's."""
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "Physician", "name": "Harlan Beasley, MD", "telephone": "+1-270-555-0127"}'
        "</script></head><body><main><h1>Crossroads IOP</h1><p>Intake 270-555-0121</p><p>Dr."
        " Beasley's office: 270-555-0127.</p></main></body></html>"
    )
    found = schema_org.marked(html, "https://tradewater.example/iop")
    assert schema_org.peoples_lines(found) == {"2705550127"}
    record = page_record(
        html, "https://tradewater.example/iop", date(2026, 12, 6), [],
        not_the_programs=schema_org.peoples_lines(found),
    )  # fmt: skip
    assert [ten_digits(phone) for phone in record.contact["phones"]] == ["2705550121"]


def test_the_name_the_site_says_it_was_formerly_is_not_its_name() -> None:
    """Markup kept the old name ("Three Rivers Recovery Services") after the agency renamed
    itself; every page says "Current River Counseling Center, formerly known as Three Rivers
    Recovery Services"."""
    said = (
        "<p>Current River Counseling Center, formerly known as Three Rivers Recovery Services,"
        " has served the Ozark foothills since 1988.</p>"
    )
    marked = {"name": "Three Rivers Recovery Services", "address.street1": "2620 N Westwood Blvd"}
    pages = [
        page_record(
            f"<html><head><title>{title} | Current River Counseling Center</title></head><body>"
            f"<main><h1>{title}</h1>{said}</main></body></html>",
            f"https://crc.example{path}", date(2026, 12, 6), [marked],
        )
        for path, title in (("/", "Home"), ("/iop", "Intensive Outpatient Program"))
    ]  # fmt: skip
    assert facts_from_pages(pages, "crc").facts["name"] == "Current River Counseling Center"


def test_a_government_sites_title_names_the_agency_without_its_state() -> None:
    names = page_names(
        lxml.html.fromstring(
            "<html><head><title>Substance Use IOP | Nebo Basin Behavioral Health, UT - Official"
            " Website</title></head><body></body></html>"
        )
    )
    assert "Nebo Basin Behavioral Health" in names.title_parts


@pytest.mark.parametrize(
    ("heading", "name"),
    [("Adult Substance Use Intensive Outpatient (IOP)", "Nebo Basin Behavioral Health"),
     ("Intensive Outpatient Program", "Nebo Basin Behavioral Health"),
     ("Sendero IOP", "Sendero IOP"), ("New Leaf Intensive Outpatient", "New Leaf Intensive"
     " Outpatient"),
     # a track's or a people's program is no name of its own
     ("Evening IOP", "Nebo Basin Behavioral Health"),
     ("Intensive Outpatient Program for Men", "Nebo Basin Behavioral Health"),
     ("Dual Diagnosis Intensive Outpatient Program", "Nebo Basin Behavioral Health"),
     ("Red Earth Path Intensive Outpatient Program",
      "Red Earth Path Intensive Outpatient Program")],
)  # fmt: skip
def test_a_program_heading_naming_only_its_kind_is_no_name(heading: str, name: str) -> None:
    assert named_by_its_heading(heading, "Nebo Basin Behavioral Health") == name


def test_a_physicians_marked_line_stays_where_it_is_the_only_one() -> None:
    """A practice marked up as its physician: the one number is the program's."""
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "Physician", "name": "Price Recovery", "telephone": "+1-919-555-0133"}'
        "</script></head><body><main><h1>Price Recovery IOP</h1><p>Call 919-555-0133.</p>"
        "</main></body></html>"
    )
    found = schema_org.marked(html, "https://price.example/")
    record = page_record(
        html, "https://price.example/", date(2026, 12, 6), [],
        not_the_programs=schema_org.peoples_lines(found),
    )  # fmt: skip
    assert [ten_digits(phone) for phone in record.contact["phones"]] == ["9195550133"]


def test_a_name_the_former_one_begins_with_is_still_the_name() -> None:
    """ "Gateway (formerly Gateway Community Services)": the name is Gateway."""
    html = (
        "<html><head><title>Gateway</title></head><body><main><h1>Gateway</h1><p>Gateway"
        " (formerly Gateway Community Services) runs an evening IOP.</p></main></body></html>"
    )
    pages = [page_record(html, "https://gateway.example/", date(2026, 12, 6),
                         [{"name": "Gateway", "address.street1": "12 Main St"}])]  # fmt: skip
    assert facts_from_pages(pages, "gateway").facts["name"] == "Gateway"


def test_a_staff_pages_street_keeps_a_program_from_its_map_of_the_hospital() -> None:
    """A doctor's page writes the practice's street; the program page links directions to the
    hospital's lab: no street of the hospital's is the program's."""
    pages = [
        _mapped_page("/", f"<p>Labs: {DIRECTIONS_TO_THE_HOSPITAL}</p>"),
        page_record(
            "<html><body><main><h1>Dr. Ana Ruiz, MD</h1><p>Dr. Ruiz sees patients at 12 Main St,"
            " Uvalde, TX 78801.</p></main></body></html>",
            "https://riofrio.example/our-team/dr-ruiz", date(2026, 12, 6), [],
        ),
    ]  # fmt: skip
    streets = [
        location.place.get("address.street1") for location in site_locations(pages, pages[0].url)
    ]
    assert "640 S State St" not in streets


@pytest.mark.parametrize(
    ("text", "lines"),
    [("New clients: call the Access Center at 269-555-0140 to schedule your intake.",
      ["2695550140"]),
     ("After hours, call the Behavioral Health Access Center, 24/7: 580-555-0130.", [])],
)  # fmt: skip
def test_an_access_centre_is_the_programs_door_unless_it_is_the_24_7_line(
    text: str, lines: list[str]
) -> None:
    assert phones_in(text)[0] == lines


def test_markup_of_the_name_the_site_says_it_had_is_stale_whole() -> None:
    """ "Halifax Recovery Associates is now Chockoyotte Creek Recovery ... we moved around the
    corner": the markup kept the old name, its street and its line; none of them is served."""
    html = (
        "<html><head><title>Chockoyotte Creek Recovery</title></head><body><main><h1>Same team."
        " New name.</h1><p>Halifax Recovery Associates is now Chockoyotte Creek Recovery \u2014"
        " and in 2025 we moved around the corner to 1025 Roanoke Ave.</p></main><footer><p>"
        "Chockoyotte Creek Recovery \u00b7 1025 Roanoke Ave, Roanoke Rapids, NC 27870</p><p>Call"
        " (252) 555-0147</p></footer></body></html>"
    )
    marked = {"name": "Halifax Recovery Associates", "address.street1": "312 W 10th St",
              "address.city": "Roanoke Rapids", "address.state": "NC",
              "address.postal_code": "27870",
              "phones": [Phone.model_construct(number="2525550140")]}  # fmt: skip
    pages = [page_record(html, "https://chockoyotte.example/", date(2026, 12, 6), [marked])]
    (location,) = site_locations(pages, pages[0].url)
    facts = facts_from_pages(location.pages, "chockoyotte", place=location.place).facts
    assert facts["name"] == "Chockoyotte Creek Recovery"
    assert facts["address.street1"] == "1025 Roanoke Ave"
    assert [ten_digits(phone) for phone in facts["phones"]] == ["2525550147"]


def test_a_tracking_number_a_link_shows_is_not_the_line_it_dials() -> None:
    """A call-tracking script shows its number in a link to the office line the footer
    writes; where the link's own number is written nowhere else, the shown one stands."""
    root = lxml.html.fromstring(
        '<html><body><header><a href="tel:+17345550114">Call (734) 555-0119</a></header><main>'
        "<p>Women's IOP</p></main><footer><p>Office: (734) 555-0114</p></footer></body></html>"
    )
    assert program_lines(root) == ["7345550114"]
    alone = lxml.html.fromstring(
        '<html><body><main><a href="tel:+17345550199">Call (734) 555-0114</a></main></body></html>'
    )
    assert program_lines(alone) == ["7345550114"]


def test_a_strip_of_other_programs_cards_gives_their_lines_not_the_programs() -> None:
    html = (
        "<html><body><main><h1>Liberty Pines Recovery</h1><p>Outpatient treatment in"
        " Hinesville.</p><div><h2>Also in the Coastal Empire Recovery Network</h2><div><h3>Tybee"
        " Detox Center</h3><p>24/7 admissions: (912) 555-0102.</p></div></div></main><footer><p>"
        "1010 E Oglethorpe Hwy, Hinesville, GA 31313 (912) 555-0161</p></footer></body></html>"
    )
    record = page_record(html, "https://libertypines.example/", date(2026, 12, 6), [])
    assert [ten_digits(phone) for phone in record.contact["phones"]] == ["9125550161"]


def test_a_24_7_line_is_no_programs_line() -> None:
    assert phones_in(
        "Behavioral health crisis? Call our 24/7 line, 334-555-0169, or call or text 988."
    ) == ([], ["3345550169"])


@pytest.mark.parametrize(
    ("text", "lines"),
    [("Clinic supervisor Ana Lucia Ferrer, LCADC: (856) 555-0118.", ([], ["8565550118"])),
     ("IOP intake: (856) 555-0112", (["8565550112"], []))],
)  # fmt: skip
def test_a_persons_line_labelled_with_their_credentials_is_theirs(
    text: str, lines: tuple[list[str], list[str]]
) -> None:
    assert phones_in(text) == lines


@pytest.mark.parametrize(
    "text",
    [
        "Chockoyotte Creek Recovery is now In-Network with Aetna!",
        "Chockoyotte Creek Recovery is now CARF Accredited.",
        "Great news: Chockoyotte Creek Recovery is now Joint Commission accredited.",
        "Chockoyotte Creek Recovery is now Open in Rocky Mount!",
    ],
)
def test_news_of_what_a_program_now_is_is_no_new_name(text: str) -> None:
    """The program's markup (its street, its line) stays: nothing says it had another name."""
    html = (
        f"<html><head><title>Chockoyotte Creek Recovery</title></head><body><main><h1>News</h1>"
        f"<p>{text}</p></main></body></html>"
    )
    marked = {"name": "Chockoyotte Creek Recovery", "address.street1": "1025 Roanoke Ave"}
    pages = [page_record(html, "https://chockoyotte.example/", date(2026, 12, 6), [marked])]
    assert facts_from_pages(pages, "chockoyotte").facts["address.street1"] == "1025 Roanoke Ave"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Towson, MD: (410) 555-0100", (["4105550100"], [])),
        ("Intake Coordinator Jamie Ruiz, CADC: 555-234-5670", (["5552345670"], [])),
        ("Contact Ana Lucia Ferrer, LCADC: (856) 555-0118", (["8565550118"], [])),
        ("Questions? Call our 24/7 line, (615) 555-0190, to start intake today.",
         (["6155550190"], [])),
    ],
)  # fmt: skip
def test_lines_the_review_of_the_forty_fourth_sets_rules_found(
    text: str, lines: tuple[list[str], list[str]]
) -> None:
    assert phones_in(text) == lines


def test_a_linked_number_in_the_text_is_the_sites_word_whatever_it_dials() -> None:
    root = lxml.html.fromstring(
        '<html><body><main><p>Evening IOP line: <a href="tel:7345550100">734-555-0122</a></p>'
        "<p>Main office: 734-555-0100</p></main></body></html>"
    )
    assert program_lines(root) == ["7345550122", "7345550100"]


def test_a_strips_words_and_the_programs_own_card_keep_their_lines() -> None:
    html = (
        "<html><body><main><h1>Savannah Recovery</h1><div><h2>Also in our network</h2><p>All"
        " locations share one intake line: (912) 555-0140</p><div><h3>Our Savannah IOP</h3>"
        "<p>Call (912) 555-0141</p></div></div></main></body></html>"
    )
    record = page_record(html, "https://savannah.example/", date(2026, 12, 6), [])
    assert [ten_digits(phone) for phone in record.contact["phones"]] == [
        "9125550140",
        "9125550141",
    ]


def test_a_printed_vcards_address_is_the_sites_address() -> None:
    """A virtual program's contact page prints its card: its ADR line is its business
    office."""
    html = (
        "<html><head><title>Lamoille Virtual IOP</title></head><body><main><h1>Contact</h1>"
        '<pre class="vcard">BEGIN:VCARD\nVERSION:3.0\nFN:Lamoille Virtual IOP\n'
        "TEL;TYPE=WORK,VOICE:+1-802-555-0137\nADR;TYPE=WORK:;Suite 3;88 Portland St;Morrisville;"
        "VT;05661;USA\nEND:VCARD</pre></main></body></html>"
    )
    record = page_record(html, "https://lamoille.example/contact", date(2026, 12, 6), [])
    (seen,) = record.seen
    assert (seen.facts["address.street1"], seen.facts["address.street2"]) == (
        "88 Portland St",
        "Suite 3",
    )
    assert (seen.facts["address.city"], seen.facts["address.postal_code"]) == (
        "Morrisville",
        "05661",
    )
    assert [ten_digits(phone) for phone in record.contact["phones"]] == ["8025550137"]


def test_a_site_listed_with_its_departments_directory_is_its_iops_page() -> None:
    """A county's behavioral-health service directory lists every program; its IOP's own page
    (a sibling, not below it) is the program's."""
    footer = "<footer><p>7150 Main St, Bonners Ferry, ID 83805</p></footer>"
    pages = [
        page_record(
            f"<html><body><main><h1>{heading}</h1><p>{text}</p></main>{footer}</body></html>",
            f"https://moyie.example{path}", date(2026, 12, 6), [],
        )
        for path, heading, text in (
            ("/320/Behavioral-Health-Service-Directory", "Behavioral Health Service Directory",
             "Adult outpatient counseling; Intensive Outpatient Program; DUI classes."),
            ("/325/Intensive-Outpatient-Program", "Intensive Outpatient Program (IOP)",
             "Our IOP meets three evenings a week."),
        )
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == "https://moyie.example/325/Intensive-Outpatient-Program"


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ("<title>Home :: Washita Intertribal Health Authority</title>",
         "Washita Intertribal Health Authority"),
        ('<title>Home</title></head><body><a href="/"><img class="logo" src="/l.png"'
         ' alt="Washita Intertribal Health Authority - home"></a>',
         "Washita Intertribal Health Authority"),
        ('<title>Home</title></head><body><img class="logo" src="/l.png" alt="Go to the Sunrise'
         ' Recovery homepage">', "Sunrise Recovery"),
        ('<title>Home</title></head><body><img class="logo" src="/l.png" alt="Home Again'
         ' Recovery logo">', "Home Again Recovery"),
        ('<title>Home</title></head><body><img class="logo" src="/l.png" alt="Back to Basics'
         ' Recovery">', "Back to Basics Recovery"),
    ],
)  # fmt: skip
def test_a_sites_name_without_its_titles_and_logos_link_words(head: str, name: str) -> None:
    root = lxml.html.fromstring(f"<html><head>{head}</body></html>")
    assert site_name([page_names(root)]) == name


def test_struck_out_hours_and_numbers_are_no_longer_the_programs() -> None:
    html = (
        "<html><body><main><h1>Contact</h1><p>Office: (479) 555-0132 <small>(our old number,"
        " <del>(479) 555-0119</del>, no longer works)</small></p><p>Office hours: Monday\u2013"
        "Friday <del>8:00 a.m.\u20134:30 p.m.</del> <ins>8:00 a.m.\u20136:30 p.m.</ins></p>"
        "</main></body></html>"
    )
    record = page_record(html, "https://ridge.example/contact", date(2026, 12, 6), [])
    assert [ten_digits(phone) for phone in record.contact["phones"]] == ["4795550132"]
    assert record.reading.facts["schedule.opening_hours"] == ["Mo-Fr 08:00-18:30"]


def _authority_page(path: str, heading: str, text: str) -> PageRecord:
    footer = (
        "<footer><p>Administration<br>300 Agency Rd<br>Anadarko, OK 73005</p><p>Behavioral"
        " Health Building<br>1422 E Central Blvd<br>Anadarko, OK 73005</p></footer>"
    )
    html = (
        f"<html><head><title>{heading} :: Washita Intertribal Health Authority</title></head>"
        f"<body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
    )
    return page_record(html, f"https://wiha.example{path}", date(2026, 12, 6), [])


def test_a_health_authoritys_named_program_stands_on_its_own_page_by_its_own_name() -> None:
    pages = [
        _authority_page("/", "Health care for our people",
                        "<p>We provide primary care, dental and behavioral health.</p>"),
        _authority_page("/behavioral-health/red-earth-path-iop/",
                        "Red Earth Path Intensive Outpatient Program",
                        "<p>Where: 1422 E Central Blvd, Anadarko, OK 73005</p>"
                        "<p>Groups meet Monday through Thursday, 9:00 a.m. to noon.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == "https://wiha.example/behavioral-health/red-earth-path-iop/"
    assert location.name == "Red Earth Path Intensive Outpatient Program"
    assert location.place["address.street1"] == "1422 E Central Blvd"


def test_an_office_still_to_open_is_no_location() -> None:
    footer = "<footer><p>1860 Main St NW, Suite 5, Los Lunas, NM 87031</p></footer>"
    pages = [
        page_record(
            f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>",
            f"https://mesa.example{path}", date(2026, 12, 6), [],
        )
        for path, heading, text in [
            ("/", "Valencia Mesa Recovery", "<p>Evening IOP in Los Lunas.</p>"),
            ("/locations/belen/", "Belen office \u2014 coming spring 2027",
             "<p>We are planning a second office at 401 Becker Ave, Belen, NM 87002.</p>"),
        ]
    ]  # fmt: skip
    assert [location.ref for location in site_locations(pages, pages[0].url)] == [
        "https://mesa.example/"
    ]


def test_a_payers_table_by_office_gives_each_office_its_own_column() -> None:
    offices = {
        "sunnyside": "<p>1310 E Edison Ave, Suite 4, Sunnyside, WA 98944</p>",
        "toppenish": "<p>115 S Elm St, Toppenish, WA 98948</p>",
    }
    table = (
        "<h1>Insurance</h1><p>What each office can bill today:</p><table><tr><th>Payer</th>"
        "<th>Sunnyside</th><th>Toppenish</th></tr><tr><td>Apple Health (Medicaid)</td><td>"
        "\u2713</td><td>\u2014*</td></tr><tr><td>Self-pay</td><td>\u2713</td><td>\u2713</td>"
        "</tr></table>"
    )
    pages = [
        page_record(
            f"<html><body><main>{text}</main></body></html>", f"https://lv.example{path}",
            date(2026, 12, 6), [],
        )
        for path, text in [
            ("/", "<h1>Lower Valley Recovery Alliance</h1><p>Intensive outpatient in two towns."
                  "</p>"),
            ("/insurance", table),
            *((f"/locations/{town}", f"<h1>{town.title()} office</h1>{address}<p>Our IOP"
               " meets here.</p>") for town, address in offices.items()),
        ]
    ]  # fmt: skip
    read = {
        location.place["address.city"]: facts_from_pages(
            location.pages, "lv", place=location.place, elsewhere=location.elsewhere
        ).facts
        for location in site_locations(pages, pages[0].url)
    }
    assert read["Sunnyside"]["payment.medicaid"] is True
    assert read["Toppenish"]["payment.medicaid"] is False
    assert read["Sunnyside"]["payment.self_pay"] is read["Toppenish"]["payment.self_pay"] is True


def test_a_programs_page_heading_is_its_name_only_when_it_names_it() -> None:
    """A single program's page deeper than the home page: "Addiction Recovery IOP", "How Our
    IOP Works" or its town's "Salem IOP" name nothing; the site's name stands."""
    for heading in ("Behavioral Health Services", "Addiction Recovery IOP", "How Our IOP Works",
                    "Salem IOP", "Intensive Outpatient Program in Salem, Oregon"):  # fmt: skip
        pages = [
            page_record(
                f"<html><head><title>{title} | Riverbend Counseling</title></head><body><main>"
                f"<h1>{title}</h1>{text}</main><footer><p>12 Court St NE, Salem, OR 97301</p>"
                "</footer></body></html>",
                f"https://riverbend.example{path}", date(2026, 12, 6), [],
            )
            for path, title, text in [
                ("/", "Riverbend Counseling", "<p>Counseling, couples therapy and an IOP.</p>"),
                ("/services/iop", heading, "<p>Our intensive outpatient program meets"
                 " evenings.</p>"),
                ("/services/couples", "Couples Therapy", "<p>For couples.</p>"),
            ]
        ]  # fmt: skip
        (location,) = site_locations(pages, pages[0].url)
        assert location.name is None, heading


def _office(path: str, heading: str, text: str) -> PageRecord:
    html = f"<html><body><main><h1>{heading}</h1>{text}</main></body></html>"
    return page_record(html, f"https://loup.example{path}", date(2026, 12, 6), [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Clients from the Ord area who need an IOP attend in Broken Bow.",
        "Nebraska residents can attend IOP at our Broken Bow, NE office.",
        "For intensive outpatient care, we refer Ord clients to our Broken Bow or Kearney"
        " programs.",
    ],
)
def test_an_office_whose_page_sends_its_clients_elsewhere_for_the_iop_is_set_aside(
    sentence: str,
) -> None:
    pages = [
        _office("/", "Care close to home", "<p>Outpatient counseling at three offices.</p>"),
        _office("/locations/broken-bow/", "Broken Bow Office",
                "<p>415 S 9th Ave, Broken Bow, NE 68822</p><p>The Broken Bow IOP meets in the"
                " evening.</p>"),
        _office("/locations/ord/", "Ord Office",
                f"<p>1612 L St, Ord, NE 68862</p><p>{sentence}</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found == {
        "https://loup.example/locations/broken-bow/": None,
        "https://loup.example/locations/ord/": NO_IOP_HERE,
    }


def test_a_hospitals_program_page_listed_without_an_address_is_the_programs_page() -> None:
    hospital = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "Hospital", "name": "Greenhorn Valley Health", "address": {"@type": "PostalAddress",'
        ' "streetAddress": "900 Rhodes Ave", "addressLocality": "Canon City", "addressRegion":'
        ' "CO", "postalCode": "81212"}}</script>'
    )
    footer = "<footer><p>900 Rhodes Ave, Canon City, CO 81212</p></footer>"

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head>{hospital}</head><body><main><h1>{heading}</h1>{text}</main>"
            f"{footer}</body></html>"
        )
        url = f"https://gvh.example{path}"
        found = [e for e in schema_org.marked(html, url) if schema_org.wanted(e)]
        return page_record(
            html, url, date(2026, 12, 6), [f for e in found if (f := schema_org.entity_facts(e))],
            parent_marked=any(schema_org.is_parent(e) for e in found),
        )  # fmt: skip

    pages = [
        page("/services/behavioral-health/pathways-iop", "Pathways Intensive Outpatient Program",
             "<p>Groups meet at the Pathways Center.</p>"),
        page("/locations/pathways-center", "Pathways Center",
             "<p>1420 Main St, Canon City, CO 81212</p><p>Home of our IOP.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == pages[0].url
    assert location.place["address.street1"] == "1420 Main St"
    assert location.name == "Pathways Intensive Outpatient Program"
    assert pages[1] in location.pages


def test_a_ministrys_page_inside_a_churchs_site_is_named_by_its_heading() -> None:
    church = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "Church", "name": "First Covenant Church of Mobridge", "telephone": "(605) 555-0185",'
        ' "address": {"@type": "PostalAddress", "streetAddress": "402 3rd Ave E",'
        ' "addressLocality": "Mobridge", "addressRegion": "SD", "postalCode": "57601"}}</script>'
    )
    html = (
        f"<html><head><title>Oahe Hope Recovery | First Covenant Church of Mobridge</title>"
        f"{church}</head><body><main><h1>Oahe Hope Recovery</h1><p>A faith-based intensive"
        " outpatient program.</p><p>Please call or text the recovery line at (605) 555-0186.</p>"
        "<p>402 3rd Ave E, Mobridge, SD 57601</p></main><footer><p>Church office: (605)"
        " 555-0185 · Prayer line: (605) 555-0187</p></footer></body></html>"
    )
    home = html.replace("Oahe Hope Recovery |", "Home |").replace(
        "<h1>Oahe Hope Recovery</h1>", "<h1>Welcome</h1>"
    )
    records = []
    for url, page in [("https://fcc.example/recovery", html), ("https://fcc.example/", home)]:
        found = [e for e in schema_org.marked(page, url) if schema_org.wanted(e)]
        facts = [f for e in found if (f := schema_org.entity_facts(e))]
        records.append(page_record(page, url, date(2026, 12, 6), facts))
    (location,) = site_locations(records, records[0].url)
    assert location.name == "Oahe Hope Recovery"
    read = facts_from_pages(location.pages, "oahe", place=location.place, name=location.name)
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["6055550186"]


@pytest.mark.parametrize(
    ("shown", "hours"),
    [
        # the page's hours for every day the markup names are the page's word
        ("Clinic hours: Monday\u2013Thursday 8:00 a.m.\u20138:00 p.m., Friday 8:00 a.m.\u2013noon",
         ["Mo-Th 08:00-20:00", "Fr 08:00-12:00"]),
        # hours for some days only are not: the markup's stand
        ("Office hours: Friday 8 a.m. to noon.", ["Mo-Fr 08:00-17:00"]),
    ],
)  # fmt: skip
def test_visible_hours_for_every_day_the_markup_names_are_the_pages_word(
    shown: str, hours: list[str]
) -> None:
    marked = {"schedule.opening_hours": ["Mo-Fr 08:00-17:00"]}
    html = (
        "<html><body><main><h1>SVU Recovery Clinic</h1><p>390 E Center St, Ephraim, UT 84627"
        f"</p><p>{shown}</p></main></body></html>"
    )
    record = page_record(html, "https://svu.example/clinic", date(2026, 12, 6), [marked])
    assert facts_from_pages([record], "test").facts["schedule.opening_hours"] == hours


def test_an_offices_own_line_about_it_keeps_a_fact_another_offices_sentence_gave_first() -> None:
    """A strip naming each office: Cambridge's own line keeps its IOP though Easton's line gave
    the IOP first; a plan for one office ("planned for 2027") gives it nothing."""
    strip = (
        "<p>Easton day IOP: open for referrals. Cambridge evening IOP: waitlist about 10 days."
        "</p><p>Saturday groups meet at our Easton office. A Saturday group at Cambridge is"
        " planned for 2027.</p>"
    )
    pages = [
        _office("/", "Choptank Shore", strip),
        _office("/locations/easton/", "Easton", "<p>8 Idlewild Ave, Easton, MD 21601</p>"),
        _office("/locations/cambridge/", "Cambridge", "<p>300 Byrn St, Cambridge, MD 21613</p>"),
    ]
    read = {
        location.place["address.city"]: facts_from_pages(
            location.pages, "test", place=location.place, elsewhere=location.elsewhere
        ).facts
        for location in site_locations(pages, pages[0].url)
    }
    assert read["Cambridge"]["levels_of_care.iop"] is True
    assert "schedule.weekend" not in read["Cambridge"]
    assert read["Easton"]["schedule.weekend"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Like our clinic in Broken Bow, we offer an intensive outpatient program.",
        "We offer an intensive outpatient program; clients may also attend in Broken Bow.",
        "Ord's IOP is the same program offered at our Broken Bow office.",
        "Clients can attend IOP in Broken Bow or here in Ord.",
    ],
)
def test_an_office_likening_its_iop_to_anothers_still_runs_it(sentence: str) -> None:
    pages = [
        _office("/", "Care close to home", "<p>Outpatient counseling at two offices.</p>"),
        _office("/locations/broken-bow/", "Broken Bow Office",
                "<p>415 S 9th Ave, Broken Bow, NE 68822</p><p>The Broken Bow IOP meets in the"
                " evening.</p>"),
        _office("/locations/ord/", "Ord Office",
                f"<p>1612 L St, Ord, NE 68862</p><p>{sentence}</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found["https://loup.example/locations/ord/"] is None


def test_a_prayer_line_open_all_day_is_not_the_programs() -> None:
    assert phones_in("Prayer line (24 hours): (870) 555-0124") == ([], ["8705550124"])


def test_what_a_page_says_of_every_office_holds_where_a_sentence_says_it_of_another() -> None:
    """ "Lindsborg offers individual counseling only" is Lindsborg's; the list of what the IOP
    includes, naming no office, is every office's; a row naming the other office is not."""
    html = (
        "<html><body><main><h1>Intensive Outpatient Program (IOP)</h1><p>The Lindsborg office"
        " offers individual counseling and medication management only; Lindsborg clients who"
        " need IOP attend in McPherson.</p><table><tr><th>Office</th><th>Days</th><th>Time</th>"
        "</tr><tr><td>McPherson</td><td>Monday, Tuesday, Thursday</td><td>6:00\u20139:00 p.m."
        "</td></tr><tr><td>Concordia</td><td>Tuesday, Wednesday, Friday</td><td>9:00 a.m."
        "\u2013noon</td></tr></table><h2>What IOP includes</h2><ul><li>Process groups</li><li>"
        "Individual counseling every other week</li></ul></main></body></html>"
    )
    page = page_record(html, "https://prairie.example/iop", date(2026, 12, 6), [])
    elsewhere = ("McPherson", "Concordia", "Lindsborg")
    read = {
        town: facts_from_pages([page], "test", place={"address.city": town}, elsewhere=elsewhere)
        for town in ("McPherson", "Concordia")
    }
    assert read["McPherson"].facts["therapies.individual_therapy"] is True
    assert read["McPherson"].facts["levels_of_care.iop"] is True
    assert read["Concordia"].facts["schedule.hours_per_week"] == 9
    assert "schedule.evening" not in read["Concordia"].facts


def _health_center_page(path: str, heading: str, text: str) -> PageRecord:
    header = "<header><p>Health Center main line (918) 555-0170</p></header>"
    footer = "<footer><p>1400 N Wood Dr, Okmulgee, OK 74447 \u00b7 (918) 555-0170</p></footer>"
    html = f"<html><body>{header}<main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
    return page_record(html, f"https://wolfcreek.example{path}", date(2026, 12, 6), [])


def test_a_program_across_the_street_is_named_and_reached_by_its_own_page() -> None:
    pages = [
        _health_center_page("/", "Healthy families", "<p>Primary care, dental and pharmacy.</p>"),
        _health_center_page("/contact", "Contact Us",
                            "<p>1400 N Wood Dr, Okmulgee, OK 74447</p><p>Walk-ins welcome.</p>"),
        _health_center_page("/services/morning-star", "Morning Star Recovery Program",
                            "<p>Morning Star is our Intensive Outpatient Program. It is at 310 E"
                            " 6th St, Okmulgee, OK 74447. Direct line: (918) 555-0172.</p>"),
    ]  # fmt: skip
    program = next(
        location
        for location in site_locations(pages, pages[0].url)
        if location.place.get("address.street1") == "310 E 6th St"
    )
    assert program.name == "Morning Star Recovery Program"
    read = facts_from_pages(program.pages, "test", place=program.place, name=program.name)
    assert ten_digits(read.facts["phones"][0]) == "9185550172"


@pytest.mark.parametrize(
    "county", ["Pecos Mesa County", "Pecos Mesa County, NM", "Pecos Mesa County, New Mexico"]
)
def test_a_department_is_named_as_its_page_writes_its_full_name(county: str) -> None:
    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Pecos Mesa County, NM - Official Website</title>"
            '<script type="application/ld+json">{"@context": "https://schema.org",'
            f' "@type": "GovernmentOrganization", "name": "{county}", "address":'
            ' {"streetAddress": "101 W Greene St", "addressLocality": "Carlsbad",'
            ' "addressRegion": "NM", "postalCode": "88220"}}</script></head><body><main>'
            f"<h1>{heading}</h1>{text}</main><footer><h4>Pecos Mesa County Administration</h4>"
            "<p>101 W Greene St, Carlsbad, NM 88220<br>Main line: (575) 555-0100</p></footer>"
            "</body></html>"
        )
        url = f"https://pecos.example{path}"
        found = [e for e in schema_org.marked(html, url) if schema_org.wanted(e)]
        entities = [facts for e in found if (facts := schema_org.entity_facts(e))]
        return page_record(html, url, date(2026, 12, 6), entities, parent_marked=True)

    clinic = "<p>114 S Canyon St, Suite 3<br>Carlsbad, NM 88220</p>"
    pages = [
        page("/", "Welcome to Pecos Mesa County", "<p>County news.</p>"),
        page("/departments/behavioral-health", "Behavioral Health Services",
             f"{clinic}<p>Phone: (575) 555-0144</p><p>Pecos Mesa County Behavioral Health Services"
             " is a county department providing outpatient counseling and an Intensive Outpatient"
             " Program (IOP).</p>"),
        page("/departments/behavioral-health/iop", "Intensive Outpatient Program (IOP)",
             f"{clinic}<p>The IOP runs 12 weeks.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[1].url)
    assert location.name == "Pecos Mesa County Behavioral Health Services"
    # (the department's line, not the county administration's the footer gives)
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert [ten_digits(phone) for phone in read.facts.get("phones", [])] == ["5755550144"]


def test_a_clinic_inside_a_university_site_is_reached_by_its_own_line() -> None:
    """Listed with the clinic's page: its line, not the university's main line every page's
    footer shows."""

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Llano Estacado State University</title></head>"
            f"<body><main><h1>{heading}</h1>{text}</main><footer><p>Llano Estacado State"
            " University \u00b7 1900 W 7th St, Plainview, TX 79072 \u00b7 (806) 555-0100</p>"
            "</footer></body></html>"
        )
        return page_record(html, f"https://lesu.example{path}", date(2026, 12, 6), [])

    pages = [
        page("/", "Welcome to LESU", "<p>Classes resume January 19.</p>"),
        page("/colleges/health-sciences/", "College of Health Sciences", "<p>Programs.</p>"),
        page("/colleges/health-sciences/recovery-clinic/", "LESU Recovery Clinic",
             "<p>The clinic offers an Intensive Outpatient Program (IOP).</p><p>Hale Hall, Room"
             " 118, 1900 W 7th St, Plainview, TX 79072</p><p>Phone (806) 555-0128</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[2].url)
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert location.name == "LESU Recovery Clinic"
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["8065550128"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Three Rivers County Administration\n349 Main St, Coshocton, OH 43812\n"
         "Main line: (740) 555-0140", []),
        ("Corporate Office\nMain: (740) 555-0141", []),
        ("Administration\n349 Main St\nIOP intake: (740) 555-0142", ["7405550142"]),
        ("Alcohol & Drug Services\n725 Walnut St, Suite B\nPhone: (740) 555-0144", ["7405550144"]),
        ("Three Rivers County Administration\n349 Main St\nCounty offices: Mon-Fri\n\n"
         "Alcohol & Drug Services\n725 Walnut St\nPhone: (740) 555-0144", ["7405550144"]),
    ],
)  # fmt: skip
def test_an_administrations_line_is_not_the_programs(text: str, lines: list[str]) -> None:
    assert phones_in(text)[0] == lines


@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        ("Timberline Crossing is a 501(c)(3) nonprofit serving Gunnison, Moffat and Rio Blanco"
         " counties.", False),
        ("Residents of Gunnison County can call the crisis line.", False),
        ("Our Gunnison office takes Medicare.", True),
        ("Medicare is accepted in Gunnison and in Gunnison County.", True),
    ],
)  # fmt: skip
def test_a_county_of_an_offices_name_is_not_the_office(text: str, elsewhere: bool) -> None:
    names_elsewhere = of_elsewhere("Craig", ("Gunnison", "Meeker"))
    assert names_elsewhere is not None and names_elsewhere(text) is elsewhere


@pytest.mark.parametrize(
    ("text", "street2"),
    [
        ("Rolling Fork Medical Plaza, 212 Westport Rd, Suite 200, 2nd floor, east entrance,"
         " Elizabethtown, KY 42701", "Suite 200, 2nd floor"),
        ("212 Westport Rd, Suite 200, rear entrance, Elizabethtown, KY 42701", "Suite 200"),
        ("212 Westport Rd, 2nd floor, Elizabethtown, KY 42701", "2nd floor"),
    ],
)  # fmt: skip
def test_the_door_to_a_suite_is_no_part_of_the_address(text: str, street2: str) -> None:
    (address,) = addresses_in(text)
    assert (address["address.street1"], address["address.street2"]) == ("212 Westport Rd", street2)
    assert address["address.city"] == "Elizabethtown"


def test_an_administrations_labelled_line_is_not_the_programs() -> None:
    text = "Administration: P.O. Box 1030, Wolf Point, MT 59201 \u00b7 (406) 555-0110"
    assert phones_in(text)[0] == []
    assert phones_in("Sweetgrass Path: (406) 555-0117")[0] == ["4065550117"]


def test_a_county_sites_footer_line_yields_to_the_departments_own() -> None:
    """The IOP's page shows only the courthouse's line in its footer; the department's page,
    the one the site was listed with, shows the program's intake line: that is its line."""

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Pelican Lakes County, MN</title>"
            '<script type="application/ld+json">{"@context": "https://schema.org",'
            ' "@type": "GovernmentOrganization", "name": "Pelican Lakes County", "telephone":'
            ' "+1-218-555-0130", "address": {"streetAddress": "915 Lake Ave", "addressLocality":'
            ' "Detroit Lakes", "addressRegion": "MN", "postalCode": "56501"}}</script></head>'
            f"<body><main><h1>{heading}</h1>{text}</main><footer><p>Pelican Lakes County"
            " Courthouse<br>915 Lake Ave, Detroit Lakes, MN 56501<br>Main: (218) 555-0130</p>"
            "</footer></body></html>"
        )
        url = f"https://pelican.example{path}"
        found = [e for e in schema_org.marked(html, url) if schema_org.wanted(e)]
        entities = [facts for e in found if (facts := schema_org.entity_facts(e))]
        return page_record(html, url, date(2026, 12, 6), entities, parent_marked=True)

    office = "<p>815 Summit Ave, Room 210<br>Detroit Lakes, MN 56501</p>"
    pages = [
        page("/", "Welcome to Pelican Lakes County", "<p>County news.</p>"),
        page("/departments/chemical-health", "Chemical Health",
             f"<p>Pelican Lakes County Human Services' Chemical Health unit offers an intensive"
             f" outpatient program (IOP).</p>{office}<p>Chemical Health intake: (218)"
             " 555-0139</p>"),
        page("/departments/chemical-health/intensive-outpatient", "Intensive Outpatient Program",
             f"{office}<p>The IOP runs 10 weeks.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[1].url)
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert location.name == "Pelican Lakes County Chemical Health"
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["2185550139"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Veterans Health Administration\nSUD Intensive Outpatient Program, Building 7\n"
         "(605) 555-0100", ["6055550100"]),
        ("Intake & Administration\n(740) 555-0150", ["7405550150"]),
        ("Medication Administration\nCall (740) 555-0155 to schedule your Vivitrol injection",
         ["7405550155"]),
        ("Business Office\nSuite 100\nPhone: (740) 555-0154\nOur IOP meets here.", ["7405550154"]),
        ("Behavioral Health Administration\n55 Wade Ave, Catonsville, MD 21228\nTo start"
         " treatment: (410) 555-0160", ["4105550160"]),
        ("Administration: Mon-Fri 8-5. Call (740) 555-0161 for our IOP.", ["7405550161"]),
    ],
)  # fmt: skip
def test_a_programs_line_under_a_word_of_administration_is_its(text: str, lines: list[str]) -> None:
    assert phones_in(text)[0] == lines


def _marked_page(url: str, html: str) -> PageRecord:
    found = [e for e in schema_org.marked(html, url) if schema_org.wanted(e)]
    entities = [facts for e in found if (facts := schema_org.entity_facts(e))]
    return page_record(html, url, date(2026, 12, 6), entities)


def test_each_office_of_a_site_of_several_is_listed_by_its_own_page_not_the_home_page() -> None:
    """The organisation's markup on the home page gives the main office's address: the home
    page is the organisation's, and each office's own page stands for that office."""
    footer = (
        "<footer><div class='cols'><div><h4>Ware</h4><p>84 Main Street, Ware, MA 01082</p></div>"
        "<div><h4>Southbridge</h4><p>31 Hamilton Street, Southbridge, MA 01550</p></div></div>"
        "<p>CARF accredited.</p></footer>"
    )

    def page(path: str, heading: str, content: str, markup: str = "") -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Quaboag Valley Recovery</title>{markup}</head><body>"
            f"<main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        )
        return _marked_page(f"https://quaboag.example{path}", html)

    organisation = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "NGO", "name": "Quaboag Valley Recovery", "address": {"streetAddress": "84 Main'
        ' Street", "addressLocality": "Ware", "addressRegion": "MA", "postalCode": "01082"}}'
        "</script>"
    )
    pages = [
        page("/", "Quaboag Valley Recovery", "<p>Intensive outpatient programs in two towns.</p>",
             organisation),
        page("/locations/ware", "Ware Office",
             "<p>84 Main Street, Ware, MA 01082</p><p>Morning IOP, Monday to Thursday.</p>"),
        page("/locations/southbridge", "Southbridge Office",
             "<p>31 Hamilton Street, Southbridge, MA 01550</p><p>Evening IOP, three nights a"
             " week.</p>"),
    ]  # fmt: skip
    locations = site_locations(pages, pages[0].url)
    assert sorted(location.ref for location in locations) == [pages[2].url, pages[1].url]
    for location in locations:  # the footer's line after its offices' cards is every office's
        read = facts_from_pages(
            location.pages, "test", place=location.place, elsewhere=location.elsewhere
        )
        assert read.facts.get("accreditations") == ["CARF"]


def test_a_health_centres_program_page_lists_it_with_its_own_line_and_not_another_clinics_row() -> (
    None
):
    """A health centre whose home page is headed with its primary care and dentistry: its IOP's
    page stands for the program, the behavioural health line on it beats the centre's main
    line in every header, and its list of clinics' row for a town with no street (its hours, its
    Saturday walk-ins) is that clinic's."""

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} - South Branch Valley Health</title></head><body>"
            f"<header><p>Main line (304) 555-0110</p></header><main><h1>{heading}</h1>{content}"
            "</main><footer><p>Mailing address: PO Box 412, Romney, WV 26757 \u00b7 Main line"
            " (304) 555-0110</p></footer></body></html>"
        )
        return _marked_page(f"https://southbranch.example{path}", html)

    pages = [
        page("/", "Primary care, dental and recovery care for Hampshire County",
             "<p>A community health center with clinics in Romney and Capon Bridge.</p>"),
        page("/services/recovery-iop", "Recovery Intensive Outpatient Program",
             "<p>Groups meet three afternoons a week. IOP assessments are by appointment"
             " only.</p><h2>Visit us</h2><p>240 East Main Street<br>Romney, WV 26757</p>"
             "<p>Behavioral Health direct line: (304) 555-0112</p>"),
        page("/locations", "Locations",
             "<table><tr><th>Clinic</th><th>Address</th><th>Services</th></tr><tr><td>Romney"
             " Health Center</td><td>240 East Main Street, Romney, WV 26757</td><td>Primary"
             " care, Recovery IOP</td></tr><tr><td>Capon Bridge Health Center</td><td>Capon"
             " Bridge, WV</td><td>Primary care, Saturday walk-in clinic</td></tr></table>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == pages[1].url
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert [ten_digits(phone) for phone in read.facts["phones"]] == ["3045550112"]
    assert read.facts["intake.walk_in"] is False  # by appointment; Capon Bridge's walk-ins


def test_of_hours_that_disagree_the_programs_own_beat_the_clinics_every_footer_gives() -> None:
    footer = (
        "<footer><p>Nemah River Tribal Health Clinic \u00b7 400 Duryea Street \u00b7 Raymond, WA"
        " 98577</p><p>Clinic hours: Monday\u2013Friday 8:00 a.m.\u20135:00 p.m., Saturday 9:00"
        " a.m.\u201312:00 p.m. (medical walk-in clinic)</p></footer>"
    )

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Nemah River Tribal Health Clinic</title></head>"
            f"<body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        )
        return _marked_page(f"https://nemah.example{path}", html)

    pages = [
        page("/", "Nemah River Tribal Health Clinic", "<p>Care for the whole family.</p>"),
        page("/patient-info", "Patient Information", "<p>Bring your insurance card.</p>"),
        page("/tidewater-recovery", "Tidewater Recovery Program",
             "<p>Tidewater is the clinic's intensive outpatient program.</p><p>Tidewater office"
             " hours: Monday\u2013Friday, 8:00 a.m.\u20134:30 p.m.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[2].url)  # listed with the program's page
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert read.facts["schedule.opening_hours"] == ["Mo-Fr 08:00-16:30"]
    assert "schedule.weekend" not in read.facts  # the clinic's Saturday is not the program's


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("24-hour crisis line (Walhonding Behavioral Health): (740) 555-0190", []),
        ("After-hours nurse line for enrolled OTP patients: (662) 555-0128", []),
        ("Prayer line (24 hours): (740) 555-0191", []),
        ("For help in a crisis our team is ready. Call our intake office at (740) 555-0113",
         ["7405550113"]),
        ("Main: (662) 555-0127 \u00b7 IOP intake (Kosciusko office): (662) 555-0129",
         ["6625550127", "6625550129"]),
    ],
)  # fmt: skip
def test_a_line_labelled_as_anothers_past_an_aside_is_not_the_programs(
    text: str, lines: list[str]
) -> None:
    assert phones_in(text)[0] == lines


def test_an_address_a_builder_writes_a_block_per_line_is_read_and_a_place_to_come_is_not() -> None:
    split = "".join(
        f"<div data-testid='richTextElement'><p><span>{line}</span></p></div>"
        for line in ("Visit", "412 Neal St", "Suite B", "Grass Valley,&nbsp;", "CA", "95945")
    )
    body = lxml.html.fromstring(f"<html><body><main><div>{split}</div></main></body></html>")
    assert [seen.facts for seen in seen_addresses(body)] == [
        {"address.street1": "412 Neal St", "address.street2": "Suite B",
         "address.city": "Grass Valley", "address.state": "CA", "address.postal_code": "95945"}
    ]  # fmt: skip
    moving = lxml.html.fromstring(
        "<html><body><main><p>Our La Grande office moves to 1520 Adams Ave, Suite 4, La Grande,"
        " OR 97850 on January 5, 2027. Until then, visit us here:</p><p>1107 Washington Ave<br>"
        "La Grande, OR 97850</p></main></body></html>"
    )
    assert [seen.facts["address.street1"] for seen in seen_addresses(moving)] == [
        "1107 Washington Ave"
    ]


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Hours Monday - Friday 8:30 a.m. - 5:00 p.m. (Wednesday until 7:00 p.m.)",
         ["Mo-Tu 08:30-17:00", "We 08:30-19:00", "Th-Fr 08:30-17:00"]),
        ("Office hours: Monday-Thursday 8-8, Friday 8-5 (Friday until 4 p.m.)",
         ["Mo-Th 08:00-20:00", "Fr 08:00-17:00"]),
        ("Open access walk-in hours: Monday\u2013Friday, 9 to 11 a.m.", []),
    ],
)  # fmt: skip
def test_a_days_later_closing_noted_apart_and_walk_in_hours(text: str, hours: list[str]) -> None:
    assert opening_hours(text) == hours


def test_a_page_naming_an_offices_address_in_passing_does_not_stand_for_it() -> None:
    """A parking note naming the main office's street is no office's page: the home page, the
    program's words on it, stands for the office its organisation's markup places there."""
    organisation = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "MedicalOrganization", "name": "Quaboag Valley Recovery", "address": {"streetAddress":'
        ' "84 Main Street", "addressLocality": "Ware", "addressRegion": "MA", "postalCode":'
        ' "01082"}}</script>'
    )
    footer = (
        "<footer><p>Ware: 84 Main Street, Ware, MA 01082</p><p>Southbridge: 31 Hamilton Street,"
        " Southbridge, MA 01550</p><p>Call (413) 555-0100</p></footer>"
    )

    def page(path: str, heading: str, content: str, markup: str = "") -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Quaboag Valley Recovery</title>{markup}</head>"
            f"<body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        )
        return _marked_page(f"https://q.example{path}", html)

    pages = [
        page("/", "Quaboag Valley Recovery",
             "<p>Evening intensive outpatient program. We accept Medicaid.</p>", organisation),
        page("/about/parking", "Parking at our Ware office",
             "<p>Free parking behind 84 Main Street, Ware, MA 01082.</p>"),
        page("/locations/southbridge", "Southbridge Office",
             "<p>31 Hamilton Street, Southbridge, MA 01550</p><p>Evening IOP.</p>"),
    ]  # fmt: skip
    ware = next(
        location
        for location in site_locations(pages, pages[0].url)
        if location.place.get("address.street1") == "84 Main Street"
    )
    assert ware.ref == pages[0].url
    assert ware.name != "Parking at our Ware office"


def test_a_list_of_towns_served_does_not_silence_the_programs_sentences() -> None:
    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} - Hilltop Recovery</title></head><body><header><p>"
            f"Call (304) 555-0110</p></header><main><h1>{heading}</h1>{content}</main><footer>"
            "<p>240 East Main Street, Romney, WV 26757 \u00b7 (304) 555-0110</p></footer>"
            "</body></html>"
        )
        return _marked_page(f"https://h.example{path}", html)

    pages = [
        page("/", "Hilltop Recovery", "<p>Outpatient addiction care.</p>"),
        page("/programs/iop", "Intensive Outpatient Program",
             "<p>Our IOP meets three evenings a week.</p><p>Residents of Keyser, WV and"
             " Moorefield, WV can join the same groups by telehealth.</p><p>Like our partners in"
             " Keyser, WV, we accept Medicaid and offer a sliding fee scale.</p>"),
        page("/areas-we-serve", "Areas we serve",
             "<ul><li>Romney, WV</li><li>Keyser, WV</li><li>Moorefield, WV</li></ul>"),
        page("/referral-partners", "Referral partners",
             "<table><tr><td>Mineral County Drug Court</td><td>Keyser, WV</td></tr></table>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert read.facts["access.telehealth"] is True
    assert read.facts["payment.medicaid"] is True and read.facts["payment.sliding_fee"] is True


@pytest.mark.parametrize(
    "exception",
    ["<p>Holiday hours: Saturday 9:00 a.m.\u201311:00 a.m. on December 26.</p>",
     "<p>Summer office hours (June\u2013August): Friday 8:00 a.m.\u201312:00 p.m.</p>",
     "<p>Please note: the office closes early on Friday, 8:00 a.m.\u20133:00 p.m., for staff"
     " training.</p>"],
)  # fmt: skip
def test_an_exception_on_the_programs_page_does_not_replace_the_weeks_hours(
    exception: str,
) -> None:
    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} - South Branch Valley Health</title></head><body>"
            f"<main><h1>{heading}</h1>{content}</main><footer><p>240 East Main Street, Romney,"
            " WV 26757</p><p>Office hours: Monday\u2013Friday 8:00 a.m.\u20135:00 p.m.</p>"
            "</footer></body></html>"
        )
        return _marked_page(f"https://sb.example{path}", html)

    pages = [
        page("/", "Primary care, dental and recovery care for Hampshire County",
             "<p>A community health center.</p>"),
        page("/services/recovery-iop", "Recovery Intensive Outpatient Program",
             f"<p>Groups meet three afternoons a week.</p>{exception}"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    read = facts_from_pages(location.pages, "test", place=location.place, name=location.name)
    assert "Mo-Fr 08:00-17:00" in read.facts.get("schedule.opening_hours", [])


@pytest.mark.parametrize(
    "main",
    ["<p>Group room 12</p><p>Nevada County</p><p>Grass Valley, CA 95945</p>",
     "<p>Stats</p><p>2021</p><p>Apple Tree Lane</p><p>Sacramento, CA 95814</p>"],
)  # fmt: skip
def test_short_blocks_run_together_make_no_street(main: str) -> None:
    body = lxml.html.fromstring(f"<html><body><main>{main}</main></body></html>")
    assert seen_addresses(body) == []


def test_an_address_for_bills_or_mail_is_no_place_of_care() -> None:
    """A contact page's physical, mailing and billing addresses: the billing office ("c/o" a
    billing company in another town) is no place a patient goes to."""
    contact = lxml.html.fromstring(
        "<html><body><main><div><h2>Physical address</h2><p>Hollister Hall, Room 114<br>27 Elm"
        " St<br>Delhi, NY 13753</p></div><div><h2>Billing address</h2><p>WBC Clinical Billing"
        " Office<br>c/o Catskill Medical Billing Services<br>310 Delaware St<br>Walton, NY 13856"
        "</p></div></main></body></html>"
    )
    clinic, billing = seen_addresses(contact)
    assert clinic.facts["address.street1"] == "27 Elm St" and not clinic.of_no_care
    assert billing.facts["address.street1"] == "310 Delaware St" and billing.of_no_care


def _two_offices_page(path: str, heading: str, text: str) -> PageRecord:
    footer = (
        "<footer><p>Main Street · 215 E Main St, Emmett, ID 83617</p><p>Washington Avenue · 601"
        " N Washington Ave, Emmett, ID 83617</p></footer>"
    )
    html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
    return page_record(html, f"https://canyon.example{path}", date(2026, 12, 6), [])


def test_two_offices_in_one_town_the_iops_named_by_its_street() -> None:
    """Two offices in one town, both in every footer: the one the pages say the groups meet at
    ("our Main Street location") runs the IOP, not the one its nurse practitioner sees clients
    at."""
    pages = [
        _two_offices_page("/", "Counseling for Gem County",
                       "<p>Two offices in Emmett: our Main Street office, home to our intensive"
                       " outpatient program (IOP), and our Washington Avenue office for individual"
                       " therapy.</p>"),
        _two_offices_page("/iop", "Intensive Outpatient Program (IOP)",
                       "<p>Groups are held at our Main Street location. Our nurse practitioner"
                       " sees IOP clients for buprenorphine at our Washington Avenue office.</p>"),
        _two_offices_page("/locations", "Our Locations",
                       "<h2>Main Street</h2><p>215 E Main St, Emmett, ID 83617</p><h2>Washington"
                       " Avenue</h2><p>601 N Washington Ave, Emmett, ID 83617</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, "https://canyon.example/")
    assert location.set_aside is None
    assert location.place["address.street1"] == "215 E Main St"


def test_a_hospitals_listed_iop_page_stands_for_its_pavilion_beside_another_towns_clinic() -> None:
    """A hospital listed with its IOP page (no address of its own): the pavilion's page gives
    the address and the IOP page stands for the program, though the locations page lists a
    clinic in another town too."""
    hospital = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "Hospital", "name": "Swift Creek Health", "address": {"@type": "PostalAddress",'
        ' "streetAddress": "400 Pearl St", "addressLocality": "Darlington", "addressRegion":'
        ' "SC", "postalCode": "29532"}}</script>'
    )

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head>{hospital}</head><body><main><h1>{heading}</h1>{text}</main><footer>"
            "<p>Swift Creek Health · 400 Pearl St, Darlington, SC 29532</p></footer></body></html>"
        )
        url = f"https://swiftcreek.example{path}"
        found = [e for e in schema_org.marked(html, url) if schema_org.wanted(e)]
        return page_record(
            html, url, date(2026, 12, 6), [f for e in found if (f := schema_org.entity_facts(e))],
            parent_marked=any(schema_org.is_parent(e) for e in found),
        )  # fmt: skip

    iop = "/services/behavioral-health/cedar-path-iop"
    pages = [
        page("/", "Care close to home", "<p>Emergency, surgery and behavioral health.</p>"),
        page(iop, "Cedar Path Intensive Outpatient Program",
             "<p>Cedar Path meets at our Behavioral Health Pavilion, evenings.</p>"),
        page("/locations/behavioral-health-pavilion", "Behavioral Health Pavilion",
             "<p>1215 S Main St, Darlington, SC 29532</p>"),
        page("/locations", "Locations",
             "<p>Swift Creek Hospital, 400 Pearl St, Darlington, SC 29532</p><p>Behavioral Health"
             " Pavilion, 1215 S Main St, Darlington, SC 29532</p><p>Hartsville Family Clinic, 112"
             " Main St, Hartsville, SC 29550</p>"),
    ]  # fmt: skip
    (location,) = [
        location
        for location in site_locations(pages, f"https://swiftcreek.example{iop}")
        if location.set_aside is None
    ]
    assert location.ref == f"https://swiftcreek.example{iop}"
    assert location.place["address.street1"] == "1215 S Main St"


@pytest.mark.parametrize(
    "sentence",
    [
        "Clients may attend IOP in Broken Bow or at our Ord office.",
        "Ord clients can attend IOP at our Broken Bow office or in Ord, whichever is closer.",
        "Ord's intensive outpatient program meets Monday and Thursday; for residential care we"
        " refer clients to our Broken Bow partner.",
        "Our intensive outpatient program is offered in Ord; teens attend groups in Broken Bow.",
        "Our IOP meets on Tuesday evenings, and clients who need a higher level of care are"
        " referred to our Broken Bow office.",
    ],
)
def test_an_office_that_runs_the_iop_and_names_another_is_kept(sentence: str) -> None:
    pages = [
        _office("/", "Care close to home", "<p>Outpatient counseling at two offices.</p>"),
        _office("/locations/broken-bow/", "Broken Bow Office",
                "<p>415 S 9th Ave, Broken Bow, NE 68822</p><p>The Broken Bow IOP meets in the"
                " evening.</p>"),
        _office("/locations/ord/", "Ord Office",
                f"<p>1612 L St, Ord, NE 68862</p><p>{sentence}</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found["https://loup.example/locations/ord/"] is None


@pytest.mark.parametrize(
    "text",
    [
        "<p>Mailing address and clinic: 27 Elm St, Delhi, NY 13753</p>",
        "<p>Our clinic (also our mailing address): 27 Elm St, Delhi, NY 13753</p>",
        "<h2>Billing questions?</h2><p>Call our billing office. Visit us at 27 Elm St, Delhi, NY"
        " 13753</p>",
        "<p>Questions about billing? Our billing department is on site at 27 Elm St, Delhi, NY"
        " 13753</p>",
        "<p>Remit payment in person at our clinic, 27 Elm St, Delhi, NY 13753</p>",
        "<p>Hope House c/o St. Mary's Church, 27 Elm St, Delhi, NY 13753</p>",
    ],
)
def test_a_clinic_named_beside_billing_or_mail_is_still_a_place_of_care(text: str) -> None:
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{text}</main></body></html>"))
    assert not seen.of_no_care


def test_family_sessions_at_one_office_do_not_name_where_the_iop_meets() -> None:
    """ "Family sessions are held at our Main Street office" names no place of the groups; the
    IOP page's own street names it."""
    pages = [
        _two_offices_page("/", "Counseling for Gem County", "<p>Counseling in Emmett.</p>"),
        _two_offices_page("/iop", "Intensive Outpatient Program (IOP)",
                          "<p>Family sessions are held at our Main Street office. The IOP meets"
                          " at 601 N Washington Ave.</p>"),
        _two_offices_page("/locations", "Our Locations",
                          "<p>215 E Main St, Emmett, ID 83617</p><p>601 N Washington Ave, Emmett,"
                          " ID 83617</p>"),
    ]  # fmt: skip
    running = [loc for loc in site_locations(pages, "https://canyon.example/") if not loc.set_aside]
    assert [location.place["address.street1"] for location in running] == ["601 N Washington Ave"]


@pytest.mark.parametrize(
    "note",
    [
        "Administrative office only — no counseling or groups at this address.",
        "(Mailing address only)",
        "No patient services are provided at this location.",
        "This is not a treatment location; please see our clinics.",
    ],
)
def test_words_after_an_address_can_say_no_patient_goes_there(note: str) -> None:
    page = f"<p>607 N Madison St<br>Whiteville, NC 28472<br>(910) 555-0157<br><em>{note}</em></p>"
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{page}</main></body></html>"))
    assert seen.of_no_care


def test_words_about_the_next_address_are_not_the_first_ones() -> None:
    page = (
        "<ul><li>Clinic: 12 Elm St, Whiteville, NC 28472</li><li>Business office: 607 N Madison"
        " St, Whiteville, NC 28472 (administrative office only)</li></ul>"
    )
    seen = seen_addresses(lxml.html.fromstring(f"<html><body><main>{page}</main></body></html>"))
    assert {each.facts["address.street1"]: each.of_no_care for each in seen} == {
        "12 Elm St": False,
        "607 N Madison St": True,
    }


@pytest.mark.parametrize(
    ("sentence", "street"),
    [
        ("Find us at 305 W Calhoun St in downtown Whiteville, next to the post office.",
         "305 W Calhoun St"),
        ("Groups meet at 41 Pinckney Street, Whiteville.", "41 Pinckney Street"),
        ("Our new home is at 9 Lee Road in Whiteville.", "9 Lee Road"),
    ],
)  # fmt: skip
def test_a_sentence_can_give_the_programs_street_without_its_zip(
    sentence: str, street: str
) -> None:
    """Its town is one the page's other address names, which gives the state; no ZIP code is
    made up for it."""
    page = f"<main><p>{sentence}</p></main><footer><p>607 N Madison St, Whiteville, NC 28472</p>"
    seen = seen_addresses(lxml.html.fromstring(f"<html><body>{page}</footer></body></html>"))
    said = [each.facts for each in seen if each.facts["address.street1"] == street]
    assert said == [
        {
            "address.street1": street,
            "address.street2": None,
            "address.city": "Whiteville",
            "address.state": "NC",
            "address.postal_code": None,
        }
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a town the page gives no state for
        "Find us at 305 W Calhoun St in downtown Tabor City.",
        # the same street as the page's address, written short
        "Find us at 607 N Madison Street in Whiteville.",
        # a street that is no one's door: parking, a bus stop
        "Park in the garage on 5 Oak St in Whiteville.",
    ],
)
def test_a_sentence_naming_a_street_gives_no_second_place(sentence: str) -> None:
    page = f"<main><p>{sentence}</p></main><footer><p>607 N Madison St, Whiteville, NC 28472</p>"
    seen = seen_addresses(lxml.html.fromstring(f"<html><body>{page}</footer></body></html>"))
    assert [each.facts["address.street1"] for each in seen] == ["607 N Madison St"]


def test_a_rooms_name_in_brackets_does_not_hide_the_address() -> None:
    text = "205 2nd St SE, 2nd Floor (Mississippi Room)\nLittle Falls, MN 56345"
    assert addresses_in(text) == [
        {
            "address.street1": "205 2nd St SE",
            "address.street2": "2nd Floor",
            "address.city": "Little Falls",
            "address.state": "MN",
            "address.postal_code": "56345",
        }
    ]


@pytest.mark.parametrize(
    ("heading", "of_no_care"),
    [("Billing address", True), ("Mailing address", True), ("Physical address", False),
     ("Visit us", False)],
)  # fmt: skip
def test_a_cards_heading_says_whose_address_it_holds(heading: str, of_no_care: bool) -> None:
    card = (
        f"<div class='card'><h3>{heading}</h3><p>Windward Tide Recovery<br>c/o Pali Revenue"
        " Partners<br>1001 Bishop St, Suite 2200<br>Honolulu, HI 96813</p></div>"
    )
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{card}</main></body></html>"))
    assert seen.of_no_care is of_no_care


def test_an_office_whose_next_sentences_say_no_one_is_seen_there_is_no_place_of_care() -> None:
    text = (
        "<p>Our ministry office is out in the country:</p><p>15912 Highway 27 W<br>Little Falls,"
        " MN 56345<br>The office handles phone calls, billing and paperwork, Monday through"
        " Friday, 9 a.m. to 3 p.m. No counseling or groups take place there.</p>"
    )
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{text}</main></body></html>"))
    assert seen.of_no_care


def test_hours_on_another_places_card_are_that_places() -> None:
    """A locations page of two cards, each with its hours: the program's place keeps its own,
    not the campus clinic's Saturday."""
    cards = (
        "<h1>Recovery Clinic Locations</h1><div><h2>Tiogue Avenue</h2><p>1680 Tiogue Ave, Suite"
        " 4<br>Coventry, RI 02816<br>(401) 555-0186</p><p>Hours: Monday\u2013Thursday 12:00 PM"
        " \u2013 9:00 PM</p></div><div><h2>Campus clinic</h2><p>400 Flat River Rd<br>Coventry, RI"
        " 02816<br>(401) 555-0187</p><p>Hours: Monday\u2013Friday 9:00 AM \u2013 5:00 PM \u00b7"
        " Saturday 10:00 AM \u2013 2:00 PM</p></div>"
    )
    html = f"<html><body><main>{cards}</main></body></html>"
    page = page_record(html, "https://pvu.example/clinic/locations", date(2026, 12, 7), [])
    place = addresses_in("1680 Tiogue Ave, Suite 4, Coventry, RI 02816")[0]
    read = facts_from_pages([page], "test", place=place)
    assert read.facts["schedule.opening_hours"] == ["Mo-Th 12:00-21:00"]
    assert "schedule.weekend" not in read.facts
    phones = without_other_places_lines(read.facts["phones"], place, places_lines([page]))
    assert [ten_digits(phone) for phone in phones] == ["4015550186"]


def test_a_parents_footer_hours_yield_to_the_programs_contact_page() -> None:
    footer = (
        "<footer><p>Somerset Shore Community Partners<br>30512 Prince William St<br>Princess"
        " Anne, MD 21853<br>(410) 555-0150</p><p>Office hours: Monday\u2013Friday, 8:30"
        " a.m.\u20134:30 p.m.</p></footer>"
    )

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://manokin.example{path}", date(2026, 12, 7), [])

    pages = [
        page("/", "Manokin River Recovery Center", "<p>Our intensive outpatient program.</p>"),
        page("/contact", "Contact the Recovery Center",
             "<p>11916 Somerset Ave<br>Princess Anne, MD 21853</p><p>Phone: (410) 555-0152</p>"
             "<h2>Office hours</h2><p>Monday\u2013Thursday: 8:00 a.m.\u20139:00 p.m.</p>"
             "<p>Friday: 8:00 a.m.\u20134:00 p.m.</p>"),
    ]  # fmt: skip
    place = addresses_in("11916 Somerset Ave, Princess Anne, MD 21853")[0]
    read = facts_from_pages(pages, "test", place=place)
    assert read.facts["schedule.opening_hours"] == ["Mo-Th 08:00-21:00", "Fr 08:00-16:00"]


def test_a_parents_line_beside_its_address_is_not_the_places() -> None:
    place = addresses_in("11916 Somerset Ave, Princess Anne, MD 21853")[0]
    parent = address_key(addresses_in("30512 Prince William St, Princess Anne, MD 21853")[0])
    both = ["(410) 555-0150", "(410) 555-0152"]
    assert without_other_places_lines(both, place, {parent: {"4105550150"}}) == [both[1]]


def test_a_program_page_listed_inside_a_tribes_site_stands_for_its_place() -> None:
    """Listed with the program's page, headed by its name alone ("Morning Star Recovery
    Program"), the address only on the department's contact page: the program's page stands
    for that place, by the program's name."""

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Elk Ridge Tribal Nation</title>"
            '<script type="application/ld+json">{"@context": "https://schema.org",'
            ' "@type": "GovernmentOrganization", "name": "Elk Ridge Tribal Nation", "address":'
            ' {"streetAddress": "187 Bluff View Dr", "addressLocality": "Chamberlain",'
            ' "addressRegion": "SD", "postalCode": "57325"}}</script></head><body><main>'
            f"<h1>{heading}</h1>{text}</main><footer><p>Elk Ridge Tribal Nation \u00b7 187 Bluff"
            " View Dr, Chamberlain, SD 57325</p></footer></body></html>"
        )
        return _marked_page(f"https://elkridge.example{path}", html)

    pages = [
        page("/departments/health/morning-star-recovery", "Morning Star Recovery Program",
             "<p>Morning Star is the Health Department's intensive outpatient program for adults."
             "</p>"),
        page("/departments/health/contact-us", "Contact the Health Department",
             "<p>31560 SD Hwy 50<br>Chamberlain, SD 57325</p>"),
        page("/departments/health", "Health Department", "<p>Dental, pharmacy and recovery.</p>"),
    ]  # fmt: skip
    pages = [replace(each, parent_marked=True) for each in pages]
    (location,) = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert location.ref == pages[0].url
    assert location.place["address.street1"] == "31560 SD Hwy 50"
    assert location.name == "Morning Star Recovery Program"


def test_a_street_a_sentence_gives_and_a_card_gives_whole_is_one_place() -> None:
    """ "Find us at 713 Franklin St in Pella" on the home page, the program page's card with the
    ZIP code: one place, with its ZIP code."""

    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><body><main><h1>{heading}</h1>{text}</main><footer><p>Ministry office (mail"
            " and staff only): 1004 Broadway St, Pella, IA 50219</p></footer></body></html>"
        )
        return page_record(html, f"https://cornerstone.example{path}", date(2026, 12, 7), [])

    pages = [
        page("/", "Hope has an address",
             "<p>Find us at 713 Franklin St in Pella, in the fellowship hall. Our intensive"
             " outpatient program meets there.</p>"),
        page("/iop", "Intensive Outpatient Program",
             "<p>Fellowship Hall<br>713 Franklin St<br>Pella, Iowa 50219</p><p>Our intensive"
             " outpatient program meets three evenings a week.</p>"),
        page("/about", "About us", "<p>A ministry of local churches.</p>"),
    ]  # fmt: skip
    running = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert [
        (each.place["address.street1"], each.place["address.postal_code"]) for each in running
    ] == [("713 Franklin St", "50219")]


@pytest.mark.parametrize(
    ("name", "said"),
    [("Kingfisher Lane Counseling, LLC", "Kingfisher Lane Counseling"),
     ("Big Creek Recovery Counseling, PLLC", "Big Creek Recovery Counseling"),
     ("Desert Mountain Healing IOP", "Desert Mountain Healing IOP"), ("LLC", "LLC"),
     ("Smith Counseling, P.C.", "Smith Counseling"), ("Recovery & Co", "Recovery & Co"),
     ("Healing Rivers, Denver CO", "Healing Rivers, Denver CO")],
)  # fmt: skip
def test_a_program_is_named_without_its_legal_form(name: str, said: str) -> None:
    assert without_legal_form(name) == said


def _coastal_site(contact: str, home: str = "") -> list[PageRecord]:
    """A program's three pages, its address on its contact page, a parent's in the footer."""
    footer = (
        "<footer><p>Columbus County Health Partners \u00b7 200 Hospital Dr, Whiteville, NC 28472"
        "</p></footer>"
    )

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://coastal.example{path}", date(2026, 12, 7), [])

    return [
        page("/", "Coastal Recovery Center",
             f"<p>Our intensive outpatient program meets three evenings a week.</p>{home}"),
        page("/contact", "Contact us", contact),
        page("/about", "About us", "<p>Since 1998.</p>"),
    ]  # fmt: skip


def _running_streets(pages: list[PageRecord]) -> list[str]:
    running = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    return [each.place["address.street1"] for each in running]


CONTACT_CARD = "<p>607 N Madison St<br>Whiteville, NC 28472<br>(910) 555-0157</p>"


@pytest.mark.parametrize(
    "sentence",
    [
        "Free parking is located at 14 Court Street in Whiteville.",
        "We were located at 12 Oak St in Whiteville until 2022; we have moved.",
        "AA meetings are held at 300 Main St in Whiteville every night.",
        "The county courthouse is located at 500 Jefferson Street in Whiteville.",
        "Family Night meets at 22 Pine Ave in Whiteville, at First Baptist Church.",
        "Our office is at 607 Madison Street in Whiteville.",
        "Court-ordered DWI classes are held at 5 Elm Road in Whiteville.",
    ],
)
def test_a_sentence_about_another_places_street_does_not_move_the_program(sentence: str) -> None:
    pages = _coastal_site(CONTACT_CARD, home=f"<p>{sentence}</p>")
    assert _running_streets(pages) == ["607 N Madison St"]


@pytest.mark.parametrize(
    "note",
    [
        "No appointments necessary at this location \u2014 walk-ins welcome!",
        "No services are denied at this location because of inability to pay.",
        "No groups are held on Fridays at this location.",
        "No counseling sessions on holidays at this office.",
        "No groups take place here on holidays.",
        "No appointments are held here after 7 p.m.",
        "Our front desk does not see clients without an appointment.",
        "Dr. Lee does not see patients under 18.",
        "Fax (910) 555-0158 (billing only)",
        "Fax: (910) 555-0158 \u2014 administration only",
        "This is not a clinic site for methadone; we offer IOP and counseling.",
        "Mailing: P.O. Box 55, Whiteville, NC 28472 (mailing address only)",
        "Send mail to PO Box 55 (mailing address only).",
        "Our corporate office in Raleigh (administrative office only) handles billing.",
    ],
)
def test_words_after_an_address_about_something_else_leave_it_a_place_of_care(note: str) -> None:
    page = f"<p>607 N Madison St<br>Whiteville, NC 28472<br>(910) 555-0157<br>{note}</p>"
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{page}</main></body></html>"))
    assert not seen.of_no_care


@pytest.mark.parametrize(
    "before",
    [
        "<p>Insurance questions?</p><p>Call our billing office.</p>",
        "<h2>Staff</h2><p>Dana Cruz, LCAS<br>Clinical Director</p><p>Linda Park<br>Business"
        " Office</p>",
        "<p>Linda Park<br>Administration</p>",
    ],
)
def test_a_line_before_an_address_that_is_no_heading_of_it_leaves_it_of_care(before: str) -> None:
    assert _running_streets(_coastal_site(before + CONTACT_CARD)) == ["607 N Madison St"]


def test_a_content_line_before_the_footer_is_not_the_footers_heading() -> None:
    html = (
        "<html><body><main><p>Our IOP meets three evenings a week.</p><p>Questions? Call our"
        " billing office.</p></main><footer><p>607 N Madison St<br>Whiteville, NC 28472<br>(910)"
        " 555-0157</p></footer></body></html>"
    )
    (seen,) = seen_addresses(lxml.html.fromstring(html))
    assert not seen.of_no_care


def test_a_listed_page_that_mentions_an_iop_elsewhere_does_not_stand_for_the_place() -> None:
    def page(path: str, heading: str, text: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Elk Ridge Tribal Nation</title></head><body><main>"
            f"<h1>{heading}</h1>{text}</main><footer><p>Elk Ridge Tribal Nation \u00b7 187 Bluff"
            " View Dr, Chamberlain, SD 57325</p></footer></body></html>"
        )
        return page_record(html, f"https://elkridge.example{path}", date(2026, 12, 7), [],
                           parent_marked=True)  # fmt: skip

    pages = [
        page("/departments/health/youth", "Youth Wellness",
             "<p>Teens can join our intensive outpatient program for adolescents, offered at the"
             " Pine Ridge clinic.</p>"),
        page("/departments/health/contact-us", "Contact the Health Department",
             "<p>31560 SD Hwy 50<br>Chamberlain, SD 57325</p>"),
        page("/departments", "Departments", "<p>All departments.</p>"),
    ]  # fmt: skip
    running = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert all(each.ref != pages[0].url for each in running)


def test_an_address_said_in_passing_does_not_take_the_programs_hours() -> None:
    content = (
        "<h1>Contact</h1><h2>Our clinic</h2><p>1680 Tiogue Ave, Suite 4<br>Coventry, RI 02816</p>"
        "<p>Monday: 10:00 AM \u2013 6:00 PM</p><p>Parking is free in the lot behind our"
        " neighbour, 400 Flat River Rd, Coventry, RI 02816.</p><p>Tuesday: 1:00 PM \u2013 8:00"
        " PM</p><p>Wednesday: 1:00 PM \u2013 8:00 PM</p>"
    )
    home = page_record(
        "<html><body><main><h1>PVU Recovery</h1><p>Our intensive outpatient program.</p></main>"
        "</body></html>",
        "https://pvu.example/",
        date(2026, 12, 7),
        [],
    )
    page = page_record(
        f"<html><body><main>{content}</main></body></html>",
        "https://pvu.example/contact",
        date(2026, 12, 7),
        [],
    )
    place = addresses_in("1680 Tiogue Ave, Suite 4, Coventry, RI 02816")[0]
    read = facts_from_pages([home, page], "test", place=place)
    assert read.facts["schedule.opening_hours"] == [
        "Mo 10:00-18:00",
        "Tu 13:00-20:00",
        "We 13:00-20:00",
    ]


CRAWLED = date(2026, 12, 4)
OFFICES = [
    ("Fort Scott", "1120 S Main St", "(620) 555-0163",
     "Monday \u2013 Thursday 8:00 a.m. \u2013 7:30 p.m.", "Mo-Th 08:00-19:30"),
    ("Uniontown", "104 Sherman St", "(620) 555-0166", "Wednesday 9:00 a.m. \u2013 4:00 p.m.",
     "We 09:00-16:00"),
    ("Bronson", "501 Clay St", "(620) 555-0167", "Saturday 9:00 a.m. \u2013 1:00 p.m.",
     "Sa 09:00-13:00"),
]  # fmt: skip


def offices_table(
    running: int, programs: str = "Intensive Outpatient Program (IOP)", notes: str = ""
) -> str:
    rows = "".join(
        f"<tr><td>{town}</td><td>{street}</td><td>{phone}</td>"
        f"<td>{programs if index == running else 'Assessments; DUI classes'}</td>"
        f"<td>{hours}</td><td>{notes if index == running else ''}</td></tr>"
        for index, (town, street, phone, hours, _) in enumerate(OFFICES)
    )
    return (
        "<html><body><main><h1>Clinic locations</h1><table><tr><th>Town</th><th>Street</th>"
        f"<th>Phone</th><th>Programs</th><th>Hours</th><th>Notes</th></tr>{rows}</table></main>"
        "</body></html>"
    )


@given(st.integers(0, len(OFFICES) - 1))
def test_a_table_of_offices_gives_the_program_the_row_of_the_office_running_it(
    running: int,
) -> None:
    page = page_record(offices_table(running), "https://county.example/bh/locations", CRAWLED, [])
    _, _, line, _, hours = OFFICES[running]
    assert page.reading.facts["schedule.opening_hours"] == [hours]
    assert [ten_digits(phone) for phone in page.contact["phones"]] == [ten_digits(line)]


def test_a_table_of_offices_naming_the_program_in_no_row_or_in_two_gives_no_office() -> None:
    for programs in ("Outpatient counseling", None):
        html = offices_table(0, programs or "Intensive outpatient (IOP)")
        if programs is None:  # two rows running it
            html = html.replace("Assessments; DUI classes", "IOP; assessments", 1)
        page = page_record(html, "https://county.example/bh/locations", CRAWLED, [])
        assert "schedule.opening_hours" not in page.reading.facts


def test_a_program_on_a_site_of_its_own_stands_on_the_page_giving_its_address() -> None:
    pages = _coastal_site(CONTACT_CARD)  # (the home page shows only a parent's footer)
    (location,) = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert location.ref == "https://coastal.example/contact"
    # and where its home page gives it, the home page stands
    pages = _coastal_site(CONTACT_CARD, home=CONTACT_CARD)
    (location,) = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert location.ref == "https://coastal.example/"


PARK_AVENUE_SAYS = (
    "<p>Services at Park Avenue: the intensive outpatient program and outpatient counseling.</p>"
)


def _campus_offices(iop_says: str, park: str = PARK_AVENUE_SAYS) -> list[SiteLocation]:
    footer = "<footer><p>High Knob University \u00b7 900 Academy Rd, Wise, VA 24293</p></footer>"

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://hku.example/clinic{path}", date(2026, 12, 7), [],
                           parent_marked=True)  # fmt: skip

    pages = [
        page("/", "HKU Recovery Clinic", "<p>Counseling for students and the community.</p>"),
        page("/iop", "Intensive Outpatient Program (IOP)", f"<p>{iop_says}</p>"),
        page("/park-avenue", "The Park Avenue Clinic",
             f"<p>327 Park Ave SE<br>Wise, VA 24293</p>{park}"),
        page("/darden-drive", "The Darden Drive Office",
             "<p>1010 Darden Dr<br>Wise, VA 24293</p><p>Counseling for students.</p>"),
    ]  # fmt: skip
    return site_locations(pages, pages[0].url)


@pytest.mark.parametrize(
    "schedule",
    ["Groups meet Tuesday, Wednesday and Thursday evenings, 5:00\u20138:00 p.m., at the Park"
     " Avenue clinic.", "IOP groups are held at our Park Avenue office."],
)  # fmt: skip
def test_the_office_the_iops_page_says_its_groups_meet_at_is_the_only_one_running_it(
    schedule: str,
) -> None:
    found = _campus_offices(f"Our IOP is for adults. {schedule}")
    running = [each for each in found if not each.set_aside]
    assert [(each.place["address.street1"], each.ref) for each in running] == [
        ("327 Park Ave SE", "https://hku.example/clinic/park-avenue")
    ]
    (aside,) = [each for each in found if each.set_aside]
    assert (aside.set_aside, aside.ref) == (NO_IOP_HERE, "https://hku.example/clinic/darden-drive")
    # an IOP page naming no office leaves each office as it was
    found = _campus_offices("Our IOP is for adults; groups meet three evenings a week.")
    assert len([each for each in found if not each.set_aside]) == 2


def test_a_programs_page_a_crawl_starts_at_stands_for_the_place_its_department_gives() -> None:
    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><body><main><h1>{heading}</h1>{content}</main><footer><p>Lost River Band"
            " \u00b7 40 Band Hall Rd, Bagley, MN 56621</p></footer></body></html>"
        )
        return page_record(html, f"https://lostriver.example/health{path}", date(2026, 12, 7),
                           [], parent_marked=True)  # fmt: skip

    pages = [
        page("/cedar-smoke", "Cedar Smoke Recovery Program",
             "<p>Cedar Smoke is our intensive outpatient program for adults.</p>"),
        page("/contact", "Lost River Health & Wellness \u2013 Hours & Contact",
             "<p>31055 County Road 92<br>Bagley, MN 56621</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert (location.ref, location.name, location.place["address.street1"]) == (
        "https://lostriver.example/health/cedar-smoke", "Cedar Smoke Recovery Program",
        "31055 County Road 92",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("heading", "of_care"),
    [("Ministry Office (mail & staff only)", False), ("Annex (administrative offices only)", False),
     ("Main clinic (walk-ins by appointment only)", True), ("Clinic (adults only)", True)],
)  # fmt: skip
def test_a_cards_heading_saying_only_staff_or_mail_go_there_makes_it_no_place_of_care(
    heading: str, of_care: bool
) -> None:
    card = f"<h3>{heading}</h3><p>210 Main St<br>Flippin, AR 72634</p>"
    html = f"<html><body><main>{card}</main></body></html>"
    (seen,) = seen_addresses(lxml.html.fromstring(html))
    assert seen.of_no_care is not of_care


def test_a_countys_department_page_it_was_listed_with_speaks_for_each_of_its_clinics() -> None:
    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><body><main><h1>{heading}</h1>{content}</main><footer><p>Little Wolf County"
            " Courthouse \u00b7 1 Courthouse Square, Weyauwega, WI 54983</p></footer></body></html>"
        )
        return page_record(html, f"https://littlewolf.example{path}", date(2026, 12, 7), [],
                           parent_marked=True)  # fmt: skip

    pages = [
        page("/317/Behavioral-Health", "Behavioral Health",
             "<p>Our Intensive Outpatient Program (IOP) has a day track in Waupaca and an evening"
             " track in Clintonville.</p><p>We bill Wisconsin Medicaid and Medicare.</p>"),
        page("/326/Clintonville-Clinic", "Clintonville Clinic",
             "<p>57 Brown St<br>Clintonville, WI 54929</p><p>Evening IOP groups meet here.</p>"),
        page("/327/Waupaca-Clinic", "Waupaca Clinic",
             "<p>1400 Churchill St<br>Waupaca, WI 54981</p><p>Day IOP groups meet here.</p>"),
    ]  # fmt: skip
    found = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert sorted(each.place["address.street1"] for each in found) == [
        "1400 Churchill St", "57 Brown St"
    ]  # fmt: skip
    assert all(pages[0] in each.pages for each in found)


def test_each_card_of_a_locations_accordion_gives_its_own_line_and_hours() -> None:
    panel = (
        '<div class="accordion-panel"{hidden}><p>{street}<br>{town}, MN {zip}</p><p>Phone: {phone}'
        "</p><p>Hours: {hours}</p></div>"
    )
    offices = [
        ("", "321 Main St S", "Sauk Centre", "56378", "(320) 555-0181",
         "Mon\u2013Thu 8 am\u20138 pm"),
        (" hidden", "28 Central Ave", "Long Prairie", "56347", "(320) 555-0183",
         "Tue\u2013Thu 9 am\u20135 pm; Saturday 9 am\u20131 pm"),
    ]  # fmt: skip
    panels = "".join(
        panel.format(
            hidden=hidden, street=street, town=town, zip=zip_code, phone=phone, hours=hours
        )
        for hidden, street, town, zip_code, phone, hours in offices
    )
    # (Weebly's content block is "wsite-not-footer": content, not the footer)
    html = (
        '<html><body><div class="wsite-elements wsite-not-footer"><h2>Locations</h2>'
        f"{panels}</div></body></html>"
    )
    page = page_record(html, "https://bigbirch.example/locations", date(2026, 12, 7), [])
    assert not any(seen.in_chrome for seen in page.seen)
    assert page.lines_by_place == {
        ("321 main st s", "56378"): {"3205550181"},
        ("28 central ave", "56347"): {"3205550183"},
    }
    place = {"address.street1": "321 Main St S", "address.city": "Sauk Centre",
             "address.state": "MN", "address.postal_code": "56378"}  # fmt: skip
    facts = facts_from_pages([page], "bigbirch", place=place, elsewhere=("Long Prairie",)).facts
    assert facts["schedule.opening_hours"] == ["Mo-Th 08:00-20:00"]


@pytest.mark.parametrize(
    "schedule",
    ["Groups meet Tuesday evenings at the Park Avenue clinic and Thursday mornings at the Darden"
     " Drive office.",
     "Groups meet Monday and Wednesday evenings at the Park Avenue clinic, and Tuesday and"
     " Thursday evenings at our Darden Drive office.",
     "Evening groups meet Monday, Tuesday and Thursday from 5 to 8 p.m. at the Park Avenue"
     " clinic; day groups meet at Darden Drive.",
     "Evening IOP groups meet Monday and Wednesday at the Park Avenue clinic; the day program"
     " runs at the Darden Drive office.",
     "While the Darden Drive office is renovated, groups meet Tuesday evenings at the Park"
     " Avenue clinic.",
     "Support groups meet Thursday evenings at the Park Avenue clinic.",
     "Women's groups meet Monday evenings at the Park Avenue clinic.",
     "Parent groups meet Monday evenings at the Park Avenue clinic.",
     "DUI education groups meet Saturday mornings at the Park Avenue clinic.",
     "After you finish, aftercare groups meet Thursday evenings at the Park Avenue clinic."],
)  # fmt: skip
def test_groups_named_at_one_office_do_not_set_the_other_aside(schedule: str) -> None:
    found = _campus_offices(f"Our IOP is offered at both of our offices. {schedule}",
                            park="<p>Counseling for adults.</p>")  # fmt: skip
    assert not [each for each in found if each.set_aside]


@pytest.mark.parametrize(
    ("path", "heading", "content"),
    [("/donate", "Donate", "<p>Mail checks to Coastal Recovery Center, 607 N Madison St,"
      " Whiteville, NC 28472.</p>"),
     ("/privacy-policy", "Privacy Policy", "<p>Questions about this policy may be sent to"
      " Privacy Officer, 607 N Madison St, Whiteville, NC 28472.</p>"),
     ("/forms", "Patient Forms", "<p>Return completed forms to 607 N Madison St, Whiteville, NC"
      " 28472.</p>"),
     ("/detox", "Medical Detox", "<p>Our detox unit at 607 N Madison St<br>Whiteville, NC 28472"
      " offers 24/7 admissions.</p>")],
)  # fmt: skip
def test_a_page_that_only_mentions_the_address_does_not_stand_for_the_program(
    path: str, heading: str, content: str
) -> None:
    home, _, about = _coastal_site("")
    html = f"<html><body><main><h1>{heading}</h1>{content}</main></body></html>"
    other = page_record(html, f"https://coastal.example{path}", date(2026, 12, 7), [])
    found = [each for each in site_locations([home, other, about], home.url) if not each.set_aside]
    assert all(each.ref != other.url for each in found)


@pytest.mark.parametrize(
    ("row", "programs"),
    [(0, "Outpatient counseling only (no IOP)"), (1, "Assessments; referrals to IOP"),
     (1, "Outpatient; IOP coming in 2027"), (1, "IOP offered through our partner Mercy Hospital"),
     (0, "IOP (currently closed; call for waitlist)")],
)  # fmt: skip
def test_a_row_naming_the_iop_without_running_it_gives_the_program_no_office(
    row: int, programs: str
) -> None:
    page = page_record(offices_table(row, programs), "https://county.example/bh/locations",
                       CRAWLED, [])  # fmt: skip
    assert "schedule.opening_hours" not in page.reading.facts
    assert len(page.contact["phones"]) == 3


def test_a_table_of_offices_does_not_strip_the_iops_own_stated_line() -> None:
    html = offices_table(0).replace("</table>", "</table><p>IOP intake line: (620) 555-0166.</p>")
    page = page_record(html, "https://county.example/bh/locations", CRAWLED, [])
    assert "6205550166" in [ten_digits(phone) for phone in page.contact["phones"]]


@pytest.mark.parametrize(
    ("card", "of_care"),
    [("<p>Mail: Still River Counseling Group, 12 Park Ln, Unit B, New Milford, CT 06776.</p>",
      False),
     ("<details><summary>Park Lane office</summary><p>12 Park Ln, Unit B, New Milford, CT 06776"
      "</p><p>This is where our billing team works. We don't see clients at this office.</p>"
      "</details>", False),
     ("<details><summary>Park Lane office</summary><p>12 Park Ln, Unit B, New Milford, CT 06776"
      "</p><p>We don't see clients at this office on Fridays.</p></details>", True),
     ("<p>Visit us: 12 Park Ln, Unit B, New Milford, CT 06776.</p>", True)],
)  # fmt: skip
def test_an_address_for_mail_or_where_no_client_is_seen_is_no_place_of_care(
    card: str, of_care: bool
) -> None:
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{card}</main></body></html>"))
    assert seen.of_no_care is not of_care


def test_an_office_named_by_its_street_stands_on_its_own_page_not_the_list_of_offices() -> None:
    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main></body></html>"
        return page_record(html, f"https://stillriver.example{path}", date(2026, 12, 7), [])

    pages = [
        page("/", "Still River Counseling Group", "<p>Therapy and an evening IOP.</p>"),
        page("/iop", "Evening Intensive Outpatient Program",
             "<p>Groups are held at our Main Street location.</p>"),
        page("/locations", "Our Offices",
             "<h3>Main Street office</h3><p>284 Main St, Suite 4, Danbury, CT 06810</p>"
             "<p>Services: evening IOP, individual therapy.</p><h3>Railroad Street office</h3>"
             "<p>38 Railroad St, New Milford, CT 06776</p><p>Services: individual therapy. No IOP"
             " groups meet here.</p>"),
        page("/locations/main-street", "The Main Street office",
             "<p>Our Danbury office is on the second floor at 284 Main Street, Suite 4.</p>"
             "<p>The evening IOP meets here.</p>"),
        page("/locations/railroad-street", "The Railroad Street office",
             "<p>38 Railroad St, New Milford, CT 06776</p><p>Individual therapy.</p>"),
    ]  # fmt: skip
    running = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert [(each.place["address.street1"], each.ref) for each in running] == [
        ("284 Main St", "https://stillriver.example/locations/main-street")
    ]


@pytest.mark.parametrize(
    ("note", "of_care"),
    [("Food pantry and a clothing closet. No IOP classes meet in Malden.", False),
     ("No IOP groups meet here.", False), ("No IOP groups meet here on Fridays.", True),
     ("IOP groups meet here Monday through Thursday.", True),
     ("IOP groups meet Monday-Thursday. No IOP groups are held in Spanish.", True),
     ("No IOP groups meet in December.", True), ("No IOP sessions take place in July.", True),
     ("We don't see clients at this office unless they have an appointment.", True),
     ("We do not see patients at this location for walk-in visits; please call first.", True),
     ("We don't see patients at this location under the age of 18.", True),
     ("We never see patients at this office who are intoxicated.", True)],
)  # fmt: skip
def test_a_cards_note_that_no_iop_meets_there_makes_it_no_place_of_the_program(
    note: str, of_care: bool
) -> None:
    card = f"<li>Malden Outreach Center<br>108 N Madison St<br>Malden, MO 63863<br>{note}</li>"
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><ul>{card}</ul></body></html>"))
    assert seen.of_no_care is not of_care


def test_the_programs_department_page_giving_its_address_stands_before_the_contact_page() -> None:
    footer = "<footer><p>Tidal Rivers CSB \u00b7 85 Virginia St, Urbanna, VA 23175</p></footer>"

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://tidal.example{path}", date(2026, 12, 7), [])

    clinic = "<p>1620 Tappahannock Blvd<br>Tappahannock, VA 22560</p>"
    pages = [
        page("/", "Hope lives here.", "<p>Mental health and recovery services.</p>"),
        page("/recovery", "Recovery Services",
             f"<p>Our intensive outpatient programs meet at our recovery center.</p>{clinic}"),
        page("/recovery/adult-iop", "Adult Intensive Outpatient Program",
             "<p>Adults meet three evenings a week.</p>"),
        page("/recovery/teen-iop", "Adolescent Intensive Outpatient Program",
             "<p>Teens meet after school.</p>"),
        page("/contact", "Contact Us", f"<p>Questions about our IOP? Visit us.</p>{clinic}"),
    ]  # fmt: skip
    (location,) = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert location.ref == "https://tidal.example/recovery"


@pytest.mark.parametrize(
    "text",
    ["<p>Our IOP meets at 12 Main St, Dexter, MO 63841. No IOP classes meet in Malden.</p>",
     "<p>IOP groups meet at 12 Main St, Dexter, MO 63841. Our Malden office offers counseling"
     " only; no IOP groups meet there.</p>",
     "<p>12 Main St, Dexter, MO 63841. We also see clients in Bloomfield, but no IOP sessions"
     " happen there.</p>",
     "<p>IOP: 12 Main St, Dexter, MO 63841. Our billing team is on Route 7; we don't see clients"
     " at that office.</p>"],
)  # fmt: skip
def test_a_note_on_another_places_iop_leaves_the_address_of_care(text: str) -> None:
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{text}</main></body></html>"))
    assert not seen.of_no_care


@pytest.mark.parametrize(
    "card",
    ["<p>Mail: PO Box 88 \u00b7 Visit: 12 Park Ln, New Milford, CT 06776</p>",
     "<p>Mail: PO Box 88<br>Office: 12 Park Ln<br>New Milford, CT 06776</p>",
     "<p>Send payments to: PO Box 5 - Clinic: 12 Park Ln, New Milford, CT 06776</p>",
     "<address>E-mail: intake@stillrivercounseling.org<br>12 Park Ln<br>New Milford, CT 06776"
     "</address>"],
)  # fmt: skip
def test_a_label_for_mail_before_another_line_leaves_the_office_of_care(card: str) -> None:
    (seen,) = seen_addresses(lxml.html.fromstring(f"<html><body><main>{card}</main></body></html>"))
    assert not seen.of_no_care


@pytest.mark.parametrize(
    "notes",
    ["Temporarily closed", "Opening spring 2027", "Referrals only \u2013 call Uniontown",
     "Run by our partner, Bourbon County Recovery", "Moved to Uniontown in 2025",
     "Not accepting new clients"],
)  # fmt: skip
def test_an_office_rows_note_against_the_iop_gives_no_office(notes: str) -> None:
    page = page_record(offices_table(0, notes=notes), "https://county.example/bh/locations",
                       CRAWLED, [])  # fmt: skip
    assert "schedule.opening_hours" not in page.reading.facts


@pytest.mark.parametrize(
    ("path", "heading", "text"),
    [("/give", "Give Today", "Your gift keeps our intensive outpatient program open to all. Drop"
      " off donations at 607 N Madison St, Whiteville, NC 28472."),
     ("/volunteer", "Volunteer", "Volunteers help our intensive outpatient program with meals."
      " Orientation at 607 N Madison St, Whiteville, NC 28472.")],
)  # fmt: skip
def test_a_page_mentioning_the_iop_and_its_address_in_passing_does_not_stand_for_it(
    path: str, heading: str, text: str
) -> None:
    pages = _coastal_site(CONTACT_CARD)
    pages.append(page_record(
        f"<html><body><main><h1>{heading}</h1><p>{text}</p></main></body></html>",
        f"https://coastal.example{path}", date(2026, 12, 7), []))  # fmt: skip
    (location,) = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert location.ref == "https://coastal.example/contact"


def test_a_countys_one_iop_page_stands_for_its_program_where_its_department_gives_the_address() -> (
    None
):
    footer = (
        "<footer><p>Lakeshore County \u00b7 1010 S 8th Street, Manitowoc, WI 54220</p></footer>"
    )

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://lakeshore.example{path}", date(2026, 12, 7), [],
                           parent_marked=True)  # fmt: skip

    pages = [
        page("/", "Welcome to Lakeshore County", "<p>County services.</p>"),
        page("/human-services/", "Department of Human Services",
             "<p>Our behavioral health unit runs an intensive outpatient program.</p>"
             "<p>926 S 8th Street<br>Manitowoc, WI 54220</p>"),
        page("/human-services/aoda-iop", "Lakeshore County Intensive Outpatient Program",
             "<p>The IOP meets three evenings a week.</p>"),
    ]  # fmt: skip
    (location,) = [each for each in site_locations(pages, pages[0].url) if not each.set_aside]
    assert location.ref == "https://lakeshore.example/human-services/aoda-iop"


@pytest.mark.parametrize(
    "sentence",
    [
        "IOP is offered in Broken Bow and Kearney.",
        "Our intensive outpatient groups are held in Broken Bow.",
    ],
)
def test_an_office_whose_page_says_the_iop_is_elsewhere_is_set_aside_past_a_footers_words(
    sentence: str,
) -> None:
    # (the footer every page carries names the IOP too: the site's word, not this office's)
    footer = (
        "<footer><p>Loup Valley Recovery is accredited for outpatient and intensive outpatient"
        " treatment.</p></footer>"
    )

    def office(path: str, heading: str, text: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{text}</main>{footer}</body></html>"
        return page_record(html, f"https://loup.example{path}", date(2026, 12, 7), [])

    pages = [
        office("/", "Care close to home", "<p>Day IOP in Broken Bow.</p>"),
        office("/locations/broken-bow/", "Broken Bow Office",
               "<p>415 S 9th Ave, Broken Bow, NE 68822</p><p>At this office: day IOP.</p>"),
        office("/locations/ord/", "Ord Office",
               f"<p>1612 L St, Ord, NE 68862</p><p>Our Ord office is home to our administrative"
               f" staff and evaluations. {sentence}</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found == {
        "https://loup.example/locations/broken-bow/": None,
        "https://loup.example/locations/ord/": NO_IOP_HERE,
    }


def _aspnet_page(path: str, heading: str, content: str) -> PageRecord:
    """A page of a DotNetNuke site: one <form> wraps the whole page, its footer included."""
    footer = (
        "<footer><address>Old Canal Behavioral Health Center<br>1735 Main St<br>Brookville, IN"
        " 47012</address></footer>"
    )
    html = (
        f'<html><body><form id="Form"><div id="siteWrapper"><div class="contentPane">'
        f"<h1>{heading}</h1>{content}</div>{footer}</div></form></body></html>"
    )
    return page_record(html, f"https://www.oldcanal.example{path}", date(2026, 12, 7), [])


def test_a_footer_inside_a_pages_one_form_is_chrome() -> None:
    page = _aspnet_page("/", "Old Canal", "<p>Counseling for three counties.</p>")
    assert [(seen.facts["address.street1"], seen.in_chrome) for seen in page.seen] == [
        ("1735 Main St", True)
    ]


def test_a_centres_iop_page_under_its_services_page_stands_for_it_at_the_street_it_names() -> None:
    pages = [
        _aspnet_page("/", "Old Canal Behavioral Health Center",
                     "<p>Counseling, psychiatry and addiction treatment.</p>"),
        _aspnet_page("/Programs/Addiction-Services", "Addiction Services",
                     "<ul><li>Outpatient counseling</li><li>Intensive Outpatient Program (IOP)"
                     "</li><li>Peer recovery coaching</li></ul>"),
        _aspnet_page("/Programs/Addiction-Services/Intensive-Outpatient",
                     "Intensive Outpatient Program (IOP)",
                     "<p>The IOP meets in Building C on our Main Street campus, 1735 Main St,"
                     " Brookville.</p><p>IOP usually lasts 8 to 12 weeks.</p>"),
        # another office, with other care, only on the contact page
        _aspnet_page("/Contact-Us", "Contact Us",
                     "<p>Main Street campus: 1735 Main St, Brookville, IN 47012</p>"
                     "<p>Rushville office: 220 N Main St, Rushville, IN 46173. Outpatient"
                     " counseling and psychiatry.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert (
        location.ref
        == "https://www.oldcanal.example/Programs/Addiction-Services/Intensive-Outpatient"
    )
    assert location.place["address.street1"] == "1735 Main St"


def test_a_list_of_places_linking_to_their_pages_states_nothing_of_the_one_street_it_writes() -> (
    None
):
    footer = (
        "<footer><p>Administrative offices: 1100 Cleaver Rd, Caro, MI 48723</p>"
        "<p>Cass River Health runs an intensive outpatient program.</p></footer>"
    )

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://cassriver.example{path}", date(2026, 12, 7), [])

    pages = [
        page("/", "Care for the whole family", "<p>Medical, dental and behavioral health.</p>"),
        page("/locations", "Locations",
             '<ul><li><a href="/locations/caro-bh">Caro Behavioral Health</a> — counseling, IOP'
             '</li><li><a href="/locations/caro-medical">Caro Medical</a> — primary care</li>'
             "<li>Cass City Family Medicine — 6420 Main St, Cass City, MI 48726 — primary care"
             "</li></ul>"),
        page("/locations/caro-bh", "Caro Behavioral Health",
             "<p>309 N State St, Suite 200, Caro, MI 48723</p><p>Services: outpatient"
             " counseling, intensive outpatient program.</p>"),
        page("/locations/caro-medical", "Caro Medical",
             "<p>1200 Cleaver Rd, Caro, MI 48723</p><p>Services: primary care, dental.</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found == {
        "https://cassriver.example/locations/caro-bh": None,
        "https://cassriver.example/locations/caro-medical": NO_IOP_HERE,
        # the family clinic the list gives a street: its list names the IOP of another office
        "https://cassriver.example/locations": NO_IOP_HERE,
    }


@pytest.mark.parametrize(
    "text",
    [
        "Our billing is handled by Red River Claims Services. Mail payments to Red River Claims"
        " Services, 2201 12th Ave S, Fargo, ND 58103, or call (701) 555-0139.",
        "Registered agent: Northern Plains Registered Agents, 1600 E Interstate Ave, Suite 12,"
        " Bismarck, ND 58503.",
    ],
)
def test_an_address_for_payments_or_legal_papers_is_no_door(text: str) -> None:
    body = lxml.html.fromstring(f"<html><body><main><p>{text}</p></main></body></html>")
    assert seen_addresses(body) == []


def test_a_clinics_address_after_a_payments_box_is_its_door() -> None:
    body = lxml.html.fromstring(
        "<html><body><main><p>Send payments to PO Box 5 - Clinic: 12 Park Ln, New Milford, CT"
        " 06776</p></main></body></html>"
    )
    assert [seen.facts["address.street1"] for seen in seen_addresses(body)] == ["12 Park Ln"]


def test_a_list_of_two_offices_tracks_without_articles_gives_each_its_own() -> None:
    html = (
        "<html><body><main><p>Day IOP in Lisbon and evening IOP in Anamosa.</p></main>"
        "</body></html>"
    )
    page = page_record(html, "https://offices.example/", date(2026, 12, 7), [])
    elsewhere = ("Lisbon", "Anamosa")
    lisbon = facts_from_pages([page], "test", place={"address.city": "Lisbon"}, elsewhere=elsewhere)
    anamosa = facts_from_pages(
        [page], "test", place={"address.city": "Anamosa"}, elsewhere=elsewhere
    )
    assert (lisbon.facts.get("schedule.daytime"), lisbon.facts.get("schedule.evening")) == (
        True,
        None,
    )
    assert (anamosa.facts.get("schedule.daytime"), anamosa.facts.get("schedule.evening")) == (
        None,
        True,
    )
    # (one predicate over both: each has it)
    html = "<html><body><main><p>Evening IOP in Lisbon and Anamosa.</p></main></body></html>"
    page = page_record(html, "https://offices.example/", date(2026, 12, 7), [])
    both = facts_from_pages([page], "test", place={"address.city": "Lisbon"}, elsewhere=elsewhere)
    assert both.facts.get("schedule.evening") is True


def test_an_office_not_open_yet_is_no_door() -> None:
    body = lxml.html.fromstring(
        "<html><body><main><h1>Locations</h1><div><h2>Raeford</h2><p>214 West Main Street,"
        " Suite 2B<br>Raeford, NC 28376</p></div><div><h2>Red Springs \u2014 coming spring"
        " 2027</h2><p>210 West Main Street<br>Red Springs, NC 28377</p></div></main></body></html>"
    ).body
    assert [seen.facts["address.city"] for seen in seen_addresses(body)] == ["Raeford"]


def test_a_centres_iop_at_one_of_its_offices_stands_on_that_offices_page() -> None:
    footer = (
        "<footer><p>Administrative office: 1800 West Koch Street, Bozeman, MT 59715</p></footer>"
    )

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        return page_record(html, f"https://bridger.example{path}", date(2026, 12, 7), [])

    pages = [
        page("/", "Mental health and recovery care", "<p>Counseling at three offices.</p>"),
        page("/locations", "Locations",
             "<p>Belgrade Office: 211 North Broadway Street, Belgrade, MT 59714</p>"
             "<p>Bozeman: 1800 West Koch Street, Bozeman, MT 59715</p>"),
        page("/locations/belgrade", "Belgrade Office",
             "<p>211 North Broadway Street, Belgrade, MT 59714</p><p>Hours: Monday-Friday 8-7."
             "</p>"),
        page("/services/substance-use/intensive-outpatient", "Intensive Outpatient Program",
             "<p>Our IOP meets in Belgrade, Monday, Tuesday and Thursday, 4 to 7 p.m.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.ref == "https://bridger.example/locations/belgrade"
    assert location.place["address.city"] == "Belgrade"


def test_a_countys_program_is_named_by_its_department_as_the_page_above_writes_it() -> None:
    footer = "<footer><p>Courthouse: 230 Strand Street, St. Helens, OR 97051</p></footer>"

    def page(path: str, heading: str, content: str) -> PageRecord:
        html = (
            f"<html><head><title>{heading} | Milton Creek County | Official Website</title>"
            f"</head><body><main><h1>{heading}</h1>{content}</main>{footer}</body></html>"
        )
        return page_record(html, f"https://miltoncreek.example{path}", date(2026, 12, 7), [],
                           parent_marked=True)  # fmt: skip

    pages = [
        page("/departments/behavioral-health/substance-use-services",
             "Substance Use Disorder Services",
             "<p>Our intensive outpatient program meets at 2150 Gable Road, St. Helens, OR"
             " 97051.</p>"),
        page("/departments/behavioral-health", "Behavioral Health",
             "<p>Milton Creek County Behavioral Health is the county's community mental health"
             " program.</p>"),
        page("/", "Milton Creek County, Oregon", "<p>Welcome.</p>"),
    ]  # fmt: skip
    (location,) = site_locations(pages, pages[0].url)
    assert location.name == "Milton Creek County Behavioral Health"


def test_a_table_of_places_row_of_a_town_without_an_address_is_that_towns() -> None:
    html = (
        "<html><body><main><h1>Locations</h1><table><tr><th>Service</th><th>Belgrade</th>"
        "<th>Three Forks</th></tr><tr><td>Intensive outpatient program (IOP)</td><td>Yes</td>"
        "<td>No</td></tr></table><p>Belgrade Office: 211 North Broadway Street, Belgrade, MT"
        " 59714</p><p>Bozeman: 1800 West Koch Street, Bozeman, MT 59715</p></main></body></html>"
    )
    page = page_record(html, "https://bridger.example/locations", date(2026, 12, 7), [])
    read = facts_from_pages(
        [page], "test", place={"address.city": "Belgrade"}, elsewhere=("Bozeman",)
    )
    assert read.facts.get("levels_of_care.iop") is True


@pytest.mark.parametrize(
    ("card", "streets"),
    [
        ("<div><h2>Raeford</h2><p>Saturday IOP coming soon!</p><p>214 West Main Street<br>"
         "Raeford, NC 28376</p></div>", ["214 West Main Street"]),
        ("<p>Please plan on coming early for your first appointment at 214 West Main Street,"
         " Raeford, NC 28376.</p>", ["214 West Main Street"]),
        ("<p>A second location is coming in 2027. Today, groups meet at 214 West Main Street,"
         " Raeford, NC 28376.</p>", ["214 West Main Street"]),
        ("<p>Red Springs \u2014 coming spring 2027<br>210 West Main Street<br>Red Springs, NC"
         " 28377</p>", []),
        ("<p>Please mail payments to our clinic at 12 Park Ln, New Milford, CT 06776, or pay at"
         " the front desk.</p>", ["12 Park Ln"]),
        ("<p>You may mail payments to us or pay in person at our clinic, 12 Park Ln, New"
         " Milford, CT 06776.</p>", ["12 Park Ln"]),
    ],
)  # fmt: skip
def test_an_open_office_and_the_programs_own_payment_address_are_doors(
    card: str, streets: list[str]
) -> None:
    body = lxml.html.fromstring(f"<html><body><main>{card}</main></body></html>").body
    assert [seen.facts["address.street1"] for seen in seen_addresses(body)] == streets


@pytest.mark.parametrize(
    "sentence",
    [
        "IOP meets in Lisbon and Anamosa, Saturday groups in Anamosa.",
        "We accept Medicaid in Lisbon and Anamosa and offer Suboxone in Anamosa.",
    ],
)
def test_a_list_of_towns_sharing_a_predicate_is_each_towns(sentence: str) -> None:
    html = f"<html><body><main><p>{sentence}</p></main></body></html>"
    page = page_record(html, "https://offices.example/", date(2026, 12, 7), [])
    anamosa = facts_from_pages(
        [page], "test", place={"address.city": "Anamosa"}, elsewhere=("Lisbon", "Anamosa")
    )
    lisbon = facts_from_pages(
        [page], "test", place={"address.city": "Lisbon"}, elsewhere=("Lisbon", "Anamosa")
    )
    shared = {path for path, value in lisbon.facts.items() if value is True}
    assert shared and shared <= set(anamosa.facts)


def test_a_list_of_places_item_naming_the_iop_keeps_its_office() -> None:
    def page(path: str, heading: str, content: str) -> PageRecord:
        html = f"<html><body><main><h1>{heading}</h1>{content}</main></body></html>"
        return page_record(html, f"https://cassriver.example{path}", date(2026, 12, 7), [])

    pages = [
        page("/", "Care for the whole family", "<p>Medical, dental and behavioral health.</p>"),
        page("/locations", "Locations",
             '<ul><li><a href="/locations/caro-bh">Caro Behavioral Health</a> \u2014 counseling,'
             " IOP</li><li>Cass City Behavioral Health \u2014 6420 Main St, Cass City, MI 48726"
             " \u2014 counseling, intensive outpatient program (IOP)</li></ul>"),
        page("/locations/caro-bh", "Caro Behavioral Health",
             "<p>309 N State St, Suite 200, Caro, MI 48723</p><p>Services: outpatient"
             " counseling, intensive outpatient program.</p>"),
    ]  # fmt: skip
    found = {location.ref: location.set_aside for location in site_locations(pages, pages[0].url)}
    assert found == {
        "https://cassriver.example/locations/caro-bh": None,
        "https://cassriver.example/locations": None,
    }
