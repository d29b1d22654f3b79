"""schema.org data (JSON-LD and microdata, via extruct) as facility facts.

Programs mark themselves up as ``MedicalOrganization``, ``MedicalClinic``, ``MedicalBusiness``
or plain ``LocalBusiness``, often inside an ``@graph`` or as the ``provider`` of a
``MedicalWebPage``; :func:`entities` finds them wherever they sit. :func:`entity_facts` maps one
to facts: name, address, coordinates, telephone, url, opening hours (``"Mo-Fr 08:00-20:00"``)
and the payments and languages it lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import extruct

from crawler.prose.numbers import DAY_ORDER, day_span, days_in_runs
from crawler.prose.vocabulary import US_STATES
from crawler.spiders.base.identity import POST_OFFICE_BOX, UNIT, parse_address
from iop.facility import Location, LocationPrecision, Ownership, Phone
from iop.phones import ten_digits

WANTED_TYPES = {
    "LocalBusiness", "MedicalBusiness", "MedicalClinic", "MedicalOrganization", "Hospital",
    "HealthAndBeautyBusiness", "ProfessionalService", "Psychiatric",
    "MedicalCenter", "DiagnosticLab", "EmergencyService", "GovernmentOrganization", "NGO",
}  # fmt: skip
# A person is never a place to send a patient, whatever type their markup borrows.
PEOPLE = {"Person", "Physician", "Patient", "IndividualPhysician"}
# An institution a program belongs to: its markup names the parent, not the program.
PARENTS = {
    "Hospital", "MedicalCenter", "GovernmentOrganization", "CollegeOrUniversity",
    "EmergencyService", "Corporation",
}  # fmt: skip
DAY_NAMES = {
    "monday": "Mo", "tuesday": "Tu", "wednesday": "We", "thursday": "Th", "friday": "Fr",
    "saturday": "Sa", "sunday": "Su",
}  # fmt: skip
PAYMENTS = {
    r"medicaid|medi-cal|masshealth|ahcccs|centennial care": "payment.medicaid",
    r"medicare": "payment.medicare",
    r"private insurance|commercial insurance": "payment.private_insurance",
    r"tricare": "payment.military_insurance",
    r"\bcash\b|self[- ]pay": "payment.self_pay",
    r"sliding": "payment.sliding_fee",
}


def entities(html: str, url: str) -> list[dict[str, Any]]:
    """Every wanted-type entity on the page, nested ones included, in page order."""
    return [entity for entity in marked(html, url) if wanted(entity)]


def marked(html: str, url: str) -> list[dict[str, Any]]:
    """Every entity of the page's markup, nested ones included (not a person's own), in page
    order."""
    try:
        data = extruct.extract(
            html, base_url=url, syntaxes=["json-ld", "microdata"], uniform=True, errors="ignore"
        )
    except Exception:  # a page's broken markup must not stop the crawl of the site
        return []
    found: list[dict[str, Any]] = []
    for item in data.get("json-ld", []) + data.get("microdata", []):
        for entity in _walk(item):
            if entity not in found:
                found.append(entity)
    return found


def peoples_lines(found: list[dict[str, Any]]) -> set[str]:
    """The ten-digit phone numbers the markup gives people (a physician's office line): no
    program's."""
    lines = set()
    for entity in found:
        if types_of(entity) & PEOPLE:
            for phone in _listed(entity.get("telephone")):
                digits = ten_digits(str(phone))
                if len(digits) == 10:
                    lines.add(digits)
    return lines


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        yield value
        if types_of(value) & PEOPLE:
            return  # a doctor's hospital affiliation or employer is not this site's place
        for key, child in value.items():
            if key != "@context":
                yield from _walk(child)


def types_of(entity: dict[str, Any]) -> set[str]:
    kind = entity.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}


def wanted(entity: dict[str, Any]) -> bool:
    kinds = types_of(entity)
    return bool(kinds & WANTED_TYPES) and not kinds & PEOPLE


def is_parent(entity: dict[str, Any]) -> bool:
    """A hospital's, an agency's or a university's markup: the program's parent."""
    return bool(types_of(entity) & PARENTS)


# Whose government a GovernmentOrganization's name says runs its programs: a tribe's
# ("Bois d'Arc Nation", "Cerbat Springs Indian Community"), a county's or a city's ("Clear Fork
# County", "Three Rivers Public Health District") or a state's ("North Dakota Health and Human
# Services", "New York State Office for Recovery Services").
TRIBAL_GOVERNMENT = re.compile(
    r"\btrib(?:e|es|al)\b|\bnation\b(?! recovery)|\bband of\b|\bpueblos?\b|\brancheria\b"
    r"|\bindian community\b",
    re.I,
)
LOCAL_GOVERNMENT = re.compile(
    r"\b(?:county|city|borough|parish|township|municipal\w*|district|services board)\b", re.I
)
STATES = "|".join(re.escape(name) for name in US_STATES)
STATE_GOVERNMENT = re.compile(
    rf"\bstate of (?:{STATES})\b|\bstate (?:office|department|agency|division)\b"
    rf"|^(?:the )?(?:{STATES}) (?:state )?(?:department|office|division|agency|bureau"
    r"|health and human services|health & human services|human services)\b",
    re.I,
)
# A business's name, whatever type its markup borrows ("Hope Nation Recovery LLC").
A_BUSINESS = re.compile(
    r"\b(?:llc|inc|pllc|partners|associates|center|centre|clinic|healthcare)\b", re.I
)


def government_owner(entities: list[dict[str, Any]]) -> tuple[Ownership, str] | None:
    """Who runs a government's programs, as the page's own GovernmentOrganization markup names
    it (not one nested in another entity: a clinic's funder or the board it is a member of),
    with that name."""
    nested = {id(child) for entity in entities for child in _walk(entity) if child is not entity}
    for entity in entities:
        name = _text(entity.get("name")) or ""
        if (
            id(entity) in nested
            or "GovernmentOrganization" not in types_of(entity)
            or A_BUSINESS.search(name)
        ):
            continue
        for pattern, owner in (
            (TRIBAL_GOVERNMENT, Ownership.PUBLIC_TRIBAL),
            (LOCAL_GOVERNMENT, Ownership.PUBLIC_LOCAL),
            (STATE_GOVERNMENT, Ownership.PUBLIC_STATE),
        ):
            if pattern.search(name):
                return owner, name
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def address_facts(address: Any) -> dict[str, Any]:
    if isinstance(address, list):
        address = address[0] if address else None
    if isinstance(address, str):
        return parse_address(address) or {}
    if not isinstance(address, dict):
        return {}
    street = _text(address.get("streetAddress"))
    if street and POST_OFFICE_BOX.match(street):
        street = None  # a mailing address: the place is not known from it
    street1, street2 = street, None
    if street:
        parts = re.split(rf",?\s+(?=(?:{UNIT})\b)", street, maxsplit=1, flags=re.I)
        if len(parts) == 2:
            street1, street2 = parts
    region = _text(address.get("addressRegion"))
    return {
        "address.street1": street1,
        "address.street2": street2,
        "address.city": _text(address.get("addressLocality")),
        "address.state": state_code(region),
        "address.postal_code": _text(address.get("postalCode")),
    }


CODE_BY_NAME = {name.lower(): code for name, code in US_STATES.items()}


def state_code(region: str | None) -> str | None:
    """ "NM", "nm" or "New Mexico" as "NM"."""
    if not region:
        return None
    if len(region) == 2:
        return region.upper()
    return CODE_BY_NAME.get(region.strip().lower())


def location_of(geo: Any) -> Location | None:
    if isinstance(geo, list):
        geo = geo[0] if geo else None
    if not isinstance(geo, dict):
        return None
    try:
        lat, lon = float(geo["latitude"]), float(geo["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Location(lat=lat, lon=lon, precision=LocationPrecision.STREET, source="schema.org")


def opening_hours(entity: dict[str, Any]) -> list[str]:
    """``["Mo-Fr 08:00-20:00", "Sa 09:00-13:00"]`` from either way schema.org writes hours. A
    day that opens and closes at the same time is closed (Google's "00:00-00:00"), and a day
    written without hours is closed too (Squarespace's "Mo 08:00-17:00, ..., Sa, Su")."""
    by_hours: dict[tuple[str, str], set[str]] = {}
    specs = entity.get("openingHoursSpecification") or []
    for spec in specs if isinstance(specs, list) else [specs]:
        if not isinstance(spec, dict) or not spec.get("opens") or not spec.get("closes"):
            continue
        days = spec.get("dayOfWeek") or []
        codes = {DAY_NAMES.get(str(day).rsplit("/", 1)[-1].lower()) for day in _listed(days)}
        _add_hours(by_hours, codes - {None}, str(spec["opens"])[:5], str(spec["closes"])[:5])
    if not by_hours:
        for value in _listed(entity.get("openingHours")):
            for days, times in _written_hours(str(value)):
                for opens, closes in times:
                    _add_hours(by_hours, days, opens, closes)
    return [
        f"{_day_ranges(days)} {opens}-{closes}"
        for (opens, closes), days in sorted(by_hours.items(), key=lambda kv: _first_day(kv[1]))
    ]


# A day as markup writes it: "Mo", "Mon", "Monday" (not "Mo" in "Month").
DAY_CODE = r"(?:Mo(?:n|nday)?|Tu(?:e|es|esday)?|We(?:d|dnesday)?|Th(?:u|ur|urs|ursday)?"
DAY_CODE += r"|Fr(?:i|iday)?|Sa(?:t|turday)?|Su(?:n|nday)?)\.?(?![A-Za-z])"
DAY_SPAN = rf"{DAY_CODE}(?:\s*-\s*{DAY_CODE})?"
WRITTEN_DAYS = re.compile(rf"\s*((?:{DAY_SPAN})(?:\s*,\s*{DAY_SPAN})*)")
# A time as markup writes it: "08:00", "8:00", "0800", "8am", "5:00pm", "5:00 PM".
CLOCK = r"\d{1,2}(?::?\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
TIME_SPAN = re.compile(rf"({CLOCK})\s*-\s*({CLOCK})", re.I)
WRITTEN_CLOCK = re.compile(r"(\d{1,2})(?::?(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?", re.I)


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _written_hours(text: str) -> list[tuple[set[str], list[tuple[str, str]]]]:
    """Each entry of schema.org's ``openingHours`` text: its days and their times. Entries are
    parted by ", " ("Mo 08:00-17:00, We, Th 08:00-17:00": Wednesday closed, as Squarespace
    writes it); days without times before the first entry with times share its times ("Mo, We,
    Fr 09:00-17:00"); an entry may give several times ("Mo-Fr 08:00-12:00 13:00-17:00")."""
    entries: list[tuple[set[str], list[tuple[str, str]]]] = []
    waiting: set[str] = set()
    text = re.sub(r"\([^)]*\)", " ", text)  # "(IOP groups Tu,Th 18:00-21:00)": no office's
    text = re.sub(rf"(?<=[\dmM.])\s+(?={DAY_CODE})", ", ", text)  # "... 17:00 Sa 09:00-12:00"
    for part in re.split(r"\s*[,;]\s+|\s*;\s*", text):
        days = WRITTEN_DAYS.match(part)
        if days is None:
            continue
        if re.search(r"\bclosed\b", part, re.I):
            waiting = set()  # "Sa, Su closed"
            continue
        named = _written_days(days.group(1))
        spans = [
            (_hh_mm(first, second), _hh_mm(second, first))
            for first, second in TIME_SPAN.findall(part[days.end() :])
        ]
        times = [_in_order(opens, closes) for opens, closes in spans if opens and closes]
        times = [(opens, closes) for opens, closes in times if opens < closes]
        if times:
            entries.append((waiting | named, times))
            waiting = set()
        elif not entries:
            waiting |= named  # "Mo, We, Fr 09:00-17:00": the days before the first times
    return entries


def _hh_mm(clock: str, other: str) -> str | None:
    """``"08:00"`` from "8:00", "0800", "8am", "5:00pm"; an hour with no a.m. or p.m. of its own
    takes the other end's p.m. when it is earlier ("8:00-5:00pm" opens at 8 a.m.)."""
    match = WRITTEN_CLOCK.fullmatch(clock.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = match.group(3)
    if meridiem is None:
        theirs = WRITTEN_CLOCK.fullmatch(other.strip())
        theirs_pm = theirs is not None and (theirs.group(3) or "").lower() == "p"
        meridiem = "p" if theirs_pm and int(theirs.group(1)) % 12 > hour % 12 else None
    if meridiem:
        hour = hour % 12 + (12 if meridiem.lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour <= 24 and minute < 60 else None


def _in_order(opens: str, closes: str) -> tuple[str, str]:
    """A closing hour written without "pm" before the opening one is an afternoon's ("9-5")."""
    hour = int(closes[:2])
    return (
        (opens, f"{hour + 12:02d}{closes[2:]}")
        if closes <= opens and hour < 12
        else (opens, closes)
    )


def _written_days(days: str) -> set[str]:
    """Day codes as written: "Mo-Fr", "Mon-Fri", "Mo,We,Fr", a range past Sunday ("Fr-Mo")."""
    chosen: set[str] = set()
    for part in re.split(r"\s*,\s*", days):
        first, _, last = (code.strip(" .")[:2].capitalize() for code in part.partition("-"))
        start, end = DAY_ORDER.index(first), DAY_ORDER.index(last or first)
        chosen.update(DAY_ORDER[(start + step) % 7] for step in range((end - start) % 7 + 1))
    return chosen


def _add_hours(
    by_hours: dict[tuple[str, str], set[str]], days: set[Any], opens: str, closes: str
) -> None:
    if days and opens != closes:
        by_hours.setdefault((opens, closes), set()).update(days)


def _first_day(days: set[str]) -> int:
    return min(DAY_ORDER.index(day) for day in days)


def _day_ranges(days: set[str]) -> str:
    return ",".join(day_span(run) for run in days_in_runs(days))


def hours_flags(hours: list[str]) -> dict[str, bool]:
    """Evening and weekend flags from opening hours that show them (closing after 6 p.m.)."""
    flags: dict[str, bool] = {}
    for line in hours:
        match = re.search(r"(\d{2}):(\d{2})-(\d{2}):(\d{2})", line)
        if match and int(match.group(3)) * 60 + int(match.group(4)) > 18 * 60:
            flags["schedule.evening"] = True
        if re.search(r"\b(?:Sa|Su)\b", line):
            flags["schedule.weekend"] = True
    return flags


def entity_facts(entity: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {"name": _text(entity.get("name"))}
    facts.update(address_facts(entity.get("address")))
    location = location_of(entity.get("geo"))
    if location is not None:
        facts["location"] = location
    telephone = _text(entity.get("telephone"))
    if telephone:
        facts["phones"] = [Phone.model_construct(number=telephone)]  # raw: see pipelines
    url = _text(entity.get("url"))
    if url and url.startswith("http"):
        facts["website"] = url
    hours = opening_hours(entity)
    if hours:
        facts["schedule.opening_hours"] = hours
    payments = entity.get("paymentAccepted") or []
    for payment in payments if isinstance(payments, list) else str(payments).split(","):
        for pattern, path in PAYMENTS.items():
            if re.search(pattern, str(payment), re.I):
                facts[path] = True
    languages = entity.get("availableLanguage") or []
    for language in languages if isinstance(languages, list) else [languages]:
        if re.fullmatch(r"es|spanish|español", str(_text(language) or "").lower()):
            facts["languages.spanish"] = True
    return {path: value for path, value in facts.items() if value not in (None, "", [])}
