"""What every Elasticsearch client of the product is made with: the one place a client's
credentials, trusted certificate authority and serializer are decided (indexer, API, CLI)."""

from __future__ import annotations

from typing import Any

from elasticsearch.serializer import OrjsonSerializer

from iop.settings import ElasticsearchAccess


def client_options(access: ElasticsearchAccess | None = None) -> dict[str, Any]:
    """Client keyword arguments: the credentials and CA of ``access`` (default: from the
    environment, ``IOP_ELASTICSEARCH_*``), and orjson, which reads and writes JSON several
    times faster."""
    access = access or ElasticsearchAccess()
    options: dict[str, Any] = {"serializer": OrjsonSerializer()}
    if access.api_key is not None:
        options["api_key"] = access.api_key.get_secret_value()
    if access.username is not None and access.password is not None:
        options["basic_auth"] = (access.username, access.password.get_secret_value())
    if access.ca_certs is not None:
        options["ca_certs"] = str(access.ca_certs)
        options["verify_certs"] = True
    return options
