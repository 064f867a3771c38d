"""Binning daily series into weeks or months for long graph ranges (pure, no SQL).

Ten years of daily points are unreadable and slow to draw; a year or less stays daily.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import inf
from typing import TypeVar

from glutemed.domain.history import ExerciseTotals, ExerciseVolume, WeekVolume
from glutemed.progress.snapshot import ProgressSnapshot

DAILY, WEEKLY, MONTHLY = 1, 7, 30


@dataclass(frozen=True, slots=True)
class BinPoint:
    start: date  # first day of the bin
    size: int  # DAILY, WEEKLY or MONTHLY
    value: float
    count: int  # records that went into it

    @property
    def end(self) -> date:
        if self.size == MONTHLY:
            nxt = date(self.start.year + self.start.month // 12, self.start.month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return self.start + timedelta(days=self.size - 1)


def bin_size_for(days_shown: int) -> int:
    """Daily up to ~13 months, weekly up to ~4 years, monthly beyond."""
    if days_shown <= 400:
        return DAILY
    if days_shown <= 1500:
        return WEEKLY
    return MONTHLY


def bin_start(day: date, size: int) -> date:
    if size == WEEKLY:
        return day - timedelta(days=day.weekday())
    if size == MONTHLY:
        return day.replace(day=1)
    return day


def first_needed_day(start: date, size: int) -> date:
    """The first day whose records a range from *start* shows at bin size *size*: its
    first stance bin and its first volume bin (weeks, or months at monthly size) whole."""
    return bin_start(start, MONTHLY if size == MONTHLY else WEEKLY)


def binned(
    items: Iterable[tuple[date, float]], size: int, how: Callable[[list[float]], float]
) -> list[BinPoint]:
    groups: dict[date, list[float]] = {}
    starts: dict[date, date] = {}  # day -> its bin's start, worked out once per day
    for day, value in items:
        start = day if size == DAILY else starts.get(day)
        if start is None:
            start = starts[day] = bin_start(day, size)
        group = groups.get(start)
        if group is None:
            groups[start] = [value]
        else:
            group.append(value)
    return [BinPoint(start, size, how(vals), len(vals)) for start, vals in sorted(groups.items())]


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def running_bests(points: Iterable[BinPoint], record: float = float("-inf")) -> list[BinPoint]:
    """Points that beat every earlier one and *record* (the best before them, if any)."""
    out: list[BinPoint] = []
    for p in points:
        if p.value > record:
            record = p.value
            out.append(p)
    return out


@dataclass(frozen=True)
class VolumeBin(ExerciseTotals):
    """Training volume of one week (or month, for long ranges) by exercise."""

    start: date
    size: int
    by_exercise: tuple[ExerciseVolume, ...]


def volume_bins(weeks: Iterable[WeekVolume], size: int) -> list[VolumeBin]:
    """Weeks as they are, or summed per month (a week counts in its Monday's month)."""
    if size != MONTHLY:
        return [VolumeBin(w.week_start, WEEKLY, w.by_exercise) for w in weeks]
    groups: dict[date, dict[str, list[int]]] = {}
    for w in weeks:
        per_ex = groups.setdefault(bin_start(w.week_start, MONTHLY), {})
        for e in w.by_exercise:
            acc = per_ex.setdefault(e.exercise_id, [0, 0])
            acc[0] += e.reps
            acc[1] += e.sets
    return [
        VolumeBin(
            start, MONTHLY, tuple(ExerciseVolume(k, v[0], v[1]) for k, v in sorted(ex.items()))
        )
        for start, ex in sorted(groups.items())
    ]


@dataclass(frozen=True)
class PreparedSeries:
    """What the graphs draw at one bin size, for both eyes conditions; sliced per range."""

    size: int
    stance: dict[tuple[str, str], list[BinPoint]]  # (eyes, side) -> best per bin
    symmetry: dict[str, list[BinPoint]]  # eyes -> mean per bin
    pain: list[BinPoint]
    volume: list[VolumeBin]
    records: dict[tuple[str, str], frozenset[date]]  # (eyes, side) -> starts of personal bests
    pelvic_drop: dict[str, list[BinPoint]] = field(default_factory=dict)  # side -> mean per bin


def prepare(snapshot: ProgressSnapshot, size: int, since: date | None = None) -> PreparedSeries:
    """The series at bin size *size*; with *since*, only from the bin holding that day on.

    A range starting at *since* or later shows nothing earlier, so ten years of daily bins
    are not made to show one year. Personal bests still count every earlier result: the
    marks are the same as those of the whole history, from that bin on.
    """
    cut = bin_start(since, size) if since is not None else None

    def kept(items: Iterable[tuple[date, float]]) -> Iterable[tuple[date, float]]:
        return items if cut is None else ((day, v) for day, v in items if day >= cut)

    if (
        since is not None
        and snapshot.since is not None
        and (first_needed_day(since, size) < snapshot.since)
    ):
        raise ValueError(f"records from {snapshot.since} on cannot fill bins from {since}")
    stance: dict[tuple[str, str], list[BinPoint]] = {}
    symmetry: dict[str, list[BinPoint]] = {}
    # Best day before the cut, per (eyes, side): those in the snapshot, and before it.
    before = dict(snapshot.bests_before)
    for eyes in ("open", "closed"):
        points = snapshot.best_per_day(eyes)
        for side in ("left", "right"):
            days = [(p.day, p.seconds) for p in points if p.side == side]
            if cut is not None:
                earlier = max((v for day, v in days if day < cut), default=-inf)
                before[(eyes, side)] = max(earlier, before.get((eyes, side), -inf))
            stance[(eyes, side)] = binned(kept(days), size, max)
        symmetry[eyes] = binned(
            kept((p.day, p.percent) for p in snapshot.symmetry(eyes)), size, mean
        )
    pain = binned(kept((p.day, float(p.score)) for p in snapshot.pain), size, mean)
    records = {
        key: frozenset(p.start for p in running_bests(v, before.get(key, -inf)))
        for key, v in stance.items()
    }
    drops = {
        side: binned(kept((p.day, p.degrees) for p in snapshot.drops if p.side == side), size, mean)
        for side in ("left", "right")
    }
    weeks = snapshot.weeks
    if since is not None:  # volume bins are weeks up to monthly sizes
        first_week = bin_start(since, MONTHLY if size == MONTHLY else WEEKLY)
        weeks = tuple(w for w in weeks if w.week_start >= first_week)
    return PreparedSeries(size, stance, symmetry, pain, volume_bins(weeks, size), records, drops)


_T = TypeVar("_T", BinPoint, VolumeBin)


def from_day(points: Sequence[_T], first: date) -> Sequence[_T]:
    """The points whose bin ends on or after *first* (points are in time order)."""
    starts = [p.start for p in points]
    i = bisect.bisect_left(starts, bin_start(first, points[0].size)) if points else 0
    return points[i:]
