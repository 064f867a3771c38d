"""The function card: PSFS score per sitting, with the line a meaningful change must cross.

Imports pyqtgraph: load it lazily (the Progress page does, when first shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from glutemed.render.graphs.graph_card import GraphCard
from glutemed.render.graphs.plot_card import PagePlotWidget
from glutemed.training.psfs import MIC_POINTS, MIC_SOURCE, PsfsEntry, change_since_start

TITLE = "Function: Patient-Specific Functional Scale (0 unable - 10 as before)"


class FunctionCard(GraphCard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("function", TITLE, parent)
        axis = pg.DateAxisItem(orientation="bottom")
        view = pg.ViewBox(enableMenu=False, enableMouse=False)
        self.plot = PagePlotWidget(viewBox=view, axisItems={"bottom": axis})
        self.plot.setObjectName("functionPlot")
        self.plot.setFixedHeight(220)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.getAxis("left").setWidth(56)
        item.setYRange(0, 10, padding=0.05)
        self.curve = item.plot(
            [],
            [],
            pen=pg.mkPen("#2f6fd0", width=2),
            symbol="o",
            symbolSize=8,
            symbolBrush="#2f6fd0",
        )
        self.target = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen("#2e9a48", width=1, style=Qt.PenStyle.DashLine),
            label=f"start + {MIC_POINTS:g} ({MIC_SOURCE})",
            labelOpts={"position": 0.02, "color": "#2e9a48", "anchors": [(0, 1), (0, 1)]},
        )
        item.addItem(self.target)
        self.body_layout.addWidget(self.plot)

    def show_entries(self, entries: Sequence[PsfsEntry]) -> None:
        ordered = sorted(entries, key=lambda e: e.day)
        xs = [datetime(e.day.year, e.day.month, e.day.day, tzinfo=UTC).timestamp() for e in ordered]
        self.curve.setData(xs, [e.score for e in ordered])
        self.target.setVisible(bool(ordered))
        if ordered:
            self.target.setValue(min(10.0, ordered[0].score + MIC_POINTS))
            pad = 7 * 86400
            self.plot.getPlotItem().setXRange(xs[0] - pad, xs[-1] + pad, padding=0)
        change = change_since_start(ordered)
        if not ordered:
            self.readout.setText("No ratings yet: use 'Rate activities' to add your first.")
        elif change is None:
            latest = ordered[-1]
            self.readout.setText(
                f"First rating {latest.score:.1f} on {latest.day.isoformat()}. Rate again in "
                "two weeks to see the change."
            )
        else:
            self.readout.setText(change.describe())
