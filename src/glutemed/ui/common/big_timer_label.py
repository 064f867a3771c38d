"""A label whose digits grow with the space it gets: readable from across the room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_PX = 48
MAX_PX = 280
SAMPLE = "88.8"  # the widest text the stance timer shows below 100 s


class BigTimerLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # An explicit minimum: QLabel's own grows with the font this label grows, so the
        # window could never get smaller again.
        self.setMinimumSize(MIN_PX * 2, MIN_PX + 20)
        font = self.font()
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font = QFont(self.font())
        size = max(MIN_PX, min(MAX_PX, int(self.height() * 0.8)))
        font.setPixelSize(size)
        # Shrink until the widest reading fits the width too.
        while size > MIN_PX and QFontMetrics(font).horizontalAdvance(SAMPLE) > self.width() * 0.9:
            size -= 4
            font.setPixelSize(size)
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)
