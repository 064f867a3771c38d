"""A small note over a full-screen view that fades away and comes back when the mouse moves."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPropertyAnimation, Qt, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsOpacityEffect, QLabel, QWidget

SHOWN_MS = 3000
FADE_MS = 700


class FadingHint(QLabel):
    """Shown over *host* (not in its layout) while active; fades after SHOWN_MS."""

    def __init__(self, text: str, host: QWidget) -> None:
        super().__init__(text, host)
        self.setObjectName("fullScreenHint")
        self.setAccessibleName("Keyboard hint")
        self.setAccessibleDescription(text)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel { background: rgba(0, 0, 0, 170); color: white; border-radius: 10px;"
            " padding: 10px 18px; font-size: 14pt; }"
        )
        self.host = host
        self.active = False
        self.effect = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(self.effect)
        self.fade = QPropertyAnimation(self.effect, b"opacity", self)
        self.fade.setDuration(FADE_MS)
        self.fade.setStartValue(1.0)
        self.fade.setEndValue(0.0)
        self.fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self.fade.finished.connect(self.hide)
        self.wait = QTimer(self)
        self.wait.setSingleShot(True)
        self.wait.setInterval(SHOWN_MS)
        self.wait.timeout.connect(self.fade.start)
        self.hide()

    def set_active(self, on: bool) -> None:
        """Start (or stop) showing the hint; while on, mouse movement brings it back."""
        self.active = on
        app = QApplication.instance()
        if on:
            for widget in (self.host, *self.host.findChildren(QWidget)):
                widget.setMouseTracking(True)  # moves without a button held reach us
            if app is not None:
                app.installEventFilter(self)
            self.flash()
        else:
            if app is not None:
                app.removeEventFilter(self)
            self.wait.stop()
            self.fade.stop()
            self.hide()

    def flash(self) -> None:
        """Show the hint at full strength now and start the wait before it fades."""
        self.fade.stop()
        self.effect.setOpacity(1.0)
        self._place()
        self.show()
        self.raise_()
        self.wait.start()

    def _place(self) -> None:
        self.adjustSize()
        self.move((self.host.width() - self.width()) // 2, self.host.height() - self.height() - 40)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and watched is self.host and event.type() == QEvent.Type.Resize:
            self._place()  # the host goes full screen after the hint first shows
        elif (
            self.active
            and event.type() == QEvent.Type.MouseMove
            and isinstance(watched, QWidget)
            and (watched is self.host or self.host.isAncestorOf(watched))
            and (self.isHidden() or self.fade.state() == QPropertyAnimation.State.Running)
        ):
            self.flash()
        return False
