"""The Progress page's pelvic drop graph: what the camera measured, per standing leg."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QWidget

from glutemed.render.graphs.frames import LEFT_COLOUR, RIGHT_COLOUR, Line
from glutemed.render.graphs.plot_card import PlotCard, bin_label, nearest, show_line

EMPTY = (
    "The camera stance test measures how far the pelvis drops on the lifted side. "
    "Use the camera on the Stance test page (Ctrl+3) to see it here."
)


class PelvicDropGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("pelvis", "Pelvic drop on the lifted side (camera)", tz, parent)
        self.item.setLabel("left", "degrees")
        self.curves = {
            "left": self.add_curve(LEFT_COLOUR, "Standing on the left leg"),
            "right": self.add_curve(RIGHT_COLOUR, "Standing on the right leg"),
        }
        self.level = self.add_hline(0.0, "#808080", "level pelvis")
        self.lines: dict[str, Line] = {}

    def show(self, lines: dict[str, Line]) -> None:  # type: ignore[override]
        self.lines = lines
        for side, curve in self.curves.items():
            show_line(curve, lines[side])
        values = [p.value for line in lines.values() for p in line.points]
        low = min([-2.0, *values]) - 1.0
        high = max([8.0, *values]) + 1.0
        self.item.setYRange(low, high, padding=0)
        self.set_empty(None if values else EMPTY)
        self.marker.hide()

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        best: tuple[float, str, int] | None = None
        for side, data in self.lines.items():
            i = nearest(data.x, x)
            if i is None:
                continue
            distance = abs(float(data.x[i]) - x) + abs(data.points[i].value - y) * 1e4
            if best is None or distance < best[0]:
                best = (distance, side, i)
        if best is None:
            return None
        _, side, i = best
        data = self.lines[side]
        p = data.points[i]
        tests = "1 test" if p.count == 1 else f"average of {p.count} tests"
        text = f"{bin_label(p)}: standing on the {side} leg, {p.value:+.1f}° ({tests})"
        return text, (float(data.x[i]), p.value)
