"""The index document of a facility and its mapping, both derived from the shared model.

A document is the facility as the feed has it, plus fields only search needs:
``point`` (a ``geo_point``), ``services_offered`` / ``services_not_offered`` (service codes
known to be offered / known not to be; a code in neither is unknown) and ``ownership_sector``.
"""

from __future__ import annotations

import types
from datetime import date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from iop.facility import Facility
from iop.vocabulary import not_offered_services, offered_services

# Fields kept in _source for display but never searched: keys are free-form field paths.
NOT_INDEXED = {"provenance", "extras"}
FULL_TEXT = {"name", "alternate_names"}

SEARCH_FIELDS: dict[str, Any] = {
    "point": {"type": "geo_point"},
    "services_offered": {"type": "keyword"},
    "services_not_offered": {"type": "keyword"},
    "ownership_sector": {"type": "keyword"},
}


def to_document(facility: Facility) -> dict[str, Any]:
    document = facility.model_dump(mode="json")
    if facility.location is not None:
        document["point"] = {"lat": facility.location.lat, "lon": facility.location.lon}
    document["services_offered"] = offered_services(facility)
    document["services_not_offered"] = not_offered_services(facility)
    document["ownership_sector"] = facility.ownership.sector if facility.ownership else None
    return document


def from_document(document: dict[str, Any]) -> Facility:
    return Facility.model_validate(
        {k: v for k, v in document.items() if k in Facility.model_fields}
    )


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
    return {"dynamic": "strict", "properties": {**model_properties(Facility), **SEARCH_FIELDS}}
