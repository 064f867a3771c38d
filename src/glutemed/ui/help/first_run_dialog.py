"""First run: the safety screen that must be acknowledged, and an optional profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog.safety import SAFETY_INTRO, SAFETY_SECTIONS, SAFETY_SOURCE
from glutemed.domain.localtz import local_today
from glutemed.domain.records import Profile


def safety_html() -> str:
    parts = [f"<p>{SAFETY_INTRO}</p>"]
    for section in SAFETY_SECTIONS:
        items = "".join(f"<li>{point}</li>" for point in section.points)
        parts.append(f"<h3>{section.title}</h3><ul>{items}</ul>")
    parts.append(f"<p><small>{SAFETY_SOURCE}</small></p>")
    return "".join(parts)


class FirstRunDialog(QDialog):
    """Blocks until the user confirms they have read the safety notes."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle("Before you start")
        self.setModal(True)
        self.resize(620, 640)
        self._profile = profile

        text = QLabel(safety_html())
        text.setObjectName("safetyText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setContentsMargins(8, 4, 8, 4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(text)

        self.ack = QCheckBox("I have read this and will stop if anything above applies to me")
        self.ack.setObjectName("safetyAck")

        optional = QGroupBox("About you (optional, change any time in Settings)")
        form = QFormLayout(optional)
        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("birthYear")
        self.birth_year.setRange(1899, local_today().year)
        self.birth_year.setSpecialValueText("Prefer not to say")
        self.birth_year.setValue(profile.birth_year or 1899)
        form.addRow("Year of birth (for age norms):", self.birth_year)
        self.side_order = QComboBox()
        self.side_order.setObjectName("sideOrder")
        self.side_order.addItem("Left side first", "left_first")
        self.side_order.addItem("Right side first", "right_first")
        self.side_order.setCurrentIndex(0 if profile.preferred_side_order == "left_first" else 1)
        form.addRow("Start with:", self.side_order)
        self.sound_on = QCheckBox("Play sound cues")
        self.sound_on.setObjectName("soundOn")
        self.sound_on.setChecked(profile.sound != "silent")
        form.addRow("", self.sound_on)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Continue")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setIcon(QIcon())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("continueButton")
        self.buttons.accepted.connect(self.accept)
        self.ack.toggled.connect(self._update_ok)
        self._update_ok()

        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Please read this first</h2>")
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.ack)
        layout.addWidget(optional)
        layout.addWidget(self.buttons)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.ack.isChecked())

    def accept(self) -> None:
        # The acknowledgement is the point of this screen: no way round it.
        if self.ack.isChecked():
            super().accept()

    def profile(self) -> Profile:
        """The profile with the user's answers applied and the acknowledgement recorded."""
        year = self.birth_year.value()
        self._profile.birth_year = None if year == self.birth_year.minimum() else year
        self._profile.preferred_side_order = str(self.side_order.currentData())
        if not self.sound_on.isChecked():
            self._profile.sound = "silent"
        elif self._profile.sound == "silent":
            self._profile.sound = "beeps"
        self._profile.safety_acknowledged = True
        return self._profile
