"""Saved routines and their items; a routine and its items are always written together."""

from __future__ import annotations

import sqlite3

from glutemed.domain.records import Routine, RoutineItem
from glutemed.store.db import Store
from glutemed.store.timeutil import from_text, to_text, utc_now

_ITEM_COLUMNS = (
    "routine_id, position, exercise_id, variation_id, sets, reps, hold_s, rest_s, band, sides"
)


def save_routine(store: Store, routine: Routine) -> int:
    """Insert or replace *routine* with all its items in one transaction; returns its id.

    Sets `routine.id`, `routine.created_at` and each item's id on success.
    """
    if not routine.name.strip():
        raise ValueError("a routine needs a name")
    created = routine.created_at or utc_now()
    with store.transaction() as conn:
        if routine.is_default:
            conn.execute("UPDATE routines SET is_default = 0")
        if routine.id is None:
            cur = conn.execute(
                "INSERT INTO routines(name, created_at, is_default) VALUES (?, ?, ?)",
                (routine.name, to_text(created), int(routine.is_default)),
            )
            routine_id = int(cur.lastrowid or 0)
        else:
            routine_id = routine.id
            cur = conn.execute(
                "UPDATE routines SET name = ?, is_default = ? WHERE id = ?",
                (routine.name, int(routine.is_default), routine_id),
            )
            if cur.rowcount == 0:
                raise KeyError(f"no routine with id {routine_id}")
            conn.execute("DELETE FROM routine_items WHERE routine_id = ?", (routine_id,))
        item_ids = []
        for position, item in enumerate(routine.items):
            cur = conn.execute(
                f"INSERT INTO routine_items({_ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    routine_id,
                    position,
                    item.exercise_id,
                    item.variation_id,
                    item.sets,
                    item.reps,
                    item.hold_s,
                    item.rest_s,
                    item.band,
                    item.sides,
                ),
            )
            item_ids.append(int(cur.lastrowid or 0))
    routine.id = routine_id
    routine.created_at = created
    for item, item_id in zip(routine.items, item_ids, strict=True):
        item.id = item_id
    return routine_id


def _item(row: sqlite3.Row) -> RoutineItem:
    return RoutineItem(
        id=row["id"],
        exercise_id=row["exercise_id"],
        variation_id=row["variation_id"],
        sets=row["sets"],
        reps=row["reps"],
        hold_s=row["hold_s"],
        rest_s=row["rest_s"],
        band=row["band"],
        sides=row["sides"],
    )


def _items(store: Store, routine_id: int) -> list[RoutineItem]:
    rows = store.conn.execute(
        "SELECT * FROM routine_items WHERE routine_id = ? ORDER BY position, id", (routine_id,)
    )
    return [_item(r) for r in rows]


def _routine(store: Store, row: sqlite3.Row) -> Routine:
    return Routine(
        id=row["id"],
        name=row["name"],
        created_at=from_text(row["created_at"]),
        is_default=bool(row["is_default"]),
        items=_items(store, row["id"]),
    )


def load_routine(store: Store, routine_id: int) -> Routine | None:
    row = store.conn.execute("SELECT * FROM routines WHERE id = ?", (routine_id,)).fetchone()
    return None if row is None else _routine(store, row)


def list_routines(store: Store) -> list[Routine]:
    """All routines with their items: the default first, then by name."""
    rows = store.conn.execute(
        "SELECT * FROM routines ORDER BY is_default DESC, name COLLATE NOCASE, id"
    ).fetchall()
    return [_routine(store, r) for r in rows]


def delete_routine(store: Store, routine_id: int) -> None:
    """Remove a routine and its items; past sessions keep their logs (routine_id -> NULL)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM routines WHERE id = ?", (routine_id,))


def ensure_routine(store: Store, fallback: Routine) -> list[Routine]:
    """The saved routines, saving *fallback* first when there are none yet."""
    routines = list_routines(store)
    if routines:
        return routines
    save_routine(store, fallback)
    return [fallback]
