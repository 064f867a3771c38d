"""Workout sessions and their set logs. Each set is committed the moment it ends."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from glutemed.domain.records import SetLog, WorkoutSession
from glutemed.store.db import Store
from glutemed.store.inserts import INSERT_SET_LOG, set_log_values
from glutemed.store.timeutil import from_text, to_text


def start_session(store: Store, started_at: datetime, routine_id: int | None = None) -> int:
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO workout_sessions(started_at, routine_id) VALUES (?, ?)",
            (to_text(started_at), routine_id),
        )
    return int(cur.lastrowid or 0)


def end_session(store: Store, session_id: int, ended_at: datetime, notes: str = "") -> None:
    with store.transaction() as conn:
        conn.execute(
            "UPDATE workout_sessions SET ended_at = ?, notes = ? WHERE id = ?",
            (to_text(ended_at), notes, session_id),
        )


def log_set(store: Store, entry: SetLog) -> int:
    """Durably record one finished (or skipped) set; returns its id."""
    with store.transaction() as conn:
        cur = conn.execute(INSERT_SET_LOG, set_log_values(entry))
    return int(cur.lastrowid or 0)


def _session(row: sqlite3.Row) -> WorkoutSession:
    return WorkoutSession(
        id=row["id"],
        started_at=from_text(row["started_at"]),
        ended_at=from_text(row["ended_at"]) if row["ended_at"] else None,
        routine_id=row["routine_id"],
        notes=row["notes"],
    )


def _set(row: sqlite3.Row) -> SetLog:
    return SetLog(
        id=row["id"],
        session_id=row["session_id"],
        exercise_id=row["exercise_id"],
        variation_id=row["variation_id"],
        side=row["side"],
        set_no=row["set_no"],
        reps_target=row["reps_target"],
        reps_done=row["reps_done"],
        hold_s=row["hold_s"],
        band=row["band"],
        started_at=from_text(row["started_at"]),
        completed_at=from_text(row["completed_at"]),
        skipped=bool(row["skipped"]),
    )


def list_sessions(store: Store, limit: int | None = None) -> list[WorkoutSession]:
    sql = "SELECT * FROM workout_sessions ORDER BY started_at DESC, id DESC"
    params: tuple[int, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (limit,)
    return [_session(r) for r in store.conn.execute(sql, params)]


def sets_for_session(store: Store, session_id: int) -> list[SetLog]:
    rows = store.conn.execute(
        "SELECT * FROM set_logs WHERE session_id = ? ORDER BY id", (session_id,)
    )
    return [_set(r) for r in rows]


def delete_session(store: Store, session_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM workout_sessions WHERE id = ?", (session_id,))
