"""A whole guided workout through `ops.workout`, on a fake clock and a real data file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Routine, RoutineItem
from glutemed.ops.changes import NOTHING
from glutemed.ops.routines import routines, save_routine
from glutemed.ops.workout import WorkoutRun, past_workouts, workout_details
from glutemed.store import Store
from glutemed.training.plan import planned_seconds
from glutemed.training.routines import default_routine

WALL0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_the_default_routine_start_to_end(store: Store) -> None:
    catalog = load_catalog()
    [routine] = routines(store, default_routine(catalog))  # saved on first use
    clock = FakeClock(start=10.0)
    run = WorkoutRun(store, routine, clock, lambda: WALL0)
    first = run.start()
    assert first.changes.workout and run.session_id is not None
    steps = []
    while run.running:
        clock.advance(0.25)
        steps.append(run.tick())
    planned = planned_seconds(run.session.steps)
    assert run.session.elapsed() == pytest.approx(planned)  # no drift over the whole routine

    written = [i for step in steps for i in step.set_ids]
    details = workout_details(store, run.session_id)
    assert details is not None
    summary, sets = details
    assert [s.id for s in sets] == written == run.set_ids
    # every set of every exercise on both sides, nothing skipped
    expected = sum(item.sets * 2 for item in routine.items)
    assert summary.sets_done == len(sets) == expected and summary.sets_skipped == 0
    assert summary.routine_name == routine.name
    assert summary.session.ended_at == WALL0 + timedelta(seconds=planned)
    # one change per step that committed something, and none from the others
    assert all(step.changes.workout == bool(step.set_ids or step.finished) for step in steps)
    assert sum(1 for step in steps if step.finished) == 1
    assert [s.session.id for s in past_workouts(store)] == [run.session_id]


def test_keys_during_a_run_skip_adjust_and_leave(store: Store) -> None:
    items = [RoutineItem("clamshell", "standard", 2, 5, None, 10.0, sides="left")]
    routine = Routine("short", items)
    save_routine(store, routine)
    clock = FakeClock(start=0.0)
    run = WorkoutRun(store, routine, clock, lambda: WALL0)
    run.start()
    assert run.skip().changes == NOTHING  # get-ready skipped: nothing to save yet
    assert run.adjust_reps(+2).changes == NOTHING
    step = run.finish_set_early()  # "done early": logs what was really done
    assert step.changes.workout and len(step.set_ids) == 1
    left = run.stop()  # leave: the session gets its end time, the finished set stays
    assert left.finished is not None and not left.finished.completed
    details = workout_details(store, run.session_id or 0)
    assert details is not None
    summary, sets = details
    assert len(sets) == 1 and summary.session.ended_at is not None
    assert not run.running


def test_a_failed_write_is_reported_and_the_run_goes_on(store: Store) -> None:
    items = [RoutineItem("clamshell", "standard", 1, 2, None, 0.0, sides="left")]
    clock = FakeClock(start=0.0)
    run = WorkoutRun(store, Routine("r", items), clock, lambda: WALL0)
    run.start()
    store.conn.execute("DROP TABLE set_logs")  # the disk "fails" under the run
    problems = []
    while run.running:
        clock.advance(0.5)
        step = run.tick()
        if step.changes.problem:
            problems.append(step.changes.problem)
    assert problems and problems[0].startswith("Could not save that set:")
    assert run.session.finished  # the person's workout was not interrupted


def test_a_naive_wall_clock_is_refused_before_anything_is_written(store: Store) -> None:
    items = [RoutineItem("clamshell", "standard", 1, 2, None, 0.0)]
    run = WorkoutRun(store, Routine("r", items), FakeClock(), lambda: datetime(2026, 3, 1))
    with pytest.raises(ValueError, match="time zone"):
        run.start()
    assert past_workouts(store) == []
