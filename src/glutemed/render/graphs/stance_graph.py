"""The Progress page's single-leg stance graph: best time per side, records, cap and norm."""

from __future__ import annotations

from datetime import tzinfo

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from glutemed.domain.rules import DEFAULT_CAP_S
from glutemed.progress.text import seconds_text
from glutemed.render.graphs.frames import DAY_S, LEFT_COLOUR, RIGHT_COLOUR, StanceFrame
from glutemed.render.graphs.plot_card import PlotCard, bin_label, nearest, show_line

NORM_COLOUR = "#009E73"
GREY = "#808080"


class StanceGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("stance", "Single-leg stance: best time", tz, parent)
        self.item.setLabel("left", "seconds")
        self.curves = {
            "left": self.add_curve(LEFT_COLOUR, "Left leg"),
            "right": self.add_curve(RIGHT_COLOUR, "Right leg"),
        }
        self.bests = pg.ScatterPlotItem(symbol="star", size=16)
        self.bests.setZValue(10)
        self.item.addItem(self.bests)
        self.outline_in_text_colour(self.bests)
        self.set_legend_entry("bests", GREY, "Personal best", symbol="★")
        self.cap_line = self.add_hline(DEFAULT_CAP_S, GREY, "cap")  # moved to the real cap
        self.norm_line = self.add_hline(0.0, NORM_COLOUR, "norm")
        self.frame: StanceFrame | None = None

    def show(self, f: StanceFrame) -> None:  # type: ignore[override]
        self.frame = f
        for side in ("left", "right"):
            show_line(self.curves[side], f.left if side == "left" else f.right)
        self.bests.setData(f.best_x, f.best_y, brush=f.best_brushes)
        self.set_hline(self.cap_line, f.cap_s, f"time limit {f.cap_s:.0f} s")
        if f.norm is not None:
            seconds = f.norm.seconds
            label = f"{f.norm.label}: {seconds:g} s"
            self.set_hline(self.norm_line, seconds, label)
        self.show_hline(self.norm_line, f.norm is not None)
        self.item.setYRange(0, f.top, padding=0)
        empty = not f.left.points and not f.right.points
        self.set_empty(
            f"No eyes-{f.eyes} stance tests yet. Take the stance test (Ctrl+3) to start."
            if empty
            else None
        )
        self.marker.hide()

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        f = self.frame
        if f is None:
            return None
        lines = {"left": f.left, "right": f.right}
        best: tuple[float, str, int] | None = None
        for side, data in lines.items():
            i = nearest(data.x, x)
            if i is None:
                continue
            p = data.points[i]
            dist = abs(data.x[i] - x) / (DAY_S * p.size) + abs(p.value - y) / 50.0
            if best is None or dist < best[0]:
                best = (dist, side, i)
        if best is None:
            return None
        _, side, i = best
        data = lines[side]
        p = data.points[i]
        parts = [f"{side} {seconds_text(p.value)}"]
        other = "right" if side == "left" else "left"
        j = nearest(lines[other].x, data.x[i])
        if j is not None and lines[other].points[j].start == p.start:
            parts.append(f"{other} {seconds_text(lines[other].points[j].value)}")
        prefix = "best " if p.size > 1 else ""
        text = f"{bin_label(p)}: {prefix}" + ", ".join(parts) + f" (eyes {f.eyes})"
        if (side, p.start) in f.records:
            text += " - personal best"
        return text, (float(data.x[i]), p.value)
