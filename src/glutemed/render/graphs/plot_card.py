"""The plot setup all Progress graph cards share. Imports pyqtgraph: load it lazily.

`PlotCard` is a card with a date-axis plot and a hover read-out; the helpers make and
update its curves and labelled lines the same way on every graph.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import tzinfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QLabel, QSizePolicy, QWidget

from glutemed.progress.series import MONTHLY, WEEKLY, BinPoint
from glutemed.progress.text import day_text
from glutemed.render.graphs.frames import Frame, Line
from glutemed.render.graphs.graph_card import GraphCard

WIDTH = 2


def configure() -> None:
    pg.setConfigOptions(antialias=False, background="w", foreground="#333333")


class PlotCard(GraphCard):
    """A card with a date-axis plot and a hover read-out of the nearest point."""

    def __init__(self, key: str, title: str, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(key, title, parent)
        self.tz = tz
        # No context menu or mouse panning: the range buttons drive the view, and the
        # menu alone is a third of a plot's construction time.
        view = pg.ViewBox(enableMenu=False, enableMouse=False)
        self.plot = pg.PlotWidget(viewBox=view)
        self.plot.setObjectName(f"{key}Plot")
        self.plot.setFixedHeight(250)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.item = self.plot.getPlotItem()
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self.item.showGrid(x=True, y=True, alpha=0.15)
        self.item.getAxis("left").setWidth(56)  # same width on every card: dates line up
        for side in ("left", "bottom"):
            axis = self.item.getAxis(side)
            # Axes redraw only when their own range changes, not on every plot repaint;
            # no SI prefixes (seconds, %, reps), which would re-lay out the label each time.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            axis.enableAutoSIPrefix(False)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName(f"{key}Empty")
        self.empty.hide()
        self.body_layout.addWidget(self.plot)
        self.body_layout.addWidget(self.empty)
        self.marker = pg.ScatterPlotItem(size=14, pen=pg.mkPen("#000000", width=2), brush=None)
        self.marker.setZValue(20)
        self.item.addItem(self.marker, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._moved)

    def add_curve(self, colour: str, name: str) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=WIDTH), symbolBrush=colour, name=name)
        self.item.addItem(curve)
        return curve

    def add_hline(
        self, value: float, colour: str, text: str, position: float, below: bool = False
    ) -> pg.InfiniteLine:
        """A dashed horizontal line labelled *text* at *position* (0 left, 1 right)."""
        anchor = (1, 0) if below else (0, 1)  # below: right-aligned under the line
        line = pg.InfiniteLine(
            pos=value,
            angle=0,
            movable=False,
            pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
            label=text,
            labelOpts={
                "position": position,
                "color": colour,
                "anchors": [anchor, anchor],
                "fill": (255, 255, 255, 210),  # readable over the curves
            },
        )
        self.item.addItem(line)
        return line

    def set_empty(self, message: str | None) -> None:
        if (message is None) != self.plot.isVisibleTo(self) or message != self.empty.text():
            self.plot.setVisible(message is None)
            self.empty.setVisible(message is not None)
            self.empty.setText(message or "")

    def show_range(self, f: Frame) -> None:
        self.item.getAxis("bottom").setTicks(f.ticks)
        self.plot.setXRange(*f.x_range, padding=0)

    def _moved(self, pos: QPointF) -> None:
        if not self.item.vb.sceneBoundingRect().contains(pos):
            return
        at = self.item.vb.mapSceneToView(pos)
        found = self.describe(at.x(), at.y())
        if found is None:
            return
        text, (x, y) = found
        self.readout.setText(text)
        self.marker.setData([x], [y])
        self.marker.show()

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        raise NotImplementedError


def nearest(xs: Sequence[float] | np.ndarray, x: float) -> int | None:
    if len(xs) == 0:
        return None
    i = bisect.bisect_left(xs, x)
    if i == len(xs):
        return i - 1
    if i > 0 and x - xs[i - 1] < xs[i] - x:
        return i - 1
    return i


def show_line(curve: pg.PlotDataItem, data: Line) -> None:
    # Sparse curves get dots and smooth edges; dense ones neither (they would be a blur
    # anyway, and antialiased wide lines are the slowest thing to paint).
    curve.opts["antialias"] = not data.dense
    if data.dense:
        curve.setData(data.x, data.y, symbol=None)
    else:
        curve.setData(data.x, data.y, symbol="o", symbolSize=5, symbolPen=None)


def set_hline(line: pg.InfiniteLine, value: float, text: str) -> None:
    """Move a labelled line; the label's text is re-laid out only when it changes."""
    if line.value() != value:
        line.setValue(value)
    if line.label.format != text:
        line.label.setFormat(text)


def bin_label(p: BinPoint) -> str:
    if p.size == MONTHLY:
        return f"{p.start:%B %Y}"
    if p.size == WEEKLY:
        return f"week of {day_text(p.start)}"
    return f"{p.start:%a} {day_text(p.start)}"
