"""While a trial runs, any key or any click in the window means "stop".

A person standing on one leg (maybe with eyes closed) must not have to aim at a button.
The filter sits on the application so it sees every key and click before any widget does,
and swallows them so nothing else (a button, a sidebar shortcut) reacts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
_SWALLOWED = (QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.MouseButtonRelease)
_KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


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
        self._held_key: int | None = None

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        self._active = True
        self._install(True)

    def end(self) -> None:
        """Stop catching; a click that is still held keeps its release swallowed."""
        self._active = False
        self._settle()

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
        if self._held_key is not None and kind in _KEY_EVENTS:
            # Until the key that stopped the trial is released, keys belong to the stop: its
            # repeats, and a shortcut it starts (Ctrl pressed first stops; Ctrl+1 must not
            # then switch page) never reach whatever shows next.
            assert isinstance(event, QKeyEvent)
            if (
                kind == QEvent.Type.KeyRelease
                and event.key() == self._held_key
                and not event.isAutoRepeat()
            ):
                self._held_key = None
                self._settle()
            event.accept()
            return True
        if self._swallow_release and kind == QEvent.Type.MouseButtonRelease:
            # The release of the stopping click must not press what now sits under it.
            self._swallow_release = False
            self._settle()
            return True
        if not self._active or not self._is_ours(obj):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut fires; the key press that follows stops the trial
            return True
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            self._held_key = event.key()
            self._on_input()
            return True
        if kind in _PRESSES:
            self._swallow_release = True
            self._on_input()
            return True
        return kind in _SWALLOWED

    def _settle(self) -> None:
        if not self._active and not self._busy():
            self._install(False)

    def _busy(self) -> bool:
        return self._swallow_release or self._held_key is not None
