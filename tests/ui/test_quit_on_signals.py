"""Ctrl+C (SIGINT) and SIGTERM close the app cleanly: no traceback, the window closes as on
its close button (geometry saved, the data file closed), exit code 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glutemed.store import open_store
from glutemed.store.profile import load_profile, save_profile
from glutemed.store.settings import get_setting
from glutemed.ui.common.quit_on_signals import QuitOnSignals

SRC = Path(__file__).resolve().parents[2] / "src"


def test_a_signal_asks_for_one_close_from_the_event_loop(qtbot) -> None:
    closes: list[int] = []
    quitter = QuitOnSignals(lambda: closes.append(1))
    try:
        os.kill(os.getpid(), signal.SIGINT)  # no KeyboardInterrupt: the handler is ours
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: closes == [1])
        assert quitter.received == [signal.SIGINT, signal.SIGTERM]
    finally:
        quitter.uninstall()
    assert signal.getsignal(signal.SIGINT) is not quitter._on_signal


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_the_running_app_closes_cleanly_on_a_signal(tmp_path: Path, number: int) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    profile = load_profile(store)
    profile.safety_acknowledged = True
    save_profile(store, profile)
    store.close()
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "glutemed", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = data_dir / "glutemed.lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.stat().st_size) and time.monotonic() < deadline:
        pass  # the lock is taken after the handlers are in place
    app.send_signal(number)
    _, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert not Path(f"{data_dir / 'glutemed.sqlite3'}-wal").exists(), "the file was closed"
    reopened = open_store(data_dir)
    assert get_setting(reopened, "window_geometry") is not None, "closed as by its button"
    reopened.close()
