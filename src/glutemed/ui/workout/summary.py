"""The end-of-workout summary: sets and reps per exercise and side, pain before and after."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from glutemed.catalog import Catalog
from glutemed.domain.history import SessionSummary
from glutemed.domain.records import SetLog
from glutemed.training.pain_rule import session_pain_note


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "not finished"
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s"


def summary_html(
    catalog: Catalog,
    summary: SessionSummary,
    sets: list[SetLog],
    pain_before: int | None,
    pain_after: int | None,
) -> str:
    rows = []
    for s in sets:
        try:
            name = catalog.exercise(s.exercise_id).name
        except KeyError:
            name = s.exercise_id
        target = "" if s.reps_target is None else f" / {s.reps_target}"
        work = f"{s.reps_done}{target}"
        if s.hold_s is not None:
            work += f" holds of {s.hold_s:g} s"
        status = "skipped" if s.skipped else ""
        rows.append(
            f"<tr><td>{escape(name)}</td><td>{s.side}</td><td>{s.set_no}</td>"
            f"<td>{work}</td><td>{status}</td></tr>"
        )
    table = (
        "<table cellpadding='4'><tr><th align='left'>Exercise</th><th>Side</th><th>Set</th>"
        "<th>Done</th><th></th></tr>" + "".join(rows) + "</table>"
        if rows
        else "<p>No sets were finished.</p>"
    )
    pain = ""
    if pain_before is not None or pain_after is not None:
        before = "—" if pain_before is None else str(pain_before)
        after = "—" if pain_after is None else str(pain_after)
        pain = f"<p>Pain before: <b>{before}</b> / 10, after: <b>{after}</b> / 10.</p>"
        note = session_pain_note(pain_before, pain_after)
        if note:
            pain += f"<p>{escape(note)}</p>"
    return (
        f"<p><b>{summary.sets_done}</b> sets done, {summary.sets_skipped} skipped, "
        f"<b>{summary.reps_done}</b> reps in {_minutes(summary.duration_s)}.</p>"
        f"{pain}{table}"
    )


class WorkoutSummary(QWidget):
    closed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutSummary")
        self.catalog = catalog
        title = QLabel("Workout summary")
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
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
        layout.addWidget(self.body, 1)
        layout.addLayout(row)

    def show_summary(
        self,
        summary: SessionSummary,
        sets: list[SetLog],
        pain_before: int | None,
        pain_after: int | None,
    ) -> None:
        self.body.setText(summary_html(self.catalog, summary, sets, pain_before, pain_after))
