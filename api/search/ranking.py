"""The parts of the ``sort=best`` score, computed the way Elasticsearch computes them.

Elasticsearch scores with ``gauss`` decay functions and constant per-preference shares (see
:mod:`api.search.query`); the same formulas here turn a hit back into its parts, and the parts
into the words a referrer reads ("2.3 mi away", "intake in ~2 days (county board, 3 days ago)").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from api.config import RankingWeights

DECAY_AT_SCALE = 0.5


def gauss(distance_from_origin: float, scale: float, decay: float = DECAY_AT_SCALE) -> float:
    """Elasticsearch's gauss decay: 1 at the origin, ``decay`` at ``scale``."""
    sigma_squared = -(scale**2) / (2 * math.log(decay))
    return math.exp(-(distance_from_origin**2) / (2 * sigma_squared))


@dataclass(frozen=True)
class ScoreParts:
    """Each part in [0, 1] (``preferences``: the share of preferred services offered);
    ``None`` when there is nothing to score (no preference, no wait). ``accepting`` is 0 when
    the facility currently says it is not accepting new patients, else 1."""

    nearness: float
    preferences: float | None
    wait: float | None
    accepting: float
    preferred_offered: int = 0

    def total(self, weights: RankingWeights) -> float:
        return (
            weights.distance * self.nearness
            + weights.preferences * self.preferred_offered
            + weights.wait * (self.wait or 0.0)
            + weights.accepting * self.accepting
        )


def wait_worth(
    days_to_intake: int | None, as_of: date | None, today: date, weights: RankingWeights
) -> float | None:
    """How much a stated wait counts: short is good, and old news counts for less."""
    if days_to_intake is None:
        return None
    worth = gauss(days_to_intake, weights.wait_half_days)
    if as_of is not None:
        worth *= gauss((today - as_of).days, weights.wait_as_of_half_days)
    return worth


def score_parts(
    distance_miles: float | None,
    preferred_offered: int,
    preferred_asked: int,
    days_to_intake: int | None,
    as_of: date | None,
    today: date,
    weights: RankingWeights,
    turning_away: bool = False,
) -> ScoreParts:
    """``days_to_intake`` is the current wait only (an old one does not count);
    ``turning_away``: the facility currently says it is not accepting new patients."""
    return ScoreParts(
        nearness=0.0
        if distance_miles is None
        else gauss(distance_miles, weights.distance_half_miles),
        preferences=preferred_offered / preferred_asked if preferred_asked else None,
        wait=wait_worth(days_to_intake, as_of, today, weights),
        accepting=0.0 if turning_away else 1.0,
        preferred_offered=preferred_offered,
    )


def age_in_words(as_of: date, today: date) -> str:
    days = (today - as_of).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    return f"{round(days / 30.4)} months ago"


def wait_in_words(
    days_to_intake: int | None,
    accepting: bool | None,
    as_of: date | None,
    source: str | None,
    today: date,
) -> str:
    said = ", ".join(p for p in (source, as_of and age_in_words(as_of, today)) if p)
    dated = f" ({said})" if said else ""
    if accepting is False:
        return f"not accepting new patients{dated}"
    if days_to_intake is None:
        return f"accepting new patients; wait unknown{dated}" if accepting else "wait unknown"
    if days_to_intake == 0:
        return f"intake same day{dated}"
    unit = "day" if days_to_intake == 1 else "days"
    return f"intake in ~{days_to_intake} {unit}{dated}"
