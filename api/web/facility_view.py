"""A facility as a referrer reads it: every field, grouped, each with where it came from.

A stated fact shows its source, its link (a web page only) and the date the source says it held
(:func:`api.referrals.sheet.verified`, the sheet's own wording), and, for a fact read from a
program's page, the sentence it came from; a fact no source stated reads "not stated". Nothing
here decides a value: it only shows the model's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.referrals.sheet import Words, record_of, value_at, verified
from iop.facility import Facility
from iop.phones import dialled
from iop.vocabulary import SERVICE_GROUPS, SERVICES

WORDS = Words("en")
WEB = ("http://", "https://")
GROUP_TITLES = {
    "levels_of_care": "Levels of care",
    "medications": "Medications",
    "detox": "Detox",
    "therapies": "Therapies",
    "schedule": "Schedule",
    "payment": "Payment",
    "ages": "Ages accepted",
    "populations": "Programs for",
    "languages": "Languages",
    "access": "Access",
}
# Fields of a group that are not services: shown in the group, in words.
GROUP_EXTRAS = {
    "medications": ("pharmacotherapies",),
    "detox": ("substances",),
    "therapies": ("other",),
    "schedule": ("opening_hours", "hours_per_week", "program_weeks"),
    "languages": ("other",),
    "access": ("licensed_states",),
}


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    state: str  # met | not-met | unknown | plain
    source: str | None  # "2024 (SAMHSA survey)"... or None when not stated
    url: str | None
    evidence: str | None = None  # the page's own sentence the fact was read from


def _row(facility: Facility, path: str, label: str, value: Any) -> Row:
    record = facility.provenance.get(path) or (record_of(facility, path) if value else None)
    if value is None or value == [] or value == "":
        return Row(label, "not stated", "unknown", None, None)
    if value is True or value is False:
        state, words = ("met", "yes") if value else ("not-met", "no")
    else:
        state = "plain"
        words = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    url = record.url if record and record.url and record.url.startswith(WEB) else None
    said = record.evidence if record else None
    return Row(label, words, state, verified(record, WORDS) if record else None, url, said)


def facility_sections(facility: Facility) -> list[tuple[str, list[Row]]]:
    where = facility.address.one_line()
    contact = [
        _row(facility, "name", "Program", facility.name),
        _row(facility, "operator", "Run by", facility.operator),
        _row(facility, "address.street1", "Address", where or None),
        _row(
            facility,
            "phones",
            "Phone",
            [f"{dialled(p.number, p.extension)} ({p.kind.value})" for p in facility.phones],
        ),
        _row(facility, "website", "Website", facility.website),
        _row(
            facility,
            "ownership",
            "Ownership",
            facility.ownership and facility.ownership.value.replace("_", " "),
        ),
        _row(facility, "accreditations", "Licenses and accreditations", facility.accreditations),
    ]
    if facility.location is not None:
        precision = facility.location.precision.value.replace("_", " ")
        contact.append(
            _row(
                facility,
                "location",
                "Map point",
                f"{precision} ({facility.location.source or 'unknown source'})",
            )
        )
    sections: list[tuple[str, list[Row]]] = [("Contact", contact)]
    for group in SERVICE_GROUPS:
        rows = [
            _row(facility, service.path, service.label, value_at(facility, service.path))
            for service in SERVICES.values()
            if service.group == group
        ]
        rows += [
            _row(
                facility,
                f"{group}.{name}",
                name.replace("_", " ").capitalize(),
                value_at(facility, f"{group}.{name}"),
            )
            for name in GROUP_EXTRAS.get(group, ())
        ]
        sections.append((GROUP_TITLES.get(group, group), rows))
    intake = facility.intake
    sections.append(
        (
            "Getting in",
            [
                _row(facility, "intake.walk_in", "Walk-ins", intake.walk_in),
                _row(facility, "intake.hours", "Intake hours", intake.hours),
                _row(facility, "intake.what_to_bring", "What to bring", intake.what_to_bring),
            ],
        )
    )
    availability = facility.availability
    sections.append(
        (
            "Availability",
            [
                _row(
                    facility,
                    "availability.accepting_new_patients",
                    "Accepting new patients",
                    availability.accepting_new_patients,
                ),
                _row(
                    facility,
                    "availability.days_to_intake",
                    "Days to intake",
                    availability.days_to_intake,
                ),
                _row(facility, "availability.open_slots", "Open slots", availability.open_slots),
                _row(
                    facility,
                    "availability.statement",
                    "In the source's words",
                    availability.statement,
                ),
            ],
        )
    )
    return sections
