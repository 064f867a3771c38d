"""An optional 0-10 pain score (Numeric Pain Rating Scale) before or after a workout."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PainPrompt(QWidget):
    answered = Signal(object)  # int 0-10, or None when skipped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painPrompt")
        self.question = QLabel()
        self.question.setObjectName("painQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 18pt; font-weight: 600;")
        hint = QLabel(
            "0 is no pain at all, 10 the worst pain you can imagine. "
            "Keys 0 to 9 pick a score too. You can skip this."
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)

        grid = QGridLayout()
        self.score_buttons: list[QPushButton] = []
        for score in range(11):
            button = QPushButton(str(score))
            button.setObjectName(f"painScore{score}")
            button.setMinimumSize(44, 52)  # eleven fit a narrow (800-px) window
            button.setStyleSheet("font-size: 16pt;")
            button.clicked.connect(lambda _=False, s=score: self.answered.emit(s))
            grid.addWidget(button, 0, score)
            self.score_buttons.append(button)
        ends = QHBoxLayout()
        ends.addWidget(QLabel("no pain"))
        ends.addStretch(1)
        ends.addWidget(QLabel("worst imaginable"))

        self.skip_button = QPushButton("Skip")
        self.skip_button.setObjectName("painSkipButton")
        self.skip_button.clicked.connect(lambda: self.answered.emit(None))
        skip_row = QHBoxLayout()
        skip_row.addStretch(1)
        skip_row.addWidget(self.skip_button)
        skip_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addLayout(ends)
        layout.addSpacing(12)
        layout.addLayout(skip_row)
        layout.addStretch(2)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # number keys need the focus

    def ask(self, question: str) -> None:
        self.question.setText(question)
        QTimer.singleShot(0, self, self.setFocus)  # once the page is on screen

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isdigit() and not event.modifiers() & ~_KEYPAD:
            self.answered.emit(int(text))
            return
        super().keyPressEvent(event)


_KEYPAD = Qt.KeyboardModifier.KeypadModifier
