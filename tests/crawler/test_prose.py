"""The prose reader on short texts: statements, denials, testimonials, quantities, availability."""

from __future__ import annotations

import json
from datetime import date

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.prose import merge_readings, read_html, read_text
from crawler.prose.availability import without_its_label
from crawler.prose.numbers import (
    HOUR_NAMES,
    NAMED_MERIDIEM,
    clock_words,
    opening_hours,
    program_weeks,
    scheduled_hours,
    stamped_date,
)
from crawler.prose.page import PageKind, headed_segments, page_kind, parse
from crawler.prose.reader import PageReading
from iop.facility import Ownership

CRAWLED = date(2026, 3, 10)


def facts(text: str) -> dict:
    return read_text(text, crawl_date=CRAWLED).facts


def availability(text: str, page_date: date | None = None):
    reading = read_text(text, crawl_date=CRAWLED, page_date=page_date)
    assert len(reading.availability) == 1, reading.availability
    return reading.availability[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our Intensive Outpatient Program is ASAM Level 2.1.", {"levels_of_care.iop": True}),
        (
            "We offer partial hospitalization (PHP).",
            {"levels_of_care.partial_hospitalization": True},
        ),
        (
            "Clients who need partial hospitalization are referred to partner programs.",
            {},
        ),
        (
            "We prescribe Suboxone and Vivitrol.",
            {"medications.mat_buprenorphine": True, "medications.mat_naltrexone": True},
        ),
        (
            "We accept Medicaid (Centennial Care), Medicare and most private insurance.",
            {"payment.medicaid": True, "payment.medicare": True, "payment.private_insurance": True},
        ),
        ("We accept Medi-Cal.", {"payment.medicaid": True}),
        ("We accept MassHealth.", {"payment.medicaid": True}),
        ("AHCCCS plans accepted.", {"payment.medicaid": True}),
        ("We offer a sliding fee scale.", {"payment.sliding_fee": True}),
        ("Self-pay rates are available.", {"payment.self_pay": True}),
        ("Our counselors provide services in Spanish.", {"languages.spanish": True}),
        (
            "We are a non-profit organization.",
            {"ownership": Ownership.PRIVATE_NON_PROFIT},
        ),
        ("The program is operated by Alder County.", {"ownership": Ownership.PUBLIC_LOCAL}),
        ("Evening groups meet Tuesday and Thursday.", {"schedule.evening": True}),
        (
            "We have morning and evening IOP tracks.",
            {
                "levels_of_care.iop": True,
                "schedule.daytime": True,
                "schedule.evening": True,
            },
        ),
        ("Groups meet from 6 to 9 p.m.", {"schedule.evening": True}),
        ("Walk-ins welcome.", {"intake.walk_in": True}),
        (
            "Process groups, DBT and family therapy.",
            {
                "therapies.group_process": True,
                "therapies.group_therapy": True,
                "therapies.dbt": True,
                "therapies.family_therapy": True,
            },
        ),
        (
            "Art therapy and equine therapy are offered.",
            {
                "therapies.art_therapy": True,
                "therapies.equine_therapy": True,
            },
        ),
    ],
)
def test_statements(text: str, expected: dict) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not offer detox.", {"detox.detox_onsite": False}),
        (
            "We do not offer detox, but we refer clients to trusted detox partners.",
            {"detox.detox_onsite": False, "detox.detox_referral": True},
        ),
        ("We refer clients to detox partners.", {"detox.detox_referral": True}),
        ("No Medicaid.", {"payment.medicaid": False}),
        ("Medicaid not accepted.", {"payment.medicaid": False}),
        ("Medicaid: not accepted", {"payment.medicaid": False}),
        (
            "We do not accept Medicaid, Medicare or TRICARE.",
            {
                "payment.medicaid": False,
                "payment.medicare": False,
                "payment.military_insurance": False,
            },
        ),
        ("There are no weekend groups.", {"schedule.weekend": False}),
        ("We are not a residential program.", {"levels_of_care.residential": False}),
        ("Family therapy is not offered at this time.", {"therapies.family_therapy": False}),
        ("All assessments are by appointment only.", {"intake.walk_in": False}),
        ("You will be welcomed without judgment at our IOP.", {"levels_of_care.iop": True}),
        (
            "Our program does not replace inpatient detoxification.",
            {},
        ),
        # No place in it now is a wait, not a service denied.
        ("The Carson City office has no IOP openings until January.", {}),
        ("There are no evening group spots left this month.", {}),
    ],
)
def test_denials(text: str, expected: dict) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I went to detox before coming here.",  # a client speaking
        "My counselor got me on Vivitrol.",
        "Do you offer detox?",  # a question states nothing
        "Does Medicaid cover IOP?",
        "If you need medically supervised detox, call your doctor.",
        "Sliding-scale fees may be available.",  # a hedge
        "Clients on methadone from another clinic are welcome.",  # someone else's medication
    ],
)
def test_what_is_not_a_statement_of_the_program(text: str) -> None:
    assert "detox.detox_onsite" not in facts(text)
    assert "medications.mat_naltrexone" not in facts(text)
    assert "medications.mat_methadone" not in facts(text)
    assert "payment.medicaid" not in facts(text)
    assert "payment.sliding_fee" not in facts(text)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Our IOP is 9 hours per week.", 9),
        ("Groups meet three hours a day, three days a week.", 9),
        ("Sessions run 3 evenings a week, 3 hours each.", 9),
        ("IOP is 9-12 hours per week.", 12),  # ranges: the upper bound
        ("Our phone line is answered 24 hours a day, 7 days a week.", None),
    ],
)
def test_hours_per_week(text: str, hours: int | None) -> None:
    assert facts(text).get("schedule.hours_per_week") == hours


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("The program lasts 8 weeks.", 8),
        ("Most clients complete the program in 8 to 12 weeks.", 12),
        ("Our IOP is a 90-day program.", 12.9),
        ("Groups meet three days a week.", None),
        ("Clients should be sober for 2 weeks after detox.", None),
    ],
)
def test_program_weeks(text: str, weeks: float | None) -> None:
    assert facts(text).get("schedule.program_weeks") == weeks


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Next available intake within 48 hours.", 2),
        ("Current waitlist: 2\u20133 weeks.", 21),  # an en dash, as sites write it
        ("We offer same-day admission.", 0),
        ("The wait for an intake assessment is about one week.", 7),
        # a next intake's date is when, not a wait (the statement says it)
        ("Next available intake: Monday, March 16.", None),
        ("Next available start date: March 16, 2026.", None),
    ],
)
def test_days_to_intake(text: str, days: int | None) -> None:
    statement = availability(text)
    assert statement.days_to_intake == days
    assert statement.as_of == CRAWLED
    assert statement.statement == text


def test_accepting_and_not_accepting_new_patients() -> None:
    assert availability("Now accepting new patients.").accepting_new_patients is True
    assert availability("We are not accepting new clients.").accepting_new_patients is False
    for full in (
        "No openings until January; call to join the waitlist.",
        "The Carson City office has no IOP openings until January.",
    ):
        assert availability(full).accepting_new_patients is False
    no_wait = availability("We don't currently have a waitlist.")
    assert no_wait.accepting_new_patients is True
    assert no_wait.days_to_intake is None


def test_job_openings_and_insurance_callbacks_are_not_availability() -> None:
    for text in (
        "We have openings for licensed counselors.",
        "We will verify your insurance and call you within 24 hours.",
        "In many cases you can begin treatment within a few days, depending on your plan.",
    ):
        assert read_text(text, crawl_date=CRAWLED).availability == []


def test_statement_dates_beat_page_dates() -> None:
    statement = availability(
        "As of February 20, 2026, the waitlist is 10 days.", page_date=date(2026, 1, 5)
    )
    assert (statement.days_to_intake, statement.as_of) == (10, date(2026, 2, 20))


def test_page_date_from_visible_text_or_markup() -> None:
    html = """<html><head><meta property="article:modified_time" content="2026-01-02T10:00">
    </head><body><main><p>Same-day admissions.</p></main></body></html>"""
    reading = read_html(html, crawl_date=CRAWLED)
    assert reading.availability[0].as_of == date(2026, 1, 2)
    html = "<html><body><p>Updated March 3, 2026</p><p>Same-day admissions.</p></body></html>"
    assert read_html(html, crawl_date=CRAWLED).availability[0].as_of == date(2026, 3, 3)


def test_html_noise_is_not_read() -> None:
    html = """<html><body>
    <nav><ul><li><a href="/iop">IOP</a></li><li><a href="/detox">Detox</a></li></ul></nav>
    <form><select><option>Medicaid</option><option>Medicare</option></select></form>
    <div class="testimonial"><p>The detox unit here saved my life.</p></div>
    <blockquote>Best partial hospitalization program in town.</blockquote>
    <p>We accept the following plans:</p><ul><li>Aetna</li><li>Medicaid</li></ul>
    </body></html>"""
    reading = read_html(html, crawl_date=CRAWLED)
    assert reading.facts == {"payment.private_insurance": True, "payment.medicaid": True}


def test_pages_that_contradict_each_other_leave_the_fact_unknown() -> None:
    yes = read_text("We offer evening groups.", crawl_date=CRAWLED)
    no = read_text("We do not offer evening groups.", crawl_date=CRAWLED)
    also = read_text("We accept Medicaid.", crawl_date=CRAWLED)
    merged = merge_readings([yes, no, also])
    assert "schedule.evening" not in merged.facts
    assert merged.facts["payment.medicaid"] is True


def test_the_freshest_availability_statement_wins() -> None:
    old = read_text("Waitlist: 3 weeks.", crawl_date=CRAWLED, page_date=date(2026, 1, 1))
    new = read_text("Now accepting new clients.", crawl_date=CRAWLED, page_date=date(2026, 3, 1))
    merged = merge_readings([old, new], source="example")
    assert merged.availability["availability.accepting_new_patients"] is True
    assert "availability.days_to_intake" not in merged.availability
    assert merged.availability["availability.as_of"] == date(2026, 3, 1)
    assert merged.availability["availability.source"] == "example"
    assert merged.availability_as_of == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Groups meet Tuesday, Wednesday and Thursday, 1 to 4 PM.", 9),
        ("Evening groups run Monday through Thursday, 5:30-8:30 p.m.", 12),
        ("Our IOP meets three evenings a week, 6-9 pm.", 9),
        ("Mon, Wed, Thu 6-9 PM groups", 9),
        ("Groups meet Tuesdays and Thursdays from 6 to 8:30 p.m.", 5),
        # Two tracks' times in one sentence are not added up; office hours are no schedule.
        ("A day track (Mon, Wed, Fri, 9 a.m.-12 p.m.) or evenings (Tue-Thu, 6-9 p.m.).", None),
        ("Office hours Monday-Friday 8 a.m. to 5 p.m.", None),
        ("Groups meet Monday and Wednesday.", None),
        ("Evening track: Mon, Tue & Thu 5\u20138p", 9),
        ("Groups meet Mon/Wed/Fri, 9a-12p.", 9),
        ("Groups meet Monday, Wednesday and Friday, 2 to 3 a week.", None),
        # The days a client picks among those the groups meet.
        ("Evening IOP meets Monday through Thursday, 6 to 9 pm; pick any three nights a week.", 9),
        # two tracks' card lines run together: a client attends one
        (
            "Day IOP: Mon / Wed / Fri, 9:00 AM \u2013 12:00 PM Evening IOP: Mon / Tue / Thu, 5:30"
            " \u2013 8:30 PM",
            9,
        ),
        ("Groups run Monday through Thursday from 6 to 9 p.m.; you choose 3 of the 4 evenings.", 9),
        # One schedule's parts, not two tracks: the sessions add up.
        (
            "Group nights: Monday & Wednesday \u00b7 6\u20139 pm; Saturday \u00b7 10 am\u20131 pm.",
            9,
        ),
        # Two tracks' parts, each named: a client attends one.
        (
            "IOP groups: morning group Monday, Wednesday and Friday 9 am-12 pm; evening group"
            " Monday, Wednesday and Friday 6-9 pm.",
            9,
        ),
    ],
)
def test_weekly_hours_from_a_group_schedule(text: str, hours: float | None) -> None:
    assert scheduled_hours(text) == hours


def test_a_stated_figure_beats_the_schedule_and_two_schedules_that_disagree_give_none() -> None:
    schedule = "Groups meet Monday through Thursday, 6-9 p.m."
    assert facts(schedule)["schedule.hours_per_week"] == 12
    assert facts(f"{schedule} The program is nine hours a week.")["schedule.hours_per_week"] == 9
    other = "Daytime groups meet Monday, Wednesday and Friday, 9 a.m. to 12 p.m."
    assert facts(f"{schedule} {other}").get("schedule.hours_per_week") is None
    # Fewer hours than any IOP's week are one group's, not a second schedule.
    family = "A Saturday family group meets from 10 a.m. to noon."
    assert facts(f"{schedule} {family}")["schedule.hours_per_week"] == 12


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_a_denial_is_read_whatever_apostrophe_the_site_types(apostrophe: str) -> None:
    text = f"We don{apostrophe}t dispense methadone and we don{apostrophe}t provide detox on site."
    assert facts(text) == {"medications.mat_methadone": False, "detox.detox_onsite": False}
    reading = read_text(text, crawl_date=date(2026, 12, 4))
    assert set(reading.evidence.values()) == {text}  # quoted as the page wrote it


def test_denying_one_kind_of_the_program_denies_only_that_kind() -> None:
    assert facts("Telehealth IOP is not available; all groups meet in person.") == {
        "access.telehealth": False,
        "access.virtual_only": False,
    }
    assert facts("IOP is not offered at this location.") == {"levels_of_care.iop": False}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Denying a way of giving the program denies that way, not the program.
        ("We don't offer the IOP online.", {"access.virtual_only": False}),
        ("IOP is not available online.", {"access.virtual_only": False}),
        ("We don't run IOP groups online; groups meet in person.", {"access.virtual_only": False}),
        (
            "We do not offer virtual IOP.",
            {"access.telehealth": False, "access.virtual_only": False},
        ),
        ("We don't offer IOP groups.", {"levels_of_care.iop": False}),
        # Groups that meet in person: the program is not a virtual one.
        ("IOP groups meet in person.", {"levels_of_care.iop": True, "access.virtual_only": False}),
        ("Every group is in person.", {"access.virtual_only": False}),
        ("Cypress Turn is an in-person program.", {"access.virtual_only": False}),
        (
            "Individual sessions can be done in person or by secure video; groups meet in person.",
            {
                "therapies.individual_therapy": True,
                "access.telehealth": True,
                "access.virtual_only": False,
            },
        ),
        # Some sessions, hybrid groups and a comparison say less.
        ("Most sessions are in person.", {}),
        ("Groups meet in person or by video.", {"access.telehealth": True}),
        (
            "It meets the same nine-hour weekly standard as an in-person IOP.",
            {"levels_of_care.iop": True},
        ),
    ],
)
def test_groups_that_meet_in_person_are_no_virtual_program(text: str, read: dict) -> None:
    assert facts(text) == read


def test_what_some_of_a_chains_centres_offer_is_no_promise_of_this_one() -> None:
    assert facts("Some centers offer acupuncture and equine therapy through partners.") == {}


@pytest.mark.parametrize(
    ("text", "accepting", "days", "slots"),
    [
        ("Now accepting new IOP clients, and most start within five days of calling.", True, 5,
         None),
        ("We're still taking new people into the current group.", True, None, None),
        ("Updated Nov. 24, 2026: we have 3 open seats in the IOP.", True, None, 3),
        ("We are accepting new clients; in some cases intake may take a week.", True, None, None),
        ("Sage House: 2 beds open.", None, None, None),  # a residence's beds, not the IOP's
        ("Accepting new IOP clients \u2014 typical wait about 10 days.", True, 10, None),
        ("We are accepting referrals; the current wait for a start date is about ten days.",
         True, 10, None),
        ("There is a waiting list of about two weeks, and new admissions are being accepted.",
         True, 14, None),
        ("IOP spots are open now: call the office.", True, None, None),
        # Who may refer, and the week a weekday is in, are not said.
        ("Referrals are accepted from physicians, courts and self-referral.", None, None, None),
        ("Next available intake: Thursday", True, None, None),
        ("We're not accepting new IOP clients until spring semester.", False, None, None),
        ("Biddeford IOP: accepting new clients this week.", True, None, None),
        ("IOP group openings: 3", True, None, 3),
        ("Openings: 2 beds available now.", None, None, None),
        ("Our next IOP class begins January 11, 2027, and we have 4 spots remaining.", True,
         None, 4),
        ("New veterans are starting IOP in about 2 weeks.", None, 14, None),
        ("Tenemos 2 lugares disponibles en el grupo de la tarde.", True, None, 2),
        ("Our team is welcoming new staff members.", None, None, None),
        ("Willmar: openings in day and evening IOP this week.", True, None, None),
        ("Openings for the evening group: none", False, None, None),
    ],
)  # fmt: skip
def test_openings_as_sites_word_them(
    text: str, accepting: bool | None, days: int | None, slots: int | None
) -> None:
    said = read_text(text, crawl_date=date(2026, 12, 4)).availability
    if accepting is None and slots is None and days is None:
        assert said == []
        return
    assert [(s.accepting_new_patients, s.days_to_intake, s.open_slots) for s in said] == [
        (accepting, days, slots)
    ]
    assert said[0].statement == text


@pytest.mark.parametrize(
    ("url", "heading", "kind"),
    [
        ("https://a.example/recovery-housing/", "Sycamore House", PageKind.RESIDENCE),
        ("https://a.example/houses", "Our recovery homes for women", PageKind.RESIDENCE),
        ("https://a.example/", "Sober Living and Outpatient Treatment in Asheville",
         PageKind.PROGRAM),
        ("https://a.example/iop", "Evening IOP for adults", PageKind.PROGRAM),
    ],
)  # fmt: skip
def test_a_recovery_residences_page_states_nothing_of_the_iop(
    url: str, heading: str, kind: PageKind
) -> None:
    html = f"<html><body><h1>{heading}</h1><p>We are accepting new clients.</p></body></html>"
    assert page_kind(lxml.html.fromstring(html), url) is kind
    reading = read_html(html, crawl_date=CRAWLED, url=url)
    assert bool(reading.availability) is (kind is PageKind.PROGRAM)


def test_a_site_saying_its_offices_differ_is_marked_so() -> None:
    assert read_text("Services differ from center to center.", crawl_date=CRAWLED).varies_by_place
    assert not read_text("Our services are for adults.", crawl_date=CRAWLED).varies_by_place


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("https://a.example/treatment/what-is-iop", "What is intensive outpatient treatment?"),
        ("https://a.example/learn-more", "Signs of opioid use disorder"),
        ("https://a.example/blog", "From our counselors"),
        ("https://a.example/news/", "News"),
    ],
)
def test_explainers_and_blog_lists_are_articles(url: str, heading: str) -> None:
    html = f"<html><body><h1>{heading}</h1><p>Our IOP offers evening groups.</p></body></html>"
    assert page_kind(lxml.html.fromstring(html), url) is PageKind.ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "We'll help you get into a detox program first and then start IOP.",
        "Our admissions team will coordinate a detox admission at a partner hospital.",
        "If you need withdrawal management first, we will refer you to a withdrawal program.",
        "Our intake staff will help arrange a withdrawal management admission when needed.",
    ],
)
def test_help_getting_into_detox_elsewhere_is_a_referral(text: str) -> None:
    assert facts(text)["detox.detox_referral"] is True


@pytest.mark.parametrize(
    "text",
    [
        "If you already have a Suboxone prescriber, you're welcome in IOP.",
        "Clients who dose at an OTP are welcome in our IOP.",
        "Patients enrolled at an opioid treatment program can attend IOP while they keep dosing.",
        "We don't prescribe buprenorphine; if your own doctor prescribes it, you remain eligible.",
    ],
)
def test_clients_on_medication_from_elsewhere_are_welcome(text: str) -> None:
    said = facts(text)
    assert said["medications.mat_accepts_outside_prescriptions"] is True
    assert not any(said.get(f"medications.mat_{m}") for m in ("methadone", "buprenorphine"))


@pytest.mark.parametrize(
    "text",
    [
        "Groups are only available through telehealth, and family members are welcome.",
        "Patients who have a psychiatric prescriber are welcome.",
        "Clients who see their own family doctor are welcome to join.",
    ],
)
def test_welcoming_someone_names_no_addiction_medication(text: str) -> None:
    assert "medications.mat_accepts_outside_prescriptions" not in facts(text)


def test_how_a_medication_is_given_anywhere_is_not_the_programs_offer() -> None:
    assert facts("Methadone can only come from a certified opioid treatment program.") == {}


def test_a_kind_of_group_is_group_therapy_unless_the_page_says_otherwise() -> None:
    assert facts("Process groups meet daily.")["therapies.group_therapy"] is True
    assert facts("Group & individual therapy")["therapies.group_therapy"] is True
    assert "therapies.group_therapy" not in facts("We teach relapse prevention.")
    denied = facts("We do not offer group therapy. Our process groups are small.")
    assert denied["therapies.group_therapy"] is False


def test_not_for_profit_is_no_denial_and_a_county_department_is_public() -> None:
    said = facts("Coulee Bluffs is a 501(c)(3) not-for-profit community mental health center.")
    assert said["ownership"] is Ownership.PRIVATE_NON_PROFIT
    county = facts("The Tamarack County Department of Addiction Services runs five clinics.")
    assert county["ownership"] is Ownership.PUBLIC_LOCAL


@pytest.mark.parametrize(
    "text",
    [
        "Our nurses help you get through withdrawal at our own facility.",
        "We coordinate care for clients who are in withdrawal at intake.",
        "We accept referrals from the Hennepin County Department of Human Services.",
        "We teach relapse prevention and point clients to community support groups such as AA.",
    ],
)
def test_what_reads_like_a_service_but_is_not_one(text: str) -> None:
    said = facts(text)
    assert "detox.detox_referral" not in said
    assert "ownership" not in said
    assert "therapies.group_therapy" not in said


@pytest.mark.parametrize(
    "text", ["Our team is welcoming new staff members.", "We usually have openings."]
)
def test_no_promise_of_openings(text: str) -> None:
    assert read_text(text, crawl_date=date(2026, 12, 4)).availability == []


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Group sessions are held at our Sun City clinic on Tuesdays, 6-9 p.m.", 3),
        ("Groups meet Monday through Thursday, 6-9 p.m.; Fridays are for individual sessions.", 12),
        ("Groups meet Monday, Wednesday and Thursday from 6 to 9 p.m., with a family group on "
         "Saturdays.", 9),
    ],
)  # fmt: skip
def test_only_the_schedules_own_days_count(text: str, hours: float) -> None:
    assert scheduled_hours(text) == hours


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("Monday, Tuesday and Thursday evenings; 5:30 to 8:30 p.m.; Runs about eight weeks.", 8),
        ("8\u201312 weeks, depending on your plan.", 12),
        ("Full; waitlist about 3 weeks.", None),
    ],
)
def test_a_length_alone_in_a_programs_list_is_its_length(text: str, weeks: float | None) -> None:
    assert program_weeks(text) == weeks


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Office hours: Monday to Thursday eight to four-thirty, Friday eight to noon.",
         ["Mo-Th 08:00-16:30", "Fr 08:00-12:00"]),
        ("Our door is open from eight in the morning to half past four, Monday to Friday.",
         ["Mo-Fr 08:00-16:30"]),
        ("The office is open weekdays from half past eight until five.", ["Mo-Fr 08:30-17:00"]),
        ("Office open Monday through Friday, 9 to 5, and Saturday, 9 to noon.",
         ["Mo-Fr 09:00-17:00", "Sa 09:00-12:00"]),
        ("We're open Monday through Thursday from 8 in the morning until 7 at night.",
         ["Mo-Th 08:00-19:00"]),
        ("Office open Monday\u2013Thursday 10 a.m. to 9 p.m., Friday 10 to 2.",
         ["Mo-Th 10:00-21:00", "Fr 10:00-14:00"]),
        # A group's times are not the office's, however the clock is written.
        ("We meet three evenings a week, three hours each: Monday, Wednesday and Thursday from "
         "six to nine.", []),
        ("Office hours: Monday to Friday, 1 to 9.", []),  # no office opens at one in the night
    ],
)  # fmt: skip
def test_office_hours_as_sites_write_the_clock(text: str, hours: list[str]) -> None:
    assert facts(text).get("schedule.opening_hours", []) == hours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The circle meets four mornings a week, Monday through Thursday, from nine until noon.",
         {"schedule.daytime": True, "schedule.hours_per_week": 12}),
        ("We meet four afternoons a week, Monday through Thursday, from one o'clock until four.",
         {"schedule.daytime": True, "schedule.hours_per_week": 12}),
        ("Groups meet three evenings a week, Monday, Wednesday and Thursday, from six until nine.",
         {"schedule.evening": True, "schedule.hours_per_week": 9}),
        ("Groups meet Monday, Tuesday and Thursday from half past five until half past eight in "
         "the evening.", {"schedule.evening": True, "schedule.hours_per_week": 9}),
        # Number words that are not times of day.
        ("Groups meet weekly and are small, eight to ten.",
         {"schedule.daytime": None, "schedule.evening": None, "schedule.hours_per_week": None}),
    ],
)  # fmt: skip
def test_group_times_in_words(text: str, expected: dict[str, object]) -> None:
    found = facts(text)
    assert {path: found.get(path) for path in expected} == expected


def test_a_program_length_in_words_is_no_time_of_day() -> None:
    found = facts(
        "Groups meet Monday through Thursday evenings. The program runs eight to ten weeks."
    )
    assert found.get("schedule.program_weeks") == 10
    assert "schedule.hours_per_week" not in found


# Hour words; "noon" and "midnight" are times of day whatever follows.
COUNTABLE_HOURS = [word for word in HOUR_NAMES if word not in NAMED_MERIDIEM]


@given(
    first=st.sampled_from(COUNTABLE_HOURS),
    last=st.sampled_from(COUNTABLE_HOURS),
    joiner=st.sampled_from(["to", "until", "-", "\u2013"]),
    unit=st.sampled_from(["weeks", "days", "hours", "months", "people", "sessions", "clients"]),
    lead=st.sampled_from(["Most people stay", "Groups of", "The program runs from", "About"]),
)
def test_counted_number_words_are_never_read_as_times_of_day(
    first: str, last: str, joiner: str, unit: str, lead: str
) -> None:
    sentence = f"{lead} {first} {joiner} {last} {unit}."
    assert clock_words(sentence) == sentence


@pytest.mark.parametrize(
    "welcome",
    [
        "If your own addiction-medicine physician prescribes either, you are welcome here.",
        "Clients whose own doctor or clinic prescribes them are welcome in every group.",
        "Participants maintained on buprenorphine by their own addiction medicine physician may "
        "attend.",
        "Relatives who get those medicines from the tribal clinic are welcome in our groups.",
        "Clients receiving buprenorphine through a community clinic may enroll in IOP.",
        "Patients who dose at the regional hub attend our IOP.",
    ],
)
def test_clients_medicated_elsewhere_are_welcome_however_the_site_says_it(welcome: str) -> None:
    found = facts(f"We don't prescribe buprenorphine or naltrexone. {welcome}")
    assert found["medications.mat_accepts_outside_prescriptions"] is True
    assert found["medications.mat_buprenorphine"] is False  # the program's own: denied


def test_medication_from_the_program_itself_is_no_outside_prescription() -> None:
    found = facts("Clients get buprenorphine from our nurse practitioner and are welcome to stay.")
    assert found.get("medications.mat_buprenorphine") is True
    assert "medications.mat_accepts_outside_prescriptions" not in found


def test_plans_listed_under_a_payment_heading_are_accepted_and_enrolment_denied_denies() -> None:
    card = "<main><h2>Paying for care</h2><p>Medicaid, Medicare and private insurance.</p></main>"
    found = read_html(card, crawl_date=CRAWLED).facts
    assert {path: found.get(path) for path in PLANS} == dict.fromkeys(PLANS, True)
    elsewhere = "<main><h2>Who we serve</h2><p>Adults on Medicaid, Medicare or neither.</p></main>"
    found = read_html(elsewhere, crawl_date=CRAWLED).facts
    assert not set(PLANS) & set(found)
    assert facts("We are not enrolled with Medicare at this time.") == {"payment.medicare": False}
    assert facts("We're not a Medicare provider.") == {"payment.medicare": False}
    assert facts("Kentucky Medicaid may cover IOP depending on your plan.") == {}


PLANS = ("payment.medicaid", "payment.medicare", "payment.private_insurance")


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("It is a twelve-week program, followed by weekly aftercare.", 12),
        ("It is a twelve-week program with an individual session every other week.", 12),
        ("Fourteen weeks, then a year of weekly continuing care", 14),
        ("The group meets Mondays and Thursdays, 5:30 until 8:30 p.m., for sixteen weeks.", 16),
        ("Alumni meet every other week after the program.", None),
    ],
)
def test_a_programs_length_however_the_sentence_goes_on(text: str, weeks: int | None) -> None:
    assert program_weeks(text) == weeks


def test_a_data_tables_rows_are_read_each_as_its_label_and_value() -> None:
    html = """<main><h2>Insurance</h2><table>
    <tr><th>Plan</th><th>Network status</th></tr>
    <tr><td>NC Medicaid Managed Care</td><td>Not accepted</td></tr>
    <tr><td>Blue Cross NC</td><td>In network</td></tr></table>
    <table><tr><th>Daytime groups</th><td>None &mdash; groups meet after work</td></tr>
    <tr><th>IOP</th><td>No openings until January</td></tr></table></main>"""
    found = read_html(html, crawl_date=CRAWLED).facts
    assert found["payment.medicaid"] is False
    assert found["payment.private_insurance"] is True
    assert found["schedule.daytime"] is False
    assert found["levels_of_care.iop"] is True  # no openings is a wait, not a denial


def test_a_layout_tables_cells_are_read_each_on_its_own() -> None:
    html = """<main><table><tr>
    <td><div>We accept Medicaid.</div></td><td><div>Groups meet Tuesday evenings.</div></td>
    </tr></table></main>"""
    found = read_html(html, crawl_date=CRAWLED).facts
    assert found == {"payment.medicaid": True, "schedule.evening": True}


def test_a_directory_of_other_agencies_states_none_of_their_services() -> None:
    html = """<main><table><tr><th>Place</th><th>What they do</th><th>Phone</th></tr>
    <tr><td>Lakefront Opioid Clinic</td><td>Methadone and Suboxone</td><td>337-555-0183</td></tr>
    <tr><td>Bayou Residential Center</td><td>28-day residential care</td><td>337-555-0185</td></tr>
    </table></main>"""
    assert read_html(html, crawl_date=CRAWLED).facts == {}


@pytest.mark.parametrize(
    "text",
    [
        "Nationally, most IOPs meet about nine hours a week for eight weeks or so.",
        "Research shows that buprenorphine lowers the risk of overdose.",
        "Many programs offer weekend groups and telehealth.",
        "Individual counseling: one hour a week with the same counselor.",  # a part of the week
    ],
)
def test_what_programs_in_general_do_and_a_part_of_the_week_state_nothing(text: str) -> None:
    found = facts(text)
    assert "schedule.hours_per_week" not in found
    assert not {path for path in found if path.startswith(("medications.", "schedule.weekend"))}


def test_an_faq_answers_no_to_its_question_not_to_what_follows() -> None:
    answer = (
        "No, the IOP meets only on weeknights. A peer meeting not affiliated with us uses our "
        "group room on Saturday mornings."
    )
    found = facts(answer)
    assert found.get("levels_of_care.iop") is True
    assert "schedule.weekend" not in found  # someone else's meeting


def test_a_status_lines_stamp_and_seats() -> None:
    (wait,) = read_text("Current wait: ~5 days · updated Nov 30", crawl_date=CRAWLED).availability
    assert (wait.days_to_intake, wait.as_of) == (5, date(2025, 11, 30))  # the last Nov 30
    (seats,) = read_text("3 of 10 seats open", crawl_date=CRAWLED).availability
    assert seats.open_slots == 3


@pytest.mark.parametrize(
    "text",
    [
        "Patients who get methadone from an outside clinic cannot attend the IOP.",
        "Our case managers help clients enroll in Medicaid.",
        "Ask whether your doctor is a Medicare provider.",
        "We can help you find outpatient counseling near home.",
        "Next available intake: TBD.",
        "The next available intake date will be posted when the waitlist reopens.",
        "We are accepting referrals for our waitlist.",
        "Evening office hours: Monday to Thursday 5 to 8.",
        "Office open weekdays except Wednesday, 9 to 5.",
        "The morning group meets from eight to eleven, the afternoon group from one to four.",
        "After IOP, clients join our 12-month aftercare program.",
    ],
)
def test_sentences_a_review_found_misread_state_no_false_fact(text: str) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    false_facts = {
        "medications.mat_accepts_outside_prescriptions", "payment.medicaid", "payment.medicare",
        "levels_of_care.outpatient", "schedule.opening_hours", "schedule.evening",
        "schedule.program_weeks",
    }  # fmt: skip
    assert not false_facts & set(reading.facts)
    assert not [s for s in reading.availability if s.accepting_new_patients]


def test_plans_under_a_heading_of_plans_not_taken_are_not_accepted() -> None:
    html = "<main><h2>Insurance we do not take</h2><p>Medicaid; Tricare.</p></main>"
    assert read_html(html, crawl_date=CRAWLED).facts == {
        "payment.medicaid": False,
        "payment.military_insurance": False,
    }
    refused = "<main><h3>Not accepted</h3><p>TRICARE. We'll help you find a provider.</p></main>"
    assert read_html(refused, crawl_date=CRAWLED).facts == {"payment.military_insurance": False}
    cells = """<main><h2>Insurance</h2><table><tr><th><p>Medicaid</p></th><td><p>Not accepted</p>
    </td></tr></table></main>"""
    assert read_html(cells, crawl_date=CRAWLED).facts == {"payment.medicaid": False}


def test_fees_not_available_deny_the_fee() -> None:
    assert facts("Sliding scale fees are not available.") == {"payment.sliding_fee": False}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No recetamos medicamentos. Si usted recibe buprenorfina (Suboxone) o metadona de su "
         "médico o de una clínica, puede participar en el programa con toda confianza.",
         # (naltrexone, named by neither sentence, is not denied)
         {"medications.mat_buprenorphine": False, "medications.mat_methadone": False,
          "medications.mat_accepts_outside_prescriptions": True}),
        ("Los participantes vienen tres tardes por semana (9 horas en total) y viven en su casa.",
         {"schedule.hours_per_week": 9}),
        ("Hours per week: 9", {"schedule.hours_per_week": 9}),
        ("Grupo familiar los sábados de 10:00 a.m. a 1:00 p.m.",
         {"therapies.family_therapy": True, "schedule.weekend": True}),
        ("No somos un programa residencial.", {"levels_of_care.residential": False}),
        ("Nadie es rechazado por falta de dinero.", {"payment.free_care": True}),
        ("Una sesión individual cada semana (en persona o por video).",
         {"therapies.individual_therapy": True, "access.telehealth": True}),
        ("Al terminar, puede seguir en nuestro grupo semanal de consulta externa.",
         {"levels_of_care.outpatient": True}),
        ("Terapia cognitivo-conductual (TCC) y prevención de recaídas.",
         {"therapies.cbt": True, "therapies.group_relapse_prevention": True}),
    ],
)  # fmt: skip
def test_a_site_in_spanish_states_what_its_english_would(text: str, expected: dict) -> None:
    facts = read_text(text, crawl_date=CRAWLED).facts
    assert {path: facts.get(path) for path in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We don\u2019t bill insurance, Medicaid (Iowa Health Link) or Medicare.",
         {"payment.medicaid": False, "payment.medicare": False}),
        ("Not accepted at this location: Medicare, TRICARE.",
         {"payment.medicare": False, "payment.military_insurance": False}),
        ("No one is denied services because of an inability to pay.", {"payment.free_care": True}),
        ("If a doctor already prescribes you Suboxone or Vivitrol, keep taking it: clients on "
         "medication for addiction treatment are welcome.",
         {"medications.mat_buprenorphine": None, "medications.mat_naltrexone": None,
          "medications.mat_accepts_outside_prescriptions": True}),
    ],
)  # fmt: skip
def test_lists_denied_whole_and_welcomes_that_offer_nothing(text: str, expected: dict) -> None:
    facts = read_text(text, crawl_date=CRAWLED).facts
    assert {path: facts.get(path) for path in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "“Me ayudó mucho. Los grupos de los sábados en español fueron lo mejor.” — Rosa, Healdton",
        "Some of our veterans also ride with the free equine program run by a ranch in Waimea.",
        "She also sees private EMDR clients on Saturday mornings at her Marietta office.",
        "We use a telephone interpreter line for Vietnamese speakers at no cost to you.",
        "ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia "
        "lingüística.",
        "Medicare: Select centers.",
    ],
)
def test_what_others_say_or_do_and_what_some_centres_take_is_no_promise(text: str) -> None:
    facts = read_text(text, crawl_date=CRAWLED).facts
    stated = {path for path in facts if not path.startswith("languages.")}
    assert stated == set(), facts


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Intake update (Dec 1, 2026): We are not accepting new IOP clients.", date(2026, 12, 1)),
        ("Posted December 1, 2026: intakes resume in January; not accepting new clients.",
         date(2026, 12, 1)),
        ("Actualización 28 de noviembre de 2026: Tenemos 2 lugares disponibles.",
         date(2026, 11, 28)),
    ],
)  # fmt: skip
def test_a_statements_own_stamp_dates_it(text: str, as_of: date) -> None:
    (said,) = read_text(text, crawl_date=date(2026, 12, 5)).availability
    assert (said.as_of, said.dated) == (as_of, True)


@pytest.mark.parametrize(
    "text",
    [
        "No IOP groups meet on weekends at either office.",
        "Some of our veterans ride with a ranch nearby. It isn\u2019t part of our IOP.",
        "We're not accepting new IOP clients until spring semester.",
        "Telehealth IOP is not available.",
    ],
)
def test_denying_a_part_of_the_program_denies_no_program(text: str) -> None:
    assert "levels_of_care.iop" not in read_text(text, crawl_date=CRAWLED).facts
    assert read_text("We do not offer an intensive outpatient program.",
                     crawl_date=CRAWLED).facts["levels_of_care.iop"] is False  # fmt: skip


# A review of this reader's new rules found each of these read wrongly; each is pinned here.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not in-network with Aetna or Cigna: we accept Medicaid, Medicare and self-pay clients.",
         {"payment.medicaid": True, "payment.medicare": True, "payment.self_pay": True}),
        ("Not covered by insurance: yoga, acupuncture and equine therapy sessions are billed "
         "separately.", {"therapies.yoga": True, "therapies.acupuncture": True}),
        ("No referral is needed (you can call us directly), and Medicaid is accepted.",
         {"payment.medicaid": True}),
        ("Don't have insurance (or have a high deductible), we offer a sliding fee scale.",
         {"payment.sliding_fee": True}),
        ("Our day program meets five days a week (6 hours a day).",
         {"schedule.hours_per_week": 30}),
        ("Groups meet three evenings a week (3 hours each).", {"schedule.hours_per_week": 9}),
        ("We meet Mondays, Wednesdays and Thursdays, with the sessions running 6-9 pm.",
         {"schedule.hours_per_week": 9}),
        ("Las tarifas se basan en los ingresos y el tamaño de su grupo familiar.",
         {"therapies.family_therapy": None}),
        ("Los grupos no se reúnen los sábados ni domingos.", {"schedule.weekend": None}),
        ("Los pacientes que reciben metadona de otro programa no pueden participar en el IOP.",
         {"medications.mat_accepts_outside_prescriptions": None}),
        ("El IOP es ideal para personas que no necesitan un programa residencial.",
         {"levels_of_care.residential": None}),
        ("No recetamos medicamentos para la ansiedad.", {"medications.mat_buprenorphine": None}),
        ("Our IOP is run by a team of licensed clinicians.", {"levels_of_care.iop": True}),
        ("We welcome private pay clients and accept Medicaid and Medicare.",
         {"payment.medicaid": True, "payment.medicare": True}),
        ("Dr. Patel, our medical director, prescribes Suboxone from her office in our building.",
         {"medications.mat_buprenorphine": True}),
        ("We accept Medicaid at all locations.", {"payment.medicaid": True}),
        ("\u201cRecovery happens in community\u201d \u2014 that is our motto. Our IOP meets "
         "three evenings a week.", {"levels_of_care.iop": True}),
        ("We do not offer IOP groups; we provide individual outpatient counseling only.",
         {"levels_of_care.iop": False}),
        ("We don't have IOP sessions at this clinic.", {"levels_of_care.iop": False}),
        ("New veterans are starting IOP in about 2 weeks.", {"schedule.program_weeks": None}),
    ],
)  # fmt: skip
def test_what_the_review_found_read_wrongly(text: str, expected: dict) -> None:
    facts = read_text(text, crawl_date=CRAWLED).facts
    assert {path: facts.get(path) for path in expected} == expected


@pytest.mark.parametrize(
    ("text", "accepting", "days", "slots"),
    [
        ("Referrals are reviewed daily; next available intake: January 12, 2027.", True, None,
         None),
        ("Clients start seeing results in 4 weeks.", None, None, None),
        ("Relapse Prevention Group, Tuesdays 6-8 pm. Seats: 12", None, None, None),
        ("Openings: 3 (women's sober living house)", None, None, None),
        ("Contamos con 40 espacios disponibles de estacionamiento gratuito.", None, None, None),
        ("We are currently accepting new mentors for our peer recovery program.", None, None,
         None),
        ("We are currently accepting new students for our counseling internship program.",
         None, None, None),
        ("We are not accepting new mental health clients at this time, but our IOP has "
         "openings.", True, None, None),
    ],
)  # fmt: skip
def test_openings_the_review_found_read_wrongly(
    text: str, accepting: bool | None, days: int | None, slots: int | None
) -> None:
    said = read_text(text, crawl_date=date(2026, 12, 5)).availability
    assert [(s.accepting_new_patients, s.days_to_intake, s.open_slots) for s in said] == (
        [] if accepting is None and days is None else [(accepting, days, slots)]
    )
    assert all(s.as_of == date(2026, 12, 5) for s in said)  # no stamp: the crawl's day


def test_a_weeks_table_is_read_row_by_row_and_a_comparison_by_its_iop_column() -> None:
    week = """<html><body><main><h1>IOP</h1><table><tr><th>Day</th><th>Time</th><th>Group</th></tr>
    <tr><td>Mon</td><td>5:30\u20138:30 p.m.</td><td>Process group</td></tr>
    <tr><td>Wed</td><td>5:30\u20138:30 p.m.</td><td>Skills group</td></tr>
    <tr><td>Fri</td><td>1:00\u20134:00 p.m.</td><td>Relapse prevention group</td></tr></table>
    </main></body></html>"""
    facts = read_html(week, crawl_date=CRAWLED, url="https://x.example/iop").facts
    assert facts["therapies.group_process"] and facts["therapies.group_skills"]
    assert facts["schedule.evening"] and facts["schedule.daytime"]
    compared = """<html><body><main><h1>Levels of care</h1><table>
    <tr><th>Service</th><th>IOP</th><th>PHP</th></tr>
    <tr><td>Medicaid</td><td>No</td><td>Yes</td></tr>
    <tr><td>Yoga</td><td>No</td><td>Yes</td></tr></table></main></body></html>"""
    facts = read_html(compared, crawl_date=CRAWLED, url="https://x.example/levels").facts
    # The PHP's "Yes" is not the IOP's; the IOP's own "No" denies yoga.
    assert facts.get("payment.medicaid") is not True and facts["therapies.yoga"] is False


# A second review found each of these read wrongly by the first review's mends.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No waitlist, evening and weekend groups, individual counseling, family therapy and "
         "Suboxone.", {"medications.mat_buprenorphine": True, "therapies.family_therapy": True,
                       "schedule.evening": True}),
        ("No Medicaid, Medicare or TRICARE.",
         {"payment.medicare": False, "payment.military_insurance": False}),
        ("No IOP groups are available on weekends.", {"levels_of_care.iop": None}),
        ("We don't run IOP groups on Saturdays.",
         {"levels_of_care.iop": None, "schedule.weekend": False}),
        ("Our IOP meets three evenings per week (9 hours total).", {"schedule.hours_per_week": 9}),
        ("Groups meet three evenings a week (nine hours in all).", {"schedule.hours_per_week": 9}),
        ("Individual counseling is available Monday through Friday; IOP groups run 6-9 p.m.",
         {"schedule.hours_per_week": None}),
        ("Equine therapy is offered by a local ranch.", {"therapies.equine_therapy": None}),
        ("Dr. Patel also prescribes Suboxone through his private practice.",
         {"medications.mat_buprenorphine": None}),
        ("Telehealth groups are offered by a licensed counselor every Tuesday evening.",
         {"access.telehealth": True}),
        ("Select locations offer Suboxone and Vivitrol.",
         {"medications.mat_buprenorphine": None, "medications.mat_naltrexone": None}),
        ("\u201cStaff started Jake on Vivitrol and the evening IOP within a week.\u201d \u2014 "
         "Maria S., Tulsa", {"medications.mat_naltrexone": None, "levels_of_care.iop": None}),
    ],
)  # fmt: skip
def test_what_the_second_review_found_read_wrongly(text: str, expected: dict) -> None:
    facts = read_text(text, crawl_date=CRAWLED).facts
    assert {path: facts.get(path) for path in expected} == expected


@pytest.mark.parametrize(
    ("text", "slots", "as_of"),
    [
        ("Evening IOP - Openings: 3", 3, None),
        ("Spots available: 2", 2, None),
        ("Tenemos 3 espacios disponibles en el programa intensivo.", 3, None),
        ("Free parking: 12 spots available behind the building.", None, None),
        ("Updated Tuesday, March 3, 2026: we have 3 open seats in our evening IOP.", 3,
         date(2026, 3, 3)),
    ],
)  # fmt: skip
def test_openings_the_second_review_found(text: str, slots: int | None, as_of: date | None) -> None:
    said = read_text(text, crawl_date=date(2026, 12, 5)).availability
    assert [s.open_slots for s in said] == ([slots] if slots else [])
    assert all(s.as_of == (as_of or date(2026, 12, 5)) for s in said)


@pytest.mark.parametrize(
    ("text", "stamped"),
    [
        ("Last updated: Tuesday, March 3, 2026", date(2026, 3, 3)),
        ("Last reviewed by our clinical team on March 3, 2026", date(2026, 3, 3)),
        ("Updated weekly. Last updated: March 3, 2026", date(2026, 3, 3)),
        ("As of January 1, we will no longer accept Medicare.", None),
        ("Referrals are reviewed daily; next available intake: January 12, 2027.", None),
    ],
)
def test_a_pages_stamp_is_the_date_right_after_its_word(text: str, stamped: date | None) -> None:
    assert stamped_date(text, date(2026, 12, 5), latest=date(2026, 12, 5)) == stamped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Group therapy and a weekly individual session.",
         {"therapies.individual_therapy": True}),
        ("Participants meet individually with a counselor every week.",
         {"therapies.individual_therapy": True}),
        ("Individual and family counseling.",
         {"therapies.individual_therapy": True, "therapies.family_therapy": True}),
        ("Families are invited to a monthly family education night.",
         {"therapies.family_therapy": True}),
        ("Family medicine for all ages at every site.", {"therapies.family_therapy": None}),
        ("The evening IOP is $240 per week, billed weekly.", {"payment.self_pay": True}),
        ("Research participants are paid $20 per session.", {"payment.self_pay": None}),
        ("Parking is $5 per day.", {"payment.self_pay": None}),
        ("You can walk in any Tuesday at 6 p.m.", {"intake.walk_in": True}),
        ("Counselors walk with you through recovery.", {"intake.walk_in": None}),
        ("Clients who need withdrawal management are referred to a medical provider.",
         {"detox.detox_referral": True}),
        ("If you need withdrawal care first, we'll help you find a program.",
         {"detox.detox_referral": True}),
        ("All IOP groups are during the day.", {"schedule.daytime": True}),
        # A third review found these read wrongly by the wordings above; each is pinned here.
        ("Medicaid reimburses the program $150 per day.", {"payment.self_pay": None}),
        ("Missed appointments are charged $50 per session.", {"payment.self_pay": None}),
        ("We do not accept self-pay clients; insurance is billed $200 per session.",
         {"payment.self_pay": False}),
        ("The IOP is $75 a week, paid by the participant or family.", {"payment.self_pay": True}),
        ("Patients walk in for daily dosing each morning; new admissions are scheduled by "
         "appointment.", {"intake.walk_in": None}),
        ("You can walk in our doors knowing you will be welcomed.", {"intake.walk_in": None}),
        ("Many of our clients come to us after detox and are referred by their physicians.",
         {"detox.detox_referral": None}),
        ("Patients completing detoxification are referred to our IOP for ongoing care.",
         {"detox.detox_referral": None}),
        ("Each client meets individually with a case manager to plan their discharge.",
         {"therapies.individual_therapy": None}),
        ("Intake is a single individual session with a clinician.",
         {"therapies.individual_therapy": None}),
        ("Al-Anon Family Groups meet Tuesday nights in the church hall next door.",
         {"therapies.family_therapy": None}),
        ("Our evening IOP fits around your work schedule during the day.",
         {"schedule.daytime": None}),
        # And a fourth review, of the third's mends.
        ("Treatment is $0 per week for county residents; it is fully paid by a state grant.",
         {"payment.self_pay": None}),
        ("Without insurance, the program costs $240 per week.", {"payment.self_pay": True}),
        ("You can walk in on Tuesdays for an assessment.", {"intake.walk_in": True}),
        ("Walk in for a same-day assessment, Monday through Friday.", {"intake.walk_in": True}),
        ("Clients who need detox are referred elsewhere.", {"detox.detox_referral": True}),
        ("If you need detox, we'll refer you to our inpatient partner at St. Mary's.",
         {"detox.detox_referral": True}),
        ("Each client meets individually with a licensed counselor every week.",
         {"therapies.individual_therapy": True}),
        ("Each week includes a 50-minute individual session.",
         {"therapies.individual_therapy": True}),
        ("An individual session every week.", {"therapies.individual_therapy": True}),
        ("A weekly family group meets Thursday evenings.", {"therapies.family_therapy": True}),
        ("We partner with county family programs such as WIC and Head Start.",
         {"therapies.family_therapy": None}),
        ("IOP schedule: 3 hrs/day, 3 days/wk", {"schedule.hours_per_week": 9}),
    ],
)  # fmt: skip
def test_services_as_more_sites_word_them(text: str, expected: dict) -> None:
    facts = read_text(text, crawl_date=CRAWLED).facts
    assert {path: facts.get(path) for path in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Another provider's methadone: the program's clients take part, it gives none.
        (
            "Methadone is provided through our contracted opioid treatment program in West"
            " Valley City.",
            {"medications.mat_accepts_outside_prescriptions": True},
        ),
        (
            "No Oquirrh County resident will be denied services because of inability to pay.",
            {"payment.free_care": True},
        ),
        (
            "Services are free to enrolled members of federally recognized tribes.",
            {"payment.free_care": True},
        ),
        ("We don\u2019t have detox beds.", {"detox.detox_onsite": False}),
        ("No detox beds are open today.", {}),
        (
            "The health center is owned and operated by the Sagebrush Flat Paiute-Shoshone Tribe"
            " under a self-governance compact with the Indian Health Service.",
            {"ownership": Ownership.PUBLIC_TRIBAL},
        ),
        ("The clinic is accredited by AAAHC.", {"accreditations": ["AAAHC"]}),
        (
            "Counselors who speak Northern Paiute and Shoshone are on staff.",
            {"languages.other": ["Northern Paiute", "Shoshone"]},
        ),
        # A language's name in a place's name is the place.
        ("Cherokee County residents can ask for an interpreter.", {}),
        (
            "Education groups on alcohol, methamphetamine and opioids.",
            {"therapies.group_psychoeducation": True},
        ),
        ("Family healing sessions.", {"therapies.family_therapy": True}),
        (
            "Our providers prescribe naltrexone for alcohol use disorder.",
            {"medications.mat_naltrexone": True, "medications.mat_alcohol": True},
        ),
        # Sessions at different times, each after its days, add up; two tracks do not.
        (
            "Groups meet Tuesday and Thursday from 10 a.m. to 1 p.m. and Wednesday evening"
            " from 5 to 8 p.m.",
            {"schedule.daytime": True, "schedule.evening": True, "schedule.hours_per_week": 9},
        ),
        (
            "Day track Mon, Wed, Fri 9 a.m.-12 p.m. or evening track Tue and Thu 6-9 p.m.",
            {"schedule.daytime": True, "schedule.evening": True},
        ),
        # Walk-in hours are when assessments are done, not a group's schedule nor the office's.
        (
            "Services: Assessments - walk in Monday and Wednesday, 8:00 to 11:00 a.m;"
            " Intensive Outpatient Program (ASAM Level 2.1).",
            {"intake.walk_in": True, "levels_of_care.iop": True},
        ),
        # A denial of prescribing denies what it, or the next sentence, names; alone, all.
        (
            "Our practice doesn\u2019t prescribe.",
            {
                "medications.mat_buprenorphine": False,
                "medications.mat_methadone": False,
                "medications.mat_naltrexone": False,
            },
        ),
        (
            "We don't prescribe. Many of our clients see Dr. Hana Whitcomb at Bannock Family"
            " Medicine, who prescribes buprenorphine and naltrexone and coordinates with us.",
            {"medications.mat_buprenorphine": False, "medications.mat_naltrexone": False},
        ),
        (
            "We don\u2019t prescribe any medication ourselves, but members who take"
            " buprenorphine (Suboxone) or naltrexone (Vivitrol) under their own doctor are"
            " welcome.",
            {
                "medications.mat_buprenorphine": False,
                "medications.mat_naltrexone": False,
                "medications.mat_accepts_outside_prescriptions": True,
            },
        ),
        # Every item of a refusing list is refused.
        (
            "We don\u2019t accept: Medicare \u2014 we are not Medicare providers; TRICARE.",
            {"payment.medicare": False, "payment.military_insurance": False},
        ),
        (
            "Not accepted at this location: Medicare; TRICARE.",
            {"payment.medicare": False, "payment.military_insurance": False},
        ),
        # A kind of the program denied ("no daytime IOP") is that kind, not the program.
        ("There\u2019s no daytime IOP.", {"schedule.daytime": False}),
        ("Most people are with us for 12 to 16 weeks.", {"schedule.program_weeks": 16}),
        ("Maybe! We\u2019re thinking about a Saturday morning group in 2027.", {}),
        (
            # what the practice is: an outpatient practice offers outpatient care (as the
            # eleventh, thirteenth, twenty-second and later sets label it)
            "We\u2019re an outpatient practice only, but we know which residential programs in"
            " Minnesota are affirming.",
            {"levels_of_care.residential": False, "levels_of_care.outpatient": True},
        ),
        (
            "If you need it, we\u2019ll connect you with a withdrawal management program and"
            " hold your IOP start.",
            {"levels_of_care.iop": True, "detox.detox_referral": True},
        ),
        ("Our private-pay rate is $150 per group night.", {"payment.self_pay": True}),
        ("IOP is in person only.", {"levels_of_care.iop": True, "access.virtual_only": False}),
        (
            "Some people need detox or a residential stay; others find that acupuncture, yoga"
            " or a sober softball league helps.",
            {},
        ),
        (
            "We do not prescribe methadone; members dosing at an opioid treatment program are"
            " welcome.",
            {
                "medications.mat_methadone": False,
                "medications.mat_accepts_outside_prescriptions": True,
            },
        ),
        (
            "For alcohol withdrawal we offer ambulatory withdrawal management.",
            {"detox.detox_outpatient": True},
        ),
        # A minimum is not the length most people stay.
        (
            "Eight weeks minimum; most members stay 10\u201312 weeks, then move to our weekly"
            " aftercare group.",
            {"schedule.program_weeks": 12},
        ),
        # "full members of the program" is no full program
        (
            "Members who take buprenorphine under their own doctor are full members of the"
            " program.",
            {"medications.mat_accepts_outside_prescriptions": True},
        ),
        (
            "We are not an opioid treatment program: if methadone is the right medication for"
            " you, we refer you to an opioid treatment program in Greeley and keep seeing you"
            " here for IOP.",
            {
                "medications.otp_certified": False,
                "levels_of_care.iop": True,
                "medications.mat_accepts_outside_prescriptions": True,
            },
        ),
        (
            "A typical stay is 8 to 10 weeks, after which patients continue in regular"
            " outpatient counseling.",
            {"levels_of_care.outpatient": True, "schedule.program_weeks": 10},
        ),
        ("Medicare: we are not able to bill Medicare.", {"payment.medicare": False}),
        # Two tracks of the same hours: the program's hours; of different hours: none.
        (
            "Day IOP: Monday, Wednesday, Friday, 8:30\u201311:30 a.m; Evening IOP: Monday,"
            " Tuesday, Thursday, 5:30\u20138:30 p.m.",
            {
                "levels_of_care.iop": True,
                "schedule.daytime": True,
                "schedule.evening": True,
                "schedule.hours_per_week": 9,
            },
        ),
        (
            # Two tracks' hours (9 and 6): the most a track gives, as "6 to 9 hours" is 9.
            "Day IOP: Mon, Wed, Fri, 9 a.m.\u201312 p.m; Evening IOP: Tue and Thu, 6\u20139 p.m.",
            {
                "levels_of_care.iop": True,
                "schedule.daytime": True,
                "schedule.evening": True,
                "schedule.hours_per_week": 9.0,
            },
        ),
        # A refusal before the words that say it is someone else's is still a refusal; the
        # welcome in the next clause is not refused with it.
        (
            "We cannot provide methadone, which is only dispensed at in-person opioid treatment"
            " programs \u2014 but members who get methadone from a clinic are welcome.",
            {
                "medications.mat_methadone": False,
                "medications.mat_accepts_outside_prescriptions": True,
            },
        ),
        ("Clients on methadone from an outside clinic cannot attend the IOP.", {}),
        # One state's Medicaid taken, other states' refused: the program takes Medicaid.
        (
            "In network: Oregon Health Plan (OHP). Not in network: Washington Apple Health"
            " (Medicaid), Idaho Medicaid and Montana Medicaid \u2014 not at this time.",
            {"payment.medicaid": True},
        ),
        ("We accept Medicaid. We do not accept Medicaid.", {}),
        ("$1,800 for each 4 weeks of IOP, billed monthly.", {"levels_of_care.iop": True}),
        (
            "Groups mix process work with psychoeducation and relapse prevention.",
            {
                "therapies.group_process": True,
                "therapies.group_psychoeducation": True,
                "therapies.group_relapse_prevention": True,
            },
        ),
    ],
)
def test_what_the_fourteenth_set_reads(text: str, expected: dict) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Next IOP cohort begins January 12, 2027 \u2014 6 openings.", 6),
        ("PHP has 3 openings this week.", None),
        ("20 openings remain.", None),
        ("We have 2 openings for counselors in our IOP.", None),
    ],
)
def test_bare_openings_are_the_iops_only_in_a_sentence_of_its_groups(
    text: str, slots: int | None
) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert [statement.open_slots for statement in reading.availability] == (
        [slots] if slots else []
    )


def test_a_table_of_the_groups_times_is_read_row_by_row_and_a_comparison_is_not() -> None:
    schedule = (
        "<table><caption>IOP groups</caption><tr><th>Group</th><th>Days</th><th>Time</th></tr>"
        "<tr><td>Adult day IOP</td><td>Mon, Tue, Wed</td><td>9:00 a.m. \u2013 12:00</td></tr>"
        "<tr><td>Adult evening IOP</td><td>Mon, Tue, Thu</td><td>5:00 \u2013 8:00 p.m.</td></tr>"
        "</table>"
    )
    comparison = (
        "<table><tr><th>Level</th><th>Hours a week</th><th>Weeks</th></tr>"
        "<tr><td>PHP</td><td>25\u201330</td><td>2\u20134</td></tr>"
        "<tr><td>IOP</td><td>9\u201315</td><td>8\u201312</td></tr></table>"
    )
    read = read_html(f"<html><body><main>{schedule}</main></body></html>", crawl_date=CRAWLED)
    assert read.facts["schedule.hours_per_week"] == 9
    assert read.facts["schedule.daytime"] is True and read.facts["schedule.evening"] is True
    compared = read_html(f"<html><body><main>{comparison}</main></body></html>", crawl_date=CRAWLED)
    assert "schedule.hours_per_week" not in compared.facts
    assert "schedule.program_weeks" not in compared.facts


def test_a_seat_opening_in_some_weeks_is_the_wait() -> None:
    reading = read_text(
        "Our IOP is full for now. Join the interest list and we'll call you when a seat opens"
        " \u2014 usually 3 to 4 weeks.",
        crawl_date=CRAWLED,
    )
    assert [(s.accepting_new_patients, s.days_to_intake) for s in reading.availability] == [
        (False, None),
        (None, 28),
    ]


def test_a_coverage_table_under_a_payment_heading_accepts_its_yes_rows() -> None:
    table = (
        "<h1>Insurance &amp; Cost</h1><table><tr><th>Coverage</th><th>Accepted?</th></tr>"
        "<tr><td>TRICARE East</td><td>Yes</td></tr><tr><td>Medicare</td><td>Yes</td></tr>"
        "<tr><td>BlueCross BlueShield and other commercial plans</td><td>Yes</td></tr></table>"
    )
    read = read_html(f"<html><body><main>{table}</main></body></html>", crawl_date=CRAWLED)
    assert read.facts == {
        "payment.military_insurance": True,
        "payment.medicare": True,
        "payment.private_insurance": True,
    }


def test_an_accreditation_shown_only_as_its_seal_is_stated() -> None:
    html = (
        "<html><body><main><h1>Our IOP</h1><p>Intensive outpatient program.</p></main><footer>"
        '<img src="/carf.png" alt="CARF Accredited"><img src="/naatp.png" alt="NAATP Member">'
        "</footer></body></html>"
    )
    read = read_html(html, crawl_date=CRAWLED)
    assert read.facts["accreditations"] == ["CARF"]


def test_times_under_a_schedule_heading_are_the_groups() -> None:
    reading = read_text(
        [
            "Schedule",
            "Tuesday and Thursday, 6:00\u20139:00 PM, plus Saturday, 9:00 AM\u201312:00 PM.",
        ],
        crawl_date=CRAWLED,
        headings=[True, False],
    )
    # Three sessions of three hours: nine a week.
    assert reading.facts == {
        "schedule.daytime": True,
        "schedule.evening": True,
        "schedule.hours_per_week": 9.0,
    }


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Openings this week: 2 in the evening IOP.", 2),
        ("Openings: 3", 3),
        ("Winter cohort (starts January 5): 4 chairs still open.", 4),
    ],
)
def test_openings_labelled_with_when(text: str, slots: int) -> None:
    (statement,) = read_text(text, crawl_date=CRAWLED).availability
    assert (statement.accepting_new_patients, statement.open_slots) == (True, slots)


@pytest.mark.parametrize(
    ("text", "accepting"),
    [
        ("Enrolling now \u2014 first group within 5 business days of your assessment.", True),
        ("Now enrolling for the January IOP cohort.", True),
        ("Now enrolling: Sleep and Early Recovery Study", None),
        ("Now accepting donations for our holiday toy drive.", None),
        ("Enrolling now: Smoking cessation class", None),
        ("Now enrolling for our family program workshops.", None),
    ],
)
def test_a_banner_enrolling_now_takes_people_for_the_iop_only(
    text: str, accepting: bool | None
) -> None:
    statements = read_text(text, crawl_date=CRAWLED).availability
    assert [s.accepting_new_patients for s in statements if s.accepting_new_patients] == (
        [accepting] if accepting else []
    )


def test_a_list_of_each_offices_openings_gives_each_office_its_own() -> None:
    """Each labelled item of a dated list is its own statement, with the list's date (its
    stamp is the date, not the statement's words)."""
    reading = read_text(
        "Updated December 1, 2026: Ottumwa day and evening IOP: accepting new clients;"
        " Oskaloosa evening IOP: full, with a waitlist of about 2 weeks.",
        crawl_date=date(2026, 12, 5),
    )
    assert [
        (s.statement, s.accepting_new_patients, s.days_to_intake, s.as_of)
        for s in reading.availability
    ] == [
        (
            "Ottumwa day and evening IOP: accepting new clients",
            True,
            None,
            date(2026, 12, 1),
        ),
        (
            "Oskaloosa evening IOP: full, with a waitlist of about 2 weeks.",
            False,
            14,
            date(2026, 12, 1),
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sycamore House (men\u2019s recovery housing): full, waitlist open.",
        "PHP: no openings this week.",
        "Over 200%: Full fee.",
    ],
)
def test_other_cares_places_and_fees_are_no_iop_openings(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


def test_a_bars_items_between_separators_are_sentences_of_their_own() -> None:
    reading = read_text(
        "Evening IOP is accepting new clients \u2014 assessments within 72 hours. | Sycamore"
        " House (men\u2019s recovery housing): full, waitlist open.",
        crawl_date=CRAWLED,
    )
    assert [(s.accepting_new_patients, s.days_to_intake) for s in reading.availability] == [
        (True, 3)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Methadone is provided through the Highland Crest Opioid Treatment Program, and"
            " patients continue in the IOP.",
            {"levels_of_care.iop": True, "medications.mat_accepts_outside_prescriptions": True},
        ),
        (
            "Thanks to state funding, women who have no insurance pay nothing for the IOP.",
            {"levels_of_care.iop": True, "payment.free_care": True},
        ),
        ("We have no insurance contracts.", {}),
    ],
)
def test_what_the_sixteenth_set_reads(text: str, expected: dict) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "accepting", "slots"),
    [
        ("Hale Malu IOP has space for 2 more women in the December group.", True, 2),
        ("Applications for the spring 2027 cohort are open now.", True, None),
        ("Applications for the January 2027 class are closed.", False, None),
    ],
)
def test_space_and_applications(text: str, accepting: bool, slots: int | None) -> None:
    (statement,) = read_text(text, crawl_date=CRAWLED).availability
    assert (statement.accepting_new_patients, statement.open_slots) == (accepting, slots)


@pytest.mark.parametrize("text", ["We have 3 more clients than last year.", "Our doors are open."])
def test_no_openings_in_other_words(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Refusing one state's Medicaid is no "takes Medicaid" for a loose welcome.
        (
            "We do not accept Oregon Medicaid (OHP). Clients with Medicaid are welcome to pay"
            " privately.",
            {"payment.self_pay": True},
        ),
        # A refusal of something else before a colon refuses no plan after it.
        (
            "We don't take walk-ins: please call to schedule an assessment; we accept Medicaid"
            " and most private insurance.",
            {
                "intake.walk_in": False,
                "payment.medicaid": True,
                "payment.private_insurance": True,
            },
        ),
        (
            "We do not accept cash: payment is by card or check; Medicare and Medicaid are"
            " accepted.",
            {"payment.medicaid": True, "payment.medicare": True},
        ),
        # The program's own prescribing in the next sentence stands.
        (
            "We do not prescribe. Our nurse practitioner provides buprenorphine for patients in"
            " the IOP.",
            {"levels_of_care.iop": True, "medications.mat_buprenorphine": True},
        ),
        (
            "Our counselors don't prescribe, but our psychiatrist prescribes Suboxone.",
            {"medications.mat_buprenorphine": True},
        ),
        # Free for someone else, or for the assessment only, is no free care.
        (
            "You pay nothing out of pocket for the assessment; IOP fees are based on your"
            " insurance.",
            {"levels_of_care.iop": True},
        ),
        (
            "Our services are free to attend for family members; IOP is billed to insurance.",
            {"levels_of_care.iop": True},
        ),
        # "may start" is when, not a hedge.
        (
            "Patients may start buprenorphine at their first visit with our nurse practitioner.",
            {"medications.mat_buprenorphine": True},
        ),
        # A language's name in a place's is the place.
        ("IOP groups are held in Cherokee, North Carolina.", {"levels_of_care.iop": True}),
        ("Sessions are held in the Lakota Building, Room 104.", {}),
        # A family group's evening is no client's weekly hours (the group is family therapy).
        (
            "Groups meet Tue and Thu 10 a.m.-1 p.m. and family group meets Wednesday 5-7 p.m.",
            {"schedule.daytime": True, "schedule.evening": True, "therapies.family_therapy": True},
        ),
        (
            "Our clinic is open Mon-Fri 8 a.m. to 5 p.m. for assessments and counseling.",
            {"schedule.opening_hours": ["Mo-Fr 08:00-17:00"]},
        ),
    ],
)
def test_what_the_review_of_this_round_found_read_wrongly(text: str, expected: dict) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We ask that you not bring any medications, weapons, or valuables to group.",
        "Please don't bring any medications with you to the assessment.",
        "You don't need to bring your insurance card.",
        "Family members are asked to bring a photo ID to visit residents at our recovery house.",
        "To apply for our housing program, bring proof of income and a photo ID.",
    ],
)
def test_what_not_to_bring_and_another_occasions_list_are_no_intake_list(sentence: str) -> None:
    assert facts(sentence).get("intake.what_to_bring") is None


@pytest.mark.parametrize(
    "text",
    [
        "Referrals are open to all Medicaid-eligible adults.",
        "Registration is closed on Thanksgiving and Christmas Day.",
        "The IOP has 2 openings for peer support specialists.",
        "Thanks to a grant, we added 20 new openings in our IOP groups this year.",
    ],
)
def test_eligibility_holidays_jobs_and_growth_are_no_openings(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


def test_a_comparison_of_levels_of_care_with_their_hours_is_not_read_row_by_row() -> None:
    table = (
        "<table><tr><th>Program</th><th>Schedule</th><th>Medicaid</th><th>Medications</th></tr>"
        "<tr><td>Residential</td><td>24/7, 8:00 am - 8:00 pm visits</td><td>No</td>"
        "<td>Methadone</td></tr><tr><td>PHP</td><td>Mon-Fri 9:00 - 3:00</td><td>No</td>"
        "<td>Suboxone</td></tr><tr><td>IOP</td><td>Mon, Wed, Thu 6:00 - 9:00 pm</td>"
        "<td>Yes</td><td>None</td></tr></table>"
    )
    read = read_html(f"<html><body><main>{table}</main></body></html>", crawl_date=CRAWLED)
    assert "medications.mat_methadone" not in read.facts
    assert "medications.mat_buprenorphine" not in read.facts


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A stamp or a label before a sentence of its own dates or titles it; it says nothing.
        ("Updated November 2, 2026: We have 3 openings in our evening IOP.",
         "We have 3 openings in our evening IOP."),
        ("Intake update (Dec 1, 2026): We are not accepting new IOP clients until January 4, 2027.",
         "We are not accepting new IOP clients until January 4, 2027."),
        ("Posted 11/12/2026: We have a short waitlist right now, about two weeks.",
         "We have a short waitlist right now, about two weeks."),
        ("November 3, 2026: The evening IOP has 2 open seats.",
         "The evening IOP has 2 open seats."),
        ("IOP group openings: 3 (updated November 30, 2026)", "IOP group openings: 3"),
        ("Current wait: ~5 days \u00b7 updated Nov 30", "Current wait: ~5 days"),
        ("Program status: We are accepting referrals for the January cohort.",
         "We are accepting referrals for the January cohort."),
        # The sentence's own date, and a label naming what the rest is about, stay.
        ("As of November 18, 2026, new clients can usually start within 5 days.", None),
        ("Updated Nov. 24, 2026: we have 3 open seats in the IOP.", None),
        ("Evening IOP: Full, with a waitlist of about 2 weeks.", None),
        ("Current wait: About 5 days.", None),
    ],
)  # fmt: skip
def test_a_statement_is_said_without_the_stamp_or_label_before_it(
    text: str, said: str | None
) -> None:
    (statement,) = read_text(text, crawl_date=date(2026, 12, 5)).availability
    assert statement.statement == (said or text)


def test_an_inline_title_labels_its_statement_and_is_not_its_first_words() -> None:
    """An alert's title, a badge and a bold label ended by a line break are shown on lines of
    their own: they label the sentence after them, which is the statement."""
    for block in (
        '<div role="alert"><span class="elementor-alert-title">Waitlist update</span>'
        '<span class="elementor-alert-description">Our evening IOP is full.</span></div>',
        '<p><span class="badge bg-success">Open</span> Our evening IOP is full.</p>',
        "<p><strong>Referral status</strong><br>Our evening IOP is full.</p>",
    ):
        reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
        assert [s.statement for s in reading.availability] == ["Our evening IOP is full."]


def test_on_a_site_in_two_languages_the_english_statement_is_the_one_quoted() -> None:
    said = {
        "es": "Tenemos 2 lugares disponibles en el IOP de la tarde.",
        "en": "We have 2 openings in the evening IOP.",
    }
    pages = [read_text(said[lang], crawl_date=CRAWLED, page_date=CRAWLED) for lang in said]
    merged = merge_readings(pages, source="example")
    assert merged.availability["availability.statement"] == said["en"]
    assert merged.availability["availability.open_slots"] == 2


@given(
    st.sampled_from(
        [
            ("Methadone", "medications.mat_methadone"),
            ("Family therapy", "therapies.family_therapy"),
            ("Telehealth", "access.telehealth"),
            ("Detox", "detox.detox_onsite"),
        ]
    ),
    st.sampled_from(
        [
            "is not",
            "isn't",
            "isn\u2019t",
            "is never",
            "can't be",
            "cannot be",
            "won't be",
            "was not",
        ]
    ),
    st.sampled_from(["offered here", "available at our clinic", "provided by our program"]),
)
def test_a_denial_after_the_thing_named_denies_it_however_it_is_spelt(
    named: tuple[str, str], negation: str, rest: str
) -> None:
    """ "Methadone isn't offered by Huron Shores" denies methadone, as "is not" does: a
    contraction, "never" or "can't be" after the thing named is a denial, never a statement
    that it is offered."""
    thing, path = named
    assert facts(f"{thing} {negation} {rest}.").get(path) is False


def test_a_time_of_day_naming_another_kind_of_care_times_that_care_not_the_iop() -> None:
    said = (
        "Our after-school intensive outpatient program (IOP) and our school-day partial"
        " hospitalization program (PHP) keep families at the center."
    )
    assert "schedule.daytime" not in facts(said)
    assert facts("We offer day and evening IOP groups.")["schedule.daytime"] is True


@pytest.mark.parametrize(
    "said",
    [
        "Clients on methadone are welcome.",
        "Patients already taking buprenorphine or methadone are welcome in every group.",
    ],
)
def test_people_already_on_a_medication_being_welcome_is_no_offer_of_it(said: str) -> None:
    read = facts(said)
    assert read.get("medications.mat_accepts_outside_prescriptions") is True
    assert not any(
        read.get(path) for path in ("medications.mat_methadone", "medications.mat_buprenorphine")
    )


@pytest.mark.parametrize(
    ("said", "path"),
    [
        # A hope or a prayer for a group is no group.
        ("We have prayed about a morning group and we hope the Lord provides the volunteers"
         " for one in 2027.", "schedule.daytime"),
        ("We hope to add a Saturday group next year.", "schedule.weekend"),
    ],
)  # fmt: skip
def test_a_hope_states_nothing(said: str, path: str) -> None:
    assert path not in facts(said)


def test_walk_in_assessments_not_available_is_no_walk_in() -> None:
    said = "Walk-in assessments are not available; we schedule every assessment by phone."
    assert facts(said)["intake.walk_in"] is False


def test_no_openings_for_staff_is_no_word_on_clients_openings() -> None:
    assert read_text("No openings for paid staff right now.", crawl_date=CRAWLED).availability == []
    (wait,) = read_text("Our staff can usually schedule an intake within 3 days.",
                        crawl_date=CRAWLED).availability  # fmt: skip
    assert wait.days_to_intake == 3


DENIABLE = [
    ("methadone", "medications.mat_methadone"),
    ("buprenorphine", "medications.mat_buprenorphine"),
    ("family therapy", "therapies.family_therapy"),
    ("telehealth", "access.telehealth"),
    ("evening groups", "schedule.evening"),
    ("Saturday groups", "schedule.weekend"),
    ("morning groups", "schedule.daytime"),
    ("Medicaid", "payment.medicaid"),
    ("a sliding fee scale", "payment.sliding_fee"),
    ("walk-in appointments", "intake.walk_in"),
    ("partial hospitalization", "levels_of_care.partial_hospitalization"),
    ("Spanish-speaking counselors", "languages.spanish"),
    ("yoga", "therapies.yoga"),
]
# The ways sites deny a service: sentences, table cells, a label's dash, a parenthesis.
DENIALS = [
    "We do not offer {x}.", "{X} isn't available here.", "{X} \u2014 not offered.",
    "{X} \u2013 no.", "{X}: not available.", "{X}: N/A", "{X} (not offered)", "No {x}.",
    "We are unable to offer {x}.", "We no longer offer {x}.", "We stopped offering {x} in 2024.",
    "{X} is offered by other providers, not by us.", "We're not able to offer {x}.",
    "{X} is not part of our program.", "{X} can't be provided here.",
]  # fmt: skip


@given(st.sampled_from(DENIABLE), st.sampled_from(DENIALS))
def test_no_way_of_denying_a_service_states_it(named: tuple[str, str], denial: str) -> None:
    """However a site denies a service, the reader never says the program offers it: a
    denial read is false, one it cannot read is unknown, never true."""
    thing, path = named
    said = denial.format(x=thing, X=thing[0].upper() + thing[1:])
    assert facts(said).get(path) in (False, None)


# Ways sites name a service that the program does not offer now: a referral, a partner's or a
# sister program's, a plan, a wish, the past, a question for a doctor.
NOT_OFFERED_NOW = [
    "We refer clients who need {x} to our partners.", "{X} is available through a referral.",
    "Clients who need {x} are referred to Hope Clinic.", "{X} is offered at our sister program"
    " in Denver.", "Our partners at Hope Clinic provide {x}.", "{X} will be available starting"
    " in 2027.", "Starting next spring, we will offer {x}.", "We would love to offer {x}"
    " someday.", "Our former program offered {x}.", "Until 2023 we offered {x}.",
    "Ask your doctor whether {x} is right for you.", "We may offer {x} in the future.",
]  # fmt: skip


@given(st.sampled_from(DENIABLE), st.sampled_from(NOT_OFFERED_NOW))
def test_a_service_named_as_not_offered_now_is_not_stated(
    named: tuple[str, str], wording: str
) -> None:
    thing, path = named
    said = wording.format(x=thing, X=thing[0].upper() + thing[1:])
    assert facts(said).get(path) in (False, None)


def test_what_a_program_does_beside_a_referral_or_for_former_members_is_stated() -> None:
    said = (
        "Our psychiatrist prescribes buprenorphine to former service members and refers"
        " veterans to the VA OTP for methadone."
    )
    read = facts(said)
    assert read["medications.mat_buprenorphine"] is True
    assert read.get("medications.mat_methadone") is None


def test_a_cms_span_around_headings_and_paragraphs_keeps_them_apart() -> None:
    """HubSpot wraps a rich text's blocks in a <span>: each card's heading and times stay
    segments of their own, not "Day trackMonday, Wednesday and Friday"."""
    html = (
        '<html><body><main><div><span class="hs_cos_wrapper"><h1>Our tracks</h1>'
        "<div class='cards'><div class='card'><h3>Day track</h3><p>Monday, Wednesday and"
        " Friday \u00b7 9:00 a.m.\u201312:00 p.m.</p></div></div></span></div></main></body></html>"
    )
    segments = headed_segments(lxml.html.fromstring(html).find("body"))
    assert ("Day track", 3) in segments
    assert ("Monday, Wednesday and Friday \u00b7 9:00 a.m.\u201312:00 p.m.", 0) in segments


@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<p><b>Not offered:</b><br>Methadone, detox, residential</p>",
         {"medications.mat_methadone": False, "detox.detox_onsite": False}),
        ("<p><strong>Methadone</strong><br>Not offered at this location.</p>",
         {"medications.mat_methadone": False}),
        ('<div class="service"><span class="badge">Not available</span> Methadone</div>',
         {"medications.mat_methadone": False}),
        ('<div class="service"><span class="badge">Coming soon</span> Vivitrol injections</div>',
         {}),
        ("<p><strong>Medicaid</strong><br>Accepted for all services.</p>",
         {"payment.medicaid": True}),
    ],
)  # fmt: skip
def test_a_bold_label_or_badge_says_what_its_block_says_of_the_thing_named(
    block: str, read: dict
) -> None:
    """A label is read with what it labels: a denial in it denies the items under it, and a
    service named in it is what the line after it says of that service."""
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # A parenthesis or dashes deny what they hold, not the thing before them.
        ("We accept Medicaid (not Medicare).", {"payment.medicaid": True}),
        ("Buprenorphine \u2013 not methadone \u2013 is prescribed here.",
         {"medications.mat_buprenorphine": True}),
        # What a medication cannot do, or walk-ins never turned away, is no denial.
        ("Vivitrol cannot be started until you have been opioid-free for 7 to 10 days.",
         {"medications.mat_naltrexone": True}),
        ("Walk-ins are never turned away.", {"intake.walk_in": True}),
        # Someone who stopped a medication is no program that stopped offering it.
        ("Patients who stopped taking buprenorphine on their own can restart Suboxone with our"
         " prescriber.", {"medications.mat_buprenorphine": True}),
        # Referrals: to the program's own clinic or doctor, and what it does beside one.
        ("We refer clients to our psychiatrist, who prescribes buprenorphine.",
         {"medications.mat_buprenorphine": True}),
        ("Clients who need Suboxone receive it on site, and anyone who needs detox is referred"
         " to Valley Detox.",
         {"medications.mat_buprenorphine": True, "detox.detox_referral": True}),
        ("Admission is by self-referral or by referral from a doctor, and we accept Medicaid.",
         {"payment.medicaid": True}),
        # A partner thanked or a sister program compared is no one else's service.
        ("Thanks to our partners at the county health department, we offer Suboxone.",
         {"medications.mat_buprenorphine": True}),
        # Plain words near the new hedges.
        ("Our family group meets one day a week in the evening.",
         {"therapies.family_therapy": True, "schedule.evening": True}),
        ("Suboxone will be provided at your next visit.", {"medications.mat_buprenorphine": True}),
        ("Our evening groups, which we hope you will join, meet Monday through Thursday.",
         {"schedule.evening": True}),
    ],
)  # fmt: skip
def test_what_the_review_of_this_stop_found_read_wrongly(said: str, read: dict) -> None:
    found = facts(said)
    assert {path: found.get(path) for path in read} == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<h3>Methadone</h3><p>Not offered at this location.</p>",
         {"medications.mat_methadone": False}),
        ("<h3>Family therapy</h3><p>Not available.</p>", {"therapies.family_therapy": False}),
        ("<h3>Evening groups</h3><p>Monday and Wednesday 6-9 pm.</p>",
         {"schedule.evening": True}),
        # "No problem" denies nothing; a question's answer is its own sentence.
        ("<h3>Medicaid</h3><p>No problem, we accept it.</p>", {}),
        ("<h3>Do you have weekend groups?</h3><p>No weekend groups.</p>",
         {"schedule.weekend": False}),
        ("<h3>Desintoxicaci\u00f3n</h3><p>No hacemos desintoxicaci\u00f3n aqu\u00ed.</p>",
         {"detox.detox_onsite": False}),
    ],
)  # fmt: skip
def test_a_line_that_only_denies_denies_the_heading_over_it(block: str, read: dict) -> None:
    """A service card's heading names the service and its line answers for it: "Not offered
    at this location" under "Methadone" denies methadone, never offers it."""
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # A heading's question or measure is answered, not its thing denied.
        ("<h3>Is detox required before starting IOP</h3><p>No.</p>",
         {"levels_of_care.iop": True}),
        ("<h3>Cost with Medicaid</h3><p>None.</p>", {"payment.medicaid": True}),
        # A feature's badge is a sentence of its own, not a denial of what follows.
        ("<div class='card'><span class='badge'>No waitlist</span> Evening IOP with Suboxone"
         "</div>", {"levels_of_care.iop": True, "medications.mat_buprenorphine": True,
                    "schedule.evening": True}),
        ("<p><strong>Vivitrol</strong><br>Not just for alcohol, Vivitrol also treats opioid use"
         " disorder.</p>", {"medications.mat_naltrexone": True, "medications.mat_alcohol": True}),
        # A table's cells keep their values when a CMS wraps them.
        ("<table><tr><td>Methadone</td><td><span><p>No</p></span></td></tr><tr><td>Suboxone"
         "</td><td><span><p>Yes</p></span></td></tr></table>",
         {"medications.mat_methadone": False, "medications.mat_buprenorphine": True}),
        # Someone else's, or said to be given here too.
        ("<p>Methadone maintenance is provided by community clinics in the area.</p>", {}),
        ("<p>Methadone patients are referred to Hope Clinic.</p>", {}),
        ("<p>The clinic stopped offering Vivitrol last year.</p>", {}),
        ("<p>Suboxone is available at our sister clinic and at this location.</p>",
         {"medications.mat_buprenorphine": True}),
        ("<p>Physicians can refer patients who need Suboxone to Brightview Recovery by calling"
         " our intake line.</p>", {"medications.mat_buprenorphine": True}),
        ("<p>Our evening IOP, with Suboxone on site, accepts Medicaid members by referral.</p>",
         {"levels_of_care.iop": True, "medications.mat_buprenorphine": True,
          "schedule.evening": True, "payment.medicaid": True}),
        # A next sentence's hedge stays in its own sentence.
        ("<p>Walk-in assessments are available Monday\u2013Friday until 4 p.m. Weekend groups"
         " will be added in 2027.</p>", {"intake.walk_in": True}),
    ],
)  # fmt: skip
def test_what_the_second_review_of_this_stop_found_read_wrongly(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@given(
    st.sampled_from(["Updated November 2, 2026: ", "Program status: ", "Openings: ",
                     "November 3, 2026: ", "", "Evening IOP: ", "Waitlist update: "]),
    st.sampled_from(["We have 3 openings in our evening IOP.", "We are accepting new clients.",
                     "Our evening IOP is full right now; the waitlist is about 2 weeks.",
                     "New clients usually start within 5 days."]),
    st.sampled_from(["", " (updated November 30, 2026)", " \u00b7 updated Nov 30"]),
)  # fmt: skip
def test_a_statement_is_the_pages_own_words_less_what_dates_or_labels_it(
    lead: str, said: str, tail: str
) -> None:
    """Whatever stamp or label a page puts around a statement, the statement quoted is the
    page's sentence, word for word: nothing added, the sentence itself never cut."""
    text = f"{lead}{said}{tail}"
    (statement,) = read_text(text, crawl_date=date(2026, 12, 5)).availability
    assert said in statement.statement
    assert statement.statement in text


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # Columns under "We accept | We don't accept": each column its heading's list.
        ("<table><tr><th>We accept</th><th>We don't accept</th></tr><tr><td>TRICARE East<br>"
         "Aetna, Cigna<br>Self-pay</td><td>Medicare<br>MO HealthNet (Missouri Medicaid)</td></tr>"
         "</table>",
         {"payment.military_insurance": True, "payment.private_insurance": True,
          "payment.self_pay": True, "payment.medicare": False, "payment.medicaid": False}),
        # An FAQ's "Is there a daytime group? No" and a schedule "in the evenings only".
        ("<p>Is there a daytime group?</p><p>No \u2014 right now we meet in the evenings"
         " only.</p>", {"schedule.daytime": False, "schedule.evening": True}),
        ("<p>Oskaloosa runs an evening track only.</p>",
         {"schedule.daytime": False, "schedule.evening": True}),
        # Refusal skills are refusal training, not a skills group.
        ("<p>Relapse prevention and refusal-skills practice.</p>",
         {"therapies.group_relapse_prevention": True, "therapies.group_refusal_training": True}),
        ("<p>Every client sees a primary therapist one-on-one each week.</p>",
         {"therapies.individual_therapy": True}),
        # Where groups meet is no office's hours.
        ("<p>Groups meet Monday through Thursday from 6:00 to 9:00 p.m. at our Sedalia"
         " office.</p>", {"schedule.evening": True, "schedule.hours_per_week": 12.0}),
        ("<p>The virtual IOP is available to adults located in Missouri only.</p>",
         {"access.telehealth": True, "levels_of_care.iop": True,
          "access.licensed_states": ["MO"]}),
        # A title of what follows denies nothing.
        ("<h2>Intensive Outpatient Program</h2><h2>What the IOP is not</h2><p>We are not a"
         " detox unit.</p>", {"levels_of_care.iop": True, "detox.detox_onsite": False}),
        # Another unit's crisis walk-ins, a fraternity's "Greek life", therapy "in group".
        ("<p>If you are in crisis, Student Counseling has crisis walk-in hours.</p>", {}),
        ("<p>Cognitive behavioral therapy in group and individual sessions; refusal skills for"
         " tailgates and Greek life.</p>", {"therapies.cbt": True,
                                           "therapies.individual_therapy": True,
                        "therapies.group_refusal_training": True}),
        # What IOPs in general do; a stay's length whatever follows it "afterward".
        ("<p>An IOP typically runs 6 to 12 weeks.</p>", {}),
        ("<p>Average length of stay is 6\u20138 weeks, and most clients step down to outpatient"
         " counseling afterward.</p>",
         {"schedule.program_weeks": 8.0, "levels_of_care.outpatient": True}),
    ],
)  # fmt: skip
def test_what_the_eighteenth_set_found_read_wrongly(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_pills_side_by_side_are_statements_of_their_own() -> None:
    """A location's status pills: the IOP's wait is its own statement, word for word, and a
    pill inside a sentence stays in it."""
    pills = (
        "<div class='status-pills'><span class='pill pill-amber'>IOP: Waitlist (approx. 10"
        " days)</span> <span class='pill'>Outpatient counseling: Accepting</span></div>"
    )
    reading = read_html(f"<html><body><main>{pills}</main></body></html>", crawl_date=CRAWLED)
    (statement,) = reading.availability
    assert (statement.statement, statement.days_to_intake) == (
        "IOP: Waitlist (approx. 10 days)",
        10,
    )
    inline = "<p>We are currently <span class='status'>accepting</span> new clients.</p>"
    reading = read_html(f"<html><body><main>{inline}</main></body></html>", crawl_date=CRAWLED)
    assert [s.statement for s in reading.availability] == [
        "We are currently accepting new clients."
    ]


def test_a_seal_is_under_no_heading_of_the_text_before_it() -> None:
    """A footer's seal after its offices' headings is the program's, not the last office's."""
    html = (
        "<html><body><main><p>Our IOP meets in Garden City.</p></main><footer><h3>Dodge City"
        "</h3><p>1201 W Wyatt Earp Blvd</p><img src='carf.png' alt='CARF Accredited'></footer>"
        "</body></html>"
    )
    reading = read_html(html, crawl_date=CRAWLED)
    assert reading.facts["accreditations"] == ["CARF"]
    assert reading.headed.get("accreditations", "") == ""


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # A heading that denies, over the line that lists what it denies.
        ("<h3>Not available at this location</h3><p>Partial hospitalization, residential"
         " treatment</p>",
         {"levels_of_care.partial_hospitalization": False, "levels_of_care.residential": False}),
        ("<p>Residential treatment is not always necessary.</p>", {}),
        # A section's title names a medicine; the section says what the program does about it.
        ("<h3>Methadone</h3><p>This location is not an opioid treatment program. If you receive"
         " methadone from an OTP, you are welcome in our IOP.</p>",
         {"medications.otp_certified": False, "levels_of_care.iop": True,
          "medications.mat_accepts_outside_prescriptions": True}),
        ("<h3>Buprenorphine</h3><p>Started and managed by our nurse practitioner.</p>",
         {"medications.mat_buprenorphine": True}),
        # A bio's section: what the doctor speaks or does is not the program's.
        ("<h3>Dana Whitcomb, MD \u2014 Medical Director</h3><p>She speaks German and Tagalog and"
         " sees private clients on Saturdays.</p>", {}),
        ("<p>Vivitrol for alcohol and opioid use disorders.</p>",
         {"medications.mat_naltrexone": True, "medications.mat_alcohol": True}),
        ("<p>We're licensed to treat adults who live in Indiana, Ohio and Kentucky.</p>",
         {"access.licensed_states": ["IN", "OH", "KY"]}),
        ("<p>It typically runs 10\u201314 weeks, followed by weekly outpatient counseling.</p>",
         {"schedule.program_weeks": 14.0, "levels_of_care.outpatient": True}),
        ("<p>Individual sessions can also be held over Zoom.</p>",
         {"access.telehealth": True, "therapies.individual_therapy": True}),
        ("<p>We take referrals from hospitals and detox units across the region.</p>", {}),
        ("<p>\u00a9 2026 Kestrel Telehealth, Inc.</p>", {}),
        ("<p>IOP is not an online program \u2014 teens attend in person.</p>",
         {"levels_of_care.iop": True, "access.virtual_only": False}),
        ("<p>Family sessions can be held in Spanish.</p>",
         {"languages.spanish": True, "therapies.family_therapy": True}),
        # An FAQ's answer in Webflow's dropdown <nav>; a <dl> question and its answer.
        ("<div class='faq-item w-dropdown'><div class='faq-question'>Do you have a PHP?</div>"
         "<nav class='faq-answer w-dropdown-list'><p>No. We don't offer partial"
         " hospitalization.</p></nav></div>", {"levels_of_care.partial_hospitalization": False}),
        # A mega-menu's descriptions are a menu's, whatever they say.
        ("<div class='w-dropdown'><nav class='w-dropdown-list'><p>30-day residential treatment"
         " with evening groups three nights a week.</p></nav></div>", {}),
        ("<dl><dt>Do you offer weekend groups?</dt><dd>No, the IOP meets only on weeknights."
         "</dd></dl>",
         {"levels_of_care.iop": True, "schedule.weekend": False, "schedule.daytime": False}),
    ],
)  # fmt: skip
def test_what_the_nineteenth_set_found_read_wrongly(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "slots", "days", "statement"),
    [
        ("Next IOP cohort begins January 5, 2027 \u2014 6 seats remain.", 6, None,
         "Next IOP cohort begins January 5, 2027 \u2014 6 seats remain."),
        ("Program update \u2014 November 20, 2026: There are 4 open seats in the morning group.",
         4, None, "There are 4 open seats in the morning group."),
        ("Easton day IOP: open for referrals \u2014 next group starts Monday.", None, None,
         "Easton day IOP: open for referrals \u2014 next group starts Monday."),
    ],
)  # fmt: skip
def test_openings_the_nineteenth_set_found(
    text: str, slots: int | None, days: int | None, statement: str
) -> None:
    (said,) = read_text(text, crawl_date=CRAWLED).availability
    assert (said.open_slots, said.days_to_intake, said.statement) == (slots, days, statement)
    assert said.accepting_new_patients is True


def test_one_tracks_waitlist_is_no_wait_while_another_has_seats() -> None:
    """Two cohorts on one bar: the evening's open seats, not the morning's wait, are the
    program's; a start "within 5 days" beside open seats stays."""
    two = read_text("Evening cohort: 3 openings this week. Morning cohort: waitlist, about 2"
                    " weeks.", crawl_date=CRAWLED)  # fmt: skip
    merged = merge_readings([two]).availability
    assert merged["availability.open_slots"] == 3
    assert "availability.days_to_intake" not in merged
    assert merged["availability.statement"] == "Evening cohort: 3 openings this week."
    one = read_text("We have 3 openings in our evening IOP. New clients usually start within 5"
                    " days.", crawl_date=CRAWLED)  # fmt: skip
    assert merge_readings([one]).availability["availability.days_to_intake"] == 5


@pytest.mark.parametrize(
    ("text", "accepting", "statement"),
    [
        # A date leading the strip dates each track's line; the open track is the program's word.
        (
            "Seats as of 3/8/2026 Morning track: open — you can start next week. Evening track:"
            " waitlist of about 10 days. Weekend track: full.",
            True,
            "Morning track: open — you can start next week.",
        ),
        (
            "Update — March 1, 2026: Day IOP is accepting new clients and has 3 open seats. Evening"
            " IOP: waitlist, about 2 weeks.",
            True,
            "Day IOP is accepting new clients and has 3 open seats.",
        ),
        (
            "Morning IOP — accepting new clients. Evening IOP — full; join the waitlist (about 3"
            " weeks).",
            True,
            "Morning IOP — accepting new clients.",
        ),
        # One program's status, not two tracks': its wait stays.
        (
            "Our IOP is accepting new clients. The wait is about 10 days.",
            True,
            "Our IOP is accepting new clients. The wait is about 10 days.",
        ),
    ],
)
def test_one_tracks_wait_is_not_the_programs_while_another_track_is_open(
    text: str, accepting: bool, statement: str
) -> None:
    merged = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert merged["availability.accepting_new_patients"] is accepting
    assert merged["availability.statement"] == statement
    assert ("availability.days_to_intake" in merged) is ("wait is" in text)


def test_a_strips_date_dates_every_track_it_gives() -> None:
    reading = read_text("Update — March 1, 2026: Day IOP has 3 open seats. Evening IOP: waitlist,"
                        " about 2 weeks.", crawl_date=CRAWLED)  # fmt: skip
    assert [said.as_of for said in reading.availability] == [date(2026, 3, 1)] * 2


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Another's opioid treatment program, another's ownership.
        (
            "Methadone is not provided by Pathfinder; clients already in methadone treatment at an"
            " opioid treatment program may participate, and we coordinate with their clinic.",
            {"medications.mat_accepts_outside_prescriptions": True},
        ),
        (
            "Methadone is dispensed by a privately owned opioid treatment program in Price; many of"
            " our participants dose there.",
            {"medications.mat_accepts_outside_prescriptions": True},
        ),
        ("We are a certified opioid treatment program.", {"medications.otp_certified": True}),
        ("We are a privately owned practice.", {"ownership": Ownership.PRIVATE_FOR_PROFIT}),
        # Another care's days and therapies are its own.
        (
            "PHP at our Knoxville campus, five days a week, with art and music therapy.",
            {"levels_of_care.partial_hospitalization": True},
        ),
        (
            "A mental-health day program for adults with depression: DBT, art therapy and yoga,"
            " weekdays 8:30 a.m.\u20132:30 p.m. at the medical center.",
            {},
        ),
        # The program in the mornings or evenings.
        (
            "Ho\u02bbōla Intensive Outpatient Program \u2013 addiction treatment for adults,"
            " mornings or evenings.",
            {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True},
        ),
        ("Our clinic is open days and evenings.", {}),
    ],
)
def test_what_the_twenty_ninth_set_found(text: str, read: dict) -> None:
    assert facts(text) == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # A grid of marks, or a row-number header, is no pair of columns of plans (a grid of
        # ticks is each plan's status: see test_a_table_ticking_each_plans_status_...).
        ("<table><tr><th>Plan</th><th>Accepted</th><th>Not accepted</th></tr><tr><td>Medicare"
         "</td><td></td><td>\u2713</td></tr><tr><td>Medicaid</td><td>\u2713</td><td></td></tr>"
         "</table>", {"payment.medicaid": True, "payment.medicare": False}),
        ("<table><tr><th>No.</th><th>Insurance plan</th></tr><tr><td>1</td><td>Medicare: not"
         " accepted</td></tr></table>", {"payment.medicare": False}),
        # A bio's sentences about its person are skipped; the program's, under it, are read.
        ("<h3>Glen Burnie, MD</h3><p>Our IOP meets Mon\u2013Thu 6\u20139 p.m. We accept Maryland"
         " Medicaid.</p>", {"levels_of_care.iop": True, "schedule.evening": True,
                            "schedule.hours_per_week": 12.0, "payment.medicaid": True}),
        ("<h3>Jordan Reyes, LCADC</h3><p>Jordan speaks Tagalog.</p><p>Most insurance accepted,"
         " including Medicaid.</p>", {"payment.medicaid": True}),
        # Evenings only said of one track, a season or a family group denies no daytime group.
        ("<p>Teen IOP meets on weeknights only. Adult IOP meets Monday, Wednesday and Friday"
         " mornings.</p>", {"levels_of_care.iop": True, "schedule.daytime": True}),
        ("<p>During July and August, the program meets in the evenings only.</p>",
         {"schedule.evening": True}),
        ("<p>Alumni meetings are held on Zoom.</p>", {}),
        ("<p>The free family education series runs 4 weeks each spring.</p>",
         {"therapies.family_therapy": True}),
        ("<p>An IOP usually meets three days a week; ours meets four evenings, Mon\u2013Thu"
         " 6\u20139 p.m.</p>", {"levels_of_care.iop": True, "schedule.evening": True,
                                "schedule.hours_per_week": 12.0}),
        ("<p>Telehealth appointments are available at our clinic, located in Ohio just across the"
         " river from Kentucky.</p>", {"access.telehealth": True}),
        ("<p>The virtual IOP is open to residents of Iowa; our in-person groups serve Iowa and"
         " Nebraska.</p>", {"access.telehealth": True, "levels_of_care.iop": True,
                            "access.licensed_states": ["IA"]}),
    ],
)  # fmt: skip
def test_what_the_review_of_this_stops_rules_found_read_wrongly(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    "text",
    [
        "Outpatient counseling: Accepting new clients",
        "Pharmacy: open to patients of all our clinics, Mon\u2013Fri 8\u20135",
        "Only 6 seats remain for our Recovery Gala dinner on March 3",
    ],
)
def test_another_services_status_is_no_availability_of_the_iops(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


def test_a_real_wait_stays_beside_open_seats_unless_another_track_has_it() -> None:
    said = read_text("We have 2 open seats in the IOP. Our waitlist moves quickly \u2014 most"
                     " start within 5 days.", crawl_date=CRAWLED)  # fmt: skip
    assert merge_readings([said]).availability["availability.days_to_intake"] == 5


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # Another kind of care's sentence or list item: its therapies and hours are its own.
        ("<p>Clients who need more support attend our partial hospitalization program weekdays"
         " 9 a.m. to 3 p.m., with yoga and art therapy.</p>",
         {"levels_of_care.partial_hospitalization": True}),
        ("<ul><li><strong>Residential treatment</strong> \u2013 28 days, with equine therapy."
         "</li><li><strong><a href='/iop'>Evening IOP</a></strong> \u2013 CBT groups,"
         " Mon\u2013Thu 6\u20139 p.m.</li></ul>",
         {"levels_of_care.iop": True, "therapies.cbt": True, "therapies.group_therapy": True,
          "schedule.evening": True, "schedule.hours_per_week": 12.0}),
        ("<p>Both our PHP and our IOP include art therapy.</p>",
         {"levels_of_care.partial_hospitalization": True, "levels_of_care.iop": True,
          "therapies.art_therapy": True}),
        ("<p>Music therapy is part of PHP only.</p>",
         {"levels_of_care.partial_hospitalization": True}),
        # Another service's hours, a lounge's, or hours qualified as another service's.
        ("<p>Student Health: Monday\u2013Friday 8 a.m.\u20134:30 p.m.</p>", {}),
        ("<p>Hours: Monday\u2013Friday 8 a.m.\u20135 p.m.; Saturday 9 a.m.\u2013noon (lab only)"
         "</p>", {"schedule.opening_hours": ["Mo-Fr 08:00-17:00"]}),
        ("<p>The recovery lounge is open Saturdays from noon to 6 p.m.</p>", {}),
        # A comparison of levels of care: the IOP's column, each row with its label.
        ("<h2>Insurance</h2><figure><table><tr><th>Plan</th><th>PHP</th><th>IOP</th></tr><tr><td>"
         "Medicare</td><td>\u2714</td><td>\u2714</td></tr><tr><td>Self-pay</td><td>$400/day</td>"
         "<td>$150/session</td></tr></table></figure>",
         {"payment.medicare": True, "payment.self_pay": True}),
    ],
)  # fmt: skip
def test_what_this_stops_twentieth_set_found(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_link_in_a_list_items_sentence_is_read_and_a_menus_is_not() -> None:
    page = lxml.html.fromstring(
        "<html><body><ul><li><strong><a href='/iop'>Our IOP</a></strong> \u2013 evening groups"
        "</li></ul><ul><li><a href='/a'>About</a></li><li><a href='/b'>Contact</a></li></ul>"
        "</body></html>"
    )
    from crawler.prose.page import _drop_noise

    body = page.find("body")
    _drop_noise(body)
    assert [text for text, _ in headed_segments(body)] == ["Our IOP \u2013 evening groups."]


def test_a_caption_and_its_table_are_read_apart() -> None:
    page = lxml.html.fromstring(
        "<html><body><figure><table><caption>IOP openings (updated November 2, 2026)</caption>"
        "<tr><th>Office</th><th>Status</th></tr><tr><td>Elm St</td><td>2 open seats</td></tr>"
        "</table></figure></body></html>"
    )
    assert [text for text, _ in headed_segments(page.find("body"))] == [
        "IOP openings (updated November 2, 2026)",
        "Office: Status",
        "Elm St: 2 open seats",
    ]


def test_one_track_open_beside_one_full_takes_people() -> None:
    """A status strip of tracks, dated by its first item: the open track is the news."""
    strip = read_text("Updated 03/02/2026; Morning track: full until February; Evening track:"
                      " open now.", crawl_date=CRAWLED)  # fmt: skip
    merged = merge_readings([strip]).availability
    assert merged["availability.accepting_new_patients"] is True
    assert merged["availability.statement"] == "Evening track: open now."
    assert merged["availability.as_of"] == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "statement", "days"),
    [
        ("As of Mar. 2, 2026 \u2014 2 seats open in the day IOP.", "2 seats open in the day IOP.",
         None),
        ("As of March 2, we have 4 openings in the IOP.",
         "As of March 2, we have 4 openings in the IOP.", None),
        # A group admitted ahead of others: their wait is not everyone's.
        ("Now accepting new clients. Veterans receive priority and are usually seen within 24"
         " hours.", "Now accepting new clients.", None),
        ("We're accepting new clients, and pregnant women are always seen the same day.",
         "We're accepting new clients, and pregnant women are always seen the same day.", None),
    ],
)  # fmt: skip
def test_a_statements_own_words_and_whose_wait_it_is(
    text: str, statement: str, days: int | None
) -> None:
    merged = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert merged["availability.statement"] == statement
    assert merged.get("availability.days_to_intake") == days


def test_a_staff_page_under_our_staff_states_nothing() -> None:
    root = lxml.html.fromstring("<html><body><h1>Counseling staff</h1></body></html>")
    assert page_kind(root, "https://u.example/counseling/our-staff/") is PageKind.PEOPLE
    assert page_kind(root, "https://u.example/meet-the-team") is PageKind.PEOPLE


def test_a_weeks_table_of_one_time_adds_up_to_its_hours() -> None:
    week = "".join(f"<tr><td>{day}</td><td>9:30 AM \u2013 12:30 PM</td></tr>"
                   for day in ("Monday", "Wednesday", "Thursday"))  # fmt: skip
    block = (f"<h2>Group schedule</h2><table><tr><th>Day</th><th>Time</th></tr>{week}"
             "<tr><td>Friday</td><td>Individual sessions by appointment</td></tr>"
             "</table>")  # fmt: skip
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts["schedule.hours_per_week"] == 9.0
    assert reading.facts["schedule.daytime"] is True


def test_a_programs_page_marking_up_its_director_is_the_programs() -> None:
    marked = ('<script type="application/ld+json">{"@type": "Physician", "name": "Dr. Ana Ruiz"}'
              "</script>")  # fmt: skip
    program = lxml.html.fromstring(
        f"<html><head>{marked}</head><body><h1>Crossroads Intensive Outpatient Program</h1>"
        "</body></html>"
    )
    doctor = lxml.html.fromstring(
        f"<html><head>{marked}</head><body><h1>Ana Ruiz, MD</h1></body></html>"
    )
    assert page_kind(program, "https://h.example/services/crossroads") is PageKind.PROGRAM
    assert page_kind(doctor, "https://h.example/find-care/ana-ruiz") is PageKind.PEOPLE


# A review of this stop's rules found each of these read wrongly by their first version.
@pytest.mark.parametrize(
    ("text", "read", "wait"),
    [
        ("PHP graduates often continue in our evening program, Monday through Thursday 6 to 9"
         " p.m., with CBT and DBT groups.",
         {"levels_of_care.partial_hospitalization": True, "therapies.cbt": True,
          "therapies.dbt": True, "therapies.group_therapy": True, "schedule.evening": True,
          "schedule.hours_per_week": 12.0},
         None),
        ("Located in the residential area of Oak Park, the program meets Monday through Thursday"
         " from 6 to 9 p.m.", {"schedule.evening": True, "schedule.hours_per_week": 12.0}, None),
        ("Our therapists, many trained in inpatient psychiatric settings, use CBT and DBT.",
         {"therapies.cbt": True, "therapies.dbt": True}, None),
        ("Our residential program offers both individual and group therapy, including equine"
         " therapy.", {"levels_of_care.residential": True}, None),
        ("Our office, next to the public library, is open Monday through Friday 8 a.m. to 5 p.m.",
         {"schedule.opening_hours": ["Mo-Fr 08:00-17:00"]}, None),
        ("Hours: Monday\u2013Friday 8 a.m.\u20136 p.m. (walk-ins welcome)",
         {"intake.walk_in": True, "schedule.opening_hours": ["Mo-Fr 08:00-18:00"]}, None),
        ("Memorial Day: office closed; IOP: open.", {"levels_of_care.iop": True}, None),
        ("We serve adults, including pregnant women, and most clients start IOP within 3 days.",
         {"levels_of_care.iop": True}, 3),
        ("Priority admission is given to pregnant women; all other clients are admitted to the IOP"
         " within 7 days.", {"levels_of_care.iop": True}, 7),
        ("Every new client is seen first by our nurse practitioner, typically within 24 hours.",
         {}, 1),
        ("Morning track: no waitlist; Evening track: 2-week wait.",
         {"schedule.daytime": True, "schedule.evening": True}, None),
    ],
)  # fmt: skip
def test_what_the_review_of_this_stops_new_rules_found(
    text: str, read: dict, wait: int | None
) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert reading.facts == read
    assert merge_readings([reading]).availability.get("availability.days_to_intake") == wait


def test_a_comparisons_marks_of_refusal_and_notes_say_no_plan_is_taken() -> None:
    grid = ("<h2>Insurance</h2><table><tr><th>Plan</th><th>PHP</th><th>IOP</th></tr><tr><td>"
            "Medicaid</td><td>\u2714</td><td>\u2014</td></tr><tr><td>Aetna</td><td>\u2714</td><td>"
            "\u2714</td></tr><tr><td>TRICARE</td><td>\u2714</td><td>Coming 2027</td></tr>"
            "</table>")  # fmt: skip
    reading = read_html(f"<html><body><main>{grid}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == {"payment.medicaid": False, "payment.private_insurance": True}


# Sentences of the twenty-first blind set's kinds, each read wrongly before this stop's rules.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        # A payer the program hopes to take is not taken.
        ("TRICARE West: we are in the credentialing process and hope to be in network in 2027.",
         {}),
        ("Everyone has an individual counselor.", {"therapies.individual_therapy": True}),
        ("Paying yourself? Cash, card, or a payment plan all work.", {"payment.self_pay": True}),
        # A topic's question ends no statement that begins with a denial of the topic.
        ("No insurance? We offer a sliding scale.", {"payment.sliding_fee": True}),
        # A medication that cannot be prescribed by video denies the medication, not video.
        ("Methadone can't be prescribed through telehealth, and we don't offer it.",
         {"medications.mat_methadone": False}),
        ("All groups and sessions happen live on video.", {"access.telehealth": True}),
        ("We are licensed to treat adults who are physically located in Idaho, Washington,"
         " Montana and Oregon during their sessions.",
         {"access.licensed_states": ["ID", "WA", "MT", "OR"]}),
        ("After IOP, you can step down to our weekly virtual outpatient group.",
         {"levels_of_care.iop": True, "levels_of_care.outpatient": True}),
        ("After IOP, clients may step down to outpatient care in their own community.",
         {"levels_of_care.iop": True}),
        ("If you need residential withdrawal management, your counselor arranges placement with a"
         " contracted provider.", {"detox.detox_referral": True}),
        ("Our team arranges admission to the hospital's medical stabilization unit.",
         {"detox.detox_referral": True}),
        ("Our crisis stabilization unit has 4 beds.", {}),
        ("Most people are with us six to eight weeks, then continue in outpatient counseling.",
         {"schedule.program_weeks": 8.0, "levels_of_care.outpatient": True}),
    ],
)  # fmt: skip
def test_what_the_twenty_first_set_taught(text: str, read: dict) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts == read


def test_admitting_new_patients_is_accepting_them() -> None:
    now = availability("Now admitting new patients \u2014 same-day start for most people.")
    later = availability("We are not admitting new clients until January.")
    assert (now.accepting_new_patients, now.days_to_intake) == (True, 0)
    assert later.accepting_new_patients is False


def test_a_table_of_plans_taken_and_refused_is_read_by_column_to_its_last_blank_cell() -> None:
    grid = ("<table><thead><tr><th>We accept</th><th>We don't accept</th></tr></thead><tbody>"
            "<tr><td>Medicare</td><td>TRICARE</td></tr>"
            "<tr><td>Aetna, Cigna</td><td></td></tr></tbody></table>")  # fmt: skip
    table = read_html(f"<html><body><main>{grid}</main></body></html>", crawl_date=CRAWLED)
    assert table.facts == {
        "payment.medicare": True,
        "payment.private_insurance": True,
        "payment.military_insurance": False,
    }
    # A grid whose columns are no plans' ("Covered | Not covered") keeps its blank cells' rows.
    covered = ("<table><tr><th>Covered</th><th>Not covered</th></tr><tr><td>Group therapy"
               "</td><td>Methadone</td></tr><tr><td>Family sessions</td><td></td></tr>"
               "</table>")  # fmt: skip
    grid = read_html(f"<html><body><main>{covered}</main></body></html>", crawl_date=CRAWLED)
    assert grid.facts.get("medications.mat_methadone") is not False


# A review of this stop's rules found each of these read wrongly by their first version.
@pytest.mark.parametrize(
    ("text", "read", "accepting"),
    [
        ("Insurance: We are in the process of credentialing with Blue Cross Blue Shield.", {},
         None),
        ("Clients may receive individual therapy once a week as part of IOP.",
         {"levels_of_care.iop": True, "therapies.individual_therapy": True}, None),
        ("Dr. Ramirez is not currently admitting new patients to her private practice.", {}, None),
        ("The hospital is admitting new patients through the emergency department only.", {}, None),
        ("Paying yourself? We do not offer a self-pay option at this time.",
         {"payment.self_pay": False}, None),
        ("Paying yourself? Sorry, we only work with insurance.", {}, None),
        ("Paying yourself? Here's what to know.", {}, None),
        ("For your safety, all care areas are on video surveillance.", {}, None),
        ("Groups are never held over video; all sessions are in person.",
         {"access.telehealth": False, "access.virtual_only": False}, None),
        ("We offer a virtual IOP, and buprenorphine can be prescribed through telehealth.",
         {"levels_of_care.iop": True, "medications.mat_buprenorphine": True,
          "access.telehealth": True}, None),
        ("Parents can take our free online classes about supporting a loved one in recovery.", {},
         None),
        ("We are not licensed to treat anyone located in California.", {}, None),
        ("After PHP, patients step down to our intensive outpatient program.",
         {"levels_of_care.iop": True}, None),
        ("When you finish, we help you step down to an outpatient program close to home.", {},
         None),
        ("We coordinate care in our own medical stabilization unit on the third floor.", {}, None),
        ("Our intern has been with us 18 months.", {}, None),
        ("The program lasts 12 weeks, with three group appointments a week.",
         {"schedule.program_weeks": 12.0}, None),
        ("Everyone has an individual counselor at their referring agency; our IOP is group-based"
         " only.", {"levels_of_care.iop": True}, None),
        ("Groups meet Monday through Friday, never on Saturday or Sunday.", {}, None),
        ("Scholarships cover a portion of fees for qualifying clients.", {}, None),
        ("We cannot bill insurance for missed groups; a $25 fee applies.", {}, None),
    ],
)  # fmt: skip
def test_what_the_review_of_the_twenty_first_sets_rules_found(
    text: str, read: dict, accepting: bool | None
) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert reading.facts == read
    assert merge_readings([reading]).availability.get("availability.accepting_new_patients") == (
        accepting
    )


def test_a_post_dated_under_its_title_is_an_article_and_a_caption_heads_its_table() -> None:
    post = lxml.html.fromstring(
        "<html><body><article><h1>Staying present on camera</h1><p>October 30, 2026</p>"
        "<p>In-person programs can offer things video can't, like yoga.</p></article></body></html>"
    )
    page = lxml.html.fromstring(
        "<html><body><h1>Our IOP</h1><p>Updated October 30, 2026</p></body></html>"
    )
    hours = ("<table><caption>Clinic hours</caption><tr><th>Monday\u2013Thursday</th>"
             "<td>8:00 a.m.\u20138:30 p.m.</td></tr><tr><th>Friday</th><td>8:00 a.m.\u20135:00 p.m."
             "</td></tr></table>")  # fmt: skip
    assert page_kind(post, "https://x.example/journal/camera") is PageKind.ARTICLE
    assert page_kind(post, "https://x.example/camera") is PageKind.ARTICLE
    assert page_kind(page, "https://x.example/iop") is PageKind.PROGRAM
    reading = read_html(f"<html><body><main>{hours}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts["schedule.opening_hours"] == ["Mo-Th 08:00-20:30", "Fr 08:00-17:00"]


# What the twenty-fourth and twenty-fifth sets found: a schedule table's rows of one day each add
# up to the week's hours, unless a day comes twice (two tracks, a client attends one), a row is
# a family night's, or the table is of office hours.
@pytest.mark.parametrize(
    ("block", "hours"),
    [
        ("<h2>Group Schedule</h2><table><tr><th>Day</th><th>Time</th><th>Group</th></tr>"
         "<tr><td>Monday</td><td>5:30 \u2013 8:30 p.m.</td><td>Relapse Prevention</td></tr>"
         "<tr><td>Tuesday</td><td>5:30 \u2013 8:30 p.m.</td><td>Seeking Safety</td></tr>"
         "<tr><td>Wednesday</td><td>5:30 \u2013 8:30 p.m.</td><td>Process group</td></tr></table>",
         9.0),
        ("<h2>IOP Schedule</h2><table><tr><td>Monday</td><td>9:00 a.m.\u201312:00 p.m.</td></tr>"
         "<tr><td>Monday</td><td>6:00\u20139:00 p.m.</td></tr>"
         "<tr><td>Wednesday</td><td>9:00 a.m.\u201312:00 p.m.</td></tr></table>", None),
        ("<h2>Group Schedule</h2><table><tr><td>Tuesday</td><td>6:00\u20139:00 p.m.</td></tr>"
         "<tr><td>Thursday</td><td>Family night, 6:00\u20139:00 p.m.</td></tr></table>", None),
        ("<h2>Office Hours</h2><table><tr><td>Monday</td><td>8:00 a.m.\u20135:00 p.m.</td></tr>"
         "<tr><td>Tuesday</td><td>8:00 a.m.\u20135:00 p.m.</td></tr></table>", None),
        # rows naming where the groups meet: a place's name or street is no family night nor
        # doctor ("Lemoore Family Resource Center, 711 W Cinnamon Dr")
        ("<h2>Where and when groups meet</h2><table><tr><th>Day</th><th>Time</th><th>Location"
         "</th></tr><tr><td>Monday</td><td>5:30 p.m. \u2013 8:00 p.m.</td><td>Hanford clinic,"
         " 620 N 11th Ave</td></tr><tr><td>Tuesday</td><td>5:30 p.m. \u2013 8:00 p.m.</td><td>"
         "Lemoore Family Resource Center, 711 W Cinnamon Dr, Lemoore</td></tr><tr><td>"
         "Wednesday</td><td>5:30 p.m. \u2013 8:00 p.m.</td><td>Hanford clinic</td></tr><tr><td>"
         "Thursday</td><td>5:30 p.m. \u2013 8:00 p.m.</td><td>Lemoore Family Resource Center"
         "</td></tr></table>", 10.0),
        ("<h2>Group Schedule</h2><table><tr><td>Tuesday</td><td>6:00\u20139:00 p.m.</td></tr>"
         "<tr><td>Thursday</td><td>6:00\u20139:00 p.m.; Dr. Patel's medication clinic</td></tr>"
         "</table>", None),
    ],
)  # fmt: skip
def test_a_schedule_tables_days_add_up_to_the_weeks_hours(block: str, hours: float | None) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts.get("schedule.hours_per_week") == hours


def test_a_clinics_row_of_openings_is_said_of_that_clinic() -> None:
    table = ("<table><tr><th>Clinic</th><th>Status</th></tr><tr><td><a href='/peru/'>Peru"
             " Clinic</a></td><td>Waitlist \u2014 about 10 days</td></tr></table>")  # fmt: skip
    reading = read_html(f"<html><body><main>{table}</main></body></html>", crawl_date=CRAWLED)
    # Said of Peru (the site's other places leave it to Peru), shown under Peru without its label.
    assert [said.statement for said in reading.availability] == [
        "Peru Clinic: Waitlist \u2014 about 10 days"
    ]
    assert merge_readings([reading]).availability["availability.statement"] == (
        "Waitlist \u2014 about 10 days"
    )


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("Current wait: About 1 week for an intake assessment.",
         "About 1 week for an intake assessment."),
        ("Updated November 12, 2026: We have openings in the evening IOP.",
         "We have openings in the evening IOP."),
        ("*** Now accepting new clients for our evening IOP group! ***",
         "Now accepting new clients for our evening IOP group!"),
        ("Antigo IOP: Waitlist of about 3 weeks.", "Waitlist of about 3 weeks."),
        # A label naming the part of the program, whom, or the intake it dates, stays.
        ("Evening IOP: Full", "Evening IOP: Full"),
        ("Next available intake: Thursday", "Next available intake: Thursday"),
        ("Adolescents: Waitlist, about 4 weeks.", "Adolescents: Waitlist, about 4 weeks."),
        ("Saturday cohort: Currently full.", "Saturday cohort: Currently full."),
        ("Accepting new clients: Yes", "Accepting new clients: Yes"),
        ("Start date: January 5, 2027.", "Start date: January 5, 2027."),
    ],
)  # fmt: skip
def test_a_statement_is_shown_without_its_rows_label(said: str, shown: str) -> None:
    assert without_its_label(said) == shown


def test_a_rows_label_and_its_status_are_one_line() -> None:
    """A views row's title and status, each a span: the status is the labelled clinic's."""
    row = (
        "<div><span class='views-field-title'>Antigo IOP:</span> <span class='views-field-"
        "status'>Waitlist of about 3 weeks.</span></div>"
    )
    root = lxml.html.fromstring(f"<html><body><main>{row}</main></body></html>")
    assert [text for text, _ in headed_segments(root)] == ["Antigo IOP: Waitlist of about 3 weeks."]


@pytest.mark.parametrize(
    ("text", "read", "availability"),
    [
        ("After IOP, women can continue in our weekly outpatient aftercare group.",
         {"levels_of_care.iop": True, "levels_of_care.outpatient": True}, {}),
        ("Patients then step down to our weekly outpatient continuing care group.",
         {"levels_of_care.outpatient": True}, {}),
        # What an IOP is in general, or what the program is, names no outpatient level of its own.
        ("Summit Path is an outpatient program.", {}, {}),
        ("PHP days include morning yoga, and on Fridays PHP clients visit a horse farm for"
         " equine-assisted therapy.", {"levels_of_care.partial_hospitalization": True}, {}),
        ("Family sessions may be held by telehealth when weather closes the roads.", {}, {}),
        ("Women who already get buprenorphine or methadone somewhere else are welcome.",
         {"medications.mat_accepts_outside_prescriptions": True}, {}),
        ("Methadone has to be dispensed at a clinic, so we don't provide it.", {}, {}),
        ("Building hours: Monday\u2013Saturday, 6:00 a.m.\u20139:00 p.m.", {}, {}),
        ("Behavioral Health Building hours: Monday\u2013Thursday 8:00 a.m.\u20138:00 p.m.",
         {"schedule.opening_hours": ["Mo-Th 08:00-20:00"]}, {}),
        ("Northfork University is a public university of the State of North Carolina.",
         {"ownership": "public_state"}, {}),
        ("Smith Creek Valley CSB is a local government agency established by the city.",
         {"ownership": "public_local"}, {}),
        ("Juneau Regional is owned by the City and Borough of Juneau.",
         {"ownership": "public_local"}, {}),
        ("New IOP clients are currently starting within about 2 weeks of their first call.",
         {"levels_of_care.iop": True}, {"availability.days_to_intake": 14}),
        ("Current wait for Pathways IOP after screening: about 8 business days.",
         {"levels_of_care.iop": True}, {"availability.days_to_intake": 8}),
        ("The next sixteen-week class starts January 5, 2027, and 7 seats are open.", {},
         {"availability.open_slots": 7, "availability.accepting_new_patients": True}),
        ("We return your call within about 2 days.", {}, {}),
        ("Our state grant covers any woman who can't pay.", {"payment.free_care": True}, {}),
        ("We offer payment plans for anyone who can't pay the full fee at once.", {}, {}),
        ("We don't have beds.", {"levels_of_care.residential": False}, {}),
        ("We don't have beds open today.", {}, {}),
        ("IOP typically means 9 to 15 hours of treatment per week.", {}, {}),
        ("Our IOP involves 9 hours of groups per week.",
         {"levels_of_care.iop": True, "schedule.hours_per_week": 9.0}, {}),
        # An after-school group from 3 to 6 meets in the day; one from 3:30, not.
        ("Groups meet Monday, Tuesday and Thursday from 3:00 to 6:00 PM.",
         {"schedule.daytime": True, "schedule.hours_per_week": 9.0}, {}),
        ("Groups meet Monday, Tuesday and Thursday from 3:30 to 6:30 PM.",
         {"schedule.hours_per_week": 9.0}, {}),
        ("Teens learn DBT skills in group.", {"therapies.group_skills": True,
                                             "therapies.dbt": True,
                                             "therapies.group_therapy": True}, {}),
        ("Staff members need strong leadership skills in group settings.", {}, {}),
        # Someone's own can't denies nothing of the program's.
        ("Elders who can't drive in may do their individual sessions by telephone or video.",
         {"therapies.individual_therapy": True, "access.telehealth": True}, {}),
        ("Contact us by phone or video chat to learn more.", {}, {}),
        # Help into detox, however a site says it (and a condition before it states nothing).
        ("If a teen needs medical withdrawal care, we refer to a hospital.",
         {"detox.detox_referral": True}, {}),
        ("If you need medically supervised withdrawal first, your IOP team will arrange the"
         " admission.", {"levels_of_care.iop": True, "detox.detox_referral": True}, {}),
        ("If you need medical detox first, our team arranges your admission to the Hammond"
         " campus.", {"detox.detox_referral": True}, {}),
        ("If you need to withdraw safely first, our intake coordinator will help you get into a"
         " medical detox.", {"detox.detox_referral": True}, {}),
        ("If you need withdrawal management before starting, we'll make the referral.",
         {"detox.detox_referral": True}, {}),
        ("Clients who complete detox at Mercy are referred to our IOP.",
         {"levels_of_care.iop": True}, {}),
        ("Our detox unit refers clients to IOP after discharge.",
         {"levels_of_care.iop": True, "detox.detox_onsite": True}, {}),
        # Other OTPs are no certification of ours; coordinating with them welcomes their clients.
        ("Methadone: No \u2014 we coordinate care with opioid treatment programs in Billings for"
         " clients who dose there.",
         {"medications.mat_methadone": False,
          "medications.mat_accepts_outside_prescriptions": True}, {}),
        ("We are a certified opioid treatment program.", {"medications.otp_certified": True}, {}),
        ("Our certified opioid treatment program coordinates care with your primary care doctor.",
         {"medications.otp_certified": True}, {}),
        # Referrals into the IOP are no referral out to detox.
        ("Local detox centers refer to our IOP when patients are ready to step down.",
         {"levels_of_care.iop": True}, {}),
        ("Detox and hospital staff: to make a referral to our program, call 715-555-0100.", {},
         {}),
        ("Day treatment for adults with co-occurring disorders, DBT skills groups and medication"
         " management.", {"therapies.group_skills": True, "therapies.dbt": True,
                          "therapies.group_therapy": True}, {}),
        # A PHP "for" its patients, with its therapies: the PHP's.
        ("A partial hospitalization program for adults with depression, five days a week, with"
         " art therapy and yoga.", {"levels_of_care.partial_hospitalization": True}, {}),
        ("Drop-in screening is available Monday\u2013Friday, 8:00\u201310:00 a.m.",
         {"intake.walk_in": True}, {}),
        ("Individual counseling is also available by phone or video.",
         {"therapies.individual_therapy": True, "access.telehealth": True}, {}),
        ("3.7-WM Medically monitored withdrawal: Referral; clinic staff arrange admission",
         {"detox.detox_referral": True}, {}),
        ("Methadone is provided by a contracted narcotic treatment program in Santa Rosa, and"
         " clients who dose there can take part in Pathways.",
         {"medications.mat_accepts_outside_prescriptions": True}, {}),
        ("Methadone is provided by a contracted narcotic treatment program in Visalia; clients"
         " enrolled there can take part in IOP.",
         {"levels_of_care.iop": True, "medications.mat_accepts_outside_prescriptions": True}, {}),
        ("IOP clients attend group four evenings a week.",
         {"levels_of_care.iop": True, "schedule.evening": True}, {}),
        ("Parents attend sessions on Tuesday evenings.", {}, {}),
        # Meetings of others in the building are not the program's weekend.
        ("Al-Anon Family Groups meet in our group room Saturdays at 10 a.m.", {}, {}),
        ("Groups meet Tuesday evenings and Saturday mornings.",
         {"schedule.evening": True, "schedule.weekend": True}, {}),
        ("Participants receive at least 9 hours of services per week, typically for 12 to 16"
         " weeks.", {"schedule.hours_per_week": 9.0, "schedule.program_weeks": 16.0}, {}),
        ("Participants must be sober for 2 weeks before starting.", {}, {}),
    ],
)  # fmt: skip
def test_what_the_twenty_fifth_set_found_read_wrongly(
    text: str, read: dict, availability: dict
) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert reading.facts == read
    stated = merge_readings([reading]).availability
    assert {path: stated.get(path) for path in availability} == availability


def test_a_marquees_announcement_is_read() -> None:
    """An old site's scrolling <marquee> is its announcement bar."""
    page = (
        "<html><body><table><tr><td><marquee><b>Posted November 24, 2026 \u2014 The next class"
        " starts January 5, 2027, and 7 seats are open.</b></marquee><h2>Welcome</h2>"
        "<p>Second Mile is an intensive outpatient program.</p></td></tr></table></body></html>"
    )
    reading = read_html(page, crawl_date=CRAWLED)
    assert merge_readings([reading]).availability["availability.open_slots"] == 7


def test_an_accordions_questions_are_read_each_with_its_answer() -> None:
    """A Squarespace accordion (a list whose items hold a heading and an answer) is no list of
    short items: "Is there a Saturday group?" then "No Saturday or Sunday groups" denies."""
    faq = ("<ul class='accordion-items-container'>" + "".join(
        f"<li class='accordion-item'><h4><button><span>{question}</span></button></h4>"
        f"<div class='accordion-item__dropdown'><p>{answer}</p></div></li>"
        for question, answer in (
            ("Is there a Saturday group?", "No Saturday or Sunday groups, sorry."),
            ("Do you do detox?", "We don't provide detox."),
        )) + "</ul>")  # fmt: skip
    reading = read_html(f"<html><body><main>{faq}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == {"schedule.weekend": False, "detox.detox_onsite": False}


# A review of this stop's rules found each of these read wrongly by their first version.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("We offer a sliding scale for anyone who can't pay full price.",
         {'payment.sliding_fee': True}),
        ("Collections: we may send an account to collections for anyone who cannot pay within"
         " 90 days.",
         {}),
        ("A fund covers any resident who can't pay rent.",
         {}),
        ("Emergency food is available for any family who can't pay for groceries.",
         {}),
        ('We prescribe Suboxone; you do not need to go somewhere else.',
         {'medications.mat_buprenorphine': True}),
        ('Our doctor prescribes naltrexone, so there is no need to get it somewhere else.',
         {'medications.mat_naltrexone': True}),
        ("Vivitrol has to be dispensed by a specialty pharmacy, but our nurse gives the injection"
         " here.",
         {'medications.mat_naltrexone': True}),
        ("We don't have beds at our Elm Street office; residential care is at our Dover"
         " campus.",
         {}),
        ('We do not have beds for medical detox; clients needing detox go to Mercy.',
         {}),
        ('Contact us by phone or video chat to learn more.',
         {}),
        ('Interpreters are available by phone or video for any language.',
         {}),
        ('Withdrawal management: Referral required for admission to our unit.',
         {}),
        ('Drop-in hours for the recovery clubhouse are 10-2 daily.',
         {}),
        ('Drop-in screenings for depression are available at the health fair.',
         {}),
        ('Our groups are small: 12 seats are available in each group.',
         {}),
        ('Most clients begin to feel better within about 2 weeks.',
         {}),
        ('Our study enrolled 120 participants over 6 months.',
         {}),
        ('Participants must have at least 30 days of sobriety before starting.',
         {}),
        ('The parking garage is owned by the City of Boulder.',
         {}),
        ('Formerly owned by the City of Trenton, the clinic is now run by Oaks Integrated Care.',
         {}),
        ('Evening IOP meets 3:15-6:15 pm.',
         {'levels_of_care.iop': True, 'schedule.evening': True}),
        ('Family sessions may be held on Saturdays.',
         {'therapies.family_therapy': True}),
        ("Intensive outpatient means you live at home while attending our program 12 hours a"
         " week.",
         {'levels_of_care.iop': True, 'schedule.hours_per_week': 12.0}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_twenty_fifth_sets_rules_found(text: str, read: dict) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert reading.facts == read
    assert "availability.open_slots" not in merge_readings([reading]).availability
    assert "availability.days_to_intake" not in merge_readings([reading]).availability


def test_a_clinics_card_of_openings_is_said_of_that_clinic() -> None:
    """Cards of openings under each clinic's heading: each statement stands under its clinic."""
    cards = ("<h2>IOP openings</h2><div><h3>Wisconsin Rapids Clinic</h3><p>Accepting new clients"
             " \u2014 3 openings in the evening track.</p></div><div><h3>Marshfield Clinic</h3><p>"
             "Current wait for a first group: about 10 business days.</p></div>")  # fmt: skip
    reading = read_html(f"<html><body><main>{cards}</main></body></html>", crawl_date=CRAWLED)
    assert [
        (said.heading, said.open_slots, said.days_to_intake) for said in reading.availability
    ] == [
        ("Wisconsin Rapids Clinic", 3, None),
        ("Marshfield Clinic", None, 10),
    ]


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("Skills: Saturday; 9-12", "Skills: Saturday; 9 a.m.-12 p.m."),
        ("Mon\u2013Thu, 9\u201312", "Mon\u2013Thu, 9 a.m.-12 p.m."),
        ("Mon\u2013Thu \u00b7 6\u20139 PT", "Mon\u2013Thu \u00b7 6 p.m.-9 p.m. PT"),
        ("Tuesday and Thursday 1\u20134", "Tuesday and Thursday 1 p.m.-4 p.m."),
        ("Saturday 10-1", "Saturday 10 a.m.-1 p.m."),
        # Counts, ages, dates and an hour that could be either half of the day stay as written.
        ("Groups meet 3-4 days a week", "Groups meet 3-4 days a week"),
        ("Monday: ages 6-9", "Monday: ages 6-9"),
        ("Monday, December 7 \u2014 2 seats", "Monday, December 7 \u2014 2 seats"),
        ("Monday 9-12 hours", "Monday 9-12 hours"),
        ("Tuesday 7-9", "Tuesday 7-9"),
    ],
)  # fmt: skip
def test_a_days_bare_hours_are_read_as_groups_keep_them(said: str, written: str) -> None:
    assert clock_words(said) == written


def test_a_group_schedule_table_of_named_groups_gives_the_week() -> None:
    """Rows "Group | Day | Time", one a month's family group: the weekly groups' hours add up,
    a Saturday row is a weekend group, and the rows name the groups."""
    table = (
        "<h2>Group Schedule</h2><table><thead><tr><th>Group</th><th>Day</th><th>Time</th></tr>"
        "</thead><tbody><tr><td>Relapse Prevention</td><td>Tuesday</td><td>5:30\u20138:30 PM</td>"
        "</tr><tr><td>Cognitive-Behavioral Skills</td><td>Saturday</td><td>9-12</td></tr>"
        "<tr><td>Process Group</td><td>Thursday</td><td>5:30\u20138:30 PM</td></tr>"
        "<tr><td>Family Group</td><td>First Monday of the month</td><td>6:00\u20137:30 PM</td>"
        "</tr></tbody></table>"
    )
    read = read_html(f"<html><body><main>{table}</main></body></html>", crawl_date=CRAWLED)
    assert {path: read.facts.get(path) for path in (
        "schedule.hours_per_week", "schedule.weekend", "schedule.daytime", "schedule.evening",
        "therapies.cbt", "therapies.group_skills", "therapies.family_therapy",
    )} == {
        "schedule.hours_per_week": 9.0, "schedule.weekend": True, "schedule.daytime": True,
        "schedule.evening": True, "therapies.cbt": True, "therapies.group_skills": True,
        "therapies.family_therapy": True,
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Patients who are uninsured may qualify for a self-pay discount.",
        "You may qualify for our sliding fee scale.",
    ],
)
def test_who_may_qualify_is_no_promise_of_a_payment(text: str) -> None:
    assert facts(text) == {}


def test_an_faq_only_in_the_markup_is_the_sites_answer() -> None:
    """A Squarespace FAQPage in JSON-LD with no FAQ on the page: its answers are read; one
    the page also shows is read once."""
    faq = (
        '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": ['
        '{"@type": "Question", "name": "Do you take walk-ins?", "acceptedAnswer": {"@type":'
        ' "Answer", "text": "<p>No, please call to schedule an assessment.</p>"}},'
        '{"@type": "Question", "name": "Do you prescribe buprenorphine?", "acceptedAnswer":'
        ' {"@type": "Answer", "text": "Yes. Our nurse practitioner prescribes buprenorphine."}}]}'
    )
    page = (
        f'<html><head><script type="application/ld+json">{faq}</script></head><body><main>'
        "<h1>Evening IOP</h1><p>Yes. Our nurse practitioner prescribes buprenorphine.</p>"
        "</main></body></html>"
    )
    read = read_html(page, crawl_date=CRAWLED)
    assert read.facts["intake.walk_in"] is False
    assert read.facts["medications.mat_buprenorphine"] is True


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Magnolia Crescent is exploring a fully virtual IOP for 2027.", {}),
        ("We're also exploring a fully virtual IOP for Pennsylvania families.", {}),
        # What some of an organisation's places do is not this one's word.
        ("Many of our centers offer equine therapy, experiential therapy and on-site schooling.",
         {}),
        ("Some of our locations offer yoga.", {}),
        # What a kind of provider is, in general.
        ("A methadone clinic is an outpatient clinic where patients receive daily doses.", {}),
        # A PHP's teens are the PHP's.
        ("PHP runs weekdays 8:30 a.m.\u20132:30 p.m. with on-site school instruction; PHP teens"
         " also have a weekly yoga and art session.",
         {"levels_of_care.partial_hospitalization": True}),
        # A clinician's other work is not the program's.
        ("Dr. Imani Pinckney, MD, psychiatrist, also sees patients at the Orangeburg adolescent"
         " PHP.", {}),
        ("Not just for alcohol, Vivitrol also treats opioid use disorder.",
         {"medications.mat_naltrexone": True}),
    ],
)  # fmt: skip
def test_what_the_thirty_first_set_found(text: str, read: dict) -> None:
    assert facts(text) == read


def test_an_open_track_with_its_seats_after_a_comma_is_open() -> None:
    (said, _) = read_text(
        "Morning track: open now, 4 seats. Evening track: waitlist about 2 weeks.",
        crawl_date=CRAWLED,
    ).availability
    assert said.accepting_new_patients is True


def test_a_definition_list_of_days_and_times_is_one_schedule() -> None:
    card = (
        "<h2>Evening IOP</h2><dl class='schedule'><dt>Days</dt><dd>Monday, Wednesday, Thursday"
        "</dd><dt>Time</dt><dd>5:30 \u2013 8:30 p.m.</dd></dl>"
    )
    read = read_html(f"<html><body><main>{card}</main></body></html>", crawl_date=CRAWLED)
    assert (read.facts["schedule.hours_per_week"], read.facts["schedule.evening"]) == (9.0, True)
    # A list of other terms is read term by term, as before.
    terms = "<dl><dt>Phone</dt><dd>555-0100</dd><dt>Fax</dt><dd>555-0101</dd></dl>"
    root = lxml.html.fromstring(f"<html><body><main>{terms}</main></body></html>")
    assert [text for text, _ in headed_segments(root)] == ["Phone: 555-0100", "Fax: 555-0101"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Found read wrongly by the review of this stop's rules, now read as a referrer would.
        ("Alumni groups meet in person on the first Friday.", {}),
        ("Family sessions are held in person at the clinic.", {"therapies.family_therapy": True}),
        ("We do not offer a virtual IOP for adolescents; adults can join our virtual IOP.",
         {"levels_of_care.iop": True}),
        # A denial for some people or places denies nothing of the others', nor licenses them.
        ("Our virtual IOP is not available to residents of Ohio.", {}),
        ("We don't offer telehealth to residents of other states.", {}),
        ("Our virtual IOP is available to residents of Ohio and Kentucky.",
         {"levels_of_care.iop": True, "access.telehealth": True,
          "access.licensed_states": ["OH", "KY"]}),
        ("Mornings or evenings, our counselors are available by phone; the IOP meets Tuesday and"
         " Thursday evenings.", {"levels_of_care.iop": True, "schedule.evening": True}),
        ("Cognitive-behavioral treatment of insomnia is available through our sleep clinic.", {}),
        ("Parenting Skills: Saturday; 9-12 (offered through our partner agency)", {}),
        ("IOP groups meet Mon\u2013Thu 6\u20139.", {"levels_of_care.iop": True,
         "schedule.evening": True, "schedule.hours_per_week": 12.0}),
        # And read rightly, kept.
        ("IOP groups meet in person at our Main Street office.",
         {"levels_of_care.iop": True, "access.virtual_only": False}),
        ("Court clients must attend in person.", {}),
        ("Most groups meet in person, but you can join by Zoom.", {}),
        ("Intake assessments are held in person.", {}),
        ("Patients dosing at an opioid treatment program can attend our IOP.",
         {"levels_of_care.iop": True, "medications.mat_accepts_outside_prescriptions": True}),
        ("As an opioid treatment program, we provide methadone and buprenorphine.",
         {"medications.otp_certified": True, "medications.mat_methadone": True,
          "medications.mat_buprenorphine": True}),
        ("Our PHP at our Knoxville campus offers art therapy and music therapy five days a week.",
         {"levels_of_care.partial_hospitalization": True}),
        ("Our IOP at our Knoxville campus offers art therapy and music therapy.",
         {"levels_of_care.iop": True, "therapies.art_therapy": True,
          "therapies.music_therapy": True}),
        ("Oak County is exploring a weekend IOP track.", {}),
        ("Patients may qualify for Medicaid; we accept Medicaid.", {"payment.medicaid": True}),
        ("Our IOP meets Tuesday 10:30-1:30 and Thursday 10:30-1:30.",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.hours_per_week": 6.0}),
        ("Our IOP meets Monday, 7-9, Wednesday, 7-9 and Thursday, 7-9.",
         {"levels_of_care.iop": True}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_twenty_ninth_sets_rules_found(text: str, read: dict) -> None:
    assert facts(text) == read


@pytest.mark.parametrize(
    "rows",
    [
        ["Relapse Prevention: Tuesday; 5:30-8:30 PM", "Alumni Skills: Saturday; 9-12"],
        ["Visitation: Sunday; 1-3"],
        ["Youth group: Saturday, Ages 9-12"],
    ],
)
def test_a_schedules_rows_of_others_time_no_groups(rows: list[str]) -> None:
    read = read_text(
        ["Group Schedule", *rows], crawl_date=CRAWLED, headings=[True] + [False] * len(rows)
    )
    assert "schedule.daytime" not in read.facts
    assert "therapies.group_skills" not in read.facts


@pytest.mark.parametrize(
    ("text", "accepting", "days"),
    [
        ("As of March 1, 2024, our waitlist was about 8 weeks. Today we are accepting new patients"
         " with no waitlist.", True, None),
        ("Evening track: full, about a 3-week waitlist. Morning track: accepting new clients,"
         " intake within 2 weeks.", True, 14),
        ("Morning track: waitlist, about 2 weeks. Evening track: waitlist, about 4 weeks.", None,
         14),
        ("Alumni group \u2014 accepting new members. IOP \u2014 full.", False, None),
    ],
)  # fmt: skip
def test_tracks_openings_as_the_review_found_them(
    text: str, accepting: bool | None, days: int | None
) -> None:
    merged = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert merged.get("availability.accepting_new_patients") is accepting
    assert merged.get("availability.days_to_intake") == days


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Weekend groups denied, or held by the program once a month; not programs at large,
        # nor volunteers' night in a parish hall.
        ("We don't meet on weekends.", {"schedule.weekend": False}),
        ("Groups do not meet on Saturdays or Sundays.", {"schedule.weekend": False}),
        ("Some IOPs meet on Saturdays and Sundays; others hold groups only on weekday evenings.",
         {}),
        ("On the first Saturday of each month we hold Family Day, a family counseling session"
         " with lunch.", {"therapies.family_therapy": True, "schedule.weekend": True}),
        ("A parent support night is run by volunteers from Dubuque Parents in Recovery on the"
         " last Sunday of the month at St. Raphael's parish hall.", {}),
        # Outpatient care after the IOP, or the practice's own kind.
        ("When you complete IOP you step down to weekly outpatient counseling with the same"
         " team.", {"levels_of_care.outpatient": True}),
        ("Graduates are welcome in our weekly aftercare outpatient group for as long as they"
         " like.", {"levels_of_care.outpatient": True}),
        ("Most people complete the program in six to ten weeks before moving to our outpatient"
         " clinic for continuing care.",
         {"levels_of_care.outpatient": True, "schedule.program_weeks": 10.0}),
        ("No. High Plains is an outpatient provider.", {}),  # (another's kind, as often)
        ("An IOP is an outpatient program that meets several days a week.",
         {"levels_of_care.iop": True}),
        ("We are an outpatient agency: we don't offer residential treatment or detox.",
         {"levels_of_care.residential": False, "detox.detox_onsite": False}),
        ("Outpatient (here): Yes", {"levels_of_care.outpatient": True}),
        ("Outpatient: Yes", {}),  # (a coverage table's row, as well as a level's)
        # Another care's stay and therapies are its own.
        ("Big Lake Lodge in Sebring offers 28-day residential addiction treatment for adults.",
         {}),
        ("A mental-health partial hospitalization program for adults, weekdays 8:30 a.m.\u2013"
         "2:30 p.m., with art and music therapy.",
         {"levels_of_care.partial_hospitalization": True}),
        ("Patients who need withdrawal management are admitted to our Inpatient Withdrawal Unit"
         " at the main hospital first and then join the IOP.",
         {"levels_of_care.iop": True, "detox.detox_referral": True}),
        ("Families under 200% of the federal poverty level pay reduced rates on our income-based"
         " scale.", {"payment.sliding_fee": True}),
        ("IOP groups themselves meet in person.",
         {"levels_of_care.iop": True, "access.virtual_only": False}),
        ("It runs roughly 10 weeks, and most people continue in our weekly aftercare group"
         " afterwards.", {"schedule.program_weeks": 10.0}),
        ("IOP at Rim Country means three live group sessions a week, three hours each, plus a"
         " weekly one-on-one with your therapist.",
         {"levels_of_care.iop": True, "therapies.individual_therapy": True,
          "schedule.hours_per_week": 9.0}),
        ("Each client also meets an individual counselor every other week.",
         {"therapies.individual_therapy": True}),
        # Office hours with the times first in one part and the days first in the next.
        ("Office: eight in the morning to six in the evening, Monday through Thursday; Fridays,"
         " eight to noon.", {"schedule.opening_hours": ["Mo-Th 08:00-18:00", "Fr 08:00-12:00"]}),
        # A link's quoted name offers nothing; the clause after it denies.
        ("The \"Equine & Wilderness\" link in our menu goes here because people ask: we don't"
         " offer equine therapy ourselves.", {"therapies.equine_therapy": False}),
        # Tracks of different weeks: the longest, as the labels take ranges' upper bounds.
        ("Day IOP meets Monday, Wednesday and Friday from 9 a.m. to noon. Evening IOP meets"
         " Monday through Thursday, 6 to 9 p.m.",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True,
          "schedule.hours_per_week": 12.0}),
        ("Chair yoga was part of the evening track until last spring.", {}),
    ],
)  # fmt: skip
def test_what_the_thirty_third_set_found(text: str, read: dict) -> None:
    assert facts(text) == read


@pytest.mark.parametrize(
    ("segments", "read"),
    [
        # A service's heading whose text hedges it, pointing back to it, offers nothing ...
        (["Yoga", "Chair yoga was part of the evening track until last spring. We're hoping to"
          " restart it once we find a new instructor."], {}),
        # ... nor one its text denies; a blurb under it states it; another hedge leaves it.
        (["Equine & Wilderness", "We don't offer equine therapy ourselves."],
         {"therapies.equine_therapy": False}),
        (["Yoga", "Gentle chair yoga for body and mind."], {"therapies.yoga": True}),
        (["Music therapy", "Thursdays with our board-certified music therapist. We hope to add a"
          " Saturday group in 2027."], {"therapies.music_therapy": True}),
        # A plain "IOP" heading over its days and times.
        (["IOP", "Days: Monday, Wednesday, Thursday Time: 9:30\u201312:30"],
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.hours_per_week": 9.0}),
        # A row of plans refused together.
        (["Insurance & cost", "AHCCCS (Arizona Medicaid), Turquoise Care (New Mexico Medicaid),"
          " Utah Medicaid: No \u2014 we are not contracted"], {"payment.medicaid": False}),
    ],
)  # fmt: skip
def test_what_a_heading_and_its_text_say_together(segments: list[str], read: dict) -> None:
    marks = [index == 0 for index in range(len(segments))]
    assert read_text(segments, crawl_date=CRAWLED, headings=marks).facts == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # A table of tracks names each row's kind as a track, with its times ...
        ("<table><tr><th>Track</th><th>Days</th><th>Time</th></tr><tr><td>Morning</td><td>Monday,"
         " Tuesday, Thursday</td><td>9:00 AM \u2013 12:00 PM</td></tr><tr><td>Evening</td><td>"
         "Monday, Wednesday, Thursday</td><td>6:00 PM \u2013 9:00 PM</td></tr></table>",
         {"schedule.daytime": True, "schedule.evening": True, "schedule.hours_per_week": 9.0}),
        # ... not a day's row without them.
        ("<table><tr><th>Track</th><th>Days</th><th>Time</th></tr><tr><td>Evening</td><td>Mon"
         " \u00b7 Wed \u00b7 Thu</td><td>5:30 \u2013 8:30 PM</td></tr><tr><td>Saturday</td>"
         "<td>\u2014</td><td>No groups</td></tr></table>", {"schedule.evening": True}),
        # A table's rows in words ("9 to noon") and bare ("6-9") are its tracks' times.
        ("<table><tr><th>Track</th><th>Days</th><th>Groups</th></tr><tr><td>Day IOP</td><td>Mon,"
         " Tue, Thu</td><td>groups 9 to noon</td></tr><tr><td>Evening IOP</td><td>Mon\u2013Thu"
         "</td><td>6-9</td></tr></table>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True,
          "schedule.hours_per_week": 12.0}),
        # A grid of blocks given table roles is read as the table it shows.
        ("<h2>Evening IOP</h2><div role='table'><div role='row'><div role='columnheader'>Night"
         "</div><div role='columnheader'>Time</div></div><div role='row'><div role='cell'>Monday"
         "</div><div role='cell'>6:00 \u2013 9:00 PM</div></div><div role='row'><div role="
         "'cell'>Tuesday</div><div role='cell'>6:00 \u2013 9:00 PM</div></div><div role='row'>"
         "<div role='cell'>Thursday</div><div role='cell'>6:00 \u2013 9:00 PM</div></div></div>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.hours_per_week": 9.0}),
        # Plans shown only as logos, under an insurance heading.
        ("<h1>Insurance</h1><p>We're in network with the plans below.</p><div><figure><img"
         " alt='Blue Cross and Blue Shield of Illinois'></figure><figure><img alt='Meridian \u2013"
         " Illinois Medicaid'></figure><figure><img alt='TRICARE East'></figure></div>",
         {"payment.private_insurance": True, "payment.medicaid": True,
          "payment.military_insurance": True}),
        # A table of levels of care with a column saying which are given here.
        ("<table><tr><th>ASAM level</th><th>Service</th><th>Available here?</th></tr><tr><td>1.0"
         "</td><td>Outpatient</td><td>Yes</td></tr><tr><td>2.5</td><td>Partial hospitalization"
         "</td><td>Not offered</td></tr><tr><td>3.2-WM</td><td>Withdrawal management</td><td>"
         "Referral to the contracted withdrawal management center in Marshall</td></tr></table>",
         {"levels_of_care.outpatient": True, "levels_of_care.partial_hospitalization": False,
          "detox.detox_referral": True}),
    ],
)  # fmt: skip
def test_tables_grids_and_logos_the_thirty_third_set_showed(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_move_notices_date_is_not_the_pages() -> None:
    """ "We've moved! As of November 2, 2026, ... is at ..." dates the move: the page's
    "Next available intake: Tuesday" stays undated, and a weekday alone gives no wait."""
    html = (
        "<html><body><div role='alert'><p><strong>We've moved!</strong> As of November 2, 2026,"
        " Chicago Road Recovery is at 390 E Chicago St, Suite 4, Coldwater, MI 49036.</p></div>"
        "<main><p>Next available intake: Tuesday.</p></main></body></html>"
    )
    reading = read_html(html, crawl_date=date(2026, 12, 6))
    (statement,) = reading.availability
    assert (statement.as_of, statement.dated, statement.days_to_intake) == (
        date(2026, 12, 6),
        False,
        None,
    )


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Weekend meetings of others, of classes, volunteers and visitors; monthly days that
        # are no care.
        ("SMART Recovery meets on Saturdays at 10 am in the lobby.", {}),
        ("The parenting class meets on Saturdays.", {}),
        ("Our volunteers meet on Saturdays to sort donations for us.", {}),
        ("Visiting sessions are held on Sundays for residents of our men's house.", {}),
        ("On the first Saturday of each month we host a community cleanup with our neighbors.",
         {}),
        ("On the last Saturday of the month, we close early for staff training.", {}),
        ("The IOP never meets on weekends.",
         {"levels_of_care.iop": True, "schedule.weekend": False}),
        # Outpatient care of others, in general, or past.
        ("Intensive outpatient treatment is an outpatient clinic-based level of care.",
         {"levels_of_care.iop": True}),
        ("Our partner, Bridgeway Behavioral, is an outpatient clinic that takes our graduates.",
         {}),
        ("Our weekly online outpatient group ended in 2024.", {}),
        ("Outpatient: Yes (through our partner, Riverbend Counseling)", {}),
        # Detox on site, another care first; eligibility scales; counselors outside.
        ("Anyone who needs detoxification is admitted to our detox unit first, then steps down"
         " to IOP.", {"levels_of_care.iop": True, "detox.detox_onsite": True}),
        ("Medicaid eligibility is determined by an income-based scale set by the state.", {}),
        ("Clients continue to meet with their own individual counselor in the community.", {}),
        ("Our psychiatrist meets one-on-one with your therapist to coordinate care.", {}),
        ("AA groups themselves meet in person at the Alano Club.", {}),
        # Another care's "when you complete"; coverage is no schedule; a group or a program of
        # its own is no track of the IOP.
        ("When you complete our residential program you can join our outpatient group on"
         " Saturdays.", {}),
        ("Insurance typically covers up to 4 sessions a week, 3 hours each.", {}),
        ("Evening IOP: Mon, Tue, Thu; 6-9 pm. Women's group: Mon-Fri, 9 am-12 pm.",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.daytime": True}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_thirty_third_sets_rules_found(text: str, read: dict) -> None:
    assert facts(text) == read


@pytest.mark.parametrize(
    ("segments", "read"),
    [
        # A plans row refused only by a bare "No" (and why), not by "No copay".
        (["Insurance", "Medicare, Medicaid: No copay for IOP."],
         {"levels_of_care.iop": True, "payment.medicaid": True, "payment.medicare": True}),
        (["Insurance", "Aetna, Cigna, UnitedHealthcare: No prior authorization needed"],
         {"payment.private_insurance": True}),
        (["Insurance", "Cash, check, credit card: not accepted; please pay by Medicaid or"
          " insurance."], {"payment.medicaid": True}),
        # A heading's service whose text says something else of it than a denial.
        (["Acupuncture", "Acupuncture is not a replacement for medication-assisted treatment."],
         {}),
        (["Art Therapy", "You don't need to be an artist: art therapy is not about talent."],
         {}),
    ],
)  # fmt: skip
def test_what_the_review_found_of_headings_and_rows(segments: list[str], read: dict) -> None:
    marks = [index == 0 for index in range(len(segments))]
    assert read_text(segments, crawl_date=CRAWLED, headings=marks).facts == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<h2>Visiting Hours</h2><table><tr><th>Session</th><th>Day</th><th>Time</th></tr><tr><td>"
         "Weekend</td><td>Saturday &amp; Sunday</td><td>1-4 pm</td></tr><tr><td>Evening</td><td>"
         "Wednesday</td><td>6-8 pm</td></tr></table>", {}),
        ("<h2>Insurance</h2><p>We are out of network with the following plans:</p><div><img"
         " alt='Aetna'><img alt='Cigna'><img alt='Medicaid'></div>",
         {"payment.private_insurance": False, "payment.medicaid": False}),
        ("<h2>Team</h2><div><img alt='Dr. Jane Doe, MD'><img alt='Yoga instructor leading"
         " class'></div>", {}),
    ],
)  # fmt: skip
def test_what_the_review_found_of_tables_and_galleries(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_clinics_staff_page_by_its_path_is_its_people() -> None:
    root = lxml.html.fromstring("<html><body><h1>Recovery Clinic Staff</h1></body></html>")
    url = "https://u.example/academics/counseling/recovery-clinic-staff"
    assert page_kind(root, url) is PageKind.PEOPLE


def test_a_gallery_after_a_comment_is_read_with_the_line_before_it() -> None:
    """A comment between the line over a gallery of plans' logos and the gallery."""
    html = (
        "<html><body><main><h1>Insurance</h1><p>We accept these plans:</p><!-- logos --><div>"
        "<img alt='Aetna'><img alt='Medicaid'></div></main></body></html>"
    )
    assert read_html(html, crawl_date=CRAWLED).facts == {
        "payment.private_insurance": True,
        "payment.medicaid": True,
    }


# What the thirty-seventh and thirty-eighth sets found read wrongly (or not at all).
@pytest.mark.parametrize(
    ("text", "read", "availability"),
    [
        # the day a group starts or meets newcomers: it takes people, but no wait for an intake
        ("Next adult IOP orientation: Monday, December 14.", {"levels_of_care.iop": True},
         {"availability.accepting_new_patients": True, "availability.days_to_intake": None}),
        ("Next IOP group start: Monday, January 4, 2027.", {"levels_of_care.iop": True},
         {"availability.accepting_new_patients": True, "availability.days_to_intake": None}),
        ("Spots open for the January cohort: 2 (posted December 2, 2026)", {},
         {"availability.accepting_new_patients": True, "availability.open_slots": 2}),
        ("Groups cover relapse prevention, anger management and life skills. Each adult also has"
         " an individual counselor.",
         {"therapies.group_skills": True, "therapies.group_relapse_prevention": True,
          "therapies.individual_therapy": True, "therapies.group_therapy": True}, {}),
        # where walk-ins are seen, not the office's hours
        ("Walk-in screenings are available at the Hanford clinic Monday through Friday, 8:00 to"
         " 3:00.", {"intake.walk_in": True}, {}),
        ("Our evening track opens in March \u2014 ask to join the interest list.", {}, {}),
        ("No yoga mats, art supplies or music players in group.", {}, {}),
        # a refused list reaches past a plan's long name; Medicare Advantage is not Medicare
        ("We are not in network with Molina Healthcare of Iowa or TRICARE.",
         {"payment.military_insurance": False}, {}),
        ("We are not in network with TRICARE or Medicare Advantage plans.",
         {"payment.military_insurance": False}, {}),
        ("Insurance: Medicare: yes, we are a Medicare provider; TRICARE: coverage depends on your"
         " plan; call us to check.", {"payment.medicare": True}, {}),
        ("No insurance: Sliding fee, based on income", {"payment.sliding_fee": True}, {}),
        ("Self-pay fees slide with household income.",
         {"payment.self_pay": True, "payment.sliding_fee": True}, {}),
        # a partner clinic's prescribing is not the program's
        ("Medication-assisted treatment is provided in partnership with Delta Family Clinic,"
         " which prescribes buprenorphine for clients who need it.",
         {"medications.mat_accepts_outside_prescriptions": True}, {}),
        ("We do not prescribe any medicine ourselves.",
         {"medications.mat_buprenorphine": False, "medications.mat_methadone": False,
          "medications.mat_naltrexone": False}, {}),
        ("Magnolia Path is not an opioid treatment program; we coordinate with the OTP in"
         " Tallahassee for patients who dose there.",
         {"medications.otp_certified": False,
          "medications.mat_accepts_outside_prescriptions": True}, {}),
        ("Methadone is dispensed by the regional hub, West Ridge Treatment Center, and we"
         " coordinate care with the hub for our clients who dose there.",
         {"medications.mat_accepts_outside_prescriptions": True}, {}),
        # an office's hours are no week's, but "at both offices" is where the program meets
        ("At both offices the program meets three days a week for three hours, nine hours in"
         " all, and runs eight weeks.",
         {"schedule.hours_per_week": 9.0, "schedule.program_weeks": 8.0}, {}),
        ("Equine-assisted activities are offered to women's track clients by Glade Run Farm, an"
         " independent partner, on some Saturdays; they are not part of our IOP.", {}, {}),
        # times without a.m. or p.m., "from 9 to 12"
        ("Day IOP meets Monday, Tuesday and Thursday from 9 to 12.",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.hours_per_week": 9.0},
         {}),
        ("Families meet with our counselors on Sunday afternoons, 2 to 4, twice a month.",
         {"therapies.family_therapy": True, "schedule.weekend": True, "schedule.daytime": True},
         {}),
        ("The program lasts 16 weeks, and each person also meets one-on-one with a counselor"
         " every other week.", {"schedule.program_weeks": 16.0}, {}),
        ("If you need to come off alcohol or opioids safely, we will help you get admitted to a"
         " hospital detox in Jonesboro or Memphis.", {"detox.detox_referral": True}, {}),
        ("You must be physically located in one of these states during every session: New York;"
         " Pennsylvania; Ohio.", {"access.licensed_states": ["NY", "PA", "OH"]}, {}),
    ],
)  # fmt: skip
def test_what_the_thirty_seventh_and_eighth_sets_found(
    text: str, read: dict, availability: dict
) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert reading.facts == read
    stated = merge_readings([reading]).availability
    assert {path: stated.get(path) for path in availability} == availability


# Pages of those sets: a list headed as what the program does not provide, a bio's line of
# credentials, a grid of plans' rows, a section headed as another care, a webflow FAQ's
# "Not right now", a heading of seat openings, a list of items of sentences.
@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<h2>Services we do NOT provide</h2><ul><li>Methadone dosing. We are not an opioid"
         " treatment program.</li><li>Telehealth or virtual groups. All groups meet in person."
         "</li></ul>",
         {"medications.mat_methadone": False, "medications.otp_certified": False,
          "access.telehealth": False, "access.virtual_only": False}),
        ("<h4>Rachel Lindqvist, LPC, SAC \u2014 Clinical Director</h4><p>Certified in EMDR, DBT"
         " and trauma-informed yoga.</p>", {}),
        ("<h1>Insurance</h1><div><div><div>Blue Cross NC, Aetna</div><div>In network</div></div>"
         "<div><div>TRICARE</div><div>Not in network</div></div></div>",
         {"payment.private_insurance": True, "payment.military_insurance": False}),
        ("<h2>Partial Hospitalization (PHP)</h2><p>Five days a week, 8:30 a.m. to 2:30 p.m., with"
         " psychiatry and art therapy.</p><h2>Intensive Outpatient (IOP)</h2><p>Monday, Wednesday"
         " and Thursday, 6 to 9 p.m.</p>",
         {"levels_of_care.partial_hospitalization": True, "levels_of_care.iop": True,
          "schedule.evening": True, "schedule.hours_per_week": 9.0}),
        ("<div class='faq'><div>Do you have Saturday groups?</div><p>Not right now. All groups"
         " run Monday through Friday.</p></div>", {"schedule.weekend": False}),
        # an answer's "No" is to its question, even after the colon a definition list gives it
        ("<dl class='faq'><dt><a href='#' aria-expanded='false'>Can my teenager attend?</a></dt>"
         "<dd hidden><p>No, the IOP is for adults 18 and older.</p></dd></dl>",
         {"levels_of_care.iop": True}),
    ],
)  # fmt: skip
def test_what_the_thirty_seventh_and_eighth_sets_pages_say(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_heading_of_openings_is_careers_only_over_jobs() -> None:
    seats = "<html><body><h1>Current openings</h1><p>Evening IOP: 2 openings.</p></body></html>"
    jobs = "<html><body><h1>Current openings</h1><p>We are hiring a counselor.</p></body></html>"
    url = "https://x.example/openings"
    assert page_kind(lxml.html.fromstring(seats), url) is PageKind.PROGRAM
    assert page_kind(lxml.html.fromstring(jobs), url) is PageKind.CAREERS


def test_a_list_of_sentences_keeps_each_items_wait_its_own() -> None:
    """ "Greencastle Evening IOP: full. Call to join the waitlist (about 2 weeks)." The wait
    follows Greencastle's label, not the next item's."""
    reading = read_html(
        "<html><body><main><h1>Openings</h1><ul><li>Crawfordsville Day IOP: accepting new"
        " clients \u2014 2 openings.</li><li>Greencastle Evening IOP: full. Call to join the"
        " waitlist (about 2 weeks).</li><li>Outpatient counseling: new clients seen within 5"
        " days.</li></ul></main></body></html>",
        crawl_date=CRAWLED,
    )
    follows = {statement.statement: statement.follows for statement in reading.availability}
    assert follows == {
        "Openings: Crawfordsville Day IOP: accepting new clients \u2014 2 openings": "",
        "Openings: Greencastle Evening IOP: full.": "",
        "Call to join the waitlist (about 2 weeks).": "Openings: Greencastle Evening IOP: ",
    }


def test_one_tracks_seats_after_a_dated_lead_say_the_program_takes_people() -> None:
    reading = read_html(
        "<html><body><main><div><h4>Openings \u2014 week of November 30, 2026</h4><ul><li>Morning"
        " track: full until mid-January</li><li>Evening track: 5 open seats</li></ul></div>"
        "</main></body></html>",
        crawl_date=date(2026, 12, 6),
    )
    stated = merge_readings([reading]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.open_slots"] == 5
    assert stated["availability.as_of"] == date(2026, 11, 30)


def test_one_states_medicaid_taken_and_others_refused_takes_medicaid() -> None:
    """A virtual program in three states: "We accept these New York Medicaid plans: ...", "We
    do not accept Pennsylvania or Ohio Medicaid at this time." It takes Medicaid (New York's)."""
    reading = read_text(
        [
            "We accept these New York Medicaid plans: Fidelis Care and Independent Health"
            " MediSource.",
            "We do not accept Pennsylvania or Ohio Medicaid at this time.",
        ],
        crawl_date=CRAWLED,
    )
    assert reading.facts["payment.medicaid"] is True


# What a review of the thirty-seventh and thirty-eighth sets' rules found read wrongly by their
# first versions, mended: a heading's denial only over a list of what is not provided, "medicine"
# only the program's own, a partner's only its medication, a DUI class's seats no program's,
# others' meetings only as what a sentence is about, a track yet to open by its month's name.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Our counselors can't prescribe medicine, but Dr. Patel prescribes buprenorphine and"
         " naltrexone.",
         {"medications.mat_buprenorphine": True, "medications.mat_naltrexone": True}),
        ("We do not prescribe medicine for ADHD.", {}),
        ("Each teen has an individual therapist at school, and we coordinate with them.", {}),
        ("Alumni attend group two evenings a month.", {}),
        ("Alumni groups focus on social skills and staying connected.", {}),
        ("Parent groups teach communication skills.", {}),
        ("Groups meet Monday through Friday 9-noon; choose two days for individual sessions.",
         {"therapies.individual_therapy": True, "schedule.daytime": True,
          "schedule.hours_per_week": 15.0}),
        ("Openings for our DUI class: 4", {}),
        ("Our IOP groups meet Tuesday, Thursday and Saturday mornings, and we host an alumni"
         " group on Sunday.",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.weekend": True}),
        ("Our second IOP location, which opens in Mayfield Heights, offers evening groups.",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        ("We offer buprenorphine and the new clinic opens in January.",
         {"medications.mat_buprenorphine": True}),
        ("Evening IOP is offered in partnership with Lakeview Hospital; our nurse practitioner"
         " prescribes Suboxone and Vivitrol.",
         {"levels_of_care.iop": True, "schedule.evening": True,
          "medications.mat_buprenorphine": True, "medications.mat_naltrexone": True}),
        ("Our IOP includes group therapy, individual counseling and yoga; AA meetings are held on"
         " site but they are not part of our program.",
         {"levels_of_care.iop": True, "therapies.group_therapy": True,
          "therapies.individual_therapy": True, "therapies.yoga": True}),
        ("We are an independent partner of the county's recovery network and offer"
         " buprenorphine, family therapy and evening groups.",
         {"medications.mat_buprenorphine": True, "therapies.family_therapy": True,
          "schedule.evening": True}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_thirty_seventh_and_eighth_sets_rules_found(
    text: str, read: dict
) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<h2>We do not offer methadone</h2><p>Suboxone, Vivitrol, and Sublocade</p>",
         {"medications.mat_methadone": False, "medications.mat_buprenorphine": True,
          "medications.mat_naltrexone": True}),
        ("<h2>Our program doesn't have a waitlist</h2><p>Evening groups, Monday through"
         " Thursday.</p>", {"schedule.evening": True}),
        ("<h2>Services we don't provide</h2><ul><li>Detox</li><li>Housing</li></ul><p>Questions?"
         " Call us.</p><p>Sliding fee scale for uninsured clients</p>",
         {"detox.detox_onsite": False, "payment.sliding_fee": True}),
        # an office's hours under a track's heading are no group's
        ("<h2>Women's IOP</h2><p>Open Monday\u2013Friday 9\u20135</p>",
         {"levels_of_care.iop": True, "schedule.opening_hours": ["Mo-Fr 09:00-17:00"]}),
        ("<h2>Partial Hospitalization Program</h2><p>After PHP, most clients continue in our"
         " program three evenings a week with family therapy and EMDR.</p>",
         {"levels_of_care.partial_hospitalization": True, "therapies.family_therapy": True,
          "therapies.other": ["EMDR"]}),
    ],
)  # fmt: skip
def test_what_the_review_found_of_headings(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_next_start_beside_full_is_full() -> None:
    reading = read_text(
        ["Next group start: February 1.", "Our IOP is currently full."], crawl_date=CRAWLED
    )
    stated = merge_readings([reading]).availability
    assert stated["availability.accepting_new_patients"] is False


def test_a_job_list_under_current_openings_is_careers() -> None:
    root = lxml.html.fromstring(
        "<html><body><h1>Current Openings</h1><p>Evening IOP Counselor: part-time, 3 evenings a"
        " week. Requirements: CADC.</p></body></html>"
    )
    assert page_kind(root, "https://x.example/openings") is PageKind.CAREERS


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Fees for everyone else slide with income.", {"payment.sliding_fee": True}),
        ("Fees for uninsured clients are based on ability to pay.", {"payment.sliding_fee": True}),
        ("Our policy offers discounted care based on household income.",
         {"payment.sliding_fee": True}),
        ("We can't provide detox here, but if you need it first we'll help you find a bed.",
         {"detox.detox_onsite": False, "detox.detox_referral": True}),
        ("If you need it, we can refer you to a counselor.", {}),
        ("If you need withdrawal management or residential treatment, our staff will refer you to"
         " a licensed program.", {"detox.detox_referral": True}),
    ],
)  # fmt: skip
def test_fees_by_income_and_a_detox_referral_of_it(text: str, read: dict) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts == read


# Pages of the forty-first and forty-second sets: a list under "Services we do NOT provide", a
# payer's card over "In network: ...", a label's plan dropped after it, an opioid treatment
# program's own wait, an alert's title its text repeats, withdrawal managed as an outpatient.
@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<h2>Services we do NOT provide</h2><ul><li>Detox (medical or social)</li><li>Methadone"
         "</li><li>Residential or inpatient treatment</li></ul><p>We'll refer you to programs that"
         " offer these.</p>",
         {"detox.detox_onsite": False, "medications.mat_methadone": False,
          "levels_of_care.residential": False, "levels_of_care.inpatient": False}),
        ("<h2>Services we do NOT provide</h2><ul><li>Detox or withdrawal management &mdash; our"
         " intake staff will refer you to a withdrawal program.</li><li>Residential treatment.</li>"
         "<li>Methadone.</li></ul>",
         {"detox.detox_onsite": False, "detox.detox_referral": True,
          "levels_of_care.residential": False, "medications.mat_methadone": False}),
        # items of sentences keep their own sentences: the coordination is with the OTP
        ("<h2>Services we do NOT provide</h2><ul><li>Methadone dosing. We are not an opioid"
         " treatment program; we coordinate with the OTP for patients who dose there.</li></ul>",
         {"medications.mat_methadone": False, "medications.otp_certified": False,
          "medications.mat_accepts_outside_prescriptions": True}),
        ("<h4>Georgia Medicaid</h4><p>In network: Peach State Health Plan, Amerigroup Community"
         " Care, CareSource Georgia</p><h4>Alabama &amp; Florida Medicaid</h4><p>Not accepted</p>",
         {"payment.medicaid": True}),
        ("<p>TRICARE: effective July 1, 2026, Musconetcong Behavioral Health is no longer in"
         " network with TRICARE.</p>", {"payment.military_insurance": False}),
        ("<p>We can manage mild alcohol withdrawal on an outpatient basis, with daily nurse"
         " check-ins. We have no detox beds on site.</p>",
         {"detox.detox_outpatient": True, "detox.detox_onsite": False}),
    ],
)  # fmt: skip
def test_what_the_forty_first_and_second_sets_pages_say(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "statement", "accepting", "days"),
    [
        ("Openings available in our daytime and evening IOP groups.",
         "Openings available in our daytime and evening IOP groups.", True, None),
        ("Methadone admissions: about a 2-week wait right now.", None, None, None),
        ("Now accepting new IOP clients: Now accepting new IOP clients \u2014 most people start"
         " group within 5 days of their first call.",
         "Now accepting new IOP clients \u2014 most people start group within 5 days of their first"
         " call.", True, 5),
        ("Next available intake (updated March 2, 2026): Tuesday, March 10, at 10:00 am.",
         "Next available intake (updated March 2, 2026): Tuesday, March 10, at 10:00 am.", True,
         None),
    ],
)  # fmt: skip
def test_openings_as_the_forty_first_and_second_sets_write_them(
    text: str, statement: str | None, accepting: bool | None, days: int | None
) -> None:
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated.get("availability.statement") == statement
    assert stated.get("availability.accepting_new_patients") == accepting
    assert stated.get("availability.days_to_intake") == days


def test_a_program_pages_dated_word_on_its_openings_stands_over_an_undated_one() -> None:
    """ "No waitlist." on the home page; "Next available intake: March 12. Updated March 3" on
    the program's: the dated statement, with its date. A news post's date is no such word, and
    a dated statement older than a month gives way to the undated one."""
    home = read_text("No waitlist. Most clients start IOP within 48 hours.", crawl_date=CRAWLED)
    program = read_text(
        ["Next available intake: Thursday, March 12.", "Updated March 3, 2026"],
        crawl_date=CRAWLED,
        page_date=date(2026, 3, 3),
    )
    stated = merge_readings([home, program]).availability
    assert stated["availability.statement"] == "Next available intake: Thursday, March 12."
    assert stated["availability.as_of"] == date(2026, 3, 3)
    post = read_text(
        "Some programs have waitlists of several weeks.", crawl_date=CRAWLED,
        page_date=date(2026, 3, 3),
    )  # fmt: skip
    post.kind = PageKind.ARTICLE
    stated = merge_readings([home, post]).availability
    assert stated["availability.statement"].startswith("No waitlist.")
    old = read_text(
        "Next available intake: Thursday, January 8.", crawl_date=CRAWLED,
        page_date=date(2026, 1, 2),
    )  # fmt: skip
    stated = merge_readings([home, old]).availability
    assert stated["availability.statement"].startswith("No waitlist.")


@pytest.mark.parametrize(
    "line",
    ["Page last reviewed: February 2, 2026", "This page last updated 03/14/2025.",
     "As of February 1, 2026, New Leaf no longer accepts Ambetter."],
)  # fmt: skip
def test_a_pages_review_or_a_changes_date_dates_none_of_its_openings(line: str) -> None:
    html = (
        f"<html><body><main><h1>IOP</h1><p>Openings available in our evening IOP.</p><p>{line}"
        "</p></main></body></html>"
    )
    (statement,) = read_html(html, crawl_date=CRAWLED).availability
    assert (statement.as_of, statement.dated) == (CRAWLED, False)


def test_a_program_that_has_ended_states_nothing() -> None:
    html = (
        "<html><body><main><h1>Weekend IOP</h1><p>This program has ended. Our Saturday IOP ended"
        " on June 30, 2026.</p><p>Saturdays, 9:00\u20131:00, for people who work weekdays.</p>"
        "</main></body></html>"
    )
    reading = read_html(html, crawl_date=CRAWLED, url="https://x.example/programs/weekend-iop")
    assert (reading.kind, reading.facts) == (PageKind.ENDED, {})


# What a review of those rules found read wrongly by their first versions, mended: an ended
# program only by its page's own notice, a listed item of its own words read as written, a
# payer's card only when it takes the payer outright, a plan dropped only when named again and
# now, an OTP only as a statement's label, another program's openings, others' withdrawal care.
@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<h1>Evening IOP</h1><p>The holiday coat drive program has ended \u2014 thank you!</p>"
         "<p>Groups meet Monday, Wednesday and Thursday, 6 to 9 p.m.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.hours_per_week": 9.0}),
        ("<h1>Adolescent IOP</h1><p>Note: This program is no longer being offered.</p><p>The teen"
         " IOP met Tuesday and Thursday afternoons; Medicaid accepted.</p>", {}),
        ("<h2>Services we do not provide</h2><ul><li>Medical detox</li><li>Methadone</li><li>We do"
         " provide buprenorphine (Suboxone) for IOP clients</li></ul>",
         {"detox.detox_onsite": False, "medications.mat_methadone": False,
          "medications.mat_buprenorphine": True, "levels_of_care.iop": True}),
        ("<h2>What we don't offer</h2><ul><li>Medicaid for out-of-state residents</li>"
         "<li>Methadone</li></ul>", {"medications.mat_methadone": False}),
        ("<h4>Cigna</h4><p>In network: pending.</p>", {}),
        ("<h4>Aetna</h4><p>Accepted as out-of-network only.</p>", {}),
        ("<h4>Spanish</h4><p>Yes, phone interpreters are available for individual sessions.</p>",
         {"therapies.individual_therapy": True}),
        ("<p>Medicare: beginning January 2027 we will no longer accept Medicare Advantage plans"
         " from Humana.</p>", {"payment.medicare": True, "payment.private_insurance": True}),
        ("<p>Blue Cross: Anthem is no longer in network; we remain in network with Highmark.</p>",
         {"payment.private_insurance": True}),
        ("<p>Some primary care doctors manage mild alcohol withdrawal on an outpatient basis, but"
         " we recommend a medical detox.</p>", {}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_forty_first_sets_rules_found(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "accepting", "days"),
    [
        ("We are accepting new clients; OTP clients welcome.", True, None),
        ("Patients who receive methadone dosing elsewhere are welcome; we have openings now.",
         True, None),
        ("Openings available in our DUI Risk Education program.", None, None),
        ("Next available intake: today.", True, 0),
        ("Next available intake: in 3 weeks (January 4).", True, 21),
        ("We can usually get you into group in 3 to 5 days.", None, 5),
        ("IOP: accepting new members.", True, None),
        ("Our board is accepting new members.", None, None),
        ("Hackettstown \u2014 Day and evening IOP: openings now.", True, None),
    ],
)  # fmt: skip
def test_openings_as_the_review_found_them_after_the_forty_first_sets_rules(
    text: str, accepting: bool | None, days: int | None
) -> None:
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated.get("availability.accepting_new_patients") == accepting
    assert stated.get("availability.days_to_intake") == days


@pytest.mark.parametrize(
    ("undated", "dated"),
    [
        ("Our IOP is currently full.", "We are accepting new clients."),
        ("Call today \u2014 no waitlist.", "Waitlist: about 3 weeks."),
        ("Now accepting new clients in our day IOP.", "Evening IOP: full."),
    ],
)
def test_a_dated_word_does_not_stand_over_an_undated_one_that_says_otherwise(
    undated: str, dated: str
) -> None:
    """Which of two pages saying otherwise of the openings is newer is not known: the undated
    one holds as of the crawl, as before."""
    home = read_text(undated, crawl_date=CRAWLED)
    program = read_text(dated, crawl_date=CRAWLED, page_date=date(2026, 3, 3))
    stated = merge_readings([home, program]).availability
    assert stated["availability.statement"] == undated
    assert stated["availability.as_of"] == CRAWLED


@pytest.mark.parametrize(
    "line",
    ["Updated March 1, 2026 \u2014 referrals reviewed daily.",
     "Last updated: 03/01/2026 \u2022 Clinically reviewed by Dana Ruiz, LCSW"],
)  # fmt: skip
def test_an_update_stamp_beside_a_review_still_dates_the_openings(line: str) -> None:
    html = (
        f"<html><body><main><h1>IOP</h1><p>{line}</p><p>Openings available in our evening IOP."
        "</p></main></body></html>"
    )
    (statement,) = read_html(html, crawl_date=CRAWLED).availability
    assert (statement.as_of, statement.dated) == (date(2026, 3, 1), True)


# What the forty-fourth set's pages read wrongly (it was measured first, then tuned on).
@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a Spanish line denying the evening groups only
        ("<h2>IOP en Pampa</h2><p>El IOP de Pampa se reúne de lunes a jueves. No hay grupos de"
         " IOP por la noche en Pampa.</p>", {"levels_of_care.iop": True}),
        ("<p>No ofrecemos grupos de IOP.</p>", {"levels_of_care.iop": False}),
        # a levels-of-care table, one row saying what is given here
        ("<table><tr><th></th><th>Outpatient counseling</th><th>IOP</th><th>Partial"
         " hospitalization (PHP)</th><th>Residential</th></tr><tr><th>Offered by Canadian"
         " River</th><td>Yes</td><td>Yes</td><td>No</td><td>No</td></tr><tr><th>Typical hours"
         " per week</th><td>1\u20132</td><td>9\u201312</td><td>20+</td><td>24/7</td></tr></table>",
         {"levels_of_care.outpatient": True, "levels_of_care.iop": True,
          "levels_of_care.partial_hospitalization": False, "levels_of_care.residential": False}),
        ("<table><tr><th></th><th>Outpatient</th><th>IOP</th><th>PHP</th><th>Residential</th></tr>"
         "<tr><td>At Chockoyotte Creek</td><td>\u2713</td><td>\u2713</td><td>\u2014</td>"
         "<td>\u2014</td></tr></table>",
         {"levels_of_care.outpatient": True, "levels_of_care.iop": True,
          "levels_of_care.partial_hospitalization": False, "levels_of_care.residential": False}),
        # a building's hours beside the IOP's line are no group's times
        ("<p>IOP &amp; counseling: (334) 555-0127; Annex hours: Mon\u2013Thu 8 a.m.\u20138:30"
         " p.m., Fri 8 a.m.\u2013noon.</p>",
         {"levels_of_care.iop": True,
          "schedule.opening_hours": ["Mo-Th 08:00-20:30", "Fr 08:00-12:00"]}),
        # plans under a heading that takes them
        ("<h2>In network</h2><p>Medicaid: Healthy Michigan Plan, Meridian. Commercial: Priority"
         " Health, HAP.</p>", {"payment.medicaid": True, "payment.private_insurance": True}),
        ("<h1>Insurance</h1><p>Medicare: See note</p>", {}),
        # what a condition names, its main clause refuses: "it" is the detox
        ("<p>If you need detox first, we can't provide it here, but we will refer you to a"
         " withdrawal program in Ann Arbor.</p>",
         {"detox.detox_onsite": False, "detox.detox_referral": True}),
        ("<p>If you need detox, we refer you to Mercy.</p>", {"detox.detox_referral": True}),
        ("<p>The Virtual Evening Track meets live on video Monday and Wednesday, 6:30\u20139:00"
         " p.m. It is open to women anywhere in Michigan; you must be in Michigan during each"
         " session.</p>",
         {"schedule.evening": True, "access.telehealth": True, "access.licensed_states": ["MI"]}),
        # (DBT's skills are DBT's, as the project's own fixtures label them)
        ("<p>Groups draw on DBT skills and mindfulness.</p>",
         {"therapies.dbt": True, "therapies.mindfulness": True}),
        ("<p>Liberty Pines itself has no residential beds and no detox unit.</p>",
         {"levels_of_care.residential": False, "detox.detox_onsite": False}),
        ("<p>We have no residential beds available this week.</p>", {}),
        ("<p>Each week you'll meet one-on-one with your counselor.</p>",
         {"therapies.individual_therapy": True}),
        # not for everyone, not a denial
        ("<p>If you need 24-hour care, virtual IOP isn't a safe place to start.</p>",
         {"levels_of_care.iop": True, "access.telehealth": True}),
        ("<p>Virtual IOP isn't offered.</p>",
         {"access.telehealth": False, "access.virtual_only": False}),
        ("<h1>Pricing</h1><p>IOP $1,800 / month</p>",
         {"levels_of_care.iop": True, "payment.self_pay": True}),
        ("<p>Every cohort keeps two scholarship seats, free for people who can't afford to"
         " pay.</p>",
         {"payment.free_care": True}),
        ("<p>Uninsured teens who live in Woods County attend free through a state grant.</p>",
         {"payment.free_care": True}),
        ("<p>Care team: (775) 555-0152 \u00b7 Mon\u2013Fri 07:00\u201319:00 PT</p>",
         {"schedule.opening_hours": ["Mo-Fr 07:00-19:00"]}),
        ("<p>Teen IOP is 8 to 10 weeks of after-school groups built on DBT.</p>",
         {"levels_of_care.iop": True, "therapies.dbt": True, "schedule.program_weeks": 10.0}),
        ("<p>Groups meet three afternoons a week, 3:30\u20136:00.</p>",
         {"schedule.daytime": True, "schedule.hours_per_week": 7.5}),
        # a week's grid, a day a column, each cell a track and its time
        ('<div role="grid"><div role="row"><div role="columnheader">Mon</div><div role='
         '"columnheader">Tue</div><div role="columnheader">Wed</div><div role="columnheader">Thu'
         '</div></div><div role="row"><div role="cell">Day IOP 9\u201312</div><div role="cell">'
         'Day IOP 9\u201312</div><div role="cell">\u2014</div><div role="cell">Day IOP 9\u201312'
         '</div></div><div role="row"><div role="cell">Evening IOP 6\u20139</div><div role='
         '"cell">\u2014</div><div role="cell">Evening IOP 6\u20139</div><div role="cell">Evening'
         ' IOP 6\u20139</div></div></div>',
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True,
          "schedule.hours_per_week": 9.0}),
    ],
)  # fmt: skip
def test_what_the_forty_fourth_sets_pages_showed(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("<h1>Bluff House</h1><p>Bluff House is a six-bed recovery residence for women, run in"
         " partnership with us. Residents attend IOP during their stay.</p>", PageKind.RESIDENCE),
        ("<h1>Oak Lodge</h1><p>Oak Lodge is a sober living home with an IOP on site.</p>",
         PageKind.PROGRAM),
        ("<h1>Our IOP</h1><p>Our IOP is a step down from a recovery residence.</p>",
         PageKind.PROGRAM),
    ],
)  # fmt: skip
def test_a_page_opening_with_what_a_house_is_is_the_houses(html: str, kind: PageKind) -> None:
    root = lxml.html.fromstring(f"<html><body><main>{html}</main></body></html>")
    assert page_kind(root, "https://bluffs.example/bluff-house/") is kind


@pytest.mark.parametrize(
    ("text", "accepting", "days", "slots"),
    [
        ("Start dates: Jan 5, 2027 \u2014 Day IOP \u2014 full; Jan 12, 2027 \u2014 Evening IOP"
         " \u2014 5 seats. Evening IOP starting January 12, 2027: 5 seats left.", True, None, 5),
        ("Day IOP (in person): waitlist, about 2 weeks. Virtual evening track: openings now.",
         True, None, None),
        ("Our intake coordinator calls the patient within one business day.", None, None, None),
    ],
)  # fmt: skip
def test_openings_as_the_forty_fourth_sets_pages_gave_them(
    text: str, accepting: bool | None, days: int | None, slots: int | None
) -> None:
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated.get("availability.accepting_new_patients") == accepting
    assert stated.get("availability.days_to_intake") == days
    assert stated.get("availability.open_slots") == slots


# What the forty-fifth set's pages read wrongly (it was measured first, then tuned on).
@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a denial whose list runs on after semicolons denies each item
        ("<p>We do not provide Residential treatment; Partial hospitalization; Detox on site.</p>",
         {"levels_of_care.residential": False, "levels_of_care.partial_hospitalization": False,
          "detox.detox_onsite": False}),
        ("<p>We don't offer methadone; Suboxone is available.</p>",
         {"medications.mat_methadone": False, "medications.mat_buprenorphine": True}),
        # a partner clinic's medications are not the program's
        ("<p>Clients who need buprenorphine or naltrexone get it through our partner clinic, Oak"
         " Creek Family Medicine. If you are already on medication for opioid or alcohol use"
         " from another doctor, you're welcome in either track.</p>",
         {"medications.mat_accepts_outside_prescriptions": True}),
        ("<p>Arizona clients who take buprenorphine from a local prescriber are welcome.</p>",
         {"medications.mat_accepts_outside_prescriptions": True}),
        # who a program is for is no "outpatient only"
        ("<p>Brushy Mountain is an intensive outpatient program only for teenagers, ages 13 to"
         " 17.</p>", {"levels_of_care.iop": True}),
        # Medicaid's managed-care plans by their brand names alone
        ("<h2>Plans we're in network with</h2><p>Sunshine Health \u00b7 Simply Healthcare \u00b7"
         " Florida Blue \u00b7 TRICARE East</p>",
         {"payment.medicaid": True, "payment.private_insurance": True,
          "payment.military_insurance": True}),
        ("<p>We bill Meridian, CountyCare and Aetna Better Health of Illinois.</p>",
         {"payment.medicaid": True}),
        ("<p>We do not accept Molina Healthcare.</p>", {}),
        # a colour legend, then statuses by colour
        ("<h2>Group openings</h2><p>Green = openings now   Yellow = short wait   Red = full, join"
         " the waitlist</p><p>Group A (daytime IOP): GREEN</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True}),
        ("<p>Call, text or fill in the intake form. Have your photo ID and insurance card"
         " ready.</p>", {"intake.what_to_bring": ["photo ID", "insurance card"]}),
    ],
)  # fmt: skip
def test_what_the_forty_fifth_sets_pages_showed(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Office hours: Monday & Wednesday: 8:00 am \u2013 7:00 pm", ["Mo,We 08:00-19:00"]),
        ("Office hours: Tuesday & Thursday: 9\u20135", ["Tu,Th 09:00-17:00"]),
        ("Hours: Mon, Wed, Fri 9 am - 5 pm; Tue 10-6",
         ["Mo,We,Fr 09:00-17:00", "Tu 10:00-18:00"]),
        ("Office hours: Mon-Fri 9-5", ["Mo-Fr 09:00-17:00"]),
    ],
)  # fmt: skip
def test_office_hours_of_days_named_one_by_one(text: str, hours: list[str]) -> None:
    assert opening_hours(clock_words(text)) == hours


def test_a_colour_legend_says_what_each_status_colour_means() -> None:
    """The statement quotes the page ("Group A (daytime IOP): GREEN"); the legend says it."""
    html = (
        "<html><body><main><h2>Group openings</h2><p>Green = openings now   Red = full, join the"
        " waitlist</p><p>Group A (daytime IOP): GREEN</p><p>Group B (evening IOP): RED</p>"
        "</main></body></html>"
    )
    stated = merge_readings([read_html(html, crawl_date=CRAWLED)]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.statement"] == "Group A (daytime IOP): GREEN"


@pytest.mark.parametrize(
    ("text", "accepting", "days"),
    [
        ("Now enrolling for morning and evening cohorts", True, None),
        ("Right now, about 10 days from your assessment to your first group.", None, 10),
        ("Average time from referral to first IOP group: 5 business days.", None, 5),
    ],
)  # fmt: skip
def test_openings_as_the_forty_fifth_sets_pages_gave_them(
    text: str, accepting: bool | None, days: int | None
) -> None:
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated.get("availability.accepting_new_patients") == accepting
    assert stated.get("availability.days_to_intake") == days


def test_an_ended_programs_notice_under_a_section_title_below_a_logo_heading() -> None:
    """A site builder's logo is the page's ``h1`` (a link home); the page's own title is its
    first ``h2``, and the notice under it says the program has ended."""
    root = lxml.html.fromstring(
        '<html><body><h1><a href="/">Leeward Ohana Recovery</a></h1><h2>Saturday Young Adult'
        " IOP</h2><p>This program has ended. Our last Saturday group met on August 29.</p>"
        "</body></html>"
    )
    assert page_kind(root, "https://leeward.example/saturday-young-adult-iop") is PageKind.ENDED


@pytest.mark.parametrize(
    ("block", "read"),
    [
        ("<p>We're not a Suboxone clinic, but you're welcome in IOP if you get Suboxone or"
         " Sublocade from your own doctor.</p>",
         {"medications.mat_buprenorphine": False, "levels_of_care.iop": True,
          "medications.mat_accepts_outside_prescriptions": True}),
        ("<p>We don't prescribe medication. Our clients who take buprenorphine see their own"
         " prescriber.</p>",
         {"medications.mat_buprenorphine": False,
          "medications.mat_accepts_outside_prescriptions": True}),
    ],
)  # fmt: skip
def test_outside_prescribers_as_the_forty_fourth_sets_pages_named_them(
    block: str, read: dict
) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_dated_list_of_tracks_seats_and_waits() -> None:
    """One track's seats, another's wait: a patient can start, and the wait is not theirs."""
    html = (
        "<html><body><main><h3>IOP openings this week</h3><p>Updated December 2, 2026</p><ul>"
        "<li>Owosso morning \u2014 3 seats</li><li>Owosso evening \u2014 waitlist, about 2 weeks"
        "</li></ul></main></body></html>"
    )
    stated = merge_readings([read_html(html, crawl_date=CRAWLED)]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.open_slots"] == 3
    assert "availability.days_to_intake" not in stated


# What a fresh review of this stop's first rules found read wrongly (about 360 probes), mended.
@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a denial's list after semicolons only of bare items, three or more
        ("<p>We do not provide detox; Medicaid, Medicare, and TRICARE accepted.</p>",
         {"detox.detox_onsite": False, "payment.medicaid": True, "payment.medicare": True,
          "payment.military_insurance": True}),
        ("<p>We don't offer residential; Evening and weekend IOP groups available.</p>",
         {"levels_of_care.residential": False, "levels_of_care.iop": True,
          "schedule.evening": True, "schedule.weekend": True}),
        ("<p>Our program does not provide housing; Medicaid accepted.</p>",
         {"payment.medicaid": True}),
        ("<p>We do not provide medical detox; Outpatient detox with Suboxone.</p>",
         {"detox.detox_onsite": False, "detox.detox_outpatient": True,
          "medications.mat_buprenorphine": True}),
        # a refusal of "it" only here and now, not at some times or for some
        ("<p>If you need IOP at night, we can't offer it right now.</p>", {}),
        ("<p>If you need Suboxone, we can't provide it on weekends.</p>", {}),
        # the program's own medications beside a partner's or a later doctor's
        ("<p>We prescribe Vivitrol and Suboxone in-house; our partner pharmacy delivers.</p>",
         {"medications.mat_buprenorphine": True, "medications.mat_naltrexone": True}),
        ("<p>Our psychiatrist prescribes buprenorphine; after discharge, your local doctor can"
         " continue it.</p>", {"medications.mat_buprenorphine": True}),
        # Medicaid plans' brands: not dropped, other products or no insurance taken
        ("<p>CountyCare members: we are no longer in network with CountyCare as of July 1.</p>",
         {}),
        # (a marketplace plan is a private plan, not Medicaid)
        ("<p>We accept CareSource Marketplace plans.</p>", {"payment.private_insurance": True}),
        ("<p>We accept Molina Healthcare Medicare plans.</p>", {"payment.medicare": True}),
        ("<p>We work with Amerigroup to help members find care; our IOP is private pay only.</p>",
         {"levels_of_care.iop": True, "payment.self_pay": True}),
        ("<p>Priority Health Medicaid members welcome.</p>", {"payment.medicaid": True}),
        ("<h3>In Network</h3><p>We are out of network with Cigna.</p>", {}),
        ("<p>Commercial: Out of network only</p>", {}),
        ("<p>Commercial: We'll give you a superbill to submit for out-of-network"
         " reimbursement.</p>", {}),
        # free for others, not for the program's clients
        ("<p>Family members attend free.</p>", {}),
        ("<p>Alumni attend free for life.</p>", {}),
        ("<p>Support groups are free for people who can't afford to pay; IOP requires insurance"
         " or self-pay.</p>", {"levels_of_care.iop": True, "payment.self_pay": True}),
        ("<p>Every session is on Zoom during the winter weather closures; otherwise groups meet"
         " in our office.</p>", {"access.telehealth": True}),
        # a building's labelled hours beside the groups' own times
        ("<p>Clinic hours: Mon\u2013Fri 8 a.m.\u20138 p.m.; IOP groups meet Mon, Wed, Thu"
         " 5:30\u20138:30 p.m.</p>",
         {"levels_of_care.iop": True, "schedule.opening_hours": ["Mo-Fr 08:00-20:00"],
          "schedule.evening": True, "schedule.hours_per_week": 9.0}),
        # a levels table's rows that are not "given here"
        ("<table><tr><th></th><th>Residential</th><th>Outpatient</th></tr><tr><td>At Intake</td>"
         "<td>No</td><td>Yes</td></tr></table>", {}),
        ("<table><tr><th></th><th>Residential</th><th>IOP</th></tr><tr><td>Offered by most"
         " insurers</td><td>Yes</td><td>Yes</td></tr></table>", {}),
        ("<table><tr><th></th><th>Outpatient</th><th>Detox</th></tr><tr><td>At our Owosso"
         " clinic</td><td>\u2713</td><td>\u2014</td></tr><tr><td>At our Flint clinic</td>"
         "<td>\u2713</td><td>\u2713</td></tr></table>", {}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_forty_fourth_sets_rules_found(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "accepting", "days", "slots"),
    [
        ("Jan 5 \u2014 Day IOP \u2014 full; Jan 12 \u2014 DUI class \u2014 5 seats", False, None,
         None),
        ("Aftercare group starting March 3: 12 spots", None, None, None),
        ("Now enrolling for our summer art camp cohorts (ages 8-12).", None, None, None),
        ("Now enrolling: Fall 2027 Recovery Coach certification cohort \u2014 register today.",
         None, None, None),
        ("Our intake coordinator calls the patient within one business day, and most people"
         " start IOP within a week.", None, 7, None),
    ],
)  # fmt: skip
def test_openings_as_the_review_of_the_forty_fourth_sets_rules_found(
    text: str, accepting: bool | None, days: int | None, slots: int | None
) -> None:
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated.get("availability.accepting_new_patients") == accepting
    assert stated.get("availability.days_to_intake") == days
    assert stated.get("availability.open_slots") == slots


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("<h1>About</h1><p>New Dawn Center is a nonprofit sober living and intensive outpatient"
         " provider. Our IOP meets Mon-Thu 6-9 pm.</p>", PageKind.PROGRAM),
        ("<h1>Welcome</h1><p>Lakeside Recovery is a sober living house for men, and residents"
         " attend our intensive outpatient program on site.</p>", PageKind.PROGRAM),
        ('<header><h1><a href="/">Leeward</a></h1></header><main><h2>This Program Has Ended</h2>'
         "<p>Our IOP closed in 2025.</p></main>", PageKind.ENDED),
        ('<h1><a href="/">Leeward</a></h1><h2>Our IOP</h2><p>Groups meet Monday.</p>',
         PageKind.PROGRAM),
    ],
)  # fmt: skip
def test_page_kinds_as_the_review_of_the_forty_fourth_sets_rules_found(
    html: str, kind: PageKind
) -> None:
    root = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    assert page_kind(root, "https://example.example/about") is kind


def test_a_news_tickers_strip_states_nothing() -> None:
    html = (
        '<html><body><div class="ticker"><marquee>Flu shot clinic Saturday, December 12, 9 a.m.'
        "\u2013noon \u25a0 Behavioral Health is exploring a Saturday morning IOP group</marquee>"
        "</div><main><h1>Intensive Outpatient Program (IOP)</h1><p>Groups meet Monday,"
        " Wednesday and Thursday, 6:00\u20138:00 p.m.</p></main></body></html>"
    )
    reading = read_html(html, crawl_date=CRAWLED)
    assert reading.facts == {
        "levels_of_care.iop": True,
        "schedule.evening": True,
        "schedule.hours_per_week": 6.0,
    }


def test_one_time_of_days_group_closed_and_anothers_open() -> None:
    text = (
        "We are currently not accepting new referrals for the morning group (Group 1). The"
        " evening group (Group 2) is open and taking new referrals."
    )
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.statement"] == (
        "The evening group (Group 2) is open and taking new referrals."
    )


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a term's bare denial "for now"
        ("<dl><dt>Evening groups</dt><dd>None at this time</dd></dl>",
         {"schedule.evening": False}),
        ("<p>Weekend groups: none currently</p>", {"schedule.weekend": False}),
        # a schedule's label is a group's schedule; "noon" closes a morning
        ("<dl><dt>Schedule</dt><dd>Monday through Thursday, 9:00 a.m. to noon</dd></dl>",
         {"schedule.daytime": True, "schedule.hours_per_week": 12.0}),
        ("<p>Schedule an appointment Monday through Friday, 8 a.m. to 5 p.m.</p>", {}),
        # a tribe's language, a family circle, a family group in a list of groups
        ("<p>Languages: English; one of our counselors also speaks Kiowa</p>",
         {"languages.other": ["Kiowa"]}),
        ("<p>A family circle meets the last Thursday of each month.</p>",
         {"therapies.family_therapy": True}),
        ("<p>Saturday: 9:00 a.m.\u2013noon; Process group and family group</p>",
         {"therapies.group_process": True, "therapies.family_therapy": True,
          "therapies.group_therapy": True, "schedule.daytime": True}),
        # a length the program "runs for"
        ("<p>Juniper Signal runs for 8 to 10 weeks.</p>", {"schedule.program_weeks": 10.0}),
        # a cross after a plan in a list of ticks and crosses
        ("<h3>Insurance</h3><ul><li>Regence, Moda \u2713</li><li>Medicare \u2717</li></ul>",
         {"payment.private_insurance": True, "payment.medicare": False}),
        # methadone sent to "the" OTP is no methadone of the program's
        ("<p>For methadone, we refer to the opioid treatment program in Lake Havasu City.</p>",
         {}),
        # where a virtual program's patients must be during sessions
        ("<p>We serve adults who are physically located in Oregon or Washington during"
         " sessions. Nevada is coming in spring 2027.</p>",
         {"access.licensed_states": ["OR", "WA"]}),
        # a track's card: its heading and its days and times are one schedule
        ("<h2>Cohorts</h2><div><h3>Morning cohort</h3><p>Monday\u2013Thursday<br>9:00 a.m."
         "\u2013noon</p></div><div><h3>Evening cohort</h3><p>Monday, Tuesday, Thursday<br>"
         "6:00\u20139:00 p.m.</p></div>",
         {"schedule.daytime": True, "schedule.evening": True, "schedule.hours_per_week": 12.0}),
        # a chat widget's greeting and a cookie banner are no word of the program's
        ('<div class="chat-launcher__bubble">Hi! Looking for evening help? We have openings!'
         '</div><div class="cmplz-cookiebanner"><p>We use cookies. Keep browsing, and we\'ll'
         " hold your seat in the next cohort!</p></div><p>Our IOP meets mornings.</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True}),
        # another service's hours are not the office's
        ("<p>Public health clinic: Saturdays 8:00 a.m.\u2013noon for immunizations.</p>", {}),
    ],
)  # fmt: skip
def test_what_the_forty_eighth_sets_pages_showed(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_terms_yes_and_the_sentence_after_it_is_the_statement() -> None:
    html = (
        "<html><body><main><dl><dt>Accepting new participants</dt><dd>Yes. Red Earth Path is"
        " accepting new participants.</dd><dt>Wait for intake</dt><dd>Within 5 working days"
        " of your screening call</dd></dl></main></body></html>"
    )
    stated = merge_readings([read_html(html, crawl_date=CRAWLED)]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.days_to_intake"] == 5
    assert stated["availability.statement"].startswith(
        "Red Earth Path is accepting new participants."
    )


def test_a_page_of_a_place_still_to_open_states_nothing() -> None:
    html = (
        "<html><body><main><h1>Belen office \u2014 coming spring 2027</h1><p>We are planning a"
        " second office at 401 Becker Ave, Belen, NM 87002. We expect to offer an evening IOP"
        " track there.</p></main></body></html>"
    )
    reading = read_html(html, crawl_date=CRAWLED, url="https://x.example/locations/belen/")
    assert reading.kind == PageKind.PLANNED
    assert reading.facts == {}


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # a day's bare hours open when the other days' do
        ("Clinic hours: Monday\u2013Thursday 7 to 6, Friday 7 to 11",
         ["Mo-Th 07:00-18:00", "Fr 07:00-11:00"]),
        ("Office hours: Monday\u2013Thursday 9 to 5, Friday 9 to 12",
         ["Mo-Th 09:00-17:00", "Fr 09:00-12:00"]),
        ("Office hours: Friday 7 to 11", []),
    ],
)  # fmt: skip
def test_a_days_bare_hours_open_when_the_other_days_do(text: str, hours: list[str]) -> None:
    assert opening_hours(clock_words(text)) == hours


def test_a_table_of_marks_by_office_says_each_offices_own() -> None:
    html = (
        "<table><tr><th>Payer</th><th>Sunnyside</th><th>Toppenish</th></tr>"
        "<tr><td>Apple Health (Medicaid): Molina, CHPW</td><td>\u2713</td><td>\u2014*</td></tr>"
        "<tr><td>Medicare</td><td>\u2713</td><td>\u2713</td></tr></table>"
    )
    root = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    assert [text for text, _ in headed_segments(root.find("body"))] == [
        "At Sunnyside, Apple Health (Medicaid): Yes",
        "At Toppenish, Apple Health (Medicaid): No",
        "At Sunnyside, Medicare: Yes",
        "At Toppenish, Medicare: Yes",
    ]


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a label's "none" answers its wait or its cost, not the thing it names
        ("<p>Wait time for evening groups: none at this time</p>", {"schedule.evening": True}),
        ("<p>Out-of-pocket cost with Medicare: none at this time</p>",
         {"payment.medicare": True}),
        # the sentence after a "Yes." that narrows it is no statement of its own
        ("<dl><dt>Accepting new participants</dt><dd>Yes. The morning cohort is full; the"
         " evening cohort has openings.</dd></dl>",
         {"schedule.daytime": True, "schedule.evening": True}),
        # a "Schedule:" label over an office's day is no group's
        ("<h2>Contact</h2><p>Schedule: Mon-Fri 8-5</p>", {}),
        ("<p>Schedule: By appointment, Monday\u2013Friday 9\u20135</p>", {}),
        # others' groups' cards are not the program's tracks
        ("<h3>Support group</h3><p>Thursday 7:00\u20138:30 p.m.</p>", {}),
        ("<h3>Alumni group</h3><p>Thursday 7:00\u20138:30 p.m.</p>", {}),
        # "runs for" a length, of what is not the program
        ("<p>Registration runs for 2 weeks each quarter.</p>", {}),
        ("<p>The DUI education class runs for 12 weeks.</p>", {}),
        # where people are for appointments is no licence
        ("<p>People who are in Washington DC for appointments can join.</p>", {}),
        # referrals to the program's own OTP are not sent elsewhere
        ("<p>We provide methadone. Referrals to the opioid treatment program are accepted from"
         " any provider.</p>",
         {"medications.mat_methadone": True, "medications.otp_certified": True}),
        # a language's name in a place's
        ("<p>Counselors speak Spanish at our Kiowa office.</p>", {"languages.spanish": True}),
        ("<p>Bilingual staff speak Spanish in Osage Beach.</p>", {"languages.spanish": True}),
        # a family circle of names and places, others' family groups
        ("<p>Our office is on Family Circle Drive.</p>", {}),
        ("<p>Al-Anon and family groups are not offered here.</p>", {}),
        # a class of a page's own, not a widget's
        ('<div class="site-wrap has-gdpr-bar"><p>Our IOP meets in the evening.</p></div>',
         {"levels_of_care.iop": True, "schedule.evening": True}),
        ('<section class="driftless-region-iop"><p>Our IOP meets in the evening.</p></section>',
         {"levels_of_care.iop": True, "schedule.evening": True}),
        # a fee schedule's prices
        ("<h2>Fees</h2><p>Community members: $10\u2013$40 per session, based on household"
         " income</p>", {"payment.self_pay": True, "payment.sliding_fee": True}),
        ("<h2>Fees</h2><p>Copay: $15 per session</p>", {}),
        # meeting in the evenings only is no daytime group
        ("<p>IOP groups meet in the evening only, so students and working adults can"
         " attend.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.daytime": False}),
        # a company line in a footer
        ("<footer><p>Juniper Signal Health, LLC<br>180 NE 3rd St, Suite 210, Prineville, OR"
         " 97754</p></footer>", {"ownership": Ownership.PRIVATE_FOR_PROFIT}),
        ("<footer><p>Website by Pixel Studio LLC</p></footer>", {}),
        # waived fees and nobody turned away for money
        ("<p>The $25 fee is waived for anyone who can't pay it.</p>",
         {"payment.free_care": True}),
        # a kind of group named as a group
        ("<p>Each participant attends three groups a week.</p>",
         {"therapies.group_therapy": True}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_forty_eighth_sets_rules_found(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_widget_class_on_the_page_itself_neither_crashes_nor_empties_it() -> None:
    html = (
        '<html class="no-js cookie-banner-open gdpr-consent-pending"><body><main><p>Our IOP'
        " meets in the evening.</p></main></body></html>"
    )
    assert read_html(html, crawl_date=CRAWLED).facts == {
        "levels_of_care.iop": True,
        "schedule.evening": True,
    }


@pytest.mark.parametrize(
    "heading",
    [
        "Now open \u2014 coming soon to Salem too",
        "Intensive Outpatient Program (Spanish-language groups coming soon)",
        "Intensive Outpatient Program \u2014 Saturday groups coming summer 2027",
        "Welcome! Our new website is coming soon",
        "Coming Home: Veterans IOP",
    ],
)
def test_a_heading_mentioning_something_to_come_is_still_a_programs_page(heading: str) -> None:
    root = lxml.html.fromstring(f"<html><body><h1>{heading}</h1></body></html>")
    assert page_kind(root, "https://x.example/iop") == PageKind.PROGRAM


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # later hours on days already open are no morning's
        ("Office hours: Monday\u2013Friday 6 a.m. to 2 p.m.; Tuesday and Thursday 6 to 9",
         ["Mo-Fr 06:00-14:00"]),
        ("Flu shot clinic: Saturday 9 a.m.\u2013noon", []),
        ("WIC clinic: Tuesdays 1\u20134 p.m.", []),
        # the words just after a day's times say whose they are
        ("Office hours: Monday-Friday 8-5, Saturday 9-12 flu shot clinic", ["Mo-Fr 08:00-17:00"]),
        ("Office hours: Monday to Friday, 8 a.m. to 4:30 p.m. Walk-ins welcome.",
         ["Mo-Fr 08:00-16:30"]),
    ],
)  # fmt: skip
def test_hours_the_review_of_the_forty_eighth_sets_rules_found(text: str, hours: list) -> None:
    assert opening_hours(clock_words(text)) == hours


def test_a_table_of_ticks_under_things_that_are_not_places_is_no_table_by_place() -> None:
    html = (
        "<table><tr><th>Feature</th><th>Our IOP</th><th>Inpatient</th></tr>"
        "<tr><td>Medicaid</td><td>\u2713</td><td>\u2014</td></tr></table>"
    )
    root = lxml.html.fromstring(f"<html><body>{html}</body></html>")
    assert not any(text.startswith("At ") for text, _ in headed_segments(root.find("body")))


def test_a_yes_narrowed_by_the_sentence_after_it_stays_the_statement() -> None:
    html = (
        "<html><body><main><dl><dt>Accepting new participants</dt><dd>Yes. The morning cohort is"
        " full; the evening cohort has openings.</dd></dl></main></body></html>"
    )
    stated = merge_readings([read_html(html, crawl_date=CRAWLED)]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.statement"].startswith("Accepting new participants: Yes.")


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a timeline of the program's history states what it was, not what it is
        ("<h2>Our story</h2><ol><li><strong>2019:</strong> We add an evening IOP track, Tuesday"
         " and Thursday from 6:00 to 9:00 pm.</li><li><strong>2023:</strong> The evening IOP"
         " closes.</li></ol><p>We do not run evening groups at this time.</p>",
         {"schedule.evening": False}),
        # an office-hours heading over its days, a later line about groups
        ('<h2>Office Hours</h2><p>Monday &ndash; Thursday: 8:00 am &ndash; 5:00 pm<br>Friday:'
         " 8:00 am &ndash; 12:00 pm<br>Saturday: groups only, office closed</p>",
         {"schedule.opening_hours": ["Mo-Th 08:00-17:00", "Fr 08:00-12:00"]}),
        # a season's pause is no denial of the program
        ("<p>The IOP runs for one semester. In summer there is no IOP; clients continue in"
         " weekly outpatient counseling.</p>",
         {"levels_of_care.iop": True, "levels_of_care.outpatient": True}),
        # a lead that refuses its list refuses each item
        ("<p>We do not accept the following insurance plans.</p><ul><li>Medicaid</li></ul>",
         {"payment.medicaid": False}),
        # a sentence that denies something of its own leads no list
        ("<p>Groups end by 6:00 p.m.; there are no evening groups.</p><ul><li>A DBT skills group"
         " on Mondays</li><li>Weekly individual counseling</li></ul>",
         {"schedule.evening": False, "therapies.dbt": True, "therapies.group_skills": True,
          "therapies.group_therapy": True, "therapies.individual_therapy": True}),
        # a season's pause denies nothing; what a season's clause offers it still says
        ("<p>For the fall semester, we accept Medicaid.</p>", {"payment.medicaid": True}),
    ],
)  # fmt: skip
def test_what_the_fiftieth_sets_pages_showed(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_full_cohort_and_referrals_taken_now_for_the_next_one_is_accepting() -> None:
    text = (
        "The current cohort is full. The next cohort begins January 11, 2027, and referrals for"
        " it are being taken now."
    )
    stated = merge_readings([read_text(text, crawl_date=CRAWLED)]).availability
    assert stated["availability.accepting_new_patients"] is True
    assert stated["availability.statement"].startswith("The next cohort begins")


def test_a_moves_date_does_not_date_the_openings_under_their_own_heading() -> None:
    html = (
        "<html><body><div><p>We have moved!</p><p>As of October 1, 2026 you'll find us at 1302"
        " Sheridan Ave, Suite 200, Cody, WY 82414.</p></div><main><h3>Openings \u2014 updated"
        " November 24, 2026</h3><p>We have 3 open seats in the afternoon IOP.</p></main>"
        "</body></html>"
    )
    (stated,) = read_html(html, crawl_date=CRAWLED).availability
    assert stated.as_of != date(2026, 10, 1)


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # this year's news in a dated list is not a history
        ("<h2>Latest updates</h2><ul><li>2026: Now in-network with Aetna and Cigna.</li>"
         "<li>2026: Vivitrol now available.</li></ul>",
         {"payment.private_insurance": True, "medications.mat_naltrexone": True}),
        # what a season's clause offers is still said; its denial is a pause
        ("<p>During the holiday season, our IOP continues to offer telehealth sessions.</p>",
         {"levels_of_care.iop": True, "access.telehealth": True}),
        ("<p>During the summer, we do not offer the evening IOP.</p>", {}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_fiftieth_sets_rules_found(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    "text",
    ["Referrals are currently accepted Monday through Friday.", "Self-referrals are now accepted."],
)
def test_when_referrals_are_taken_is_no_opening(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a denial ends where a clause of its own begins, with its people's word
        ("<p>We do not provide detox, and IOP counselors do not prescribe medication for"
         " addiction.</p>",
         {"levels_of_care.iop": True, "detox.detox_onsite": False,
          "medications.mat_buprenorphine": False, "medications.mat_methadone": False,
          "medications.mat_naltrexone": False}),
        # what another program is not denies nothing of the IOP
        ("<table><tr><th>Program</th><th>Ages</th></tr><tr><td>Adult IOP track</td><td>18 and"
         " older</td></tr><tr><td>Adolescent Outpatient Program (weekly counseling; not an"
         " IOP)</td><td>13\u201317</td></tr></table>",
         {"levels_of_care.iop": True}),
        # what is still to come is no promise
        ("<p>Coming in 2027: a Saturday group and a Spanish-language track.</p>", {}),
        ("<p>Starting February 1, 2027, we are adding a morning track (Monday\u2013Thursday,"
         " 9:30 am \u2013 12:30 pm) and a Saturday family group.</p>", {}),
        ("<p>Right now all IOP groups meet in the evening, and there are no weekend groups at"
         " this time.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.daytime": False,
          "schedule.weekend": False}),
        ("<p>We do not have evening or weekend groups, and we do not offer online groups.</p>",
         {"schedule.evening": False, "schedule.weekend": False, "access.telehealth": False,
          "access.virtual_only": False}),
        ("<p>We do not offer online family groups.</p>", {}),
        ("<p>All IOP groups are held online through our app.</p>",
         {"levels_of_care.iop": True, "access.virtual_only": True}),
        ("<p>We are a locally owned LLC.</p>", {"ownership": Ownership.PRIVATE_FOR_PROFIT}),
        ("<p>A member of the Texas state university system.</p>",
         {"ownership": Ownership.PUBLIC_STATE}),
        # a clinician's training is no offer of the program's
        ("<p>Our clinical director, Dana Whitlock, LPC, is trained in EMDR.</p>", {}),
        ("<p>Without Medicaid, fees slide by income, from $0 to $20 a week.</p>",
         {"payment.self_pay": True, "payment.sliding_fee": True}),
        ("<p>Other clients pay $10 to $40 per session, based on household income.</p>",
         {"payment.self_pay": True, "payment.sliding_fee": True}),
        # who pays nothing for who they are is no free care for anyone who cannot pay
        ("<p>Patients eligible for IHS services pay nothing. Other uninsured patients pay on a"
         " sliding fee scale.</p>",
         {"payment.sliding_fee": True}),
        ("<p>Our counselors are trained in motivational interviewing.</p>",
         {"therapies.other": ["motivational interviewing"]}),
        ("<p>We are not a detox facility, and we don't offer residential care; if you need"
         " either, we'll help you find a bed.</p>",
         {"detox.detox_onsite": False, "levels_of_care.residential": False,
          "detox.detox_referral": True}),
        # tracks of different weeks: the longest ("Young-adult track" is a track too)
        ("<table><tr><th>Track</th><th>Days</th><th>Time</th></tr><tr><td>Adult track</td>"
         "<td>Monday, Wednesday, Friday</td><td>1:00\u20134:00 p.m.</td></tr><tr><td>Young-adult"
         " track</td><td>Tuesday, Thursday</td><td>5:00\u20138:00 p.m.</td></tr></table>",
         {"schedule.daytime": True, "schedule.evening": True, "schedule.hours_per_week": 9}),
        # the days in one sentence, each track's times in the next
        ("<p>IOP groups meet Monday, Wednesday and Thursday. Choose the morning track (9:00"
         " a.m.\u2013noon) or the evening track (5:30\u20138:30 p.m.).</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True,
          "schedule.hours_per_week": 9}),
        # a levels table: the IOP's column, not the PHP's 30 hours
        ("<table><tr><th></th><th>Partial Hospitalization (PHP)</th><th>Intensive Outpatient"
         " (IOP)</th></tr><tr><th>Hours per week</th><td>30</td><td>9</td></tr><tr><th>Typical"
         " length</th><td>2\u20133 weeks</td><td>8\u201310 weeks</td></tr></table>",
         {"levels_of_care.iop": True, "schedule.hours_per_week": 9,
          "schedule.program_weeks": 10}),
    ],
)  # fmt: skip
def test_what_the_fifty_second_sets_pages_showed(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "accepting", "days"),
    [
        ("The morning track is full; the evening track is accepting new patients, with"
         " assessments usually within 5 business days.", True, 5),
        ("The morning track is full, but the evening track is accepting new clients.", True,
         None),
        ("The morning track is full; the evening track is full too.", False, None),
        ("The evening group is full; we are accepting new clients for the waitlist.", False,
         None),
    ],
)  # fmt: skip
def test_one_track_full_and_another_open_in_one_sentence(
    text: str, accepting: bool, days: int | None
) -> None:
    (stated,) = read_text(text, crawl_date=CRAWLED).availability
    assert (stated.accepting_new_patients, stated.days_to_intake) == (accepting, days)


def test_a_dated_updates_lead_dates_the_statement_and_is_not_its_words() -> None:
    text = "December 3, 2025 update: We are full and keeping a short waitlist."
    (stated,) = read_text(text, crawl_date=CRAWLED).availability
    assert stated.as_of == date(2025, 12, 3)
    assert stated.statement == "We are full and keeping a short waitlist."


@pytest.mark.parametrize(
    ("text", "slots"),
    [("We currently have 3 openings in the January class.", 3),
     ("We have 3 openings in our parenting class.", None),
     ("There are 3 openings in the DUI class.", None)],
)  # fmt: skip
def test_a_cohort_called_a_class_of_its_month_has_openings(text: str, slots: int | None) -> None:
    stated = read_text(text, crawl_date=CRAWLED).availability
    assert (stated[0].open_slots if stated else None) == slots


@pytest.mark.parametrize(
    "dated",
    ["<h2>Openings</h2><p>Updated December 1, 2025</p>",
     "<h2>IOP openings \u2014 updated December 1, 2025</h2>"],
)  # fmt: skip
def test_statuses_listed_under_a_date_are_each_their_own_statement(dated: str) -> None:
    html = (
        f"<html><body><main>{dated}<ul><li>Broken Bow evening IOP: accepting new clients; the"
        " next group starts December 7.</li><li>Holdrege day IOP: full, with a waitlist of about"
        " 10 days.</li></ul></main></body></html>"
    )
    statements = read_html(html, crawl_date=CRAWLED).availability
    assert [(s.statement, s.accepting_new_patients) for s in statements] == [
        ("Broken Bow evening IOP: accepting new clients; the next group starts December 7.", True),
        ("Holdrege day IOP: full, with a waitlist of about 10 days.", False),
    ]


@pytest.mark.parametrize(
    ("pages", "walk_in"),
    [
        (["<p>Intake assessments are by appointment.</p>"], False),
        (["<p>New clients are seen by appointment.</p>"], False),
        # a walk-in time anywhere on the site is a walk-in day
        (["<p>Assessments are by appointment.</p>",
          "<p>Walk-in Wednesdays: 1:00\u20134:00 p.m., no appointment needed.</p>"], True),
        (["<p>Office hours: by appointment.</p>"], None),
        (["<p>Assessments are by appointment or walk in on Wednesdays.</p>"], True),
    ],
)  # fmt: skip
def test_by_appointment_denies_walk_ins_only_where_no_walk_in_time_is_named(
    pages: list[str], walk_in: bool | None
) -> None:
    readings = [
        read_html(f"<html><body><main>{page}</main></body></html>", crawl_date=CRAWLED)
        for page in pages
    ]
    assert merge_readings(readings).facts.get("intake.walk_in") is walk_in


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a schedule card of labelled days and times is one schedule, not statuses
        ("<ul><li>Group days: Monday, Tuesday and Thursday.</li><li>Hours: 5:30-8:30 p.m.</li>"
         "</ul>",
         {"schedule.evening": True, "schedule.hours_per_week": 9}),
        # the days of other groups, or of a paragraph before, are not these times'
        ("<p>IOP groups meet Monday, Wednesday and Thursday.</p><p>Our PHP groups meet 9:00"
         " a.m.-3:00 p.m.</p>",
         {"levels_of_care.iop": True, "levels_of_care.partial_hospitalization": True,
          "schedule.daytime": True}),
        ("<p>Adolescent groups meet Monday and Wednesday. Adult IOP groups meet 6:00-9:00"
         " p.m.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        # a bare time of day heads any hours, not a track's
        ("<h2>Pharmacy</h2><div><h3>Morning</h3><p>Monday through Friday \u00b7 8:00 a.m.\u2013"
         "noon</p></div>", {}),
        # the name after "and" is denied or said in its own clause
        ("<p>We do not accept Medicare, and Medicaid patients cannot be seen here either.</p>",
         {"payment.medicaid": False, "payment.medicare": False}),
        ("<p>We do not offer residential treatment, and detox staff are not on site.</p>",
         {"levels_of_care.residential": False, "detox.detox_onsite": False}),
        # the site's own aside denies
        ("<p>Our program (not an IOP) offers weekly counseling.</p>",
         {"levels_of_care.iop": False}),
        ("<p>Counseling Services (we are not an IOP)</p>", {"levels_of_care.iop": False}),
        # what runs now beside what is planned
        ("<p>We're adding an evening track; morning groups meet Monday\u2013Thursday 9:00"
         " a.m.\u2013noon.</p>",
         {"schedule.daytime": True, "schedule.hours_per_week": 12}),
        ("<p>Good news! We are adding Medicaid to our accepted insurance, starting today.</p>",
         {"payment.medicaid": True}),
        ("<p>We are opening our doors to new clients every Monday: the IOP meets Monday,"
         " Wednesday, Thursday 6:00\u20139:00 p.m.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.hours_per_week": 9}),
        ("<p>All of our groups meet in the evening except the Saturday group.</p>",
         {"schedule.evening": True, "schedule.weekend": True}),
        # online at some times, for some people, or beside an office: not a virtual program
        ("<p>All IOP groups are held online during winter storms.</p>",
         {"levels_of_care.iop": True}),
        ("<p>All IOP groups are held online on Fridays.</p>", {"levels_of_care.iop": True}),
        ("<p>All program sessions are delivered virtually for clients outside Boise; local"
         " clients attend in person.</p>", {}),
        ("<p>Our evening track: all IOP groups are held online.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        ("<p>We are proud partners with a member of the Texas State University System.</p>", {}),
        ("<p>Our medical director is a member of the Texas State University System faculty.</p>",
         {}),
        ("<p>Sarah is trained in EMDR, which she uses with IOP clients.</p>",
         {"levels_of_care.iop": True, "therapies.other": ["EMDR"]}),
        ("<p>IOP includes EMDR and motivational interviewing; all staff receive training in"
         " trauma-informed care.</p>",
         {"levels_of_care.iop": True, "therapies.other": ["EMDR", "motivational interviewing"]}),
        # what insured members pay is no self-pay price
        ("<p>With insurance, most clients pay $10 to $40 per session.</p>", {}),
        ("<p>Medicaid clients pay $0 to $4 per visit.</p>", {"payment.medicaid": True}),
        ("<p>Most insurance plans cover IOP; members pay from $15 to $30 per day.</p>",
         {"levels_of_care.iop": True}),
        ("<p>Costs after insurance usually run $25 to $50 per week.</p>", {}),
        # free care beside who pays nothing for who they are
        ("<p>No one is turned away for inability to pay; students pay nothing.</p>",
         {"payment.free_care": True}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_fifty_second_sets_rules_found(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    "text",
    ["The morning track is full and not accepting new patients; our evening track is accepting"
     " new patients only for the waitlist.",
     "The morning group is full; the evening group is taking new clients next month.",
     "The Saturday group is full; the weekend track is accepting new patients at our Ogden office"
     " only."],
)  # fmt: skip
def test_a_track_open_later_or_elsewhere_is_no_opening_now(text: str) -> None:
    (stated,) = read_text(text, crawl_date=CRAWLED).availability
    assert stated.accepting_new_patients is False


@pytest.mark.parametrize(
    "text",
    ["There are 4 openings in the next class of our DUI program.",
     "There are 10 openings in the next class of our CNA program.",
     "Our fall class of interns has 3 openings.",
     "The summer class of the Recovery Coach Academy has 15 openings."],
)  # fmt: skip
def test_another_courses_class_has_no_openings_of_the_programs(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


@pytest.mark.parametrize(
    "pages",
    [["<p>Medication evaluations are by appointment.</p>"],
     ["<p>Follow-up visits are by appointment.</p>"],
     ["<p>Intake assessments are by appointment, or drop in Tuesdays 9\u201311 a.m.</p>"]],
)  # fmt: skip
def test_other_visits_by_appointment_deny_no_walk_ins(pages: list[str]) -> None:
    readings = [
        read_html(f"<html><body><main>{page}</main></body></html>", crawl_date=CRAWLED)
        for page in pages
    ]
    assert "intake.walk_in" not in merge_readings(readings).facts


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a weekly fee is what a client pays; one that slides by income, a sliding fee (as most
        # sets' labels read it)
        ("<p>For others, the weekly fee slides by household income.</p>",
         {"payment.sliding_fee": True}),
        ("<p>The group is a flat weekly fee.</p>", {"payment.self_pay": True}),
        ("<p>Insured members pay a weekly fee set by their plan.</p>", {}),
        # the program's tribal government, by the contract it runs under ("Title I" is no "I")
        ("<p>Plum Creek Tribal Health Authority operates health programs under a Title I"
         " self-determination contract with the Indian Health Service.</p>",
         {"ownership": Ownership.PUBLIC_TRIBAL}),
        ("<p>I was welcomed from my first day.</p>", {}),
        # three groups of three hours a week: nine hours
        ("<p>Each client attends three 3-hour groups a week and meets one-on-one with a counselor"
         " each week.</p>", {"schedule.hours_per_week": 9.0}),
        # the program's length, what comes with its sessions aside
        ("<p>The IOP meets Tuesday, Wednesday and Thursday from 10:00 a.m. to 1:00 p.m. for 12"
         " weeks, with lunch served after group.</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.hours_per_week": 9.0,
          "schedule.program_weeks": 12.0}),
        # clients on a medication from another prescriber are welcome: no one else's service
        ("<p>Clients taking buprenorphine, naltrexone or methadone prescribed by another provider"
         " are welcome at both IOPs.</p>",
         {"medications.mat_accepts_outside_prescriptions": True}),
        ("<p>Equine therapy is offered by a ranch in Waimea on Saturdays.</p>", {}),
        # a family evening is family programming
        ("<p>Spouses welcome at the monthly family evening.</p>",
         {"therapies.family_therapy": True}),
        # the things to bring, without why they are brought
        ("<p>On Monday, please bring a list of current medications, your insurance card if you have"
         " one, and a photo ID, so we can set up your file and check your benefits the same"
         " day.</p>",
         {"intake.what_to_bring": ["list of current medications", "insurance card", "photo ID"]}),
    ],
)  # fmt: skip
def test_what_the_fifty_fourth_set_taught(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "accepting", "days", "slots"),
    [
        ("Our next 10-week class begins January 11, 2027.", True, None, None),
        ("Women's IOP: next group starts January 5, 2027.", True, None, None),
        ("Craig IOP: accepting referrals; intake usually within 5 business days.", True, 5, None),
        ("Open slots this month: 4", True, None, 4),
        ("Accepting new patients; typical time from referral to first group is 3\u20135 business"
         " days.", True, 5, None),
    ],
)  # fmt: skip
def test_the_fifty_fourth_sets_openings(text: str, accepting, days, slots) -> None:
    (stated,) = read_text(text, crawl_date=CRAWLED).availability
    assert (stated.accepting_new_patients, stated.days_to_intake, stated.open_slots) == (
        accepting,
        days,
        slots,
    )


@pytest.mark.parametrize(
    "text",
    ["Our next DUI class begins January 5, 2027.",
     "No open slots this month: 0 new clients until March.",
     "Our accepting referrals policy: call first."],
)  # fmt: skip
def test_another_courses_start_or_no_slots_is_no_opening(text: str) -> None:
    assert all(
        stated.accepting_new_patients is not True
        for stated in read_text(text, crawl_date=CRAWLED).availability
    )


INSURANCE_BY_SERVICE = """
<h1>Insurance</h1>
<p>Our contracts are different for mental health counseling and for substance use treatment.</p>
<h2>Mental health counseling</h2>
<ul><li>Anthem Blue Cross and Blue Shield</li><li>Humana</li><li>Medicare</li></ul>
<h2>Substance use treatment, including IOP</h2>
<ul><li>UnitedHealthcare</li><li>Healthy Indiana Plan</li><li>TRICARE</li></ul>
<p>We are not able to bill Medicare for substance use treatment.</p>
"""


def test_an_insurance_pages_lists_by_service_are_each_services_plans() -> None:
    reading = read_html(f"<html><body><main>{INSURANCE_BY_SERVICE}</main></body></html>",
                        crawl_date=CRAWLED)  # fmt: skip
    assert {
        path: value for path, value in reading.facts.items() if path.startswith("payment.")
    } == {
        "payment.private_insurance": True,
        "payment.medicaid": True,
        "payment.military_insurance": True,
        "payment.medicare": False,
    }


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # plans under a service's heading, under "Insurance"
        ("<h2>Insurance</h2><h3>Substance use treatment</h3><ul><li>Aetna</li><li>TRICARE</li>"
         "</ul>", {"payment.private_insurance": True, "payment.military_insurance": True}),
        # a heading naming a plan, itself, says nothing; nor does a hedge under it
        ("<h1>Insurance &amp; paying for treatment</h1><h3>Medicare</h3><p>Medicare may cover"
         " part of an IOP. We\u2019re checking whether we can enroll.</p>", {}),
        # a refusing heading, its apostrophe typographic, refuses under "Insurance" too
        ("<h1>Insurance &amp; Fees</h1><h3>We can\u2019t bill</h3><ul><li>TRICARE</li></ul>",
         {"payment.military_insurance": False}),
        # a new section is no longer under "Insurance": a person's heading over a list
        ("<h2>Insurance</h2><p>Call us about coverage.</p><h2>Our team</h2><h3>Jo Lee</h3>"
         "<ul><li>Aetna</li></ul>", {}),
    ],
)  # fmt: skip
def test_a_heading_is_read_under_the_payment_heading_above_it(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert {
        path: value for path, value in reading.facts.items() if path.startswith("payment.")
    } == read


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # the program by its name, denying what it runs
        ("<p>Heron Bay does not offer residential or inpatient care.</p>",
         {"levels_of_care.residential": False, "levels_of_care.inpatient": False}),
        ("<p>Medicaid does not cover residential or inpatient care.</p>", {}),
        # whom the IOP does not serve is no denial of the IOP
        ("<p>Our Teen IOP is for adolescents ages 13 to 17. We do not serve adults in the"
         " IOP.</p>", {"levels_of_care.iop": True}),
        ("<p>We no longer offer the IOP.</p>", {"levels_of_care.iop": False}),
        # "None of" denies
        ("<p>None of our groups meet on weekends.</p>", {"schedule.weekend": False}),
        # a footer's appositive, after its copyright, says what the site's organisation is
        ("<p>\u00a9 2026 Heron Bay Youth &amp; Family Services, a nonprofit agency serving northern"
         " Indiana families since 1988.</p>", {"ownership": Ownership.PRIVATE_NON_PROFIT}),
        ("<p>We partner with Hope House, a nonprofit agency in town.</p>", {}),
        # who pays on their own
        ("<p>Families paying on their own pay $120 per week.</p>", {"payment.self_pay": True}),
        # a referral to OTPs is no methadone of the program's
        ("<p>For methadone, we refer to opioid treatment programs in neighboring counties.</p>",
         {}),
        ("<p>Any fee is based on household income.</p>", {"payment.sliding_fee": True}),
        # the tribal contract by its act's name; the languages an elder speaks
        ("<p>The Authority operates its health programs under an Indian Self-Determination and"
         " Education Assistance Act contract with the Indian Health Service.</p>",
         {"ownership": Ownership.PUBLIC_TRIBAL}),
        ("<p>An elder who speaks Nakoda and Dakota joins the Wednesday circle.</p>",
         {"languages.other": ["Nakoda", "Dakota"]}),
        ("<p>Our South Dakota counselors speak Lakota.</p>", {"languages.other": ["Lakota"]}),
        # withdrawal care arranged elsewhere is a referral
        ("<p>Withdrawal management is arranged through a contracted program.</p>",
         {"detox.detox_referral": True}),
        # a walk-in without an appointment or a referral
        ("<p>No appointment or referral is needed.</p>", {"intake.walk_in": True}),
        # the length of the continuing care one steps down to is not the IOP's
        ("<p>When you complete IOP, you step down to Continuing Care: one outpatient group a week"
         " for up to six months.</p>", {}),
        # a sidebar's old news is not the program's schedule
        ("<p>Group times vary.</p><aside><h2>Related news</h2><p>Posted on: March 4, 2024</p><p>IOP"
         " moves to evenings \u2014 IOP meets Monday, Tuesday and Thursday, 5:30\u20138:30"
         " p.m.</p></aside>", {}),
        # an accordion's panel is its summary's place's
        ("<details><summary>Georgia (Blairsville)</summary><p>TRICARE accepted.</p></details>",
         {"payment.military_insurance": True}),
        # a page wrapped whole in ASP.NET's form is read; a form is not
        ("<form><input type='hidden' name='__VIEWSTATE' value='dDwtMTA4'><h1>Sweetgrass Path</h1>"
         "<p>Our evening IOP meets Monday through Thursday.</p></form>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        ("<form><header><p>Call us</p></header><h1>Sweetgrass Path</h1><p>Our evening IOP meets"
         " Monday through Thursday.</p></form>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        ("<form><h3>Request an appointment</h3><p>We accept Medicaid.</p></form>", {}),
    ],
)  # fmt: skip
def test_what_the_fifty_sixth_and_seventh_sets_taught(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_a_new_groups_start_is_an_opening() -> None:
    (stated,) = read_text("New IOP group starts Tuesday, December 15, 2026.",
                          crawl_date=CRAWLED).availability  # fmt: skip
    assert stated.accepting_new_patients is True and stated.days_to_intake is None


PLANS_BY_STATUS = """
<h2>NJ FamilyCare (Medicaid) plans</h2>
<table><thead><tr><th>Plan</th><th>Accepted</th><th>Pending</th><th>Not accepted</th></tr></thead>
<tbody><tr><td>Horizon NJ Health</td><td>&#10003;</td><td></td><td></td></tr>
<tr><td>UnitedHealthcare Community Plan</td><td></td><td>&#10003;</td><td></td></tr>
<tr><td>Fidelis Care</td><td></td><td></td><td>&#10003;</td></tr></tbody></table>
"""


def test_a_table_ticking_each_plans_status_lists_the_taken_and_the_refused() -> None:
    root = lxml.html.fromstring(f"<html><body>{PLANS_BY_STATUS}</body></html>")
    said = [text for text, _ in headed_segments(root.find("body"))]
    assert "Accepted: Horizon NJ Health." in said
    assert "Not accepted: Fidelis Care." in said
    assert not any("UnitedHealthcare" in text for text in said)  # pending: neither


PDF_AS_HTML = """
<div class="pdf2htmlEX"><div class="pf"><div class="pc pc1">
<div class="t x1 ff1 fs0">Program at a glance</div>
<div class="t x1 ff3 fs2">Bridgeway is an intensive outpatient</div>
<div class="t x1 ff3 fs2">program (IOP) for adults.</div>
<div class="t x1 ff3 fs2">&bull; Mondays through Thursdays,</div>
<div class="t x2 ff3 fs2">12:30 &ndash; 3:30 p.m.</div>
<div class="t x1 ff3 fs2">&bull; Usually 6 to 8 weeks</div>
<div class="t x1 ff3 fs2">Walk-ins are not accepted.</div>
</div></div></div>
"""


def test_a_pdf_shown_as_html_is_read_as_the_text_it_prints() -> None:
    root = lxml.html.fromstring(f"<html><body>{PDF_AS_HTML}</body></html>")
    assert headed_segments(root.find("body")) == [
        ("Program at a glance", 3),
        ("Bridgeway is an intensive outpatient program (IOP) for adults.", 0),
        # (the list's lead: the paragraph before it)
        (
            "Bridgeway is an intensive outpatient program (IOP) for adults: Mondays through"
            " Thursdays, 12:30 \u2013 3:30 p.m; Usually 6 to 8 weeks.",
            0,
        ),
        ("Walk-ins are not accepted.", 0),
    ]


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a payment heading above other headings leaves another care's and a schedule's
        # headings as they are
        ("<h1>Insurance-Covered Addiction Treatment in Phoenix</h1><h2>Residential Treatment</h2>"
         "<p>Clients take part in yoga and equine therapy seven days a week.</p><h2>Intensive"
         " Outpatient Program</h2><p>Our IOP meets three evenings a week.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        ("<h2>Insurance and payment</h2><p>We accept most plans.</p><h3>Partial Hospitalization"
         " (PHP)</h3><p>Meets weekdays from 9 a.m. to 3 p.m., with art therapy and yoga.</p>"
         "<h3>Intensive Outpatient (IOP)</h3><p>Meets three evenings a week.</p>",
         {"levels_of_care.iop": True, "levels_of_care.partial_hospitalization": True}),
        ("<h2>Paying for treatment</h2><h3>Yoga</h3><p>We hope to bring it back soon.</p>", {}),
        ("<h2>Fees</h2><p>$50 per group.</p><h3>Group schedule</h3><p>Monday, Wednesday and"
         " Thursday, 6-9 PM</p>",
         {"schedule.evening": True, "schedule.hours_per_week": 9.0}),
        # another service's heading silences its plans only
        ("<h1>Insurance</h1><h2>Mental health services</h2><p>Our counselors speak Spanish and"
         " offer EMDR.</p>", {"languages.spanish": True, "therapies.other": ["EMDR"]}),
        # a form's options are no offer
        ("<form><h1>Get started</h1><p>Which program are you interested in?</p><label><input"
         " type='radio'>Residential</label><label><input type='radio'>Partial hospitalization"
         "</label><label><input type='radio'>Intensive outpatient</label></form>", {}),
        # news in the content is the page's own word
        ("<h2>Latest news</h2><p>Our evening IOP now meets Monday through Thursday, 6-9 PM.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.hours_per_week": 12.0}),
        ("<h2>Recent news</h2><ul><li><a href='/a'>We now accept Medicaid</a></li></ul><p>Our IOP"
         " meets evenings.</p>", {"levels_of_care.iop": True, "schedule.evening": True}),
        # what follows an accordion is under the heading before it again
        ("<details><summary>Residential program</summary><p>Clients live on site.</p></details>"
         "<p>Groups meet Monday through Friday with yoga and art therapy.</p>",
         {"therapies.art_therapy": True, "therapies.yoga": True}),
        # a plan-status table: out-of-network is no refusal, nor acceptance; "(IOP)" no denial
        ("<h2>Insurance</h2><table><thead><tr><th>Plan</th><th>In-network</th><th>Out-of-network"
         "</th></tr></thead><tbody><tr><td>Medicaid</td><td>&#10003;</td><td></td></tr><tr><td>"
         "TRICARE</td><td></td><td>&#10003;</td></tr></tbody></table>", {"payment.medicaid": True}),
        ("<h2>Insurance</h2><table><thead><tr><th>Plan</th><th>Accepted</th><th>Not accepted</th>"
         "</tr></thead><tbody><tr><td>Medicaid</td><td>&#10003;</td><td></td></tr><tr><td>Aetna"
         " (IOP)</td><td></td><td>&#10003;</td></tr></tbody></table>",
         {"payment.medicaid": True, "payment.private_insurance": False}),
        # a short printed flyer: its body is the type most words are printed in
        ('<div class="pdf2htmlEX"><div class="pf"><div class="pc pc1">'
         '<div class="t x1 ff1 fs0">Not accepted</div><div class="t x1 ff3 fs2">TRICARE, Medicare'
         '</div><div class="t x1 ff1 fs0">Accepted</div><div class="t x1 ff3 fs2">Medicaid, Aetna'
         '</div></div></div></div>',
         {"payment.medicare": False, "payment.military_insurance": False,
          "payment.medicaid": True, "payment.private_insurance": True}),
        # "none" in idioms denies nothing
        ("<p>Our clinicians are second to none in EMDR and art therapy.</p>",
         {"therapies.art_therapy": True, "therapies.other": ["EMDR"]}),
        ("<p>The best IOP in Tulsa, bar none: yoga, art therapy and family sessions every"
         " week.</p>",
         {"levels_of_care.iop": True, "therapies.art_therapy": True,
          "therapies.family_therapy": True, "therapies.yoga": True}),
        ("<p>With insurance or none, we offer a sliding fee scale.</p>",
         {"payment.sliding_fee": True}),
        # a payer's, another place's or the IOP's own nature is no denial of the care
        ("<p>Medicare does not provide residential coverage for most people.</p>", {}),
        ("<p>TRICARE does not provide inpatient coverage for this level.</p>", {}),
        ("<p>Sober Living does not provide inpatient care.</p>", {}),
        ("<p>Intensive Outpatient Treatment does not offer residential housing, so clients live at"
         " home.</p>", {"levels_of_care.iop": True}),
        # a closed program: everyone is turned away
        ("<p>We no longer see patients in the IOP.</p>", {"levels_of_care.iop": False}),
        # another service's fees; an insured client's copay
        ("<p>Sober living residents pay a weekly fee of $150.</p>", {}),
        ("<p>The fee is based on income for the DUI assessment only.</p>", {}),
        ("<p>Most clients with insurance pay out of their own pocket only a small copay.</p>", {}),
        # a neighbour's contract, a web studio's credit, a call's or an event's appointment
        ("<p>Our neighbor, the Plum Creek Tribal Health Authority, operates under a"
         " self-determination compact with IHS; we refer tribal members there.</p>", {}),
        ("<p>We work with the tribe's self-determination contract partners to refer clients.</p>",
         {}),
        ("<p>\u00a9 2026 Website by Lakeside Design, a non-profit web studio.</p>", {}),
        ("<p>No appointment or referral is needed for the free screening event.</p>", {}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_fifty_fourth_to_seventh_sets_rules_found(
    block: str, read: dict
) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    "text",
    ["A new IOP program will start in 2027 at our Dayton office.",
     "Al-Anon: new group starts Tuesday.",
     "Youth program \u2014 accepting referrals for the summer waitlist.",
     "Available seats: 12"],
)  # fmt: skip
def test_what_is_still_to_open_or_anothers_is_no_opening_now(text: str) -> None:
    assert all(
        stated.accepting_new_patients is not True and not stated.open_slots
        for stated in read_text(text, crawl_date=CRAWLED).availability
    )


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # what to bring, the last item's condition its own
        ("<p>Bring a photo ID, your insurance card, and proof of income if you want to apply for"
         " our sliding fee discount.</p>",
         {"intake.what_to_bring": ["photo ID", "insurance card", "proof of income"],
          "payment.sliding_fee": True}),
        ("<p>If you are moving in, bring your ID and your medications.</p>", {}),
        ("<p>Have ready: a phone, tablet or computer with a camera; your photo ID; your insurance"
         " card.</p>",
         {"intake.what_to_bring": ["phone, tablet or computer with a camera", "photo ID",
                                   "insurance card"]}),
        # the program's own outpatient care after IOP
        ("<p>After IOP, you can keep seeing your counselor in our outpatient behavioral health"
         " clinic.</p>",
         {"levels_of_care.iop": True, "levels_of_care.outpatient": True}),
        ("<p>After IOP, you can stay on in our weekly virtual outpatient aftercare group.</p>",
         {"levels_of_care.iop": True, "levels_of_care.outpatient": True}),
        # a list's service, not a heading's topic
        ("<ul><li>Outpatient counseling</li><li>Medication for opioid and alcohol use"
         " disorder</li></ul>",
         {"levels_of_care.outpatient": True, "medications.mat_alcohol": True}),
        ("<h2>Medications for opioid and alcohol use disorders</h2><p>Call us to ask.</p>", {}),
        # an office's IOP meeting in the morning only; a track's (lower case) says nothing of it
        ("<p>The Ware IOP meets in the morning only.</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": False}),
        # a list's one item of the groups' week
        ("<ul><li>IOP groups Monday through Thursday, 1:00\u20134:00 p.m., for 12 weeks</li>"
         "<li>Family night the first Wednesday of each month, 5:30\u20137:30 p.m.</li></ul>",
         {"levels_of_care.iop": True, "schedule.program_weeks": 12.0, "schedule.daytime": True,
          "schedule.evening": True, "schedule.hours_per_week": 12.0,
          "therapies.family_therapy": True}),
        # a "no" before a colon denies its own words, not the clause after it
        ("<p>No drive, no waiting room: your groups meet by secure video.</p>",
         {"access.telehealth": True}),
        # a footer's company line before its office's label
        ("<footer><p>Sabine Bend Virtual Recovery, LLC<br>Business office: 210 North Johnson"
         " Street, Suite 4, Mineola, TX 75773</p></footer>",
         {"ownership": Ownership.PRIVATE_FOR_PROFIT}),
        # the groups' own denial after another's
        ("<p>We do not offer a daytime IOP group, and IOP groups do not meet on weekends.</p>",
         {"schedule.daytime": False, "schedule.weekend": False}),
        # a comparison is no statement of the IOP
        ("<h2>Not the same as IOP</h2><p>The Driver Intervention Program is a court program, not"
         " treatment.</p>", {}),
        # a marketplace plan is private insurance; one dropped is not all refused
        ("<p>We accept Ambetter from Magnolia Health.</p>", {"payment.private_insurance": True}),
        ("<p>As of October 1, 2026, New Leaf no longer accepts Ambetter from Peach State Health"
         " Plan.</p>", {}),
        # a track's Saturday under its heading
        ("<h2>LGBTQ+ affirming track</h2><p>Tuesday and Thursday, 5:30 \u2013 8:30 p.m., and"
         " Saturday, 10:00 a.m. \u2013 1:00 p.m.</p>",
         {"schedule.weekend": True}),
        # walk-in hours are not the office's
        ("<p>Open access walk-in hours: Monday\u2013Friday, 9 to 11 a.m.</p>",
         {"intake.walk_in": True}),
        # who pays nothing for who they are
        ("<p>Services are provided at no cost to eligible American Indian and Alaska Native"
         " patients.</p>", {}),
        ("<p>Three Rivers Tribal Health Authority operates under a compact with the Indian Health"
         " Service under the Indian Self-Determination and Education Assistance Act.</p>",
         {"ownership": Ownership.PUBLIC_TRIBAL}),
        ("<p>Outpatient alcohol withdrawal management with daily nurse visits is available.</p>",
         {"detox.detox_outpatient": True}),
        ("<p>A family gathering night is held the first Thursday of each month, 6:00\u20138:00"
         " p.m., with a family counselor.</p>",
         {"therapies.family_therapy": True}),
    ],
)  # fmt: skip
def test_what_the_fifty_fifth_and_fifty_ninth_sets_taught(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


@pytest.mark.parametrize(
    ("text", "accepting", "days", "as_of"),
    [
        ("Now scheduling assessments \u2014 most new clients start group within 5 business days.",
         True, 5, CRAWLED),
        # a month's stamp dates it by the month's first day; a next opening weeks away is a wait
        ("Updated February 2026: Next IOP opening in about 3 weeks.", None, 21, date(2026, 2, 1)),
        # a coordinator's call back is no wait
        ("Call us and an intake coordinator will reach you within one business day.", None, None,
         CRAWLED),
    ],
)  # fmt: skip
def test_openings_as_the_fifty_ninth_set_words_them(
    text: str, accepting: bool | None, days: int | None, as_of: date
) -> None:
    stated = [s for s in read_text(text, crawl_date=CRAWLED).availability]
    if accepting is None and days is None:
        assert stated == []
        return
    (statement,) = stated
    assert (statement.accepting_new_patients, statement.days_to_intake, statement.as_of) == (
        accepting,
        days,
        as_of,
    )


def test_a_cards_heading_heads_its_card_alone() -> None:
    """What follows a row of cards (a footer's offices, each headed by its town) is under the
    heading before the row, not the last card's."""
    root = lxml.html.fromstring(
        "<html><body><h2>About us</h2><div class='cols'><div><h4>Ware</h4><p>84 Main Street</p>"
        "</div><div><h4>Southbridge</h4><p>31 Hamilton Street</p></div></div><p>CARF"
        " accredited.</p></body></html>"
    )
    segments = headed_segments(root)
    last_heading = [text for text, level in segments[: segments.index(("CARF accredited.", 0))]
                    if level][-1]  # fmt: skip
    assert last_heading == "About us"


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # another program's or a track's mornings deny nothing of the IOP's evenings
        ("<p>The DUI program meets in the morning only. Our IOP meets Monday through Thursday,"
         " 6-9 p.m.</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True,
          "schedule.hours_per_week": 12.0}),
        ("<p>The Adult IOP meets in the morning only. The Young Adult IOP meets evenings, 5-8"
         " PM.</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.evening": True}),
        ("<p>The DUI program meets in the morning only.</p>", {"schedule.daytime": True}),
        ("<p>The Family program meets during the day only.</p>", {}),
        ("<p>Our IOP runs daytime only during the first two weeks.</p>",
         {"levels_of_care.iop": True, "schedule.program_weeks": 2.0}),
        # a weekend day's date, closing, intake or another's meeting under a track's heading
        ("<h2>Adolescent track</h2><p>Tuesday and Thursday, 4-7 p.m. No groups Saturday 12/24 or"
         " Sunday 12/25.</p>",
         {"schedule.evening": True, "schedule.hours_per_week": 6.0}),
        ("<h2>Veterans track</h2><p>Meets Tues/Thurs 6-9 PM. Our offices are closed Saturday,"
         " 1/3.</p>",
         {"schedule.evening": True, "schedule.hours_per_week": 6.0}),
        ("<h2>Evening track</h2><p>Mon-Thu 6-9 pm. Intake assessments Saturday 9 am - noon.</p>",
         {"schedule.evening": True, "schedule.hours_per_week": 12.0}),
        ("<h2>Evening track</h2><p>Runs Monday - Thursday 6 - 9 p.m. Graduation ceremony Saturday"
         " 2 p.m. twice a year.</p>",
         {"schedule.evening": True, "schedule.hours_per_week": 12.0}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_fifty_fifth_and_fifty_ninth_sets_rules_found(
    block: str, read: dict
) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


def test_scheduling_for_a_waitlist_is_no_opening_now() -> None:
    assert all(
        stated.accepting_new_patients is not True
        for stated in read_text(
            "Now scheduling new clients for our waitlist.", crawl_date=CRAWLED
        ).availability
    )


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a need named before the dash, the program's refusal after it
        ("<h2>Who should look elsewhere</h2><ul><li>Anyone who needs daily methadone dosing"
         " &mdash; we are not an opioid treatment program and cannot provide methadone</li></ul>",
         {"medications.mat_methadone": False, "medications.otp_certified": False}),
        ("<p>Anyone who needs daily methadone dosing. We are not an opioid treatment program"
         " and cannot provide methadone.</p>",
         {"medications.mat_methadone": False, "medications.otp_certified": False}),
        # a need the same clause says is met here
        ("<p>Patients who need buprenorphine can start it here.</p>",
         {"medications.mat_buprenorphine": True}),
        # a welcome after the dash is of the people named before it
        ("<h2>Who this program is for</h2><ul><li>People taking Suboxone or Vivitrol prescribed"
         " by their own doctor &mdash; you are welcome here</li></ul>",
         {"medications.mat_accepts_outside_prescriptions": True}),
    ],
)  # fmt: skip
def test_who_should_look_elsewhere_names_needs_not_offers(block: str, read: dict) -> None:
    reading = read_html(f"<html><body><main>{block}</main></body></html>", crawl_date=CRAWLED)
    assert reading.facts == read


EVENTS = (
    "<h2>Current schedule</h2><p>Day IOP meets Monday, Wednesday and Friday, 9 am - noon.</p>"
    "<h2>Upcoming groups</h2><div><p>{first}</p><p>Saturday Morning IOP &mdash; first"
    " session</p></div><div><p>{second}</p><p>Relapse prevention en español</p></div>"
)


def test_an_events_list_of_past_dates_states_nothing_today() -> None:
    """An old "Upcoming groups" list (a CMS's events, dated years ago) is no schedule today;
    the same list with dates still to come is read."""
    past = read_html(
        EVENTS.format(first="February 3, 2024", second="Sat, March 9, 2024"), crawl_date=CRAWLED
    ).facts
    assert "schedule.weekend" not in past and "languages.spanish" not in past
    assert past["schedule.daytime"] is True
    ahead = read_html(
        EVENTS.format(first="January 9, 2027", second="February 6, 2027"), crawl_date=CRAWLED
    ).facts
    assert ahead.get("languages.spanish") is True
    assert ahead.get("therapies.group_relapse_prevention") is True


def test_a_stat_cards_figure_is_read_with_its_label() -> None:
    """Stat cards: a big figure on its line, its label under it ("9 hrs" / "of group therapy
    each week"); a label with figures of its own is read alone."""
    cards = (
        "<p>Our virtual IOP.</p><div><p>4 days</p><p>Most clients start within 4 days of their"
        " first call.</p></div><div><p>9 hrs</p><p>of group therapy each week</p></div><div>"
        "<p>10 wks</p><p>typical program length</p></div>"
    )
    facts = read_html(cards, crawl_date=CRAWLED).facts
    assert facts["schedule.hours_per_week"] == 9.0
    assert facts["schedule.program_weeks"] == 10.0
    # a heading between the figure and the words after it parts them
    parted = read_html("<p>Our IOP.</p><p>10 wks</p><h2>About</h2><p>program length</p>",
                       crawl_date=CRAWLED).facts  # fmt: skip
    assert "schedule.program_weeks" not in parted


@pytest.mark.parametrize(
    ("sentence", "path", "value"),
    [
        ("Our IOP is 9 hrs of group therapy each week.", "schedule.hours_per_week", 9.0),
        ("The IOP typically lasts 10 wks.", "schedule.program_weeks", 10.0),
    ],
)  # fmt: skip
def test_abbreviated_and_named_skills_are_read(sentence: str, path: str, value: object) -> None:
    assert read_text(sentence, crawl_date=CRAWLED).facts.get(path) == value


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        # what sister programs in other towns offer is theirs; what the office is, its own
        ("Our sister programs in Pickens and Greenville offer residential care and a young adult"
         " day program; the Easley office is an outpatient office only.",
         {"levels_of_care.outpatient": True, "levels_of_care.residential": False}),
        # a refusal for now is a refusal
        ("We do not accept insurance at this time.", {"payment.private_insurance": False}),
        ("We don't take insurance right now.", {"payment.private_insurance": False}),
        # a group's size is no "most sessions"
        ("Groups are small (eight people at most) and meet in person at our Queen Street"
         " office.", {"access.virtual_only": False}),
        ("Most groups meet in person.", {}),
    ],
)  # fmt: skip
def test_what_the_sixty_first_sets_office_and_payment_pages_say(sentence: str, read: dict) -> None:
    assert read_text(sentence, crawl_date=CRAWLED).facts == read


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        # a wait for the next opening is no program's length
        ("Updated November 2026: Next IOP opening in about 3 weeks.",
         {"levels_of_care.iop": True}),
        ("Most members finish the IOP in 8 weeks.",
         {"levels_of_care.iop": True, "schedule.program_weeks": 8.0}),
        # states counted, then named; a county named for a state is no state
        ("Our virtual IOP serves residents of two states, Washington and Oregon.",
         {"levels_of_care.iop": True, "access.telehealth": True,
          "access.licensed_states": ["WA", "OR"]}),
        ("We serve residents of Washington County.", {}),
    ],
)  # fmt: skip
def test_what_the_fifty_ninth_sets_virtual_program_says(sentence: str, read: dict) -> None:
    assert read_text(sentence, crawl_date=CRAWLED).facts == read


def test_a_wix_list_under_what_we_do_not_treat_denies_each_item() -> None:
    """A site builder that wraps the heading and its list in boxes of their own: the list is
    still the heading's ("What we do not treat": "Residential or inpatient care")."""
    page = (
        "<div><h3>What we treat</h3></div><div><ul><li><p>Opioid use disorder</p></li></ul></div>"
        "<div><h3>What we do not treat</h3></div><div><ul><li><p>Eating disorders</p></li>"
        "<li><p>Medical detox &mdash; we do not provide detox, but we will help you find a detox"
        " program</p></li><li><p>Residential or inpatient care</p></li></ul></div>"
    )
    facts = read_html(page, crawl_date=CRAWLED).facts
    assert facts["levels_of_care.residential"] is False
    assert facts["levels_of_care.inpatient"] is False
    assert facts["detox.detox_onsite"] is False


@pytest.mark.parametrize(
    ("lines", "hours"),
    [
        (["Mon \u2013 Fri", "8:30 am \u2013 5:00 pm"], ["Mo-Fr 08:30-17:00"]),
        (["Monday through Thursday", "9 am \u2013 6 pm"], ["Mo-Th 09:00-18:00"]),
        # a split shift: both times are the days'
        (
            ["Mon \u2013 Fri", "8 am \u2013 12 pm", "1 pm \u2013 5 pm"],
            ["Mo-Fr 08:00-12:00", "Mo-Fr 13:00-17:00"],
        ),
        # a time under a line that says more than days is not that line's
        (["Closed on holidays and Mondays", "9 am \u2013 6 pm"], None),
    ],
)
def test_days_on_one_line_and_times_on_the_next_are_one_opening(
    lines: list[str], hours: list[str] | None
) -> None:
    page = "<h3>Office hours</h3>" + "".join(f"<p>{line}</p>" for line in lines)
    assert read_html(page, crawl_date=CRAWLED).facts.get("schedule.opening_hours") == hours


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("Insurance: Partnership HealthPlan of California; Blue Shield of California.",
         {"payment.medicaid": True, "payment.private_insurance": True}),
        ("We accept CareOregon and Trillium Community Health Plan.", {"payment.medicaid": True}),
        ("We accept Keystone First and UPMC for You.", {"payment.medicaid": True}),
        ("We accept Blue Shield of California Promise Health Plan.", {"payment.medicaid": True}),
    ],
)  # fmt: skip
def test_medicaid_only_plans_by_their_brands(sentence: str, read: dict) -> None:
    assert read_text(sentence, crawl_date=CRAWLED).facts == read


def test_a_stat_cards_boxes_are_words_apart_and_menus_still_menus() -> None:
    """A figure and its label in boxes with nothing between them read as two words ("12 weeks"
    "program length"); a header of links with nothing between them is still a menu."""
    page = (
        '<html><body><header><a href="/">brightwell</a><a href="/how">How it works</a>'
        '<a href="/about">About</a></header><main><h1>Virtual IOP</h1><section><div>'
        "<strong>12 weeks</strong><span>program length</span></div><div><strong>12 hours"
        "</strong><span>of live group each week</span></div></section></main></body></html>"
    )
    from crawler.prose.page import _drop_noise

    root = parse(page)
    _drop_noise(root)
    assert not any("brightwell" in text for text, _ in headed_segments(root))
    facts = read_html(page, crawl_date=CRAWLED).facts
    assert facts["schedule.program_weeks"] == 12.0
    assert facts["schedule.hours_per_week"] == 12.0


@pytest.mark.parametrize(
    ("text", "read", "accepting"),
    [
        ("Our online-only IOP serves people physically located in Rhode Island, Connecticut and"
         " Massachusetts.", ["RI", "CT", "MA"], None),
        ("Now enrolling \u2014 most clients start within 3 days of their first call.", None,
         True),
    ],
)  # fmt: skip
def test_where_a_virtual_program_serves_and_that_it_enrolls(
    text: str, read: list[str] | None, accepting: bool | None
) -> None:
    reading = read_text(text, crawl_date=CRAWLED)
    assert reading.facts.get("access.licensed_states") == read
    assert [s.accepting_new_patients for s in reading.availability][:1] == (
        [accepting] if accepting else []
    )


@pytest.mark.parametrize(
    ("text", "accepting", "slots"),
    [
        ("January cohort: 4 of 12 seats filled.", True, 8),
        ("Open spots in the morning IOP group: 3", True, 3),
        ("Next available IOP start: Monday, December 14, 2026.", True, None),
    ],
)
def test_seats_filled_of_all_open_spots_in_a_group_and_a_next_available_start(
    text: str, accepting: bool, slots: int | None
) -> None:
    (statement,) = read_text(text, crawl_date=date(2026, 12, 6)).availability
    assert (statement.accepting_new_patients, statement.open_slots) == (accepting, slots)
    assert statement.days_to_intake is None


@pytest.mark.parametrize(
    ("text", "path", "value"),
    [
        # a track's wait is no program's length
        ("Adult IOP waitlist: No wait for evening groups; about two weeks for day groups.",
         "schedule.program_weeks", None),
        ("The IOP lasts 8 weeks for adults.", "schedule.program_weeks", 8.0),
        ("All visits at the La Plata office are by appointment.", "intake.walk_in", False),
        ("All visits are by appointment, except walk-in hours on Monday mornings.",
         "intake.walk_in", True),
    ],
)  # fmt: skip
def test_what_the_sixty_third_sets_office_pages_say(text: str, path: str, value: object) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get(path) == value


def test_a_closed_offices_card_states_nothing() -> None:
    """An old locations page whose notice says an office closed: that office's card (its
    Saturday IOP group, its hours) is no fact of the program's; another office's card is."""
    page = (
        "<h1>Office Locations</h1><p>Notice: Our Elm Street office closed in March 2026."
        " Patients are now seen at our Main Street office.</p><h2>Main Street Office</h2><p>118 N"
        " Main St, Celina, OH 45822</p><p>Evening IOP groups meet here.</p><h2>Elm Street Office"
        "</h2><p>615 W Elm St, Celina, OH 45822</p><p>Saturday IOP group and walk-in urgent"
        " assessments.</p>"
    )
    facts = read_html(page, crawl_date=CRAWLED).facts
    assert facts.get("schedule.evening") is True
    assert "schedule.weekend" not in facts and "intake.walk_in" not in facts
    # a day's closing is no office closed
    open_page = page.replace("closed in March 2026", "is closed on Fridays")
    assert read_html(open_page, crawl_date=CRAWLED).facts.get("intake.walk_in") is True


@pytest.mark.parametrize(
    ("block", "path", "value"),
    [
        ("<p>All groups and appointments are in person; we don't offer telehealth.</p>",
         "access.virtual_only", False),
        ("<footer><p>Powwow River Recovery, LLC \u00b7 (978) 555-0125 \u00b7 Licensed by the"
         " state.</p></footer>", "ownership", Ownership.PRIVATE_FOR_PROFIT),
        ("<footer><p>Brightwell Health, LLC \u00b7 Administrative office (no in-person visits):"
         " 7450 Post Rd, North Kingstown, RI 02852</p></footer>", "ownership",
         Ownership.PRIVATE_FOR_PROFIT),
    ],
)  # fmt: skip
def test_what_the_sixty_fifth_sets_footers_and_pages_say(
    block: str, path: str, value: object
) -> None:
    html = f"<html><body><main><p>Our IOP.</p></main>{block}</body></html>"
    assert read_html(html, crawl_date=CRAWLED).facts.get(path) == value


def test_an_intake_done_the_same_day_is_no_wait() -> None:
    (statement,) = read_text(
        "Call before 10 a.m. and we can usually do your intake the same day.", crawl_date=CRAWLED
    ).availability
    assert statement.days_to_intake == 0


@pytest.mark.parametrize(
    ("text", "accepting", "days", "slots"),
    [
        ("Now scheduling IOP intakes \u2014 most new clients are seen within 2 days of their"
         " first call.", True, 2, None),
        ("Openings in our January IOP group \u2014 call to reserve one of 3 remaining spots.",
         True, None, 3),
        ("3 of 10 seats open in the evening IOP.", True, None, 3),
    ],
)  # fmt: skip
def test_scheduling_iop_intakes_and_spots_remaining(
    text: str, accepting: bool, days: int | None, slots: int | None
) -> None:
    (statement,) = read_text(text, crawl_date=CRAWLED).availability
    assert (statement.accepting_new_patients, statement.days_to_intake, statement.open_slots) == (
        accepting, days, slots,
    )  # fmt: skip


def test_pennsylvania_medical_assistance_through_its_behavioral_health_plan() -> None:
    facts = read_text(
        "We are in network with Pennsylvania Medical Assistance through Community Care"
        " Behavioral Health Organization.",
        crawl_date=CRAWLED,
    ).facts
    assert facts == {"payment.medicaid": True}


REVIEWED_B = "<h1>Intensive Outpatient Program</h1><p>Our IOP meets three evenings a week.</p>"
REVIEWED_OFFICES = "<h1>Office Locations</h1>"
REVIEWED_DAYS = (
    "<h1>Intensive Outpatient Program</h1><p>Our IOP meets Monday, Wednesday and Friday, 9 am -"
    " noon.</p>"
)


@pytest.mark.parametrize(
    ("block", "read"),
    [
        # a teaser's linked title is no fact (a place card's linked heading is kept: see the
        # sixty-third's tests)
        (REVIEWED_B + "<h2>From our blog</h2><article><h3><a href='/blog/methadone-vs-suboxone'>"
         "Methadone vs. Suboxone</a></h3><p>March 2, 2025</p></article>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        (REVIEWED_B + "<h2>Latest news</h2><h3><a href='/news/1'>We're Accepting Medicare</a>"
         "</h3>", {"levels_of_care.iop": True, "schedule.evening": True}),
        (REVIEWED_B + "<h3><a href='/es'>En Espa\u00f1ol</a></h3>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        (REVIEWED_B + "<h2><a href='/insurance'>Medicaid Accepted</a></h2>",
         {"levels_of_care.iop": True, "schedule.evening": True}),
        # a counter's digits one to a box are one figure
        ("<h1>Our IOP</h1><p>Our program lasts <span>1</span><span>2</span> weeks.</p>",
         {"levels_of_care.iop": True, "schedule.program_weeks": 12.0}),
        (REVIEWED_B + "<p>Cost: <span>$</span><span>1</span><span>50</span> per week.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "payment.self_pay": True}),
        # a widget's column of days beside its column of times pairs nothing
        ("<h1>Intensive Outpatient Program</h1><p>Our IOP for adults.</p><h3>Office hours</h3>"
         "<div><p>Mon \u2013 Thu</p><p>Fri</p><p>Sat \u2013 Sun</p></div><div><p>8 am \u2013 8 pm"
         "</p><p>8 am \u2013 5 pm</p><p>Closed</p></div>", {"levels_of_care.iop": True}),
        # another care's figure on a card
        ("<h1>Intensive Outpatient Program</h1><p>Our IOP for adults.</p><div><p>45 days</p>"
         "</div><div><p>average residential stay</p></div>", {"levels_of_care.iop": True}),
        # a day's, a season's or a unit's closing, or a reopening, closes no office
        (REVIEWED_OFFICES + "<p>The Main office has closed for the day due to a power outage."
         "</p><h2>Main Office</h2><p>Evening IOP groups and walk-in assessments, Monday through"
         " Friday.</p>",
         {"intake.walk_in": True, "levels_of_care.iop": True, "schedule.evening": True}),
        (REVIEWED_OFFICES + "<p>Weather update: Our Elm Street office closed in January 2026 due"
         " to snow for two days.</p><h2>Elm Street Office</h2><p>Saturday IOP group and walk-in"
         " assessments.</p>",
         {"intake.walk_in": True, "levels_of_care.iop": True, "schedule.weekend": True}),
        (REVIEWED_OFFICES + "<p>Our Elm Street office closed in March 2026 for renovations and"
         " reopened in June 2026.</p><h2>Elm Street Office</h2><p>Saturday IOP group and walk-in"
         " assessments.</p>",
         {"intake.walk_in": True, "levels_of_care.iop": True, "schedule.weekend": True}),
        (REVIEWED_OFFICES + "<p>The Riverside Center has permanently closed its residential"
         " unit.</p><h2>Riverside Center</h2><p>Evening IOP groups; walk-in assessments.</p>",
         {"intake.walk_in": True, "levels_of_care.iop": True, "schedule.evening": True}),
        # the page's own sentences after an old event are read; a range still running is today's
        (REVIEWED_DAYS + "<h2>Upcoming groups</h2><p>November 3, 2026 \u2014 Family night recap"
         "</p><p>We accept Medicaid.</p>",
         {"levels_of_care.iop": True, "payment.medicaid": True, "schedule.daytime": True,
          "schedule.hours_per_week": 9.0}),
        (REVIEWED_DAYS + "<h2>Upcoming changes</h2><p>October 1, 2026: Saturday IOP group added,"
         " 9 am - noon.</p>",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.hours_per_week": 9.0,
          "schedule.weekend": True}),
        (REVIEWED_DAYS + "<h2>Upcoming groups</h2><p>November 2, 2026 \u2013 January 25, 2027:"
         " Spanish-language evening IOP</p>",
         {"languages.spanish": True, "levels_of_care.iop": True, "schedule.daytime": True,
          "schedule.evening": True, "schedule.hours_per_week": 9.0}),
        # a need named as a label, the offer after it
        ("<p>Anyone who needs medication for opioid use disorder: we offer Suboxone and Vivitrol"
         " on site.</p>",
         {"medications.mat_buprenorphine": True, "medications.mat_naltrexone": True}),
        # an in-person clinic's catchment is no licence for care at a distance
        ("<p>We serve residents of both states, Idaho and Washington, at our Lewiston clinic."
         "</p>", {}),
        ("<p>We serve people physically located in Idaho, Washington and Oregon at our Boise"
         " office.</p>", {}),
        # a length beside another track's opening or a wait
        ("<p>The IOP is 8 weeks long, and our new evening track opens in 3 weeks.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.program_weeks": 8.0}),
        ("<p>Wait times vary; the IOP runs 10 weeks for the evening group.</p>",
         {"levels_of_care.iop": True, "schedule.evening": True, "schedule.program_weeks": 10.0}),
    ],
)  # fmt: skip
def test_what_the_review_of_the_sixty_third_and_sixty_fifth_sets_rules_found(
    block: str, read: dict
) -> None:
    reading = read_html(
        f"<html><body><main>{block}</main></body></html>", crawl_date=date(2026, 12, 6)
    )
    assert reading.facts == read


@pytest.mark.parametrize(
    "text",
    [
        "Open spots in the Al-Anon family group: 6",
        "Only 2 remaining spots in our women's retreat this spring.",
        "3 remaining spots for the 5K recovery run \u2014 register now!",
        "Next available IOP start: March 2, 2026.",
        "Please do not schedule your assessment the same day as a court date.",
        "You can have an assessment the same day as your IOP orientation.",
        "Now enrolling \u2014 patients begin with a free consultation for our yoga studio.",
        "Now enrolling: clients start our DUI class on Mondays.",
    ],
)
def test_what_the_review_found_of_openings_that_are_not_the_programs(text: str) -> None:
    statements = read_text(text, crawl_date=date(2026, 12, 6)).availability
    assert all(
        (s.accepting_new_patients, s.days_to_intake, s.open_slots) == (None, None, None)
        for s in statements
    )


def test_an_hours_grid_of_rows_gives_each_rows_days_their_times() -> None:
    page = (
        "<h1>Intensive Outpatient Program</h1><p>Our IOP for adults.</p><h3>Office hours</h3>"
        "<p>Mon \u2013 Thu</p><p>8:00 AM \u2013 9:00 PM</p><p>Fri</p><p>8:00 AM \u2013 5:00 PM</p>"
        "<p>Sat \u2013 Sun</p><p>Closed</p>"
    )
    assert read_html(page, crawl_date=CRAWLED).facts["schedule.opening_hours"] == [
        "Mo-Th 08:00-21:00",
        "Fr 08:00-17:00",
    ]


@pytest.mark.parametrize(
    ("url", "byline"),
    [
        ("https://a.example/updates/new-evening-group",
         "<p>Posted on June 14, 2023 by Dana Whitlock, LCADC</p>"),
        ("https://a.example/2023/06/new-evening-group/", "<p>June 14, 2023</p>"),
    ],
)  # fmt: skip
def test_a_dated_post_is_an_article_whatever_its_byline_adds(url: str, byline: str) -> None:
    """A byline naming its author after the date: an old post's Saturday group and walk-ins
    are not the program's today."""
    html = (
        f"<html><body><h1>Welcome to our new evening group</h1>{byline}<p>Our Saturday morning"
        " group continues as always.</p></body></html>"
    )
    assert page_kind(lxml.html.fromstring(html), url) is PageKind.ARTICLE


def test_a_schedule_followed_by_its_length_gives_the_programs_weeks() -> None:
    sentence = "Monday, Tuesday and Thursday evenings, 6:00 to 9:00 p.m., for 9 weeks."
    assert program_weeks(sentence) == 9
    assert program_weeks("The office closes at 3 p.m. for two weeks in August.") is None


@pytest.mark.parametrize(
    ("text", "therapy", "stated"),
    [
        ("What to expect: An individual session with your counselor every other week.",
         "therapies.individual_therapy", True),
        ("An expressive art group and mindfulness practice on Thursdays.",
         "therapies.art_therapy", True),
        ("Our state-of-the-art group rooms opened in May.", "therapies.art_therapy", None),
    ],
)  # fmt: skip
def test_therapies_as_a_programs_week_lists_them(text: str, therapy: str, stated: bool) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get(therapy) is stated


def test_a_chat_widgets_hours_are_not_the_offices() -> None:
    text = "Questions? Chat with a PVU assistant, Monday\u2013Sunday, 8:00 AM \u2013 10:00 PM."
    assert opening_hours(text) == []
    assert opening_hours("Office hours: Monday\u2013Friday, 8:00 AM \u2013 5:00 PM.") == [
        "Mo-Fr 08:00-17:00"
    ]


@pytest.mark.parametrize(
    ("text", "walk_in"),
    [
        ("The studio is appointment only, so please don't walk in without calling first.", False),
        ("Intake is by appointment only.", False),
        ("Walk in any Monday at 5:00 p.m. for an intake interview.", True),
    ],
)
def test_an_appointment_only_office_takes_no_walk_ins(text: str, walk_in: bool) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get("intake.walk_in") is walk_in


def test_a_schedules_time_zone_does_not_hide_its_length() -> None:
    assert program_weeks("Monday through Thursday, 6:00\u20139:00 p.m. Hawai\u02bbi time, for 12"
                         " weeks.") == 12  # fmt: skip


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("We do not prescribe or dispense any medication. Clients taking Suboxone, Vivitrol or"
         " methadone from their own provider are welcome in every group.",
         {"medications.mat_buprenorphine": False, "medications.mat_naltrexone": False,
          "medications.mat_methadone": False,
          "medications.mat_accepts_outside_prescriptions": True}),
        ("The fee is $60 per week, reduced according to household income.",
         {"payment.sliding_fee": True}),
        ("The program runs 16 weeks, and graduates are invited to our Wednesday aftercare"
         " fellowship.", {"schedule.program_weeks": 16}),
    ],
)  # fmt: skip
def test_what_a_ministrys_program_page_says_of_itself(text: str, facts: dict) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Big Creek Recovery Counseling is an outpatient practice offering an Intensive"
         " Outpatient Program (IOP) for adults.", {"levels_of_care.outpatient": True}),
        ("A methadone clinic is an outpatient clinic.", {"levels_of_care.outpatient": None}),
        ("Each week combines group therapy, mindfulness practice and an individual session with"
         " your therapist.", {"therapies.individual_therapy": True}),
        ("Carbonate Peak Recovery, LLC \u00b7 Based in Hailey, Idaho",
         {"ownership": "private_for_profit"}),
    ],
)  # fmt: skip
def test_what_a_practice_says_it_is_and_gives_each_week(text: str, facts: dict) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


def test_another_services_hours_named_before_the_word_hours_are_not_the_offices() -> None:
    text = "The health center is next door; pharmacy hours include Saturdays 9 a.m. to 1 p.m."
    assert opening_hours(text, "Hours") == []
    assert opening_hours("Clinic hours include Saturdays 9 a.m. to 1 p.m.") == ["Sa 09:00-13:00"]
    # (a virtual program's own business office's hours are its office hours)
    assert opening_hours("Business office hours: Monday\u2013Friday, 8:00 a.m.\u20135:00 p.m.") == [
        "Mo-Fr 08:00-17:00"
    ]


@pytest.mark.parametrize(
    ("text", "path", "value"),
    [
        ("Walk-in assessments Monday to Friday 8-10 am; counseling is appointment only.",
         "intake.walk_in", True),
        ("Our pharmacy is appointment-only for vaccines.", "intake.walk_in", None),
        ("Our building hosts a community art group on Saturdays.", "therapies.art_therapy", None),
        ("Residents of our sober living home join a weekly art group.", "therapies.art_therapy",
         None),
        ("Family members may request an individual session with a counselor every other week.",
         "therapies.individual_therapy", None),
        ("Late fees are never reduced according to income.", "payment.sliding_fee", None),
        ("Relapse-prevention group: Fridays at 10 a.m., for 6 weeks.", "schedule.program_weeks",
         None),
    ],
)  # fmt: skip
def test_what_one_service_or_someone_else_is_said_to_do_is_not_the_programs(
    text: str, path: str, value: bool | None
) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get(path) == value


@pytest.mark.parametrize(
    ("url", "kind"),
    [("https://a.example/2023/06/intensive-outpatient-program/", PageKind.PROGRAM)],
)
def test_a_dated_path_alone_does_not_make_a_program_page_an_article(
    url: str, kind: PageKind
) -> None:
    html = (
        "<html><body><h1>Intensive Outpatient Program</h1><p>Our IOP meets three evenings a"
        " week.</p></body></html>"
    )
    assert page_kind(lxml.html.fromstring(html), url) is kind


def test_a_post_at_a_dated_permalink_is_an_article_whatever_its_title() -> None:
    html = (
        "<html><body><h1>Our summer IOP schedule</h1><p>Posted on May 20, 2024 by Kingfisher"
        " Lane Counseling</p><p>Our Saturday morning group continues.</p></body></html>"
    )
    root = lxml.html.fromstring(html)
    assert page_kind(root, "https://k.example/2024/05/summer-iop-schedule/") is PageKind.ARTICLE
    assert page_kind(root, "https://k.example/summer-iop-schedule/") is PageKind.PROGRAM


@given(
    st.sampled_from(["Hawai\u02bbi time", "Mountain time", "Eastern Standard Time", "ET", "PT"]),
    st.integers(6, 16),
)
def test_a_time_zone_after_the_groups_time_does_not_end_their_sentence(
    zone: str, weeks: int
) -> None:
    text = f"Monday through Thursday, 6:00\u20139:00 p.m. {zone}, for {weeks} weeks. After that,"
    html = (
        f"<html><body><main><h2>Schedule</h2><p>{text} alumni meet weekly.</p></main></body></html>"
    )
    facts = read_html(html, crawl_date=CRAWLED).facts
    assert (facts.get("schedule.program_weeks"), facts.get("schedule.evening")) == (weeks, True)


@pytest.mark.parametrize(
    ("said", "taken"),
    [("HMSA and UHA \u2014 in network.", True), ("HMSA and UHA are accepted.", True),
     ("We are out of network with HMSA and UHA; we give a superbill.", None),
     ("HMSA and UHA \u2014 not accepted.", None), ("We are not in network with HMSA.", None)],
)  # fmt: skip
def test_plans_under_a_heading_naming_their_kind_are_of_that_kind(
    said: str, taken: bool | None
) -> None:
    html = (
        f"<html><body><main><h1>Pricing</h1><h3>Commercial</h3><p>{said}</p></main></body></html>"
    )
    assert read_html(html, crawl_date=CRAWLED).facts.get("payment.private_insurance") is taken


@pytest.mark.parametrize("state", ["Hawaii", "Hawai\u02bbi", "Hawai'i"])
def test_a_state_is_read_as_its_people_write_it(state: str) -> None:
    text = f"Video participation is available to adults located in {state}."
    assert read_text(text, crawl_date=CRAWLED).facts.get("access.licensed_states") == ["HI"]


@pytest.mark.parametrize(
    "text",
    ["The County Board will consider a proposal to study a Saturday IOP group in January.",
     "A proposal for a Saturday IOP group goes to the board next month."],
)  # fmt: skip
def test_a_proposal_before_a_board_offers_nothing_yet(text: str) -> None:
    assert "schedule.weekend" not in read_text(text, crawl_date=CRAWLED).facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [("We don't bill insurance of any kind.", {"payment.private_insurance": False}),
     ("Members pay a weekly fee of $40 that is scaled down by household income.",
      {"payment.self_pay": True, "payment.sliding_fee": True}),
     ("Plan members pay a weekly fee of $40 after their deductible.", {"payment.self_pay": None}),
     ("Group therapy three evenings a week, using cognitive behavioral tools.",
      {"therapies.cbt": True})],
)  # fmt: skip
def test_what_a_ministrys_program_says_it_costs_and_does(text: str, facts: dict) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("text", "weeks"),
    [("Most people take part for 8 to 12 weeks.", 12),
     ("Clients participate for about 10 weeks.", 10),
     ("Most people take part in two groups a week.", None)],
)  # fmt: skip
def test_how_long_people_take_part_is_the_programs_length(text: str, weeks: int | None) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get("schedule.program_weeks") == weeks


@pytest.mark.parametrize(
    ("body", "private"),
    [("Not accepted. We accept Medicaid only.", None),
     ("Not accepted. We accept Medicaid and Medicare only.", None),
     ("Referrals accepted from employers and EAPs.", None), ("EAP vouchers accepted.", None),
     ("Single-case agreements accepted; we are not in-network with any commercial plan.", None),
     ("Checks and credit cards accepted; we do not take commercial insurance.", False)],
)  # fmt: skip
def test_a_commercial_heading_over_other_things_accepted_takes_no_plan(
    body: str, private: bool | None
) -> None:
    html = (
        f"<html><body><main><h1>Insurance</h1><h2>Commercial</h2><p>{body}</p></main></body></html>"
    )
    assert read_html(html, crawl_date=CRAWLED).facts.get("payment.private_insurance") is private


@pytest.mark.parametrize(
    "sentence",
    ["Drug court participants participate for 18 months.",
     "Volunteers take part for 6 weeks in a research study.",
     "Interns participate for 10 weeks each summer.",
     "Parents participate for 6 weeks in the family education series.",
     "Clients must participate for at least 30 days before stepping down."],
)  # fmt: skip
def test_taking_part_in_something_else_is_no_length_of_the_program(sentence: str) -> None:
    assert "schedule.program_weeks" not in read_text(sentence, crawl_date=CRAWLED).facts


def test_what_clients_will_explore_is_no_board_business() -> None:
    text = "In our IOP you will explore cognitive behavioral therapy and DBT skills."
    facts = read_text(text, crawl_date=CRAWLED).facts
    assert (facts.get("therapies.cbt"), facts.get("therapies.dbt")) == (True, True)


@pytest.mark.parametrize(
    ("html", "telehealth"),
    [("<p>All groups meet in person; individual sessions can be done by telehealth.</p>"
      "<h3>Do you offer online groups?</h3><p>No. Every group meets in person.</p>", True),
     ("<p>We do not offer online groups.</p>", False),
     ("<p>We do not offer telehealth.</p><p>Individual sessions by video are coming in 2027.</p>",
      False)],
)  # fmt: skip
def test_video_visits_one_to_one_are_telehealth_where_only_online_groups_are_denied(
    html: str, telehealth: bool
) -> None:
    page = f"<html><body><main><h1>Our IOP</h1>{html}</main></body></html>"
    assert read_html(page, crawl_date=CRAWLED).facts.get("access.telehealth") is telehealth


def test_one_pages_video_visits_and_anothers_no_online_groups_are_telehealth() -> None:
    def page(text: str) -> PageReading:
        html = f"<html><body><main><h1>Morning track</h1><p>{text}</p></main></body></html>"
        return read_html(html, crawl_date=CRAWLED)

    merged = merge_readings([
        page("All groups meet in person; individual sessions can be done by telehealth."),
        page("Do you offer online groups? No. Groups meet in person."),
    ])  # fmt: skip
    assert merged.facts.get("access.telehealth") is True
    assert "individual sessions" in merged.evidence["access.telehealth"][0]


@pytest.mark.parametrize(
    "html",
    ["<p>We do not offer telehealth or online groups; all care is in person.</p>"
     "<p>Individual sessions can be done by telehealth.</p>",
     "<p>As a small group practice, we do not offer telehealth.</p>"
     "<p>Individual counseling by telehealth was offered during the pandemic.</p>",
     "<p>We no longer offer online groups.</p>"
     "<p>During COVID, individual sessions were held by telehealth.</p>",
     "<p>Telehealth is not available for groups or individual sessions at this time.</p>"
     "<p>Individual sessions can be done by telehealth once you complete the program.</p>"],
)  # fmt: skip
def test_a_denial_of_more_than_online_groups_is_not_outweighed_by_video_visits(html: str) -> None:
    page = f"<html><body><main><h1>Our IOP</h1>{html}</main></body></html>"
    assert read_html(page, crawl_date=CRAWLED).facts.get("access.telehealth") is not True


def test_a_blogs_video_visits_do_not_outweigh_the_iops_no_telehealth() -> None:
    def page(heading: str, text: str, url: str) -> PageReading:
        html = f"<html><body><main><h1>{heading}</h1><p>{text}</p></main></body></html>"
        return read_html(html, crawl_date=CRAWLED, url=url)

    merged = merge_readings([
        page("Our IOP", "We do not offer online groups.", "https://x.example/iop"),
        page("The rise of telehealth", "Posted on May 2, 2024 by Dana Cruz. Many clinics now"
             " offer individual sessions by telehealth.", "https://x.example/2024/05/telehealth/"),
    ])  # fmt: skip
    assert merged.facts.get("access.telehealth") is not True


@pytest.mark.parametrize(
    ("text", "facts"),
    [("Clients who take buprenorphine or methadone are welcome in our groups.",
      {"medications.mat_accepts_outside_prescriptions": True,
       "medications.mat_buprenorphine": None, "medications.mat_methadone": None}),
     ("Clients enrolled at the methadone clinic in The Dalles may attend IOP.",
      {"medications.mat_accepts_outside_prescriptions": True, "medications.mat_methadone": None}),
     ("Clients take buprenorphine as part of our program.",
      {"medications.mat_accepts_outside_prescriptions": None})],
)  # fmt: skip
def test_who_already_takes_a_medication_is_welcome_without_the_program_giving_it(
    text: str, facts: dict
) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [("We don't offer SACOT, the more intensive day program (20 hours a week).",
      {"levels_of_care.partial_hospitalization": False, "schedule.hours_per_week": None,
       "schedule.daytime": None}),
     ("We do not offer a PHP, which meets 5 days a week from 9 to 3; our IOP meets Monday,"
      " Wednesday and Thursday evenings, 6 to 9 p.m.",
      {"levels_of_care.partial_hospitalization": False, "schedule.hours_per_week": 9,
       "schedule.evening": True}),
     ("Our IOP meets 3 days a week, 3 hours a day.", {"schedule.hours_per_week": 9})],
)  # fmt: skip
def test_the_days_and_hours_of_a_care_denied_are_not_the_iops(text: str, facts: dict) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("text", "evening"),
    [("IOP groups never meet on weekends or in the evening.", False),
     ("Our groups do not meet in the evenings.", False),
     ("Our groups never meet in the evening before a holiday.", None),
     ("AA groups never meet in the evening.", None)],
)  # fmt: skip
def test_groups_that_never_meet_in_the_evening_deny_evenings(
    text: str, evening: bool | None
) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get("schedule.evening") == evening


@pytest.mark.parametrize(
    "text",
    ["Rhonda also teaches a Saturday mindfulness workshop at the community college each spring.",
     "Dr. Ames teaches yoga at the university on weekends."],
)  # fmt: skip
def test_what_one_of_the_staff_teaches_at_a_school_is_not_the_programs(text: str) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert "therapies.mindfulness" not in read and "therapies.yoga" not in read


@pytest.mark.parametrize(
    ("text", "medicare"),
    [("Medicare: since 2024, Medicare can pay licensed addiction counselors. We are enrolling"
      " and hope to accept Medicare sometime in 2027.", None),
     ("We accept Medicare. We hope to accept Medicare Advantage plans next year.", True),
     ("We accept Medicaid. We hope to accept Medicare in 2027.", None)],
)  # fmt: skip
def test_a_payer_an_entry_goes_on_to_hedge_is_not_taken_yet(text: str, medicare) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get("payment.medicare") == medicare


@pytest.mark.parametrize(
    ("text", "iop"),
    [("We do not offer IOP in Spanish.", None),
     ("We do not offer IOP groups in Vietnamese.", None),
     ("We do not offer IOP.", False),
     ("We do not offer an IOP in any of our offices.", False),
     ("The van does not offer counseling sessions, groups or IOP.", None)],
)  # fmt: skip
def test_a_denial_of_the_iop_in_one_language_or_of_a_van_is_no_denial_of_it(
    text: str, iop: bool | None
) -> None:
    assert read_text(text, crawl_date=CRAWLED).facts.get("levels_of_care.iop") == iop


@pytest.mark.parametrize(
    ("text", "facts"),
    [("Camas Bloom Recovery Services, Inc. is a private, nonprofit corporation.",
      {"ownership": Ownership.PRIVATE_NON_PROFIT}),
     ("Our fees slide with your household income and family size.",
      {"payment.sliding_fee": True}),
     ("Payment plans are available. We take cash, checks and cards.", {"payment.self_pay": True}),
     ("We accept cash for co-pays.", {"payment.self_pay": None}),
     ("All IOP groups meet in person at our offices; there is no online IOP. Individual"
      " sessions with your counselor can be in person or by telehealth.",
      {"access.telehealth": True, "access.virtual_only": False}),
     ("A monthly family group for loved ones.", {"therapies.family_therapy": True}),
     ("Our Delphi center is outpatient only.", {"levels_of_care.outpatient": True}),
     ("IOP groups at Delphi meet in person.", {"access.virtual_only": False}),
     ("It does not provide detox; when a patient needs it, our admissions team coordinates a"
      " transfer to our hospital.", {"detox.detox_onsite": False, "detox.detox_referral": True}),
     ("If there's enough interest, we may start a Saturday group in 2027.",
      {"schedule.weekend": None}),
     ("In 2019 we ran a Saturday IOP group and a small residential house; both closed during"
      " the pandemic.", {"schedule.weekend": None, "levels_of_care.residential": None}),
     ("In 2026 we opened a Saturday IOP group.", {"schedule.weekend": True}),
     ("Tuesday, Wednesday & Thursday \u2022 6:00 \u2013 9:00 PM Central \u2022 on Zoom",
      {"access.telehealth": True}),
     ("The program is 24 sessions, three a week.", {"schedule.program_weeks": 8})],
)  # fmt: skip
def test_what_the_seventy_fifth_sets_programs_say_of_themselves(text: str, facts: dict) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


def test_under_a_medications_heading_keeping_your_own_prescriber_is_of_medications() -> None:
    text = ["Medications", "Wherever you attend, you can keep your own prescriber."]
    read = read_text(text, crawl_date=CRAWLED, headings=[2, 0])
    assert read.facts.get("medications.mat_accepts_outside_prescriptions") is True
    text = ["Our staff", "Wherever you attend, you can keep your own prescriber."]
    read = read_text(text, crawl_date=CRAWLED, headings=[2, 0])
    assert "medications.mat_accepts_outside_prescriptions" not in read.facts


def test_a_program_of_phases_lasts_their_weeks_and_its_longest_weeks_hours() -> None:
    html = (
        "<html><body><main><h1>Copper Trail IOP</h1><h2>How the program is built</h2><table>"
        "<tr><th>Phase</th><th>Days</th><th>Time</th><th>Length</th></tr>"
        "<tr><td>Phase 1</td><td>Monday, Tuesday, Wednesday, Thursday</td>"
        "<td>9:00 a.m. \u2013 12:00 p.m.</td><td>4 weeks</td></tr>"
        "<tr><td>Phase 2</td><td>Monday, Wednesday, Thursday</td>"
        "<td>9:00 a.m. \u2013 12:00 p.m.</td><td>4 weeks</td></tr></table></main></body></html>"
    )
    read = read_html(html, crawl_date=CRAWLED).facts
    assert read.get("schedule.program_weeks") == 8
    assert read.get("schedule.hours_per_week") == 12


def test_the_page_titled_for_another_care_gives_it_its_therapies_and_days() -> None:
    html = (
        "<html><body><main><h1>Inpatient Care</h1><h2>What patients do on the unit</h2>"
        "<p>Daily group therapy, recreation therapy, music therapy, and family sessions on"
        " Sunday afternoons.</p></main></body></html>"
    )
    read = read_html(html, crawl_date=CRAWLED).facts
    assert "therapies.music_therapy" not in read and "schedule.weekend" not in read


def test_a_track_still_to_come_leaves_the_track_table_read() -> None:
    html = (
        "<html><body><main><h1>Bayberry IOP</h1><h2>Tracks</h2><table>"
        "<tr><th>Track</th><th>Days</th><th>Hours</th><th>How</th></tr>"
        "<tr><td>Day</td><td>Monday\u2013Thursday</td><td>9:30 a.m.\u201312:30 p.m.</td>"
        "<td>In person</td></tr>"
        "<tr><td>Evening</td><td>Monday, Tuesday, Thursday</td><td>5:30\u20138:30 p.m.</td>"
        "<td>In person or by Zoom</td></tr>"
        "<tr><td>Saturday morning</td><td colspan='3'>Coming soon!</td></tr>"
        "</table></main></body></html>"
    )
    read = read_html(html, crawl_date=CRAWLED).facts
    assert read.get("schedule.hours_per_week") == 12
    assert read.get("schedule.evening") is True
    assert "schedule.weekend" not in read


@pytest.mark.parametrize(
    ("url", "heading", "kind"),
    [("https://x.example/kamiah-outreach", "Kamiah Mobile Outreach", PageKind.OUTREACH),
     ("https://x.example/copy-of-home", "Real recovery. Right here.", PageKind.DRAFT),
     ("https://x.example/iop", "Outreach and intensive outpatient care", PageKind.PROGRAM)],
)  # fmt: skip
def test_a_vans_page_and_a_builders_copy_state_nothing(url: str, heading: str, kind) -> None:
    root = parse(
        f"<html><head><title>Copy of Home | X</title></head><body><h1>{heading}</h1>"
        "<p>No appointment is needed.</p></body></html>"
    )
    assert page_kind(root, url) is kind


@pytest.mark.parametrize(
    ("text", "as_of"),
    [("Updated 12.01.26: Next day cohort starts Monday, January 4, 2027.", date(2026, 12, 1)),
     ("January group: 3 of 8 seats open (as of Dec. 3)", date(2026, 12, 3)),
     ("Updated 11-24-2026: We have 2 open seats.", date(2026, 11, 24)),
     ("As of January 1, we have 2 open seats.", date(2026, 12, 7))],
)  # fmt: skip
def test_a_statements_date_in_the_ways_sites_write_it(text: str, as_of: date) -> None:
    (statement,) = read_text(text, crawl_date=date(2026, 12, 7)).availability
    assert statement.as_of == as_of


def test_an_undated_page_saying_again_what_a_dated_one_says_leaves_the_dated_word() -> None:
    def page(html: str, url: str) -> PageReading:
        return read_html(f"<html><body><main>{html}</main></body></html>", crawl_date=CRAWLED,
                         url=url)  # fmt: skip

    home = page(
        "<h1>Real recovery</h1><p>Updated 03.01.26</p><p>Next day cohort starts Monday, March"
        " 16, 2026.</p><p>Virtual evening track: full until April.</p>",
        "https://x.example/",
    )
    track = page("<h1>Virtual Evening Track</h1><p>Status: full until April.</p>",
                 "https://x.example/virtual-evening-track")  # fmt: skip
    merged = merge_readings([home, track])
    assert merged.availability["availability.accepting_new_patients"] is True
    assert merged.availability["availability.as_of"] == date(2026, 3, 1)
    other = page("<h1>Evening IOP</h1><p>Our IOP is currently full.</p>", "https://x.example/e")
    merged = merge_readings([home, other])  # an undated word that says otherwise: the crawl's
    assert merged.availability["availability.as_of"] == CRAWLED


@pytest.mark.parametrize(
    ("statements", "accepting"),
    [(["Our adolescent group is full; call for openings.",
       "No waitlist right now \u2013 most new clients start IOP within a week."], True),
     (["Our IOP is full.", "No waitlist for our DUI class."], False)],
)  # fmt: skip
def test_a_peoples_group_full_beside_the_program_taking_people_is_no_full_program(
    statements: list[str], accepting: bool
) -> None:
    readings = [read_text(text, crawl_date=CRAWLED) for text in statements]
    merged = merge_readings(readings)
    assert merged.availability.get("availability.accepting_new_patients") is accepting


@pytest.mark.parametrize(
    ("text", "facts"),
    [("We see people by appointment, so please call before you come in.",
      {"intake.walk_in": False}),
     ("We see people by appointment or as walk-ins.", {"intake.walk_in": True}),
     ("Each week includes process group and education about addiction and recovery.",
      {"therapies.group_psychoeducation": True}),
     ("Education sessions on the brain, sleep and nutrition in early recovery.",
      {"therapies.group_psychoeducation": True}),
     ("Our ADETS class is a DWI education class.", {"therapies.group_psychoeducation": None}),
     ("Our staff will arrange admission to Medically Monitored Withdrawal at the hospital.",
      {"detox.detox_referral": True})],
)  # fmt: skip
def test_what_the_seventy_fifth_sets_programs_say_of_their_doors_and_groups(
    text: str, facts: dict
) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [("We accept Medicaid and hope to see you soon.", {"payment.medicaid": True}),
     ("We are currently enrolling for our evening IOP, which meets Mon, Wed and Thu 6-9 pm.",
      {"levels_of_care.iop": True}),
     ("We accept Medicare and Medicaid. We may add a Saturday group for Medicare members.",
      {"payment.medicare": True}),
     ("We accept Medicaid. Medicaid may cover transportation to groups.",
      {"payment.medicaid": True}),
     ("We accept TRICARE. TRICARE may also cover family sessions.",
      {"payment.military_insurance": True}),
     ("We accept Medicaid, Medicare and Blue Cross. We hope to add Aetna next year.",
      {"payment.private_insurance": True}),
     ("We don't offer residential treatment, so clients live at home and attend groups Monday,"
      " Wednesday and Thursday evenings from 6 to 9.",
      {"schedule.evening": True, "schedule.hours_per_week": 9}),
     ("Groups do not meet in the evening, except Tuesday's 6 pm relapse-prevention group.",
      {"schedule.evening": None}),
     ("Family groups do not meet in the evening.", {"schedule.evening": None}),
     ("Groups do not meet in the evening this month because of the holidays.",
      {"schedule.evening": None}),
     ("We teach DBT skills, and our groups are held at the YMCA on Elm Street.",
      {"therapies.dbt": True}),
     ("Counselors teach relapse prevention at the high school as part of our school-based IOP.",
      {"therapies.group_relapse_prevention": True}),
     ("Clients who get buprenorphine from our doctor are welcome in every group.",
      {"medications.mat_accepts_outside_prescriptions": None}),
     ("Patients enrolled in the OTP here may also join our IOP.",
      {"medications.mat_accepts_outside_prescriptions": None}),
     ("Our unit does not provide medical detox.", {"detox.detox_onsite": False}),
     ("IOP is not currently offered in Spanish.", {"levels_of_care.iop": None}),
     ("We do not offer IOP in languages other than English.", {"levels_of_care.iop": None}),
     ("The course is 8 sessions, one a week, for family members.",
      {"schedule.program_weeks": None}),
     ("Al-Anon \u2022 Thursdays 7 pm \u2022 via Zoom", {"access.telehealth": None}),
     ("We accept cash donations at the front desk.", {"payment.self_pay": None}),
     ("The county pays through Harbor Fund, which is a small, independent, nonprofit trust.",
      {"ownership": None}),
     ("In 2015 we opened our Orofino IOP after the hospital's program closed.",
      {"levels_of_care.iop": True}),
     ("If appropriate, we may start you on buprenorphine at your first visit.",
      {"medications.mat_buprenorphine": True})],
)  # fmt: skip
def test_what_the_review_of_the_seventy_fifth_sets_rules_found(text: str, facts: dict) -> None:
    read = read_text(text, crawl_date=CRAWLED).facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("text", "days", "as_of"),
    [("No waitlist for our evening IOP; the day IOP has a 3-week wait.", None, None),
     ("6/8/10-week tracks: 2 open seats.", None, date(2026, 12, 7)),
     ("Accepting new clients, including those stepping down from inpatient care.", None, None)],
)  # fmt: skip
def test_the_reviews_openings_read_as_said(text: str, days, as_of) -> None:
    (statement,) = read_text(text, crawl_date=date(2026, 12, 7)).availability
    assert statement.days_to_intake == days
    assert as_of is None or statement.as_of == as_of


def test_a_yearless_change_date_is_not_the_pages_date() -> None:
    html = (
        "<html><body><main><h1>Our IOP</h1><p>As of Nov 1, we no longer accept Ambetter.</p>"
        "<p>We are accepting new clients.</p></main></body></html>"
    )
    (statement,) = read_html(html, crawl_date=date(2026, 12, 7)).availability
    assert statement.as_of == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("html", "facts"),
    [("<h1>Partial Hospitalization</h1><p>Our PHP meets weekdays.</p><h1>Intensive Outpatient"
      "</h1><h2>Schedule</h2><p>Groups meet Monday, Wednesday and Thursday, 6-9 pm, with music"
      " therapy.</p>", {"schedule.evening": True, "therapies.music_therapy": True}),
     ("<h1>Mobile Unit</h1><p>Our IOP is delivered from our mobile unit; groups meet in the unit"
      " Monday through Thursday, 6-9 pm.</p>", {"levels_of_care.iop": True}),
     ("<h1>Our IOP</h1><h2>Morning cohort</h2><p>Saturday, 9:00 a.m.-12:00 p.m.</p>",
      {"schedule.weekend": True}),
     ("<h1>Our IOP</h1><table><tr><td>Phase 1</td><td>Monday-Thursday</td><td>9-12</td>"
      "<td>6 weeks</td></tr><tr><td>Phase 2</td><td>Aftercare, Tuesday evenings</td>"
      "<td>6:00-7:30 pm</td><td>12 weeks</td></tr></table>", {"schedule.program_weeks": None}),
     ("<h1>Our IOP</h1><h2>Our phases</h2><table><tr><td>Phase 1</td><td>Mon, Tue, Thu</td>"
      "<td>9-12</td><td>4 weeks</td></tr><tr><td>Phase 2</td><td>Mon, Thu</td><td>9-12</td>"
      "<td>4 weeks</td></tr></table><h2>Phases at a glance</h2><table><tr><td>Phase 1</td>"
      "<td>Mon, Tue, Thu</td><td>9-12</td><td>4 weeks</td></tr><tr><td>Phase 2</td>"
      "<td>Mon, Thu</td><td>9-12</td><td>4 weeks</td></tr></table>",
      {"schedule.program_weeks": None})],
)  # fmt: skip
def test_the_reviews_pages_read_as_said(html: str, facts: dict) -> None:
    page = f"<html><body><main>{html}</main></body></html>"
    read = read_html(page, crawl_date=CRAWLED, url="https://x.example/iop").facts
    assert {path: read.get(path) for path in facts} == facts


@pytest.mark.parametrize(
    ("markup", "kind"),
    [
        # a builder marking every page an Article (Ghost's pages): a publisher and a name only
        ({"@type": "Article", "name": "How our evening IOP works",
          "publisher": {"@type": "Organization", "name": "Fish River Recovery Center"}},
         PageKind.PROGRAM),
        # a post: its markup dates it or names who wrote it
        ({"@type": "Article", "name": "Snowshoe season", "datePublished": "2025-12-04"},
         PageKind.ARTICLE),
        ({"@type": "Article", "name": "Snowshoe season",
          "author": {"@type": "Person", "name": "Anne Roy"}}, PageKind.ARTICLE),
        ({"@type": "BlogPosting", "name": "Snowshoe season"}, PageKind.ARTICLE),
    ],
)  # fmt: skip
def test_an_article_is_a_dated_or_signed_post_not_every_page_a_builder_marks_one(
    markup: dict, kind: PageKind
) -> None:
    script = json.dumps({"@context": "https://schema.org", **markup})
    html = (
        f'<html><head><script type="application/ld+json">{script}</script></head><body>'
        "<h1>How our evening IOP works</h1><p>Groups meet three evenings a week.</p></body></html>"
    )
    assert page_kind(lxml.html.fromstring(html), "https://fishriver.example/iop/") is kind


def test_a_listed_posts_date_is_not_the_pages() -> None:
    """A home page's list of posts dates each post, not the page's news: its announcement holds
    as of the crawl, while a post's own byline dates it."""
    bar = (
        "<div class='gh-announcement-bar'><p>Referrals are open for our next IOP cohort.</p></div>"
    )
    listed = (
        f"<html><body>{bar}<main><article class='post-card'><h2>December update</h2>"
        "<time datetime='2026-02-01'>1 Feb 2026</time></article></main></body></html>"
    )
    assert read_html(listed, crawl_date=CRAWLED).availability[0].as_of == CRAWLED
    byline = (
        f"<html><body>{bar}<main><div class='article-byline'><time datetime='2026-02-01'>"
        "1 Feb 2026</time></div></main></body></html>"
    )
    assert read_html(byline, crawl_date=CRAWLED).availability[0].as_of == date(2026, 2, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Over 200%: Full charge",
        "Above 200% of poverty: full amount",
        "Income over $60,000: full charges apply.",
    ],
)
def test_a_fee_tables_full_charge_is_no_full_program(text: str) -> None:
    assert read_text(text, crawl_date=CRAWLED).availability == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One day we'd like to offer a daytime group for people who work nights at the mill.", {}),
        ("Wish they had a methadone program here so we didn't have to drive to Sioux Falls.", {}),
        ("The nearest methadone clinic is in Presque Isle, about an hour south.", {}),
        ("For naltrexone, we'll refer you to your primary care provider.", {}),
        ("Methadone is available from the opioid treatment program in Richmond.", {}),
        # what the program gives beside another's stays its own
        ("Buprenorphine is available from our nurse practitioner.",
         {"medications.mat_buprenorphine": True}),
        ("Our nurse practitioner prescribes buprenorphine; the nearest methadone clinic is in"
         " Bangor.", {"medications.mat_buprenorphine": True}),
        ("For buprenorphine, our nurse practitioner sees you in the clinic.",
         {"medications.mat_buprenorphine": True}),
    ],
)  # fmt: skip
def test_wishes_and_anothers_medications_state_nothing_of_the_program(
    text: str, expected: dict
) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("Clients attend for a minimum of 8 weeks; most attend 10 to 14 weeks.", 14),
        ("IOP runs a minimum of 6 weeks and typically 8 to 10 weeks.", 10),
        ("Clients attend for a minimum of 8 weeks.", 8),
    ],
)
def test_a_programs_length_is_its_usual_stay_past_a_minimum(text: str, weeks: int) -> None:
    assert facts(text).get("schedule.program_weeks") == weeks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flu and COVID shots: walk-in vaccine clinic at the Medical Center lobby, Tuesdays"
         " 2\u20136 p.m. through December.", {}),
        ("Walk-in lab draws Monday through Friday.", {}),
        ("Collaborative care office: Monday-Friday 8 a.m. to 5 p.m.",
         {"schedule.opening_hours": ["Mo-Fr 08:00-17:00"]}),
        ("Walk-ins welcome Monday through Friday.", {"intake.walk_in": True}),
    ],
)  # fmt: skip
def test_another_services_walk_ins_and_hours_are_not_the_programs(
    text: str, expected: dict
) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Admiralty Inlet Health is Public Hospital District No. 3 of Jefferson County, a"
         " municipal corporation governed by five elected commissioners.",
         {"ownership": Ownership.PUBLIC_LOCAL}),
        ("The nearest hospital is Valley Health, a public hospital district.", {}),
        ("Methadone can only be dispensed by a federally certified opioid treatment program, and"
         " we are not one.",
         {"medications.otp_certified": False, "medications.mat_methadone": False}),
        ("Admiralty Inlet Health has no residential treatment beds.",
         {"levels_of_care.residential": False}),
        ("Residential treatment beds are available today.", {}),
        ("Joint Commission accreditation in progress.", {}),
        ("We are working toward CARF accreditation.", {}),
        ("We are accredited by CARF.", {"accreditations": ["CARF"]}),
        ("If you're sick or snowed in, your counselor can check in with you by video.", {}),
        ("You can attend up to two IOP groups a month by Zoom if you're sick or traveling, and"
         " individual sessions can be done by telehealth.",
         {"levels_of_care.iop": True, "therapies.individual_therapy": True,
          "access.telehealth": True}),
        ("Individual sessions are available by video.",
         {"therapies.individual_therapy": True, "access.telehealth": True}),
        ("Clients who live in Tennessee and can't make the drive can join the Evening IOP by"
         " secure video.",
         {"levels_of_care.iop": True, "schedule.evening": True, "access.telehealth": True}),
        ("We can't offer an evening IOP right now.", {"schedule.evening": False}),
        ("We work with area doctors who prescribe Suboxone and Vivitrol, and clients on these"
         " medicines are welcome in all of our groups.", {}),
        ("Our doctors prescribe Suboxone.", {"medications.mat_buprenorphine": True}),
    ],
)  # fmt: skip
def test_what_the_seventy_seventh_set_showed_is_read_as_said(text: str, expected: dict) -> None:
    assert facts(text) == expected


def test_a_programs_full_month_is_no_opening() -> None:
    statement = availability("We're full for December. Openings expected in January.")
    assert (statement.statement, statement.accepting_new_patients) == (
        "We're full for December.",
        False,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/10/2009 - Our new Saturday morning IOP group starts May 2.", {}),
        ("March 3, 2020: All groups are on Zoom for now.", {}),
        ("10/14/2026 - Our IOP meets three evenings a week.",
         {"levels_of_care.iop": True, "schedule.evening": True}),
    ],
)  # fmt: skip
def test_a_logs_entry_of_years_ago_is_history(text: str, expected: dict) -> None:
    logged = read_text(["What's New", text], crawl_date=date(2026, 12, 7), headings=[1, 0])
    assert logged.facts == expected
    # (a dated line elsewhere says what it says: "10/15/2024 - CARF awarded us accreditation")
    said = read_text(
        "10/15/2024 - CARF awarded us a three-year accreditation.", crawl_date=date(2026, 12, 7)
    )
    assert said.facts == {"accreditations": ["CARF"]}


@pytest.mark.parametrize(
    ("text", "daytime"),
    [
        ("Family Program: Four Saturday morning sessions (9 - noon) for family members of"
         " clients, held every other month.", None),
        # (a family group clients attend is theirs)
        ("A Saturday family group meets from 10 a.m. to noon.", True),
        ("Groups meet Tue and Thu 10 a.m.-1 p.m. and family group meets Wednesday 5-7 p.m.",
         True),
        ("IOP groups meet 9 a.m. to noon, Monday through Thursday; family group Wednesday 6-8"
         " p.m.", True),
    ],
)  # fmt: skip
def test_sessions_for_a_clients_family_are_no_daytime_group_of_the_clients(
    text: str, daytime
) -> None:
    assert facts(text).get("schedule.daytime") is daytime


def test_tracks_of_different_lengths_give_the_longest_and_a_leads_count_no_days() -> None:
    table = (
        "<html><body><main><h1>Programs</h1><table><tr><th>Track</th><th>Days</th><th>Hours</th>"
        "<th>Typical length</th></tr>"
        "<tr><td>IOP Plus</td><td>Monday \u2013 Friday</td><td>9:00 AM \u2013 noon</td>"
        "<td>4 weeks, then step down</td></tr>"
        "<tr><td>Evening IOP</td><td>Monday, Tuesday, Thursday</td><td>6:00 \u2013 9:00 PM</td>"
        "<td>8 weeks</td></tr></table></main></body></html>"
    )
    read = read_html(table, crawl_date=CRAWLED).facts
    assert (read["schedule.program_weeks"], read["schedule.hours_per_week"]) == (8, 15)
    said = (
        "Our IOP meets three nights a week: Monday 6 p.m. \u2013 9 p.m; Tuesday 6 p.m. \u2013 9"
        " p.m; Thursday 6 p.m. \u2013 9 p.m."
    )
    assert facts(said)["schedule.hours_per_week"] == 9


def test_an_events_date_to_come_is_not_the_pages_and_a_social_feed_says_nothing() -> None:
    bar = "<div class='sqs-announcement-bar'><p>No waitlist right now.</p></div>"
    calendar = (
        f"<html><body>{bar}<main><h1>Calendar</h1><ul class='eventlist-meta'><li><time"
        f" datetime='2026-03-20'>March 20</time></li></ul></main></body></html>"
    )
    assert read_html(calendar, crawl_date=CRAWLED).availability[0].as_of == CRAWLED
    feed = (
        "<html><body><main><h1>Welcome</h1><div id='sb_instagram' class='sbi'><p"
        " class='sbi_caption'>Saturday sunrise yoga at the beach was a hit!</p></div>"
        "</main></body></html>"
    )
    assert read_html(feed, crawl_date=CRAWLED).facts == {}


def test_times_under_a_group_hours_heading_are_the_groups() -> None:
    read = read_text(
        ["IOP group hours", "Tuesday, Wednesday, Thursday: 9:30 a.m. \u2013 12:30 p.m."],
        crawl_date=CRAWLED,
        headings=[3, 0],
    )
    assert (read.facts.get("schedule.daytime"), read.facts.get("schedule.hours_per_week")) == (
        True,
        9,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We're full of gratitude for our alumni.", {}),
        ("If you\u2019d like to join, our evening IOP accepts Medicaid.",
         {"levels_of_care.iop": True, "schedule.evening": True, "payment.medicaid": True}),
        ("Parents who wish they could be more involved can join our family program.",
         {"therapies.family_therapy": True}),
        ("We are CARF accredited and working toward Joint Commission accreditation.",
         {"accreditations": ["CARF"]}),
        ("Vivitrol injections are available from the clinic nurse.",
         {"medications.mat_naltrexone": True}),
        ("Suboxone is available from the same providers who run your groups.",
         {"medications.mat_buprenorphine": True}),
        ("Unlike other providers who offer only groups, we prescribe Suboxone and Vivitrol.",
         {"medications.mat_buprenorphine": True, "medications.mat_naltrexone": True}),
        ("Your clinicians provide individual therapy, family therapy and Suboxone.",
         {"therapies.individual_therapy": True, "therapies.family_therapy": True,
          "medications.mat_buprenorphine": True}),
        ("The closest Suboxone prescriber for many clients is at our Main Street clinic.",
         {"medications.mat_buprenorphine": True}),
        ("Clients attend IOP for a minimum of 6 weeks, followed by 6 months of continuing care.",
         {"levels_of_care.iop": True, "schedule.program_weeks": 6}),
        ("IOP is a minimum of 8 weeks, then clients step down to a weekly aftercare group for 12"
         " weeks.", {"levels_of_care.iop": True, "schedule.program_weeks": 8}),
        ("Morning IOP for parents of young children: Monday\u2013Thursday, 9 a.m.\u2013noon,"
         " while kids are at school.",
         {"levels_of_care.iop": True, "schedule.daytime": True, "schedule.hours_per_week": 12}),
        ("Our IOP is available by telehealth, and your counselor will check in with you weekly.",
         {"levels_of_care.iop": True, "access.telehealth": True}),
        ("Walk-in medical evaluations for IOP admission are available every weekday morning.",
         {"levels_of_care.iop": True, "intake.walk_in": True}),
        ("Office hours (no shots on Fridays): Monday\u2013Friday 8 a.m.\u20135 p.m.",
         {"schedule.opening_hours": ["Mo-Fr 08:00-17:00"]}),
        ("Our partner Jefferson Healthcare is a public hospital district.", {}),
    ],
)  # fmt: skip
def test_what_a_review_of_the_seventy_seventh_sets_rules_found_read_wrongly(
    text: str, expected: dict
) -> None:
    assert facts(text) == expected


def test_the_longest_track_is_no_aftercare_and_a_post_info_widget_dates_the_page() -> None:
    read = read_text(
        ["IOP schedule", "Evening IOP: Monday, Tuesday, Thursday; 6:00 - 9:00 PM; 8 weeks",
         "Aftercare track: Tuesday; 6:00 - 7:30 PM; 26 weeks"],
        crawl_date=CRAWLED, headings=[2, 0, 0],
    )  # fmt: skip
    assert read.facts["schedule.program_weeks"] == 8
    widget = (
        "<html><body><main><div class='elementor-widget elementor-widget-post-info'><time"
        " datetime='2025-03-01'>March 1, 2025</time></div><p>We have openings in our evening"
        " IOP.</p></main></body></html>"
    )
    assert read_html(widget, crawl_date=date(2026, 12, 7)).availability[0].as_of == date(2025, 3, 1)
