"""How often one client may start something costly: at most ``limit`` starts in any ``window``
seconds (a sliding window), counted in this process.

The HSDS export uses it (:func:`api.read_access.require_export_access`): a client is its
address, so behind a proxy the API must be told the real one (uvicorn's
``--forwarded-allow-ips``). Memory stays bounded: past ``max_clients`` the client that started
something least recently is forgotten first. No clock is read here; callers pass ``now``
(monotonic seconds), so the rule is tested without waiting.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field


@dataclass
class SlidingWindowLimit:
    limit: int
    window_seconds: float
    max_clients: int = 10_000
    _starts: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict, repr=False)

    def take(self, client: str, now: float) -> float | None:
        """Count a start for ``client`` if it is allowed: ``None``. Otherwise nothing is counted
        and the answer is how many seconds until the client's next start is allowed."""
        starts = self._starts.get(client)
        if starts is None:
            starts = self._starts[client] = deque()
            self._forget_beyond_capacity()
        while starts and starts[0] <= now - self.window_seconds:
            starts.popleft()
        if len(starts) >= self.limit:
            return min(self.window_seconds, starts[0] + self.window_seconds - now)
        starts.append(now)
        self._starts.move_to_end(client)
        return None

    def give_back(self, client: str) -> None:
        """Uncount ``client``'s latest start (it failed before anything was served)."""
        starts = self._starts.get(client)
        if starts:
            starts.pop()

    def _forget_beyond_capacity(self) -> None:
        while len(self._starts) > self.max_clients:
            self._starts.popitem(last=False)
