"""Ctrl+C in the terminal (SIGINT) and SIGTERM close the window as its close button does.

Python's default SIGINT handler raises KeyboardInterrupt in whatever Python code runs,
which inside Qt is a paint or timer callback: a traceback, and the window carries on.
Here the signal only asks the window to close. The C-level handler writes to a socket
that Qt watches (signal.set_wakeup_fd), so the request is seen at once, even while Qt's
C++ event loop runs no Python at all."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

HANDLED = (signal.SIGINT, signal.SIGTERM)


class QuitOnSignals(QObject):
    """Calls *close* once when SIGINT or SIGTERM arrives; restores the old handlers on
    `uninstall`."""

    def __init__(self, close: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.close = close
        self.received: list[int] = []
        self._reader, self._writer = _wakeup_pair()
        self._previous_fd = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._on_signal) for number in HANDLED}
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _on_signal(self, number: int, _frame: object) -> None:
        first = not self.received
        self.received.append(number)
        if first:  # from a fresh event-loop turn, never from inside a paint
            QTimer.singleShot(0, self, self.close)

    def _drain(self) -> None:
        try:
            while _read(self._reader):
                pass
        except OSError:
            pass  # nothing more to read: Python has run the handler by now

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        _close(self._reader)
        _close(self._writer)


if sys.platform == "win32":  # set_wakeup_fd takes only a socket there

    def _wakeup_pair() -> tuple[int, int]:
        import socket

        reader, writer = socket.socketpair()
        for end in (reader, writer):
            end.setblocking(False)
        return reader.detach(), writer.detach()

    def _read(fd: int) -> bytes:
        import socket

        with socket.socket(fileno=fd) as sock:
            try:
                return sock.recv(64)
            finally:
                sock.detach()

    def _close(fd: int) -> None:
        import socket

        socket.socket(fileno=fd).close()

else:  # a pipe: no socket module on the start-up path (~7 ms)

    def _wakeup_pair() -> tuple[int, int]:
        reader, writer = os.pipe()
        os.set_blocking(reader, False)
        os.set_blocking(writer, False)
        return reader, writer

    def _read(fd: int) -> bytes:
        return os.read(fd, 64)

    def _close(fd: int) -> None:
        os.close(fd)
