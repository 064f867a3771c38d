"""Each record table's INSERT written once: the columns in the migrations' order and the
values a record gives them. Live saves, undo (which keeps the old id) and bulk loads
share these."""

from __future__ import annotations

from glutemed.domain.records import PainLog, SetLog, StanceSession, StanceTrial
from glutemed.store.timeutil import to_text

Values = tuple[object, ...]


def _insert(table: str, columns: tuple[str, ...], *, with_id: bool = False) -> str:
    names = ("id", *columns) if with_id else columns
    return f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"


STANCE_SESSION_COLUMNS = ("taken_at", "eyes", "cap_s", "notes")
INSERT_STANCE_SESSION = _insert("stance_sessions", STANCE_SESSION_COLUMNS)
INSERT_STANCE_SESSION_WITH_ID = _insert("stance_sessions", STANCE_SESSION_COLUMNS, with_id=True)

STANCE_TRIAL_COLUMNS = (
    "stance_session_id",
    "side",
    "trial_no",
    "seconds",
    "capped",
    "ended_by",
    "pelvis_dropped",
    "trunk_lean",
    "pelvic_drop_deg",
    "trunk_lean_deg",
    "trunk_lean_side",
)
INSERT_STANCE_TRIAL = _insert("stance_trials", STANCE_TRIAL_COLUMNS)
INSERT_STANCE_TRIAL_WITH_ID = _insert("stance_trials", STANCE_TRIAL_COLUMNS, with_id=True)

PAIN_COLUMNS = ("taken_at", "score", "context", "note")
INSERT_PAIN = _insert("pain_logs", PAIN_COLUMNS)
INSERT_PAIN_WITH_ID = _insert("pain_logs", PAIN_COLUMNS, with_id=True)

SET_LOG_COLUMNS = (
    "session_id",
    "exercise_id",
    "variation_id",
    "side",
    "set_no",
    "reps_target",
    "reps_done",
    "hold_s",
    "band",
    "started_at",
    "completed_at",
    "skipped",
)
INSERT_SET_LOG = _insert("set_logs", SET_LOG_COLUMNS)


def stance_session_values(session: StanceSession) -> Values:
    return (to_text(session.taken_at), session.eyes, session.cap_s, session.notes)


def stance_trial_values(session_id: int | None, trial: StanceTrial) -> Values:
    return (
        session_id,
        trial.side,
        trial.trial_no,
        trial.seconds,
        int(trial.capped),
        trial.ended_by,
        int(trial.pelvis_dropped),
        int(trial.trunk_lean),
        trial.pelvic_drop_deg,
        trial.trunk_lean_deg,
        trial.trunk_lean_side,
    )


def pain_values(entry: PainLog) -> Values:
    return (to_text(entry.taken_at), entry.score, entry.context, entry.note)


def set_log_values(entry: SetLog, session_id: int | None = None) -> Values:
    return (
        entry.session_id if session_id is None else session_id,
        entry.exercise_id,
        entry.variation_id,
        entry.side,
        entry.set_no,
        entry.reps_target,
        entry.reps_done,
        entry.hold_s,
        entry.band,
        to_text(entry.started_at),
        to_text(entry.completed_at),
        int(entry.skipped),
    )
