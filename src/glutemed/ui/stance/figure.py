"""The stance-test figure: a person on one leg, hands on hips, level or with a pelvic drop."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from glutemed.domain.clock import Clock
from glutemed.ui.figure.widget import FigureWidget


class StanceFigure(QFrame):
    """Shows a person standing on *side* (the standing leg), level or with a pelvic drop."""

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureSlot")
        self.setMinimumSize(200, 240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.figure = FigureWidget(parent=self, clock=clock)
        layout.addWidget(self.figure)
        self.side = "left"
        self.variation = "standard"

    def show_stance(self, side: str, pelvic_drop: bool = False) -> None:
        """Play the movement on *side* (the standing leg) over and over."""
        self.side = side
        self.variation = "pelvic_drop" if pelvic_drop else "standard"
        self.figure.set_demo("stance_test", self.variation, side)
        self.figure.play()

    def show_pose(self, side: str, one_leg: bool) -> None:
        """Hold still: on both feet, or on *side* with the other leg lifted."""
        self.side, self.variation = side, "standard"
        self.figure.set_demo("stance_test", "standard", side)
        self.figure.pause()
        # The start of the movement is both feet down; just after its peak (the hold),
        # the leg is lifted.
        self.figure.show_time(self.figure.peak_time() + 0.5 if one_leg else 0.0)

    def pause(self) -> None:
        self.figure.pause()

    def play(self) -> None:
        self.figure.play()
