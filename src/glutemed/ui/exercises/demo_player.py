"""DemoPlayer: the figure plus its controls (play, step, speed, loop, view, side)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from glutemed.domain.clock import Clock
from glutemed.ui.figure.widget import FigureWidget

SPEEDS = (0.5, 0.75, 1.0, 1.5, 2.0)
VIEWS = (("best", "Best"), ("front", "Front"), ("side", "Side"), ("top", "Top"))


class DemoPlayer(QWidget):
    """What the Exercises page embeds; all controls have stable objectNames."""

    save_gif_requested = Signal()
    side_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoPlayer")
        self.figure = FigureWidget(self, clock)
        self.play_button = self._button("playButton", "Pause", "Play or pause (Space)")
        self.play_button.clicked.connect(self.figure.toggle)
        # As wide as its widest word, so Pause turning into Play moves nothing beside it.
        self.play_button.setFixedWidth(self.play_button.sizeHint().width())
        self.figure.playing_changed.connect(self._show_playing)
        self.step_button = self._button("stepButton", "Step", "Show the next frame")
        self.step_button.clicked.connect(self.figure.step)
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("speedCombo")
        self.speed_combo.setToolTip("Playback speed")
        for speed in SPEEDS:
            self.speed_combo.addItem(f"{speed:g}×", speed)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.currentIndexChanged.connect(
            lambda i: self.figure.set_speed(float(self.speed_combo.itemData(i)))
        )
        self.loop_check = QCheckBox("Loop", self)
        self.loop_check.setObjectName("loopCheck")
        self.loop_check.setChecked(True)
        self.loop_check.toggled.connect(self.figure.set_loop)
        self.view_group = QButtonGroup(self)
        view_row = QHBoxLayout()
        view_row.setSpacing(2)
        for name, label in VIEWS:
            button = self._button(f"view{label}Button", label, f"{label} view")
            button.setCheckable(True)
            button.setChecked(name == "best")
            button.clicked.connect(lambda _=False, n=name: self.figure.set_view(n))
            self.view_group.addButton(button)
            view_row.addWidget(button)
        self.side_combo = QComboBox(self)
        self.side_combo.setObjectName("sideCombo")
        self.side_combo.setToolTip("Which leg works")
        self.side_combo.addItem("Right side", "right")
        self.side_combo.addItem("Left side", "left")
        self.side_combo.currentIndexChanged.connect(self._side_picked)
        self.save_button = self._button("saveGifButton", "Save as GIF…", "Save this demo")
        self.save_button.clicked.connect(self.save_gif_requested)

        # Two rows so no control is squeezed to "..." when the page is narrow.
        playback = QHBoxLayout()
        for w in (self.play_button, self.step_button, self.speed_combo, self.loop_check):
            playback.addWidget(w)
        playback.addStretch(1)
        playback.addWidget(self.save_button)
        viewing = QHBoxLayout()
        viewing.addWidget(QLabel("View:", self))
        viewing.addLayout(view_row)
        viewing.addStretch(1)
        viewing.addWidget(self.side_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.figure, 1)
        layout.addLayout(playback)
        layout.addLayout(viewing)

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def set_demo(
        self, exercise_id: str, variation_id: str = "standard", side: str | None = None
    ) -> None:
        """Show an exercise and start playing it (keeps the chosen side unless given)."""
        chosen = side or self.side()
        if side is not None:
            self.side_combo.blockSignals(True)
            self.side_combo.setCurrentIndex(0 if side == "right" else 1)
            self.side_combo.blockSignals(False)
        self.figure.set_demo(exercise_id, variation_id, chosen)
        self.figure.play()

    def save_gif(self, path: str, size: tuple[int, int] = (480, 360)) -> None:
        """Write the demo as shown (exercise, variation, side, band) to *path* (.gif/.png)."""
        from glutemed.report.gif import render_demo

        exercise, variation, side, band = self.figure.demo()
        render_demo(exercise, variation, side, "best", size, path, band_level=band)

    def side(self) -> str:
        return str(self.side_combo.currentData())

    def _side_picked(self, _index: int) -> None:
        self.figure.set_side(self.side())
        self.figure.play()
        self.side_changed.emit(self.side())

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setText("Pause" if playing else "Play")
