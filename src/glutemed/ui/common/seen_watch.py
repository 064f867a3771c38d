"""SeenWatch: tells whether anyone can see a widget, so animations stop when nobody can.

A widget counts as seen when it is shown (its page is the current one), its window is not
minimised and the window system has the window mapped (exposed). Minimising, moving the
window to another virtual desktop or hiding it all unmap or hide it; each of those ends
the "seen" state and `changed(False)` is emitted, and `changed(True)` when it comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

_WIDGET_EVENTS = (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ParentChange)
_WINDOW_EVENTS = (
    QEvent.Type.Show,
    QEvent.Type.Hide,
    QEvent.Type.WindowStateChange,
    QEvent.Type.Expose,
)


class SeenWatch(QObject):
    changed = Signal(bool)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._window: QWidget | None = None
        self._handle: QWindow | None = None
        self._seen = False
        widget.installEventFilter(self)
        self._follow_window()
        self._seen = self._compute()

    def is_seen(self) -> bool:
        return self._seen

    def _follow_window(self) -> None:
        """Watch the widget's current top-level window and its platform window."""
        window = self._widget.window()
        if window is not self._window and window is not self._widget:
            self._unwatch(self._window)
            self._window = window
            self._watch(window)
        handle = window.windowHandle()  # made when the window is first shown
        if handle is not self._handle:
            self._unwatch(self._handle)
            self._handle = handle
            self._watch(handle)

    # No `destroyed` connections: a window can go before this object, and a slot of ours
    # called while PySide tears either down failed ("Slot not found"). A window that is
    # gone is only ever passed to _unwatch, which checks it.
    def _watch(self, target: QObject | None) -> None:
        if target is not None:
            target.installEventFilter(self)

    def _unwatch(self, target: QObject | None) -> None:
        if target is not None and isValid(target):
            target.removeEventFilter(self)

    def _compute(self) -> bool:
        widget = self._widget
        if not widget.isVisible():
            return False
        window = widget.window()
        if window.isMinimized():
            return False
        handle = window.windowHandle()
        return handle is not None and handle.isExposed()

    def recheck(self) -> None:
        self._follow_window()
        self._set(self._compute())

    def _set(self, seen: bool) -> None:
        if seen != self._seen:
            self._seen = seen
            self.changed.emit(seen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While PySide tears this object down its attributes go before Qt removes the
        # filter; an event in that gap (seen once in a full test run) must do nothing.
        if "_widget" not in vars(self):
            return False
        kind = event.type()
        if kind == QEvent.Type.Hide or (
            kind == QEvent.Type.Expose and not watched.isExposed()  # type: ignore[attr-defined]
        ):
            self._set(False)  # touches nothing else: these also come while Qt tears down
        elif kind in (_WIDGET_EVENTS if watched is self._widget else _WINDOW_EVENTS):
            self.recheck()
        return False
