"""Which places a program's website describes, and which of its pages speak for each.

An address on most pages (in the footer, in site-wide markup) is the site's; an address in a
page's own content or in markup only that page carries is that page's. From them:

- No page has an address of its own, or only one address is anyone's own: one program. Its
  address is the one the visitor sees (a site-wide visible address beats site-wide markup that
  disagrees with it: markup goes stale after a move), and every page speaks for it.
- Several pages each have one address of their own: one location per address, each spoken for
  by its own pages and by the pages that name no single place (services, insurance, FAQ).
- The site-wide address is a parent's (a hospital's or county's markup, or a site named like
  one) and a page has its own address: that page's program is the location, and only pages
  in its section of the site speak for it; the hospital itself is not a program. A parent's
  several offices (a county's clinics, listed under ``/locations/``) are one department's: its
  pages that are no one office's (the IOP's page, fees) speak for each office too.

A person's markup (a doctor's page) never names a place: :mod:`schema_org` drops it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from crawler.prose.elsewhere import REFERRED_OUT
from crawler.prose.numbers import TRACK_TIMES
from crawler.prose.page import A_PLACES_FOLDER
from crawler.prose.reader import IOP_FACT
from crawler.prose.vocabulary import A_PAYMENT_HEADING, PAYMENT_HEADING, RESIDENCE_WORDS
from crawler.spiders.base.identity import STATE, SeenAddress, address_key, door, site_name
from crawler.spiders.base.pages import (
    PageRecord,
    in_folder,
    page_path,
    street_name,
    street_start,
    without_former_names,
)

AddressKey = tuple[str, str]
PARENT_NAME = re.compile(
    r"\b(?:county|city of|state of|hospital|health system|medical center|university"
    r"|department of)\b",
    re.I,
)
# A health centre of many services (primary care, dental) whose IOP is one of them.
MANY_SERVICES_NAME = re.compile(
    r"\b(?:community health|fqhc|federally qualified|health authority|(?:inter)?tribal health"
    r"|indian health)\b",
    re.I,
)
# A home page headed with the care a health centre gives besides addiction care: "Primary care,
# dental and recovery care for Hampshire County".
MANY_SERVICES_HEADING = re.compile(
    r"\bprimary (?:care|health)\b|\bdental\b|\bdentistry\b|\bfamily medicine\b",
    re.I,
)
# A translation of the site's pages: "/es/programa-intensivo/".
TRANSLATION_FOLDER = re.compile(r"/(?:es|sp|espanol|spanish|vi|zh|ko)(?:/|$)", re.I)
IOP_HEADING = re.compile(r"intensive outpatient|\bIOP\b", re.I)
PROGRAM_HEADING = re.compile(IOP_HEADING.pattern + r"|outpatient program", re.I)
# A page's heading that is the name of an IOP, not of one of its parts ("IOP Groups & Schedule"):
# "Intensive Outpatient Program (IOP)", "Our IOP" (not one track's: "Evening IOP").
PROGRAM_TITLE = re.compile(
    r"^\W*(?:(?:our|the) )?"
    r"(?:intensive outpatient(?: program| treatment)?(?: \(iop\))?|iop)\W*$",
    re.I,
)
# Care with beds or a day unit: a PHP, a residential program, detox, a recovery residence.
UNITS_AND_HOUSES = rf"partial hospitali[sz]ation|\bPHP\b|residential|detox|{RESIDENCE_WORDS}"
# Other kinds of care a site may run beside its IOP, each on a page of its own.
# (a drink-driving course too: "DUI Program", "DWI Education Classes")
OTHER_CARE_HEADING = re.compile(
    UNITS_AND_HOUSES + r"|withdrawal|opioid treatment|methadone|mental health|psychiatr"
    r"|\b(?:dui|dwi|owi|oui)\b|impaired driv",
    re.I,
)


@dataclass
class SiteLocation:
    ref: str  # the page that stands for it
    place: dict[str, Any]  # its address facts, as the site states them (none: not known)
    pages: list[PageRecord]  # the pages that speak for it, the one that stands for it first
    name: str | None  # its name, when its own page gives it one (a program inside a hospital)
    # The towns of the site's other places: a sentence or heading naming one is about it.
    elsewhere: tuple[str, ...] = ()
    # Its own pages (the rest speak for every location of the site).
    own_pages: list[PageRecord] = field(default_factory=list)
    set_aside: str | None = None  # why it is no listing (it goes to the quarantine with it)


def ordered(pages: list[PageRecord]) -> list[PageRecord]:
    """Shallowest first, and a page before its translation ("/es/programa-intensivo/"): the
    site's own page stands for what both say."""
    return sorted(pages, key=lambda page: (translated(page), page.depth, page.url))


def translated(page: PageRecord) -> bool:
    return bool(TRANSLATION_FOLDER.match(urlsplit(page.url).path))


def _marked(page: PageRecord) -> dict[AddressKey, dict[str, Any]]:
    return {
        address_key(facts): {k: v for k, v in facts.items() if k.startswith("address.")}
        for facts in page.entities
        if facts.get("address.street1") and facts.get("address.postal_code")
    }


def _seen(page: PageRecord, *, main_only: bool) -> dict[AddressKey, dict[str, Any]]:
    return {
        address_key(seen.facts): seen.facts
        for seen in page.seen
        if not (main_only and seen.in_chrome)
    }


def _chrome(page: PageRecord) -> dict[AddressKey, dict[str, Any]]:
    return {address_key(seen.facts): seen.facts for seen in page.seen if seen.in_chrome}


def site_locations(
    pages: list[PageRecord],
    home: str,
    ref_of: Callable[[AddressKey, list[PageRecord]], str] | None = None,
) -> list[SiteLocation]:
    """The site's locations; ``ref_of(address, own pages)`` picks a location's page on a site
    of several (default: the shallowest of its own pages)."""
    pages = _said_whole(without_former_names(ordered(pages)))
    if not pages:
        return [SiteLocation(home, {}, [], None)]
    if not any(page.seen or _marked(page) for page in pages if page.reading.kind != "residence"):
        # No page writes a street (but a recovery house's page, its own): the site's maps and
        # directions links give it.
        pages = [replace(page, seen=page.mapped) for page in pages]
    # Addresses count only from the pages that speak for the program: a doctor's page, an
    # event's venue or a list of partner agencies names other places.
    speaking = [page for page in pages if page.reading.kind == "program"]
    places: dict[AddressKey, dict[str, Any]] = {}
    appearances: dict[AddressKey, int] = {}
    for page in speaking:
        for key, facts in {**_marked(page), **_seen(page, main_only=False)}.items():
            places.setdefault(key, facts)
        # Site-wide is what the layout repeats (markup, header, footer); a page's content
        # naming an address (a list of locations) does not make it the site's.
        for key in {**_marked(page), **_chrome(page)}:
            appearances[key] = appearances.get(key, 0) + 1
    # Visible text states an address the way the site wants it read: its facts win.
    for page in speaking:
        for key, facts in _seen(page, main_only=False).items():
            places[key] = {**places[key], **{k: v for k, v in facts.items() if v}}
    most = max(2, math.ceil(len(speaking) / 2))
    everywhere = {key for key, count in appearances.items() if count >= most}
    # Markup most pages carry is the site's (a builder's business settings), even where the
    # footer lists every office: it makes no page its office's unless the page shows it.
    marked_everywhere = {
        key
        for key, count in Counter(key for page in speaking for key in _marked(page)).items()
        if count >= most
    }

    # Offices a footer lists on every page are each still some page's own; only a single
    # site-wide address (the site's, or its parent's) is no page's own.
    listed = {
        key
        for page in speaking
        for key in _seen(page, main_only=False)
        if len(set(_seen(page, main_only=False)) & everywhere) >= 2
    }
    sitewide = everywhere - listed
    # Markup a page's own visible address contradicts, and that no page shows, is stale (an
    # old address left in a plugin's settings after a move): the visible one wins.
    visible = {key for page in speaking for key in _seen(page, main_only=False)}
    stale = {
        key
        for page in speaking
        if _seen(page, main_only=True)
        for key in _marked(page)
        if key not in visible and key not in sitewide
    }

    # An office a list labels as one no patient goes to ("Administration"), on a site of other
    # places: the organisation's, whatever page's markup gives it, not a place of care.
    of_no_care = {
        address_key(seen.facts) for page in speaking for seen in page.seen if seen.of_no_care
    } - {address_key(seen.facts) for page in speaking for seen in page.seen if not seen.of_no_care}
    if not visible - of_no_care:
        of_no_care = set()

    offices_too = False  # set once the site turns out to be one of several offices
    by_street: set[AddressKey] = set()  # places a page is its own by naming their street
    by_town: dict[AddressKey, str] = {}  # places a location's page is named for, by town

    def own(page: PageRecord) -> set[AddressKey]:
        if page.reading.kind != "program":
            return set()  # a doctor's practice, an event's venue, a partner agency: not ours
        shown = set(_seen(page, main_only=True))
        keys = ((set(_marked(page)) - marked_everywhere) | shown) - stale - of_no_care
        if offices_too and page.url != home and len(shown) == 1 and shown <= sitewide:
            return shown  # the main office's own page, on a site of several offices
        return (
            (keys - sitewide)
            or {
                key
                for key in by_street
                if street_start(key[0]) in page.streets_named
                or street_name(key[0]) in page.offices_by_street
            }
            or _named_for(page, by_town)
            or _named_for_its_street(page, set(places))
        )

    owned = {key for page in pages for key in own(page)}
    if not owned and len(listed) > 1:
        # Only the footer lists the places, and no page shows one: a location's page is the
        # place its heading is named for ("Laurel Fork Recovery - Greeneville" at
        # /locations/greeneville, the footer's Greeneville office).
        by_town = {key: places[key].get("address.city") or "" for key in listed}
        owned = {key for page in pages for key in own(page)}
    # The site is a parent's (a hospital's, a county's, a health system's) when its markup or
    # name says so, or when a page other than the home page is a program's with its own address.
    parent = bool(sitewide) and (
        any(page.parent_marked for page in pages)
        or bool(PARENT_NAME.search(site_name([page.names for page in pages]) or ""))
        or any(
            own(page) and page.url != home and PROGRAM_HEADING.search(page.names.heading or "")
            for page in speaking
        )
    )
    if owned and not parent:
        offices_too = True
        owned = {key for page in pages for key in own(page)}
    if len(owned) > 1 and not any(len(own(page)) == 1 for page in pages):
        # Only a list names the places (a footer and a locations page of a health centre's two
        # buildings): a page whose content names one's street ("our IOP meets at 57 Ash St")
        # is that place's own.
        by_street = owned
    if len(owned) == 1 and not parent and listed - owned and _is_home_path(urlsplit(home).path):
        office = [page for page in pages if own(page) == owned]
        if all(page.url != home for page in office) and _another_office(office, pages):
            # A group's therapy office, listed beside the place the IOP meets: not its place,
            # and its pages (its counsellor's languages, its openings) are not the program's.
            pages = [page for page in pages if page not in office]
            speaking = [page for page in speaking if page not in office]
            owned = set()
    if len(owned) == 1 and not parent:
        owned = _where_the_iop_is_said_to_meet(speaking, places, owned)
    if len(owned) <= 1 and not (parent and owned):
        address = _one_address(speaking, owned, (sitewide or everywhere) - stale, appearances)
        place = places.get(address, {}) if address else {}
        # The site's other places (a chain's campus, a group's other office): what a sentence
        # says of one of them alone is not this place's.
        elsewhere = _other_towns(places, place)
        # A group's home page, where the visitor sees its other offices too, is not the IOP's.
        shown_elsewhere = _other_towns({key: places[key] for key in visible - stale}, place)
        organisation = site_name([page.names for page in pages])
        ref = _program_page(
            pages,
            home,
            organisation,
            several_places=bool(shown_elsewhere) and _is_home_path(urlsplit(home).path),
        )
        name = None
        if ref != home:  # the IOP's page on a site of several kinds of care: not theirs (the
            # home page speaks for the whole site, unless it is a residence's or a unit's:
            # "Residential Addiction Treatment in Dover")
            pages = [page for page in pages if not _other_care(page) or _speaks_for_it(page, home)]
            # and the program is named by its page's heading, when that gives it a name of its
            # own ("Red Earth Path Intensive Outpatient Program" of a tribal health authority)
            heading = next((page.names.heading for page in pages if page.url == ref), None)
            name = _programs_own_name(heading, str(place.get("address.city") or ""))
        name = name or _listed_pages_name(pages, home, organisation, place)
        # (its page first: the page that stands for a named program, see facts_from_pages)
        pages = sorted(_without_other_units(pages, ref), key=lambda page: page.url != ref)
        found = [SiteLocation(ref, place, pages, name, elsewhere)]
        # (its IOP's page stands for it as the page of a site of more care, not only as the
        # page of one office among several the home page shows)
        if ref == home or _program_page(pages, home, organisation) == home:
            _standing_where_its_address_is(found, pages, home)
        return found
    program_name = site_name([page.names for page in pages])
    # A parent's offices (a county's clinics, a state's centres): the pages of their
    # department that are no one office's (the IOP's page, fees) speak for each of them.
    departmental = (
        _departments_pages(pages, [len(own(page)) for page in pages], home)
        if parent and len(owned) > 1
        else []
    )
    # (the places a page of its own is about: not those a list of offices only names)
    with_a_page = {key for key in owned if any(own(page) == {key} for page in pages)}
    if parent and len(with_a_page) == 1:
        # The parent's one program (a services board's IOP, its other offices only in a list):
        # its pages about paying and getting in (fees, same-day access, questions) are the
        # program's too.
        departmental += [
            page
            for page in pages
            if page not in departmental
            and own(page) <= with_a_page
            and ABOUT_GETTING_CARE.search(_headed(page))
            # its fees and interpreters pages speak for all its care ("Fees & Insurance",
            # "Financial Assistance", "Interpreter Services"); its other pages only if about
            # addiction care
            and (
                page.about_addiction
                or A_PAYMENT_HEADING.search(_headed(page))
                or LANGUAGE_HEADING.search(_headed(page))
            )
            and not _other_care(page)
        ]
    # The links every page carries, as the home page shows them (a site's menus).
    site_links = next(
        (page.links for page in pages if _is_home_path(urlsplit(page.url).path or "/")), None
    )
    # A site listed with a page inside it (a tribe's program page, a hospital's IOP page).
    listed_inside = not _is_home_path(urlsplit(home).path or "/")
    # (places only a list names beside them, with no page of their own, are not counted: a
    # hospital's other clinic in the next town, on its locations page)
    with_own_pages = {key for key in owned if any(own(page) == {key} for page in pages)}
    found = []
    for key in sorted(owned):
        own_pages = [page for page in pages if own(page) == {key}]
        if not own_pages:
            continue  # named only alongside others (a list of locations): no page of its own
        # The page the site was listed with (its start URL) stands for the place it is about.
        own_pages.sort(key=lambda page: page.url != home)
        if parent:
            mine = [page for page in pages if own(page) <= {key}]  # no other place's
            # Listed with this place's page inside the site (a tribe's program page): that
            # page is the program's, whatever its heading calls it.
            listed_here = own_pages[0].url == home and listed_inside
            # Or listed with its one place's program page, which states no address of its own
            # (a hospital's IOP page; the address on the clinic's page): that page is the
            # program's, the place's page its too.
            listed_program = (
                next(
                    (
                        page
                        for page in mine
                        if page.url == home
                        and not own(page)
                        and _the_listed_programs_page(page, own_pages, pages)
                    ),
                    None,
                )
                if listed_inside and len(with_own_pages) == 1
                else None
            )
            if listed_program is not None:
                own_pages, listed_here = [listed_program, *own_pages], True
            program, rest = _parents_program(own_pages, mine, site_links, listed_here)
            if listed_program is not None:  # and the place's own page is the program's too
                rest += [page for page in own_pages if page not in rest and page is not program]
            rest += [page for page in departmental if page not in rest]
            found.append(
                SiteLocation(
                    program.url,
                    places[key],
                    [program, *rest],
                    _its_name(program, pages, home, program_name, places[key], len(owned)),
                    own_pages=own_pages,
                )
            )
        else:
            # (an office's page of its own before a list of places that shows it: "/locations")
            own_pages.sort(
                key=lambda page: (page.url != home, len(_seen(page, main_only=True)) > 1)
            )
            shared = [page for page in pages if len(own(page)) != 1]
            offices_pages = [page for page in own_pages if _an_offices_page(page, places[key])]
            standing = own_pages
            if (
                len(owned) > 1
                and not listed_inside
                and offices_pages
                and key not in _seen(own_pages[0], main_only=True)
            ):
                # The home page of a site of several offices, its own only by its markup (the
                # organisation's, at the main office's address): the office's own page (under
                # /locations/, or headed by its town) stands for the office.
                standing = offices_pages
                own_pages = offices_pages + [page for page in own_pages if page not in standing]
            listed_with = own_pages[0].url == home
            ref = ref_of(key, standing) if ref_of and not listed_with else own_pages[0].url
            name = _an_offices_name(own_pages[0], places[key], program_name, pages, home)
            found.append(
                SiteLocation(ref, places[key], own_pages + shared, name, own_pages=own_pages)
            )
    if not found:
        # No page is one place's own: which of them runs the program the site does not say.
        return [SiteLocation(home, {}, pages, None, set_aside=NO_PAGE_OF_ITS_OWN)]
    if len(found) > 1:
        for location in found:
            location.elsewhere = _other_towns(places, location.place)
        _mark_offices_without_the_program(found)
        _mark_offices_the_iop_meets_beside(found)
        _mark_places_beside_the_listed_one(found, home)
    _the_programs_page_for_its_one_place(found, [len(own(page)) for page in pages], pages, home)
    _standing_where_its_address_is(found, pages, home, parent=parent)
    return found


def _standing_where_its_address_is(
    found: list[SiteLocation], pages: list[PageRecord], home: str, *, parent: bool = False
) -> None:
    """A site's one program, on a site of its own (not a page inside a parent's), stands on
    the page that gives its address where the page chosen for it does not (its home page
    showing only a sister organisation's footer, its IOP page beside a locations page): the
    page a referrer opens to find the door. Its pages, and what they say, stay as they are.
    On a parent's site (a county's, a services board's) the one page headed as its IOP stands
    for it wherever the address is; of several IOPs' pages (adult, teen, women's), the page
    over them giving the address does; of an office's own page and a list of the offices, the
    office's ("Belgrade Office", not "Locations")."""
    if len(found) != 1 or found[0].set_aside or not _is_home_path(urlsplit(home).path):
        return
    location = found[0]
    key = address_key(location.place)
    if not key[0] or not key[1]:
        return

    def shows(page: PageRecord, *, main_only: bool) -> bool:
        return key in _seen(page, main_only=main_only)

    standing = next((page for page in pages if page.url == location.ref), None)
    if standing is None or shows(standing, main_only=False):
        return
    headed_iop = [page for page in pages if IOP_HEADING.search(page.names.heading or "")]
    if parent and headed_iop == [standing]:
        return
    # The program's page that gives it in its content ("Recovery Services" over three IOPs'
    # pages); else a page for finding the program (not a donation's, a privacy policy's, a
    # form's, nor another kind of care's).
    programs = [
        page
        for page in pages
        if shows(page, main_only=True)
        and page.reading.facts.get(IOP_FACT) is True
        and not _other_care(page)
        and A_PROGRAMS_HEADING.search(page.names.heading or "")
    ]
    finding = [page for page in pages if _a_page_for_finding_it(page)]
    giving = (
        programs
        or [page for page in finding if shows(page, main_only=True)]
        or [page for page in finding if shows(page, main_only=False)]
    )
    if len(giving) > 1:
        # its office's own page before a list of the offices ("Belgrade Office", "Locations")
        giving = [page for page in giving if set(_seen(page, main_only=True)) == {key}] or giving
    if len(giving) == 1:
        location.ref = giving[0].url


# The heading of a program's or its services' page: "Recovery Services", "Adult IOP" (not
# "Give Today", "Volunteer", "Contact us").
A_PROGRAMS_HEADING = re.compile(
    r"^(?!.*\b(?:give|giving|donat\w*|volunteer\w*|careers?|jobs|news|blog|events?|privacy|forms?"
    r"|contact|about|visit|locations?)\b).*\b(?:programs?|services|recovery|treatment|iop"
    r"|intensive outpatient|counseling|behavioral health|substance use|addiction)\b",
    re.I,
)


# A page for finding a program, by its heading or its path's last part: "Contact us", "Visit &
# Contact", "Locations", "/find-us", "/directions", "About".
FINDING_IT = re.compile(r"\b(?:contact|locations?|visit|find|directions|about|offices?)\b", re.I)


def _a_page_for_finding_it(page: PageRecord) -> bool:
    last = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    return (
        page.reading.kind == "program"
        and not _other_care(page)
        and bool(FINDING_IT.search(f"{page.names.heading or ''} {last}"))
    )


def _said_whole(pages: list[PageRecord]) -> list[PageRecord]:
    """Pages whose sentence gives a street without its ZIP code ("Find us at 713 Franklin St in
    Pella") where another page gives it whole: the whole one, one place, not two."""
    whole = {
        (door(seen.facts), seen.facts.get("address.city")): seen.facts
        for page in pages
        for seen in page.seen
        if seen.facts.get("address.postal_code")
    }

    def filled(seen: SeenAddress) -> SeenAddress:
        full = whole.get((door(seen.facts), seen.facts.get("address.city")))
        return (
            replace(seen, facts=full)
            if full and not seen.facts.get("address.postal_code")
            else seen
        )

    return [replace(page, seen=[filled(seen) for seen in page.seen]) for page in pages]


def _an_offices_page(page: PageRecord, place: dict[str, Any]) -> bool:
    """Whether a page is an office's own: under a folder of places ("/locations/ware") or
    headed by its town ("Ware Office"), not a page that names its address in passing (a
    parking note, a class's venue)."""
    folders = urlsplit(page.url).path.strip("/").split("/")[:-1]
    town = str(place.get("address.city") or "")
    heading = page.names.heading or ""
    return any(PLACES_FOLDER.fullmatch(folder) for folder in folders) or bool(
        town
        and re.match(
            rf"^\W*{re.escape(town)}\b(?:\s+(?:office|clinic|location|center|centre"
            r"|campus))?\W*$",
            heading,
            re.I,
        )
    )


# The heading of a page listing a site's places: "Locations", "Our Offices", "Find our clinics"
# (not one office's: "Clinic", "Location").
PLACES_HEADING = re.compile(
    r"^\W*(?:our |all |find our |find )?(?:locations|offices|clinics|sites)"
    r"(?: (?:and|&) hours)?\W*$",
    re.I,
)


def _a_list_of_places(page: PageRecord, others_pages: list[PageRecord]) -> bool:
    """Whether a page lists the site's places ("Locations"), linking to another's own page."""
    return bool(PLACES_HEADING.match(page.names.heading or "")) and any(
        _path(other) in page.links for other in others_pages if other.url != page.url
    )


def _its_item_states_the_iop(page: PageRecord, location: SiteLocation) -> bool | None:
    """What a list of places says of one place by its own item ("Cass City Behavioral Health -
    6420 Main St, Cass City, MI 48726 - counseling, IOP"): the IOP if its item names it, else
    nothing (the list's other items are the other places')."""
    town = str(location.place.get("address.city") or "")
    items = [
        item
        for sentence in page.reading.stated_in.get(IOP_FACT, [])
        for item in re.split(r";", sentence)
        if town and re.search(rf"\b{re.escape(town)}\b", item)
    ]
    return True if any(IOP_HEADING.search(item) for item in items) else None


def _without_other_units(pages: list[PageRecord], ref: str) -> list[PageRecord]:
    """The pages that speak for a program whose page (``ref``) states its IOP: not another
    unit's, in another section of the site, that says it has none and refers elsewhere ("The
    Counseling Center does not provide addiction IOP; students are referred to the Recovery
    Clinic")."""
    program = next((page for page in pages if page.url == ref), None)
    if program is None or program.reading.facts.get(IOP_FACT) is not True:
        return pages
    return [
        page
        for page in pages
        if not (
            page.reading.facts.get(IOP_FACT) is False
            and _section(page.url) != _section(ref)
            and REFERRED_OUT.search(page.reading.evidence.get(IOP_FACT, ""))
        )
    ]


# Why a site of several places is no listing: it lists them, and no page is any one's own.
NO_PAGE_OF_ITS_OWN = "the site lists several places and no page says which one runs the program"


# A page about reaching or paying the program, not the program's own: "Contact Desert Mountain
# Healing IOP", "IOP FAQs", "Insurance for IOP".
ABOUT_REACHING_US_OR_PAYING = re.compile(
    r"^\W*(?:contact|about|visit|find|paying|pay\b|fees|reviews?|testimonials?|careers?|jobs|meet"
    r"|our team|locations?|getting started|what (?:is|are)\b)|\bfaqs?\b|frequently asked"
    r"|\?\W*$|\bvs\.?(?:\s|$)|\bversus\b|\bcosts?\b|\binsurance\b|\balumni\b|\badmissions?\b",
    re.I,
)
OUTPATIENT = re.compile(r"\boutpatient\b|\biop\b", re.I)
# Care whose home page is not an IOP's organisation's: a residence, a unit with beds.
A_UNIT_OR_A_HOUSE = re.compile(UNITS_AND_HOUSES + r"|inpatient", re.I)
# A heading that names a program ("Morning Star Recovery Program"), not a service ("Youth
# Wellness") that may mention the IOP.
A_PROGRAMS_NAME = re.compile(r"\b(?:program|programme|recovery|treatment)\b", re.I)
# A contact page's heading, whoever it is for: "Contact the Health Department", "Directions".
A_CONTACT_PAGES_HEADING = re.compile(
    r"^\W*(?:contact|locations?\b|directions\b|find us\b|visit us\b|how to find us\b)", re.I
)


def _the_listed_programs_page(
    page: PageRecord, place_pages: list[PageRecord], pages: list[PageRecord]
) -> bool:
    """Whether the page a parent's site is listed with is its one place's program page: headed
    as an IOP, or headed by a program's name and stating one where no page is headed so and
    the place's own page is only a contact page ("Morning Star Recovery Program", its address
    on "Contact the Health Department"; not a county's "Community Services" page over its
    clinic's own page, nor a "Youth Wellness" page naming an IOP elsewhere)."""
    if IOP_HEADING.search(page.names.heading or ""):
        return True
    return (
        page.reading.facts.get(IOP_FACT) is True
        and bool(A_PROGRAMS_NAME.search(page.names.heading or ""))
        and bool(A_CONTACT_PAGES_HEADING.match(place_pages[0].names.heading or ""))
        and not any(IOP_HEADING.search(other.names.heading or "") for other in pages)
    )


# A page about reaching a place, no page about its care: "Contact", "Locations", "Visit us".
ABOUT_REACHING_US = re.compile(
    r"^(?:contact(?: us)?|locations?|our locations|visit(?: us)?|find us|directions"
    r"|about(?: us)?)$",
    re.I,
)


def _the_programs_page_for_its_one_place(
    found: list[SiteLocation], owned: list[int], pages: list[PageRecord], home: str
) -> None:
    """On a site of several places of which one runs the IOP (a sober-living operator's IOP
    centre beside its houses and an outreach office), the site's one IOP page stands for that
    place where its own page is only its contact page (``owned``: how many places each of
    ``pages`` is its own page of): the page headed as the IOP, or the program's own page a
    crawl of a parent's site starts at ("Cedar Smoke Recovery Program" of a tribe's health
    department), where it states the IOP."""
    running = [location for location in found if location.set_aside is None]
    candidates = [
        page
        for page, count in zip(pages, owned, strict=True)
        if count <= 1
        and not translated(page)
        and page.reading.kind == "program"  # not a news post ("IOP marks its first year")
    ]
    programs = [page for page in candidates if IOP_HEADING.search(page.names.heading or "")]
    if not programs and not _is_home_path(urlsplit(home).path):
        programs = [
            page for page in candidates if page.url == home and page.reading.facts.get(IOP_FACT)
        ]
    if len(running) != 1 or len(programs) != 1:
        return
    place, program = running[0], programs[0]
    own_page = next((page for page in pages if page.url == place.ref), None)
    heading = (own_page.names.heading or "") if own_page else ""
    # (the program's page the crawl starts at, named by its heading as a program, "Cedar Smoke
    # Recovery Program", not "Youth Wellness" naming a clinic's IOP in passing, over a
    # department's page of its hours and contacts that says nothing of the IOP: "Lost River
    # Health & Wellness - Hours & Contact")
    town = str(place.place.get("address.city") or "")
    named = _programs_own_name(program.names.heading, town)
    started_at = (
        program.url == home
        and named is not None
        and not (own_page and own_page.reading.facts.get(IOP_FACT))
    )
    if ABOUT_REACHING_US.match(heading.strip()) or started_at:
        place.ref = program.url
        place.pages = [program, *(page for page in place.pages if page is not program)]
        if started_at:  # named by its page, not the department's ("... - Hours & Contact")
            place.name = named


# Why an office of a site of several is no listing of ours: other offices' own pages state the
# IOP, and its own do not (see _mark_offices_without_the_program).
NO_IOP_HERE = "an office of this site whose own pages state no IOP, where other offices' do"


def _mark_offices_without_the_program(found: list[SiteLocation]) -> None:
    """On a site of several offices where some offices' own pages state the IOP, which offices
    run it. Where only offices' own pages speak of it, an office whose own pages do not state
    it is set aside with :data:`NO_IOP_HERE` as its reason, not served as an IOP: a group's
    counselling offices and a chain's other centres. Where a page of the whole site (a
    program page) states it too, it is every office's, except where an office's own pages
    deny it or list the care they give (therapies, another level of care) without it, or
    where the site says its offices offer different care."""
    pages = {id(page): page for location in found for page in location.pages}.values()
    banners = _repeated(pages, IOP_FACT)
    # (a list of the site's places is no office's word, though it writes one office's street
    # alone: "Locations" giving a family clinic's street beside links to the others' pages)
    others_pages = {
        id(location): [page for other in found if other is not location for page in other.own_pages]
        for location in found
    }
    stated = [
        [
            _its_item_states_the_iop(page, location)
            if _a_list_of_places(page, others_pages[id(location)])
            else _iop_stated(page, banners, location)
            for page in location.own_pages
        ]
        for location in found
    ]
    if not any(True in said for said in stated):
        return
    own = {id(page) for location in found for page in location.own_pages}
    # A program page of the whole site, not a list of the offices (which says it per office).
    varies = any(page.reading.varies_by_place for page in pages) or _placed(pages, found)
    sitewide = not varies and any(
        page.reading.facts.get(IOP_FACT) is True
        for page in pages
        if id(page) not in own
        and page.reading.kind == "program"
        and len(_seen(page, main_only=True)) < 2
    )
    for location, said in zip(found, stated, strict=True):
        other_care = any(
            (path.startswith("therapies.") or path in OTHER_CARE) and value is True
            for page in location.own_pages
            for path, value in page.reading.facts.items()
        )
        if True not in said and (not sitewide or False in said or other_care):
            location.set_aside = NO_IOP_HERE


# Words placing the program at each of a site's offices: "at both our offices".
EVERY_OFFICE = re.compile(
    r"\b(?:both|all|each|either|any) (?:of )?(?:our |the )?(?:offices|locations|clinics|sites"
    r"|office|location|clinic|site)\b",
    re.I,
)


def _mark_offices_the_iop_meets_beside(found: list[SiteLocation]) -> None:
    """On a site of several offices whose pages for all of them (the IOP's page) name one
    office by its street as where the IOP's groups meet ("Groups meet Tuesday ... evenings at
    the Park Avenue clinic"), the other offices, whose own pages do not state the IOP, are set
    aside with :data:`NO_IOP_HERE` (a university's student office on Darden Drive)."""
    own = {id(page) for location in found for page in location.own_pages}
    # (the IOP's own pages: not a home page's support groups, nor a DUI class's page)
    iop_pages = {
        id(page): page
        for location in found
        for page in location.pages
        if id(page) not in own and IOP_HEADING.search(page.names.heading or "")
    }.values()
    named = {street for page in iop_pages for street in page.offices_by_street}
    streets = {
        id(location): street_name(str(location.place.get("address.street1") or ""))
        for location in found
    }
    meeting = [
        location
        for location in found
        if location.set_aside is None and streets[id(location)] in named
    ]
    if len(meeting) != 1:
        return
    said = " ".join(page.content for page in iop_pages)
    others = [streets[id(location)] for location in found if location is not meeting[0]]
    if EVERY_OFFICE.search(said) or any(
        re.search(rf"\b{re.escape(street.split()[0])}\b", said, re.I) for street in others if street
    ):
        return  # "at both our offices", "day groups meet at Darden Drive": not the one place
    for location in found:
        if location is meeting[0] or location.set_aside is not None:
            continue
        if not any(page.reading.facts.get(IOP_FACT) is True for page in location.own_pages):
            location.set_aside = NO_IOP_HERE
            if location.own_pages:  # (its own page, not the IOP's page the other stands on)
                location.ref = location.own_pages[0].url
    if all(location.own_pages for location in found):
        _standing_on_its_own_page(meeting[0])


def _standing_on_its_own_page(office: SiteLocation) -> None:
    """The office the IOP meets at, one of several offices each with a page of its own, stands
    on that page ("The Park Avenue Clinic"), as each office of a site of several does, not on
    the IOP's page all of them share."""
    if office.ref in {page.url for page in office.own_pages}:
        return
    key = address_key(office.place)
    pages = [page for page in office.own_pages if _an_offices_page(page, office.place)] or [
        page for page in office.own_pages if key in _seen(page, main_only=True)
    ]
    if len(pages) == 1:
        office.ref = pages[0].url


# Why a place is no listing of ours: the site was listed with a page inside a larger site (a
# university's clinic, a chain's centre) that is another place's.
BESIDE_THE_LISTED_PAGE = "another place of the larger site the listed program's page is in"


def _mark_places_beside_the_listed_one(found: list[SiteLocation], home: str) -> None:
    """A site listed with a page inside it (not its home page) that is one place's own page
    lists that place: the site's other places (a university's student health centre beside
    its recovery clinic) are set aside with :data:`BESIDE_THE_LISTED_PAGE`."""
    if _is_home_path(urlsplit(home).path):
        return
    listed = [
        location
        for location in found
        if location.ref == home or any(page.url == home for page in location.own_pages)
    ]
    if len(listed) != 1:
        return
    for location in found:
        if location is not listed[0] and location.set_aside is None:
            location.set_aside = BESIDE_THE_LISTED_PAGE


def _placed(pages: Iterable[PageRecord], found: list[SiteLocation]) -> bool:
    """Whether the site says where its IOP meets, by an office's town ("Lafayette IOP: now
    accepting", "it meets at our Lafayette office"): then it is that office's, not every
    office's."""
    towns = {str(location.place.get("address.city") or "") for location in found} - {""}
    if not towns:
        return False
    named = re.compile(r"\b(?:" + "|".join(re.escape(town) for town in towns) + r")\b")
    return any(
        named.search(sentence)
        for page in pages
        for sentence in page.reading.stated_in.get(IOP_FACT, [])
    )


def _other_towns(
    places: dict[AddressKey, dict[str, Any]], place: dict[str, Any]
) -> tuple[str, ...]:
    """The towns of the site's places other than ``place``'s."""
    here = str(place.get("address.city") or "")
    towns = {str(facts.get("address.city") or "") for facts in places.values()}
    return tuple(sorted(towns - {here, ""}))


def _speaks_for_it(page: PageRecord, home: str) -> bool:
    """Whether the home page of a site of several kinds of care speaks for its IOP too: unless
    it is a residence's or a unit's ("Residential Addiction Treatment in Dover"), not also an
    outpatient program's ("Sober Living and Outpatient Treatment in Asheville")."""
    heading = page.names.heading or ""
    return page.url == home and (
        bool(OUTPATIENT.search(heading)) or not A_UNIT_OR_A_HOUSE.search(heading)
    )


def _in_the_town(town: str) -> str:
    """A pattern of a sentence placing something in a town: "in Middlebury", "at our Ord
    office"."""
    return rf"\b(?:in|at) (?:our |the )?{re.escape(town)}\b"


def _where_the_iop_is_said_to_meet(
    pages: list[PageRecord], places: dict[AddressKey, dict[str, Any]], owned: set[AddressKey]
) -> set[AddressKey]:
    """The one place a page makes its own, unless the sentences stating the IOP name another
    of the site's places by its town and never this one ("IOP groups meet in person in
    Middlebury", where the offices page shows Vergennes's address): then that place."""
    towns = {key: str(facts.get("address.city") or "") for key, facts in places.items()}
    said = " ".join(
        sentence for page in pages for sentence in page.reading.stated_in.get(IOP_FACT, [])
    )
    # Where groups meet: "meet in person in Middlebury", "at our Middlebury office" (not "adults
    # from Vergennes", not "Our Mission is simple").
    named = {key for key, town in towns.items() if town and re.search(_in_the_town(town), said)}
    # or by its street: "The IOP meets in Building C on our Main Street campus, 1735 Main St"
    # (not a street it is not at, or has left: "not at our 220 N Main St office", "moved from")
    named |= {
        key
        for key in towns
        if key[0]
        and re.search(
            rf"(?<!not at )(?<!not at our )(?<!from )(?<!from our )(?<!instead of )"
            rf"\b{re.escape(street_start(key[0]))}\b",
            said,
            re.I,
        )
    }
    if named and not named & owned and len({towns[key] for key in named}) == 1:
        return {min(named)}
    return owned


def _another_office(office: list[PageRecord], pages: list[PageRecord]) -> bool:
    """Whether an office's own pages state no IOP where the site's other pages do."""
    banners = _repeated(pages, IOP_FACT)
    others = [page for page in pages if page not in office]
    return not any(_iop_stated(page, banners) for page in office) and any(
        _iop_stated(page, banners) for page in others
    )


def _repeated(pages: Iterable[PageRecord], path: str) -> set[str]:
    """Sentences stating ``path`` that most pages repeat: a banner's or a footer's, the site's
    word, not any one page's ("Lafayette IOP: now accepting new clients" on every page)."""
    pages = list(pages)
    counts = Counter(
        sentence for page in pages for sentence in page.reading.stated_in.get(path, [])
    )
    least = max(2, math.ceil(len(pages) / 2))
    return {sentence for sentence, count in counts.items() if count >= least}


def _iop_stated(
    page: PageRecord, banners: set[str], location: SiteLocation | None = None
) -> bool | None:
    """Whether a page states the IOP in its own words (not only in a banner every page
    repeats, nor only in sentences about the site's other places: "Clients from the Ord area
    who need an IOP attend in Broken Bow"); one that says it both ways ("not offered here; see
    our IOP locations") does not run it."""
    if IOP_FACT in page.reading.conflicts:
        return False
    stated: bool | None = page.reading.facts.get(IOP_FACT)
    said_in = page.reading.stated_in.get(IOP_FACT, [])
    if stated and set(said_in) <= banners:
        return None
    own_words = [sentence for sentence in said_in if sentence not in banners]
    if (
        stated
        and location is not None
        and own_words
        and all(_of_another_place(sentence, location) for sentence in own_words)
    ):
        return None
    return stated


def _of_another_place(sentence: str, location: SiteLocation) -> bool:
    """Whether a sentence sends this office's clients to another of the site's places for the
    IOP ("Clients from the Ord area who need an IOP attend in Broken Bow", on the Ord office's
    page; "we refer Ord clients to our Broken Bow program"), not one that likens or adds it
    ("Like our clinic in Broken Bow, we offer an IOP", "clients may also attend in Broken Bow"),
    states it here too ("Ord's IOP meets ..."), or sends them for another care ("for residential
    care we refer clients to our Broken Bow partner")."""
    here = str(location.place.get("address.city") or "")
    if here and re.search(
        rf"{_in_the_town(here)}|\b{re.escape(here)}'s (?i:iop|intensive)",
        sentence,
    ):
        return False  # the IOP here too: "Ord's IOP meets ...; for residential care we refer"
    for other in location.elsewhere:
        sent = other and re.search(rf"{SENT_THERE}(?:our |the )?{re.escape(other)}\b", sentence)
        if (
            sent
            and not SENT_ONLY_THERE_NOT.search(sentence[: sent.end()])
            # (after the town, "or" is one more of the other places: "... to our La Plata or
            # Leonardtown programs", unless it adds this one: "... or at our office here")
            and not HERE_TOO.search(sentence[sent.end() :])
            # for the IOP, not another care ("for residential care we refer clients to our
            # Broken Bow partner", "... go to our Broken Bow office for aftercare groups")
            and not FOR_ANOTHER_CARE.search(sentence)
        ):
            return True
    return False


# Clients sent to another place for the IOP: "... attend in Broken Bow", "... go to our
# Holdrege office", "... can attend IOP at our Enfield, CT office", "we refer Waldorf clients to
# our La Plata or Leonardtown programs"; or the IOP said to be there and so not here: "IOP is
# offered in Lisbon and Anamosa" (on the Mechanicsville office's page).
SENT_THERE = (
    r"\b(?:(?:attend|go|travel|commute)(?:\s+(?:the |our |an )?(?i:iop|intensive outpatient"
    r"(?: program| care)?))?|are referred|are sent|(?:is|are) (?:only )?(?:offered|held|run)"
    r"|refer(?:s|red)?\s+(?:[\w-]+\s+){0,3}?)\s*(?:in|at|to)\s+"
)
# Another care a sentence sends clients elsewhere for: not the IOP.
FOR_ANOTHER_CARE = re.compile(
    r"\b(?:residential|detox|withdrawal|inpatient|aftercare|alumni|higher level of care"
    r"|medication management|psychiatry|primary care|picnic|step-down)\b",
    re.I,
)
# After the other place, words that add this one: "... attend in Broken Bow or here".
HERE_TOO = re.compile(r"\b(?:also|too|here|this office)\b|\bor (?:at|in) (?:our|this)\b", re.I)
# Before it, words that liken or add it: "Like our clinic in Broken Bow, ...", "... also attend".
SENT_ONLY_THERE_NOT = re.compile(
    r"\b(?:also|too|or|like|same|switch\w*|modell?ed|trained|here|this office)\b", re.I
)


# Care an office's page names instead of the IOP.
OTHER_CARE = frozenset(
    f"levels_of_care.{level}" for level in ("outpatient", "partial_hospitalization", "residential")
)


OFFICE_WORDS = re.compile(r"\b(?:our|the|office|location|clinic|center|centre)\b|[^\w\s]", re.I)


def _an_offices_name(
    page: PageRecord, place: dict[str, Any], program: str | None, pages: list[PageRecord], home: str
) -> str | None:
    """An office's name (see :func:`_office_name`); listed with its page inside a larger site,
    the program's by that page's heading ("Lakeside Intensive Outpatient Program" of a
    hospital's pavilion); and a program's own, named by its page's heading ("Morning Star
    Recovery Program")."""
    if name := _office_name(page, place, program):
        return name
    if page.url == home and (name := _listed_pages_name(pages, home, program, place)):
        return name
    if page.reading.facts.get(IOP_FACT) is True:
        return _programs_own_name(page.names.heading, str(place.get("address.city") or ""))
    return None


def _office_name(page: PageRecord, place: dict[str, Any], program: str | None) -> str | None:
    """An office's name: its page's heading when that names the office ("Harborview Recovery
    - Lowell"); the program's own name when the heading is only the town ("Lowell Office"), as
    the sites' lists of offices name them; none when the heading does not name its town."""
    heading, town = page.names.heading or "", place.get("address.city") or ""
    if not town or not re.search(rf"\b{re.escape(town)}\b", heading, re.I):
        return None
    rest = OFFICE_WORDS.sub(" ", re.sub(rf"\b{re.escape(town)}\b", " ", heading, flags=re.I))
    return heading if rest.split() else program


# A heading that names the kind of program only: "Intensive Outpatient Program (IOP)", "Adult
# Substance Use Intensive Outpatient (IOP)", "Evening IOP", "Intensive Outpatient Program for
# Men", "Dual Diagnosis Intensive Outpatient Program".
ONLY_THE_KIND = re.compile(
    r"\b(?:intensive|outpatient|programs?|programmes?|iop|adults?|adolescents?|teens?|youth"
    r"|substance|use|abuse|alcohol|drugs?|addiction|treatment|services?|disorders?|and"
    rf"|{TRACK_TIMES}|virtual|online|hybrid|tracks?"
    r"|(?:wo)?men(?:['\u2019]s)?|dual|diagnosis|co-occurring|for|the|our|at|of|in|with)\b"
    r"|[^\w\s]",
    re.I,
)


# A program's own name before its kind: "Red Earth Path Intensive Outpatient Program", "Sendero
# IOP", "Morning Star Recovery Program" (not "Addiction Recovery IOP", "Salem IOP", "How Our IOP
# Works", "Behavioral Health").
NAME_BEFORE_THE_KIND = re.compile(
    r"^\W*((?:[A-Z][\w'\u2019-]*\s+){1,4})(?:Intensive Outpatient(?: Program)?|IOP"
    r"|Recovery Program)"
    r"(?:\s*\(IOP\))?\W*$"
)
NOT_A_NAMES_WORD = re.compile(
    r"(?:addiction|recovery|mental|health|behavioral|substance|use|abuse|adults?|adolescents?"
    r"|teens?|youth|women|men|evening|day|daytime|morning|virtual|online|outpatient|services?"
    r"|our|the|program|treatment|alcohol|drugs?|dual|diagnosis|co-occurring|and|of|for|in|at"
    # other kinds of care or of people: "Residential Recovery Program", "Celebrate Recovery"
    r"|residential|inpatient|opioid|family|peer|court|veterans?|faith|based|christian|celebrate"
    r"|sober|new)(?:['\u2019]s)?",
    re.I,
)


def _programs_own_name(heading: str | None, town: str) -> str | None:
    """The heading of a program's page as its name, when it names the program before its
    kind, by words that are neither a kind of care nor its town."""
    named = NAME_BEFORE_THE_KIND.match(heading or "")
    if named is None or (town and town.casefold() in named[1].casefold()):
        return None
    words = [word.strip("&,.") for word in named[1].split()]
    own = [word for word in words if word and not NOT_A_NAMES_WORD.fullmatch(word)]
    return heading if own else None


# Words of a heading that name a kind of care, a department or a page, not a program of its own.
NOT_A_PROGRAMS_WORD = re.compile(
    NOT_A_NAMES_WORD.pattern + r"|(?:clinics?|cent(?:er|re)s?|department|division|directory"
    r"|office|building|county|university|hospital|medical|welcome|home|ministr(?:y|ies)"
    r"|counseling|care|intensive|iop|community|programs?|support|wellness|hope|help|get"
    r"|started|about|contact|us|your|a|an|student|students|campus|chemical|dependency|medicine"
    r"|options?|getting|disorders?|partial|hospitali[sz]ation|medication|assisted|psychiatry"
    r"|admissions|insurance|locations?|levels?|offer|we|meet|team|frequently|asked|questions"
    r"|integrated|crisis|prevention|living|dui|dwi|classes|approach|who|serve|employee"
    r"|assistance|spiritual|outreach|resources|news|events|staff)",
    re.I,
)


def _listed_pages_name(
    pages: list[PageRecord], home: str, organisation: str | None, place: dict[str, Any]
) -> str | None:
    """The heading of the page a site was listed with inside a larger site, as its program's
    name when it names one ("Oahe Hope Recovery" of First Covenant Church, "SVU Recovery
    Clinic" of a university): not a heading of a kind of care, a department or a directory, nor
    the organisation's or the town's."""
    if _is_home_path(urlsplit(home).path or "/"):
        return None
    listed = next((page for page in pages if page.url == home), None)
    if listed is None or listed.reading.facts.get(IOP_FACT) is not True:
        return None  # (a page that does not state the IOP names no program of it)
    heading = listed.names.heading or ""
    town = str(place.get("address.city") or "")
    if (
        not re.fullmatch(
            r"(?:[A-Z][\w'\u2019&.-]*|of|and|&|the)(?: (?:[A-Z][\w'\u2019&.-]*|of"
            r"|and|&|the))*",
            heading,
        )
        or heading == organisation
        or (town and town.casefold() in heading.casefold())
    ):
        return None
    words = [word.strip("&,.") for word in heading.split()]
    own = [word for word in words if word and not NOT_A_PROGRAMS_WORD.fullmatch(word)]
    return heading if own else None


def _its_name(
    program: PageRecord,
    pages: list[PageRecord],
    home: str,
    organisation: str | None,
    place: dict[str, Any],
    places: int,
) -> str | None:
    """A parent's program's name: its page's heading, unless that names only its kind; then,
    for the parent's one place, the heading of the page the site was listed with, when it names
    one; else the full name of the department the site was listed with, as its page writes it;
    else the organisation's."""
    name = named_by_its_heading(program.names.heading, organisation)
    if name == organisation and places == 1:
        name = _listed_pages_name(pages, home, organisation, place) or name
    if name == organisation:
        name = _departments_full_name(pages, home, organisation) or name
    return name


# A government's name's state after it: "Three Rivers County, Ohio", "Nye County, NV".
OF_A_STATE = re.compile(rf",\s*(?:{STATE})$")


def _departments_full_name(
    pages: list[PageRecord], home: str, organisation: str | None
) -> str | None:
    """The full name of the department a site was listed with, as its page writes it: the
    organisation's name (without its state: "Three Rivers County, Ohio") and the page's heading
    ("Pecos Mesa County Behavioral Health Services is a county department ..." on the page
    headed "Behavioral Health Services"), or the department's above it, as that page writes it
    ("Milton Creek County Behavioral Health is ..." over its Substance Use Services page)."""
    listed = next((page for page in pages if page.url == home), None)
    if listed is None or not organisation:
        return None
    # (or its department's, the page just above it: "Milton Creek County Behavioral Health is
    # the county's community mental health program" over its Substance Use Services page)
    folder = _path(listed).rsplit("/", 1)[0]
    above = [page for page in pages if folder and _path(page) == folder]
    for page in [listed, *above]:
        if not page.names.heading:
            continue
        for name in dict.fromkeys((organisation, OF_A_STATE.sub("", organisation))):
            # (a division between: "Pelican Lakes County Human Services' Chemical Health unit")
            written = re.compile(
                rf"{re.escape(name)}\b(?:\s+[A-Z][\w'\u2019]*){{0,3}}\s+"
                rf"{re.escape(page.names.heading)}\b"
            )
            if written.search(page.content):
                return f"{name} {page.names.heading}"
    return None


def named_by_its_heading(heading: str | None, organisation: str | None) -> str | None:
    """A program's page heading as its name, unless it names only the kind of program: then
    its organisation's (a listing named "Intensive Outpatient Program" names no door)."""
    if heading and not ONLY_THE_KIND.sub(" ", heading).split():
        return organisation or heading
    return heading


# Another service of a practice (not a part of the IOP, like "Family therapy").
OTHER_SERVICE_HEADING = re.compile(
    r"\bcouples\b|marriage|primary care|dental|medication management", re.I
)


def _named_for_its_street(page: PageRecord, places: set[AddressKey]) -> set[AddressKey]:
    """The one place a location's page (in a places folder, "/locations/main-street") is named
    for by its street, whose content names that street's number ("Our Danbury office is on the
    second floor at 284 Main Street"), where it gives no address whole."""
    name = _its_name_in_a_places_folder(page)
    if not name or _seen(page, main_only=True) or CLOSED_OR_MOVED.search(page.content):
        return set()
    named = {
        key
        for key in places
        if street_start(key[0]) in page.streets_named
        and street_name(key[0]).split()[0] in name.split("-")
    }
    return named if len(named) == 1 else set()


# A place left behind: "Our old office at 284 Main Street is closed", "we moved from ...".
CLOSED_OR_MOVED = re.compile(r"\b(?:closed|moved|old office|former|no longer)\b", re.I)


def _its_name_in_a_places_folder(page: PageRecord) -> str:
    """A location's page's own name in a folder of places ("main-street" of
    "/locations/main-street"), lowercased; "" of a page in no such folder."""
    folders = urlsplit(page.url).path.strip("/").split("/")
    if len(folders) < 2 or not PLACES_FOLDER.fullmatch(folders[-2]):
        return ""
    return folders[-1].lower()


def _named_for(page: PageRecord, towns: dict[AddressKey, str]) -> set[AddressKey]:
    """The one listed place a location's page (in a places folder) is named for by its town."""
    name = _its_name_in_a_places_folder(page)
    if not name:
        return set()
    heading = page.names.heading or ""
    named = {
        key
        for key, town in towns.items()
        if town
        and re.search(rf"\b{re.escape(town)}\b", heading)
        # its page's own name is the town's ("/locations/greeneville", ".../greeneville-tn"),
        # not a street's or a neighbourhood's ("/locations/jackson-street")
        and re.fullmatch(rf"{_slug(town)}(?:-[a-z]{{2}})?(?:\.html?)?", name)
    }
    return named if len(named) == 1 else set()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _program_page(
    pages: list[PageRecord], home: str, name: str | None = None, several_places: bool = False
) -> str:
    """The page that stands for a site's one program: its home page, unless the site runs other
    kinds of care too (a PHP, a recovery house, or a community health centre's primary care),
    each on a page of its own, and one page is the IOP's (headed as the IOP or, where none is,
    the one that states it and says most of how it runs): then that page."""
    listed = next((page.names.heading or "" for page in pages if page.url == home), "")
    if IOP_HEADING.search(listed) and not OTHER_CARE_HEADING.search(listed):
        return home  # listed with its IOP's page: not a track's page beside it
    headed = [
        (page, page.names.heading or "")
        for page in pages
        if page.url != home
        and page.reading.kind in ("program", "residence")
        and not translated(page)
    ]
    iop = [page for page, heading in headed if IOP_HEADING.search(heading)] or (
        _the_iops_page_by_what_it_says(
            [page for page, heading in headed if not ABOUT_REACHING_US_OR_PAYING.search(heading)],
            pages,
        )
    )
    others = [page for page, _ in headed if _other_care(page)] + [
        page  # a group practice's therapy beside its IOP: "Individual & couples therapy"
        for page, heading in headed
        if OTHER_SERVICE_HEADING.search(heading) and not IOP_HEADING.search(heading)
    ]
    many_services = (
        bool(MANY_SERVICES_NAME.search(name or ""))
        or bool(MANY_SERVICES_HEADING.search(listed))
        or (len(iop) == 1 and _one_of_the_services(iop[0], pages))
        # listed with a directory of a department's services: the IOP's own page is the IOP's
        or bool(A_DIRECTORY_HEADING.search(listed))
    )
    return iop[0].url if len(iop) == 1 and (others or many_services or several_places) else home


# What a program's own page says of how it runs.
SCHEDULE_PATHS = ("schedule.hours_per_week", "schedule.program_weeks", "schedule.evening",
                  "schedule.daytime")  # fmt: skip


def _the_iops_page_by_what_it_says(
    candidates: list[PageRecord], pages: list[PageRecord]
) -> list[PageRecord]:
    """The page, of a site none of whose pages is headed as the IOP ("Second Wind"), that states
    the IOP in its own words (not a banner every page repeats) and says the most of how it runs
    (its hours, weeks, day or evening groups); none where two say as much."""
    banners = _repeated(pages, IOP_FACT)
    said = [
        (sum(path in page.reading.facts for path in SCHEDULE_PATHS), page)
        for page in candidates
        if _iop_stated(page, banners) and not _other_care(page)
    ]
    most = max((count for count, _ in said), default=0)
    best = [page for count, page in said if count == most]
    return best if most >= 2 and len(best) == 1 else []


# The heading of a page listing an organisation's services: "Services", "Our Programs", a kind
# of care's ("Addiction Services", "Substance Use Programs"; not the IOP's own).
SERVICES_HEADING = re.compile(
    r"^(?:our )?(?:(?!intensive\b|iop\b|outpatient\b)[a-z&/-]+ ){0,3}"
    r"(?:services|programs|programs (?:and|&) services)$|^what we (?:offer|do)$",
    re.I,
)


# A page listing a department's programs: "Behavioral Health Service Directory".
A_DIRECTORY_HEADING = re.compile(
    r"\bservices? directory\b|\bdirectory of (?:services|programs)\b", re.I
)


def _one_of_the_services(program: PageRecord, pages: list[PageRecord]) -> bool:
    """Whether the program's page is one of an organisation's services, under the page that
    lists them (``/services/adult-iop`` under "Services" at ``/services``): the organisation
    does more than the IOP, and the IOP's page speaks for it, not the home page."""
    folder = _path(program).rsplit("/", 1)[0]
    return bool(folder) and any(
        _path(page) == folder and SERVICES_HEADING.match((page.names.heading or "").strip())
        for page in pages
    )


def _other_care(page: PageRecord) -> bool:
    """A page headed as another kind of care than the IOP (the PHP's, a recovery house's)."""
    heading = page.names.heading or ""
    return bool(OTHER_CARE_HEADING.search(heading)) and not IOP_HEADING.search(heading)


def _one_address(
    pages: list[PageRecord],
    owned: set[AddressKey],
    everywhere: set[AddressKey],
    appearances: dict[AddressKey, int],
) -> AddressKey | None:
    """The one program's address: a page's own, else the site-wide one the visitor sees."""
    if owned:
        return next(iter(owned))
    visible = {key for page in pages for key in _seen(page, main_only=False)} & everywhere
    candidates = visible or everywhere
    if not candidates:
        seen = [key for page in pages for key in _seen(page, main_only=False)]
        candidates = set(seen[:1])
    if not candidates:
        return None
    # Of addresses as often shown, the one the markup gives, then the one shown first (a
    # footer's main address before "our East Wenatchee counseling office: ...").
    marked = Counter(key for page in pages for key in _marked(page))
    shown_first = list(dict.fromkeys(key for page in pages for key in _seen(page, main_only=False)))
    return max(
        candidates,
        key=lambda key: (
            appearances.get(key, 0),
            marked[key],
            -shown_first.index(key) if key in shown_first else -len(shown_first),
        ),
    )


# The folder of a site that lists its places ("/locations/", "/treatment-centers/").
PLACES_FOLDER = re.compile(A_PLACES_FOLDER, re.I)


def _departments_pages(pages: list[PageRecord], owned: list[int], home: str) -> list[PageRecord]:
    """The pages of a parent's offices' department that are no one office's (``owned``: how
    many places each page is its own page of), and, where the department is the whole site,
    only those about the program (home, program, fees, questions), not its other services."""
    offices = [
        page for page, count in zip(pages, owned, strict=True) if count == 1 and page.url != home
    ]
    if len(offices) == 1 and not _is_home_path(urlsplit(home).path or "/"):
        # one office's folder is no department: with the program's page the site was listed
        # with, theirs is (a county's /412/Lake-Okabena-Recovery-Program beside /413/Adrian)
        offices += [page for page, count in zip(pages, owned, strict=True) if page.url == home]
    department = _department(offices)
    return [
        page
        for page, count in zip(pages, owned, strict=True)
        if count != 1
        and in_folder(page.url, department)
        and not _other_care(page)
        # (a site of flat paths, a county's "/317/Behavioral-Health" beside "/326/Clintonville-
        # Clinic": its pages about the program, and the department's page it was listed with)
        and (department != "/" or _about_the_program(page) or page.url == home)
    ]


def _department(offices: list[PageRecord]) -> str | None:
    """The folder of the offices' pages, above a folder that lists them (``/departments/
    addiction-services/`` of ``.../addiction-services/locations/utica/``). None when an office
    is another kind of care (``/services/iop/`` beside ``/services/otp/``): programs, not places."""
    if any(_other_care(page) for page in offices):
        return None
    folders = [_section(page.url).strip("/").split("/") for page in offices]
    common: list[str] = []
    for parts in zip(*folders, strict=False):
        if len(set(parts)) > 1:
            break
        common.append(parts[0])
    if common and PLACES_FOLDER.search(common[-1]):
        common.pop()
    return "/" + "".join(f"{part}/" for part in common if part)


def _parents_program(
    own_pages: list[PageRecord],
    mine: list[PageRecord],
    site_links: frozenset[str] | None,
    listed: bool = False,
) -> tuple[PageRecord, list[PageRecord]]:
    """On a parent's site (a hospital's, a county's), a place's program page and the pages that
    speak for it, from its own pages and ``mine`` (the pages no other place's): the page
    headed as the program, in the place's section or among its own pages elsewhere (an FQHC's
    IOP page at its centre's address); then the pages under it speak for it, not the centre's
    page (a building's hours and other services are not the program's) nor its folder's
    other services, and so do the pages its own menu leads to (see :func:`_navigated`).
    ``listed``: the first of ``own_pages`` is the page the site was listed with, the program's."""

    def within(folder: str) -> list[PageRecord]:
        return [page for page in mine if in_folder(page.url, folder)]

    in_section = within(_section(own_pages[0].url))
    ours = in_section + [page for page in own_pages if page not in in_section]
    # The listed page, or the program's own page under it ("…/center/iop/"); else the page
    # headed as the program.
    below = urlsplit(own_pages[0].url).path.rstrip("/") + "/"
    candidates, named = (
        ([page for page in mine if in_folder(page.url, below)], PROGRAM_TITLE.match)
        if listed
        else (ours, PROGRAM_HEADING.search)
    )
    if listed and A_DIRECTORY_HEADING.search(own_pages[0].names.heading or ""):
        # listed with a directory of the department's services: the IOP's page among its pages
        candidates, named = mine, IOP_HEADING.search
    program = next((page for page in candidates if named(page.names.heading or "")), own_pages[0])
    if program not in in_section:
        in_section = within(urlsplit(program.url).path.rstrip("/") + "/")
    menu = _navigated(program, mine, site_links)
    above = _addiction_clinic_above(program, [*own_pages, *mine])
    speaking: list[PageRecord] = []
    for page in in_section + menu + above:
        if _other_care(page) and not ADDICTION_CLINIC.search(page.names.heading or ""):
            continue  # its menu's page of another care: a county's DUI program
        if page is not program and all(page is not seen for seen in speaking):
            speaking.append(page)
    return program, speaking


# The heading of a clinic whose care is all addiction care (an IOP's own clinic), not a health
# centre's or a hospital's of every service.
ADDICTION_CLINIC = re.compile(
    r"addiction|recovery|substance|chemical (?:dependency|health)|\bsud\b", re.I
)


def _addiction_clinic_above(program: PageRecord, candidates: list[PageRecord]) -> list[PageRecord]:
    """The page just above a program page, when it is an addiction clinic's of which the
    program is one service (``/addiction-recovery-clinic/`` above ``.../prairie-bridge-iop/``),
    with that clinic's pages about paying and getting in: they speak for the program too."""
    path = _path(program)
    folder = path.rsplit("/", 1)[0] + "/"
    if folder == "/":
        return []
    clinic = [
        page
        for page in candidates
        if _path(page) + "/" == folder
        and ADDICTION_CLINIC.search(page.names.heading or "")
        and not _other_care(page)
    ]
    if not clinic:
        return []
    about_it = [
        page
        for page in candidates
        if in_folder(page.url, folder)
        and _path(page).count("/") == path.count("/")
        and page is not program
        and ABOUT_GETTING_CARE.search(page.names.heading or "")
        and not _other_care(page)
    ]
    return [*clinic[:1], *about_it]


def _navigated(
    program: PageRecord, mine: list[PageRecord], site_links: frozenset[str] | None
) -> list[PageRecord]:
    """The pages a program page's own menu leads to, on a site whose pages are in no folders
    of theirs (a county's ``/216/Intensive-Outpatient-Program`` beside its department's
    ``/214/Recovery-Services``): the links it has that the site's home page has not, to pages
    that carry most of the same menu."""
    if site_links is None:
        return []
    menu = program.links - site_links - {_path(program)}
    if len(menu) < 2:
        return []
    return [
        page for page in mine if _path(page) in menu and 2 * len(page.links & menu) >= len(menu)
    ]


def _path(page: PageRecord) -> str:
    """A page's path as links name it: ``/216/iop``, ``/`` (see ``pages.page_path``)."""
    return page_path(urlsplit(page.url).path)


# Headings of pages about paying for care, its questions and admissions.
PAYING_AND_ASKING = PAYMENT_HEADING + r"|\bfaqs?\b|questions|admission|getting started"
# Headings of a parent's pages about paying for care and getting in, not about one program.
# Headings of a parent's pages about the languages its care is given in, by interpreters.
LANGUAGE_HEADING = re.compile(
    r"\binterpret(?:ers?|ation|ing services)\b|\blanguage (?:assistance|access|services)", re.I
)
ABOUT_GETTING_CARE = re.compile(
    PAYING_AND_ASKING
    + r"|same[- ]day access|how to get (?:help|started|care)|"
    + LANGUAGE_HEADING.pattern,
    re.I,
)
# Headings of a site's pages about its program as a whole: the program, paying for it, its
# questions and admissions.
PROGRAM_WIDE_HEADING = re.compile(PROGRAM_HEADING.pattern + r"|" + PAYING_AND_ASKING, re.I)


def _headed(page: PageRecord) -> str:
    """A page's main heading or, where it has none (a page builder's styled text), its
    title's first part ("Sliding Fee Discount Program - Chattahoochee Bluffs")."""
    return page.names.heading or next(iter(page.names.title_parts), "")


def _about_the_program(page: PageRecord) -> bool:
    """A page of a whole site that speaks for each of a parent's offices, where the offices'
    department is the whole site: the home page, or one headed as the program's (its page,
    fees, questions), not a page of the parent's other services (primary care, dental)."""
    path = urlsplit(page.url).path or "/"
    return _is_home_path(path) or bool(PROGRAM_WIDE_HEADING.search(page.names.heading or ""))


def _is_home_path(path: str) -> bool:
    """``/``, ``/index.html``, ``/home``: a site's home page, however it is addressed."""
    return bool(re.fullmatch(r"/?(?:(?:index|default|home)(?:\.\w+)?)?/?", path, re.I))


def _section(url: str) -> str:
    """``/behavioral-health/`` of ``/behavioral-health/intensive-outpatient``."""
    path = urlsplit(url).path or "/"
    if path.endswith("/"):
        return path
    return path.rsplit("/", 1)[0] + "/"
