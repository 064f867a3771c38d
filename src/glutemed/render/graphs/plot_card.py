"""The plot setup all Progress graph cards share. Imports pyqtgraph: load it lazily.

`PlotCard` is a card with a date-axis plot and a hover read-out; the helpers make and
update its curves and labelled lines the same way on every graph.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QSizePolicy,
    QWidget,
)

from glutemed.progress.series import MONTHLY, WEEKLY, BinPoint
from glutemed.progress.text import day_text
from glutemed.render.graphs.frames import Frame, Line
from glutemed.render.graphs.graph_card import GraphCard

WIDTH = 2
# A little room past the first and last day so their points are drawn whole.
X_MARGIN = 0.025
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def configure() -> None:
    pg.setConfigOptions(antialias=False, background="w", foreground="#333333")


class PagePlotWidget(pg.PlotWidget):
    """A plot that lets the wheel scroll the page it sits in; a held modifier keeps it.

    No background cache: pyqtgraph keeps a pixmap of each plot's plain background, about
    1 MB per card on screen (7 cards), to save a fill that costs next to nothing.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().wheelEvent(event)
            return
        area = self._page_scroll_area()
        if area is None:
            event.ignore()
            return
        # Handed on explicitly: Qt does not pass an ignored wheel event to the parents
        # when it was synthesized (by a touchpad driver, a test, an accessibility tool).
        viewport = area.viewport()
        where = viewport.mapFromGlobal(event.globalPosition().toPoint())
        forwarded = QWheelEvent(
            QPointF(where),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.accept()

    def _page_scroll_area(self) -> QAbstractScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        return parent


def _swatch(colour: str, dashed: bool, symbol: str | None) -> str:
    mark = symbol or ("- - -" if dashed else "━━")
    return f'<span style="color:{colour}; font-weight:bold">{mark}</span>'


class PlotCard(GraphCard):
    """A card with a date-axis plot and a hover read-out of the nearest point."""

    def __init__(self, key: str, title: str, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(key, title, parent)
        self.tz = tz
        # No context menu or mouse panning: the range buttons drive the view, and the
        # menu alone is a third of a plot's construction time.
        view = pg.ViewBox(enableMenu=False, enableMouse=False)
        self.plot = PagePlotWidget(viewBox=view)
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
        # The key sits above the plot, not on it: it never covers the newest points, and
        # labelled lines (norm, cap, baseline) are named here instead of over the data.
        self.legend = QLabel()
        self.legend.setObjectName(f"{key}Legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.hide()
        self._legend: dict[str, tuple[str, str]] = {}  # key -> (swatch html, text)
        self._hlines: dict[int, tuple[str, str]] = {}  # id(line) -> (colour, current text)
        self.body_layout.addWidget(self.legend)
        self.body_layout.addWidget(self.plot)
        self.body_layout.addWidget(self.empty)
        self.marker = pg.ScatterPlotItem(size=14, brush=None)
        self.marker.setZValue(20)
        self._outlined: list[tuple[pg.ScatterPlotItem, float]] = [(self.marker, 2)]
        self.item.addItem(self.marker, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._moved)
        self.apply_palette()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _PALETTE_EVENTS:
            self.apply_palette()

    def apply_palette(self) -> None:
        """Draw the plot in this widget's palette, so it follows light/dark at once."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        for side in ("left", "bottom"):
            axis = self.item.getAxis(side)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        for item, width in self._outlined:
            item.setPen(pg.mkPen(text, width=width))

    def outline_in_text_colour(self, item: pg.ScatterPlotItem, width: float = 1) -> None:
        """Outline *item* in the palette's text colour, now and after a theme change."""
        self._outlined.append((item, width))
        item.setPen(pg.mkPen(self.palette().color(QPalette.ColorRole.Text), width=width))

    def set_legend_entry(
        self, key: str, colour: str, text: str, dashed: bool = False, symbol: str | None = None
    ) -> None:
        entry = (_swatch(colour, dashed, symbol), text)
        if self._legend.get(key) == entry:
            return
        self._legend[key] = entry
        self._show_legend()

    def remove_legend_entry(self, key: str) -> None:
        if self._legend.pop(key, None) is not None:
            self._show_legend()

    def _show_legend(self) -> None:
        gap = "&nbsp;&nbsp;&nbsp; "
        self.legend.setText(gap.join(f"{m}&nbsp;{n}" for m, n in self._legend.values()))
        self.legend.setVisible(bool(self._legend))
        self.legend.setAccessibleName(f"Key: {self.legend_text()}")

    def legend_text(self) -> str:
        """The key as plain words, e.g. for a screen reader."""
        return "; ".join(name for _, name in self._legend.values())

    def add_curve(self, colour: str, name: str) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=WIDTH), symbolBrush=colour, name=name)
        self.item.addItem(curve)
        self.set_legend_entry(name, colour, name)
        return curve

    def add_hline(self, value: float, colour: str, text: str) -> pg.InfiniteLine:
        """A dashed horizontal line, named *text* in the key above the plot."""
        line = pg.InfiniteLine(
            pos=value,
            angle=0,
            movable=False,
            pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
        )
        self.item.addItem(line)
        self._hlines[id(line)] = (colour, text)
        self.set_legend_entry(f"line{id(line)}", colour, text, dashed=True)
        return line

    def set_hline(self, line: pg.InfiniteLine, value: float, text: str) -> None:
        """Move a dashed line and rename it in the key."""
        if line.value() != value:
            line.setValue(value)
        colour, _ = self._hlines[id(line)]
        self._hlines[id(line)] = (colour, text)
        if line.isVisible():
            self.set_legend_entry(f"line{id(line)}", colour, text, dashed=True)

    def show_hline(self, line: pg.InfiniteLine, visible: bool) -> None:
        line.setVisible(visible)
        colour, text = self._hlines[id(line)]
        if visible:
            self.set_legend_entry(f"line{id(line)}", colour, text, dashed=True)
        else:
            self.remove_legend_entry(f"line{id(line)}")

    def set_empty(self, message: str | None) -> None:
        if (message is None) != self.plot.isVisibleTo(self) or message != self.empty.text():
            self.plot.setVisible(message is None)
            self.empty.setVisible(message is not None)
            self.empty.setText(message or "")

    def show_range(self, f: Frame) -> None:
        self.item.getAxis("bottom").setTicks(f.ticks)
        start, end = f.x_range
        margin = (end - start) * X_MARGIN
        self.plot.setXRange(start - margin, end + margin, padding=0)

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


def bin_label(p: BinPoint) -> str:
    if p.size == MONTHLY:
        return f"{p.start:%B %Y}"
    if p.size == WEEKLY:
        return f"week of {day_text(p.start)}"
    return f"{p.start:%a} {day_text(p.start)}"
