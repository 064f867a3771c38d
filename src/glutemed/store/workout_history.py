"""Read-only summaries of past workout sessions for the history list and summary screen."""

from __future__ import annotations

from glutemed.domain.history import SessionSummary
from glutemed.domain.records import WorkoutSession
from glutemed.domain.rules import MIN_REPS_TRAINED
from glutemed.store.db import Store
from glutemed.store.timeutil import from_text

_SUMMARY_SQL = """
SELECT s.id, s.started_at, s.ended_at, s.routine_id, s.notes, r.name AS routine_name,
       COALESCE(SUM(l.reps_done >= {trained}), 0) AS sets_done,
       COALESCE(SUM(l.reps_done < {trained}), 0) AS sets_skipped,
       COALESCE(SUM(l.reps_done), 0) AS reps_done,
       COALESCE(SUM(CASE WHEN l.hold_s IS NOT NULL THEN l.hold_s * l.reps_done END), 0)
           AS hold_s_total,
       COUNT(DISTINCT l.exercise_id) AS exercises
FROM workout_sessions s
LEFT JOIN routines r ON r.id = s.routine_id
LEFT JOIN set_logs l ON l.session_id = s.id
{where}
GROUP BY s.id
ORDER BY s.started_at DESC, s.id DESC
{limit}
"""


def _summaries(
    store: Store, where: str, params: tuple[int, ...], limit: str = ""
) -> list[SessionSummary]:
    sql = _SUMMARY_SQL.format(where=where, limit=limit, trained=MIN_REPS_TRAINED)
    rows = store.conn.execute(sql, params).fetchall()
    return [
        SessionSummary(
            session=WorkoutSession(
                id=row["id"],
                started_at=from_text(row["started_at"]),
                ended_at=from_text(row["ended_at"]) if row["ended_at"] else None,
                routine_id=row["routine_id"],
                notes=row["notes"],
            ),
            routine_name=row["routine_name"],
            sets_done=int(row["sets_done"]),
            sets_skipped=int(row["sets_skipped"]),
            reps_done=int(row["reps_done"]),
            hold_s_total=float(row["hold_s_total"]),
            exercises=int(row["exercises"]),
        )
        for row in rows
    ]


def session_summaries(store: Store, limit: int = 100) -> list[SessionSummary]:
    """Newest first."""
    return _summaries(store, "", (limit,), "LIMIT ?")


def session_summary(store: Store, session_id: int) -> SessionSummary | None:
    found = _summaries(store, "WHERE s.id = ?", (session_id,))
    return found[0] if found else None
