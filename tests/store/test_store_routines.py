"""Routines and workout history in a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from glutemed.catalog import load_catalog
from glutemed.domain.records import Routine, RoutineItem, SetLog
from glutemed.store import workouts
from glutemed.store.routines import (
    delete_routine,
    ensure_routine,
    list_routines,
    load_routine,
    save_routine,
)
from glutemed.store.workout_history import session_summaries, session_summary
from glutemed.training.routines import default_routine

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_save_and_load_round_trip(store):
    routine = default_routine(load_catalog())
    routine.items[0].band = "red"
    routine.items[1].sides = "left"
    routine_id = save_routine(store, routine)
    loaded = load_routine(store, routine_id)
    assert loaded is not None
    assert loaded.name == routine.name and loaded.is_default
    assert loaded.items == routine.items  # ids were set on save
    assert [i.exercise_id for i in loaded.items][:2] == ["standing_abduction", "clamshell"]


def test_update_replaces_items_in_order(store):
    routine = Routine("Mine", [RoutineItem("clamshell", "standard", 3, 12, None, 60)])
    save_routine(store, routine)
    routine.items.insert(0, RoutineItem("fire_hydrant", "extension", 2, 10, None, 45))
    routine.name = "Mine, v2"
    save_routine(store, routine)
    [loaded] = list_routines(store)
    assert loaded.name == "Mine, v2"
    assert [(i.exercise_id, i.variation_id) for i in loaded.items] == [
        ("fire_hydrant", "extension"),
        ("clamshell", "standard"),
    ]
    assert store.conn.execute("SELECT COUNT(*) FROM routine_items").fetchone()[0] == 2


def test_bad_item_leaves_nothing_half_written(store):
    routine = Routine("Mine", [RoutineItem("clamshell", "standard", 3, 12, None, 60)])
    save_routine(store, routine)
    routine.items.append(RoutineItem("clamshell", "standard", 0, 12, None, 60))  # sets >= 1
    with pytest.raises(Exception, match="CHECK"):
        save_routine(store, routine)
    [loaded] = list_routines(store)
    assert len(loaded.items) == 1


def test_one_default_and_listing_order(store):
    save_routine(store, Routine("b", [], is_default=True))
    save_routine(store, Routine("A", []))
    save_routine(store, Routine("c", [], is_default=True))
    assert [(r.name, r.is_default) for r in list_routines(store)] == [
        ("c", True),
        ("A", False),
        ("b", False),
    ]


def test_delete_keeps_past_sessions(store):
    rid = save_routine(store, Routine("x", [RoutineItem("clamshell", "standard", 1, 5, None, 0)]))
    sid = workouts.start_session(store, T0, rid)
    delete_routine(store, rid)
    assert load_routine(store, rid) is None
    assert store.conn.execute("SELECT COUNT(*) FROM routine_items").fetchone()[0] == 0
    assert workouts.list_sessions(store)[0].id == sid


def test_ensure_routine_saves_the_fallback_once(store):
    first = ensure_routine(store, Routine("Default", [], is_default=True))
    again = ensure_routine(store, Routine("Other", []))
    assert [r.name for r in first] == [r.name for r in again] == ["Default"]


def _set(sid: int, n: int, *, skipped=False, hold=None, reps=12, exercise="clamshell") -> SetLog:
    at = T0 + timedelta(minutes=n)
    return SetLog(sid, exercise, "standard", "left", n, 12, reps, hold, None, at, at, skipped)


def test_session_summaries(store):
    rid = save_routine(store, Routine("Mine", []))
    old = workouts.start_session(store, T0 - timedelta(days=1))
    sid = workouts.start_session(store, T0, rid)
    workouts.log_set(store, _set(sid, 1))
    workouts.log_set(store, _set(sid, 2, skipped=True, reps=0))  # skipped before a rep
    workouts.log_set(store, _set(sid, 4, skipped=True, reps=4))  # skipped part-way: trained
    workouts.log_set(store, _set(sid, 3, hold=10.0, reps=5, exercise="side_plank_abduction"))
    workouts.end_session(store, sid, T0 + timedelta(minutes=25))
    newest, oldest = session_summaries(store)
    assert oldest.session.id == old and oldest.sets_done == 0 and oldest.duration_s is None
    assert (newest.routine_name, newest.sets_done, newest.sets_skipped) == ("Mine", 3, 1)
    assert (newest.reps_done, newest.hold_s_total, newest.exercises) == (21, 50.0, 2)
    assert newest.duration_s == 25 * 60
    assert session_summary(store, sid) == newest
    assert session_summary(store, 999) is None
    assert len(session_summaries(store, limit=1)) == 1
