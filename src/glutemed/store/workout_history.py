"""Read-only summaries of past workout sessions for the history list and summary screen."""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.domain.records import WorkoutSession
from glutemed.store.db import Store
from glutemed.store.timeutil import from_text


@dataclass(frozen=True)
class SessionSummary:
    session: WorkoutSession
    routine_name: str | None
    sets_done: int
    sets_skipped: int
    reps_done: int
    hold_s_total: float  # seconds held across all hold sets
    exercises: int  # distinct exercises with at least one set

    @property
    def duration_s(self) -> float | None:
        if self.session.ended_at is None:
            return None
        return (self.session.ended_at - self.session.started_at).total_seconds()


_SUMMARY_SQL = """
SELECT s.id, s.started_at, s.ended_at, s.routine_id, s.notes, r.name AS routine_name,
       COALESCE(SUM(l.skipped = 0), 0) AS sets_done,
       COALESCE(SUM(l.skipped = 1), 0) AS sets_skipped,
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
    sql = _SUMMARY_SQL.format(where=where, limit=limit)
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
