"""After a trial stops: how it ended, what the pelvis and trunk did, or redo a false start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from glutemed.stance.instructions import REASON_LABELS
from glutemed.stance.protocol import MANUAL_REASONS, Trial, reasons_for
from glutemed.stance.scoring import fmt_s


class StanceOutcomeForm(QFrame):
    """Emits `saved(ended_by, pelvis_dropped, trunk_lean)` or `retry_requested()`."""

    saved = Signal(str, bool, bool)
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Takes focus after a stop so a held-down key cannot press a button here.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)

        self._title = QLabel(self)
        self._title.setObjectName("outcomeTitle")
        self._title.setStyleSheet("font-weight: bold; font-size: 15px;")
        layout.addWidget(self._title)

        self._reasons = QButtonGroup(self)
        self._reason_buttons: dict[str, QRadioButton] = {}
        reasons_row = QGridLayout()  # two columns: the form fits a short window
        for i, reason in enumerate(MANUAL_REASONS):
            button = QRadioButton(REASON_LABELS[reason], self)
            button.setObjectName(f"reason_{reason}")
            self._reasons.addButton(button)
            self._reason_buttons[reason] = button
            reasons_row.addWidget(button, i // 2, i % 2)
        layout.addLayout(reasons_row)

        seen = QLabel("What did you notice?", self)
        seen.setStyleSheet("font-weight: bold; margin-top: 6px;")
        layout.addWidget(seen)
        self.pelvis_check = QCheckBox("My pelvis dropped on the lifted-leg side", self)
        self.pelvis_check.setObjectName("pelvisDroppedCheck")
        self.trunk_check = QCheckBox("I leaned my trunk to one side", self)
        self.trunk_check.setObjectName("trunkLeanCheck")
        layout.addWidget(self.pelvis_check)
        layout.addWidget(self.trunk_check)

        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save trial", self)
        self.save_button.setObjectName("saveTrialButton")
        self.save_button.setToolTip("Save this trial (Enter)")
        self.retry_button = QPushButton("False start: redo this trial", self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setToolTip("Forget this time and do the same trial again")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self._emit_saved)
        self.retry_button.clicked.connect(self.retry_requested)
        self._capped = False

    def ask(self, trial: Trial, eyes: str) -> None:
        """Reset the form for a trial that just stopped."""
        self._capped = trial.capped
        if trial.capped:
            self._title.setText(f"You reached the {trial.seconds:g} s limit. Well held!")
        else:
            self._title.setText(f"{fmt_s(trial.seconds)} s. How did it end?")
        allowed = reasons_for(eyes)  # type: ignore[arg-type]
        self._reasons.setExclusive(False)
        for reason, button in self._reason_buttons.items():
            button.setChecked(False)
            button.setVisible(not trial.capped and reason in allowed)
        self._reasons.setExclusive(True)
        if not trial.capped:
            self._reason_buttons["foot_down"].setChecked(True)  # the most common ending
        self.pelvis_check.setChecked(False)
        self.trunk_check.setChecked(False)

    def chosen_reason(self) -> str:
        if self._capped:
            return "cap"
        for reason, button in self._reason_buttons.items():
            if button.isChecked():
                return reason
        return "manual"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter saves from anywhere in the form; a held-down key (the one that stopped
        # the timer) repeats, and a repeat never saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self._emit_saved()
            return
        super().keyPressEvent(event)

    def _emit_saved(self) -> None:
        self.saved.emit(
            self.chosen_reason(), self.pelvis_check.isChecked(), self.trunk_check.isChecked()
        )
