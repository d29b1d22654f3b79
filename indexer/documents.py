"""The index document of a facility and its mapping, both derived from the shared model.

A document is the facility as the feed has it, plus fields only search needs:

- ``point`` (a ``geo_point``), ``ownership_sector``;
- ``services_offered`` / ``services_not_offered``: service codes known to be offered / known
  not to be (a code in neither is unknown);
- ``availability_is_current``: the stated availability is at most
  ``IOP_AVAILABILITY_MAX_AGE_DAYS`` old on the day the document was indexed (absent when the
  facility states none), and ``availability_current_days_to_intake``: the days to intake only
  while it is current, so ranking can use it and let stale waits stop counting;
- ``content_fingerprint``: a hash of what the facility says (not when it was seen), so a
  refresh can tell changed facilities from re-fetched ones.

``provenance`` is kept for display only, as one compact JSON string (see
:func:`encode_provenance`): a facility states dozens of facts from the same fetch, so each
distinct record is written once. Elasticsearch takes a string in one token where it would
walk hundreds in the object, and the document is half the size; :func:`from_document` decodes
it (and still reads the object form of indices built before).

The booleans of the service groups are kept in ``_source`` but not indexed: search filters on
``services_offered`` / ``services_not_offered``; only :data:`SEARCHED_BOOLEANS` are queried.
"""

from __future__ import annotations

import hashlib
import types
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from iop.facility import Facility, Provenance
from iop.vocabulary import SERVICE_GROUPS, service_values

# Fields kept in _source for display but never searched: keys are free-form field paths.
NOT_INDEXED = {"provenance", "extras"}
FULL_TEXT = {"name", "alternate_names"}
# What changes on every crawl without the facility changing.
VOLATILE = {"first_seen", "last_seen", "sources", "provenance", "status", "missed_refreshes"}
DEFAULT_AVAILABILITY_MAX_AGE_DAYS = 30
# Service booleans that queries name directly (the rest are searched as services_offered).
SEARCHED_BOOLEANS = {"access.virtual_only"}

# The wait to rank on: days to intake while its statement is recent enough, else absent.
RANKED_WAIT_FIELD = "availability_current_days_to_intake"

SEARCH_FIELDS: dict[str, Any] = {
    "point": {"type": "geo_point"},
    "services_offered": {"type": "keyword"},
    "services_not_offered": {"type": "keyword"},
    "ownership_sector": {"type": "keyword"},
    "availability_is_current": {"type": "boolean"},
    RANKED_WAIT_FIELD: {"type": "integer"},
    "content_fingerprint": {"type": "long", "index": False},
}


def availability_date(facility: Facility) -> date | None:
    """When the stated availability held: its ``as_of``, else when it was fetched."""
    availability = facility.availability
    if availability.as_of is not None:
        return availability.as_of
    for path in (
        "availability.days_to_intake",
        "availability.accepting_new_patients",
        "availability.open_slots",
    ):
        provenance = facility.provenance.get(path)
        if provenance is not None:
            return provenance.as_of or provenance.fetched_at.date()
    return facility.last_seen.date() if facility.last_seen else None


def availability_is_current(facility: Facility, today: date, max_age_days: int) -> bool | None:
    """``None`` when no availability is stated; ``False`` when it is too old or undated."""
    availability = facility.availability
    stated = (
        availability.days_to_intake,
        availability.accepting_new_patients,
        availability.open_slots,
    )
    if all(value is None for value in stated):
        return None
    held = availability_date(facility)
    return held is not None and (today - held).days <= max_age_days


def _fingerprint(content: str) -> int:
    digest = hashlib.blake2b(content.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def content_fingerprint(facility: Facility) -> int:
    return _fingerprint(facility.model_dump_json(exclude=VOLATILE))


def _fingerprint_of_json(facility_json: str) -> int:
    """:func:`content_fingerprint` from the facility's JSON, without serialising it again.

    The model serialises its fields in order and the volatile ones (``sources`` to
    ``missed_refreshes``) are contiguous, just before ``extras``; a key in quotes cannot occur
    inside a JSON string, and no nested model has a ``sources`` field.
    """
    start = facility_json.find(',"sources":')
    end = facility_json.find(',"extras":', facility_json.find(',"missed_refreshes":'))
    if start < 0 or end < 0:
        raise ValueError("not a facility serialised by the model")
    return _fingerprint(facility_json[:start] + "," + facility_json[end + 1 :])


def derived_fields(
    facility: Facility,
    *,
    today: date | None = None,
    max_age_days: int = DEFAULT_AVAILABILITY_MAX_AGE_DAYS,
) -> dict[str, Any]:
    """The search-only fields of a facility's document (see the module docstring)."""
    services = service_values(facility)
    fields: dict[str, Any] = {
        "services_offered": [code for code, value in services.items() if value is True],
        "services_not_offered": [code for code, value in services.items() if value is False],
        "ownership_sector": facility.ownership.sector if facility.ownership else None,
    }
    if facility.location is not None:
        fields["point"] = {"lat": facility.location.lat, "lon": facility.location.lon}
    current = availability_is_current(facility, today or datetime.now(UTC).date(), max_age_days)
    if current is not None:
        fields["availability_is_current"] = current
        if current and facility.availability.days_to_intake is not None:
            fields[RANKED_WAIT_FIELD] = facility.availability.days_to_intake
    return fields


def encode_provenance(provenance: dict[str, Provenance]) -> str:
    """``{"records": [distinct records], "paths": {path: index in records}}`` as JSON text."""
    distinct: dict[tuple[Any, ...], int] = {}
    records: list[dict[str, Any]] = []
    paths: dict[str, int] = {}
    for path, record in provenance.items():
        key = tuple(record.__dict__.values())  # the fields' values, in order
        number = distinct.get(key)
        if number is None:
            number = distinct[key] = len(records)
            records.append(record.model_dump(mode="json"))
        paths[path] = number
    return orjson.dumps({"records": records, "paths": paths}).decode()


def decode_provenance(stored: str | dict[str, Any]) -> dict[str, Any]:
    """The provenance of a stored document; the object form is the one of older indices."""
    if isinstance(stored, dict):
        return stored
    encoded = orjson.loads(stored)
    records = encoded["records"]
    return {path: records[number] for path, number in encoded["paths"].items()}


def to_document(
    facility: Facility,
    *,
    today: date | None = None,
    max_age_days: int = DEFAULT_AVAILABILITY_MAX_AGE_DAYS,
) -> dict[str, Any]:
    document = facility.model_dump(mode="json")
    document["provenance"] = encode_provenance(facility.provenance)
    document.update(derived_fields(facility, today=today, max_age_days=max_age_days))
    document["content_fingerprint"] = content_fingerprint(facility)
    return document


def document_json(facility: Facility, derived: dict[str, Any]) -> tuple[str, int]:
    """:func:`to_document` as JSON text, the fast way, and the content fingerprint in it."""
    facility_json = facility.model_dump_json(exclude={"provenance"})
    fingerprint = _fingerprint_of_json(facility_json)
    extra = derived | {
        "provenance": encode_provenance(facility.provenance),
        "content_fingerprint": fingerprint,
    }
    return facility_json[:-1] + "," + orjson.dumps(extra).decode()[1:], fingerprint


def from_document(document: dict[str, Any]) -> Facility:
    fields = {k: v for k, v in document.items() if k in Facility.model_fields}
    if "provenance" in fields:
        fields["provenance"] = decode_provenance(fields["provenance"])
    return Facility.model_validate(fields)


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → ``X``; ``list[X]`` → ``X`` (Elasticsearch fields hold arrays natively)."""
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            annotation = get_args(annotation)[0]
        else:
            return annotation


def _field_mapping(name: str, annotation: Any) -> dict[str, Any]:
    kind = _unwrap(annotation)
    if name in NOT_INDEXED:
        return {"type": "object", "enabled": False}
    if name in FULL_TEXT:
        return {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}}
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {"properties": model_properties(kind)}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "double"}
    if kind in (datetime, date):
        return {"type": "date"}
    if kind is str or (isinstance(kind, type) and issubclass(kind, Enum)):
        return {"type": "keyword", "ignore_above": 1024}
    raise TypeError(f"no index mapping for field {name!r} of type {annotation!r}")


def model_properties(model: type[BaseModel]) -> dict[str, Any]:
    return {
        name: _field_mapping(name, field.annotation) for name, field in model.model_fields.items()
    }


def facility_mappings() -> dict[str, Any]:
    properties = model_properties(Facility)
    for group in SERVICE_GROUPS:
        for name, mapping in properties[group]["properties"].items():
            if mapping == {"type": "boolean"} and f"{group}.{name}" not in SEARCHED_BOOLEANS:
                mapping.update({"index": False, "doc_values": False})
    return {"dynamic": "strict", "properties": {**properties, **SEARCH_FIELDS}}
