"""Programme records in a real SQLite file: check-ins, PSFS sittings, plan changes, import."""

from __future__ import annotations

from datetime import UTC, datetime

from glutemed.catalog import load_catalog
from glutemed.ops.plan_ops import current_plan, import_plan
from glutemed.store import Store
from glutemed.store.programme import (
    CheckIn,
    PlanChangeRecord,
    add_checkin,
    add_plan_change,
    add_psfs,
    list_checkins,
    list_plan_changes,
    list_psfs,
)
from glutemed.store.routines import list_routines
from glutemed.training.plan_file import parse_plan

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_checkins_psfs_and_changes_round_trip(store: Store) -> None:
    add_checkin(store, CheckIn(T0, None, False))
    assert [(c.taken_at, c.settled) for c in list_checkins(store)] == [(T0, False)]
    add_psfs(store, T0, [("Socks", 3), ("Stairs", 5)])
    assert list_psfs(store) == [(T0, [("Socks", 3), ("Stairs", 5)])]
    record = PlanChangeRecord(
        T0,
        "clamshell",
        "standard",
        "left",
        "progress",
        {"sets": 2},
        {"sets": 3},
        "added a set",
        "refused",
    )
    add_plan_change(store, record)
    [saved] = list_plan_changes(store)
    assert saved.after == {"sets": 3} and saved.status == "refused"


def test_import_is_idempotent_and_replaces_the_imported_plan_in_place(store: Store) -> None:
    catalog = load_catalog()
    text = 'name = "P"\nclinician = "Sam"\n[[exercise]]\nid = "clamshell"\n'
    plan = parse_plan(text, catalog)
    assert import_plan(store, catalog, plan).programme
    assert not import_plan(store, catalog, plan).programme
    assert len(list_routines(store)) == 1
    newer = parse_plan(text.replace('"clamshell"', '"fire_hydrant"'), catalog)
    assert import_plan(store, catalog, newer).programme
    [routine] = list_routines(store)
    assert [i.exercise_id for i in routine.items] == ["fire_hydrant"]
    assert current_plan(store, catalog).meta.clinician == "Sam"
