"""The layout holds: a pure core, stages that talk only through files and the index, and the
wiring apart. Read from the source (every import, at any depth in a module), not from memory.
"""

from __future__ import annotations

import ast
from collections import defaultdict

from iop.paths import PROJECT_ROOT

# What each top-level package may import of the project's packages (besides itself).
ALLOWED = {
    "iop": set(),  # the core: the model, vocabulary, mapping, geography, feeds, index contract
    "crawler": {"iop"},
    "indexer": {"iop"},
    "api": {"iop"},
    "replica": {"iop"},  # the locator API's stand-in, for the demo and tests
    "local_elasticsearch": set(),  # a developer tool: the local node
    "cli": {"iop", "crawler", "indexer", "api", "replica", "local_elasticsearch"},  # the wiring
}


def imports_of(package: str) -> dict[str, set[str]]:
    """``{project package imported: modules of ``package`` importing it}``."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in ALLOWED and top != package:
                    found[top].add(str(path.relative_to(PROJECT_ROOT)))
    return found


def test_each_package_imports_only_what_its_place_allows() -> None:
    wrong = {
        f"{package} imports {other}": sorted(modules)
        for package in ALLOWED
        for other, modules in imports_of(package).items()
        if other not in ALLOWED[package]
    }
    assert wrong == {}


def test_no_circle_joins_packages() -> None:
    graph = {package: set(imports_of(package)) for package in ALLOWED}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in graph[start] - seen:
            if step == goal or reaches(step, goal, seen | {step}):
                return True
        return False

    assert [p for p in graph if reaches(p, p, set())] == []


def test_every_package_is_placed() -> None:
    packages = {p.parent.name for p in PROJECT_ROOT.glob("*/__init__.py")}
    assert packages - {"tests", "bench"} == set(ALLOWED)
