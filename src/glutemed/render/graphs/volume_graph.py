"""The Progress page's training volume graph: reps or sets per week or month, by exercise."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from glutemed.progress.series import MONTHLY
from glutemed.progress.text import day_text, exercise_name
from glutemed.render.graphs.frames import VolumeFrame
from glutemed.render.graphs.plot_card import PlotCard, nearest

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
EXERCISE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")


class VolumeGraph(PlotCard):
    def __init__(self, tz: tzinfo, names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__("volume", "Training volume", tz, parent)
        self.names = names  # exercise id -> display name
        self.measure = "reps"
        # Every stacked segment in one item: one paint call instead of one per exercise.
        self.bars = pg.BarGraphItem(x=[0], height=[0], width=1, pen=None)
        self.item.addItem(self.bars)
        self._colours: dict[str, str] = {}
        self.frame: VolumeFrame | None = None
        self._totals = np.zeros(0)
        self._label = ""

    def set_measure(self, measure: str) -> None:
        self.measure = measure
        if self.frame is not None:
            self.show(self.frame)

    def _colour(self, exercise_id: str) -> str:
        colour = self._colours.get(exercise_id)
        if colour is None:
            colour = EXERCISE_COLOURS[len(self._colours) % len(EXERCISE_COLOURS)]
            self._colours[exercise_id] = colour
            self.set_legend_entry(
                exercise_id, colour, exercise_name(exercise_id, self.names), symbol="■"
            )
        return colour

    def show(self, f: VolumeFrame) -> None:  # type: ignore[override]
        self.frame = f
        period = "month" if f.monthly else "week"
        label = f"{self.measure} per {period}"
        if label != self._label:
            self._label = label
            self.item.setLabel("left", label)
            self.heading.setText(f"Training volume per {period}")
        rows = f.heights[self.measure]
        n = len(f.bins)
        base = np.zeros(n)
        xs, y0s, hs, brushes = [], [], [], []
        for k, ex in enumerate(f.exercises):
            colour = pg.mkBrush(self._colour(ex))
            xs.append(f.x)
            y0s.append(base.copy())
            hs.append(rows[k])
            brushes.extend([colour] * n)
            base = base + rows[k]
        self._totals = base
        if xs:
            self.bars.setOpts(
                x=np.concatenate(xs),
                y0=np.concatenate(y0s),
                height=np.concatenate(hs),
                width=f.width,
                brushes=brushes,
            )
        else:
            self.bars.setOpts(x=[], y0=[], height=[], brushes=[])
        self.bars.setVisible(bool(xs))
        self.set_empty(None if n else "No workouts yet. Start one on the Workout page (Ctrl+2).")
        self.marker.hide()
        self.fit_y()

    def fit_y(self) -> None:
        top = float(self._totals.max()) if len(self._totals) else 0.0
        self.item.setYRange(0, max(10.0, top * 1.1), padding=0)

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        f = self.frame
        i = None if f is None else nearest(f.x, x)
        if f is None or i is None:
            return None
        b = f.bins[i]
        parts = ", ".join(
            f"{exercise_name(e.exercise_id, self.names)} {getattr(e, self.measure)}"
            for e in b.by_exercise
        )
        label = f"{b.start:%B %Y}" if b.size == MONTHLY else f"week of {day_text(b.start)}"
        total = int(self._totals[i])
        text = f"{label}: {total} {self.measure}" + (f" - {parts}" if parts else "")
        return text, (float(f.x[i]), float(total))
