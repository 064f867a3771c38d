"""The Progress page's graph cards. This module imports pyqtgraph: load it lazily.

Cards draw frames computed by `progress_frames`; a range change only hands them new arrays.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date, tzinfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem, QLabel, QSizePolicy, QWidget

from glutemed.store.models import Profile
from glutemed.store.progress import (
    PAIN_MCID_FRACTION,
    PAIN_MCID_POINTS,
    PainBaseline,
    ProgressSnapshot,
    TrainingDay,
)
from glutemed.store.series import MONTHLY, WEEKLY, BinPoint, PreparedSeries
from glutemed.ui.calendar_card import CalendarCard
from glutemed.ui.graph_card import GraphCard
from glutemed.ui.progress_format import day_text, exercise_name, seconds_text
from glutemed.ui.progress_frames import (
    DAY_S,
    LEFT_COLOUR,
    RIGHT_COLOUR,
    Frame,
    Line,
    StanceFrame,
    VolumeFrame,
    frame,
)

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
EXERCISE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
NORM_COLOUR = "#009E73"
GREY = "#808080"
WIDTH = 2
CARD_KEYS = ("stance", "symmetry", "pain", "volume", "adherence")


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


def _curve(colour: str, name: str) -> pg.PlotDataItem:
    return pg.PlotDataItem(pen=pg.mkPen(colour, width=WIDTH), symbolBrush=colour, name=name)


def _show_line(curve: pg.PlotDataItem, data: Line) -> None:
    # Sparse curves get dots and smooth edges; dense ones neither (they would be a blur
    # anyway, and antialiased wide lines are the slowest thing to paint).
    curve.opts["antialias"] = not data.dense
    if data.dense:
        curve.setData(data.x, data.y, symbol=None)
    else:
        curve.setData(data.x, data.y, symbol="o", symbolSize=5, symbolPen=None)


def _hline(
    value: float, colour: str, text: str, position: float, below: bool = False
) -> pg.InfiniteLine:
    anchor = (1, 0) if below else (0, 1)  # below: right-aligned under the line
    return pg.InfiniteLine(
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


def _set_line(line: pg.InfiniteLine, value: float, text: str) -> None:
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


class StanceGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("stance", "Single-leg stance: best time", tz, parent)
        self.item.setLabel("left", "seconds")
        self.item.addLegend(offset=(-10, -10))  # bottom right: the emptiest corner as times rise
        self.curves = {
            "left": _curve(LEFT_COLOUR, "Left leg"),
            "right": _curve(RIGHT_COLOUR, "Right leg"),
        }
        self.bests = pg.ScatterPlotItem(symbol="star", size=16, pen=pg.mkPen("#333333"))
        self.bests.setZValue(10)
        for it in self.curves.values():
            self.item.addItem(it)
        self.item.addItem(self.bests)
        self.item.legend.addItem(self.bests, "Personal best")
        self.cap_line = _hline(45.0, GREY, "cap", 0.5)
        # Norm label at the right end: the left end is where early, lower times run.
        self.norm_line = _hline(0.0, NORM_COLOUR, "norm", 0.99, below=True)
        self.item.addItem(self.cap_line)
        self.item.addItem(self.norm_line)
        self.frame: StanceFrame | None = None

    def show(self, f: StanceFrame) -> None:  # type: ignore[override]
        self.frame = f
        for side in ("left", "right"):
            _show_line(self.curves[side], f.left if side == "left" else f.right)
        self.bests.setData(f.best_x, f.best_y, brush=f.best_brushes)
        _set_line(self.cap_line, f.cap_s, f"cap {f.cap_s:.0f} s")
        self.norm_line.setVisible(f.norm is not None)
        if f.norm is not None:
            _set_line(self.norm_line, f.norm.seconds, f"{f.norm.label}: {f.norm.seconds:g} s")
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


class SymmetryGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(
            "symmetry", "Symmetry between legs (weaker leg / stronger leg)", tz, parent
        )
        self.item.setLabel("left", "%")
        self.curve = _curve("#555555", "Symmetry")
        self.item.addItem(self.curve)
        self.item.setYRange(0, 105, padding=0)
        self.data: Line | None = None

    def show(self, data: Line) -> None:  # type: ignore[override]
        self.data = data
        _show_line(self.curve, data)
        self.set_empty(None if data.points else "Symmetry appears once a test has timed both legs.")
        self.marker.hide()

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        i = None if self.data is None else nearest(self.data.x, x)
        if self.data is None or i is None:
            return None
        p = self.data.points[i]
        tests = "1 test" if p.count == 1 else f"average of {p.count} tests"
        return f"{bin_label(p)}: {p.value:.0f}% ({tests})", (float(self.data.x[i]), p.value)


class PainGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("pain", "Pain (0-10 rating scale)", tz, parent)
        self.item.setLabel("left", "pain")
        self.item.setYRange(-0.3, 10.3, padding=0)
        self.curve = _curve("#D55E00", "Pain")
        self.item.addItem(self.curve)
        self.band = pg.LinearRegionItem(
            orientation="horizontal", movable=False, brush=pg.mkBrush(0, 114, 178, 35)
        )
        self.band.setZValue(-10)
        for edge in self.band.lines:
            edge.setPen(pg.mkPen(None))
        self.item.addItem(self.band, ignoreBounds=True)
        self.baseline_line = _hline(0.0, "#0072B2", "baseline", 0.02)
        self.item.addItem(self.baseline_line)
        self.caption = QLabel()
        self.caption.setObjectName("painCaption")
        self.caption.setWordWrap(True)
        self.body_layout.addWidget(self.caption)
        self.data: Line | None = None
        self.baseline: PainBaseline | None = None

    def show(self, data: Line, baseline: PainBaseline | None) -> None:  # type: ignore[override]
        self.data = data
        _show_line(self.curve, data)
        self.set_empty(
            None if data.points else "No pain entries yet. Log one in the Pain diary (Ctrl+5)."
        )
        self.marker.hide()
        if baseline == self.baseline and self.caption.text():
            return  # same baseline: leave band and caption alone (no re-layout)
        self.baseline = baseline
        self.band.setVisible(baseline is not None)
        self.baseline_line.setVisible(baseline is not None)
        if baseline is None:
            self.caption.setText("")
            return
        self.band.setRegion((max(0.0, baseline.band_low), min(10.0, baseline.band_high)))
        _set_line(self.baseline_line, baseline.score, f"baseline {baseline.score:.1f}")
        self.caption.setText(
            f"Baseline {baseline.score:.1f} is the average of your first {baseline.entries} "
            f"entries. Shaded: within {PAIN_MCID_POINTS:g} points of it. A change of "
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
            text = f"{bin_label(p)}: average pain {p.value:.1f}/10 over {p.count} entries"
        if self.baseline is not None:
            delta = p.value - self.baseline.score
            word = "below" if delta < 0 else "above"
            text += f", {abs(delta):.1f} {word} baseline"
            if self.baseline.important_change(p.value):
                text += " - a clinically important change"
        return text, (float(self.data.x[i]), p.value)


class VolumeGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("volume", "Training volume", tz, parent)
        self.measure = "reps"
        self.item.addLegend(offset=(10, 5), colCount=5)
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
            sample = pg.BarGraphItem(x=[], height=[], width=1, brush=colour, pen=None)
            self.item.legend.addItem(sample, exercise_name(exercise_id))
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
        self.item.setYRange(0, max(10.0, top * 1.3), padding=0)  # headroom for the legend

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        f = self.frame
        i = None if f is None else nearest(f.x, x)
        if f is None or i is None:
            return None
        b = f.bins[i]
        parts = ", ".join(
            f"{exercise_name(e.exercise_id)} {getattr(e, self.measure)}" for e in b.by_exercise
        )
        label = f"{b.start:%B %Y}" if b.size == MONTHLY else f"week of {day_text(b.start)}"
        total = int(self._totals[i])
        text = f"{label}: {total} {self.measure}" + (f" - {parts}" if parts else "")
        return text, (float(f.x[i]), float(total))


def make_card(key: str, tz: tzinfo) -> GraphCard:
    if key == "stance":
        return StanceGraph(tz)
    if key == "symmetry":
        return SymmetryGraph(tz)
    if key == "pain":
        return PainGraph(tz)
    if key == "volume":
        return VolumeGraph(tz)
    return CalendarCard()


def make_cards(tz: tzinfo) -> dict[str, GraphCard]:
    return {key: make_card(key, tz) for key in CARD_KEYS}


def show_frame(
    card: GraphCard, f: Frame, eyes: str, days: Sequence[TrainingDay] | None = None
) -> None:
    """Put one range's frame on one card (only data and view change: no re-layout)."""
    if isinstance(card, PlotCard):
        card.show_range(f)
    if isinstance(card, StanceGraph):
        card.show(f.stance[eyes])
    elif isinstance(card, SymmetryGraph):
        card.show(f.symmetry[eyes])
    elif isinstance(card, PainGraph):
        card.show(f.pain, f.baseline)
    elif isinstance(card, VolumeGraph):
        card.show(f.volume)
    elif isinstance(card, CalendarCard):
        if days is not None:
            card.set_days(days)
        card.set_range(f.start, f.end, f.adherence)
    if isinstance(card, PlotCard):
        # pyqtgraph applies a new view range while painting, which moves every item and
        # queues a second paint; applying it now makes one paint do.
        card.item.vb.updateMatrix()


def fill_cards(
    cards: dict[str, GraphCard],
    series: PreparedSeries,
    snapshot: ProgressSnapshot,
    profile: Profile,
    eyes: str,
    start: date,
    end: date,
) -> None:
    """Put one range of prepared series on the cards (the report's path)."""
    tz = next(c.tz for c in cards.values() if isinstance(c, PlotCard))
    f = frame(series, snapshot, profile, start, end, tz)
    for card in cards.values():
        show_frame(card, f, eyes, snapshot.days)
