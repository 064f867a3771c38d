"""Training analytics: weekly volume, training days and adherence; weeks are ISO weeks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from glutemed.domain.history import (
    Adherence,
    ExerciseVolume,
    SessionVolume,
    TrainingDay,
    WeekVolume,
)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks_of(
    volumes: Iterable[SessionVolume], since: date | None = None, until: date | None = None
) -> list[WeekVolume]:
    totals: dict[date, dict[str, list[int]]] = {}
    mondays: dict[date, date] = {}  # day -> its Monday, worked out once per day
    for v in volumes:
        monday = mondays.get(v.day)
        if monday is None:
            monday = mondays[v.day] = week_start(v.day)
        per_ex = totals.setdefault(monday, {})
        acc = per_ex.setdefault(v.exercise_id, [0, 0])
        acc[0] += v.reps
        acc[1] += v.sets
    if not totals and (since is None or until is None):
        return []
    first = week_start(since) if since is not None else min(totals)
    last = week_start(until) if until is not None else max(totals)
    out: list[WeekVolume] = []
    monday = first
    while monday <= last:
        per_ex = totals.get(monday, {})
        out.append(
            WeekVolume(
                monday,
                tuple(ExerciseVolume(ex, v[0], v[1]) for ex, v in sorted(per_ex.items())),
            )
        )
        monday += timedelta(days=7)
    return out


def days_of(volumes: Iterable[SessionVolume]) -> list[TrainingDay]:
    acc: dict[date, list[int]] = {}
    seen: set[int] = set()
    for v in volumes:
        slot = acc.setdefault(v.day, [0, 0, 0])
        slot[0] += int(v.session_id not in seen)
        seen.add(v.session_id)
        slot[1] += v.sets
        slot[2] += v.reps
    return [TrainingDay(d, v[0], v[1], v[2]) for d, v in sorted(acc.items())]


def adherence(days: Iterable[date], start: date, end: date) -> Adherence:
    """Days trained between *start* and *end* inclusive, and streaks ending by *end*."""
    trained = {d for d in days if start <= d <= end}
    total = (end - start).days + 1 if end >= start else 0
    longest = run = 0
    day = start
    while day <= end:
        run = run + 1 if day in trained else 0
        longest = max(longest, run)
        day += timedelta(days=1)
    current = 0
    day = end if end in trained else end - timedelta(days=1)  # today not yet trained is fine
    while day >= start and day in trained:
        current += 1
        day -= timedelta(days=1)
    return Adherence(len(trained), total, longest, current)
