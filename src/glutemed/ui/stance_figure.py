"""The stance-test figure: the motion branch's FigureWidget, or a marked placeholder.

A small adapter so the page never depends on whether the animation has landed yet.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from glutemed.training.clock import Clock


def _figure_class() -> Any:
    try:
        from glutemed.ui.figure_widget import FigureWidget
    except ModuleNotFoundError as exc:
        if exc.name != "glutemed.ui.figure_widget":
            raise  # a real bug inside the figure module must not be hidden
        return None
    return FigureWidget


class StanceFigure(QFrame):
    """Shows a person standing on *side* (the standing leg), level or with a pelvic drop."""

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureSlot")
        self.setMinimumSize(260, 320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        figure_class = _figure_class()
        self.figure: Any = None
        if figure_class is not None:
            self.figure = figure_class(parent=self, clock=clock)
            layout.addWidget(self.figure)
        else:
            # PLACEHOLDER until glutemed.ui.figure_widget (motion branch) is on main.
            self.setFrameShape(QFrame.Shape.StyledPanel)
            label = QLabel("Stance figure\n(animation coming soon)", self)
            label.setObjectName("figurePlaceholder")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setEnabled(False)
            layout.addWidget(label)
        self.side = "left"
        self.variation = "standard"

    @property
    def is_placeholder(self) -> bool:
        return self.figure is None

    def show_stance(self, side: str, pelvic_drop: bool = False) -> None:
        self.side = side
        self.variation = "pelvic_drop" if pelvic_drop else "standard"
        if self.figure is not None:
            self.figure.set_demo("stance_test", self.variation, side)
            self.figure.play()

    def pause(self) -> None:
        if self.figure is not None:
            self.figure.pause()

    def play(self) -> None:
        if self.figure is not None:
            self.figure.play()
