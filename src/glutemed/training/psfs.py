"""Patient-Specific Functional Scale (Stratford et al. 1995, Physiotherapy Canada 47:258-63).

The person names up to three activities they find hard and rates each from 0 (unable) to
10 (able as before the problem). The score is the mean of the ratings. Maughan & Lewis 2010
(Eur Spine J 19(9):1484-94) put the minimal clinically important difference for chronic
low back pain at 1.4 points (from the standard error of measurement). The app asks again
every 2 weeks: its own schedule, not a published one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MAX_ACTIVITIES = 3
MIC_POINTS = 1.4  # Maughan & Lewis 2010, SEM-based MCID, chronic low back pain
MIC_SOURCE = "Maughan & Lewis 2010"
INTERVAL = timedelta(days=14)  # the app's default


class PsfsError(ValueError):
    """A rating set the scale cannot hold; the message names the problem."""


@dataclass(frozen=True)
class PsfsEntry:
    day: date
    ratings: tuple[tuple[str, int], ...]  # (activity, 0-10)

    @property
    def score(self) -> float:
        return sum(r for _, r in self.ratings) / len(self.ratings)


def make_entry(day: date, ratings: Sequence[tuple[str, int]]) -> PsfsEntry:
    cleaned: list[tuple[str, int]] = []
    seen: set[str] = set()
    for name, rating in ratings:
        activity = " ".join(str(name).split())
        if not activity:
            raise PsfsError("each activity needs a name")
        if activity.lower() in seen:
            raise PsfsError(f"{activity!r} is listed twice")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10:
            raise PsfsError(f"{activity!r}: the rating must be a whole number from 0 to 10")
        seen.add(activity.lower())
        cleaned.append((activity, rating))
    if not cleaned:
        raise PsfsError("name at least one activity")
    if len(cleaned) > MAX_ACTIVITIES:
        raise PsfsError(f"name at most {MAX_ACTIVITIES} activities")
    return PsfsEntry(day, tuple(cleaned))


@dataclass(frozen=True)
class PsfsChange:
    baseline: float
    latest: float

    @property
    def change(self) -> float:
        return self.latest - self.baseline

    @property
    def important(self) -> bool:
        return self.change >= MIC_POINTS - 1e-9

    def describe(self) -> str:
        direction = "up" if self.change >= 0 else "down"
        verdict = (
            "a change that matters"
            if self.important
            else f"not yet the {MIC_POINTS:g}-point change that matters"
        )
        return (
            f"Function score {self.latest:.1f} (start {self.baseline:.1f}), {direction} "
            f"{abs(self.change):.1f}: {verdict} ({MIC_SOURCE})."
        )


def change_since_start(entries: Sequence[PsfsEntry]) -> PsfsChange | None:
    if len(entries) < 2:
        return None
    ordered = sorted(entries, key=lambda e: e.day)
    return PsfsChange(ordered[0].score, ordered[-1].score)


def due(entries: Sequence[PsfsEntry], today: date) -> bool:
    """True when no rating exists or the latest is at least 2 weeks old."""
    if not entries:
        return True
    return today - max(e.day for e in entries) >= INTERVAL
