"""Open Referral's published HSDS 3.0 schemas and API profile, read in place from
``../shared/standards/hsds-3.0`` (tests are skipped when it is absent; never copied here).

The profile's ``openapi.json`` refers to the schemas by their published URLs; a
``referencing`` registry maps each URL to the file here, so nothing is fetched. The profile
also names ``schema/taxonomy.json`` and ``schema/taxonomy_term.json``, which are not among the
compiled files: the compiled ``service`` schema holds both (an attribute's ``taxonomy_term``
and its ``taxonomy_detail``), and the registry serves those.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import quote

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from iop.paths import PROJECT_ROOT

STANDARDS = PROJECT_ROOT.parent / "shared" / "standards" / "hsds-3.0"
PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
PROFILE = "urn:openreferral:hsds-3.0:openapi.json"
COMPILED = (
    "organization",
    "organization_list",
    "service",
    "service_list",
    "service_at_location",
    "service_at_location_list",
)


def require_standards() -> None:
    if not STANDARDS.exists():
        pytest.skip("../shared/standards/hsds-3.0 is not present")


def _read(name: str) -> Any:
    return json.loads((STANDARDS / name).read_text())


@cache
def registry() -> Registry[Any]:
    compiled = {name: _read(f"{name}.json") for name in COMPILED}
    term = compiled["service"]["properties"]["attributes"]["items"]["properties"]["taxonomy_term"]
    resources: dict[str, Resource[Any]] = {
        f"{PUBLISHED}compiled/{name}.json": DRAFT202012.create_resource(schema)
        for name, schema in compiled.items()
    }
    resources[f"{PUBLISHED}taxonomy_term.json"] = DRAFT202012.create_resource(term)
    resources[f"{PUBLISHED}taxonomy.json"] = DRAFT202012.create_resource(
        term["properties"]["taxonomy_detail"]
    )
    resources[PROFILE] = DRAFT202012.create_resource(_read("openapi.json"))
    return Registry().with_resources(resources.items())


def _validator(ref: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": ref}, registry=registry(), format_checker=FormatChecker())


@cache
def schema(name: str) -> Draft202012Validator:
    """The validator of a compiled schema (``service``, ``organization_list``...)."""
    require_standards()
    return _validator(f"{PUBLISHED}compiled/{name}.json")


@cache
def profile_answer(path: str) -> Draft202012Validator:
    """The validator of what the profile says ``GET path`` answers (``/services``...)."""
    require_standards()
    escaped = path.replace("~", "~0").replace("/", "~1")
    pointer = f"/paths/{escaped}/get/responses/200/content/application~1json/schema"
    return _validator(f"{PROFILE}#{quote(pointer)}")


def errors(validator: Draft202012Validator, document: Any) -> list[str]:
    """Every way the document breaks the schema, as ``path: message`` (empty: valid)."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]
