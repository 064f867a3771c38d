"""WarmUp: import a page's heavy modules on a worker thread once the window is up.

The Progress page needs pyqtgraph and numpy, about half a second of importing that a user
would otherwise wait for on the first click. Start-up stays light (nothing heavy before
the first paint); right after it, Qt's types are made on the GUI thread in short slices
(see qt_types), then a daemon thread imports the modules while the window stays
responsive: the import holds the interpreter only in short slices, so an animation frame
is late by a few milliseconds at most. A page shown before the import has finished shows
what it can without the modules, and the rest once they are in.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from glutemed.ui.common.gui_first import gui_first
from glutemed.ui.common.qt_types import QtTypes

IDLE_DELAY_MS = 0  # right after the first paint: a click on Progress may come within a second


class WarmUp(QObject):
    finished = Signal()  # emitted on the GUI thread once every module is imported

    def __init__(
        self,
        modules: Sequence[str],
        parent: QObject | None = None,
        delay_ms: int = IDLE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.modules = tuple(modules)
        self._delay_ms = delay_ms
        self._armed = False
        self.done = False
        self.failed: dict[str, str] = {}  # module -> error; the page shows its own error
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._thread: threading.Thread | None = None
        self._types: QtTypes | None = None  # Qt's types made on this thread first
        self.finished.connect(self._mark_done)

    def arm(self) -> None:
        """Start the countdown to the import (only the first call counts)."""
        if self._armed or not self.modules:
            return
        self._armed = True
        self._timer.start(self._delay_ms)

    def start_now(self) -> None:
        """Import at once (a page needs the modules now); a running import carries on."""
        if self.done or self._types is not None or not self.modules:
            return
        self._armed = True
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        self._types = QtTypes(self)
        self._types.done.connect(self._start_thread)
        self._types.start()

    def _start_thread(self) -> None:
        self._thread = threading.Thread(
            target=self._import_all, name="glutemed-warm-up", daemon=True
        )
        self._thread.start()

    def _import_all(self) -> None:
        # Hand the interpreter back to the GUI thread five times as often while importing,
        # so a frame due meanwhile waits about a millisecond for it rather than five.
        with gui_first():
            for name in self.modules:
                try:
                    importlib.import_module(name)
                except Exception as exc:  # the page imports it again and reports it
                    self.failed[name] = f"{type(exc).__name__}: {exc}"
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody waits
            self.finished.emit()  # queued to the GUI thread: this object lives there

    def _mark_done(self) -> None:
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            # It emitted as its last act: over in a moment, then nothing of ours imports.
            thread.join()
        self.done = True
