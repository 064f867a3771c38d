"""Routines: list them (making the default one on first use), save, delete."""

from __future__ import annotations

from glutemed.domain.records import Routine
from glutemed.ops.changes import Changes
from glutemed.store import Store
from glutemed.store import routines as routine_rows

ROUTINES_CHANGED = Changes(workout=True)


def routines(store: Store, fallback: Routine) -> list[Routine]:
    """Every routine; *fallback* is saved first when there are none."""
    return routine_rows.ensure_routine(store, fallback)


def all_routines(store: Store) -> list[Routine]:
    return routine_rows.list_routines(store)


def save_routine(store: Store, routine: Routine) -> Changes:
    """Insert or update *routine* (its id is set once saved)."""
    routine_rows.save_routine(store, routine)
    return ROUTINES_CHANGED


def delete_routine(store: Store, routine_id: int) -> Changes:
    routine_rows.delete_routine(store, routine_id)
    return ROUTINES_CHANGED.saying("Routine deleted; past workouts stay in the history")
