"""The morning check-in: one tap to say whether yesterday's exercise pain has settled."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from glutemed.training.pain_rule import SOURCE


class CheckInBanner(QFrame):
    answered = Signal(bool)  # True: settled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(
            "Morning check-in: has any pain from your last workout settled by this morning? "
            f"The plan holds or steps back if not ({SOURCE})."
        )
        text.setWordWrap(True)
        self.settled = QPushButton("Settled")
        self.settled.setObjectName("checkInSettledButton")
        self.settled.setToolTip("The pain from the last workout has settled by this morning")
        self.settled.clicked.connect(lambda: self.answered.emit(True))
        self.not_settled = QPushButton("Not settled")
        self.not_settled.setObjectName("checkInNotSettledButton")
        self.not_settled.setToolTip("The pain from the last workout has not settled yet")
        self.not_settled.clicked.connect(lambda: self.answered.emit(False))
        layout = QHBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(self.settled)
        layout.addWidget(self.not_settled)
