"""The data desk's view of refresh summaries: each summary (``crawl_runs``, written by
``iop refresh``) with every part it may lack made explicit, each source across runs with its
charts, and the words and numbers the desk's templates show them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup

from api.web.admin_charts import BarChart, Sparkline, bar_chart, sparkline

CHART_RUNS = 12  # runs a source's chart spans
COVERAGE_COLUMNS = 4  # runs whose coverage the table shows side by side

KINDS = ("new", "changed", "back", "stale")
KIND_WORDS = {
    "new": "New",
    "changed": "Changed",
    "back": "Back from stale",
    "stale": "Gone stale",
}
KIND_CAPTIONS = {
    "new": "New facilities",
    "changed": "Changed facilities, with the fields that changed",
    "back": "Facilities back from stale, with the fields that changed",
    "stale": "Facilities gone stale",
}
FACILITY_COUNTS = (
    ("total", "In the new index"),
    ("listed", "Listed by this crawl"),
    ("new", "New"),
    ("changed", "Changed"),
    ("unchanged", "Unchanged"),
    ("carried_over", "Not listed this time (kept)"),
    ("newly_stale", "Gone stale this time"),
    ("stale", "Stale in all"),
    ("quarantined", "Quarantined"),
)


NONE_RECORDED = (
    '<span aria-hidden="true">—</span><span class="visually-hidden">none recorded</span>'
)


def number(value: int | None) -> Markup:
    if value is None:
        return Markup(NONE_RECORDED)
    return Markup(f"{value:,}")


def percent(share: float | None) -> str:
    return "not stated" if share is None else f"{share:.0%}"


def signed_percent(change: float) -> str:
    return f"{change:+.0%}".replace("-", "\N{MINUS SIGN}")


def signed_points(points: int) -> str:
    return "no change" if points == 0 else f"{points:+d} points".replace("-", "\N{MINUS SIGN}")


def parse_time(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def when(moment: datetime | None) -> Markup:
    if moment is None:
        return number(None)
    text = moment.strftime("%-d %b %Y, %H:%M:%S UTC")
    return Markup('<time datetime="{}">{}</time>').format(moment.isoformat(), text)


def short_date(moment: datetime | None) -> str:
    return moment.strftime("%-d %b %H:%M") if moment else "?"


HELPERS = {
    "number": number,
    "percent": percent,
    "when": when,
    "kind_words": KIND_WORDS,
    "kind_captions": KIND_CAPTIONS,
}


@dataclass(frozen=True)
class SourceYield:
    source: str
    items: int
    previous_items: int | None
    versus_last: str
    quarantined: int
    errors: int
    counted: bool
    why_not_counted: str | None
    field_coverage: dict[str, float]
    quarantine_sample: list[Quarantined]


def versus_last(items: int, previous: int | None) -> str:
    if previous is None:
        return "first run"
    if previous == 0:
        return "was 0"
    if items == previous:
        return f"same as last run ({previous:,})"
    return f"{signed_percent((items - previous) / previous)} vs {previous:,}"


@dataclass(frozen=True)
class Quarantined:
    """A record a source's crawl kept out of the directory, and why."""

    ref: str
    url: str | None  # a web page only
    reasons: list[str]


def _quarantined(entry: dict[str, Any]) -> Quarantined:
    url = entry.get("url")
    return Quarantined(
        ref=str(entry.get("ref") or "?"),
        url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
        reasons=[str(reason) for reason in entry.get("reasons") or []],
    )


def source_yield(entry: dict[str, Any]) -> SourceYield:
    items, previous = int(entry.get("items") or 0), entry.get("previous_items")
    counted = bool(entry.get("crawled", True))
    reason = entry.get("finish_reason")
    why = None
    if not counted:
        why = "failed or listed nothing; its missing facilities did not age"
        if reason not in (None, "finished"):
            why += f" (the crawl ended: {reason})"
    return SourceYield(
        source=str(entry.get("source", "?")),
        items=items,
        previous_items=previous,
        versus_last=versus_last(items, previous),
        quarantined=int(entry.get("quarantined") or 0),
        errors=int(entry.get("errors") or 0),
        counted=counted,
        why_not_counted=why,
        field_coverage=dict(entry.get("field_coverage") or {}),
        quarantine_sample=[_quarantined(q) for q in entry.get("quarantine_sample") or []],
    )


@dataclass(frozen=True)
class Run:
    """A refresh summary (``crawl_runs``), with every part it may lack made explicit."""

    run_id: str
    started: datetime | None
    finished: datetime | None
    status: str
    error: str | None
    index: str | None
    previous_index: str | None
    facilities: list[tuple[str, int]]
    counts: dict[str, int | None]
    quarantined: int | None
    sources: list[SourceYield]
    coverage_drops: list[dict[str, Any]]
    listed: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    more: int = 0
    changes_error: str | None = None


def run_of(summary: dict[str, Any]) -> Run:
    facilities = summary.get("facilities") or {}
    changes = summary.get("changes") or {}
    if changes.get("counts"):
        counts = {kind: changes["counts"].get(kind) for kind in KINDS}
    else:  # a failed refresh, or one recorded before changes were listed
        from_facilities = {"new": "new", "changed": "changed", "back": None, "stale": "newly_stale"}
        counts = {k: facilities.get(f) if f else None for k, f in from_facilities.items()}
    sources = [source_yield(entry) for entry in summary.get("sources") or []]
    quarantined = facilities.get("quarantined")
    if quarantined is None and sources:
        quarantined = sum(s.quarantined for s in sources)
    listed: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    for entry in changes.get("listed") or []:
        listed.setdefault(entry.get("change", "changed"), []).append(entry)
    return Run(
        run_id=str(summary.get("run_id", "")),
        started=parse_time(summary.get("started_at")),
        finished=parse_time(summary.get("finished_at")),
        status=str(summary.get("status", "unknown")),
        error=summary.get("error"),
        index=summary.get("index"),
        previous_index=summary.get("previous_index"),
        facilities=[(words, facilities[k]) for k, words in FACILITY_COUNTS if k in facilities],
        counts=counts,
        quarantined=quarantined,
        sources=sources,
        coverage_drops=list(summary.get("coverage_drops") or []),
        listed=listed,
        more=int(changes.get("more") or 0),
        changes_error=changes.get("error"),
    )


@dataclass(frozen=True)
class FieldHistory:
    field: str
    shares: list[float | None]  # in the table's columns
    change: str  # since the run before the latest
    trend: Sparkline


@dataclass(frozen=True)
class SourceHistory:
    source: str
    runs: list[tuple[Run, SourceYield]]  # the runs that recorded it, oldest first
    chart: BarChart
    columns: list[Run]  # the runs whose coverage the table shows, oldest first
    fields: list[FieldHistory]


def source_histories(runs: list[Run]) -> list[SourceHistory]:
    """Each source across the latest runs that recorded sources, oldest first."""
    chronological = [run for run in reversed(runs) if run.sources][-CHART_RUNS:]
    names = sorted({s.source for run in chronological for s in run.sources})
    return [source_history(name, chronological) for name in names]


def source_history(name: str, runs: list[Run]) -> SourceHistory:
    of_source = [(run, s) for run in runs for s in run.sources if s.source == name]
    labels = [short_date(run.started) for run, _ in of_source]
    chart = bar_chart([s.items for _, s in of_source], labels, yield_summary(name, of_source))
    fields = []
    for path in sorted({path for _, s in of_source for path in s.field_coverage}):
        # A source that ran without stating a field covered none of its facilities.
        over_time: list[float | None] = [s.field_coverage.get(path, 0.0) for _, s in of_source]
        change = ""
        if len(over_time) > 1:
            change = signed_points(round(((over_time[-1] or 0) - (over_time[-2] or 0)) * 100))
        trend = sparkline(over_time, coverage_summary(name, path, over_time))
        fields.append(FieldHistory(path, over_time[-COVERAGE_COLUMNS:], change, trend))
    columns = [run for run, _ in of_source[-COVERAGE_COLUMNS:]]
    return SourceHistory(name, of_source, chart, columns, fields)


def yield_summary(name: str, of_source: list[tuple[Run, SourceYield]]) -> str:
    if not of_source:
        return f"{name}: no run recorded what it listed."
    (first_run, first), (last_run, last) = of_source[0], of_source[-1]
    if len(of_source) == 1:
        return f"{name} listed {last.items:,} facilities in its one recorded run."
    values = [s.items for _, s in of_source]
    return (
        f"{name}: facilities listed in each of the last {len(values)} runs, "
        f"from {first.items:,} ({short_date(first_run.started)}) to {last.items:,} "
        f"({short_date(last_run.started)}); lowest {min(values):,}, highest {max(values):,}."
    )


def coverage_summary(name: str, path: str, shares: list[float | None]) -> str:
    known = [share for share in shares if share is not None]
    if len(known) < 2:
        return f"{path} in {name}: {percent(known[-1] if known else None)} in the one run recorded."
    return (
        f"{path} in {name}: {percent(known[0])} in the first of {len(known)} runs, "
        f"{percent(known[-1])} in the latest."
    )
