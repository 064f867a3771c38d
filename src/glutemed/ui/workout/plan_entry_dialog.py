"""Type in a plan a physiotherapist prescribed, one exercise a line, checked as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog
from glutemed.domain.records import RoutineItem
from glutemed.training.plan_parser import PlanError, parse_plan
from glutemed.training.routines import dose_text

EXAMPLE = """clamshell 3x12 rest 45 band red
reverse clam 2x10
side plank 2x5x10s rest 30
wall press-outs 2x12 left"""

HELP = (
    "One exercise a line: its name, then sets x reps (3x12), or sets x holds x seconds "
    "(2x5x10s), 'rest 45', 'band red', 'left' or 'right' for one side only. Leave something "
    "out and the exercise's usual dose is used. Text after # is ignored."
)


class PlanEntryDialog(QDialog):
    def __init__(self, catalog: Catalog, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planEntryDialog")
        self.setWindowTitle("Enter a prescribed plan")
        self.catalog = catalog
        self.items: list[RoutineItem] = []
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("planNameEdit")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("planTextEdit")
        self.text_edit.setPlaceholderText(EXAMPLE)
        self.text_edit.setMinimumSize(520, 180)
        help_label = QLabel(HELP)
        help_label.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setObjectName("planFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("planButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Routine name:", self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._check)
        self.name_edit.textChanged.connect(self._check)
        self._check()

    def save_button(self) -> object:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _check(self) -> None:
        ok = False
        try:
            self.items = parse_plan(self.text_edit.toPlainText(), self.catalog)
        except PlanError as exc:
            self.items = []
            self.feedback.setStyleSheet("color: #c0392b;")
            self.feedback.setText(
                str(exc) if exc.line_no else "Type the plan, one exercise a line."
            )
        else:
            lines = [
                f"{self.catalog.exercise(i.exercise_id).name}: {dose_text(i)}" for i in self.items
            ]
            self.feedback.setStyleSheet("")
            self.feedback.setText("\n".join(lines))
            ok = bool(self.name_edit.text().strip())
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setEnabled(ok)

    def plan_name(self) -> str:
        return self.name_edit.text().strip()
