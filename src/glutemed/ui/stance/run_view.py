"""One trial at a time: the figure, plain instructions, the huge timer and the outcome form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from glutemed.domain.clock import Clock
from glutemed.stance.instructions import WATCH_FOR, steps
from glutemed.stance.protocol import Trial
from glutemed.stance.scoring import fmt_s
from glutemed.ui.common.big_timer_label import BigTimerLabel
from glutemed.ui.common.control_texts import announce
from glutemed.ui.stance.figure import StanceFigure
from glutemed.ui.stance.outcome_form import StanceOutcomeForm


def timer_text(seconds: float) -> str:
    return fmt_s(seconds)


class StanceRunView(QWidget):
    """Widgets for running trials; the page decides what to show when."""

    start_clicked = Signal()
    finish_clicked = Signal()
    abandon_clicked = Signal()

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceRunView")
        outer = QHBoxLayout(self)

        left = QVBoxLayout()
        self.figure = StanceFigure(clock, self)
        left.addWidget(self.figure, 1)
        self.drop_check = QCheckBox("Show a pelvic drop (exaggerated)", self)
        self.drop_check.setToolTip(
            "The figure tilts its pelvis much further than a real drop of a few degrees, "
            "so the movement is easy to see."
        )
        self.drop_check.setObjectName("showDropCheck")
        self.drop_check.toggled.connect(self._show_figure)
        left.addWidget(self.drop_check)
        outer.addLayout(left, 2)

        right = QVBoxLayout()
        self.header = QLabel(self)
        self.header.setObjectName("trialHeader")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 20px; font-weight: bold;")
        right.addWidget(self.header)

        self.instructions = QLabel(self)
        self.instructions.setObjectName("instructionsText")
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.RichText)
        self.instructions.setStyleSheet("font-size: 14px;")
        right.addWidget(self.instructions)

        self.timer = BigTimerLabel("0.0", self)
        self.timer.setObjectName("stanceTimer")
        right.addWidget(self.timer, 1)

        self.hint = QLabel(self)
        self.hint.setObjectName("timerHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-size: 18px;")
        right.addWidget(self.hint)

        self.outcome = StanceOutcomeForm(self)
        right.addWidget(self.outcome)

        buttons = QHBoxLayout()
        self.start_button = QPushButton("Start countdown", self)
        self.start_button.setObjectName("startTrialButton")
        self.start_button.setMinimumHeight(44)
        self.start_button.setStyleSheet("font-size: 16px; font-weight: bold; padding: 0 18px;")
        self.finish_button = QPushButton("Finish and see results", self)
        self.finish_button.setObjectName("finishTestButton")
        self.abandon_button = QPushButton("Stop test", self)
        self.abandon_button.setObjectName("abandonButton")
        self.abandon_button.setToolTip("End the test now; the trials you finished are kept")
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        leave_row = QHBoxLayout()  # its own row: the view fits a narrow window
        leave_row.addWidget(self.finish_button)
        leave_row.addStretch(1)
        leave_row.addWidget(self.abandon_button)
        right.addLayout(leave_row)

        self.done_list = QLabel(self)
        self.done_list.setObjectName("trialsSoFar")
        self.done_list.setWordWrap(True)
        right.addWidget(self.done_list)
        outer.addLayout(right, 3)

        self.outcome.setVisible(False)  # until a trial ends (and out of the minimum size)
        self.start_button.clicked.connect(self.start_clicked)
        self.finish_button.clicked.connect(self.finish_clicked)
        self.abandon_button.clicked.connect(self.abandon_clicked)

    # ----- the page calls these -------------------------------------------------------------

    def show_ready(
        self, side: str, trial_no: int, eyes: str, cap_s: float, can_finish: bool
    ) -> None:
        self.header.setText(
            f"Standing on your {side.upper()} leg · trial {trial_no} of 3 · eyes {eyes}"
        )
        items = "".join(f"<li>{s}</li>" for s in steps(side, eyes, cap_s))  # type: ignore[arg-type]
        self.instructions.setText(f"<ol>{items}</ol><p>{WATCH_FOR}</p>")
        self.instructions.setVisible(True)
        self.timer.setText("0.0")
        self.hint.setText(
            "Stand on both feet, hands on hips, then press Start. Lift your foot on “go”."
        )
        self.hint.setVisible(True)
        self.outcome.setVisible(False)
        self.start_button.setVisible(True)
        self.finish_button.setVisible(can_finish)
        self.abandon_button.setVisible(True)
        self.drop_check.setEnabled(True)
        self.drop_check.setVisible(True)
        self.figure.side = side
        self._show_figure()
        self.start_button.setFocus()

    def show_countdown(self, number: int) -> None:
        self.instructions.setVisible(False)
        self.start_button.setVisible(False)
        self.finish_button.setVisible(False)
        self.abandon_button.setVisible(False)
        self.drop_check.setVisible(False)
        self.timer.setText(str(number))
        self.hint.setVisible(True)
        self.figure.show_pose(self.figure.side, one_leg=False)  # get ready on both feet
        self.hint.setProperty("mode", None)  # the next timing tick starts a new trial
        announce(self.timer)  # 3, 2, 1 read out
        self.hint.setText("Get ready… lift your foot on “go”. Any key cancels.")

    def show_timing(self, seconds: float) -> None:
        if self.hint.property("mode") != "timing":
            self.hint.setProperty("mode", "timing")
            self.hint.setText("Press any key or click anywhere to stop")
            self.figure.show_pose(self.figure.side, one_leg=True)  # held still while timing
        self.timer.setText(timer_text(seconds))

    def show_outcome(self, trial: Trial, eyes: str) -> None:
        self.hint.setProperty("mode", None)
        self.timer.setText(timer_text(trial.seconds))
        announce(self.timer)  # the time held is read out once, when it stops
        self.hint.setText("")
        self.hint.setVisible(False)  # room for the questions in a short window
        self.outcome.ask(trial, eyes)
        self.outcome.setVisible(True)
        self.abandon_button.setVisible(True)
        self.outcome.setFocus()

    def set_done(self, trials: list[Trial]) -> None:
        if not trials:
            self.done_list.setText("")
            return
        parts = [f"{t.side[0].upper()}{t.trial_no} {fmt_s(t.seconds)} s" for t in trials]
        self.done_list.setText("Done so far:  " + "  ·  ".join(parts))

    def _show_figure(self) -> None:
        """Before a trial: on both feet as the text says, or the pelvic drop shown moving."""
        if self.drop_check.isChecked():
            self.figure.show_stance(self.figure.side, pelvic_drop=True)
        else:
            self.figure.show_pose(self.figure.side, one_leg=False)
