"""Killing the app mid-workout loses at most the set in progress."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Routine, RoutineItem
from glutemed.ops.workout import WorkoutRun
from glutemed.store import open_store, workouts

CHILD = Path(__file__).with_name("workout_kill_child.py")
SRC = Path(__file__).resolve().parents[2] / "src"


def test_a_run_writes_each_set_as_it_ends_and_the_end_time(store):
    from datetime import UTC, datetime, timedelta

    clock = FakeClock(start=50.0)
    items = [RoutineItem("clamshell", "band", 1, 2, None, 0, band="red")]
    wall0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    run = WorkoutRun(store, Routine("test", items), clock, lambda: wall0)
    run.start()
    session = run.session
    written: list[int] = []
    while run.running:
        clock.advance(0.5)
        written += run.tick().set_ids
        assert run.session_id is not None
        assert [s.id for s in workouts.sets_for_session(store, run.session_id)] == written
    logged = workouts.sets_for_session(store, run.session_id)
    assert [(s.side, s.reps_done, s.band, s.variation_id) for s in logged] == [
        ("left", 2, "red", "band"),
        ("right", 2, "red", "band"),
    ]
    assert logged[0].started_at == wall0 + timedelta(seconds=10)  # after the get-ready
    [saved] = workouts.list_sessions(store)
    assert saved.ended_at == wall0 + timedelta(seconds=session.elapsed())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_sigkill_at_random_points_loses_no_reported_set(tmp_path):
    data_dir = tmp_path / "data"
    open_store(data_dir).close()
    env = dict(os.environ, PYTHONPATH=str(SRC))
    rng = random.Random(20260301)
    reported: set[int] = set()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        for _run in range(20):
            child.stdin.write("run\n")
            child.stdin.flush()
            kind, pid = child.stdout.readline().split()
            assert kind == "pid"
            for _ in range(rng.randint(0, 12)):
                reported.add(int(child.stdout.readline().split()[1]))
            os.kill(int(pid), signal.SIGKILL)
            while (line := child.stdout.readline().split())[0] != "end":
                reported.add(int(line[1]))  # printed before the kill landed
            assert int(line[1]) == signal.SIGKILL

            conn = sqlite3.connect(data_dir / "glutemed.sqlite3")
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                in_db = {row[0] for row in conn.execute("SELECT id FROM set_logs")}
            finally:
                conn.close()
            assert reported <= in_db, f"lost sets {sorted(reported - in_db)}"
    finally:
        child.kill()
        child.wait()
    assert len(reported) > 50
