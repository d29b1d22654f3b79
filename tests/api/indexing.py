"""Putting a known directory behind the alias for API tests: a new index, then the flip.

Goes through the indexer's lifecycle (template, timestamped index, atomic alias flip) and its
document builder, so the API is tested against the documents production serves.
"""

from __future__ import annotations

from elasticsearch import Elasticsearch, helpers

from indexer import lifecycle
from iop.documents import to_document
from iop.facility import Facility


def index_directory(es: Elasticsearch, facilities: list[Facility]) -> str:
    index = lifecycle.create_index(es)
    actions = (
        {"_index": index, "_id": facility.id, "_source": to_document(facility)}
        for facility in facilities
    )
    helpers.bulk(es, actions)
    lifecycle.ready_to_serve(es, index)
    lifecycle.flip_alias(es, index)
    lifecycle.prune(es, keep=2)
    return index
