"""Source lines read at import (PySide6's import hook fills linecache) are forgotten."""

from __future__ import annotations

import linecache
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.store import Store
from glutemed.ui.common import source_cache
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.source_cache import forget_sources, other_python_threads
from glutemed.ui.main_window import MainWindow


def _remember(path: Path) -> str:
    path.write_text("x = 1\n")
    assert linecache.getlines(str(path)) == ["x = 1\n"]
    assert str(path) in linecache.cache
    return str(path)


@pytest.fixture
def alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in the app once its import threads are over (the test runner may keep some)."""
    monkeypatch.setattr(source_cache, "other_python_threads", lambda: [])


def test_forgets_when_no_other_thread_runs(tmp_path: Path, alone: None) -> None:
    name = _remember(tmp_path / "kept.py")
    assert forget_sources()
    assert name not in linecache.cache


def test_keeps_the_cache_while_another_thread_may_import(tmp_path: Path) -> None:
    name = _remember(tmp_path / "kept.py")
    release = threading.Event()
    worker = threading.Thread(target=release.wait, name="glutemed-warm-up", daemon=True)
    worker.start()
    try:
        assert worker in other_python_threads()
        assert threading.current_thread() not in other_python_threads()
        assert not forget_sources()
        assert name in linecache.cache
    finally:
        release.set()
        worker.join()
    assert worker not in other_python_threads()


def test_a_new_page_forgets_what_its_imports_read(
    qtbot: QtBot, store: Store, tmp_path: Path, alone: None
) -> None:
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    name = _remember(tmp_path / "kept.py")
    window.show_page("help")
    assert window.current_page_key() == "help"
    assert name not in linecache.cache


def test_the_warm_up_forgets_once_its_thread_is_over(
    qtbot: QtBot, store: Store, tmp_path: Path, alone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "warm_probe_cache.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    warm = window.warm_up
    warm.modules = ("warm_probe_cache",)  # a light stand-in for pyqtgraph
    warm._delay_ms = 0
    name = _remember(tmp_path / "kept.py")
    try:
        with qtbot.waitSignal(warm.finished, timeout=30_000):
            warm.arm()
        assert warm.done
        assert warm._thread is not None and not warm._thread.is_alive()
        assert name not in linecache.cache
    finally:
        sys.modules.pop("warm_probe_cache", None)


def test_a_new_page_gives_freed_memory_back(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glutemed.ui import main_window

    calls: list[str] = []
    monkeypatch.setattr(main_window, "release_free_memory", lambda: calls.append("trim"))
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    assert calls == ["trim"]  # the first page, built with the window
    window.show_page("help")
    assert calls == ["trim", "trim"]
    window.show_page("exercises")
    window.show_page("help")  # pages are built once: nothing more to release
    assert calls == ["trim", "trim"]
