"""WarmUp: a page's heavy modules load on a worker thread once the window is idle."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

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
    with qtbot.waitSignal(warm.finished, timeout=10_000):
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
