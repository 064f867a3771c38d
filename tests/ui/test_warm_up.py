"""WarmUp: a page's heavy modules load on a worker thread once the window is idle."""

from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.store import Store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.warm_up import WarmUp
from glutemed.ui.main_window import WARM_UP_MODULES, MainWindow

PROBE = """
import threading
IMPORTED_ON = threading.current_thread().name
"""


@pytest.fixture
def probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"warm_probe_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(PROBE)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


def test_modules_are_imported_on_a_worker_after_the_delay(qtbot: QtBot, probe: str) -> None:
    switch = sys.getswitchinterval()
    warm = WarmUp((probe, "glutemed_no_such_module"), delay_ms=20)
    warm.arm()
    assert probe not in sys.modules  # nothing happens before the delay
    with qtbot.waitSignal(warm.finished, timeout=30_000):
        pass
    assert warm.done
    assert threading.main_thread().name != sys.modules[probe].IMPORTED_ON
    assert list(warm.failed) == ["glutemed_no_such_module"]  # reported, not raised
    assert sys.getswitchinterval() == switch  # the interpreter setting is put back


def test_arming_twice_starts_one_import(qtbot: QtBot, probe: str) -> None:
    warm = WarmUp((probe,), delay_ms=0)
    finished: list[bool] = []
    warm.finished.connect(lambda: finished.append(True))
    warm.arm()
    warm.arm()
    qtbot.waitUntil(lambda: warm.done)
    qtbot.wait(50)
    assert finished == [True]


def test_the_main_window_warms_up_progress_after_its_first_paint(
    qtbot: QtBot, store: Store
) -> None:
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    assert "glutemed.render.graphs.progress_graphs" in WARM_UP_MODULES
    assert window.warm_up.modules == WARM_UP_MODULES
    assert not window.warm_up._timer.isActive()  # not armed before it is on screen
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.warm_up.done, timeout=30_000)
    assert window.warm_up.failed == {}
    assert all(name in sys.modules for name in WARM_UP_MODULES)


TYPES_SCRIPT = """
import sys, threading
from PySide6 import QtWidgets
from PySide6.QtWidgets import QApplication
from glutemed.ui.common.warm_up import WarmUp
app = QApplication([])
made = lambda: all(name in vars(QtWidgets) for name in dir(QtWidgets))
print("made at start:", made())
seen = []
warm = WarmUp(("json",), delay_ms=0)
real = warm._start_thread
warm._start_thread = lambda: (seen.append((made(), threading.active_count())), real())
warm.finished.connect(app.quit)
warm.arm()
app.exec()
print("made before the thread:", seen[0][0])
for name in ("QtSvg", "QtOpenGL", "QtOpenGLWidgets", "QtTest"):
    print(name, "PySide6." + name in sys.modules)
"""


def test_qt_types_are_made_on_the_gui_thread_before_the_import_thread_runs() -> None:
    """pyqtgraph asks PySide6 for every Qt class as it imports; made on the worker, those
    types raced the GUI thread's and crashed the app (SIGSEGV in pyqtgraph's Qt shim)."""
    import os
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", TYPES_SCRIPT], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "made at start: False" in lines  # PySide6 makes them lazily: the test can tell
    assert "made before the thread: True" in lines
    for name in ("QtSvg", "QtOpenGL", "QtOpenGLWidgets", "QtTest"):
        assert f"{name} True" in lines


def test_a_window_closed_during_the_import_leaves_the_thread_to_end_quietly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag = tmp_path.name.replace("-", "_")
    gate, slow = f"gate_{tag}", f"slow_{tag}"
    (tmp_path / f"{gate}.py").write_text("import threading\nOPEN = threading.Event()\n")
    (tmp_path / f"{slow}.py").write_text(f"from {gate} import OPEN\nOPEN.wait(30)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    opened = importlib.import_module(gate).OPEN
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    warm = WarmUp((slow,), delay_ms=0)
    try:
        warm.start_now()
        qtbot.waitUntil(lambda: warm._thread is not None, timeout=30_000)
        thread = warm._thread
        warm.deleteLater()  # the window goes, its warm-up with it
        qtbot.waitUntil(lambda: not isValid(warm))
        opened.set()
        thread.join(30)
        assert not thread.is_alive() and errors == []
    finally:
        opened.set()
        for name in (gate, slow):
            sys.modules.pop(name, None)
