"""The "Days trained" card: a 12-month adherence calendar, a year selector and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from glutemed.domain.history import Adherence, TrainingDay
from glutemed.domain.localtz import local_today
from glutemed.domain.wording import counted
from glutemed.progress.text import day_text
from glutemed.render.graphs.adherence_calendar import AdherenceCalendar
from glutemed.render.graphs.graph_card import GraphCard

LAST_12 = "Last 12 months"


class CalendarCard(GraphCard):
    """Twelve months at a time stay readable with any length of history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("adherence", "Days trained", parent)
        self.year_selector = QComboBox()
        self.year_selector.setObjectName("calendarYear")
        self.year_selector.setToolTip("Which twelve months the calendar shows")
        self.year_selector.addItem(LAST_12, 0)
        self.year_selector.currentIndexChanged.connect(self._show_window)
        self.header.insertWidget(2, self.year_selector)
        self.calendar = AdherenceCalendar()
        self.summary = QLabel()
        self.summary.setObjectName("adherenceSummary")
        self.summary.setWordWrap(True)
        self.body_layout.addWidget(self.calendar)
        self.body_layout.addWidget(self.summary)
        self.calendar.hovered.connect(self.readout.setText)
        self._end = local_today()
        self._years: tuple[int, ...] = ()

    def set_days(self, days: Sequence[TrainingDay]) -> None:
        self.calendar.set_days({d.day: d.sets for d in days})
        years = tuple(sorted({d.day.year for d in days}, reverse=True))
        if years != self._years:
            self._years = years
            keep = self.year_selector.currentData()
            self.year_selector.blockSignals(True)
            while self.year_selector.count() > 1:
                self.year_selector.removeItem(1)
            for year in years:
                self.year_selector.addItem(str(year), year)
            self.year_selector.setCurrentIndex(max(0, self.year_selector.findData(keep)))
            self.year_selector.blockSignals(False)
            self.year_selector.setVisible(len(years) > 1)
            self._show_window()

    def set_range(self, start: date, end: date, stats: Adherence) -> None:
        """Summarise the selected range; the calendar keeps its own 12-month window."""
        if end != self._end:
            self._end = end
            self._show_window()
        self.summary.setText(
            f"{day_text(start)} to {day_text(end)}: trained on {stats.days_trained} of "
            f"{counted(stats.days_total, 'day')} ({stats.percent:.0f}%). Longest run "
            f"{counted(stats.longest_streak, 'day')}, current run "
            f"{counted(stats.current_streak, 'day')}."
        )

    def _show_window(self) -> None:
        year = int(self.year_selector.currentData() or 0)
        if year:
            self.calendar.set_range(date(year, 1, 1), min(date(year, 12, 31), self._end))
        else:
            self.calendar.set_range(self._end - timedelta(days=7 * 52 + 6), self._end)
