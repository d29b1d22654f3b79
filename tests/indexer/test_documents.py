"""The index mapping is derived from the model and holds every facility the model allows."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from iop.documents import facility_mappings, from_document, to_document
from iop.facility import Facility, Ownership
from iop.vocabulary import SERVICES
from tests.factories import make_facility


def test_every_model_field_is_mapped_and_search_fields_have_their_types() -> None:
    properties = facility_mappings()["properties"]
    assert set(Facility.model_fields) <= set(properties)
    # The point is read from doc values; the radius filter reads its indexed copy.
    assert properties["point"] == {"type": "geo_point", "index": False, "copy_to": "radius_point"}
    assert properties["radius_point"] == {"type": "geo_point", "doc_values": False}
    # Services are searched (and kept) as the lists services_offered / services_not_offered.
    assert "iop" not in properties["levels_of_care"]["properties"]
    assert properties["services_offered"] == {"type": "keyword"}
    assert properties["access"]["properties"]["virtual_only"] == {"type": "boolean"}
    assert properties["availability"]["properties"]["accepting_new_patients"] == {"type": "boolean"}
    assert properties["provenance"] == {"type": "object", "enabled": False}


def test_document_point_reads_back_as_the_exact_coordinates() -> None:
    facility = make_facility("a", 35.08441234567891, -106.65040000000001)
    lat, lon = map(float, to_document(facility)["point"].split(","))
    assert (lat, lon) == (facility.location.lat, facility.location.lon)


def test_document_lists_known_yes_and_known_no_but_not_unknown() -> None:
    facility = make_facility(
        "a", 35.1, -106.6, **{"levels_of_care.iop": True, "payment.medicaid": False}
    )
    document = to_document(facility)
    assert document["services_offered"] == ["iop"]
    assert document["services_not_offered"] == ["medicaid"]
    assert "iop" not in document["levels_of_care"]  # said once, by the lists
    assert "spanish" not in document["services_offered"] + document["services_not_offered"]
    assert len(SERVICES) > 40


def test_unknown_fields_are_left_out_of_the_document_and_read_back_as_unknown() -> None:
    facility = make_facility("u", 35.1, -106.6, **{"levels_of_care.iop": True})
    document = to_document(facility)

    assert facility.website is None and "website" not in document
    assert facility.ownership is None and "ownership_sector" not in document
    assert "days_to_intake" not in document["availability"]
    restored = from_document(document)
    assert restored == facility
    assert restored.website is None and restored.availability.days_to_intake is None


def test_a_full_facility_round_trips_through_a_strict_index(es: Elasticsearch) -> None:
    index = "test-roundtrip"
    es.indices.delete(index=index, ignore_unavailable=True)
    es.indices.create(index=index, mappings=facility_mappings())
    facility = make_facility(
        "full",
        35.1,
        -106.6,
        **{
            "ownership": Ownership.PUBLIC_TRIBAL,
            "levels_of_care.iop": True,
            "schedule.hours_per_week": 9.0,
            "availability.days_to_intake": 3,
            "languages.other": ["Navajo"],
            "alternate_names": ["Clinic Full East"],
        },
    )
    es.index(index=index, id=facility.id, document=to_document(facility), refresh=True)
    stored = es.get(index=index, id=facility.id)["_source"]
    assert from_document(stored) == facility
    assert stored["ownership_sector"] == "public"
    assert isinstance(stored["provenance"], str)  # one compact string, see encode_provenance
    es.indices.delete(index=index)


def test_the_fingerprint_ignores_when_a_facility_was_seen_but_not_what_it_says() -> None:
    from datetime import timedelta

    from iop.documents import content_fingerprint, derived_fields, document_json

    facility = make_facility("fp", 35.1, -106.6, **{"levels_of_care.iop": True})
    later = facility.model_copy(deep=True)
    later.last_seen = later.sources[0].fetched_at = facility.last_seen + timedelta(days=3)
    later.missed_refreshes = 2
    renamed = facility.model_copy(update={"name": "Clinic renamed"})

    _, fingerprint = document_json(facility, derived_fields(facility))
    assert fingerprint == content_fingerprint(facility) == content_fingerprint(later)
    assert document_json(later, derived_fields(later))[1] == fingerprint
    assert content_fingerprint(renamed) != fingerprint
