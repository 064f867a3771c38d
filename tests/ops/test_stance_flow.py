"""A whole stance test through `ops.stance`, on a fake clock and a real data file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from glutemed.domain.clock import FakeClock
from glutemed.domain.vocabulary import StancePhase
from glutemed.ops.stance import (
    StanceRun,
    delete_test,
    first_side,
    restore_test,
    results_of_test,
    stance_history,
)
from glutemed.store import Store

NOW = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)


def _time_trial(run: StanceRun, clock: FakeClock, seconds: float) -> None:
    run.start_countdown()
    clock.advance(3.0)
    assert run.tick().cues == ("go",)
    clock.advance(seconds)


def test_a_whole_test_saved_at_each_stop_and_labelled_after(store: Store) -> None:
    clock = FakeClock(100.0)
    run = StanceRun(store, clock, NOW, "open", 45.0, first_side("right_first"))
    writes = []

    # Right 1: stopped by hand: saved at once, then labelled (an update of that row).
    _time_trial(run, clock, 17.46)
    stopped = run.stop()
    assert stopped.stopped is not None and stopped.stopped.seconds == 17.46
    assert stopped.saved is not None and not stopped.changes.stance  # told with the label
    [(seconds, ended_by)] = [(t.seconds, t.ended_by) for t in stance_history(store, 10)[0].trials]
    assert (seconds, ended_by) == (17.46, "manual")
    writes.append(run.record("hands_off", pelvis_dropped=True))

    # Left 1: a false start is saved at its stop, and deleted when it is retried.
    _time_trial(run, clock, 0.3)
    run.stop()
    assert len(stance_history(store, 10)[0].trials) == 2
    assert not run.retry().changes.stance  # never announced, nothing to take back
    assert len(stance_history(store, 10)[0].trials) == 1
    _time_trial(run, clock, 4.0)
    run.stop()
    writes.append(run.record("foot_down"))

    # Right 2 reaches the cap by itself; right 3 is skipped.
    _time_trial(run, clock, 50.0)
    capped = run.tick()
    assert capped.cues == ("stop",) and capped.stopped is not None and capped.stopped.capped
    writes.append(run.record(None))

    # Left 2, then left 3, and the test is over.
    for seconds in (5.0, 6.0):
        _time_trial(run, clock, seconds)
        run.stop()
        writes.append(run.record("foot_down", trunk_lean=True))
    assert run.protocol.phase is StancePhase.FINISHED

    assert all(w.changes.stance and w.saved is not None for w in writes)
    [test] = stance_history(store, 10)
    assert test.id == run.session_id and test.eyes == "open" and test.cap_s == 45.0
    assert sorted((t.side, t.trial_no, t.seconds, t.ended_by) for t in test.trials) == [
        ("left", 1, 4.0, "foot_down"),
        ("left", 2, 5.0, "foot_down"),
        ("left", 3, 6.0, "foot_down"),
        ("right", 1, 17.46, "hands_off"),
        ("right", 2, 45.0, "cap"),
    ]
    found = results_of_test(store, test.id or 0, birth_year=1968)
    assert found is not None
    right = found.results.summary.side("right")
    assert right is not None and right.best == 45.0


def test_a_cancelled_countdown_and_an_abandoned_trial(store: Store) -> None:
    clock = FakeClock(0.0)
    run = StanceRun(store, clock, NOW, "closed", 30.0)
    run.start_countdown()
    clock.advance(1.5)
    assert run.stop().cancelled and run.protocol.phase is StancePhase.READY
    _time_trial(run, clock, 6.0)
    run.stop()
    left = run.abandon()  # leaving with a stopped, unlabelled trial keeps it as saved
    assert left.changes.stance and left.saved is not None
    [test] = stance_history(store, 10)
    assert [(t.seconds, t.ended_by) for t in test.trials] == [(6.0, "manual")]


def test_nothing_timed_leaves_no_test_and_delete_can_be_undone(store: Store) -> None:
    clock = FakeClock(0.0)
    StanceRun(store, clock, NOW, "open", 45.0).abandon()
    assert stance_history(store, 10) == []

    run = StanceRun(store, clock, NOW - timedelta(days=1), "open", 45.0)
    _time_trial(run, clock, 9.0)
    run.stop()
    run.record("foot_down")
    deleted = delete_test(store, run.session_id or 0)
    assert deleted.test is not None and deleted.changes.stance
    assert stance_history(store, 10) == []
    assert delete_test(store, run.session_id or 0).test is None
    assert restore_test(store, deleted.test).stance
    [back] = stance_history(store, 10)
    assert back.id == run.session_id and back.trials[0].seconds == 9.0


def test_a_retried_only_trial_leaves_no_test_and_the_next_starts_a_new_one(store: Store) -> None:
    clock = FakeClock(0.0)
    run = StanceRun(store, clock, NOW, "open", 45.0)
    _time_trial(run, clock, 0.4)
    run.stop()
    first_test = run.session_id
    assert first_test is not None and len(stance_history(store, 10)) == 1
    run.retry()
    assert run.session_id is None and stance_history(store, 10) == []
    _time_trial(run, clock, 8.0)
    run.stop()
    run.record("foot_down")
    [test] = stance_history(store, 10)
    assert [(t.side, t.trial_no, t.seconds) for t in test.trials] == [("left", 1, 8.0)]


def test_a_hard_kill_while_the_label_is_asked_keeps_the_trial(data_dir) -> None:  # type: ignore[no-untyped-def]
    """A real SIGKILL right after the stop, in a child process; then the file is reopened."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from glutemed.store import open_store

    code = f"""
import os, signal
from datetime import datetime, UTC
from glutemed.domain.clock import FakeClock
from glutemed.ops.stance import StanceRun
from glutemed.store import open_store
store = open_store({str(data_dir)!r})
clock = FakeClock(0.0)
run = StanceRun(store, clock, datetime(2025, 6, 1, 10, 0, tzinfo=UTC), "open", 45.0)
run.start_countdown()
clock.advance(3.0)
run.tick()
clock.advance(9.87)
assert run.stop().stopped is not None
os.kill(os.getpid(), signal.SIGKILL)  # while the person would be picking a label
"""
    src = str(Path(__file__).parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL, done.stderr
    store = open_store(data_dir)
    try:
        [test] = stance_history(store, 10)
    finally:
        store.close()
    assert [(t.side, t.seconds, t.ended_by) for t in test.trials] == [("left", 9.87, "manual")]
