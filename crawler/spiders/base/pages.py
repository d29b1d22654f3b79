"""One fetched page of a program's website, read; and a program's pages turned into facts.

A page gives three kinds of facts, trusted in this order when pages are combined:
schema.org markup (name, address, coordinates, phone, hours), the page's own contact details
(phone numbers written or linked, ``<address>``, ``og:site_name``) for sites without markup,
and what its prose states (:mod:`crawler.prose`). Opening hours that run into the evening or
the weekend say so only when the prose has not said otherwise.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from crawler.prose import PageReading, merge_readings, numbers, read_html, read_text
from crawler.prose.merge import MergedReading
from crawler.prose.page import other_offices_lines, other_programs_text, without_struck_out
from crawler.prose.vocabulary import HEDGE, US_STATES
from crawler.resolve.keys import STREET_SUFFIXES, words
from crawler.spiders.base import schema_org
from crawler.spiders.base.identity import (
    STATE,
    STREET_KIND,
    STREET_SIDES,
    TOWN_STATE_ALONE,
    TOWN_STATE_ZIP,
    PageNames,
    SeenAddress,
    address_key,
    addresses_in,
    lines_by_place,
    mapped_addresses,
    numbers_together,
    page_names,
    seen_addresses,
    seen_phones,
    site_name,
    vcards_written_out,
)
from iop.facility import Ownership, Phone
from iop.phones import WRITTEN_NANP
from iop.phones import ten_digits as written_ten_digits

# Numbers on nearly every page that are not the program's: crisis and national helplines.
HELPLINES = {"988", "911", "8006624357", "8002738255"}


@dataclass
class PageRecord:
    url: str
    entities: list[dict[str, Any]] = field(default_factory=list)  # facts of each entity
    contact: dict[str, Any] = field(default_factory=dict)  # its phone numbers, <address>
    reading: PageReading = field(default_factory=PageReading)
    seen: list[SeenAddress] = field(default_factory=list)  # every address in its text
    names: PageNames = field(default_factory=lambda: PageNames(None, (), None, None))
    parent_marked: bool = False  # it carries a hospital's or an agency's markup
    # Who runs it, as a government's markup on it names the government (see
    # schema_org.government_owner).
    marked_owner: tuple[Ownership, str] | None = None
    links: frozenset[str] = frozenset()  # the paths of the same-site pages it links to
    shown_numbers: frozenset[str] = frozenset()  # every phone number its text shows (10 digits)
    content_numbers: frozenset[str] = frozenset()  # those its content shows, not its chrome
    content: str = ""  # its content's text (not its header's, footer's or menus')
    # It speaks of addiction care (the IOP, substance use): a parent's page about paying or
    # getting in that does is its program's too.
    about_addiction: bool = False
    # It says it holds for all the organisation's care ("All Coosa Valley Health hospitals,
    # clinics and outpatient programs accept the plans below").
    for_all_its_care: bool = False
    # The phone numbers each of its blocks of text gives together ("Call ... or text ...").
    numbers_together: list[frozenset[str]] = field(default_factory=list)
    # The lines a list of places on it gives each place (see identity.lines_by_place).
    lines_by_place: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # The addresses its maps and directions links give (see identity.mapped_addresses).
    mapped: list[SeenAddress] = field(default_factory=list)
    # How its content names streets, without a town ("meets at 57 Ash St"): see street_start.
    streets_named: frozenset[str] = frozenset()
    # The streets its content names the IOP's office by, without a number ("groups are held at
    # our Main Street location"): see street_name.
    offices_by_street: frozenset[str] = frozenset()
    # The towns its content names with a state and a ZIP code ("San Luis, AZ 85349"): a list of
    # clinics gives some only so, without a street.
    towns_named: frozenset[str] = frozenset()
    # The names its text says the program had ("formerly known as Three Rivers Recovery
    # Services, has ..."), lowercased, each up to its punctuation.
    formerly: frozenset[str] = frozenset()

    @functools.cached_property
    def flat_content(self) -> str:
        """Its content with each run of whitespace one space: where a sentence a fact was read
        from is found again (once per page, not once per fact)."""
        return " ".join(self.content.split())

    @property
    def depth(self) -> int:
        return self.url.split("://", 1)[-1].rstrip("/").count("/")


def page_record(
    html: str,
    url: str,
    crawl_date: date,
    entities: list[dict[str, Any]],
    parent_marked: bool = False,
    marked_owner: tuple[Ownership, str] | None = None,
    not_the_programs: frozenset[str] | set[str] = frozenset(),
) -> PageRecord:
    """A page as the site's reader keeps it; ``not_the_programs``: numbers its markup gives as
    people's lines (a physician's office)."""
    html = vcards_written_out(without_struck_out(html))
    reading = read_html(html, crawl_date=crawl_date, url=url)
    root = lxml.html.fromstring(html)
    body = root.find("body")
    text_root = body if body is not None else root
    # (a strip of other programs' cards gives their lines: "Tybee Detox Center ... 24/7
    # admissions: (912) 555-0102")
    strips = other_programs_text(text_root)
    others = {ten_digits(found.group(0)) for found in WRITTEN_NANP.finditer(strips)}
    # (and a table of offices gives the lines of the offices that do not run the IOP)
    others |= other_offices_lines(text_root)
    contact = contact_facts(html, not_the_programs, others)
    record = PageRecord(url, entities, contact, reading, seen_addresses(text_root))
    record.names = page_names(root)
    record.mapped = mapped_addresses(text_root)
    record.parent_marked = parent_marked
    record.marked_owner = marked_owner
    record.links = linked_paths(root, url)
    record.lines_by_place = lines_by_place(text_root)
    record.numbers_together = numbers_together(text_root)
    texts = _content_texts(text_root)
    content = " ".join(texts)
    record.content = content
    record.about_addiction = bool(ADDICTION_CARE.search(content))
    record.for_all_its_care = bool(ALL_ITS_CARE.search(content))
    record.streets_named = frozenset(
        street_start(found.group(0))
        for found in STREET_START.finditer(content)
        if not LEFT_BEHIND.search(content[max(0, found.start() - 30) : found.start()])
    )
    record.offices_by_street = frozenset(
        street_name(found.group(1) or found.group(2))
        for text in texts  # (each apart: a heading does not run into the sentence under it)
        for found in OFFICE_BY_ITS_STREET.finditer(text)
    )
    # (each text apart: a card's heading, "San Luis Clinic", is not the town's)
    record.towns_named = frozenset(
        found.group(1) for text in texts for found in TOWN_STATE_ZIP.finditer(text)
    ) | frozenset(
        found.group(1)
        for cell in text_root.xpath(".//td")
        if (found := TOWN_STATE_ALONE.fullmatch(cell.text_content()))
        # (a row of a list of the organisation's places: "Capon Bridge Health Center | Capon
        # Bridge, WV", not of towns it serves or its partners)
        and A_PLACE_OF_CARE.search(" ".join(cell.getparent().itertext()))
    )
    everything = " ".join(text_root.xpath(".//text()[not(ancestor::script or ancestor::style)]"))
    record.formerly = frozenset(_former_names(everything))
    shown = seen_phones(text_root)
    linked = [_digits(href) for href in root.xpath("//a[starts-with(@href, 'tel:')]/@href")]
    record.shown_numbers = frozenset(
        ten_digits(number)
        for number in (*shown.main, *shown.chrome, *shown.not_the_programs, *linked)
    )
    record.content_numbers = frozenset(ten_digits(number) for number in shown.main)
    return record


# What comes before a name the program had: "formerly known as", "(formerly ...".
FORMERLY = re.compile(r"\b(?:formerly|previously)(?:\s+(?:known as|called|named))?\W+", re.I)
ONE_NAMES_END = re.compile(r"[,.;:()!?\u2013\u2014]|\s-\s")
# A name the program had, before what it is now called: "Halifax Recovery Associates is now
# Chockoyotte Creek Recovery" (not "... is now In-Network with Aetna", "... is now CARF
# Accredited", "... is now Open in Rocky Mount").
NOW_CALLED = re.compile(
    r"\b((?:[A-Z][\w&'\u2019-]*\s+){0,5}[A-Z][\w&'\u2019-]*)\s+"
    r"(?:is now(?: (?:known as|called|named))?|has been renamed(?: to)?|has a new name:?)\s+"
    r"((?:[A-Z][\w&'\u2019-]*\s+){1,5}[A-Z][\w&'\u2019-]*)"
)
# Words of a new status, not a new name, after "is now".
NOT_A_NEW_NAME = re.compile(
    r"\b(?:in[- ]network|network|open|opened|accredited|certified|approved|available|accepting"
    r"|enrolling|offering|licensed|medicaid|medicare|carf|joint|commission|first|serving|part"
    r"|located|closed|full|a|an|the|our)\b",
    re.I,
)


def _former_names(text: str) -> set[str]:
    """The names a text says the program had: "formerly known as X", "X is now Y"."""
    formerly = {
        " ".join(words(ONE_NAMES_END.split(text[found.end() : found.end() + 80])[0]))
        for found in FORMERLY.finditer(text)
    }
    renamed = {
        " ".join(words(found.group(1)))
        for found in NOW_CALLED.finditer(text)
        if not NOT_A_NEW_NAME.search(found.group(2))
        and words(found.group(1)) != words(found.group(2))
    }
    return formerly | renamed


def _former_names_of(pages: list[PageRecord]) -> set[str]:
    """The names the site says the program had (its pages' "formerly ...", "X is now Y"), not
    the name it goes by (its title's, its heading's)."""
    formerly = {former for page in pages for former in page.formerly}
    if not formerly:
        return formerly
    return formerly - {" ".join(words(site_name([page.names for page in pages]) or ""))}


def _a_former_name(name: str, former_names: set[str]) -> bool:
    """Whether ``name`` is one the site says the program had (markup kept the old one)."""
    said = " ".join(words(name))
    return bool(said) and said in former_names


def without_former_names(pages: list[PageRecord]) -> list[PageRecord]:
    """The pages without the markup entities that name the program by a name the site says
    it had: markup kept from before a new name keeps the old address and lines too."""
    former_names = _former_names_of(pages)
    if not former_names:
        return pages

    def current(facts: dict[str, Any]) -> bool:
        return not (facts.get("name") and _a_former_name(str(facts["name"]), former_names))

    return [
        page
        if all(map(current, page.entities))
        else replace(page, entities=[facts for facts in page.entities if current(facts)])
        for page in pages
    ]


# Where a call-tracking script swaps the number a button shows: its markers, a button's class.
TRACKING_MARKS = re.compile(r"callrail|call-?tracking|\bctm\b|invoca|swap|\bbtn\b|button|cta", re.I)


def _a_call_button(link: Any) -> bool:
    """A link that is a call button (in the header, or marked as a button or for a tracking
    script), not a number in the page's text."""
    marks = " ".join(f"{name} {value}" for name, value in link.attrib.items() if name != "href")
    in_header = bool(link.xpath("ancestor::header"))
    return in_header or bool(TRACKING_MARKS.search(marks))


def linked_paths(root: Any, url: str) -> frozenset[str]:
    """The paths of the pages on the same site a page links to (``/216/iop`` as ``/216/iop``,
    ``/services/`` as ``/services``)."""
    site = urlsplit(url).netloc
    paths = set()
    for href in root.xpath("//a/@href"):
        target = urlsplit(urljoin(url, href.strip()))
        if target.scheme in ("http", "https") and target.netloc == site:
            paths.add(page_path(target.path))
    return frozenset(paths)


def page_path(path: str) -> str:
    return path.rstrip("/") or "/"


def text_addresses(html: str) -> list[dict[str, Any]]:
    """Each postal address written in an ``<address>`` element, as address facts."""
    root = lxml.html.fromstring(html)
    found = []
    for block in root.xpath("//address"):
        found += addresses_in(address_line(block))[:1]
    return found


def address_line(block: Any) -> str:
    """An ``<address>`` as one line, its lines (``<br>``) joined by commas."""
    for br in block.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()).strip(" ,") for line in block.text_content().split("\n")]
    return ", ".join(line for line in lines if line)


def contact_facts(
    html: str,
    not_the_programs: frozenset[str] | set[str] = frozenset(),
    other_programs: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Any]:
    """A page's name, phones and address as its markup and text give them. ``not_the_programs``:
    people's lines its markup gives (the program's only where it has no other);
    ``other_programs``: other programs' lines (a related program's card), never the program's."""
    root = lxml.html.fromstring(html)
    facts: dict[str, Any] = {}
    name = root.xpath("string(//meta[@property='og:site_name']/@content)").strip()
    if name:
        facts["name"] = name
    # (a practice marked up as its physician: the person's line is then the program's only one)
    numbers = program_lines(root, {*not_the_programs, *other_programs})
    if not numbers and not_the_programs:
        numbers = program_lines(root, other_programs)
    if numbers:
        facts["phones"] = [Phone.model_construct(number=n) for n in numbers]  # raw: pipelines
    addresses = text_addresses(html)
    if len(addresses) == 1:  # a page listing several places has no address of its own
        facts.update(addresses[0])
    return {path: value for path, value in facts.items() if value}


# At most this many of a page's numbers are a program's lines (an office line, an intake line).
MAX_PHONES = 3


def program_lines(
    root: Any, not_the_programs: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """The program's phone numbers on a page: those in its own content (a program's card in a
    hospital's sidebar too) before the header's and footer's (a hospital's switchboard), from
    ``tel:`` links and from the text; never a fax, a crisis line or a helpline, and none from
    a page that lists several places' numbers."""
    body = root.find("body")
    written = seen_phones(body if body is not None else root)
    # A link whose words are no number ("Call us") counts where it stands (one showing another
    # number dials a tracking line: the shown one is the program's).
    in_content = [
        link.get("href", "")
        for link in root.xpath(
            "//a[starts-with(@href, 'tel:')][not(ancestor::header or ancestor::footer"
            " or ancestor::nav)]"
        )
        if not WRITTEN_NANP.search(link.text_content() or "")
    ]
    everywhere = root.xpath("//a[starts-with(@href, 'tel:')]/@href")
    written_anywhere = {*written.main, *written.chrome}
    swapped = _tracking_numbers_shown(root, written_anywhere)
    unwritten = [n for n in map(_digits, in_content) if n[-10:] not in written_anywhere]
    main = [n for n in [*written.main, *unwritten] if n[-10:] not in not_the_programs]
    listed = set()
    if len(set(main)) > MAX_PHONES:
        # A list of offices, or of other agencies: none of them is this page's program's.
        listed = {n[-10:] for n in main} - set(written.chrome)
        main = []
    # A number the footer gives too is the site's: a hospital's switchboard beside the
    # program's own lines, or, alone, a small program's one line.
    own = [n for n in main if n[-10:] not in written.chrome]
    chrome = [*written.chrome, *map(_digits, everywhere)]
    numbers: list[str] = []
    for number in own or main or [n for n in chrome if n[-10:] not in listed]:
        number = number[-10:]
        if (
            len(number) == 10
            and number not in HELPLINES
            and number not in written.not_the_programs
            and number not in not_the_programs
            and number not in swapped
            and number not in numbers
        ):
            numbers.append(number)
    return numbers[:MAX_PHONES]


def _tracking_numbers_shown(root: Any, written: set[str]) -> set[str]:
    """Numbers a call-tracking script shows in place of the line a link dials: "Call (734)
    555-0119" linking to ``tel:+17345550114``, where the page writes 555-0114 elsewhere (its
    footer's office line). Where the link's own number is written nowhere else, it is the
    shown one that stands, and the link is the tracking number (see :func:`program_lines`)."""
    shown = set()
    for link in root.xpath("//a[starts-with(@href, 'tel:')]"):
        if not _a_call_button(link):
            continue  # a line in the text, linked to another: both the site's word
        dialled = written_ten_digits(link.get("href", ""))
        for found in WRITTEN_NANP.finditer(link.text_content() or ""):
            number = written_ten_digits(found.group(0))
            if number != dialled and dialled in written:
                shown.add(number)
    return shown


def _digits(href: str) -> str:
    return re.sub(r"\D", "", href)


# Facts a sentence states by naming another place as where it sends clients: "We arrange
# admission to medical detox at our San Antonio campus" is this place's referral.
REFERRALS = ("detox.detox_referral", "medications.mat_accepts_outside_prescriptions")


def _lines_in_its_content(page: PageRecord) -> bool:
    """Whether a program page's lines are in its content, not only in its header or footer."""
    lines = {ten_digits(phone) for phone in page.contact.get("phones") or []}
    return page.reading.kind == "program" and bool(lines & page.content_numbers)


def of_elsewhere(here: str, elsewhere: tuple[str, ...]) -> Callable[[str], bool] | None:
    """Whether a text names another of the site's locations (their towns) and not this one;
    ``None`` where the site has no other."""
    others = [town for town in elsewhere if town and town.lower() != here.lower()]
    if not others:
        return None
    # Town names as written, capitalised: "Mission" the town, not "our mission"; nor a county
    # of the same name ("serving Gunnison, Moffat and Rio Blanco counties").
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(town) for town in others) + r")\b")
    return lambda text: bool(pattern.search(COUNTIES.sub(" ", text))) and not _names(here, text)


# Counties named, one or a list of them: "Gunnison County", "Gunnison, Moffat and Rio Blanco
# counties".
A_COUNTYS_NAME = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?"
COUNTIES = re.compile(
    rf"\b(?:{A_COUNTYS_NAME}(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+))*{A_COUNTYS_NAME}"
    r"\s+(?i:counties|county|parish(?:es)?)\b"
)


def _above(page: PageRecord, program: PageRecord, *, one_of_several: bool) -> bool:
    """Whether a page is the page of a folder the program's page is in (a hospital's
    ``/services/behavioral-health`` above ``.../behavioral-health/pathfinder-iop``). The home
    page is above a place's page only on a site of several places (a chain's home page, not a
    single centre's, whose care it speaks of)."""
    folder = (urlsplit(page.url).path or "/").rstrip("/") + "/"
    return (
        page is not program and (folder != "/" or one_of_several) and in_folder(program.url, folder)
    )


def in_folder(url: str, folder: str | None) -> bool:
    """Whether a page is in ``folder``, its index page written either way included."""
    path = urlsplit(url).path or "/"
    return folder is not None and (path.startswith(folder) or path + "/" == folder)


# Care a department's page offers of its own: its PHP, its inpatient unit, its detox beds.
OTHER_CARE_FACTS = re.compile(
    r"^levels_of_care\.(?!iop$|outpatient$)|^detox\.detox_onsite$|^medications\.otp_certified$"
)


def _as_its_departments(reading: PageReading) -> PageReading:
    """A page above the program's (its department's, its hospital's) as it speaks for the
    program: what the department denies it denies of the program ("does not offer a partial
    hospitalization program"), but the care it offers ("Horizon Adult Partial Hospitalization
    Program", "Inpatient Psychiatry") is its own, not the program's."""
    kept = {
        path
        for path, value in reading.facts.items()
        if not (OTHER_CARE_FACTS.search(path) and value is True)
    }
    return replace(
        reading,
        facts={path: reading.facts[path] for path in kept},
        evidence={path: said for path, said in reading.evidence.items() if path in kept},
    )


def _names(town: str, text: str, any_case: bool = False) -> bool:
    """Whether a text names a town, as written (``any_case``: "KAMIAH" as stored names the
    written "Kamiah")."""
    flags = re.I if any_case else 0
    return bool(town) and bool(re.search(rf"\b{re.escape(town)}\b", text, flags))


# A day to read a part of a sentence on: its facts do not depend on the day.
ANY_DAY = date(2026, 1, 1)
# Where a sentence naming several places divides into its parts about each.
# (at a semicolon, or where a comma or an "and" begins another predicate: "a day track in
# Chanute and an evening track in Parsons", not "at our Pensacola and Gainesville IOPs")
PLACES_PARTS = re.compile(
    r"\s*(?:;|(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?=(?:a|an|the|our|its|their|we|it)\s)"
    # or after a place's own parenthesis: "Huntingdon (day track) and Tyrone (evening track)"
    r"|(?<=\))\s*,?\s+(?:and\s+)?(?=[A-Z]))\s*",
    re.I,
)
PLACES_ITEMS = re.compile(r"\s*(?:;|,\s*(?:and\s+)?|\s+and\s+)\s*", re.I)


@functools.lru_cache(maxsize=4096)
def _facts_of(part: str) -> dict[str, Any]:
    """What a part of a sentence states by itself, read once however many of its sentence's
    facts ask (see :func:`_given_only_for_another`); not to be changed by the caller."""
    return read_text(part, crawl_date=ANY_DAY).facts


def _said_of_every_place(clause: str, sentences: list[str], elsewhere: tuple[str, ...]) -> bool:
    """Whether a clause is an item of a list the page gives of every place ("What IOP
    includes: ... individual counseling"), its whole sentence naming none of them (not
    "Evening track: Mon, Tue, Thu" of a row ending "Parsons Annex"; not a sentence that goes on
    from another office's, "Those groups meet ...")."""
    said = [sentence for sentence in sentences if clause in sentence]
    return any(A_LISTS_ITEM.match(sentence) for sentence in said) and not any(
        _names(town, sentence) for sentence in said for town in elsewhere
    )


# A list's item as read with its lead: "What IOP includes: Process groups".
A_LISTS_ITEM = re.compile(r"^[^:.;]{2,60}:\s")


def _given_only_for_another(
    said: str, path: str, value: Any, here: str, elsewhere_only: Callable[[str], bool]
) -> bool:
    """Whether a sentence naming this place and another gives a fact only in its part about
    the other ("Our IOP runs a day track in Chanute and an evening track in Parsons": the
    evening is Parsons', not Chanute's)."""
    if not _names(here, said):
        return False
    parts = PLACES_PARTS.split(said)
    if len(parts) < 2:
        # (a list of places' tracks without articles, each item its own: "Day IOP in Lisbon and
        # evening IOP in Anamosa", not "IOP meets in Lisbon and Anamosa, Saturday groups ...")
        parts = PLACES_ITEMS.split(said)
        if not all(_facts_of(part) for part in parts):
            return False
    if len(parts) < 2:
        return False

    theirs = [_facts_of(part) for part in parts if elsewhere_only(part)]
    mine = [_facts_of(part) for part in parts if _names(here, part)]
    # (each place's part says something of its own: not a list of places sharing one
    # predicate, "Now offering IOP in Reno, Sparks & Carson City")
    return (
        any(mine)
        and any(facts.get(path) == value for facts in theirs)
        and not any(facts.get(path) == value for facts in mine)
    )


# A plan, not what a place does now: "an evening group at Sunnyside is planned for 2027".
A_PLAN = re.compile(HEDGE + r"|\b(?:is|are) planned\b|\bwill (?:open|begin|start|add)\b", re.I)


def _about(
    reading: PageReading, here: str, elsewhere: tuple[str, ...], listed: tuple[str, ...] = ()
) -> PageReading:
    """The page's reading without the facts it states of another of the site's locations
    (``elsewhere``: their towns), nor the hours and openings of a place it lists by town, state
    and ZIP code alone (``listed``)."""
    if listed:
        reading = _without_the_listed_places(reading, here, listed)
    reading = _without_denials_in_other_towns(reading, here)
    elsewhere_only = of_elsewhere(here, elsewhere)
    if elsewhere_only is None:
        return reading
    # Another place as where a referral sends clients, not as who refers them ("Our
    # Fredericksburg clinic refers ...").
    towns = "|".join(re.escape(town) for town in elsewhere if town)
    sent_there = re.compile(rf"\b(?:at|to|in) (?:our |the )?(?:[A-Z][\w'-]+ )?(?:{towns})\b")
    kept = PageReading(url=reading.url, conflicts=set(reading.conflicts), kind=reading.kind)
    if reading.by_appointment and not elsewhere_only(reading.by_appointment):
        kept.by_appointment = reading.by_appointment
    # A card headed with another place's name alone ("Marshfield Clinic"), not a heading that
    # only mentions it ("Moving from our Marshfield office?", "Our Mission").
    card_of_another = re.compile(
        rf"^\W*(?:the |our )?(?:{towns})(?:\s+(?:clinic|office|center|centre|campus|location"
        r"|site))?\W*$"
    )
    kept.availability = [
        statement
        for statement in reading.availability
        # "Current wait: about 10 business days" under "Marshfield Clinic" is Marshfield's
        if not elsewhere_only(statement.statement)
        # "Greencastle IOP: full. Call to join ...", unless it names this place
        and not (elsewhere_only(statement.follows) and not _names(here, statement.statement))
        and not (card_of_another.match(statement.heading) and not _names(here, statement.statement))
    ]
    # "Partial hospitalization is offered at Franklinton, not in Bogalusa": not here.
    not_here = re.compile(rf"\bnot (?:at|in) (?:our |the )?{re.escape(here)}\b") if here else None
    for path, value in reading.facts.items():
        said = reading.evidence.get(path, "")
        if value is True and not_here and not_here.search(said) and sent_there.search(said):
            kept.facts[path] = False
            kept.evidence[path] = said
            continue
        if path in REFERRALS and sent_there.search(said):
            kept.facts[path] = value  # "we arrange admission to detox at our San Antonio campus"
            kept.evidence[path] = said
            continue
        if (
            value is False
            and sent_there.search(said)
            and any(
                given.value is False and not elsewhere_only(given.clause)
                for given in reading.given.get(path, [])
            )
        ):
            # "It does not provide detox or residential care; ... a transfer to the Ironweed
            # Indianapolis center": denied here, given there
            kept.facts[path] = value
            kept.evidence[path] = said
            continue
        under = reading.headed.get(path, "")
        if path in reading.item_sources:  # each item as its own sentence said it
            sources = reading.item_sources[path]
            value = [
                item
                for item in value
                if not any(elsewhere_only(text) for text in sources.get(str(item), ("", "")))
            ]
            if not value:
                continue
        elif (
            elsewhere_only(said)
            or elsewhere_only(under)
            or _given_only_for_another(said, path, value, here, elsewhere_only)
        ):
            # "Saturday groups meet at our Lowell office", or under "Lowell", is Lowell's, and
            # "a day track in Chanute and an evening track in Parsons" gives Parsons' evening,
            # unless the page says it of this place alone too ("At Sunnyside, Self-pay: Yes",
            # then "At Toppenish, Self-pay: Yes"; "Cambridge evening IOP: waitlist about 10
            # days"), or of every place, naming none ("What IOP includes: ... individual
            # counseling"), not as a plan ("an evening group at Sunnyside is planned for 2027")
            ours = next(
                (
                    given.clause
                    for given in reading.given.get(path, [])
                    if given.value == value
                    and not any(_names(town, given.clause) for town in elsewhere)
                    and not elsewhere_only(given.heading)
                    and not A_PLAN.search(given.clause)
                    and (
                        _names(here, given.clause)
                        or _said_of_every_place(
                            given.clause, reading.stated_in.get(path, []), elsewhere
                        )
                    )
                ),
                None,
            )
            if ours is None:
                continue
            said = next((s for s in reading.stated_in.get(path, []) if ours in s), ours)
        elif (
            clauses := [g.clause for g in reading.given.get(path, []) if g.value == value]
        ) and all(elsewhere_only(clause) for clause in clauses):
            continue  # "Ottumwa day and evening IOP: accepting; Oskaloosa evening IOP: full"
        kept.facts[path] = value
        if path in reading.evidence:
            kept.evidence[path] = said
    for path in reading.conflicts:
        # What the page says both ways, once the clauses about other places are set aside.
        # (and a row of another place a table of places gives: "At Three Forks, Intensive
        # outpatient program (IOP): No", a town with no address on the site)
        values = {
            repr(given.value): (given.value, given.clause)
            for given in reading.given.get(path, [])
            if not (
                elsewhere_only(given.clause)
                or elsewhere_only(given.heading)
                or _another_places_row(given.clause, here)
            )
        }
        if len(values) == 1:
            ((value, clause),) = values.values()
            kept.conflicts.discard(path)
            kept.facts[path] = value
            kept.evidence[path] = next(
                (s for s in reading.stated_in.get(path, []) if clause in s), clause
            )
    hours = "schedule.hours_per_week"
    if hours not in kept.facts:
        # A table of each office's track ("Fall River: Day IOP; Mon-Fri; 9:00-12:00", "New
        # Bedford: Evening IOP; ..."): the page gives no one week, but this office's row does.
        ours = {
            weekly: said
            for weekly, said, _ in reading.scheduled_hours
            if weekly >= numbers.FEWEST_IOP_HOURS and not elsewhere_only(said)
        }
        if len(ours) == 1 and len(reading.scheduled_hours) > 1:
            ((weekly, said),) = ours.items()
            kept.facts[hours] = weekly
            kept.evidence[hours] = said
    return kept


# A table of places' row, as the reader writes it: "At Belgrade, Spanish: Yes" (a row's label
# and its cell, not a sentence: "At Lakeview Recovery, we offer evening groups").
A_PLACES_ROW = re.compile(r"^At ((?-i:[A-Z][\w.'-]*)(?: (?-i:[A-Z][\w.'-]*)){0,3}), [^:.]{1,80}:")


def _another_places_row(clause: str, here: str) -> bool:
    """Whether a clause is another place's row of a table of places ("At Three Forks, ...")."""
    row = A_PLACES_ROW.match(clause)
    return row is not None and bool(here) and row.group(1).casefold() != here.casefold()


# A denial of the program in a place by its name: "We do not run IOP groups in Kamiah".
DENIED_IN_A_PLACE = re.compile(
    r"\b(?:not|no|don't|do not|doesn't|does not|never)\b[^.;]{0,40}\b(?:in|at) (?:our )?"
    r"(?P<place>(?-i:[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?))",
    re.I,
)


def _without_denials_in_other_towns(reading: PageReading, here: str) -> PageReading:
    """The page's reading with what it says both ways settled where every denial is of another
    town ("Intensive Outpatient Program (IOP)" and "We do not run IOP groups in Kamiah": the
    program runs, but not in Kamiah); a denial in this place's own town stands ("IOP is not
    offered in Webster", on Webster's page)."""
    if not here:
        return reading
    settled = {}
    for path in reading.conflicts:
        given = reading.given.get(path, [])
        denials = [g for g in given if g.value is False]
        stated = [g for g in given if g.value is True]
        places = [DENIED_IN_A_PLACE.search(g.clause) for g in denials]
        if (
            stated
            and denials
            # (of another town only: not "in Kamiah or Orofino" on Orofino's page, nor a state's)
            and all(
                place
                and place["place"].rstrip(".") not in US_STATES
                and not _names(here, g.clause, any_case=True)
                for place, g in zip(places, denials, strict=True)
            )
        ):
            settled[path] = stated[0].clause
    if not settled:
        return reading
    reading = replace(reading, facts=dict(reading.facts), conflicts=set(reading.conflicts))
    reading.evidence = dict(reading.evidence)
    for path, clause in settled.items():
        reading.conflicts.discard(path)
        reading.facts[path] = True
        reading.evidence[path] = next(
            (s for s in reading.stated_in.get(path, []) if clause in s), clause
        )
    return reading


# What a place listed by its town alone is given: its hours, its openings.
LISTED_PLACES_FACTS = ("schedule.opening_hours",)


def _without_the_listed_places(
    reading: PageReading, here: str, listed: tuple[str, ...]
) -> PageReading:
    """The reading without the hours and openings a list of places gives a place it names by
    town, state and ZIP code alone ("San Luis Clinic / San Luis, AZ 85349 / Mon-Fri 7-6"), nor
    the other facts of a row naming it by town and state ("Capon Bridge Health Center | Capon
    Bridge, WV | Saturday walk-in clinic")."""
    listed_only = of_elsewhere(here, listed)
    if listed_only is None:
        return reading
    kept = replace(
        reading,
        facts=dict(reading.facts),
        evidence=dict(reading.evidence),
        availability=[s for s in reading.availability if not listed_only(s.statement)],
    )
    for path in LISTED_PLACES_FACTS:
        sources = reading.item_sources.get(path, {})
        if path not in kept.facts:
            continue
        items = [
            item
            for item in kept.facts[path]
            if not any(listed_only(text) for text in sources.get(str(item), ("", "")))
        ]
        if items:
            kept.facts[path] = items
        else:
            del kept.facts[path]
            kept.evidence.pop(path, None)
    # its row's other facts too ("Capon Bridge, WV; Saturday walk-in clinic"), not a sentence
    # naming the town ("the nearest methadone clinic is in San Angelo")
    its_place = re.compile(
        r"\b(?:" + "|".join(re.escape(town) for town in listed) + rf"),? (?:{STATE})\b"
    )
    for path in [p for p in kept.facts if p not in LISTED_PLACES_FACTS]:
        said = kept.evidence.get(path, "")
        if listed_only(said) and its_place.search(said):
            del kept.facts[path]
            kept.evidence.pop(path, None)
    return kept


def _keep_the_programs_own_hours(
    merged: MergedReading,
    standing: PageRecord | None,
    pages: list[PageRecord],
    address: tuple[str, str] | None,
) -> None:
    """Of hours that disagree on a day (the tribal clinic's "Clinic hours" in every page's
    footer, "Tidewater office hours" in the program's page's content), the ones the program's
    own page gives in its content: its own, not the whole organisation's its chrome repeats.
    Where its page gives none (a home page) and the chrome is another place's (a parent's
    footer, its address not this place's), the ones its other pages give in their content (the
    contact page's)."""
    path = "schedule.opening_hours"
    hours = merged.facts.get(path)
    if not hours or not _disagree(hours) or standing is None or len(pages) < 2:
        return
    own = [item for item in hours if _in_its_content(standing, path, item)]
    chromes = {address_key(seen.facts) for page in pages for seen in page.seen if seen.in_chrome}
    if not own and address is not None and chromes and address not in chromes:
        own = [item for item in hours if any(_in_its_content(page, path, item) for page in pages)]
    weekdays = set(numbers.DAY_ORDER[:5])
    if (
        own
        and len(own) < len(hours)
        and not _disagree(own)
        # (the week's own hours, not an exception to them: "Holiday hours: Saturday 9-11")
        and set(numbers.hours_by_day(hours)) & weekdays <= set(numbers.hours_by_day(own))
    ):
        merged.facts[path] = own


def _without_other_places_hours(
    merged: MergedReading, pages: list[PageRecord], address: tuple[str, str]
) -> None:
    """Hours a page of several places' cards gives under another place's address, on every
    page that gives them ("Campus clinic / 400 Flat River Rd ... / Hours: Monday-Friday 9-5"):
    that place's, not this one's."""
    path = "schedule.opening_hours"
    hours = merged.facts.get(path)
    if not hours:
        return
    kept = [
        item
        for item in hours
        if not all(
            _under_another_place(page, path, item, address)
            for page in pages
            if item in page.reading.facts.get(path, [])
        )
    ]
    if kept:
        merged.facts[path] = kept


def _under_another_place(
    page: PageRecord, path: str, item: object, address: tuple[str, str]
) -> bool:
    """Whether a page's content gives an item of a list fact after another place's card (its
    address with its own line after it) and before any next address, on a page whose content
    shows several places; not after an address named in passing ("Parking is free behind our
    neighbour at 400 Flat River Rd")."""
    content = page.flat_content
    starts = sorted(
        (at, key)
        for seen in page.seen
        if not seen.in_chrome
        and ((key := address_key(seen.facts)) == address or key in page.lines_by_place)
        and (at := content.find(seen.facts["address.street1"])) >= 0
    )
    said = _said_of(page, path, item)
    # (its longest part: a row's cells are said joined by colons, "Hours: Monday-Friday ...")
    at = content.find(" ".join(max(said.split(": "), key=len).split())) if said else -1
    if len(starts) < 2 or at < 0:
        return False
    before = [key for start, key in starts if start <= at]
    return bool(before) and before[-1] != address


def _over(page: PageRecord, other: PageRecord) -> bool:
    """Whether a page is over another in the site's folders ("/clinic" over "/clinic/iop")."""
    folder = urlsplit(page.url).path.rstrip("/")
    return urlsplit(other.url).path.startswith(folder + "/")


def _said_of(page: PageRecord, path: str, item: object) -> str:
    """The sentence a page gives an item of a list fact in ("" where it gives none)."""
    return page.reading.item_sources.get(path, {}).get(str(item), ("", ""))[0]


def _in_its_content(page: PageRecord, path: str, item: object) -> bool:
    """Whether a page says an item of a list fact in its own content, not its chrome."""
    said = _said_of(page, path, item)
    content = page.flat_content
    # (each part in the content: a table's row is said as its cells joined by a colon and
    # semicolons)
    parts = re.split(r": |; ", said)
    return bool(said) and all(" ".join(part.split()) in content for part in parts)


def _disagree(hours: list[str]) -> bool:
    """Whether opening hours give one day two different times."""
    by_day: dict[str, str] = {}
    for line in hours:
        for day, times in numbers.hours_by_day([line]).items():
            if by_day.setdefault(day, times) != times:
                return True
    return False


def _most_common(values: list[Any]) -> Any:
    """The value most pages give; ties go to the earliest (pages are sorted home first)."""
    counts = Counter(repr(value) for value in values)
    best = max(counts.values())
    return next(value for value in values if counts[repr(value)] == best)


@dataclass(frozen=True)
class SiteFacts:
    """What a program's pages state: its facts, the date its availability facts held (if the
    site dated them), and the sentence each fact read from prose came from, with its page."""

    facts: dict[str, Any]
    availability_as_of: date | None
    evidence: dict[str, tuple[str, str | None]]


AVAILABILITY_VALUES = (
    "availability.days_to_intake",
    "availability.accepting_new_patients",
    "availability.open_slots",
)


# What the organisation behind a site is, as its home or about page says it: each of its
# offices is owned as the organisation is ("The Tamarack County Department of Addiction
# Services runs five clinics" makes every clinic public).
ORGANIZATION_PATHS = ("ownership",)
ABOUT_PATH = re.compile(r"/about(?:[-_/.]|$)|/who-we-are", re.I)
# A fact with the sentence that stated it and the page it is on.
Stated = tuple[Any, tuple[str, str | None]]


def organization_facts(pages: list[PageRecord], home: str) -> dict[str, Stated]:
    """The organisation's facts, as its home and about pages state them (none where they
    disagree), and the plans a page of all its care says every program takes ("All Coosa Valley
    Health hospitals, clinics and programs accept the plans below"), each with its sentence and
    page."""
    speaking = [
        page
        for page in pages
        if page.reading.kind == "program"
        and (page.url == home or ABOUT_PATH.search(urlsplit(page.url).path))
    ]
    merged = merge_readings(page.reading for page in speaking)
    facts = {
        path: (merged.facts[path], merged.evidence.get(path, ("", None)))
        for path in ORGANIZATION_PATHS
        if path in merged.facts
    }
    marked = [(page.marked_owner, page.url) for page in pages if page.marked_owner]
    if "ownership" not in facts and len({owner for (owner, _), _ in marked}) == 1:
        # No page says who runs it; a government's markup on its pages does ("Clear Fork
        # County", "Bois d'Arc Nation").
        (owner, name), url = marked[0]
        facts["ownership"] = (owner, (f"GovernmentOrganization: {name}", url))
    paying = merge_readings(
        page.reading for page in pages if page.reading.kind == "program" and page.for_all_its_care
    )
    facts.update(
        (path, (value, paying.evidence.get(path, ("", None))))
        for path, value in paying.facts.items()
        if path.startswith("payment.")
    )
    return facts


# Words of addiction care: a page that says them is about it.
ADDICTION_CARE = re.compile(
    r"intensive outpatient|\biop\b|substance use|addiction|chemical dependency|\bsud\b",
    re.I,
)


# A statement of the plans all an organisation's care takes: "All Coosa Valley Health hospitals,
# clinics and outpatient programs accept the plans below" (not its pharmacies' or dentists').
ALL_ITS_CARE = re.compile(
    r"\ball (?:of )?(?:our |the )?(?:(?!pharmac|dental|retail|primary|residential)[\w.'\u2019-]+ )"
    r"{0,4}?(?:hospitals|clinics|facilities|locations|programs|services|sites|offices)\b"
    r"(?:(?!pharmac|dental|primary care|residential)[^.!?]){0,60}?"
    r"\b(?:accept|take|are in[- ]network|participate in)\b[^.!?]{0,40}"
    r"\b(?:plans?|insurance|insurers|coverage|following)\b",
    re.I,
)


# A house number and the first word of its street: "57 Ash" of "57 Ash St".
STREET_START = re.compile(r"\b(\d{1,6})\s+([A-Za-z][\w'-]*)")


# A clinic's or an office's name, in a list of places.
A_PLACE_OF_CARE = re.compile(
    r"\b(?:health (?:center|centre)|clinic|office|campus"
    r"|(?:counseling|treatment|recovery) (?:center|centre))\b",
    re.I,
)
# Words before a street the program is no longer at: "moved from 145 Lisbon St".
LEFT_BEHIND = re.compile(
    r"\b(?:from|formerly(?: at)?|previously(?: at)?|used to be at|old)\s+$", re.I
)


# An office named by its street, without a number: "our Main Street location", "the Washington
# Avenue office".
AN_OFFICE_BY_ITS_STREET = (
    r"\b(?:our|the) ((?-i:[A-Z][\w'-]*)(?: (?-i:[A-Z][\w'-]*))? (?:"
    + STREET_KIND
    + r"))\.? (?:office|location|clinic|building|site|center|centre)\b"
)
# ... named as where the IOP's groups meet: "Groups are held at our Main Street location", "our
# Main Street office, home to our intensive outpatient program" (not "our nurse practitioner sees
# IOP clients at our Washington Avenue office", "Family sessions are held at ...").
OFFICE_BY_ITS_STREET = re.compile(
    # (not another service's groups: "Parent groups meet Monday evenings at the Park Avenue
    # clinic", "DUI education groups ...")
    r"(?<!family )(?<!alumni )(?<!individual )(?<!support )(?<!parent )(?<!parents' )"
    r"(?<!women's )(?<!men's )(?<!education )(?<!aftercare )(?<!dui )(?<!grief )"
    r"\b(?:(?:iop )?groups?|iop|intensive outpatient"
    r"(?: program)?)\b[^.;]{0,40}?\b(?:are held|is held|meets?|takes? place|runs?)(?: in person)?"
    # (past the days and times they meet: "Groups meet Tuesday, Wednesday and Thursday
    # evenings, 5:00-8:00 p.m., at the Park Avenue clinic")
    r"(?:(?: on)? (?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|evenings|mornings|and|from|to"
    r"|\d{1,2}(?::\d\d)?(?:\s*[-\u2013]\s*\d{1,2}(?::\d\d)?)?|[ap]\.?m\.?),?)*"
    rf" (?:at|in) {AN_OFFICE_BY_ITS_STREET}"
    rf"|{AN_OFFICE_BY_ITS_STREET},? (?:home (?:to|of)|where) (?:our |the )?(?:iop|intensive"
    r" outpatient|groups)",
    re.I,
)


def street_name(street: str) -> str:
    """A street's name and kind, past its house number and a direction, lowercased ("main st"
    of "215 E Main St" and of "Main Street"): how an office named by its street ("our Main
    Street location") and a place's address meet."""
    said = [word.strip(".,").lower() for word in street.split()]
    named = [STREET_SUFFIXES.get(word, word) for word in said if word and not word.isdigit()]
    # (a side before or after it, where a name is left: "main st" of "N Main St", "park ave" of
    # "Park Ave SE", "broadway" of "Broadway E"; not "West St" nor "Avenue E")
    while named and named[0] in STREET_SIDES and _a_name_in(named[1:]):
        named = named[1:]
    while named and named[-1] in STREET_SIDES and _a_name_in(named[:-1]):
        named = named[:-1]
    return " ".join(named)


def _a_name_in(words: list[str]) -> bool:
    """Whether a street's words hold a name, not only sides and kinds ("st", "ave", "w")."""
    return any(word not in STREET_SIDES and word not in STREET_SUFFIXES.values() for word in words)


def street_start(street: str) -> str:
    """A street's house number and first word, lowercased ("57 ash"): how a page naming the
    street in passing ("57 Ash Street") and a place's address ("57 Ash St") meet."""
    return " ".join(street.lower().split()[:2])


def _content_texts(body: Any) -> list[str]:
    """A page's texts (each element's own) outside its menus, header and footer."""
    return body.xpath(
        ".//text()[not(ancestor::nav or ancestor::header or ancestor::footer"
        " or ancestor::script or ancestor::style)]"
    )


# Opening hours of every hour of every day: a hospital's, never an outpatient program's.
ROUND_THE_CLOCK = (["Mo-Su 00:00-23:59"], ["Mo-Su 00:00-24:00"])


def _shown_otherwise(marked: list[str], merged: MergedReading, pages: list[PageRecord]) -> bool:
    """Whether the page whose markup gives opening hours shows other hours in its text, for
    every day the markup names ("Monday\u2013Thursday: 8:00 a.m.\u20138:00 p.m., Friday ..."
    beside a microdata ``openingHours`` of "Mo-Fr 08:00-17:00"): the visible hours are the
    page's word, as a visible address is (hours for some days only are not)."""
    shown = merged.facts.get("schedule.opening_hours")
    _, url = merged.evidence.get("schedule.opening_hours", ("", None))
    on_that_page = any(
        page.url == url and any(f.get("schedule.opening_hours") == marked for f in page.entities)
        for page in pages
    )
    if not shown or set(marked) & set(shown) or not on_that_page:
        return False  # (the page shows the markup's hours too: they stand)
    return numbers.hours_by_day(marked).keys() <= numbers.hours_by_day(shown).keys()


def places_lines(pages: list[PageRecord]) -> dict[tuple[str, str], set[str]]:
    """Each place's lines, as the site's lists of places give them."""
    lines: dict[tuple[str, str], set[str]] = {}
    for page in pages:
        for key, place_lines in page.lines_by_place.items():
            lines.setdefault(key, set()).update(place_lines)
    return lines


def without_other_places_lines(
    phones: list[Any], place: dict[str, Any], listed: dict[tuple[str, str], set[str]]
) -> list[Any]:
    """A place's phones without another place's line, as the site's lists of places give
    each place's (a footer listing every office's number: the others are the offices')."""
    here = address_key(place)
    theirs = set().union(*(lines for key, lines in listed.items() if key != here))
    theirs -= listed.get(here, set())
    return [phone for phone in phones if ten_digits(phone) not in theirs]


def ten_digits(phone: Any) -> str:
    """A phone number (a ``Phone``, or as written) as its ten digits."""
    return written_ten_digits(str(getattr(phone, "number", phone)))


def _with_its_other_lines(
    marked: list[Any], shown: list[Any], together: list[frozenset[str]]
) -> list[Any]:
    """The markup's number and the program's other lines written with it ("Call 301-555-0136
    or text 301-555-0137"): markup names one number, the page all of them. A number elsewhere
    on the page (a residence's, another office's) is not one of them."""
    numbers = {ten_digits(phone) for phone in marked}
    beside = set().union(*(block for block in together if block & numbers)) - numbers
    others = [phone for phone in shown if ten_digits(phone) in beside]
    return [*marked, *others][:MAX_PHONES]


# What a site's markup states that goes stale with its phone number: its hours.
STALE_WITH_THE_NUMBER = ("phones", "schedule.opening_hours")


def _stale(marked: dict[str, Any], pages: list[PageRecord], placed: set[str]) -> bool:
    """Markup whose phone numbers no page shows, where the program's pages show lines of their
    own (or the site's list of places shows this place's, ``placed``): a plugin's settings kept
    the old number, and the old hours, after the program changed them (the visible ones are the
    program's word)."""
    numbers = {ten_digits(phone) for phone in marked.get("phones") or []}
    shown = set().union(*(page.shown_numbers for page in pages))
    own_lines = any(page.contact.get("phones") for page in pages if page.reading.kind == "program")
    return bool(numbers) and (own_lines or bool(placed)) and not numbers & shown


def facts_from_pages(
    pages: list[PageRecord],
    source: str,
    defaults: dict[str, Any] | None = None,
    *,
    place: dict[str, Any] | None = None,
    name: str | None = None,
    elsewhere: tuple[str, ...] = (),
    organization: dict[str, Stated] | None = None,
) -> SiteFacts:
    """One program's facts from its pages, the date its availability facts held, and the
    evidence of each fact read from prose. ``organization``: what the site's organisation is
    (:func:`organization_facts`), for what the program's own pages do not say either way.

    With ``place`` (the location's address facts), only the markup entities at that address
    count (a site with several locations) and the address is taken whole from it; prose from
    every given page counts, except sentences that name one of the site's other locations
    (``elsewhere``: their towns) and not this one.
    """
    address = address_key(place) if place else None
    pages = without_former_names(pages)
    standing = pages[0] if pages else None  # the page that stands for the program
    if name is None:  # else the first page stands for the location: keep it first
        pages = sorted(pages, key=lambda page: (page.depth, page.url))
    structured: dict[str, list[Any]] = {}
    for page in pages:
        for facts in page.entities:
            here = address_key(facts)
            if address is not None and here != address and (here[0] or here[1]):
                continue
            for path, value in facts.items():
                structured.setdefault(path, []).append(value)
    result = {path: _most_common(values) for path, values in structured.items()}
    # The lines the site's lists of places show beside this place's address.
    placed = (
        set().union(*(page.lines_by_place.get(address, set()) for page in pages))
        if address
        else set()
    )
    if _stale(result, pages, placed):
        for path in STALE_WITH_THE_NUMBER:
            result.pop(path, None)
    address_paths = [p for p in result if p.startswith("address.")]
    lines_joined = False
    own_lines_shown = any(_lines_in_its_content(page) for page in pages)
    # The program's page inside a site of more care (a health centre's IOP page) that shows its
    # own lines: the lines every page's header and footer give are the organisation's.
    # (or a page over it, not the site's home, shows them: a university clinic's page, "Clinic
    # scheduling for both locations: ...", over its IOP page)
    inner_lines = (
        standing is not None
        and not elsewhere  # (one of several offices' pages is the office's, not inner)
        and standing.depth > min(page.depth for page in pages)
        and any(
            _lines_in_its_content(page)
            for page in pages
            if page is standing or (page.depth > 0 and _over(page, standing))
        )
    )
    for page in pages:
        for path, value in page.contact.items():
            if path.startswith("address.") and address_paths:
                continue  # an address is taken whole from one source, never mixed
            if path == "phones" and page.reading.kind != "program":
                continue  # a staff page's direct line, a partner agency's number
            if (
                path == "phones"
                and (page.parent_marked or inner_lines)
                and own_lines_shown
                and not _lines_in_its_content(page)
            ):
                continue  # a county's or a hospital's line its chrome gives every page
            if path == "phones" and "phones" in result and not lines_joined:
                lines_joined = True
                result["phones"] = _with_its_other_lines(
                    result["phones"], value, page.numbers_together
                )
            result.setdefault(path, value)
        if any(p.startswith("address.") for p in page.contact):
            address_paths = address_paths or ["address.street1"]
    if "phones" not in result and placed:
        result["phones"] = [Phone.model_construct(number=n) for n in sorted(placed)]
    if place:  # the address as the site states it, whole
        for path in [p for p in result if p.startswith("address.")]:
            del result[path]
        result.update({path: value for path, value in place.items() if value})
    if name:
        result["name"] = name
    town = str((place or {}).get("address.city") or "")
    # Hours and openings the site gives with another town's state and ZIP code (a clinic listed
    # without a street: "San Luis Clinic, San Luis, AZ 85349, Saturday 8 to noon") are that
    # clinic's.
    named = set().union(*(page.towns_named for page in pages)) if town else set()
    listed = tuple(sorted(named - {town, *elsewhere}))
    readings = [
        _as_its_departments(_about(page.reading, town, elsewhere, listed))
        if standing is not None and _above(page, standing, one_of_several=bool(elsewhere))
        else _about(page.reading, town, elsewhere, listed)
        for page in pages
    ]
    merged = merge_readings(readings, source=source)
    _keep_the_programs_own_hours(merged, standing, pages, address)
    if address is not None:
        _without_other_places_hours(merged, pages, address)
    marked_hours = result.get("schedule.opening_hours")
    result.update(merged.facts)
    if marked_hours and not (
        _shown_otherwise(marked_hours, merged, pages)
        # a hospital's round-the-clock hours in every page's markup, where the text gives the
        # program's own ("Monday through Friday, 8:30 a.m. to 9:00 p.m.")
        or (marked_hours in ROUND_THE_CLOCK and merged.facts.get("schedule.opening_hours"))
    ):
        # markup states hours whole; prose may give them in part
        result["schedule.opening_hours"] = marked_hours
    for path, value in schema_org.hours_flags(result.get("schedule.opening_hours", [])).items():
        if path not in merged.facts and path not in merged.conflicts:
            result[path] = value
    for path, value in (defaults or {}).items():
        result.setdefault(path, value)
    if result.get("name") and _a_former_name(str(result["name"]), _former_names_of(pages)):
        del result["name"]  # "Current River Counseling Center, formerly Three Rivers ..."
    if not result.get("name"):  # no markup, no og:site_name: the title, logo or heading
        result["name"] = site_name([page.names for page in pages])
        if not result["name"]:
            del result["name"]
    result.update({k: v for k, v in merged.availability.items() if v is not None})
    evidence = dict(merged.evidence)
    elsewhere_only = of_elsewhere(town, elsewhere)
    for path, (value, said) in (organization or {}).items():
        if elsewhere_only and elsewhere_only(said[0]):
            continue  # "Medicare is accepted at our Evansville office only"
        if path not in result and path not in merged.conflicts:
            result[path], evidence[path] = value, said
    statement = merged.availability.get("availability.statement")
    if statement:
        stated_on = merged.availability.get("availability.url")
        evidence.update(
            {path: (statement, stated_on) for path in AVAILABILITY_VALUES if path in result}
        )
    return SiteFacts(result, merged.availability_as_of, evidence)
