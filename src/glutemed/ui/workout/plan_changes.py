"""What changed in the plan and why, shown before the next workout; each can be refused."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog
from glutemed.ops.programme_ops import Decision
from glutemed.training.progression import Change


class PlanChangesView(QWidget):
    decided = Signal(object)  # list[Decision]

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planChanges")
        self.catalog = catalog
        self.changes: list[Change] = []
        self.boxes: list[QCheckBox | None] = []
        title = QLabel("Your plan for today: what changed and why")
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        title.setWordWrap(True)
        hint = QLabel(
            "Untick a change to refuse it: the plan then stays as it was. Changes follow your "
            "logged sets and the pain rule; your physiotherapist's advice comes first."
        )
        hint.setWordWrap(True)
        self.rows = QVBoxLayout()
        body = QWidget()
        body.setLayout(self.rows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.continue_button = QPushButton("Continue to the workout")
        self.continue_button.setObjectName("changesContinueButton")
        self.continue_button.setToolTip("Keep the ticked changes, refuse the others, and go on")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

    def _name(self, change: Change) -> str:
        exercise = self.catalog.exercise(change.exercise_id)
        variation = exercise.variation(change.variation_id)
        return (
            exercise.name if variation.id == "standard" else f"{exercise.name} ({variation.name})"
        )

    def show_changes(self, changes: Sequence[Change]) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.changes = list(changes)
        self.boxes = []
        for index, change in enumerate(self.changes):
            name = self._name(change)
            reason = QLabel(escape(change.reason))
            reason.setObjectName(f"changeReason{index}")
            reason.setWordWrap(True)
            reason.setContentsMargins(26, 0, 0, 8)
            if change.kind == "hold":
                head = QLabel(
                    f"<b>{escape(name)}, {change.side} side: stays at "
                    f"{escape(change.old.text())}</b>"
                )
                head.setObjectName(f"change{index}")
                self.rows.addWidget(head)
                self.boxes.append(None)
            else:
                box = QCheckBox(
                    f"{name}, {change.side} side: {change.old.text()} -> {change.new.text()}"
                )
                box.setObjectName(f"change{index}")
                box.setChecked(True)
                box.setStyleSheet("QCheckBox { font-weight: 600; }")
                box.setToolTip(change.reason)
                self.rows.addWidget(box)
                self.boxes.append(box)
            self.rows.addWidget(reason)
        self.rows.addStretch(1)
        self.continue_button.setFocus()

    def _continue(self) -> None:
        decisions = [
            Decision(change, box.isChecked() if box is not None else False)
            for change, box in zip(self.changes, self.boxes, strict=True)
        ]
        self.decided.emit(decisions)
