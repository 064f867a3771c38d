"""Workout queries for the Progress page and the report: volume, training days, adherence.

Sets are summed in SQL per session and exercise; weeks are local ISO weeks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from glutemed.store.db import Store
from glutemed.store.local_days import local_day, range_sql


@dataclass(frozen=True)
class ExerciseVolume:
    exercise_id: str
    reps: int
    sets: int


class ExerciseTotals:
    """Reps and sets summed over the exercises of a volume held per exercise."""

    by_exercise: tuple[ExerciseVolume, ...]

    @property
    def reps(self) -> int:
        return sum(e.reps for e in self.by_exercise)

    @property
    def sets(self) -> int:
        return sum(e.sets for e in self.by_exercise)


@dataclass(frozen=True)
class WeekVolume(ExerciseTotals):
    """Completed (not skipped) sets and reps in one local ISO week, by exercise."""

    week_start: date  # the Monday
    by_exercise: tuple[ExerciseVolume, ...]

    @property
    def iso_year(self) -> int:
        return self.week_start.isocalendar()[0]

    @property
    def iso_week(self) -> int:
        return self.week_start.isocalendar()[1]


@dataclass(frozen=True)
class TrainingDay:
    day: date
    sessions: int
    sets: int
    reps: int


@dataclass(frozen=True)
class Adherence:
    days_trained: int
    days_total: int
    longest_streak: int
    current_streak: int

    @property
    def percent(self) -> float:
        return 100.0 * self.days_trained / self.days_total if self.days_total else 0.0


@dataclass(frozen=True)
class SessionVolume:
    """Completed sets and reps of one exercise in one workout session."""

    session_id: int
    day: date  # local day the session started
    exercise_id: str
    sets: int
    reps: int


def session_volumes(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[SessionVolume]:
    where, params = range_sql("s.started_at", since, until, tz)
    rows = store.conn.execute(
        "SELECT s.id, s.started_at, l.exercise_id, COUNT(*) AS sets, SUM(l.reps_done) AS reps "
        # CROSS JOIN keeps sessions first: the time range picks the sessions, then the
        # covering index idx_set_logs_volume (v3) sums their sets without a table scan.
        "FROM workout_sessions s CROSS JOIN set_logs l ON l.session_id = s.id "
        f"WHERE {where} AND l.skipped = 0 GROUP BY s.id, l.exercise_id",
        params,
    )
    day_of: dict[str, date] = {}
    out: list[SessionVolume] = []
    for r in rows:
        text = r["started_at"]
        day = day_of.get(text)
        if day is None:
            day = day_of[text] = local_day(text, tz)
        out.append(SessionVolume(r["id"], day, r["exercise_id"], r["sets"], int(r["reps"] or 0)))
    return out


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_volume(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[WeekVolume]:
    """One entry per ISO week from the first to the last (empty weeks included).

    A session counts in the week of its local start day. With *since*/*until* the weeks
    span that range even where there is no data.
    """
    return weeks_of(session_volumes(store, tz, since, until), since, until)


def weeks_of(
    volumes: Iterable[SessionVolume], since: date | None = None, until: date | None = None
) -> list[WeekVolume]:
    totals: dict[date, dict[str, list[int]]] = {}
    for v in volumes:
        per_ex = totals.setdefault(week_start(v.day), {})
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


def training_days(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[TrainingDay]:
    """Local days with at least one completed set, in order."""
    return days_of(session_volumes(store, tz, since, until))


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
