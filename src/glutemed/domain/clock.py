"""Clock abstraction: state machines read time from an injected clock, never from ticks."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds."""
        ...


def utc_now() -> datetime:
    """Wall time for timestamps (the monotonic clock times durations)."""
    return datetime.now(UTC)


class MonotonicClock:
    """The real clock used by the app."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests move by hand; time never passes on its own."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds
