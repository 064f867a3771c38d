"""A list of past workout sessions, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from glutemed.domain.history import SessionSummary
from glutemed.domain.wording import duration_text
from glutemed.ops import Store
from glutemed.ops.workout import past_workouts


def _row(summary: SessionSummary) -> list[str]:
    started = summary.session.started_at.astimezone().strftime("%a %d %b %Y, %H:%M")
    duration = summary.duration_s
    minutes = "unfinished" if duration is None else duration_text(duration)
    sets = f"{summary.sets_done}"
    if summary.sets_skipped:
        sets += f" (+{summary.sets_skipped} skipped)"
    return [started, summary.routine_name or "—", minutes, sets, str(summary.reps_done)]


class WorkoutHistory(QTreeWidget):
    """Double-click or Enter on a row opens that workout's summary."""

    HEADERS = ("Started", "Routine", "Length", "Sets", "Reps")
    session_opened = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutHistory")
        self.store = store
        self.setHeaderLabels(list(self.HEADERS))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setToolTip("Double-click a workout to see its sets")
        # Both: activation is Enter (and double-click on some styles); opening twice is harmless.
        self.itemActivated.connect(self._open)
        self.itemDoubleClicked.connect(self._open)
        self.refresh()

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        self.session_opened.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def refresh(self) -> None:
        self.clear()
        for summary in past_workouts(self.store, limit=200):
            item = QTreeWidgetItem(_row(summary))
            item.setData(0, Qt.ItemDataRole.UserRole, summary.session.id)
            self.addTopLevelItem(item)
