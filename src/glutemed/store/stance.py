"""Stance tests and their trials. A trial is committed the moment its timing stops; how it
ended is an update afterwards, and a trial the person discards is deleted."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from glutemed.domain.records import StanceSession, StanceTrial
from glutemed.domain.rules import PELVIC_DROP_DEG, TRUNK_LEAN_DEG
from glutemed.domain.vocabulary import ENDED_BY, EYES, LEAN_SIDES, SIDES
from glutemed.store.db import Store
from glutemed.store.inserts import (
    INSERT_STANCE_SESSION,
    INSERT_STANCE_SESSION_WITH_ID,
    INSERT_STANCE_TRIAL,
    INSERT_STANCE_TRIAL_WITH_ID,
    stance_session_values,
    stance_trial_values,
)
from glutemed.store.timeutil import from_text, to_text


def _check_session(eyes: str, cap_s: float) -> None:
    if eyes not in EYES:
        raise ValueError(f"eyes must be 'open' or 'closed', got {eyes!r}")
    if cap_s <= 0:
        raise ValueError(f"the cap must be positive, got {cap_s:g}")


def _check_trial(trial: StanceTrial) -> None:
    if trial.side not in SIDES:
        raise ValueError(f"side must be 'left' or 'right', got {trial.side!r}")
    if not 1 <= trial.trial_no <= 3:
        raise ValueError(f"trial number must be 1-3, got {trial.trial_no}")
    if trial.seconds < 0:
        raise ValueError(f"seconds cannot be negative, got {trial.seconds:g}")
    if trial.ended_by not in ENDED_BY:
        raise ValueError(f"unknown way a trial ended: {trial.ended_by!r}")
    drop, lean = trial.pelvic_drop_deg, trial.trunk_lean_deg
    if drop is not None and drop not in PELVIC_DROP_DEG:
        raise ValueError(f"a pelvic drop must be within ±90 degrees, got {drop:g}")
    if lean is not None and lean not in TRUNK_LEAN_DEG:
        raise ValueError(f"a trunk lean must be 0-90 degrees, got {lean:g}")
    if trial.trunk_lean_side not in (None, *LEAN_SIDES):
        raise ValueError(
            f"a trunk lean is towards 'stance' or 'swing', got {trial.trunk_lean_side!r}"
        )


def create_session(
    store: Store, taken_at: datetime, eyes: str, cap_s: float, notes: str = ""
) -> int:
    _check_session(eyes, cap_s)
    with store.transaction() as conn:
        test = StanceSession(taken_at, eyes, cap_s, notes)  # type: ignore[arg-type]
        cur = conn.execute(INSERT_STANCE_SESSION, stance_session_values(test))
    return int(cur.lastrowid or 0)


def save_trial(store: Store, session_id: int, trial: StanceTrial) -> int:
    """Durably record one trial of session *session_id*; returns its id."""
    _check_trial(trial)
    with store.transaction() as conn:
        cur = conn.execute(INSERT_STANCE_TRIAL, stance_trial_values(session_id, trial))
    trial.id = int(cur.lastrowid or 0)
    trial.stance_session_id = session_id
    return trial.id


def save_trial_of_test(
    store: Store, session_id: int | None, test: StanceSession, trial: StanceTrial
) -> tuple[int, int]:
    """Record one finished trial in one transaction, creating its test (*test*'s taken_at,
    eyes and cap) with the first trial so no empty test is ever kept.

    Returns (test id, trial id)."""
    _check_trial(trial)
    with store.transaction() as conn:
        if session_id is None:
            _check_session(test.eyes, test.cap_s)
            cur = conn.execute(INSERT_STANCE_SESSION, stance_session_values(test))
            session_id = int(cur.lastrowid or 0)
        cur = conn.execute(INSERT_STANCE_TRIAL, stance_trial_values(session_id, trial))
    trial.id = int(cur.lastrowid or 0)
    trial.stance_session_id = session_id
    return session_id, trial.id


def update_trial(store: Store, trial: StanceTrial) -> None:
    """Write how a saved trial ended (label, flags, measured angles); its time stays."""
    if trial.id is None:
        raise ValueError("only a saved trial can be updated")
    _check_trial(trial)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE stance_trials SET ended_by = ?, capped = ?, pelvis_dropped = ?, "
            "trunk_lean = ?, pelvic_drop_deg = ?, trunk_lean_deg = ?, trunk_lean_side = ? "
            "WHERE id = ?",
            (
                trial.ended_by,
                int(trial.capped),
                int(trial.pelvis_dropped),
                int(trial.trunk_lean),
                trial.pelvic_drop_deg,
                trial.trunk_lean_deg,
                trial.trunk_lean_side,
                trial.id,
            ),
        )


def delete_trial(store: Store, trial_id: int) -> bool:
    """Delete a discarded trial, and its test when no trial is left (no empty test is
    kept). True when the test went too."""
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT stance_session_id FROM stance_trials WHERE id = ?", (trial_id,)
        ).fetchone()
        if row is None:
            return False
        conn.execute("DELETE FROM stance_trials WHERE id = ?", (trial_id,))
        test_id = row[0]
        left = conn.execute(
            "SELECT 1 FROM stance_trials WHERE stance_session_id = ? LIMIT 1", (test_id,)
        ).fetchone()
        if left is None:
            conn.execute("DELETE FROM stance_sessions WHERE id = ?", (test_id,))
    return left is None


def _session(row: sqlite3.Row) -> StanceSession:
    return StanceSession(
        id=row["id"],
        taken_at=from_text(row["taken_at"]),
        eyes=row["eyes"],
        cap_s=row["cap_s"],
        notes=row["notes"],
    )


def _trial(row: sqlite3.Row) -> StanceTrial:
    return StanceTrial(
        id=row["id"],
        stance_session_id=row["stance_session_id"],
        side=row["side"],
        trial_no=row["trial_no"],
        seconds=row["seconds"],
        capped=bool(row["capped"]),
        ended_by=row["ended_by"],
        pelvis_dropped=bool(row["pelvis_dropped"]),
        trunk_lean=bool(row["trunk_lean"]),
        pelvic_drop_deg=row["pelvic_drop_deg"],
        trunk_lean_deg=row["trunk_lean_deg"],
        trunk_lean_side=row["trunk_lean_side"],
    )


def _with_trials(store: Store, sessions: list[StanceSession]) -> list[StanceSession]:
    if not sessions:
        return sessions
    by_id = {s.id: s for s in sessions}
    marks = ",".join("?" * len(by_id))
    rows = store.conn.execute(
        f"SELECT * FROM stance_trials WHERE stance_session_id IN ({marks}) "
        "ORDER BY trial_no, CASE side WHEN 'left' THEN 0 ELSE 1 END, id",
        tuple(by_id),
    )
    for row in rows:
        by_id[row["stance_session_id"]].trials.append(_trial(row))
    return sessions


def list_sessions(
    store: Store, *, limit: int | None = None, with_empty: bool = False
) -> list[StanceSession]:
    """Tests with their trials, newest first. Tests without any trial are left out unless
    *with_empty*."""
    where = (
        ""
        if with_empty
        else "WHERE EXISTS (SELECT 1 FROM stance_trials t WHERE t.stance_session_id = s.id)"
    )
    sql = f"SELECT s.* FROM stance_sessions s {where} ORDER BY s.taken_at DESC, s.id DESC"
    params: tuple[object, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (limit,)
    sessions = [_session(r) for r in store.conn.execute(sql, params)]
    return _with_trials(store, sessions)


def get_session(store: Store, session_id: int) -> StanceSession | None:
    row = store.conn.execute("SELECT * FROM stance_sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        return None
    return _with_trials(store, [_session(row)])[0]


def previous_session(
    store: Store, before: StanceSession | datetime, eyes: str | None = None
) -> StanceSession | None:
    """The newest test with trials taken before *before* (same eyes condition if given)."""
    if isinstance(before, StanceSession):
        taken_at, exclude, eyes = before.taken_at, before.id, eyes or before.eyes
    else:
        taken_at, exclude = before, None
    sql = (
        "SELECT s.* FROM stance_sessions s WHERE (s.taken_at < ? OR (s.taken_at = ? AND s.id < ?)) "
        "AND EXISTS (SELECT 1 FROM stance_trials t WHERE t.stance_session_id = s.id)"
    )
    stamp = to_text(taken_at)
    params: list[object] = [stamp, stamp, exclude if exclude is not None else -1]
    if eyes is not None:
        sql += " AND s.eyes = ?"
        params.append(eyes)
    sql += " ORDER BY s.taken_at DESC, s.id DESC LIMIT 1"
    row = store.conn.execute(sql, params).fetchone()
    return None if row is None else _with_trials(store, [_session(row)])[0]


def delete_session(store: Store, session_id: int) -> StanceSession | None:
    """Delete a test and its trials; returns what was deleted so it can be restored."""
    deleted = get_session(store, session_id)
    if deleted is None:
        return None
    with store.transaction() as conn:
        conn.execute("DELETE FROM stance_sessions WHERE id = ?", (session_id,))
    return deleted


def restore_session(store: Store, session: StanceSession) -> None:
    """Put back a deleted test with the same ids (undo)."""
    if session.id is None:
        raise ValueError("only a test that was saved can be restored")
    _check_session(session.eyes, session.cap_s)
    for trial in session.trials:
        _check_trial(trial)
    with store.transaction() as conn:
        conn.execute(INSERT_STANCE_SESSION_WITH_ID, (session.id, *stance_session_values(session)))
        for trial in session.trials:
            values = stance_trial_values(session.id, trial)
            conn.execute(INSERT_STANCE_TRIAL_WITH_ID, (trial.id, *values))
