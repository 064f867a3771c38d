"""Stance-test queries for the Progress page and the report: bests, means and symmetry.

One row per test reaches Python: the per-side best and mean are computed in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from glutemed.store.db import Store
from glutemed.store.local_days import range_sql


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
class PelvicDropPoint:
    """The camera-measured pelvic drop of one test and side: the mean over its trials of
    each trial's largest drop, in degrees (positive: the lifted side sank)."""

    day: date
    taken_at: datetime
    side: str  # the standing leg
    degrees: float
    trials: int


def pelvic_drop_series(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[PelvicDropPoint]:
    """Measured pelvic drop per test and standing side, in time order (camera tests)."""
    where, params = range_sql("s.taken_at", since, until, tz)
    rows = store.conn.execute(
        "SELECT s.taken_at, t.side, AVG(t.pelvic_drop_deg) AS drop_deg, COUNT(*) AS n "
        "FROM stance_sessions s CROSS JOIN stance_trials t ON t.stance_session_id = s.id "
        f"WHERE {where} AND t.pelvic_drop_deg IS NOT NULL "
        "GROUP BY s.id, t.side ORDER BY s.taken_at, s.id, t.side",
        params,
    )
    out: list[PelvicDropPoint] = []
    for r in rows:
        moment = datetime.fromisoformat(r["taken_at"])
        out.append(
            PelvicDropPoint(moment.astimezone(tz).date(), moment, r["side"], r["drop_deg"], r["n"])
        )
    return out


def symmetry_percent(left: float | None, right: float | None) -> float | None:
    """min(L, R) / max(L, R) x 100 (CONTENT.md); None unless both sides have a time."""
    if left is None or right is None:
        return None
    high = max(left, right)
    if high <= 0:
        return 100.0 if left == right else None
    return 100.0 * min(left, right) / high


def stance_tests(
    store: Store,
    tz: tzinfo,
    eyes: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[StanceTest]:
    """Every stance test in time order with per-side best and mean."""
    where, params = range_sql("s.taken_at", since, until, tz)
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
