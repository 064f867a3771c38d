"""A contribution-style calendar of the days trained: one column per week, Monday on top.

Meant for up to a year (53 columns): cells then stay big enough to read and hover.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from glutemed.domain.localtz import local_today
from glutemed.domain.wording import counted
from glutemed.progress.text import day_text

_LEFT = 34  # room for weekday labels
_TOP = 18  # room for month labels
_MAX_CELL = 18.0
_LEVELS = ("#e6e9ee", "#c6e48b", "#7bc96f", "#239a3b", "#196127")


class AdherenceCalendar(QWidget):
    """Shows trained days between a start and an end day; hover reports the day."""

    hovered = Signal(str)  # read-out text for the day under the mouse

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adherenceCalendar")
        self.setMouseTracking(True)
        self.setMinimumHeight(_TOP + 7 * 10 + 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._sets: dict[date, int] = {}
        self._start = local_today() - timedelta(days=27)
        self._end = local_today()

    def sizeHint(self) -> QSize:
        return QSize(720, int(_TOP + 7 * _MAX_CELL + 4))

    def set_days(self, sets_by_day: dict[date, int]) -> None:
        self._sets = sets_by_day
        self.update()

    def set_range(self, start: date, end: date) -> None:
        first = start - timedelta(days=start.weekday())  # whole weeks
        if (first, end) != (self._start, self._end):
            self._start, self._end = first, end
            self.update()

    @property
    def first_day(self) -> date:
        return self._start

    def _weeks(self) -> int:
        return (self._end - self._start).days // 7 + 1

    def _cell(self) -> float:
        usable_w = max(1, self.width() - _LEFT - 4)
        usable_h = max(7, self.height() - _TOP - 4)
        return max(1.0, min(_MAX_CELL, usable_w / self._weeks(), usable_h / 7))

    def day_at(self, pos: QPoint) -> date | None:
        cell = self._cell()
        col = int((pos.x() - _LEFT) // cell)
        row = int((pos.y() - _TOP) // cell)
        if pos.x() < _LEFT or pos.y() < _TOP or not (0 <= row < 7 and 0 <= col < self._weeks()):
            return None
        day = self._start + timedelta(days=col * 7 + row)
        return day if day <= self._end else None

    def describe(self, day: date) -> str:
        sets = self._sets.get(day, 0)
        if sets:
            return f"{day:%a} {day_text(day)}: trained, {counted(sets, 'set')}"
        return f"{day:%a} {day_text(day)}: no workout"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.hovered.emit(self.describe(day))
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        cell = self._cell()
        gap = 1.0 if cell >= 5 else 0.0
        text = self.palette().text().color()
        painter.setPen(text)
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        if cell >= 9:
            for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
                painter.drawText(
                    QRect(0, int(_TOP + row * cell), _LEFT - 4, int(cell)),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    name,
                )
        colours = [QColor(c) for c in _LEVELS]
        painter.setPen(Qt.PenStyle.NoPen)
        metrics = painter.fontMetrics()
        last_label_end = -100.0
        day = self._start
        while day <= self._end:
            offset = (day - self._start).days
            col, row = divmod(offset, 7)
            x = _LEFT + col * cell
            sets = self._sets.get(day, 0)
            level = 0 if sets == 0 else min(4, 1 + sets // 10)
            painter.fillRect(
                int(x),
                int(_TOP + row * cell),
                max(1, int(cell - gap)),
                max(1, int(cell - gap)),
                colours[level],
            )
            if (day.day == 1 or day == self._start) and x > last_label_end:
                label = f"{day:%b %Y}" if day.month == 1 or day == self._start else f"{day:%b}"
                painter.setPen(text)
                painter.drawText(int(x), _TOP - 5, label)
                painter.setPen(Qt.PenStyle.NoPen)
                last_label_end = x + metrics.horizontalAdvance(label) + 6
            day += timedelta(days=1)
        painter.end()
