"""Who a page says the program is and where: postal addresses written anywhere in its text, and
the names it carries (``og:site_name``, ``<title>``, ``<h1>``, a logo's ``alt``).

Many program sites have no markup at all: the name sits in the title and the heading, and the
address in a footer line ("Cedar Hollow Counseling · 5816 Kingston Pike, Suite 4 · Knoxville, TN
37919"). An address is read from any text that parses as a US street address, with the state as
its code or its full name; whether it stood in the page's chrome (header, footer, sidebar: on
every page alike) or in its main content is kept, because a page's own main content names the
place that page is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement

from crawler.prose.page import BLOCK_TAGS
from crawler.prose.vocabulary import US_STATES
from crawler.resolve.keys import STREET_SUFFIXES
from iop.phones import WRITTEN_NANP

STATE = "|".join(sorted((*US_STATES, *US_STATES.values()), key=len, reverse=True))
# A floor or a level, by its number or its name: "2nd floor", "Lower Level".
FLOOR = r"\d+(?:st|nd|rd|th)\s+floor|(?:lower|upper|ground|main)\s+level"
UNIT = rf"(?:suite|ste\.?|unit|#|bldg\.?|building|floor|fl\.?|room|rm\.?)\s*#?\s*[\w-]+|{FLOOR}"
# The door to use, after the suite and its floor: "Suite 200, 2nd floor, east entrance"
# (directions, not the address).
ENTRANCE = r"(?:east|west|north|south|rear|side|back|front|main)\s+(?:entrance|door)"
# A town's name: its words capitalised, but for the particles between them ("Havre de Grace",
# "Española").
TOWN = (
    r"[A-Z][A-Za-z\u00c0-\u00ff.'-]+"
    r"(?:\s+(?:(?:de|du|des|del|la|le|on|of|the|upon)\s+){0,2}[A-Z][A-Za-z\u00c0-\u00ff.'-]+){0,3}"
)
# A town as an address writes it before its state and ZIP code: "San Luis, AZ 85349".
TOWN_STATE_ZIP = re.compile(rf"\b({TOWN}),? (?:{STATE})\.? \d{{5}}\b")
# A place a list gives by its town and state alone, a table's cell of its own ("Capon Bridge,
# WV").
TOWN_STATE_ALONE = re.compile(rf"\s*({TOWN}), (?:{STATE})\.?\s*")
STREET_ADDRESS = re.compile(
    # a house number, Hawaii's and Queens' with a hyphen too ("4-1101 Kuhio Hwy", "37-12 Main St")
    r"(?<![\w-])(?P<street>\d{1,6}(?:-\d{1,5})?[A-Za-z]?"
    # Words of a street name: capitalised or numbered, a dot only closing an abbreviation
    # ("St.", "N."), so "© 2026 Blue Heron Wellness. 25 W Main St" starts at 25.
    r"(?:\s+(?:[A-Z0-9][\w'#/-]{0,3}\.|[A-Z0-9][\w'#/-]*|de|del|la|las|los|el|of|the)){1,7}?)"
    rf"(?:\s*,?\s+(?P<street2>(?i:{UNIT})(?:\s*,\s*(?i:{FLOOR}))?))?"
    rf"(?:\s*,\s*(?i:{ENTRANCE}))*"
    # a room's or a door's name in brackets: "205 2nd St SE, 2nd Floor (Mississippi Room)"
    r"(?:\s*\([^()\d]{1,40}\))?"
    rf"\s*,?\s+(?P<city>{TOWN})"
    rf"\s*,\s*(?P<state>{STATE})\.?,?\s+(?P<zip>\d{{5}})(?:-\d{{4}})?\b"
)
# The kinds of street an office or a sentence names ("our Main Street location", "at 305 W
# Calhoun St"), written out and abbreviated as keys.STREET_SUFFIXES abbreviates them ("St").
STREET_KINDS = ("street", "avenue", "road", "boulevard", "drive", "lane", "highway", "pike")
STREET_KIND = "|".join(
    sorted(
        {*STREET_KINDS, *(STREET_SUFFIXES.get(kind, kind) for kind in STREET_KINDS)},
        key=lambda kind: (-len(kind), kind),
    )
)
# Line breaks and the dots and bars sites put between an address's parts.
SEPARATORS = re.compile(r"\s*(?:\n|·|•|\||\u2013|\u2014)\s*")
# States whose house numbers carry a hyphen (Hawaii's "4-1101 Kuhio Hwy", Queens' "37-12 Main
# St"), and words before a range that is no house number ("Ages 13-17", "Hours 9-5").
HYPHENATED_NUMBERS = {"HI", "NY"}
NOT_A_HOUSE_NUMBER = re.compile(
    r"\b(?:ages?|grades?|hours?|open|call|floors?|rooms?|suites?|units?)\W*$", re.I
)
# A post office box is where mail goes, not a door a patient can walk through.
MAILBOX = r"p\.?\s*o\.?\s*box|post office box"
BOX = rf"{MAILBOX}|box"
POST_OFFICE_BOX = re.compile(rf"^\W*(?:{BOX})\b", re.I)
# (one written after an address, which ends what is said of the address: "... (910) 555-0157 ·
# P.O. Box 55 · Mailing address only")
MAILBOX_AFTER = re.compile(rf"\b(?:{MAILBOX})\b", re.I)
# (not a unit on a line of its own before the street: "2nd Floor, 405 NE 19th St")
NOT_A_STREET = re.compile(rf"\b(?:{BOX}|suite|ste|unit|floor)[^\w,]*$", re.I)
# A unit written before its street, on its own line: "Outpatient Center, 2nd Floor".
UNIT_BEFORE = re.compile(rf"(?:^|,)\s*(?P<unit>(?i:{UNIT}))\s*,\s*$")
CHROME_TAGS = ("header", "footer", "nav")
# (a hospital's utility bar over its menu: "MyChart · Pay a Bill · Main number ...")
CHROME_MARKERS = re.compile(
    # (not Weebly's content block, "wsite-elements wsite-not-footer")
    r"\b(?:(?<!not-)footer|site-header|site-info|copyright|utility-(?:bar|nav|menu))",
    re.I,
)
# Builders' names for them: Duda's ``dmFooterContainer`` and ``data-element-type="footer"``
# (not any class ending in "Header": a card's or a page's heading block is content).
BUILDER_CHROME = re.compile(r"[a-z]Footer|(?:dm|site|global|main|top)Header|^(?:footer|header)$")
# Inline elements sites set an address's lines in ("<span>Suite 4</span><span>Knoxville")
INLINE_BREAKS = {"span", "small", "strong", "b"}
BLOCKS = BLOCK_TAGS | INLINE_BREAKS
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014·•:-]|::|&middot;)\s+")
GENERIC_TITLES = re.compile(
    r"^(?:home|welcome|about(?: us)?|contact(?: us)?|faqs?|services|insurance|blog|news"
    r"|careers|locations?|our team|official website|page not found)$",
    re.I,
)


@dataclass(frozen=True)
class SeenAddress:
    facts: dict[str, Any]  # address.street1, .street2, .city, .state, .postal_code
    in_chrome: bool  # in a header, footer or sidebar: the site's, not this page's
    of_no_care: bool = False  # labelled as an office no patient goes to ("Administration")


def parse_address(text: str) -> dict[str, Any] | None:
    """The first US street address in ``text``, as address facts."""
    found = addresses_in(text)
    return found[0] if found else None


def addresses_in(text: str) -> list[dict[str, Any]]:
    return [found.facts for found in _labelled_addresses(text)]


def _unit_before(line: str) -> str | None:
    """The unit on its own line just before a street ("Outpatient Center, 2nd Floor"), not the
    state and ZIP closing an address before it ("FL 33602") nor a mailbox's ("PO Box 44,
    Unit 3")."""
    before = UNIT_BEFORE.search(line)
    if before is None or re.fullmatch(rf"(?:{STATE})\.?\s+\d{{5}}", before["unit"], re.I):
        return None
    if re.search(rf"\b(?:{BOX})\b", line[max(0, before.start() - 30) : before.start() + 1], re.I):
        return None
    return before["unit"]


# A place's heading or its label saying it is not open yet: "Red Springs \u2014 coming spring
# 2027", "New office: opening soon", "Future home of ..." (not what is to come at an open one:
# "Saturday IOP coming soon!", "Evening IOP groups coming in the fall").
NOT_OPEN_YET = re.compile(
    r"(?:^\W*|[,\u2014\u2013:(|-]\s*|\b(?:office|location|clinic|site|center|centre)\s+(?:is\s+)?)"
    r"(?:coming (?:soon|in (?:the )?(?:spring|summer|fall|autumn|winter|20\d\d)|(?:this|next)"
    r" (?:spring|summer|fall|autumn|winter|year)|(?:spring|summer|fall|autumn|winter)(?: 20\d\d)?"
    r"|20\d\d)|opening (?:soon|in|this|next)|future (?:home|site|office|location)(?: of)?)\b",
    re.I,
)
# Words before a place the program will move to, not where it is: "Our La Grande office moves
# to 1520 Adams Ave, Suite 4, La Grande, OR 97850 on January 5, 2027."
MOVING_TO = re.compile(
    r"\b(?:moves|will (?:be )?mov(?:e|ing)|is moving|are moving|relocates|will relocate"
    r"|is relocating|are relocating)\s+to\s+(?:(?:our|a|the) new (?:office|location|building)"
    r"(?: at)?\s+)?$",
    re.I,
)


# That no group of the IOP meets somewhere: "No IOP classes meet", "No IOP groups are held".
NO_IOP_MEETS = (
    r"\bno (?:iop|intensive outpatient)(?: program)? (?:classes|groups|sessions) (?:meet|are held"
    r"|take place|happen)"
)


# Words just after an address that say no patient goes there: "607 N Madison St, Whiteville, NC
# 28472, (910) 555-0157, Administrative office only, no counseling or groups at this address".
NO_CARE_AFTER = re.compile(
    # a note on the address itself, next after it and its phone line (not "Our corporate
    # office in Raleigh (administrative office only) handles billing")
    r"^[\s,.;:()\u2013\u2014-]*(?:(?:phone|tel|call)?:?\s*\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}"
    r"[\s,.;:()\u2013\u2014-]*)?"
    r"(?:administrative|business|mailing|corporate|billing) (?:office|address) only\b"
    # what is not done there, said of the place alone (not "No groups are held on Fridays at
    # this location", "No services are denied at this location because of inability to pay")
    r"|\bno (?:patient care|(?:treatment |clinical |counseling |patient )?services|counseling"
    r"|treatment|groups)(?: or (?:counseling|groups|treatment|services))?"
    r" (?:(?:is|are) (?:provided|offered|held|available) )?(?:at|in) this (?:address|location"
    r"|site|office|building)\b"
    r"|\bnot a (?:treatment|service|care|clinical|patient) (?:location|site|office)\b(?! for)"
    # "No counseling or groups take place there." (not "No groups take place here on holidays")
    r"|\bno (?:counseling|treatment|groups|services)(?: or (?:counseling|groups|treatment"
    r"|services))? (?:take place|are held|are offered|are provided|happen) (?:there|here)\b"
    r"(?! (?:on|after|before|during|until|except|without)\b)"
    # "The office does not see clients." (not "Dr. Lee does not see patients under 18")
    r"|\b(?:the|this|our) (?:[\w-]+ )?office (?:does|do) not see (?:clients|patients)\b"
    r"(?! (?:without|under|over|after|before|on)\b)"
    # "No IOP groups meet here." (not "No IOP groups meet here on Fridays", nor "... there":
    # another place)
    rf"|{NO_IOP_MEETS} (?:here|at this (?:address|location|site|office|building))\s*(?:[.;!]|$)"
    # "We don't see clients at this office." (not "... unless they have an appointment", "...
    # under the age of 18", "at that office": another)
    r"|\bwe (?:do not|don't|never) see (?:clients|patients) (?:at|in) (?:this|the)"
    r" (?:office|location|address|building|site)\s*(?:[.;!]|$)",
    re.I,
)
# How far after its address such words are still its own (past its phone line and a sentence
# on what the office does); a post office box ends them, as the next address would.
NO_CARE_AFTER_WITHIN = 160


# How near its block's start an address is still under the heading above the block (past a
# name and a "c/o" line).
HEADED_WITHIN = 80
# How far back before an address its sentence is read for what the address is for.
LEAD_WITHIN = 120
# Where what is said of an address begins: after a sentence's end, a dash between two lines, or
# a post office box ("Send payments to: PO Box 5 - Clinic: 12 Park Ln").
LEAD_BREAK = re.compile(rf"[a-z)][.!?]\s+(?=[A-Z])|\s-\s|\b(?:{MAILBOX})\b", re.I)


class LabelledAddress(NamedTuple):
    facts: dict[str, Any]
    label: str  # the words just before it: "Administration", "Marshfield Clinic"
    after: str  # the words just after it, up to the next address
    heading: str = ""  # the heading over its block, if it opens the block: "Billing address"
    # its sentence before it, further back than its label: "Mail payments to Red River Claims
    # Services, " (from the previous address's end or a sentence's)
    lead: str = ""


def _labelled_addresses(text: str, heading: str = "") -> list[LabelledAddress]:
    """Each US street address in ``text``, with the words just before it (its label in a list
    of places: "Administration", "Marshfield Clinic") and just after it, and the first one's
    ``heading`` (a card's: "Billing address") if it opens the text."""
    line = SEPARATORS.sub(", ", text)
    found: list[LabelledAddress] = []
    found_end = 0  # where the last address read ends
    matches = list(STREET_ADDRESS.finditer(line))
    # (the last address is followed by none: the zip stops with it)
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        if NOT_A_STREET.search(line[max(0, match.start() - 12) : match.start()]):
            continue  # "P.O. Box 12, ..." is mail, not a door
        if MOVING_TO.search(line[max(0, match.start() - 40) : match.start()]):
            continue  # a door to come: "Our office moves to 1520 Adams Ave ... on January 5"
        state = match["state"]
        if re.match(r"\d+-\d", match["street"]) and (
            US_STATES.get(state, state).upper() not in HYPHENATED_NUMBERS
            or NOT_A_HOUSE_NUMBER.search(line[max(0, match.start() - 12) : match.start()])
        ):
            continue  # "Ages 13-17 Teen Center", "Call 1-800 ...": no house number
        unit = match["street2"] or _unit_before(line[: match.start()])
        facts = {
            "address.street1": " ".join(match["street"].split()).strip(" ,"),
            "address.street2": " ".join(unit.split()) if unit else None,
            "address.city": " ".join(match["city"].split()),
            "address.state": US_STATES.get(state, state).upper(),
            "address.postal_code": match["zip"],
        }
        end = min(following.start() if following else len(line), match.end() + NO_CARE_AFTER_WITHIN)
        box = MAILBOX_AFTER.search(line, match.end(), end)
        end = box.start() if box else end
        headed = heading if not found and match.start() <= HEADED_WITHIN else ""
        before = line[max(0, match.start() - LEAD_WITHIN, found_end) : match.start()]
        found.append(
            LabelledAddress(
                facts,
                line[max(0, match.start() - 40) : match.start()],
                line[match.end() : end],
                headed,
                before[max((brk.end() for brk in LEAD_BREAK.finditer(before)), default=0) :],
            )
        )
        found_end = match.end()
    return found


# How far after its address a place's line is written (not the list's own line at its end).
PLACES_LINE_WITHIN = 40


def lines_by_place(body: HtmlElement) -> dict[tuple[str, str], set[str]]:
    """A list of places, each with its phone ("Ottumwa, 418 W 2nd St, ... 641-555-0131;
    Oskaloosa, 1105 A Ave E, ... 641-555-0137"), or a place's card in the page's content
    ("Tiogue Avenue / 1680 Tiogue Ave ... / (401) 555-0186"): a number just after a place's
    address, before the next's, is that place's line."""
    found: dict[tuple[str, str], set[str]] = {}
    for text, in_chrome in _texts(body):
        line = SEPARATORS.sub(", ", text)
        places = list(STREET_ADDRESS.finditer(line))
        if len(places) < (2 if in_chrome else 1) or phones_in(line[: places[0].start()])[0]:
            # not places each followed by its line (a number comes first), nor a footer's
            # one address and the site's main line ("University · 1900 W 7th St · 806-...")
            continue
        for place, following in zip(places, [*places[1:], None], strict=True):
            named = addresses_in(place.group(0))
            if not named:
                continue  # a P.O. box
            end = following.start() if following else len(line)
            after = line[place.end() : min(end, place.end() + PLACES_LINE_WITHIN)]
            if lines := phones_in(after)[0]:
                found.setdefault(address_key(named[0]), set()).update(lines)
    for line in _cards(body):
        # a card whose address and line are blocks of their own (an accordion's panel: "<p>28
        # Central Ave<br>Long Prairie, MN 56347</p><p>Phone: (320) 555-0183</p>")
        (place,) = STREET_ADDRESS.finditer(line)
        named = addresses_in(place.group(0))
        if named and not phones_in(line[: place.start()])[0]:
            after = line[place.end() : place.end() + PLACES_LINE_WITHIN]
            if lines := phones_in(after)[0]:
                found.setdefault(address_key(named[0]), set()).update(lines)
    return found


# The most a place's card holds: its name, address, line, hours and services.
CARD_LENGTH = 500


def _cards(body: HtmlElement) -> list[str]:
    """The text of the page's cards of one place each, outside its chrome (its lines joined by
    commas): blocks of a few blocks that name one street address."""
    cards = []
    for card in body.iter("div", "li", "section", "article"):
        if len(card) < 2 or any(_is_chrome(each) for each in (card, *card.iterancestors())):
            continue
        line = SEPARATORS.sub(", ", _lines(card))
        if (
            len(line) <= CARD_LENGTH
            and len(STREET_ADDRESS.findall(line)) == 1
            and any(_a_phone_line(" ".join(child.text_content().split())) for child in card)
        ):
            cards.append(line)
    return cards


def _a_phone_line(text: str) -> bool:
    """A card's line of its number and a label at most ("Phone: (320) 555-0183"), not a
    sentence giving a number ("Call us at ... to book")."""
    numbers = phones_in(text)[0]
    return len(numbers) == 1 and len(WRITTEN_NANP.sub("", text).split()) <= 3


def numbers_together(body: HtmlElement) -> list[frozenset[str]]:
    """The program lines each block of text gives together ("Call 301-555-0136 or text
    301-555-0137")."""
    return [frozenset(lines) for text, _ in _texts(body) if len(lines := phones_in(text)[0]) > 1]


# The words just before a number that say it is not the program's own line.
NOT_THE_PROGRAMS_LINE = re.compile(
    r"\b(?:fax|crisis|hotline|help ?line|lifeline|988|tty|tdd|billing|switchboard"
    r"|after[- ]hours|emergenc\w*|house manager|text line|pager|financial counsel\w*|pharmacy"
    r"|medical records|nurse (?:advice )?line|access (?:center|centre|line)[\s,(]*24/7"
    r"|prayer (?:line|requests?)|church office|parish office"
    r"|24/7 [\w ]{0,25}access (?:center|centre|line)"
    # a hospital's round-the-clock assessments: "Free assessments 24/7: "
    r"|assessments? 24/7|24/7 assessments?)\b"
    # "Prayer line (24 hours): ", "crisis line (Walhonding Behavioral Health): "
    # ("Emergency Services are available 24 hours a day, 7 days a week: ")
    r"(?:[^\d]|24/7|24[- ]hours?(?: a day)?|7 days a week|\([^()\d]{0,60}\)){0,30}$",
    re.I,
)


# A person's direct line, labelled with their credentials: "Clinic supervisor Ana Lucia Ferrer,
# LCADC: (856) 555-0118".
A_PERSONS_LINE = re.compile(
    r"^(?!.*\b(?i:intake|admissions?|contact|call|text|questions|reach)\b)"
    r".*\b[A-Z][\w.'-]+ [A-Z][\w.'-]+, (?:LCSW|LPC|LCADC|LMFT|PhD|PsyD|LCPC|LADC|CADC|LICSW"
    r"|APRN|PMHNP|LPCC|LMHC|LCDC|LISW|LCAS|CSAC|MSW|LSW|LSATP|CAADC|LADAC|LMSW|LCDP|NCAC)"
    r"[\s:,.\u2013\u2014-]*$"
)
# A line a crisis question offers: "Behavioral health crisis? Call our 24/7 line, 334-555-0169".
A_CRISIS_QUESTIONS_LINE = re.compile(r"\bcrisis\?\s*(?:call|text)\b[^.?!]{0,40}$", re.I)
# An office no patient goes to, heading the lines above a number: "Three Rivers County
# Administration / 349 Main St ... / Main line: (740) 555-0140" (the county's line).
AN_ADMINISTRATIONS_HEADING = re.compile(
    # (a government's or a company's, not "Veterans Health Administration", "Intake &
    # Administration", "Medication Administration")
    r"^\W*(?:(?:[A-Z][\w.'-]*\s+){0,4}(?:county|city|town|township|village|borough|parish"
    r"|tribal|district|state)\s+)?(?:administration|administrative (?:office|offices"
    r"|headquarters)|corporate (?:office|headquarters))\W*$",
    re.I,
)
# A label naming the program's own line, whatever heads it: "IOP intake: ..."
THE_PROGRAMS_LABEL = re.compile(r"\b(?:intake|admissions?|iop|program|appointments?)\b", re.I)


def _an_administrations_line(before: str, after: str) -> bool:
    """Whether a number follows an administration's heading, within the two lines above its
    own, and no label of the program's on its line ("Call ... for our IOP")."""
    *above, own = before.split("\n")
    own += " " + after.split("\n")[0]
    headings = [line for line in above if line.strip()][-2:]
    # (or its own line's label: "Administration: P.O. Box 1030, Wolf Point ... · (406) ...")
    labelled = AN_ADMINISTRATIONS_HEADING.match(own.split(":")[0]) if ":" in own else None
    return not THE_PROGRAMS_LABEL.search(own) and (
        bool(labelled) or any(AN_ADMINISTRATIONS_HEADING.match(line) for line in headings)
    )


# The words just after a number that say whose it is: "555-234-5679 (fax)".
LABEL_AFTER = re.compile(r"\s*\(\s*(?:fax|crisis|tty|tdd|hotline|help ?line)\b", re.I)


def phones_in(text: str) -> tuple[list[str], list[str]]:
    """The ten-digit numbers written in ``text``: ``(the program's lines, the others)``, told
    apart by the words of the same sentence just before each ("Fax", "24/7 Helpline", "Crisis
    line") or just after it ("(fax)")."""
    lines, others = [], []
    last = 0
    for match in WRITTEN_NANP.finditer(text):
        before = text[max(last, match.start() - 80) : match.start()]
        # (a person's credentials just before: "Clinic supervisor Ana Lucia Ferrer, LCADC:")
        label = text[max(last, match.start() - 40) : match.start()]
        label = re.split(r"[.!?](?:\s|$)", label)[-1]  # "...call or text 988. Intake:"
        # (whose line it is may take longer to say: "24-hour crisis line (Walhonding Behavioral
        # Health): ")
        whose = re.split(r"[.!?](?:\s|$)", text[max(last, match.start() - 80) : match.start()])[-1]
        last = match.end()
        number = "".join(match.groups())
        theirs = (
            NOT_THE_PROGRAMS_LINE.search(whose)
            or A_CRISIS_QUESTIONS_LINE.search(before)
            or LABEL_AFTER.match(text, match.end())
            or A_PERSONS_LINE.search(label)
            or _an_administrations_line(text[: match.start()], text[match.end() :])
        )
        (others if theirs else lines).append(number)
    return lines, others


@dataclass(frozen=True)
class SeenPhones:
    """A page's phone numbers as written in its text, in order: its own content's, its
    chrome's (a number can be in both), and the numbers labelled as someone else's line (fax,
    crisis, helpline)."""

    main: list[str]
    chrome: list[str]
    not_the_programs: set[str]


def seen_phones(body: HtmlElement) -> SeenPhones:
    main: list[str] = []
    chrome: list[str] = []
    others: set[str] = set()
    for text, in_chrome in _texts(body):
        lines, not_lines = phones_in(text)
        others.update(not_lines)
        for number in lines:
            seen = chrome if in_chrome else main
            if number not in seen:
                seen.append(number)
    return SeenPhones(main, chrome, others)


# A list's label for an office no patient goes to: "Administration 3150 8th St S ...".
AN_OFFICE_OF_NO_CARE = re.compile(
    r"(?:^|[\d|\u00b7\u2022;:])[\s,]*(?:administration|administrative (?:office|offices"
    r"|headquarters)|corporate (?:office|headquarters)|business office|billing office"
    r"|mailing address)\W*$"
    # a label for mail, whoever it is addressed to: "Mail: Still River Counseling Group, ..."
    # (not a line of its own before another's label, "Mail: PO Box 88 \u00b7 Office:", nor an
    # e-mail address)
    r"|^[\s,;]*(?:mail|mailing address|send mail|mail to|send (?:correspondence|payments) to)\s*:"
    r"(?![^\n]*(?::|@|\bbox\b|\u00b7|\u2022|\|))",
    re.I,
)


# Words just before an address that make it one for bills, however its label runs on: "WBC
# Clinical Billing Office, c/o Catskill Medical Billing Services, 310 Delaware St ...".
FOR_BILLS = re.compile(
    r"\bbilling (?:office|address|services|department|company)\b|\bremit(?:tance)? address\b",
    re.I,
)
# A sentence giving an address for payments or legal papers, however long the name before it:
# "Mail payments to Red River Claims Services, 2201 12th Ave S, Fargo, ND 58103", "Registered
# agent: Northern Plains Registered Agents, 1600 E Interstate Ave, ...".
FOR_PAYMENTS_OR_PAPERS = re.compile(
    r"\b(?:mail|send) (?:your |all )?payments to\b|\bpayments? (?:can|may|should) be mailed to\b"
    r"|\b(?:registered|statutory) agent\b|\bagent for service of process\b",
    re.I,
)
# ... where it is the clinic's too, or the label's sentence ends before it: "Mailing address and
# clinic:", "Call our billing office. Visit us at ...", "billing is on site at ...".
OF_CARE_TOO = re.compile(r"\bclinic\b|\bvisit\b|\bon site\b|\bin person\b|[.!?]\s", re.I)


def _for_payments_or_papers(lead: str) -> bool:
    """Whether the sentence before an address gives it for payments or legal papers, to someone
    else (not "Please mail payments to our clinic at ...", "... or pay in person at ...")."""
    found = FOR_PAYMENTS_OR_PAPERS.search(lead)
    after = lead[found.end() :] if found else ""
    return found is not None and not (
        OF_CARE_TOO.search(after) or re.match(r"\s*(?:us|our)\b", after, re.I)
    )


def _for_bills(label: str) -> bool:
    """Whether the words just before an address label it as a billing office's."""
    bills = FOR_BILLS.search(label)
    return bills is not None and not OF_CARE_TOO.search(label[bills.start() :])


# A vCard's address line, as a contact page may print its card: "ADR;TYPE=WORK:;Suite 3;88
# Portland St;Morrisville;VT;05661;USA" (post office box; extended; street; locality; region;
# postal code; country).
VCARD_ADDRESS = re.compile(
    r"^ADR[^:\n]*:(?P<box>[^;\n]*);(?P<extended>[^;\n]*);(?P<street>[^;\n]+);(?P<town>[^;\n]+);"
    r"(?P<state>[^;\n]+);(?P<zip>\d{5}(?:-\d{4})?)(?:;[^\n]*)?$",
    re.M,
)


def vcards_written_out(html: str) -> str:
    """A page with its printed vCards' address lines written as a reader writes an address
    ("88 Portland St, Suite 3, Morrisville, VT 05661"), for the readers of addresses."""
    if "BEGIN:VCARD" not in html:
        return html
    return VCARD_ADDRESS.sub(
        lambda found: ", ".join(
            part
            for part in (
                found["street"].strip(),
                found["extended"].strip(),
                found["town"].strip(),
                f"{found['state'].strip()} {found['zip']}",
            )
            if part
        ),
        html,
    )


def seen_addresses(body: HtmlElement) -> list[SeenAddress]:
    """Every street address in the page's text, each once, chrome or main content, and whether
    a list labels it only as an office no patient goes to ("Administration", never "Evans")."""
    seen: dict[tuple[str, str], SeenAddress] = {}
    of_no_care: set[tuple[str, str]] = set()
    of_care: set[tuple[str, str]] = set()
    texts = _texts(body)
    headings = ["", *(_a_heading(text) for text, _ in texts[:-1])]
    read = [
        (each, in_chrome)
        for (text, in_chrome), heading in zip(texts, headings, strict=True)
        for each in _labelled_addresses(text, heading)
    ]
    # an address written a block per line, where no block's lines gave its ZIP code's
    zips = {each.facts["address.postal_code"] for each, _ in read}
    read += [
        (each, in_chrome)
        for lines, in_chrome in _lines_run_together(texts)
        for each in _labelled_addresses(" ".join(lines))
        if each.facts["address.postal_code"] not in zips
        # (its street a line of its own: "412 Neal St", not "Group room 12" / "Nevada County")
        and each.facts["address.street1"] in lines
    ]
    # an address a sentence gives without its ZIP code, in a town another address names (not
    # that address written short: "607 Madison Street" for "607 N Madison St")
    towns = {each.facts["address.city"]: each.facts["address.state"] for each, _ in read}
    doors = {door(each.facts) for each, _ in read}
    read += [
        (LabelledAddress(facts, label="", after=""), in_chrome)
        for text, in_chrome in texts
        for facts in _addresses_said(text, towns)
        if door(facts) not in doors
    ]
    for (facts, label, after, heading, lead), in_chrome in read:
        if _for_payments_or_papers(lead):
            continue  # no door of the program's: a payee's, a registered agent's
        # (the words just before it, in its sentence, or its card's heading)
        if NOT_OPEN_YET.search(re.split(r"[.!?]\s", label)[-1]) or NOT_OPEN_YET.search(heading):
            continue  # no door yet: "Red Springs — coming spring 2027, 210 West Main Street"
        key = address_key(facts)
        no_care = (
            AN_OFFICE_OF_NO_CARE.search(label)
            or _for_bills(label)
            or NO_CARE_AFTER.search(after)
            or _no_iop_in_its_town(after, str(facts.get("address.city") or ""))
            or A_HEADING_OF_NO_CARE.match(heading)
        )
        (of_no_care if no_care else of_care).add(key)
        if key not in seen or (seen[key].in_chrome and not in_chrome):
            seen[key] = SeenAddress(facts, in_chrome)
    return [replace(place, of_no_care=key in of_no_care - of_care) for key, place in seen.items()]


def _no_iop_in_its_town(after: str, town: str) -> bool:
    """Words after an address saying no IOP group meets in its own town ("108 N Madison St,
    Malden ... No IOP classes meet in Malden."), not in another, in a month or a language."""
    return bool(town) and bool(
        re.search(rf"{NO_IOP_MEETS} in {re.escape(town)}\s*(?:[.;!]|$)", after, re.I)
    )


# A card's heading over an address no patient goes to: "Billing address", "Mailing address",
# "Ministry Office (mail & staff only)" (not "Main clinic (walk-ins by appointment only)").
A_HEADING_OF_NO_CARE = re.compile(
    r"^\W*(?:billing|mailing|remit(?:tance)?) (?:address|office)\W*$"
    r"|^[^()]*\((?:(?:mail|staff|administrative|administration|admin|billing|business|offices?)"
    r"(?:\s*(?:&|and|,|/)\s*|\s+))+only\)\W*$",
    re.I,
)


def _a_heading(text: str) -> str:
    """A block's last line, if it can head the next block's address: short, and no address's
    own line ("Billing address", not "Kaneohe, HI 96744")."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    short = len(last) <= ADDRESS_LINE_LENGTH
    # (its digits a date, not an address's: "Red Springs — coming spring 2027")
    return last if short and (not re.search(r"\d", last) or NOT_OPEN_YET.search(last)) else ""


# A street a sentence says the program is at, and its town, without a ZIP code: "Find us at 305
# W Calhoun St in downtown Whiteville", "Groups meet at 12 Elm Street, Ashland".
ADDRESS_SAID = re.compile(
    # said of the program or its groups, now (not "Free parking is located at", "AA meetings are
    # held at", "We were located at ... until 2022")
    r"\b(?i:find us|visit us|we(?:'re| are)(?: now)?(?: located)?"
    r"|(?:our|the) (?:new )?(?:home|office|clinic|building|program|iop) is(?: now)?(?: located)?"
    r"|(?:(?:our|the|all) )?(?:iop|program|(?:iop )?groups?)(?: groups?)? (?:meets?|is held"
    r"|are held|takes? place)) (?i:at|on) "
    r"(?P<street>\d{1,6}[A-Za-z]?(?: (?:[NSEW]\.?|[A-Z0-9][\w'-]*)){1,4}? "
    rf"(?i:{STREET_KIND})\.?),? (?:in (?:downtown |uptown |historic )?)?(?P<city>{TOWN})\b"
)


# The side of town a street is on, which a sentence may leave out ("607 Madison Street"), as
# keys.STREET_SUFFIXES abbreviates it.
STREET_SIDES = {
    STREET_SUFFIXES[side]
    for side in (
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    )
}


def door(facts: dict[str, Any]) -> str:
    """A street address's number and name, without its side of town: "607 N Madison St" and
    "607 Madison Street" are one door."""
    return " ".join(word for word in address_key(facts)[0].split() if word not in STREET_SIDES)


def _addresses_said(text: str, towns: dict[str, str]) -> list[dict[str, Any]]:
    """The addresses sentences of ``text`` give without a ZIP code, in one of ``towns`` (the
    page's other addresses' towns, which give their state)."""
    return [
        {
            "address.street1": match["street"],
            "address.street2": None,
            "address.city": match["city"],
            "address.state": towns[match["city"]],
            "address.postal_code": None,
        }
        for match in ADDRESS_SAID.finditer(" ".join(text.split()))
        if match["city"] in towns
    ]


# The longest a block can be and still be one line of an address a builder splits into a block
# per line.
ADDRESS_LINE_LENGTH = 40


def _lines_run_together(texts: list[tuple[str, bool]]) -> list[tuple[list[str], bool]]:
    """Runs of short lines, to read as one text: an address a site builder writes a block per
    line ("412 Neal St" / "Suite B" / "Grass Valley," / "CA" / "95945"), in blocks of their
    own or in one block's lines."""
    runs: list[list[tuple[str, bool]]] = [[]]
    for text, in_chrome in texts:
        for line in (" ".join(line.split()) for line in text.splitlines()):
            if not line:
                continue
            if len(line) > ADDRESS_LINE_LENGTH:
                runs.append([])
            elif runs[-1] and runs[-1][-1][1] != in_chrome:
                runs.append([(line, in_chrome)])
            else:
                runs[-1].append((line, in_chrome))
    return [([line for line, _ in run], run[0][1]) for run in runs if len(run) > 1]


# A map's place or a directions link's destination, in its address: ``...?q=2100+E+Main+St,
# +Uvalde,+TX+78801``, ``.../dir/?api=1&destination=...``, ``?daddr=...``.
MAP_URL = re.compile(r"(?:^|[/.])maps?[./]|/maps\b|maps\.apple\.", re.I)
MAP_PLACE_PARAMETERS = ("q", "destination", "daddr", "address", "query")


def mapped_addresses(body: HtmlElement) -> list[SeenAddress]:
    """The street addresses a page's map (an embedded map's place) or its "Get directions"
    links give, and whether each sits in the page's chrome: a site whose text gives none ("our
    office on East Main") states its address there (a site that writes one links to other
    places too: a hospital, a lab, a garage)."""
    found = []
    for element in body.xpath(".//iframe[@src] | .//a[@href]"):
        url = urlsplit(element.get("src") or element.get("href") or "")
        if not MAP_URL.search(f"{url.netloc}{url.path}"):
            continue
        query = parse_qs(url.query)
        in_chrome = any(_is_chrome(ancestor) for ancestor in element.iterancestors())
        for parameter in MAP_PLACE_PARAMETERS:
            for value in query.get(parameter, []):
                found += [SeenAddress(facts, in_chrome) for facts in addresses_in(value)[:1]]
    return found


# Elements that wrap a page's blocks (an ASP.NET page's one <form> wraps the whole page).
LAYOUT_WRAPPERS = ("div", "section", "main", "article", "body", "form")


def _texts(body: HtmlElement) -> list[tuple[str, bool]]:
    """The text of each top-level block of the page, with line breaks between its blocks, and
    whether it sits in the page's chrome."""
    out: list[tuple[str, bool]] = []

    def walk(element: HtmlElement, in_chrome: bool) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in ("script", "style", "noscript"):
                continue
            chrome = in_chrome or _is_chrome(child)
            if child.tag == "table" and not chrome and (cells := _layout_cells(child)):
                # an old site's layout table, its footer a cell ("<td class='footer'>"): each
                # cell read on its own, the footer's as chrome
                out.extend((_lines(cell), _is_chrome(cell)) for cell in cells)
            elif child.tag in LAYOUT_WRAPPERS and len(child):
                # Descend to the blocks that hold text, so an address is read from its own block.
                if _own_text(child):
                    out.append((_lines(child), chrome))
                else:
                    walk(child, chrome)
            else:
                out.append((_lines(child), chrome))

    walk(body, False)
    return [(text, chrome) for text, chrome in out if text.strip()]


def _layout_cells(table: HtmlElement) -> list[HtmlElement]:
    """The cells of a table that lays out a page (an old site's), one of them the page's
    footer or header; none of a table of data."""
    cells = table.xpath("./tr/td|./tbody/tr/td")
    return cells if any(_is_chrome(cell) for cell in cells) else []


def _is_chrome(element: HtmlElement) -> bool:
    if element.tag in CHROME_TAGS:
        return True
    marker = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return (
        bool(CHROME_MARKERS.search(marker))
        or "contentinfo" in marker
        or bool(BUILDER_CHROME.search(element.get("class", "")))
        or bool(BUILDER_CHROME.search(element.get("data-element-type", "")))
    )


def _own_text(element: HtmlElement) -> bool:
    return bool((element.text or "").strip()) or any(
        (child.tail or "").strip() for child in element if isinstance(child.tag, str)
    )


def _lines(element: HtmlElement) -> str:
    """The element's text with a line break wherever a block or a ``<br>`` ends."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if isinstance(node.tag, str) and node.tag in ("script", "style"):
            parts.append(node.tail or "")
            return
        block = isinstance(node.tag, str) and node.tag in BLOCKS and node.tag not in INLINE_BREAKS
        if block:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        if block or node.tag == "br":
            parts.append("\n")
        parts.append(node.tail or "")

    walk(element)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


def address_key(facts: dict[str, Any]) -> tuple[str, str]:
    """What tells two places apart: the street, normalised ("1010 N. Riverside Drive" as
    "1010 n riverside dr"), and the ZIP code."""
    street = re.sub(r"[\W_]+", " ", (facts.get("address.street1") or "").lower()).split()
    return " ".join(STREET_SUFFIXES.get(word, word) for word in street), facts.get(
        "address.postal_code"
    ) or ""


# What a logo's alt text says besides the name: "Washita Intertribal Health Authority - home",
# "Sunrise Recovery logo", "Go to the Sunrise Recovery homepage".
LOGOS_LINK_WORDS = re.compile(
    r"\s+logo$|\s*[-\u2013\u2014|:(]+\s*(?:go to |back to )?(?:the )?home(?: ?page)?\)?$"
    r"|^(?:go|back|return) to (?:the )?(?=.+\shome ?page$)|\s+home ?page$",
    re.I,
)


@dataclass(frozen=True)
class PageNames:
    """The names a page carries, in the order a reader trusts them."""

    site_name: str | None  # og:site_name, application-name
    title_parts: tuple[str, ...]  # the <title> split at its separators
    heading: str | None  # the first <h1>
    logo: str | None  # a logo image's alt text


# A government site's title names its state after the agency: "Nebo Basin Behavioral Health,
# UT - Official Website".
STATE_AFTER_A_NAME = re.compile(rf",\s*(?:{'|'.join(sorted(set(US_STATES.values())))})$")


def page_names(root: HtmlElement) -> PageNames:
    site_name = root.xpath(
        "string(//meta[@property='og:site_name']/@content"
        "|//meta[@name='application-name']/@content)"
    ).strip()
    title = " ".join(root.xpath("string(//title)").split())
    parts = tuple(
        STATE_AFTER_A_NAME.sub("", p.strip()) for p in TITLE_SEPARATORS.split(title) if p.strip()
    )
    heading = " ".join(root.xpath("string((//h1)[1])").split()) or None
    logo = None
    for image in root.xpath("//img[@alt]"):
        marker = f"{image.get('class', '')} {image.get('id', '')} {image.get('src', '')}"
        if re.search(r"logo|brand", marker, re.I) and image.get("alt", "").strip():
            alt = " ".join(image.get("alt", "").split())
            logo = LOGOS_LINK_WORDS.sub("", alt) or None
            break
    return PageNames(site_name or None, parts, heading, logo)


def site_name(names: list[PageNames]) -> str | None:
    """The program's name from its pages (home page first): their ``og:site_name``, else the
    part of the title most pages share, else the home page's logo or heading."""
    for page in names:
        if page.site_name:
            return page.site_name
    counts: dict[str, int] = {}
    for page in names:
        for part in dict.fromkeys(page.title_parts):
            if not GENERIC_TITLES.match(part):
                counts[part] = counts.get(part, 0) + 1
    if counts:
        best = max(counts.values())
        if best >= 2 or len(names) == 1:
            return next(part for part in counts if counts[part] == best)
    for page in names:
        if page.logo and not GENERIC_TITLES.match(page.logo):
            return page.logo
    return names[0].heading if names else None
