"""The Progress page's symmetry graph: weaker leg over stronger leg, in per cent."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QWidget

from glutemed.render.graphs.frames import Line
from glutemed.render.graphs.plot_card import PlotCard, bin_label, nearest, show_line


class SymmetryGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(
            "symmetry", "Symmetry between legs (weaker leg / stronger leg)", tz, parent
        )
        self.item.setLabel("left", "%")
        self.curve = self.add_curve("#808080", "Symmetry")
        self.item.setYRange(0, 105, padding=0)
        self.data: Line | None = None

    def show(self, data: Line) -> None:  # type: ignore[override]
        self.data = data
        show_line(self.curve, data)
        self.set_empty(None if data.points else "Symmetry appears once a test has timed both legs.")
        self.marker.hide()

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        i = None if self.data is None else nearest(self.data.x, x)
        if self.data is None or i is None:
            return None
        p = self.data.points[i]
        tests = "1 test" if p.count == 1 else f"average of {p.count} tests"
        return f"{bin_label(p)}: {p.value:.0f}% ({tests})", (float(self.data.x[i]), p.value)
