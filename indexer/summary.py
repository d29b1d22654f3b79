"""The summary of a refresh that data staff act on, and its text form.

New, changed and stale facilities come from the rebuild; per-source yield, quarantine and
field coverage come from the crawl's run record and are compared with the last good run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from indexer.load import LoadReport

# Quarantined records a run summary keeps per source, with their reasons (the rest are counted).
QUARANTINE_SAMPLE = 50


def quarantine_sample(path: Path, limit: int = QUARANTINE_SAMPLE) -> list[dict[str, Any]]:
    """The first ``limit`` records of a quarantine file: the listing's ref and link, and why
    it was kept out. A file that is missing or cut short gives what it has."""
    sample: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if len(sample) >= limit:
                    break
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the last line of a crawl that was stopped mid-write
                listed = (entry.get("record") or {}).get("sources") or [{}]
                sample.append(
                    {
                        "ref": listed[0].get("ref"),
                        "url": listed[0].get("url"),
                        "reasons": list(entry.get("reasons") or []),
                    }
                )
    except OSError:
        return sample
    return sample


def source_summaries(
    run: dict[str, Any], last: dict[str, Any] | None, crawled: set[str], drop_alert: float
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each source's yield against the last good run, and the fields whose coverage dropped."""
    before = {entry["source"]: entry for entry in (last or {}).get("sources", [])}
    sources, drops = [], []
    for name, record in sorted(run.get("sources", {}).items()):
        previous = before.get(name, {})
        items, previous_items = record.get("items", 0), previous.get("items")
        coverage: dict[str, float] = record.get("field_coverage", {})
        sources.append(
            {
                "source": name,
                "crawled": name in crawled,
                "items": items,
                "previous_items": previous_items,
                "change": (items - previous_items) / previous_items if previous_items else None,
                "quarantined": record.get("quarantined", 0),
                "quarantine_sample": record.get("quarantine_sample", []),
                "errors": record.get("errors", 0),
                "exit_code": record.get("exit_code", 0),
                "finish_reason": record.get("finish_reason"),
                "field_coverage": coverage,
            }
        )
        previous_coverage: dict[str, float] = previous.get("field_coverage", {})
        for path, was in sorted(previous_coverage.items()):
            now = coverage.get(path, 0.0)
            if was - now >= drop_alert:
                drops.append({"source": name, "field": path, "previous": was, "current": now})
    return sources, drops


def summarize(
    report: LoadReport,
    run: dict[str, Any],
    last: dict[str, Any] | None,
    crawled: set[str],
    drop_alert: float,
) -> dict[str, Any]:
    sources, drops = source_summaries(run, last, crawled, drop_alert)
    return {
        "index": report.index,
        "previous_index": report.previous,
        "facilities": {
            "total": report.documents,
            "listed": report.fresh,
            "new": report.new,
            "changed": report.changed,
            "unchanged": report.unchanged,
            "carried_over": report.carried_over,
            "newly_stale": report.newly_stale,
            "stale": report.stale,
            "quarantined": sum(source["quarantined"] for source in sources),
        },
        "sources": sources,
        "coverage_drops": drops,
    }


def _change(source: dict[str, Any]) -> str:
    if source["previous_items"] is None:
        return "first run"
    if source["change"] is None:
        return "was 0"
    return f"{source['change']:+.0%} vs {source['previous_items']}"


def render(summary: dict[str, Any]) -> str:
    """The summary as data staff read it in a terminal."""
    lines = [f"refresh {summary['run_id']}: {summary['status']}"]
    if summary.get("error"):
        lines.append(f"  error: {summary['error']}")
        lines.append("  the previous index is still serving; nothing was changed")
    facilities = summary.get("facilities")
    if facilities:
        lines.append(
            f"  {facilities['total']} facilities in {summary['index']} "
            f"(previous: {summary['previous_index'] or 'none'}): "
            f"{facilities['new']} new, {facilities['changed']} changed, "
            f"{facilities['unchanged']} unchanged, {facilities['carried_over']} not listed "
            f"this time (kept), {facilities['newly_stale']} newly stale, "
            f"{facilities['stale']} stale in all, {facilities['quarantined']} quarantined"
        )
    for source in summary.get("sources", []):
        note = "" if source["crawled"] else "  NOT COUNTED: failed or yielded nothing"
        reason = source.get("finish_reason")
        if reason not in (None, "finished"):
            note += f" ({reason})"
        lines.append(
            f"  {source['source']}: {source['items']} listed ({_change(source)}), "
            f"{source['quarantined']} quarantined, {source['errors']} errors{note}"
        )
    for drop in summary.get("coverage_drops", []):
        lines.append(
            f"  coverage dropped: {drop['source']} {drop['field']} "
            f"{drop['previous']:.0%} → {drop['current']:.0%}"
        )
    lines += _render_changes(summary.get("changes"))
    return "\n".join(lines)


def _render_changes(changes: dict[str, Any] | None) -> list[str]:
    """Facility by facility: "changed fac_…  Clinic X: name, phones"."""
    if not changes:
        return []
    if "error" in changes:
        return [f"  {changes['error']}"]
    counts = ", ".join(f"{n} {kind}" for kind, n in changes["counts"].items())
    lines = [f"  what changed: {counts}"]
    for entry in changes["listed"]:
        fields = entry.get("fields")
        said = f": {', '.join(fields)}" if fields else ""
        lines.append(f"    {entry['change']:<8} {entry['id']}  {entry['name'] or ''}{said}")
    if changes["more"]:
        lines.append(f"    … and {changes['more']:,} more, counted above")
    return lines
