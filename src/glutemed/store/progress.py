"""The Progress page's and the report's data for one date range, loaded in one go.

Days and ISO weeks are the user's local ones (see `local_days`). The queries per subject
live in `progress_stance`, `progress_pain` and `progress_training`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from glutemed.store.db import Store
from glutemed.store.local_days import local_day
from glutemed.store.progress_pain import PainBaseline, PainPoint, pain_baseline, pain_series
from glutemed.store.progress_stance import (
    DayBest,
    PelvicDropPoint,
    StanceTest,
    SymmetryPoint,
    best_per_day,
    pelvic_drop_series,
    stance_tests,
    symmetry_of,
)
from glutemed.store.progress_training import (
    TrainingDay,
    WeekVolume,
    days_of,
    session_volumes,
    weeks_of,
)


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
    # Camera-measured pelvic drop per test and standing leg (empty without camera tests).
    drops: tuple[PelvicDropPoint, ...] = field(default=())

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
        drops=tuple(pelvic_drop_series(store, tz, since, until)),
    )


def reader(store: Store) -> Store:
    """A second, read-only connection to the same file, for loading in a worker thread."""
    conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return Store(path=store.path, conn=conn)
