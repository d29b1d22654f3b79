"""Accessibility checks with axe-core, to WCAG 2.1 level AA, on the page a browser shows."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TARGETS_SHOWN = 3

_axe = Axe()

# Colours are measured as they are: a button still fading in would fail contrast by chance.
FINITE_ANIMATIONS_FINISHED = """() => Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)))"""


def check_accessibility(page: Page, *, exclude: list[str] | None = None) -> dict[str, Any]:
    """Run axe-core's WCAG 2.1 A and AA rules on the page as it is now; fail the test with each
    violation (rule, impact, where, what to do) if there is any. ``exclude``: CSS selectors of
    parts that are not ours to fix. Returns axe-core's whole response."""
    page.evaluate(FINITE_ANIMATIONS_FINISHED)
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    response: dict[str, Any] = _axe.run(page, context=context, options=options).response
    if response["violations"]:
        pytest.fail(describe(page.url, response["violations"]), pytrace=False)
    return response


def describe(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{url}: {len(violations)} accessibility violation(s), WCAG 2.1 AA (axe-core):"]
    for violation in violations:
        nodes = violation["nodes"]
        targets = [" ".join(map(str, node["target"])) for node in nodes[:TARGETS_SHOWN]]
        more = f" and {len(nodes) - TARGETS_SHOWN} more" if len(nodes) > TARGETS_SHOWN else ""
        why = " ".join(nodes[0].get("failureSummary", "").split()) if nodes else ""
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    at {'; '.join(targets)}{more}\n"
            f"    first: {why}\n"
            f"    {violation['helpUrl']}"
        )
    return "\n".join(lines)
