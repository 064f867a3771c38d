"""The figure the workout player drives, and the rep length it counts by.

The motion branch provides `glutemed.ui.figure_widget.FigureWidget` and
`glutemed.motion.load_animation`. Until they are present this module supplies a plain
stand-in with the same interface, so the player works (and is tested) either way. The
player never lets the figure run on its own clock: it calls `show_time(t_in_rep)` with the
session's time, so one counted rep is exactly one demo rep.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from glutemed.training.plan import DEFAULT_REP_SECONDS, RepSeconds


class StandInFigure(QWidget):
    """Draws the exercise name and a rep progress bar; emits rep_completed like the demo."""

    rep_completed = Signal(int)
    phase_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, clock: object = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureWidget")
        self.setMinimumSize(240, 220)
        self.demo: tuple[str, str, str] = ("", "standard", "left")
        self.band: str | None = None
        self.t = 0.0
        self.reps = 0
        self.rep_s = DEFAULT_REP_SECONDS

    def set_demo(self, exercise_id: str, variation_id: str, side: str) -> None:
        if (exercise_id, variation_id, side) != self.demo:
            self.demo = (exercise_id, variation_id, side)
            self.t = 0.0
            self.reps = 0
            self.update()

    def set_band_level(self, name: str | None) -> None:
        self.band = name

    def set_rep_seconds(self, seconds: float) -> None:
        self.rep_s = seconds

    def play(self) -> None:  # the real figure can run on its own; this one only follows
        pass

    def pause(self) -> None:
        pass

    def show_time(self, t_in_rep: float) -> None:
        if t_in_rep + 1e-6 < self.t:  # wrapped round: one demo rep finished
            self.reps += 1
            self.rep_completed.emit(self.reps)
        self.t = t_in_rep
        self.update()

    def reset_reps(self) -> None:
        self.reps = 0
        self.t = 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        pale = self.palette().mid().color()
        pen = QPen(pale, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 12, 12)
        painter.setPen(self.palette().text().color())
        name = self.demo[0].replace("_", " ").capitalize() or "Demo"
        label = f"{name}\n{self.demo[2]} side"
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        bar = QRectF(rect.left() + 24, rect.bottom() - 36, rect.width() - 48, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pale)
        painter.drawRoundedRect(bar, 5, 5)
        fraction = min(1.0, self.t / self.rep_s) if self.rep_s > 0 else 0.0
        painter.setBrush(QColor("#d9822b"))
        painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * fraction, 10), 5, 5)


def make_figure(parent: QWidget | None = None) -> QWidget:
    """The motion branch's FigureWidget when present, else the stand-in."""
    try:
        module = importlib.import_module("glutemed.ui.figure_widget")
        figure: QWidget = module.FigureWidget(parent)
    except (ImportError, AttributeError):
        return StandInFigure(parent)
    return figure


def motion_rep_seconds(tempo: float = 1.0) -> RepSeconds:
    """Rep length from each animation at the user's tempo (above 1 is faster), or the default."""
    try:
        motion = importlib.import_module("glutemed.motion")
        load: Callable[[str], object] = motion.load_animation
    except (ImportError, AttributeError):
        load = None  # type: ignore[assignment]
    cache: dict[tuple[str, str], float] = {}

    def rep_seconds(exercise_id: str, variation_id: str) -> float:
        key = (exercise_id, variation_id)
        if key not in cache:
            seconds = DEFAULT_REP_SECONDS / tempo
            if load is not None:
                try:
                    animation = load(exercise_id)
                    seconds = float(animation.rep_duration(variation_id, tempo))  # type: ignore[attr-defined]
                except Exception:  # a missing or broken animation must not stop a workout
                    seconds = DEFAULT_REP_SECONDS / tempo
            cache[key] = seconds
        return cache[key]

    return rep_seconds
