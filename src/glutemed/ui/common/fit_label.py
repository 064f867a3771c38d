"""A one-line label that shrinks its font to fit its width (big counters, titles)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from glutemed.ui.common.control_texts import announce

MIN_POINT_SIZE = 8


class FitLabel(QLabel):
    def __init__(self, name: str, point_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.max_point_size = point_size
        self.setMinimumWidth(1)  # let the layout shrink it; the font follows

    def set_max_point_size(self, size: int) -> None:
        self.max_point_size = size
        self._fit()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()
            announce(self)  # a new count or phase is read out

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width() - 4
        font = self.font()
        size = self.max_point_size
        while size > MIN_POINT_SIZE:
            font.setPointSize(size)
            if width <= 0 or QFontMetrics(font).horizontalAdvance(self.text()) <= width:
                break
            size -= 2
        font.setPointSize(size)
        if font != self.font():
            self.setFont(font)
