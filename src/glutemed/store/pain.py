"""Pain diary entries (0-10 Numeric Pain Rating Scale)."""

from __future__ import annotations

import sqlite3

from glutemed.domain.records import PainLog
from glutemed.domain.vocabulary import PAIN_CONTEXTS
from glutemed.store.db import Store
from glutemed.store.inserts import INSERT_PAIN, INSERT_PAIN_WITH_ID, pain_values
from glutemed.store.timeutil import from_text, to_text


def _validate(entry: PainLog) -> None:
    if not 0 <= entry.score <= 10:
        raise ValueError(f"pain score must be 0-10, got {entry.score}")
    if entry.context not in PAIN_CONTEXTS:
        raise ValueError(f"pain context must be one of {', '.join(PAIN_CONTEXTS)}")


def add_pain(store: Store, entry: PainLog) -> int:
    _validate(entry)
    with store.transaction() as conn:
        cur = conn.execute(INSERT_PAIN, pain_values(entry))
    return int(cur.lastrowid or 0)


def restore_pain(store: Store, entry: PainLog) -> None:
    """Put back a deleted entry with its old id (undo)."""
    _validate(entry)
    with store.transaction() as conn:
        conn.execute(INSERT_PAIN_WITH_ID, (entry.id, *pain_values(entry)))


def update_pain(store: Store, entry: PainLog) -> None:
    _validate(entry)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE pain_logs SET taken_at = ?, score = ?, context = ?, note = ? WHERE id = ?",
            (to_text(entry.taken_at), entry.score, entry.context, entry.note, entry.id),
        )


def delete_pain(store: Store, entry_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM pain_logs WHERE id = ?", (entry_id,))


def _pain(row: sqlite3.Row) -> PainLog:
    return PainLog(
        id=row["id"],
        taken_at=from_text(row["taken_at"]),
        score=row["score"],
        context=row["context"],
        note=row["note"],
    )


def list_pain(store: Store) -> list[PainLog]:
    rows = store.conn.execute("SELECT * FROM pain_logs ORDER BY taken_at DESC, id DESC")
    return [_pain(r) for r in rows]
