"""Writing many records at once (demo history, benchmarks): one transaction, executemany."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from glutemed.domain.records import PainLog, SetLog, StanceSession, WorkoutSession
from glutemed.store.db import Store
from glutemed.store.inserts import (
    INSERT_PAIN,
    INSERT_SET_LOG,
    INSERT_STANCE_SESSION,
    INSERT_STANCE_TRIAL,
    pain_values,
    set_log_values,
    stance_session_values,
    stance_trial_values,
)
from glutemed.store.timeutil import to_text


@dataclass
class History:
    """Records to insert; set logs refer to their workout by index into `workouts`."""

    stance: list[StanceSession] = field(default_factory=list)
    pain: list[PainLog] = field(default_factory=list)
    workouts: list[tuple[WorkoutSession, Sequence[SetLog]]] = field(default_factory=list)


def holds_any_data(store: Store) -> bool:
    tables = ("stance_sessions", "pain_logs", "workout_sessions", "routines")
    return any(
        store.conn.execute(f"SELECT EXISTS(SELECT 1 FROM {t})").fetchone()[0] for t in tables
    )


def insert_history(store: Store, history: History) -> None:
    """Insert everything in one transaction (all or nothing)."""
    with store.transaction() as conn:
        for session in history.stance:
            sid = conn.execute(INSERT_STANCE_SESSION, stance_session_values(session)).lastrowid
            conn.executemany(
                INSERT_STANCE_TRIAL, [stance_trial_values(sid, t) for t in session.trials]
            )
        conn.executemany(INSERT_PAIN, [pain_values(p) for p in history.pain])
        for workout, sets in history.workouts:
            cur = conn.execute(
                "INSERT INTO workout_sessions(started_at, ended_at, routine_id, notes) "
                "VALUES (?, ?, ?, ?)",
                (
                    to_text(workout.started_at),
                    to_text(workout.ended_at) if workout.ended_at else None,
                    workout.routine_id,
                    workout.notes,
                ),
            )
            wid = cur.lastrowid
            conn.executemany(INSERT_SET_LOG, [set_log_values(s, wid) for s in sets])
