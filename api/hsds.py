"""A facility as an Open Referral HSDS 3.0 ``organization``, for other directory systems.

One facility becomes one organization that provides one service (the treatment program) at
one location, joined by one ``service_at_location``. The mapping:

=============================  ==============================================================
facility                       HSDS 3.0
=============================  ==============================================================
id, name, alternate_names      organization.id (UUIDv5 of the facility id), name,
                               alternate_name; the facility id is also an
                               ``organization_identifiers`` entry (scheme ``iop-directory``)
sources (source, ref)          organization_identifiers (identifier_scheme = source)
ownership                      organization.legal_status ("private non-profit", ...)
website                        organization.website, service.url
levels of care                 service.name ("Intensive outpatient program" when IOP) and
                               description
status                         service.status: active; stale → inactive (with an alert)
phones                         phones: main on the organization, intake/hotline on the service
intake (walk-in, hours)        service.application_process
intake.what_to_bring           service.required_documents
payment                        service.fees_description
populations                    service.eligibility_description
languages                      service.languages (code: ISO 639-1 when known) and
                               service.interpretation_services
accreditations                 service.accreditations
availability                   service.wait_time ("~3 days to intake (as of ...)") and
                               service.assured_date (its as_of)
schedule.opening_hours         service.schedules[].description
address, location              location (location_type physical) with addresses[] and
                               latitude/longitude
access.virtual_only            location_type virtual, service_areas[] = licensed states
every known service code       service.attributes[]: taxonomy ``iop-directory-services``,
                               value "true" (offered) / "false" (known not offered);
                               unknown codes are left out
provenance                     metadata[]: one entry per fact (field_name = its path,
                               last_action_type "verified", last_action_date = fetched_at,
                               updated_by = source)
=============================  ==============================================================
"""

from __future__ import annotations

import uuid
from typing import Any

from iop.facility import Facility, Phone, PhoneKind
from iop.vocabulary import SERVICES, service_values

NAMESPACE = uuid.UUID("6f4b7d0e-5c1a-4f7e-9b7e-2f0c3d9a1e55")
TAXONOMY = "iop-directory-services"
LANGUAGE_CODES = {
    "English": "en", "Spanish": "es", "Russian": "ru", "French": "fr", "Portuguese": "pt",
    "Polish": "pl", "Chinese": "zh", "Tagalog": "tl", "Hindi": "hi", "Arabic": "ar",
    "Vietnamese": "vi", "Farsi": "fa", "Italian": "it", "Hebrew": "he", "Korean": "ko",
    "German": "de", "Hmong": "hmn", "Japanese": "ja", "Greek": "el", "Creole": "ht",
    "Sign language": "sgn",
}  # fmt: skip
POPULATION_GROUP = "populations"
PAYMENT_GROUP = "payment"


def hsds_id(facility_id: str, *kind: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join((facility_id, *kind))))


def _phone(facility: Facility, phone: Phone, n: int, **links: str) -> dict[str, Any]:
    return {
        "id": hsds_id(facility.id, "phone", str(n)),
        **links,
        "number": phone.number,
        "extension": phone.extension,
        "type": "voice",
        "description": phone.kind.value,
        "languages": [],
    }


def _languages(facility: Facility) -> list[str]:
    named = [
        ("Spanish", facility.languages.spanish),
        ("Sign language", facility.languages.sign_language),
    ]
    return [name for name, offered in named if offered] + list(facility.languages.other or [])


def _labels(facility: Facility, group: str) -> list[str]:
    values = service_values(facility)
    return [s.label for code, s in SERVICES.items() if s.group == group and values[code]]


def _wait_time(facility: Facility) -> str | None:
    availability = facility.availability
    if availability.days_to_intake is None:
        return None
    dated = f" (as of {availability.as_of.isoformat()})" if availability.as_of else ""
    return f"~{availability.days_to_intake} days to intake{dated}"


def _attributes(facility: Facility, service_id: str) -> list[dict[str, Any]]:
    attributes = []
    for code, value in service_values(facility).items():
        if value is None:
            continue
        term_id = str(uuid.uuid5(NAMESPACE, f"taxonomy/{code}"))
        attributes.append(
            {
                "id": hsds_id(facility.id, "attribute", code),
                "link_id": service_id,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": term_id,
                "value": "true" if value else "false",
                "label": SERVICES[code].label,
                "taxonomy_term": {
                    "id": term_id,
                    "code": code,
                    "name": SERVICES[code].label,
                    "taxonomy": TAXONOMY,
                },
            }
        )
    return attributes


def _metadata(facility: Facility, organization_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": hsds_id(facility.id, "metadata", path),
            "resource_id": organization_id,
            "resource_type": "organization",
            "last_action_date": record.fetched_at.date().isoformat(),
            "last_action_type": "verified",
            "field_name": path,
            "previous_value": "",
            "replacement_value": "",
            "updated_by": record.source,
        }
        for path, record in sorted(facility.provenance.items())
    ]


def _location(facility: Facility, location_id: str, organization_id: str) -> dict[str, Any]:
    virtual = bool(facility.access.virtual_only)
    address = facility.address
    addresses = []
    if not virtual and (address.street1 or address.city):
        addresses.append(
            {
                "id": hsds_id(facility.id, "address"),
                "location_id": location_id,
                "attention": None,
                "address_1": address.street1,
                "address_2": address.street2,
                "city": address.city,
                "region": None,
                "state_province": address.state,
                "postal_code": address.postal_code,
                "country": "US",
                "address_type": "physical",
            }
        )
    return {
        "id": location_id,
        "location_type": "virtual" if virtual else "physical",
        "url": facility.website if virtual else None,
        "organization_id": organization_id,
        "name": facility.name,
        "latitude": None if virtual or not facility.location else facility.location.lat,
        "longitude": None if virtual or not facility.location else facility.location.lon,
        "external_identifier": facility.id,
        "external_identifier_type": "iop-directory facility id",
        "addresses": addresses,
        "phones": [],
        "languages": [],
        "schedules": [],
        "accessibility": [],
        "contacts": [],
        "attributes": [],
        "metadata": [],
    }


def _service(facility: Facility, ids: dict[str, str]) -> dict[str, Any]:
    service_id = ids["service"]
    levels = _labels(facility, "levels_of_care")
    stale = facility.status.value == "stale"
    intake = facility.intake
    process = [
        "walk-ins welcome" if intake.walk_in else "",
        f"intake hours: {intake.hours}" if intake.hours else "",
    ]
    payment = _labels(facility, PAYMENT_GROUP)
    populations = _labels(facility, POPULATION_GROUP)
    languages = _languages(facility)
    phones = [p for p in facility.phones if p.kind is not PhoneKind.MAIN]
    return {
        "id": service_id,
        "organization_id": ids["organization"],
        "program_id": None,
        "name": "Intensive outpatient program"
        if facility.levels_of_care.iop
        else "Substance use treatment",
        "alternate_name": None,
        "description": "Substance use treatment" + (f": {'; '.join(levels)}" if levels else ""),
        "url": facility.website,
        "email": None,
        "status": "inactive" if stale else "active",
        "alert": "Not confirmed by its sources lately; call before referring." if stale else None,
        "interpretation_services": ", ".join(languages) or None,
        "application_process": "; ".join(p for p in process if p) or None,
        "fees_description": ("Accepts: " + ", ".join(payment)) if payment else None,
        "accreditations": ", ".join(facility.accreditations or []) or None,
        "eligibility_description": ("Programs for: " + ", ".join(populations))
        if populations
        else None,
        "wait_time": _wait_time(facility),
        "assured_date": facility.availability.as_of.isoformat()
        if facility.availability.as_of
        else None,
        "languages": [
            {
                "id": hsds_id(facility.id, "language", name),
                "service_id": service_id,
                "name": name,
                "code": LANGUAGE_CODES.get(name),
                "note": None,
            }
            for name in languages
        ],
        "phones": [_phone(facility, p, n, service_id=service_id) for n, p in enumerate(phones, 1)],
        "required_documents": [
            {"id": hsds_id(facility.id, "document", d), "service_id": service_id, "document": d}
            for d in intake.what_to_bring or []
        ],
        "schedules": [
            {
                "id": hsds_id(facility.id, "schedule", str(n)),
                "service_id": service_id,
                "description": hours,
            }
            for n, hours in enumerate(facility.schedule.opening_hours or [])
        ],
        "service_areas": [
            {
                "id": hsds_id(facility.id, "area", state),
                "service_id": service_id,
                "name": state,
                "extent_type": "state",
            }
            for state in (facility.access.licensed_states or [])
        ],
        "service_at_locations": [
            {
                "id": ids["service_at_location"],
                "service_id": service_id,
                "location_id": ids["location"],
                "description": None,
            }
        ],
        "attributes": _attributes(facility, service_id),
    }


def to_hsds(facility: Facility) -> dict[str, Any]:
    """The facility as an HSDS 3.0 organization with its service and location nested."""
    ids = {
        kind: hsds_id(facility.id, kind)
        for kind in ("organization", "service", "location", "service_at_location")
    }
    ownership = facility.ownership.value.replace("_", " ") if facility.ownership else None
    main_phones = [p for p in facility.phones if p.kind is PhoneKind.MAIN]
    return {
        "id": ids["organization"],
        "name": facility.name,
        "alternate_name": facility.alternate_names[0] if facility.alternate_names else None,
        "description": facility.name or "Substance use treatment facility",
        "email": None,
        "website": facility.website,
        "legal_status": ownership,
        "organization_identifiers": [
            {
                "id": hsds_id(facility.id, "identifier", "iop-directory"),
                "organization_id": ids["organization"],
                "identifier_scheme": "iop-directory",
                "identifier_type": "facility id",
                "identifier": facility.id,
            },
            *(
                {
                    "id": hsds_id(facility.id, "identifier", s.source, s.ref),
                    "organization_id": ids["organization"],
                    "identifier_scheme": s.source,
                    "identifier_type": "listing",
                    "identifier": s.ref,
                }
                for s in facility.sources
            ),
        ],
        "phones": [
            _phone(facility, p, 100 + n, organization_id=ids["organization"])
            for n, p in enumerate(main_phones)
        ],
        "services": [_service(facility, ids)],
        "locations": [_location(facility, ids["location"], ids["organization"])],
        "metadata": _metadata(facility, ids["organization"]),
    }
