"""A ring that empties as a hold or rest runs down, with the seconds left in the middle."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class CountdownRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownRing")
        self.remaining: float | None = None
        self.total = 1.0
        self.colour = QColor("#2b7bd9")
        self.caption = ""  # small words under the number, e.g. "to go"
        self.number: str | None = None  # shown instead of the seconds left
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(180, 180)

    def set_value(
        self,
        remaining: float | None,
        total: float | None,
        colour: str = "#2b7bd9",
        *,
        number: str | None = None,
        caption: str = "",
    ) -> None:
        state = (remaining, total, colour, number, caption)
        if state == (self.remaining, self.total, self.colour.name(), self.number, self.caption):
            return
        self.remaining = remaining
        self.total = total if total else 1.0
        self.colour = QColor(colour)
        self.number, self.caption = number, caption
        self.update()

    def text(self) -> str:
        if self.remaining is None:
            return ""
        if self.number is not None:
            return self.number
        return str(math.ceil(max(0.0, self.remaining) - 1e-6))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.remaining is None:
            return
        room = min(self.width(), self.height()) - 4
        thickness = max(6.0, room * 0.08)
        # The pen is centred on the circle: keep half its width inside the widget too.
        side = room - thickness
        if side <= 0:
            return
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QPen(self.palette().mid().color(), thickness)
        track.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(track)
        painter.drawEllipse(rect)
        fraction = max(0.0, min(1.0, self.remaining / self.total))
        arc = QPen(self.colour, thickness)
        arc.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        painter.drawArc(rect, 90 * 16, int(fraction * 360 * 16))
        font = QFont(self.font())
        font.setPixelSize(max(10, int(side * 0.38)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().text().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text())
        if self.caption:
            font.setPixelSize(max(9, int(side * 0.09)))
            font.setBold(False)
            painter.setFont(font)
            below = QRectF(rect.left(), rect.center().y() + side * 0.2, rect.width(), side * 0.14)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self.caption)
