"""Stance test: per-trial commit, history load for years of tests, key-press-to-saved."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

Row = tuple[str, float, str, str]


def trial_commit_median_ms(count: int) -> float:
    from glutemed.domain.records import StanceTrial
    from glutemed.store import open_store
    from glutemed.store.stance import create_session, save_trial

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        session_id = create_session(store, datetime.now(UTC), "open", 45.0)
        times = []
        for n in range(count):
            trial = StanceTrial("left" if n % 2 else "right", n % 3 + 1, 12.3, "foot_down")
            started = time.perf_counter()
            save_trial(store, session_id, trial)
            times.append(time.perf_counter() - started)
        store.close()
    return statistics.median(times) * 1000


def history_load_ms(tests: int) -> float:
    """list_sessions for *tests* tests of 6 trials (two tests a week is ~10 years at 1000)."""
    from glutemed.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        start = datetime(2015, 1, 1, tzinfo=UTC)
        with store.transaction() as conn:
            for n in range(tests):
                taken = (start + timedelta(days=3.5 * n)).isoformat(timespec="seconds")
                cur = conn.execute(
                    "INSERT INTO stance_sessions(taken_at, eyes, cap_s) VALUES (?, 'open', 45)",
                    (taken,),
                )
                for k in range(6):
                    conn.execute(
                        "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, "
                        "ended_by) VALUES (?, ?, ?, ?, 'foot_down')",
                        (cur.lastrowid, ("left", "right")[k % 2], k // 2 + 1, 10.0 + k),
                    )
        from glutemed.store.stance import list_sessions

        runs = []
        for _ in range(5):
            started = time.perf_counter()
            found = list_sessions(store, limit=500)
            runs.append(time.perf_counter() - started)
        assert len(found) == min(500, tests)
        store.close()
    return statistics.median(runs) * 1000


def key_to_saved_ms(repeats: int) -> float:
    """Wall time from a key press while timing to the trial committed and the form shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from glutemed.domain.clock import FakeClock
    from glutemed.store import open_store
    from glutemed.ui.common.events import DataEvents
    from glutemed.ui.stance.page import SilentSound, StancePage

    app = QApplication.instance() or QApplication([])
    times = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        clock = FakeClock()
        page = StancePage(store, clock, DataEvents(), SilentSound())
        page.show()
        page.setup.start_button.click()
        for _ in range(repeats):
            page.start_countdown()
            clock.advance(3.0)
            page._on_tick()
            clock.advance(10.0)
            started = time.perf_counter()
            QTest.keyClick(page, Qt.Key.Key_Space)
            times.append(time.perf_counter() - started)
            assert page.run.outcome.isVisible()
            page.retry_trial()
            app.processEvents()
        page.close()
        page.deleteLater()
        store.close()
    return statistics.median(times) * 1000


def run(quick: bool) -> list[Row]:
    return [
        (
            "stance_trial_commit_median_ms",
            round(trial_commit_median_ms(20 if quick else 200), 2),
            "ms",
            "< 20 (WAL + synchronous=FULL, one transaction per trial)",
        ),
        (
            "stance_history_load_ms",
            round(history_load_ms(300 if quick else 1000), 2),
            "ms",
            "< 100 (1000 tests stored, the page lists the newest 500)",
        ),
        (
            "stance_key_to_saved_ms",
            round(key_to_saved_ms(5 if quick else 30), 2),
            "ms",
            "< 50 (the time itself is taken before saving)",
        ),
    ]


if __name__ == "__main__":
    for row in run(quick=False):
        print("\t".join(str(x) for x in row))
