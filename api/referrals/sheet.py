"""The printable referral sheet: what a patient needs to get in, and when each fact was checked.

One entry per chosen facility: intake phone and hours, MAT policy, languages, payment, what to
bring, the wait, each with the source and date it was verified (from ``provenance``). Rendered
as printable HTML or as CSV; no templates engine, every value escaped.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field
from datetime import date

from iop.facility import Facility, PhoneKind
from iop.geo import Point, great_circle_miles

MAT_FIELDS = {
    "mat_buprenorphine": "buprenorphine",
    "mat_methadone": "methadone",
    "mat_naltrexone": "naltrexone",
    "mat_alcohol": "alcohol MAT",
    "otp_certified": "certified OTP",
    "mat_accepts_outside_prescriptions": "continues outside MAT prescriptions",
}
PAYMENT_NAMES = {
    "medicaid": "Medicaid",
    "medicare": "Medicare",
    "private_insurance": "private insurance",
    "military_insurance": "TRICARE",
    "self_pay": "self-pay",
    "sliding_fee": "sliding fee",
    "free_care": "free care",
}
SECTIONS = {
    "intake": ("intake", "phones"),
    "mat": ("medications",),
    "languages": ("languages",),
    "payment": ("payment",),
    "schedule": ("schedule",),
    "wait": ("availability",),
}


@dataclass
class SheetEntry:
    facility_id: str
    name: str
    address: str
    distance_miles: float | None
    intake_phone: str
    intake_hours: str
    walk_in: str
    opening_hours: str
    schedule: str
    mat_policy: str
    languages: str
    payment: str
    what_to_bring: str
    wait: str
    listing_url: str
    verified: dict[str, str] = field(default_factory=dict)


def _yes_no(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _states(values: dict[str, bool | None], names: dict[str, str]) -> str:
    known = [f"{names[k]}: {'yes' if v else 'no'}" for k, v in values.items() if v is not None]
    return "; ".join(known) or "unknown"


def verified(facility: Facility, prefixes: tuple[str, ...]) -> str:
    """The oldest check among a section's facts: "samhsa, 2026-11-20 (as of 2026-10-01)"."""
    records = [
        record for path, record in facility.provenance.items() if path.split(".", 1)[0] in prefixes
    ]
    if not records:
        return "not stated by any source"
    oldest = min(records, key=lambda record: record.fetched_at)
    as_of = f" (as of {oldest.as_of.isoformat()})" if oldest.as_of else ""
    return f"{oldest.source}, fetched {oldest.fetched_at.date().isoformat()}{as_of}"


def _phone(facility: Facility) -> str:
    phones = sorted(facility.phones, key=lambda p: p.kind is not PhoneKind.INTAKE)
    if not phones:
        return "unknown"
    phone = phones[0]
    extension = f" ext. {phone.extension}" if phone.extension else ""
    return f"{phone.number}{extension} ({phone.kind.value})"


def _wait(facility: Facility) -> str:
    availability = facility.availability
    parts = []
    if availability.accepting_new_patients is not None:
        parts.append(
            "accepting new patients"
            if availability.accepting_new_patients
            else "not accepting new patients"
        )
    if availability.days_to_intake is not None:
        parts.append(f"intake in ~{availability.days_to_intake} days")
    if not parts:
        return "unknown"
    said = ", ".join(
        p for p in (availability.source, availability.as_of and availability.as_of.isoformat()) if p
    )
    return "; ".join(parts) + (f" ({said})" if said else "")


def entry(facility: Facility, origin: Point | None) -> SheetEntry:
    address = facility.address
    street = ", ".join(p for p in (address.street1, address.street2) if p)
    town = " ".join(p for p in (address.city, address.state, address.postal_code) if p)
    distance = None
    if origin is not None and facility.location is not None and not facility.access.virtual_only:
        distance = round(
            great_circle_miles(origin, Point(facility.location.lat, facility.location.lon)), 1
        )
    schedule = facility.schedule
    languages = [
        name
        for name, offered in (
            ("English", True),
            ("Spanish", facility.languages.spanish),
            ("sign language", facility.languages.sign_language),
        )
        if offered
    ] + list(facility.languages.other or [])
    payment = [name for code, name in PAYMENT_NAMES.items() if getattr(facility.payment, code)]
    return SheetEntry(
        facility_id=facility.id,
        name=facility.name or "(unnamed)",
        address="virtual program"
        if facility.access.virtual_only
        else ", ".join(p for p in (street, town) if p),
        distance_miles=distance,
        intake_phone=_phone(facility),
        intake_hours=facility.intake.hours or "unknown",
        walk_in=_yes_no(facility.intake.walk_in),
        opening_hours="; ".join(schedule.opening_hours or []) or "unknown",
        schedule=_states(
            {"daytime": schedule.daytime, "evening": schedule.evening, "weekend": schedule.weekend},
            {"daytime": "daytime", "evening": "evening", "weekend": "weekend"},
        ),
        mat_policy=_states(
            {code: getattr(facility.medications, code) for code in MAT_FIELDS}, MAT_FIELDS
        ),
        languages=", ".join(languages),
        payment=", ".join(payment) or "unknown",
        what_to_bring=", ".join(facility.intake.what_to_bring or []) or "unknown",
        wait=_wait(facility),
        listing_url=next((s.url for s in facility.sources if s.url), "") or "",
        verified={name: verified(facility, prefixes) for name, prefixes in SECTIONS.items()},
    )


CSV_COLUMNS = [
    "facility_id", "name", "address", "distance_miles", "intake_phone", "intake_hours",
    "walk_in", "opening_hours", "schedule", "mat_policy", "languages", "payment",
    "what_to_bring", "wait", "listing_url",
]  # fmt: skip


def render_csv(entries: list[SheetEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS + [f"{name}_verified" for name in SECTIONS])
    for item in entries:
        row = [getattr(item, column) for column in CSV_COLUMNS]
        row = ["" if value is None else value for value in row]
        writer.writerow(row + [item.verified[name] for name in SECTIONS])
    return out.getvalue()


ROWS = [
    ("Intake phone", "intake_phone", "intake"),
    ("Intake hours", "intake_hours", "intake"),
    ("Walk-in", "walk_in", "intake"),
    ("What to bring", "what_to_bring", "intake"),
    ("Medication (MAT)", "mat_policy", "mat"),
    ("Languages", "languages", "languages"),
    ("Payment accepted", "payment", "payment"),
    ("Opening hours", "opening_hours", "schedule"),
    ("Groups", "schedule", "schedule"),
    ("Wait", "wait", "wait"),
]

STYLE = """
body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5em; color: #111; }
h1 { font-size: 15pt; margin: 0 0 .2em; } .note { color: #555; font-size: 9pt; }
section { border-top: 2px solid #333; padding-top: .4em; margin-top: 1em;
  page-break-inside: avoid; }
h2 { font-size: 12.5pt; margin: 0; } table { border-collapse: collapse; width: 100%; }
th { text-align: left; width: 11em; vertical-align: top; padding: 2px 6px 2px 0; }
td { padding: 2px 6px 2px 0; vertical-align: top; } td.v { color: #555; font-size: 8.5pt; }
@media print { body { margin: 0; } }
"""


def render_html(entries: list[SheetEntry], today: date) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Referral sheet</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Intensive outpatient programs: referral sheet</h1>",
        f"<p class='note'>Printed {today.isoformat()}. Call ahead: facts change; each line "
        "says when it was last verified.</p>",
    ]
    for number, item in enumerate(entries, 1):
        where = e(item.address)
        if item.distance_miles is not None:
            where += f" &middot; {item.distance_miles} mi"
        parts.append(f"<section><h2>{number}. {e(item.name)}</h2><p>{where}</p><table>")
        for label, attribute, section in ROWS:
            parts.append(
                f"<tr><th>{e(label)}</th><td>{e(str(getattr(item, attribute)))}</td>"
                f"<td class='v'>verified: {e(item.verified[section])}</td></tr>"
            )
        parts.append("</table></section>")
    parts.append("</body></html>")
    return "".join(parts)
