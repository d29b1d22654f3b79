"""A facility in Open Referral HSDS 3.0: the documents the HSDS API and the export serve.

One facility is one ``organization`` that provides one ``service`` (the treatment program) at
one ``location``, joined by one ``service_at_location``. Every document validates against
Open Referral's compiled schemas (``organization``, ``service``, ``service_at_location`` and
their ``_list`` forms): a field the facility does not state is left out, never ``null``, and
so is a list with nothing in it.

Ids are UUIDs. The four main ones share the facility's key (:func:`iop.documents.hsds_key`,
kept in the index) and differ in their last byte (``01`` organization, ``02`` service, ``03``
location, ``04`` service_at_location), so an id finds its facility with one term query. The
ids of the parts (phones, attributes...) are UUIDv5 of the facility id and the part.

The taxonomy is the product's service vocabulary (:mod:`iop.vocabulary`): one taxonomy,
``iop-directory-services``, one term per service code (``code`` = the service code).

The mapping, facility field → HSDS 3.0 field:

=============================  ==============================================================
facility                       HSDS 3.0
=============================  ==============================================================
id                             organization/service/location/service_at_location ids (see
                               above); organization_identifiers entry (scheme
                               ``iop-directory``); location.external_identifier
sources (source, ref)          organization_identifiers (identifier_scheme = source,
                               identifier_type ``listing``)
name, operator                 organization.name: the program with its operator ("Turquoise
                               Lodge Hospital — NM Department of Health"); location.name: the
                               program's own name
alternate_names                organization.alternate_name (the first)
address.city, address.state    organization.description ("Substance use treatment facility
                               in Albuquerque, NM.")
ownership                      organization.legal_status ("private non profit", ...)
website                        organization.website, service.url; location.url of a virtual
                               program (only an absolute http(s) URI)
phones (main)                  organization.phones; (intake, hotline) service.phones; number
                               in E.164, extension as a number, description = the kind
levels of care                 service.name ("Intensive outpatient program" when IOP, else
                               "Substance use treatment") and service.description
status                         service.status: active; stale → inactive, with an alert
(content_changed_at, index)    service.last_modified: when what it says last changed
intake.walk_in, intake.hours   service.application_process
intake.what_to_bring           service.required_documents[].document
payment (offered)              service.fees_description ("Accepts: Medicaid, ...")
populations (offered)          service.eligibility_description ("Programs for: ...")
languages                      service.languages (code: ISO 639 when known) and
                               service.interpretation_services
accreditations                 service.accreditations
availability                   service.wait_time ("~3 days to intake (as of 2026-11-20)") and
                               service.assured_date (its as_of)
schedule.opening_hours         service.schedules[].description
access.licensed_states         service.service_areas[].name (a virtual program's states)
address                        location.addresses[0] (physical; only when street, city,
                               state and ZIP are all known), country ``US``
location                       location.latitude, location.longitude
access.virtual_only            location.location_type ``virtual`` (no address, no point)
every known service code       service.attributes[]: value "true" (offered) or "false" (a
                               source said it is not), its taxonomy_term in full; an unknown
                               service has no attribute
provenance                     organization.metadata[]: one entry per fact (field_name = its
                               path, last_action_type ``verified``, last_action_date = when
                               fetched, updated_by = the source)
=============================  ==============================================================
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from typing import Any

from iop.documents import HSDS_NAMESPACE, hsds_key
from iop.facility import Facility, FacilityStatus, Phone, PhoneKind, display_name
from iop.vocabulary import SERVICES, Service, languages_offered, service_values

HSDS_VERSION = "3.0"
TAXONOMY = "iop-directory-services"
TAXONOMY_ID = str(uuid.uuid5(HSDS_NAMESPACE, "taxonomy"))
KINDS = {"organization": "01", "service": "02", "location": "03", "service_at_location": "04"}
IDENTIFIER_SCHEME = "iop-directory"
LANGUAGE_CODES = {
    "English": "en", "Spanish": "es", "Russian": "ru", "French": "fr", "Portuguese": "pt",
    "Polish": "pl", "Chinese": "zh", "Tagalog": "tl", "Hindi": "hi", "Arabic": "ar",
    "Vietnamese": "vi", "Farsi": "fa", "Italian": "it", "Hebrew": "he", "Korean": "ko",
    "German": "de", "Hmong": "hmn", "Japanese": "ja", "Greek": "el", "Creole": "ht",
    "Sign language": "sgn",
}  # fmt: skip
STALE_ALERT = "Not confirmed by its sources lately; call before referring."
# An absolute http(s) URI of characters a URI may hold unescaped (RFC 3986).
HTTP_URI = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
UUID_TEXT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def entity_id(facility_id: str, kind: str) -> str:
    """The HSDS id of a facility's organization, service, location or service_at_location."""
    return hsds_key(facility_id)[:-2] + KINDS[kind]


def key_of(hsds_id: str, kind: str) -> str | None:
    """The facility key an id of that kind was made from; ``None`` if it is no such id."""
    text = hsds_id.strip().lower()
    if not UUID_TEXT.match(text) or text[-2:] != KINDS[kind]:
        return None
    return text[:-2] + "00"


def part_id(facility_id: str, *part: str) -> str:
    """The id of a part of a facility's documents (a phone, an attribute...)."""
    return str(uuid.uuid5(HSDS_NAMESPACE, "/".join((facility_id, *part))))


def present(**fields: Any) -> dict[str, Any]:
    """The fields that say something: unknown (``None``), empty text and empty lists go."""
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


def http_uri(text: str | None) -> str | None:
    return text if text and HTTP_URI.match(text) else None


# The taxonomy: the service vocabulary.


def term_id(code: str) -> str:
    return str(uuid.uuid5(HSDS_NAMESPACE, f"taxonomy/{code}"))


def _group_title(group: str) -> str:
    return group.replace("_", " ").capitalize()


def _term(service: Service) -> dict[str, Any]:
    return {
        "id": term_id(service.code),
        "code": service.code,
        "name": service.label,
        "description": (
            f"{_group_title(service.group)}: {service.label}. As a service attribute, value "
            '"true": offered; "false": a source said it is not offered. A service no source '
            "has stated has no attribute (unknown is not false)."
        ),
        "taxonomy": TAXONOMY,
        "taxonomy_id": TAXONOMY_ID,
        "language": "en",
    }


TERMS: dict[str, dict[str, Any]] = {code: _term(service) for code, service in SERVICES.items()}
CODES_BY_TERM_ID: dict[str, str] = {term["id"]: code for code, term in TERMS.items()}
TAXONOMY_DOCUMENT: dict[str, Any] = {
    "id": TAXONOMY_ID,
    "name": TAXONOMY,
    "description": "The services, levels of care, medications, payment, populations, "
    "languages and access a treatment facility may offer, as the IOP directory searches them "
    "(one term per service code).",
    "language": "en",
}


# One facility's documents.


@dataclass(frozen=True)
class Listing:
    """A facility as the index serves it, and when its content last changed (ISO 8601)."""

    facility: Facility
    content_changed_at: str | None = None


def _labels(values: dict[str, bool | None], group: str) -> list[str]:
    return [s.label for code, s in SERVICES.items() if s.group == group and values[code]]


def _languages(facility: Facility) -> list[str]:
    """By English name: "Spanish", "Sign language", then the others."""
    return [
        SERVICES[name].short.capitalize() if name in SERVICES else name
        for name in languages_offered(facility)
    ]


def _wait_time(facility: Facility) -> str | None:
    availability = facility.availability
    if availability.days_to_intake is None:
        return None
    dated = f" (as of {availability.as_of.isoformat()})" if availability.as_of else ""
    return f"~{availability.days_to_intake} days to intake{dated}"


def _phone(facility: Facility, phone: Phone, n: int, **link: str) -> dict[str, Any]:
    extension = phone.extension
    numeric = extension is not None and extension.isdigit()
    described = f"{phone.kind.value}, extension {extension}" if extension and not numeric else None
    return present(
        id=part_id(facility.id, "phone", str(n)),
        **link,
        number=phone.number,
        extension=int(extension) if extension and numeric else None,
        type="voice",
        description=described or phone.kind.value,
    )


class FacilityDocuments:
    """The HSDS documents of one facility; ``summary`` forms hold the one-to-one fields the
    profile's paged lists carry, the others everything."""

    def __init__(self, listing: Listing) -> None:
        self.facility = listing.facility
        self.content_changed_at = listing.content_changed_at
        key = hsds_key(self.facility.id)
        self.ids = {kind: key[:-2] + byte for kind, byte in KINDS.items()}
        self.values = service_values(self.facility)

    # organization

    def organization_summary(self) -> dict[str, Any]:
        facility = self.facility
        city, state = facility.address.city, facility.address.state
        where = f" in {city}, {state}" if city and state else ""
        return present(
            id=self.ids["organization"],
            name=display_name(facility.name, facility.operator) or "Unnamed treatment facility",
            alternate_name=facility.alternate_names[0] if facility.alternate_names else None,
            description=f"Substance use treatment facility{where}.",
            website=http_uri(facility.website),
            legal_status=facility.ownership.value.replace("_", " ") if facility.ownership else None,
        )

    def organization(self, *, services: bool = True) -> dict[str, Any]:
        """The organization with everything nested (its service too, unless ``services`` is
        false: inside a service document)."""
        facility, organization_id = self.facility, self.ids["organization"]
        identifiers = [
            {
                "id": part_id(facility.id, "identifier", IDENTIFIER_SCHEME),
                "organization_id": organization_id,
                "identifier_scheme": IDENTIFIER_SCHEME,
                "identifier_type": "facility id",
                "identifier": facility.id,
            },
            *(
                {
                    "id": part_id(facility.id, "identifier", s.source, s.ref),
                    "organization_id": organization_id,
                    "identifier_scheme": s.source,
                    "identifier_type": "listing",
                    "identifier": s.ref,
                }
                for s in facility.sources
            ),
        ]
        main_phones = [p for p in facility.phones if p.kind is PhoneKind.MAIN]
        return present(
            **self.organization_summary(),
            organization_identifiers=identifiers,
            phones=[
                _phone(facility, p, 100 + n, organization_id=organization_id)
                for n, p in enumerate(main_phones)
            ],
            services=[self.service(organization=False)] if services else None,
            locations=[self.location()],
            metadata=self._metadata(),
        )

    def _metadata(self) -> list[dict[str, Any]]:
        return [
            {
                "id": part_id(self.facility.id, "metadata", path),
                "resource_id": self.ids["organization"],
                "resource_type": "organization",
                "last_action_date": record.fetched_at.date().isoformat(),
                "last_action_type": "verified",
                "field_name": path,
                "previous_value": "",
                "replacement_value": "",
                "updated_by": record.source,
            }
            for path, record in sorted(self.facility.provenance.items())
        ]

    # service

    def service_summary(self, *, organization: bool = True) -> dict[str, Any]:
        """The service's own fields, with its organization's (as the profile's lists have)."""
        facility = self.facility
        levels = _labels(self.values, "levels_of_care")
        stale = facility.status is FacilityStatus.STALE
        intake = facility.intake
        process = [
            "walk-ins welcome" if intake.walk_in else "",
            f"intake hours: {intake.hours}" if intake.hours else "",
        ]
        payment = _labels(self.values, "payment")
        populations = _labels(self.values, "populations")
        as_of = facility.availability.as_of
        return present(
            id=self.ids["service"],
            organization_id=self.ids["organization"],
            name="Intensive outpatient program"
            if facility.levels_of_care.iop
            else "Substance use treatment",
            description="Substance use treatment" + (f": {'; '.join(levels)}" if levels else ""),
            url=http_uri(facility.website),
            status="inactive" if stale else "active",
            alert=STALE_ALERT if stale else None,
            interpretation_services=", ".join(_languages(facility)),
            application_process="; ".join(p for p in process if p),
            fees_description=("Accepts: " + ", ".join(payment)) if payment else None,
            accreditations=", ".join(facility.accreditations or []),
            eligibility_description=("Programs for: " + ", ".join(populations))
            if populations
            else None,
            wait_time=_wait_time(facility),
            assured_date=as_of.isoformat() if as_of else None,
            last_modified=self.content_changed_at,
            organization=self.organization_summary() if organization else None,
        )

    def service(self, *, organization: bool = True) -> dict[str, Any]:
        """The service with everything nested: its organization too, unless it is nested in
        the organization's document."""
        facility, service_id = self.facility, self.ids["service"]
        phones = [p for p in facility.phones if p.kind is not PhoneKind.MAIN]
        return present(
            **self.service_summary(organization=False),
            phones=[_phone(facility, p, n, service_id=service_id) for n, p in enumerate(phones, 1)],
            schedules=[
                {
                    "id": part_id(facility.id, "schedule", str(n)),
                    "service_id": service_id,
                    "description": hours,
                }
                for n, hours in enumerate(facility.schedule.opening_hours or [])
            ],
            service_areas=[
                {
                    "id": part_id(facility.id, "area", state),
                    "service_id": service_id,
                    "name": state,
                    "description": f"Licensed to serve patients in {state}",
                }
                for state in facility.access.licensed_states or []
            ],
            service_at_locations=[self._link()],
            languages=[
                present(
                    id=part_id(facility.id, "language", name),
                    service_id=service_id,
                    name=name,
                    code=LANGUAGE_CODES.get(name),
                )
                for name in _languages(facility)
            ],
            organization=self.organization(services=False) if organization else None,
            required_documents=[
                {
                    "id": part_id(facility.id, "document", document),
                    "service_id": service_id,
                    "document": document,
                }
                for document in facility.intake.what_to_bring or []
            ],
            attributes=self._attributes(),
        )

    def _attributes(self) -> list[dict[str, Any]]:
        """One per known service: unknown is not false, so an unknown one has none."""
        return [
            {
                "id": part_id(self.facility.id, "attribute", code),
                "link_id": self.ids["service"],
                "link_entity": "service",
                "taxonomy_term_id": TERMS[code]["id"],
                "value": "true" if value else "false",
                "taxonomy_term": TERMS[code],
            }
            for code, value in self.values.items()
            if value is not None
        ]

    # location

    def location_summary(self) -> dict[str, Any]:
        facility = self.facility
        virtual = bool(facility.access.virtual_only)
        point = None if virtual else facility.location
        return present(
            id=self.ids["location"],
            location_type="virtual" if virtual else "physical",
            url=http_uri(facility.website) if virtual else None,
            organization_id=self.ids["organization"],
            name=facility.name,
            latitude=point.lat if point else None,
            longitude=point.lon if point else None,
            external_identifier=facility.id,
            external_identifier_type="iop-directory facility id",
        )

    def location(self) -> dict[str, Any]:
        facility, address = self.facility, self.facility.address
        addresses = []
        complete = address.street1 and address.city and address.state and address.postal_code
        if complete and not facility.access.virtual_only:
            addresses.append(
                present(
                    id=part_id(facility.id, "address"),
                    location_id=self.ids["location"],
                    address_1=address.street1,
                    address_2=address.street2,
                    city=address.city,
                    state_province=address.state,
                    postal_code=address.postal_code,
                    country="US",
                    address_type="physical",
                )
            )
        return present(**self.location_summary(), addresses=addresses)

    # service_at_location

    def _link(self) -> dict[str, Any]:
        return {
            "id": self.ids["service_at_location"],
            "service_id": self.ids["service"],
            "location_id": self.ids["location"],
        }

    def service_at_location_summary(self) -> dict[str, Any]:
        return {
            **self._link(),
            "location": self.location_summary(),
            "service": self.service_summary(),
        }

    def service_at_location(self) -> dict[str, Any]:
        """The service_at_location with its location and service in full.

        It also carries its service's ``name`` and ``status``: the profile's ``openapi.json``
        declares ``/service_at_locations/{id}`` answers as ``compiled/service.json``, which
        requires them, while the HSDS schema of the entity is ``service_at_location``. The
        answer validates against both.
        """
        service = self.service()
        return {
            **self._link(),
            "name": service["name"],
            "status": service["status"],
            "location": self.location(),
            "service": service,
        }


# The profile's paged answers.


def page(contents: list[dict[str, Any]], total: int, number: int, size: int) -> dict[str, Any]:
    """The profile's ``Page`` envelope around a page's ``contents``."""
    pages = math.ceil(total / size)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": total == 0,
        "contents": contents,
    }
