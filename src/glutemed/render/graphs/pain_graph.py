"""The Progress page's pain graph, with the baseline and its clinically important band."""

from __future__ import annotations

from datetime import tzinfo

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QWidget

from glutemed.domain.history import PAIN_MCID_FRACTION, PAIN_MCID_POINTS, PainBaseline
from glutemed.domain.wording import counted
from glutemed.render.graphs.frames import Line
from glutemed.render.graphs.plot_card import PlotCard, bin_label, nearest, show_line


class PainGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("pain", "Pain (0-10 rating scale)", tz, parent)
        self.item.setLabel("left", "pain")
        self.item.setYRange(-0.3, 10.3, padding=0)
        self.curve = self.add_curve("#D55E00", "Pain")
        self.band = pg.LinearRegionItem(
            orientation="horizontal", movable=False, brush=pg.mkBrush(0, 114, 178, 35)
        )
        self.band.setZValue(-10)
        for edge in self.band.lines:
            edge.setPen(pg.mkPen(None))
        self.item.addItem(self.band, ignoreBounds=True)
        self.baseline_line = self.add_hline(0.0, "#0072B2", "baseline")
        self.caption = QLabel()
        self.caption.setObjectName("painCaption")
        self.caption.setWordWrap(True)
        self.body_layout.addWidget(self.caption)
        self.data: Line | None = None
        self.baseline: PainBaseline | None = None

    def show(self, data: Line, baseline: PainBaseline | None) -> None:  # type: ignore[override]
        self.data = data
        show_line(self.curve, data)
        self.set_empty(
            None if data.points else "No pain entries yet. Log one in the Pain diary (Ctrl+5)."
        )
        self.marker.hide()
        if baseline == self.baseline and self.caption.text():
            return  # same baseline: leave band and caption alone (no re-layout)
        self.baseline = baseline
        self.band.setVisible(baseline is not None)
        if baseline is None:
            self.show_hline(self.baseline_line, False)
            self.caption.setText("")
            return
        self.band.setRegion((max(0.0, baseline.band_low), min(10.0, baseline.band_high)))
        self.set_hline(self.baseline_line, baseline.score, f"baseline {baseline.score:.1f}")
        self.show_hline(self.baseline_line, True)
        self.caption.setText(
            f"Baseline {baseline.score:.1f} is the average of your first "
            f"{counted(baseline.entries, 'entry', 'entries')}. Shaded: within "
            f"{PAIN_MCID_POINTS:g} points of it. A change of "
            f"{PAIN_MCID_POINTS:g} points or {PAIN_MCID_FRACTION:.0%} is the smallest "
            "that matters clinically for back pain (Ostelo 2008; Farrar 2001)."
        )

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        i = None if self.data is None else nearest(self.data.x, x)
        if self.data is None or i is None:
            return None
        p = self.data.points[i]
        if p.count == 1:
            text = f"{bin_label(p)}: pain {p.value:.0f}/10"
        else:
            over = counted(p.count, "entry", "entries")
            text = f"{bin_label(p)}: average pain {p.value:.1f}/10 over {over}"
        if self.baseline is not None:
            delta = p.value - self.baseline.score
            word = "below" if delta < 0 else "above"
            text += f", {abs(delta):.1f} {word} baseline"
            if self.baseline.important_change(p.value):
                text += " - a clinically important change"
        return text, (float(self.data.x[i]), p.value)
