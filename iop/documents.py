"""The index document of a facility and its mapping, both derived from the shared model.

A document is the facility as the feed has it, plus fields only search needs:

- ``point`` (a ``geo_point``, written ``"lat,lon"``), which Elasticsearch copies into
  ``radius_point``; ``ownership_sector``;
- ``services_offered`` / ``services_not_offered``: service codes known to be offered / known
  not to be (a code in neither is unknown);
- ``availability_is_current``: the stated availability is at most
  ``IOP_AVAILABILITY_MAX_AGE_DAYS`` old on the day the document was indexed (absent when the
  facility states none), and ``availability_current_days_to_intake``: the days to intake only
  while it is current, so ranking can use it and let stale waits stop counting;
- ``content_fingerprint``: a hash of what the facility says (not when it was seen), so a
  refresh can tell changed facilities from re-fetched ones;
- ``content_changed_at``: when what the facility says last changed: set by a load when its
  fingerprint differs from the previous index's, when it is new, or when it went stale or
  came back; carried over otherwise (see :mod:`indexer.freshness`). Incremental sync
  (``modified_after`` of the HSDS API) filters on it;
- ``hsds_key``: the key of the facility's Open Referral HSDS ids (:func:`hsds_key`), so an
  HSDS id finds its facility.
- ``evidence``: the sentence each fact read from a program's page was stated in, so a search
  hit can say why it counts a need as met without carrying the whole provenance.

A field the facility does not state (``null``) is left out: the model reads an absent field as
unknown, the same, and Elasticsearch indexes a fifth faster without the nulls.

``provenance`` is kept for display only, as one JSON string of its compact form (see
:func:`iop.facility.compact_provenance`): Elasticsearch takes a string in one token where it
would walk the object; :func:`from_document` reads it back.

The booleans of the service groups are not in the document (but :data:`SEARCHED_BOOLEANS`):
``services_offered`` / ``services_not_offered`` say the same, and :func:`from_document` sets
them back. Written twice, they made indexing a quarter slower.
"""

from __future__ import annotations

import copy
import hashlib
import types
import uuid
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Union, cast, get_args, get_origin

import orjson
from pydantic import BaseModel

from iop.facility import Facility, Provenance, compact_provenance
from iop.settings import CoreSettings
from iop.vocabulary import SERVICE_GROUPS, SERVICES, known_services

# Fields kept in _source for display but never searched: keys are free-form field paths.
NOT_INDEXED = {"provenance", "extras"}
FULL_TEXT = {"name", "operator", "alternate_names"}
# The model's fields that are searched, sorted, ranked, aggregated or scanned (by path); every
# other one is kept in _source only, neither indexed nor in doc values: a cheaper load and a
# smaller index. A field a new filter needs is added here (and the directory rebuilt).
SEARCHED = {
    "id",
    "name",
    "operator",
    "alternate_names",
    "address.city",
    "address.state",
    "address.postal_code",
    "ownership",
    "languages.other",
    "access.virtual_only",
    "access.licensed_states",
    "availability.accepting_new_patients",
    "availability.days_to_intake",
    "availability.as_of",
    "sources.source",
    "first_seen",
    "last_seen",
    "status",
    "missed_refreshes",
}
DEFAULT_AVAILABILITY_MAX_AGE_DAYS: int = CoreSettings.model_fields[
    "availability_max_age_days"
].default
# Service booleans that queries name directly (the rest are searched as services_offered).
SEARCHED_BOOLEANS = {"access.virtual_only"}

# The wait to rank on: days to intake while its statement is recent enough, else absent.
RANKED_WAIT_FIELD = "availability_current_days_to_intake"

# What a document leaves out of the facility's JSON: provenance (added as a string) and the
# service booleans (kept as the two lists of codes).
_LEFT_OUT: dict[str, Any] = {
    "provenance": True,
    **{
        group: {
            code
            for code, service in SERVICES.items()
            if service.group == group and service.path not in SEARCHED_BOOLEANS
        }
        for group in SERVICE_GROUPS
    },
}

# The point the radius filter reads, copied by Elasticsearch from ``point``. ``point`` keeps only
# doc values (distance sort and the nearness decay read them), ``radius_point`` only the index:
# on a geo_point with both, every radius filter built its circle twice, once for each, a tenth
# of Elasticsearch's time per search on the real directory.
RADIUS_FIELD = "radius_point"

# The sentence each fact read from a program's page was stated in, for a search hit's ``why``:
# ``{path: [sentence, page]}`` as JSON text, only on facilities that have any (most do not, so
# searches do not carry every hit's whole provenance).
EVIDENCE_FIELD = "evidence"

# When what the facility says last changed (see the module docstring).
CONTENT_CHANGED_FIELD = "content_changed_at"
HSDS_KEY_FIELD = "hsds_key"
# The namespace of the facility's HSDS ids: stable across versions (consumers keep them).
HSDS_NAMESPACE = uuid.UUID("6f4b7d0e-5c1a-4f7e-9b7e-2f0c3d9a1e55")

SEARCH_FIELDS: dict[str, Any] = {
    "point": {"type": "geo_point", "index": False, "copy_to": RADIUS_FIELD},
    RADIUS_FIELD: {"type": "geo_point", "doc_values": False},
    "services_offered": {"type": "keyword"},
    "services_not_offered": {"type": "keyword", "doc_values": False},  # filtered, not counted
    "ownership_sector": {"type": "keyword"},
    "availability_is_current": {"type": "boolean"},
    RANKED_WAIT_FIELD: {"type": "integer"},
    "content_fingerprint": {"type": "long", "index": False},
    CONTENT_CHANGED_FIELD: {"type": "date"},
    HSDS_KEY_FIELD: {"type": "keyword", "doc_values": False},
    EVIDENCE_FIELD: {"type": "keyword", "index": False, "doc_values": False},
}


def hsds_key(facility_id: str) -> str:
    """The key of a facility's Open Referral HSDS ids: a UUIDv5 of its id whose last byte is
    zero. Its organization, service, location and service_at_location ids are the key with
    that byte set to 1, 2, 3 and 4 (``api.hsds``), so each of them finds the facility."""
    return str(uuid.uuid5(HSDS_NAMESPACE, facility_id))[:-2] + "00"


def with_content_changed(document: str, changed_at: str) -> str:
    """A document's JSON text (:func:`document_json`) with ``content_changed_at`` added, once
    the load knows it (it depends on the fingerprint the document was made with)."""
    return f'{document[:-1]},"{CONTENT_CHANGED_FIELD}":"{changed_at}"}}'


def missing_search_fields(field_mappings: dict[str, Any]) -> dict[str, list[str]]:
    """Of an answer to ``GET <index>/_mapping/field/<SEARCH_FIELDS>``: the search fields each
    index lacks, for indices built before those fields existed (they need a rebuild)."""
    lacking = {
        index: sorted(set(SEARCH_FIELDS) - set(found["mappings"]))
        for index, found in field_mappings.items()
    }
    return {index: fields for index, fields in lacking.items() if fields}


def geo_point(lat: float, lon: float) -> str:
    """A ``geo_point`` value as ``"lat,lon"``: a plain value, which ``copy_to`` can copy (an
    object cannot), and exact (``repr`` of a float reads back as the same float)."""
    return f"{lat!r},{lon!r}"


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


def _fingerprint(facility_json: str, derived: dict[str, Any]) -> int:
    """A hash of what the facility says, from its document JSON, not when it was seen.

    The model serialises its fields in order and the volatile ones (``sources`` to
    ``missed_refreshes``) are contiguous, just before ``extras``; a key in quotes cannot occur
    inside a JSON string, and no nested model has a ``sources`` field. The services count too.
    """
    start = facility_json.find(',"sources":')
    end = facility_json.find(',"extras":', facility_json.find(',"missed_refreshes":'))
    if start < 0 or end < 0:
        raise ValueError("not a facility serialised by the model")
    content = "\x1f".join(
        (
            facility_json[:start],
            facility_json[end:],
            ",".join(derived["services_offered"]),
            ",".join(derived["services_not_offered"]),
        )
    )
    digest = hashlib.blake2b(content.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def derived_fields(
    facility: Facility,
    *,
    today: date | None = None,
    max_age_days: int = DEFAULT_AVAILABILITY_MAX_AGE_DAYS,
) -> dict[str, Any]:
    """The search-only fields of a facility's document (see the module docstring)."""
    offered, not_offered = known_services(facility)
    fields: dict[str, Any] = {
        "services_offered": offered,
        "services_not_offered": not_offered,
        "ownership_sector": facility.ownership.sector if facility.ownership else None,
    }
    if facility.location is not None:
        fields["point"] = geo_point(facility.location.lat, facility.location.lon)
    fields[HSDS_KEY_FIELD] = hsds_key(facility.id)
    said = {
        path: [record.evidence, record.url]
        for path, record in facility.provenance.items()
        if record.evidence
    }
    if said:
        fields[EVIDENCE_FIELD] = orjson.dumps(said).decode()
    current = availability_is_current(facility, today or datetime.now(UTC).date(), max_age_days)
    if current is not None:
        fields["availability_is_current"] = current
        if current and facility.availability.days_to_intake is not None:
            fields[RANKED_WAIT_FIELD] = facility.availability.days_to_intake
    return fields


def encode_provenance(provenance: dict[str, Provenance]) -> str:
    """The compact form of provenance (:func:`iop.facility.compact_provenance`) as JSON text."""
    return orjson.dumps(compact_provenance(provenance)).decode()


def decode_provenance(stored: str) -> Any:
    """The stored provenance (one JSON string) as the model takes it."""
    return orjson.loads(stored)


def document_json(facility: Facility, derived: dict[str, Any]) -> tuple[str, int]:
    """The facility's index document as JSON text, and its content fingerprint."""
    facility_json = facility.model_dump_json(exclude=_LEFT_OUT, exclude_none=True)
    fingerprint = _fingerprint(facility_json, derived)
    extra = {name: value for name, value in derived.items() if value is not None} | {
        "provenance": encode_provenance(facility.provenance),
        "content_fingerprint": fingerprint,
    }
    return facility_json[:-1] + "," + orjson.dumps(extra).decode()[1:], fingerprint


def to_document(
    facility: Facility,
    *,
    today: date | None = None,
    max_age_days: int = DEFAULT_AVAILABILITY_MAX_AGE_DAYS,
) -> dict[str, Any]:
    derived = derived_fields(facility, today=today, max_age_days=max_age_days)
    return cast(dict[str, Any], orjson.loads(document_json(facility, derived)[0]))


def content_fingerprint(facility: Facility) -> int:
    """Equal for two facilities that say the same, whenever and however often seen."""
    return document_json(facility, derived_fields(facility))[1]


def from_document(document: dict[str, Any]) -> Facility:
    """The facility a document was made from."""
    fields = {k: v for k, v in document.items() if k in Facility.model_fields}
    if "provenance" in fields:
        fields["provenance"] = decode_provenance(fields["provenance"])
    groups = {group: dict(fields.get(group) or {}) for group in SERVICE_GROUPS}
    for key, value in (("services_offered", True), ("services_not_offered", False)):
        for code in document.get(key, ()):
            service = SERVICES.get(code)
            if service is not None:  # a code no longer in the vocabulary
                groups[service.group][code] = value
    return Facility.model_validate(fields | groups)


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


def _field_mapping(path: str, annotation: Any) -> dict[str, Any]:
    kind = _unwrap(annotation)
    if path in NOT_INDEXED:
        return {"type": "object", "enabled": False}
    if path in FULL_TEXT:
        return {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}}
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {"properties": model_properties(kind, prefix=f"{path}.")}
    mapping: dict[str, Any]
    if kind is bool:
        mapping = {"type": "boolean"}
    elif kind is int:
        mapping = {"type": "integer"}
    elif kind is float:
        mapping = {"type": "double"}
    elif kind in (datetime, date):
        mapping = {"type": "date"}
    elif kind is str or (isinstance(kind, type) and issubclass(kind, Enum)):
        mapping = {"type": "keyword", "ignore_above": 1024}
    else:
        raise TypeError(f"no index mapping for field {path!r} of type {annotation!r}")
    if path not in SEARCHED:
        mapping |= {"index": False, "doc_values": False}
    return mapping


def model_properties(model: type[BaseModel], prefix: str = "") -> dict[str, Any]:
    return {
        name: _field_mapping(prefix + name, field.annotation)
        for name, field in model.model_fields.items()
    }


def facility_mappings() -> dict[str, Any]:
    """A new mapping each call: a caller may change it without changing the module's."""
    properties = model_properties(Facility)
    for group, left_out in _LEFT_OUT.items():
        if group in SERVICE_GROUPS:
            for code in left_out:
                del properties[group]["properties"][code]
    return {"dynamic": "strict", "properties": {**properties, **copy.deepcopy(SEARCH_FIELDS)}}
