"""What docker-compose.yml and the Dockerfile promise an operator, read from the files.

``up`` starts Elasticsearch and the API only (no crawl of the internet by surprise); the
``refresh`` profile crawls; the ``offline`` profile serves the locator replica and refreshes
from it; crawled pages persist in their own volume; the image installs the runtime lock only.
(Docker is not run here: no engine, and no image registry to pull Elasticsearch from.)
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from iop.paths import PROJECT_ROOT

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()
PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())


def profiles(service: str) -> set[str]:
    return set(SERVICES[service].get("profiles", []))


def mounts(service: str) -> dict[str, str]:
    """Target path -> named volume of a service's volume mounts."""
    pairs = (volume.split(":")[:2] for volume in SERVICES[service].get("volumes", []))
    return {target: source for source, target in pairs}


def image_env(name: str) -> str:
    match = re.search(rf"\b{name}=(\S+)", DOCKERFILE)
    assert match, f"the Dockerfile sets no {name}"
    return match.group(1)


def pins(lock: str) -> dict[str, str]:
    text = (PROJECT_ROOT / lock).read_text()
    return {
        normalized(name): version
        for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) \\$", text, re.M)
    }


def normalized(requirement: str) -> str:
    name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def test_up_alone_starts_elasticsearch_and_the_api_only() -> None:
    assert {name for name in SERVICES if not profiles(name)} == {"elasticsearch", "api"}


def test_every_crawl_is_behind_a_profile() -> None:
    crawling = {
        name for name, service in SERVICES.items() if "refresh" in service.get("command", [])
    }
    assert crawling == {"refresh", "refresh-offline"}
    assert profiles("refresh") == {"refresh"}
    assert profiles("refresh-offline") == {"offline"}


def test_the_offline_profile_runs_the_replica_and_refreshes_from_it() -> None:
    replica = SERVICES["replica"]
    assert profiles("replica") == {"offline"}
    assert replica["command"][:3] == ["iop", "replica", "findtreatment"]
    port = replica["command"][replica["command"].index("--port") + 1]

    offline = SERVICES["refresh-offline"]
    assert offline["depends_on"]["replica"]["condition"] == "service_healthy"
    config = offline["command"][offline["command"].index("--config") + 1]
    (mounted,) = (c for c in offline["configs"] if c["target"] == config)
    sources = tomllib.loads(COMPOSE["configs"][mounted["source"]]["content"])["source"]
    by_spider = {source["spider"]: source.get("args", {}) for source in sources}
    assert by_spider["findtreatment"]["base_url"] == f"http://replica:{port}"
    # Every other source is a file shipped in the image: nothing is fetched from elsewhere.
    for spider, args in by_spider.items():
        if spider != "findtreatment":
            assert args["path"].startswith("/app/data/"), spider
            shipped = PROJECT_ROOT / Path(args["path"]).relative_to("/app")
            assert shipped.is_file(), shipped


@pytest.mark.parametrize("service", ["refresh", "refresh-offline"])
def test_crawled_pages_are_kept_in_their_own_volume(service: str) -> None:
    cache_dir = f"{image_env('IOP_VAR_DIR')}/httpcache"  # crawler/run.py's HTTPCACHE_DIR
    volume = mounts(service).get(cache_dir)
    assert volume == "httpcache"
    assert volume in COMPOSE["volumes"]
    assert cache_dir in DOCKERFILE  # made in the image, owned by its user


def test_the_image_installs_the_runtime_lock_only() -> None:
    installs = re.findall(r"pip install (.*)", DOCKERFILE)
    assert "--require-hashes -r requirements-runtime.lock" in installs
    copied = re.findall(r"^COPY (.*)", DOCKERFILE, re.M)
    assert not any("requirements.lock" in line.split() for line in copied)


def test_the_runtime_lock_has_no_development_tool() -> None:
    runtime = pins("requirements-runtime.lock")
    dev_tools = {normalized(tool) for tool in PYPROJECT["project"]["optional-dependencies"]["dev"]}
    assert dev_tools & set(runtime) == set()
    for dependency in PYPROJECT["project"]["dependencies"]:
        assert normalized(dependency) in runtime, dependency


def test_the_runtime_lock_pins_the_versions_the_tests_ran_with() -> None:
    everything = pins("requirements.lock")
    runtime = pins("requirements-runtime.lock")
    assert {name: everything.get(name) for name in runtime} == runtime
