"""Guided workout: state machine cost per tick, drift over a whole routine, player refresh."""

from __future__ import annotations

import os
import random
import statistics
import time

Row = tuple[str, float, str, str]


def _session(clock: object) -> object:
    from glutemed.catalog import load_catalog
    from glutemed.training.routines import default_routine
    from glutemed.training.session import GuidedSession

    return GuidedSession(default_routine(load_catalog()).items, clock)  # type: ignore[arg-type]


def update_cost_and_drift() -> tuple[float, float, float]:
    from glutemed.domain.clock import FakeClock
    from glutemed.training.plan import planned_seconds

    clock = FakeClock(start=0.0)
    session = _session(clock)
    session.start()  # type: ignore[attr-defined]
    rng = random.Random(1)
    ticks = 0
    started = time.perf_counter()
    while not session.finished:  # type: ignore[attr-defined]
        clock.advance(rng.uniform(0.001, 0.066))  # a 30 fps timer on a busy machine
        session.update()  # type: ignore[attr-defined]
        ticks += 1
    per_tick_us = (time.perf_counter() - started) / ticks * 1e6
    planned = planned_seconds(session.steps)  # type: ignore[attr-defined]
    drift = abs(session.finished_at - planned)  # type: ignore[attr-defined]
    return per_tick_us, drift, planned


def player_refresh_ms(count: int) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from glutemed.catalog import load_catalog
    from glutemed.domain.clock import FakeClock, utc_now
    from glutemed.ops.data import open_data
    from glutemed.ops.workout import WorkoutRun
    from glutemed.training.routines import default_routine
    from glutemed.ui.common.sound import RecordingSound
    from glutemed.ui.workout.figure import make_figure
    from glutemed.ui.workout.player import WorkoutPlayer

    app = QApplication.instance() or QApplication([])
    clock = FakeClock(start=0.0)
    catalog = load_catalog()
    player = WorkoutPlayer(catalog, RecordingSound(), make_figure())
    player.resize(1000, 700)
    player.show()
    store = open_data(Path(tempfile.mkdtemp()))
    run = WorkoutRun(store, default_routine(catalog), clock, utc_now)
    player.start(run, run.start())
    player.skip()
    times = []
    for _ in range(count):
        clock.advance(1 / 30)
        started = time.perf_counter()
        player.tick()
        app.processEvents()  # includes the repaint
        times.append((time.perf_counter() - started) * 1000)
    player.timer.stop()
    return statistics.median(times)


def run(quick: bool) -> list[Row]:
    per_tick_us, drift, planned = update_cost_and_drift()
    return [
        ("workout_update_us_per_tick", round(per_tick_us, 1), "us", "< 500 (33 ms frame)"),
        ("workout_drift_after_session_s", drift, "s", f"0 over {planned / 60:.0f} min"),
        ("workout_player_tick_ms", round(player_refresh_ms(30 if quick else 150), 2), "ms", "< 8"),
    ]
