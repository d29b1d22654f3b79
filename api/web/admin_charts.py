"""The desk's small charts, drawn on the server as inline SVG: no chart library, no JavaScript.

A chart here is geometry for the template (``admin_chart.html``) and the sentence that is its
accessible name; the numbers it draws are always in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BAR_WIDTH, BAR_HEIGHT = 360, 150
BAR_LEFT, BAR_RIGHT, BAR_TOP, BAR_BOTTOM = 56, 8, 12, 26
BAR_MOST_WIDTH = 40  # a few runs' bars stay bars, not blocks
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 28, 3


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    """Bars from a zero baseline, oldest on the left; ``top_label`` names the scale's top."""

    summary: str
    bars: list[Bar]
    top_label: str
    first_label: str
    last_label: str
    width: int = BAR_WIDTH
    height: int = BAR_HEIGHT
    left: int = BAR_LEFT
    right: int = BAR_WIDTH - BAR_RIGHT
    top: int = BAR_TOP
    baseline: int = BAR_HEIGHT - BAR_BOTTOM


def bar_chart(values: Sequence[int | None], labels: Sequence[str], summary: str) -> BarChart:
    """One bar per value (``None``: no bar, a gap), scaled to the largest value."""
    most = max((v for v in values if v is not None), default=0) or 1
    plot_width = BAR_WIDTH - BAR_LEFT - BAR_RIGHT
    plot_height = BAR_HEIGHT - BAR_TOP - BAR_BOTTOM
    slot = plot_width / max(len(values), 1)
    bars = []
    for n, value in enumerate(values):
        if value is None:
            continue
        height = round(plot_height * value / most, 1)
        width = min(slot * 0.7, BAR_MOST_WIDTH)
        bars.append(
            Bar(
                x=round(BAR_LEFT + n * slot + (slot - width) / 2, 1),
                y=round(BAR_HEIGHT - BAR_BOTTOM - height, 1),
                width=round(width, 1),
                height=height,
            )
        )
    return BarChart(
        summary=summary,
        bars=bars,
        top_label=f"{most:,}",
        first_label=labels[0] if labels else "",
        last_label=labels[-1] if len(labels) > 1 else "",
    )


@dataclass(frozen=True)
class Sparkline:
    """A line over a share from 0 to 1; a gap where a value is missing."""

    summary: str
    segments: list[str]  # each a polyline's points
    last: tuple[float, float] | None
    width: int = SPARK_WIDTH
    height: int = SPARK_HEIGHT


def sparkline(values: Sequence[float | None], summary: str) -> Sparkline:
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(len(values) - 1, 1)
    segments: list[list[str]] = [[]]
    last = None
    for n, value in enumerate(values):
        if value is None:
            segments.append([])
            continue
        x = round(SPARK_PAD + n * step, 1)
        y = round(SPARK_HEIGHT - SPARK_PAD - value * (SPARK_HEIGHT - 2 * SPARK_PAD), 1)
        segments[-1].append(f"{x},{y}")
        last = (x, y)
    return Sparkline(summary, [" ".join(s) for s in segments if s], last)
