"""QtTypes: create PySide6's Qt classes on the GUI thread, a few milliseconds at a time.

PySide6 makes each Qt class's Python type the first time it is asked for. pyqtgraph asks
for every class of QtCore, QtGui and QtWidgets as it is imported (and loads QtSvg,
QtOpenGL, QtOpenGLWidgets and QtTest). Done on the warm-up thread, that races the GUI
thread making the types of a page it builds meanwhile, and it crashed the app (SIGSEGV
in pyqtgraph's Qt shim while the Progress page was built). Made here first, in slices
short enough to keep the demo's frames on time, the types exist before the thread runs.
"""

from __future__ import annotations

import contextlib
import importlib
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal

SLICE_S = 0.006  # GUI-thread time per step: well inside one 16 ms frame
BINDINGS = ("QtCore", "QtGui", "QtWidgets")  # every class asked for by pyqtgraph's shim
EXTRA_MODULES = ("QtSvg", "QtOpenGL", "QtOpenGLWidgets", "QtTest")  # loaded by pyqtgraph


def _steps() -> Iterator[None]:
    """Each yield is a point where the GUI may go on with other work."""
    for name in EXTRA_MODULES:
        with contextlib.suppress(ImportError):  # a trimmed bundle: pyqtgraph copes without
            importlib.import_module(f"PySide6.{name}")
        yield
    for name in BINDINGS:
        module = importlib.import_module(f"PySide6.{name}")
        for attribute in dir(module):
            getattr(module, attribute)
            yield


class QtTypes(QObject):
    done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = _steps()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self.finished = False

    def start(self) -> None:
        if not self.finished:
            self._timer.start()

    def _slice(self) -> None:
        end = time.perf_counter() + SLICE_S
        for _ in self._steps:
            if time.perf_counter() >= end:
                return  # on with the next timer tick, after any paint due meanwhile
        self._timer.stop()
        self.finished = True
        self.done.emit()
