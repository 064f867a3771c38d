"""Writing many records at once (demo history, benchmarks): one transaction, executemany."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from glutemed.domain.records import PainLog, SetLog, StanceSession, WorkoutSession
from glutemed.store.db import Store
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
            cur = conn.execute(
                "INSERT INTO stance_sessions(taken_at, eyes, cap_s, notes) VALUES (?, ?, ?, ?)",
                (to_text(session.taken_at), session.eyes, session.cap_s, session.notes),
            )
            sid = cur.lastrowid
            conn.executemany(
                "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, capped, "
                "ended_by, pelvis_dropped, trunk_lean) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        sid,
                        t.side,
                        t.trial_no,
                        t.seconds,
                        int(t.capped),
                        t.ended_by,
                        int(t.pelvis_dropped),
                        int(t.trunk_lean),
                    )
                    for t in session.trials
                ],
            )
        conn.executemany(
            "INSERT INTO pain_logs(taken_at, score, context, note) VALUES (?, ?, ?, ?)",
            [(to_text(p.taken_at), p.score, p.context, p.note) for p in history.pain],
        )
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
            conn.executemany(
                "INSERT INTO set_logs(session_id, exercise_id, variation_id, side, set_no, "
                "reps_target, reps_done, hold_s, band, started_at, completed_at, skipped) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        wid,
                        s.exercise_id,
                        s.variation_id,
                        s.side,
                        s.set_no,
                        s.reps_target,
                        s.reps_done,
                        s.hold_s,
                        s.band,
                        to_text(s.started_at),
                        to_text(s.completed_at),
                        int(s.skipped),
                    )
                    for s in sets
                ],
            )
