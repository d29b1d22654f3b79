"""The parts of the ``sort=best`` score, computed the way Elasticsearch computes them.

Elasticsearch scores with ``gauss`` decay functions; the same formula here turns a hit back
into the reasons a referrer reads ("4.2 mi away", "intake in about 3 days").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from api.config import RankingWeights

DECAY_AT_SCALE = 0.5


def gauss(distance_from_origin: float, scale: float, decay: float = DECAY_AT_SCALE) -> float:
    """Elasticsearch's gauss decay: 1 at the origin, ``decay`` at ``scale``."""
    sigma_squared = -(scale**2) / (2 * math.log(decay))
    return math.exp(-(distance_from_origin**2) / (2 * sigma_squared))


@dataclass(frozen=True)
class ScoreParts:
    nearness: float
    wait: float | None

    def total(self, weights: RankingWeights) -> float:
        return weights.distance * self.nearness + weights.wait * (self.wait or 0.0)


def score_parts(
    distance_miles: float, days_to_intake: int | None, weights: RankingWeights
) -> ScoreParts:
    wait = None if days_to_intake is None else gauss(days_to_intake, weights.wait_half_days)
    return ScoreParts(nearness=gauss(distance_miles, weights.distance_half_miles), wait=wait)
