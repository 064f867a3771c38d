"""Read-only queries behind the Progress page and the report; they return dataclasses.

Days and ISO weeks are the user's local ones: every query takes a `tz` and buckets UTC
timestamps by their local date, so a test at 00:30 local time counts for that day even
when it is still the previous day in UTC, and DST changes move nothing.
Aggregation happens in SQL per session; only one row per session reaches Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from glutemed.store.db import Store
from glutemed.store.timeutil import to_text

# Minimal clinically important change for back pain: 2 points or 30 % from baseline
# (Ostelo et al. 2008, Spine 33(1):90-4; Farrar et al. 2001, Pain 94:149-58).
PAIN_MCID_POINTS = 2.0
PAIN_MCID_FRACTION = 0.30
# Baseline: mean of the first entries, at most this many, within this many days of the first.
PAIN_BASELINE_ENTRIES = 3
PAIN_BASELINE_DAYS = 7


@dataclass(frozen=True)
class DayBest:
    """The best stance trial of one local day for one side."""

    day: date
    side: str
    seconds: float
    capped: bool


@dataclass(frozen=True)
class StanceTest:
    """One stance test (session): best and mean per side, and symmetry when both sides ran."""

    session_id: int
    taken_at: datetime
    day: date
    eyes: str
    cap_s: float
    left_best: float | None
    left_mean: float | None
    right_best: float | None
    right_mean: float | None

    @property
    def symmetry(self) -> float | None:
        return symmetry_percent(self.left_best, self.right_best)


@dataclass(frozen=True)
class SymmetryPoint:
    day: date
    taken_at: datetime
    eyes: str
    left_s: float
    right_s: float
    percent: float


@dataclass(frozen=True)
class PainPoint:
    taken_at: datetime
    day: date
    score: int
    context: str


@dataclass(frozen=True)
class PainBaseline:
    """Baseline pain and the band of changes too small to be clinically important."""

    score: float
    entries: int
    first_day: date

    @property
    def band_low(self) -> float:
        return self.score - PAIN_MCID_POINTS

    @property
    def band_high(self) -> float:
        return self.score + PAIN_MCID_POINTS

    def important_change(self, score: float) -> bool:
        """True when *score* differs from baseline by 2 points or 30 % (either suffices)."""
        delta = abs(score - self.score)
        if delta >= PAIN_MCID_POINTS:
            return True
        return self.score > 0 and delta / self.score >= PAIN_MCID_FRACTION


@dataclass(frozen=True)
class ExerciseVolume:
    exercise_id: str
    reps: int
    sets: int


@dataclass(frozen=True)
class WeekVolume:
    """Completed (not skipped) sets and reps in one local ISO week, by exercise."""

    week_start: date  # the Monday
    by_exercise: tuple[ExerciseVolume, ...]

    @property
    def iso_year(self) -> int:
        return self.week_start.isocalendar()[0]

    @property
    def iso_week(self) -> int:
        return self.week_start.isocalendar()[1]

    @property
    def reps(self) -> int:
        return sum(e.reps for e in self.by_exercise)

    @property
    def sets(self) -> int:
        return sum(e.sets for e in self.by_exercise)


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


def symmetry_percent(left: float | None, right: float | None) -> float | None:
    """min(L, R) / max(L, R) x 100 (CONTENT.md); None unless both sides have a time."""
    if left is None or right is None:
        return None
    high = max(left, right)
    if high <= 0:
        return 100.0 if left == right else None
    return 100.0 * min(left, right) / high


def local_day(text: str, tz: tzinfo) -> date:
    return datetime.fromisoformat(text).astimezone(tz).date()


def day_start_utc_text(day: date, tz: tzinfo) -> str:
    """The stored-text form of local midnight at the start of *day* (for range filters)."""
    return to_text(datetime.combine(day, time(0), tzinfo=tz))


def _range_sql(
    column: str, since: date | None, until: date | None, tz: tzinfo
) -> tuple[str, list[str]]:
    clauses: list[str] = []
    params: list[str] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(day_start_utc_text(since, tz))
    if until is not None:
        clauses.append(f"{column} < ?")
        params.append(day_start_utc_text(until + timedelta(days=1), tz))
    return (" AND ".join(clauses) or "1"), params


def stance_tests(
    store: Store,
    tz: tzinfo,
    eyes: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[StanceTest]:
    """Every stance test in time order with per-side best and mean."""
    where, params = _range_sql("s.taken_at", since, until, tz)
    if eyes is not None:
        where += " AND s.eyes = ?"
        params.append(eyes)
    rows = store.conn.execute(
        "SELECT s.id, s.taken_at, s.eyes, s.cap_s, "
        "MAX(CASE WHEN t.side = 'left' THEN t.seconds END) AS lb, "
        "AVG(CASE WHEN t.side = 'left' THEN t.seconds END) AS lm, "
        "MAX(CASE WHEN t.side = 'right' THEN t.seconds END) AS rb, "
        "AVG(CASE WHEN t.side = 'right' THEN t.seconds END) AS rm "
        "FROM stance_sessions s CROSS JOIN stance_trials t ON t.stance_session_id = s.id "
        f"WHERE {where} GROUP BY s.id ORDER BY s.taken_at, s.id",
        params,
    )
    out: list[StanceTest] = []
    for r in rows:
        moment = datetime.fromisoformat(r["taken_at"])
        out.append(
            StanceTest(
                session_id=r["id"],
                taken_at=moment,
                day=moment.astimezone(tz).date(),
                eyes=r["eyes"],
                cap_s=r["cap_s"],
                left_best=r["lb"],
                left_mean=r["lm"],
                right_best=r["rb"],
                right_mean=r["rm"],
            )
        )
    return out


def stance_best_per_day(
    store: Store,
    tz: tzinfo,
    eyes: str,
    since: date | None = None,
    until: date | None = None,
) -> list[DayBest]:
    """Best trial per local day and side, ordered by day then side (left before right)."""
    return best_per_day(stance_tests(store, tz, eyes, since, until), eyes)


def best_per_day(tests: Iterable[StanceTest], eyes: str) -> list[DayBest]:
    best: dict[tuple[date, str], DayBest] = {}
    for test in tests:
        if test.eyes != eyes:
            continue
        for side, seconds in (("left", test.left_best), ("right", test.right_best)):
            if seconds is None:
                continue
            old = best.get((test.day, side))
            if old is None or seconds > old.seconds:
                best[(test.day, side)] = DayBest(test.day, side, seconds, seconds >= test.cap_s)
    return [best[k] for k in sorted(best)]


def symmetry_series(
    store: Store,
    tz: tzinfo,
    eyes: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[SymmetryPoint]:
    """Symmetry % of each test that timed both sides."""
    return symmetry_of(stance_tests(store, tz, eyes, since, until))


def symmetry_of(tests: Iterable[StanceTest], eyes: str | None = None) -> list[SymmetryPoint]:
    out: list[SymmetryPoint] = []
    for test in tests:
        percent = test.symmetry
        if eyes is not None and test.eyes != eyes:
            continue
        if percent is None or test.left_best is None or test.right_best is None:
            continue
        out.append(
            SymmetryPoint(
                test.day, test.taken_at, test.eyes, test.left_best, test.right_best, percent
            )
        )
    return out


def personal_bests(points: Sequence[DayBest]) -> list[DayBest]:
    """The points that beat every earlier point of the same side (the first one counts)."""
    record: dict[str, float] = {}
    out: list[DayBest] = []
    for p in sorted(points, key=lambda p: p.day):
        if p.seconds > record.get(p.side, -1.0):
            record[p.side] = p.seconds
            out.append(p)
    return out


def pain_series(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[PainPoint]:
    where, params = _range_sql("taken_at", since, until, tz)
    rows = store.conn.execute(
        f"SELECT taken_at, score, context FROM pain_logs WHERE {where} ORDER BY taken_at, id",
        params,
    )
    out: list[PainPoint] = []
    for r in rows:
        moment = datetime.fromisoformat(r["taken_at"])
        out.append(PainPoint(moment, moment.astimezone(tz).date(), r["score"], r["context"]))
    return out


def pain_baseline(store: Store, tz: tzinfo) -> PainBaseline | None:
    """Mean of the first entries ever logged (up to 3, within a week of the first one)."""
    rows = store.conn.execute(
        "SELECT taken_at, score FROM pain_logs ORDER BY taken_at, id LIMIT ?",
        (PAIN_BASELINE_ENTRIES,),
    ).fetchall()
    if not rows:
        return None
    first = local_day(rows[0]["taken_at"], tz)
    last_day = first + timedelta(days=PAIN_BASELINE_DAYS - 1)
    scores = [r["score"] for r in rows if local_day(r["taken_at"], tz) <= last_day]
    return PainBaseline(score=sum(scores) / len(scores), entries=len(scores), first_day=first)


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
    where, params = _range_sql("s.started_at", since, until, tz)
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


def data_span(store: Store, tz: tzinfo) -> tuple[date, date] | None:
    """First and last local day holding any stance, pain or workout record."""
    # One MIN or MAX per sub-select: SQLite answers each from its time index in one step.
    parts = [
        f"(SELECT {fn}({col}) FROM {table})"
        for fn in ("MIN", "MAX")
        for table, col in (
            ("stance_sessions", "taken_at"),
            ("pain_logs", "taken_at"),
            ("workout_sessions", "started_at"),
        )
    ]
    row = store.conn.execute("SELECT " + ", ".join(parts)).fetchone()
    firsts = [v for v in row[:3] if v is not None]
    lasts = [v for v in row[3:] if v is not None]
    if not firsts:
        return None
    first = min(firsts, key=lambda t: datetime.fromisoformat(t))
    last = max(lasts, key=lambda t: datetime.fromisoformat(t))
    return local_day(first, tz), local_day(last, tz)


@dataclass(frozen=True)
class ProgressSnapshot:
    """Everything the Progress page and the report show, for one date range."""

    since: date | None
    until: date | None
    tests: tuple[StanceTest, ...]
    pain: tuple[PainPoint, ...]
    baseline: PainBaseline | None
    weeks: tuple[WeekVolume, ...]
    days: tuple[TrainingDay, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.tests or self.pain or self.days)

    def best_per_day(self, eyes: str) -> list[DayBest]:
        return best_per_day(self.tests, eyes)

    def symmetry(self, eyes: str) -> list[SymmetryPoint]:
        return symmetry_of(self.tests, eyes)


def load_snapshot(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> ProgressSnapshot:
    volumes = session_volumes(store, tz, since, until)
    return ProgressSnapshot(
        since=since,
        until=until,
        tests=tuple(stance_tests(store, tz, None, since, until)),
        pain=tuple(pain_series(store, tz, since, until)),
        baseline=pain_baseline(store, tz),
        weeks=tuple(weeks_of(volumes, since, until)),
        days=tuple(days_of(volumes)),
    )


def reader(store: Store) -> Store:
    """A second, read-only connection to the same file, for loading in a worker thread."""
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return Store(path=store.path, conn=conn)
