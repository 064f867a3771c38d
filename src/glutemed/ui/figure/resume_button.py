"""ResumeButton: the big play button a demo shows once it has paused itself."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QToolButton, QWidget


class ResumeButton(QToolButton):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("resumeButton")
        self.setText("▶  Play")
        self.setToolTip("The demo paused itself after a while; play it again")
        self.setAccessibleName("Play the demo")
        font = self.font()
        font.setPointSize(16)
        self.setFont(font)
        self.hide()

    def centre_in(self, size: QSize) -> None:
        self.adjustSize()
        self.move((size.width() - self.width()) // 2, (size.height() - self.height()) // 2)
