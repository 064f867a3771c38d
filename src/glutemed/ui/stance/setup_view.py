"""Before a test: what it is, eyes open or closed, the time limit, Start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from glutemed.domain.rules import CAP_CHOICES, DEFAULT_CAP_S
from glutemed.stance.instructions import INTRO
from glutemed.ui.stance.figure import StanceFigure

PICTURE_FROM = 490  # px of width from which the test pose is shown beside the text


class StanceSetupView(QWidget):
    """Emits `start_requested(eyes, cap_s)`, or `camera_requested(eyes, cap_s)` for the
    hands-free test (offered only when a camera is there)."""

    start_requested = Signal(str, float)
    camera_requested = Signal(str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceSetupView")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout()
        outer.addLayout(layout, 3)
        # What the test looks like, before it starts: on one leg, hands on hips.
        self.figure = StanceFigure(None, self)
        self.figure.setToolTip("The test: stand on one leg, hands on your hips")
        self.figure.show_pose("left", one_leg=True)
        self.figure.setMinimumSize(160, 200)  # a picture beside the text, not a stage
        outer.addWidget(self.figure, 2)

        title = QLabel("Single-leg stance test", self)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(title)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        intro.setStyleSheet("font-size: 14px;")
        layout.addWidget(intro)

        form = QFormLayout()
        eyes_row = QHBoxLayout()
        self.eyes_open = QRadioButton("Eyes open", self)
        self.eyes_open.setObjectName("eyesOpenRadio")
        self.eyes_closed = QRadioButton("Eyes closed (harder)", self)
        self.eyes_closed.setObjectName("eyesClosedRadio")
        self.eyes_open.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.eyes_open)
        group.addButton(self.eyes_closed)
        eyes_row.addWidget(self.eyes_open)
        eyes_row.addWidget(self.eyes_closed)
        eyes_row.addStretch(1)
        form.addRow("Eyes:", eyes_row)
        self.eyes_note = QLabel(self)
        self.eyes_note.setObjectName("eyesClosedNote")
        self.eyes_note.setWordWrap(True)
        form.addRow("", self.eyes_note)

        self.cap_combo = QComboBox(self)
        self.cap_combo.setObjectName("capCombo")
        for cap in CAP_CHOICES:
            suffix = " (as in the study)" if cap == DEFAULT_CAP_S else ""
            self.cap_combo.addItem(f"{cap:g} seconds{suffix}", cap)
        form.addRow("Time limit per trial:", self.cap_combo)
        layout.addLayout(form)

        self.profile_note = QLabel(self)
        self.profile_note.setObjectName("profileNote")
        self.profile_note.setWordWrap(True)
        layout.addWidget(self.profile_note)

        row = QHBoxLayout()
        self.start_button = QPushButton("Start the test", self)
        self.start_button.setObjectName("startTestButton")
        self.start_button.setMinimumHeight(40)
        self.start_button.setStyleSheet("font-size: 15px; font-weight: bold; padding: 0 18px;")
        row.addWidget(self.start_button)
        self.camera_button = QPushButton("Use camera", self)
        self.camera_button.setObjectName("useCameraButton")
        self.camera_button.setMinimumHeight(40)
        self.camera_button.setToolTip(
            "The camera times each trial and measures the pelvic drop. Pictures stay on "
            "this computer, in memory only."
        )
        self.camera_button.setVisible(False)
        row.addWidget(self.camera_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.camera_note = QLabel(self)
        self.camera_note.setObjectName("cameraNote")
        self.camera_note.setWordWrap(True)
        self.camera_note.setVisible(False)
        layout.addWidget(self.camera_note)
        layout.addStretch(1)
        self.start_button.clicked.connect(self._start)
        self.camera_button.clicked.connect(
            lambda: self.camera_requested.emit(self.eyes(), self.cap_s())
        )

    def set_camera_available(self, available: bool) -> None:
        self.camera_button.setVisible(available)

    def show_camera_note(self, text: str) -> None:
        """Why the camera test stopped or cannot start; the manual test is still here."""
        self.camera_note.setText(text)
        self.camera_note.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The picture only where there is room beside the text; the words come first.
        self.figure.setVisible(self.width() >= PICTURE_FROM)

    def set_defaults(self, cap_s: float, note: str) -> None:
        index = self.cap_combo.findData(cap_s if cap_s in CAP_CHOICES else DEFAULT_CAP_S)
        self.cap_combo.setCurrentIndex(index)
        self.profile_note.setText(note)
        self.profile_note.setVisible(bool(note))

    def set_eyes_closed_allowed(self, allowed: bool, why: str) -> None:
        """Offer eyes closed only once eyes open is steady enough (Vellas et al. 1997)."""
        self.eyes_closed.setEnabled(allowed)
        self.eyes_closed.setToolTip("" if allowed else why)
        if not allowed:
            self.eyes_open.setChecked(True)
        self.eyes_note.setText("" if allowed else why)
        self.eyes_note.setVisible(not allowed)

    def eyes(self) -> str:
        return "closed" if self.eyes_closed.isChecked() else "open"

    def cap_s(self) -> float:
        return float(self.cap_combo.currentData())

    def _start(self) -> None:
        self.start_requested.emit(self.eyes(), self.cap_s())
