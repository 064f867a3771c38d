"""Workout queries for the Progress page and the report: volume per session and exercise.

Sets are summed in SQL per session and exercise (`glutemed.progress.training` makes weeks).
"""

from __future__ import annotations

from datetime import date, tzinfo

from glutemed.domain.history import SessionVolume
from glutemed.domain.rules import MIN_REPS_TRAINED
from glutemed.store.db import Store, plain_rows
from glutemed.store.local_days import local_day, range_sql


def session_volumes(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[SessionVolume]:
    where, params = range_sql("s.started_at", since, until, tz)
    rows = plain_rows(
        store,
        "SELECT s.id, s.started_at, l.exercise_id, COUNT(*) AS sets, SUM(l.reps_done) AS reps "
        # CROSS JOIN keeps sessions first: the time range picks the sessions, then the
        # covering index idx_set_logs_volume (v3) sums their sets without a table scan.
        "FROM workout_sessions s CROSS JOIN set_logs l ON l.session_id = s.id "
        f"WHERE {where} AND l.reps_done >= {MIN_REPS_TRAINED} GROUP BY s.id, l.exercise_id",
        params,
    )
    day_of: dict[str, date] = {}
    out: list[SessionVolume] = []
    for session_id, started_at, exercise_id, sets, reps in rows:
        day = day_of.get(started_at)
        if day is None:
            day = day_of[started_at] = local_day(started_at, tz)
        out.append(SessionVolume(session_id, day, exercise_id, sets, int(reps or 0)))
    return out
