"""While a trial runs, any key or any click in the window means "stop".

A person standing on one leg (maybe with eyes closed) must not have to aim at a button.
The filter sits on the application so it sees every key and click before any widget does,
and swallows them so nothing else (a button, a sidebar shortcut) reacts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
_SWALLOWED = (QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.MouseButtonRelease)


class AnyInputCatcher(QObject):
    """Calls *on_input* for each key press or click inside *window_of*'s window."""

    def __init__(self, window_of: QWidget, on_input: Callable[[], None]) -> None:
        super().__init__(window_of)
        self.setObjectName("anyInputCatcher")
        self._window_of = window_of
        self._on_input = on_input
        self._active = False
        self._installed = False
        self._swallow_release = False

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        self._active = True
        self._install(True)

    def end(self) -> None:
        """Stop catching; a click that is still held keeps its release swallowed."""
        self._active = False
        if not self._swallow_release:
            self._install(False)

    def _install(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._installed:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._installed = on

    def _is_ours(self, obj: QObject) -> bool:
        top = self._window_of.window()
        if isinstance(obj, QWidget):
            return obj.window() is top
        if isinstance(obj, QWindow):
            return obj is top.windowHandle()
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._swallow_release and kind == QEvent.Type.MouseButtonRelease:
            # The release of the stopping click must not press what now sits under it.
            self._swallow_release = False
            if not self._active:
                self._install(False)
            return True
        if not self._active or not self._is_ours(obj):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut fires; the key press that follows stops the trial
            return True
        if kind == QEvent.Type.KeyPress:
            self._on_input()
            return True
        if kind in _PRESSES:
            self._swallow_release = True
            self._on_input()
            return True
        return kind in _SWALLOWED
