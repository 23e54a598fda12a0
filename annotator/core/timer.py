"""Active time: seconds a person spends on a document, idle gaps left out.

Every key press or change calls ``activity()``. The time between two activities counts when it is
at most ``idle_limit`` seconds; a longer gap (lunch, a meeting) counts for nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

IDLE_LIMIT_SECONDS = 60.0


class ActiveTimer:
    """Accumulates active seconds between ``activity()`` calls until ``take()``."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        idle_limit: float = IDLE_LIMIT_SECONDS,
    ) -> None:
        self._clock = clock
        self._idle_limit = idle_limit
        self._last: float | None = None
        self._pending = 0.0

    @property
    def pending(self) -> float:
        """Active seconds counted and not yet taken."""
        return self._pending

    def activity(self) -> None:
        now = self._clock()
        if self._last is not None:
            gap = now - self._last
            if 0 < gap <= self._idle_limit:
                self._pending += gap
        self._last = now

    def take(self) -> float:
        """The pending seconds, which are then cleared (the clock keeps running)."""
        pending, self._pending = self._pending, 0.0
        return pending

    def restart(self) -> None:
        """Forget pending time and start counting from now (a new document)."""
        self._pending = 0.0
        self._last = self._clock()
