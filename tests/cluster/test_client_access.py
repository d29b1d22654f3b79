"""Every Elasticsearch client the product builds (indexer and CLI, the API on either node
class) sends the configured credentials and trusts the configured certificate authority.

Against a real loopback HTTP(S) server that records what it is sent: the development node has
security off, so it could not tell whether a key arrived.
"""

from __future__ import annotations

from base64 import b64encode
from collections.abc import Iterator
from pathlib import Path

import pytest
from elastic_transport import TlsError
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.config import Settings
from api.main import create_app
from cli.index import elasticsearch_client
from iop.es_client import client_options
from iop.settings import ElasticsearchAccess
from tests.cluster.recorder import Certificates, make_certificates, recording_server

API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="
BASIC = "Basic " + b64encode(b"iop-reader:correct horse").decode()
NODE_CLASSES = ["httptools", "aiohttp"]


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    return make_certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def no_access_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("API_KEY", "USERNAME", "PASSWORD", "CA_CERTS"):
        monkeypatch.delenv(f"IOP_ELASTICSEARCH_{name}", raising=False)
    yield


def readyz_through_api(url: str, access: ElasticsearchAccess, node: str) -> None:
    settings = Settings(elasticsearch_url=url, elasticsearch_access=access, elasticsearch_node=node)
    with TestClient(create_app(settings)) as client:
        client.get("/readyz")


def test_the_indexer_client_sends_an_api_key(no_access_environment: None) -> None:
    access = ElasticsearchAccess(api_key=API_KEY)
    with recording_server() as server:
        Elasticsearch(server.url, **client_options(access)).cluster.health()
    assert server.authorizations() == {f"ApiKey {API_KEY}"}


def test_the_indexer_client_sends_user_and_password(no_access_environment: None) -> None:
    access = ElasticsearchAccess(username="iop-reader", password="correct horse")
    with recording_server() as server:
        Elasticsearch(server.url, **client_options(access)).cluster.health()
    assert server.authorizations() == {BASIC}


def test_without_credentials_nothing_is_sent(no_access_environment: None) -> None:
    with recording_server() as server:
        Elasticsearch(server.url, **client_options()).cluster.health()
    assert server.authorizations() == {None}


def test_the_cli_client_takes_its_credentials_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, no_access_environment: None
) -> None:
    monkeypatch.setenv("IOP_ELASTICSEARCH_USERNAME", "iop-reader")
    monkeypatch.setenv("IOP_ELASTICSEARCH_PASSWORD", "correct horse")
    with recording_server() as server:
        monkeypatch.setenv("ELASTICSEARCH_URL", server.url)
        elasticsearch_client().cluster.health()
    assert server.authorizations() == {BASIC}


@pytest.mark.parametrize("node", NODE_CLASSES)
def test_the_api_sends_the_api_key_on_every_request(node: str) -> None:
    with recording_server() as server:
        readyz_through_api(server.url, ElasticsearchAccess(api_key=API_KEY), node)
    assert len(server.requests) >= 2  # the health check and the alias check
    assert server.authorizations() == {f"ApiKey {API_KEY}"}


@pytest.mark.parametrize("node", NODE_CLASSES)
def test_the_api_reads_its_credentials_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, no_access_environment: None, node: str
) -> None:
    monkeypatch.setenv("IOP_ELASTICSEARCH_API_KEY", API_KEY)
    monkeypatch.setenv("IOP_ELASTICSEARCH_NODE", node)
    with recording_server() as server:
        monkeypatch.setenv("ELASTICSEARCH_URL", server.url)
        with TestClient(create_app(Settings())) as client:
            client.get("/readyz")
    assert server.authorizations() == {f"ApiKey {API_KEY}"}


@pytest.mark.parametrize("node", NODE_CLASSES)
def test_the_api_trusts_the_configured_certificate_authority(
    certificates: Certificates, node: str
) -> None:
    access = ElasticsearchAccess(api_key=API_KEY, ca_certs=certificates.ca)
    with recording_server(certificates) as server:
        assert server.url.startswith("https://")
        readyz_through_api(server.url, access, node)
    assert server.authorizations() == {f"ApiKey {API_KEY}"}


def test_a_cluster_whose_certificate_the_ca_did_not_sign_is_refused(
    certificates: Certificates, tmp_path: Path, no_access_environment: None
) -> None:
    other = make_certificates(tmp_path)
    access = ElasticsearchAccess(api_key=API_KEY, ca_certs=other.ca)
    with recording_server(certificates) as server:
        client = Elasticsearch(server.url, max_retries=0, **client_options(access))
        with pytest.raises(TlsError):
            client.cluster.health()
    assert server.requests == []  # the key never left the client


def test_an_api_key_and_a_user_together_are_refused() -> None:
    with pytest.raises(ValidationError, match="not both"):
        ElasticsearchAccess(api_key=API_KEY, username="iop-reader", password="x")


def test_a_user_without_a_password_is_refused() -> None:
    with pytest.raises(ValidationError, match="go together"):
        ElasticsearchAccess(username="iop-reader")


def test_a_missing_ca_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="ca_certs"):
        ElasticsearchAccess(ca_certs=tmp_path / "absent.pem")


def test_credentials_never_show_in_the_settings_repr() -> None:
    access = ElasticsearchAccess(username="iop-reader", password="correct horse")
    assert "correct horse" not in repr(access)
    assert "correct horse" not in repr(Settings(elasticsearch_access=access))
