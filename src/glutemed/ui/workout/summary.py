"""The end-of-workout summary page (its words come from `summary_text`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog
from glutemed.domain.history import SessionSummary
from glutemed.domain.records import RoutineItem, SetLog
from glutemed.ui.common.page_title import page_title
from glutemed.ui.workout.summary_text import summary_html


class WorkoutSummary(QWidget):
    closed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutSummary")
        self.catalog = catalog
        title = page_title("Workout summary")
        self.body = QLabel()
        self.body.setObjectName("summaryText")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.close_button = QPushButton("Back to routines")
        self.close_button.setObjectName("summaryCloseButton")
        self.close_button.clicked.connect(self.closed.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        scroll = QScrollArea()  # a long workout's table scrolls in a small window
        scroll.setObjectName("summaryScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

    def show_summary(
        self,
        summary: SessionSummary,
        sets: list[SetLog],
        pain_before: int | None,
        pain_after: int | None,
        plan: list[RoutineItem] | None = None,
    ) -> None:
        self.body.setText(summary_html(self.catalog, summary, sets, pain_before, pain_after, plan))
