"""The safety questions: asked before the first workout and changeable in Settings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from glutemed.training.screen import QUESTIONS


class SafetyScreenDialog(QDialog):
    """Yes/no questions as tick boxes; `answers()` after Accepted."""

    def __init__(self, current: Mapping[str, bool] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyScreenDialog")
        self.setWindowTitle("Before you exercise")
        intro = QLabel(
            "Tick any that apply to you. Each answer changes your plan, and the app says "
            "what it changed and why. You can change these later in Settings."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for key, question in QUESTIONS:
            box = QCheckBox(question)
            box.setObjectName(f"screen_{key}")
            box.setChecked(bool((current or {}).get(key, False)))
            self.boxes[key] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("screenSaveButton")
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("screenCancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def answers(self) -> dict[str, bool]:
        return {key: box.isChecked() for key, box in self.boxes.items()}


def ask_screen(
    parent: QWidget | None, current: Mapping[str, bool] | None
) -> dict[str, bool] | None:
    """Show the dialog; the answers, or None when cancelled."""
    dialog = SafetyScreenDialog(current, parent)
    return dialog.answers() if dialog.exec() == QDialog.DialogCode.Accepted else None
