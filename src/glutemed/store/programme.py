"""The adapting programme's records: plan details, check-ins, PSFS ratings, plan changes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from glutemed.domain.records import SetLog
from glutemed.store.db import Store
from glutemed.store.settings import get_setting, set_setting
from glutemed.store.timeutil import from_text, to_text

PLAN_KEY = "plan"
SCREEN_KEY = "safety_screen"


def load_plan_meta(store: Store) -> dict[str, Any] | None:
    """{name, clinician, note, locked, progression, routine_id} or None before any plan."""
    value = get_setting(store, PLAN_KEY)
    return value if isinstance(value, dict) else None


def save_plan_meta(store: Store, meta: dict[str, Any]) -> None:
    set_setting(store, PLAN_KEY, meta)


def load_screen(store: Store) -> dict[str, bool] | None:
    value = get_setting(store, SCREEN_KEY)
    if not isinstance(value, dict):
        return None
    return {str(k): bool(v) for k, v in value.items()}


def save_screen(store: Store, answers: dict[str, bool]) -> None:
    set_setting(store, SCREEN_KEY, answers)


# ----- morning check-ins --------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIn:
    taken_at: datetime
    session_id: int | None
    settled: bool
    id: int | None = None


def add_checkin(store: Store, entry: CheckIn) -> int:
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO morning_checkins(taken_at, session_id, settled) VALUES (?, ?, ?)",
            (to_text(entry.taken_at), entry.session_id, int(entry.settled)),
        )
    return int(cur.lastrowid or 0)


def list_checkins(store: Store) -> list[CheckIn]:
    rows = store.conn.execute(
        "SELECT id, taken_at, session_id, settled FROM morning_checkins ORDER BY taken_at, id"
    ).fetchall()
    return [
        CheckIn(from_text(r["taken_at"]), r["session_id"], bool(r["settled"]), r["id"])
        for r in rows
    ]


# ----- PSFS ---------------------------------------------------------------------------------


def add_psfs(store: Store, taken_at: datetime, ratings: list[tuple[str, int]]) -> None:
    """All ratings of one sitting, in one transaction (they share *taken_at*)."""
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO psfs_ratings(taken_at, activity, score) VALUES (?, ?, ?)",
            [(to_text(taken_at), activity, score) for activity, score in ratings],
        )


def list_psfs(store: Store) -> list[tuple[datetime, list[tuple[str, int]]]]:
    """Sittings oldest first, each with its (activity, score) ratings."""
    rows = store.conn.execute(
        "SELECT taken_at, activity, score FROM psfs_ratings ORDER BY taken_at, id"
    ).fetchall()
    sittings: dict[str, list[tuple[str, int]]] = {}
    for r in rows:
        sittings.setdefault(r["taken_at"], []).append((r["activity"], int(r["score"])))
    return [(from_text(k), v) for k, v in sittings.items()]


# ----- plan changes -------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanChangeRecord:
    decided_at: datetime
    exercise_id: str
    variation_id: str
    side: str
    kind: str
    before: dict[str, Any]
    after: dict[str, Any]
    reason: str
    status: str
    id: int | None = None


def add_plan_change(store: Store, record: PlanChangeRecord) -> int:
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO plan_changes(decided_at, exercise_id, variation_id, side, kind, "
            "before_dose, after_dose, reason, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                to_text(record.decided_at),
                record.exercise_id,
                record.variation_id,
                record.side,
                record.kind,
                json.dumps(record.before),
                json.dumps(record.after),
                record.reason,
                record.status,
            ),
        )
    return int(cur.lastrowid or 0)


def list_plan_changes(store: Store) -> list[PlanChangeRecord]:
    rows = store.conn.execute("SELECT * FROM plan_changes ORDER BY decided_at, id").fetchall()
    return [
        PlanChangeRecord(
            from_text(r["decided_at"]),
            r["exercise_id"],
            r["variation_id"],
            r["side"],
            r["kind"],
            json.loads(r["before_dose"]),
            json.loads(r["after_dose"]),
            r["reason"],
            r["status"],
            r["id"],
        )
        for r in rows
    ]


def sets_since(store: Store, since: datetime | None, limit_sessions: int = 30) -> list[SetLog]:
    """Set logs of the last *limit_sessions* workouts started after *since*, oldest first."""
    from glutemed.store.workouts import _set

    rows = store.conn.execute(
        "SELECT s.* FROM set_logs s JOIN ("
        "  SELECT id FROM workout_sessions WHERE started_at > ? "
        "  ORDER BY started_at DESC LIMIT ?"
        ") w ON w.id = s.session_id ORDER BY s.completed_at, s.id",
        (to_text(since) if since else "", limit_sessions),
    ).fetchall()
    return [_set(r) for r in rows]
