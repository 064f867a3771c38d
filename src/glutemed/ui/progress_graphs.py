"""The Progress page's graph cards. This module imports pyqtgraph: load it lazily."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from glutemed.report.norms import AgeNorm, age_norm
from glutemed.store.models import Profile
from glutemed.store.progress import (
    PAIN_MCID_FRACTION,
    PAIN_MCID_POINTS,
    PainBaseline,
    ProgressSnapshot,
    TrainingDay,
    adherence,
)
from glutemed.store.series import MONTHLY, WEEKLY, BinPoint, PreparedSeries, VolumeBin, from_day
from glutemed.ui.adherence_calendar import AdherenceCalendar
from glutemed.ui.progress_format import day_text, day_x, exercise_name, seconds_text

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
LEFT_COLOUR = "#0072B2"
RIGHT_COLOUR = "#E69F00"
EXERCISE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
NORM_COLOUR = "#009E73"
GREY = "#808080"
DAY_S = 86400.0
WIDTH = 2
ANTIALIAS = True


def configure() -> None:
    pg.setConfigOptions(antialias=False, background="w", foreground="#333333")


class GraphCard(QFrame):
    """A titled frame holding one graph, its hover read-out and a PNG export button."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"{key}Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        self.header = QHBoxLayout()
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.header.addWidget(heading)
        self.header.addStretch(1)
        self.export_button = QPushButton("Save PNG…")
        self.export_button.setObjectName(f"{key}ExportButton")
        self.export_button.setToolTip("Save this graph as a PNG image")
        self.export_button.clicked.connect(self._ask_export)
        self.header.addWidget(self.export_button)
        outer.addLayout(self.header)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body, 1)
        self.readout = QLabel(" ")
        self.readout.setObjectName(f"{key}Readout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.readout)

    def render_image(self) -> QImage:
        return self.body.grab().toImage()

    def export_png(self, path: str | Path) -> bool:
        return self.render_image().save(str(path), "PNG")

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save graph as PNG", f"glutemed-{self.key}.png", "PNG image (*.png)"
        )
        if path:
            ok = self.export_png(path)
            self.readout.setText(f"Saved {path}" if ok else f"Could not save {path}")


class PlotCard(GraphCard):
    """A card with a date-axis plot and a hover read-out of the nearest point."""

    def __init__(self, key: str, title: str, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(key, title, parent)
        self.tz = tz
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setObjectName(f"{key}Plot")
        self.plot.setFixedHeight(250)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.item = self.plot.getPlotItem()
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self.item.showGrid(x=True, y=True, alpha=0.15)
        self.item.getAxis("left").setWidth(56)  # same width on every card: dates line up
        # The range buttons drive the view; dragging would show data that is not loaded.
        self.item.setMouseEnabled(x=False, y=False)
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
        self.plot.setVisible(message is None)
        self.empty.setVisible(message is not None)
        self.empty.setText(message or "")

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

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        raise NotImplementedError


def nearest(xs: Sequence[float], x: float) -> int | None:
    if not xs:
        return None
    i = bisect.bisect_left(xs, x)
    if i == len(xs):
        return i - 1
    if i > 0 and x - xs[i - 1] < xs[i] - x:
        return i - 1
    return i


def _curve(colour: str, name: str) -> pg.PlotDataItem:
    item = pg.PlotDataItem(
        pen=pg.mkPen(colour, width=WIDTH),
        antialias=ANTIALIAS,
        symbol="o",
        symbolSize=5,
        symbolBrush=colour,
        symbolPen=None,
        name=name,
    )
    item.setDownsampling(auto=True, method="peak")
    return item


def _hline(value: float, colour: str, text: str, position: float) -> pg.InfiniteLine:
    return pg.InfiniteLine(
        pos=value,
        angle=0,
        movable=False,
        pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
        label=text,
        labelOpts={"position": position, "color": colour, "anchors": [(0, 1), (0, 1)]},
    )


_X_CACHE: dict[tuple[date, int, tzinfo], float] = {}


def bin_x(p: BinPoint | VolumeBin, tz: tzinfo) -> float:
    """Centre of a bin on the date axis (cached: range changes redo thousands of these)."""
    key = (p.start, p.size, tz)
    x = _X_CACHE.get(key)
    if x is None:
        end = BinPoint(p.start, p.size, 0, 0).end
        x = _X_CACHE[key] = (day_x(p.start, tz) + day_x(end, tz)) / 2
    return x


def bin_label(p: BinPoint) -> str:
    if p.size == MONTHLY:
        return f"{p.start:%B %Y}"
    if p.size == WEEKLY:
        return f"week of {day_text(p.start)}"
    return f"{p.start:%a} {day_text(p.start)}"


def _symbols(curve: pg.PlotDataItem, n: int) -> None:
    curve.setSymbol("o" if n <= 120 else None)


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
        self.norm_line = _hline(0.0, NORM_COLOUR, "norm", 0.02)
        self.item.addItem(self.cap_line)
        self.item.addItem(self.norm_line)
        self._x: dict[str, list[float]] = {"left": [], "right": []}
        self._points: dict[str, list[BinPoint]] = {"left": [], "right": []}
        self._pb: set[tuple[str, date]] = set()
        self.eyes = "open"

    def set_data(
        self,
        left: Sequence[BinPoint],
        right: Sequence[BinPoint],
        records: dict[str, frozenset[date]],
        norm: AgeNorm | None,
        cap_s: float,
        eyes: str,
    ) -> None:
        self.eyes = eyes
        bx: list[float] = []
        by: list[float] = []
        brushes: list[str] = []
        self._pb = set()
        for side, points in (("left", left), ("right", right)):
            self._points[side] = list(points)
            self._x[side] = [bin_x(p, self.tz) for p in points]
            curve = self.curves[side]
            curve.setData(np.array(self._x[side]), np.array([p.value for p in points]))
            _symbols(curve, len(points))
            for p in (p for p in points if p.start in records[side]):
                bx.append(bin_x(p, self.tz))
                by.append(p.value)
                brushes.append(LEFT_COLOUR if side == "left" else RIGHT_COLOUR)
                self._pb.add((side, p.start))
        self.bests.setData(bx, by, brush=brushes)
        self.cap_line.setValue(cap_s)
        self.cap_line.label.setFormat(f"cap {cap_s:.0f} s")
        self.norm_line.setVisible(norm is not None)
        if norm is not None:
            self.norm_line.setValue(norm.seconds)
            self.norm_line.label.setFormat(f"{norm.label}: {norm.seconds:g} s")
        top = max([cap_s, *(p.value for p in [*left, *right])]) * 1.1
        self.item.setYRange(0, top, padding=0)
        empty = not left and not right
        self.set_empty(
            f"No eyes-{eyes} stance tests yet. Take the stance test (Ctrl+3) to start."
            if empty
            else None
        )
        self.marker.setData([], [])

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        best: tuple[float, str, int] | None = None
        for side in ("left", "right"):
            i = nearest(self._x[side], x)
            if i is None:
                continue
            p = self._points[side][i]
            dist = abs(self._x[side][i] - x) / (DAY_S * p.size) + abs(p.value - y) / 50.0
            if best is None or dist < best[0]:
                best = (dist, side, i)
        if best is None:
            return None
        _, side, i = best
        p = self._points[side][i]
        parts = [f"{side} {seconds_text(p.value)}"]
        other = "right" if side == "left" else "left"
        j = nearest(self._x[other], self._x[side][i])
        if j is not None and self._points[other][j].start == p.start:
            parts.append(f"{other} {seconds_text(self._points[other][j].value)}")
        prefix = "best " if p.size > 1 else ""
        text = f"{bin_label(p)}: {prefix}" + ", ".join(parts) + f" (eyes {self.eyes})"
        if (side, p.start) in self._pb:
            text += " - personal best"
        return text, (self._x[side][i], p.value)


class SymmetryGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(
            "symmetry", "Symmetry between legs (weaker leg / stronger leg)", tz, parent
        )
        self.item.setLabel("left", "%")
        self.curve = _curve("#555555", "Symmetry")
        self.item.addItem(self.curve)
        self.item.setYRange(0, 105, padding=0)
        self._x: list[float] = []
        self._points: list[BinPoint] = []

    def set_data(self, points: Sequence[BinPoint]) -> None:
        self._points = list(points)
        self._x = [bin_x(p, self.tz) for p in points]
        self.curve.setData(np.array(self._x), np.array([p.value for p in points]))
        _symbols(self.curve, len(points))
        self.set_empty(None if points else "Symmetry appears once a test has timed both legs.")
        self.marker.setData([], [])

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        i = nearest(self._x, x)
        if i is None:
            return None
        p = self._points[i]
        tests = "1 test" if p.count == 1 else f"average of {p.count} tests"
        return f"{bin_label(p)}: {p.value:.0f}% ({tests})", (self._x[i], p.value)


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
        for line in self.band.lines:
            line.setPen(pg.mkPen(None))
        self.item.addItem(self.band, ignoreBounds=True)
        self.baseline_line = _hline(0.0, "#0072B2", "baseline", 0.02)
        self.item.addItem(self.baseline_line)
        self.caption = QLabel()
        self.caption.setObjectName("painCaption")
        self.caption.setWordWrap(True)
        self.body_layout.addWidget(self.caption)
        self._x: list[float] = []
        self._points: list[BinPoint] = []
        self.baseline: PainBaseline | None = None

    def set_data(self, points: Sequence[BinPoint], baseline: PainBaseline | None) -> None:
        self._points = list(points)
        self._x = [bin_x(p, self.tz) for p in points]
        self.curve.setData(np.array(self._x), np.array([p.value for p in points]))
        _symbols(self.curve, len(points))
        self.baseline = baseline
        self.band.setVisible(baseline is not None)
        self.baseline_line.setVisible(baseline is not None)
        if baseline is not None:
            self.band.setRegion((max(0.0, baseline.band_low), min(10.0, baseline.band_high)))
            self.baseline_line.setValue(baseline.score)
            self.baseline_line.label.setFormat(f"baseline {baseline.score:.1f}")
            self.caption.setText(
                f"Baseline {baseline.score:.1f} is the average of your first {baseline.entries} "
                f"entries. Shaded: within {PAIN_MCID_POINTS:g} points of it. A change of "
                f"{PAIN_MCID_POINTS:g} points or {PAIN_MCID_FRACTION:.0%} is the smallest "
                "that matters clinically for back pain (Ostelo 2008; Farrar 2001)."
            )
        else:
            self.caption.setText("")
        self.set_empty(
            None if points else "No pain entries yet. Log one in the Pain diary (Ctrl+5)."
        )
        self.marker.setData([], [])

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        i = nearest(self._x, x)
        if i is None:
            return None
        p = self._points[i]
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
        return text, (self._x[i], p.value)


class VolumeGraph(PlotCard):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__("volume", "Training volume per week", tz, parent)
        self.measure = "reps"
        self.item.addLegend(offset=(10, 5), colCount=5)
        self._bars: dict[str, pg.BarGraphItem] = {}
        self._bins: list[VolumeBin] = []
        self._x: list[float] = []
        self._totals: list[int] = []

    def set_measure(self, measure: str) -> None:
        self.measure = measure
        self.set_data(self._bins)

    def set_data(self, bins: Sequence[VolumeBin]) -> None:
        self._bins = list(bins)
        monthly = bool(bins) and bins[0].size == MONTHLY
        self.item.setLabel("left", f"{self.measure} per {'month' if monthly else 'week'}")
        for ex in sorted({e.exercise_id for b in bins for e in b.by_exercise} - set(self._bars)):
            bar = pg.BarGraphItem(
                x=[0],
                height=[0],
                width=1,
                brush=EXERCISE_COLOURS[len(self._bars) % len(EXERCISE_COLOURS)],
                pen=None,
                name=exercise_name(ex),
            )
            self.item.addItem(bar)
            self._bars[ex] = bar
        self._x = [bin_x(b, self.tz) for b in bins]
        x = np.array(self._x)
        widths = np.full(len(bins), (26 if monthly else 6) * DAY_S)
        base = np.zeros(len(bins))
        for ex, bar in self._bars.items():
            values = np.array(
                [
                    float(
                        sum(getattr(e, self.measure) for e in b.by_exercise if e.exercise_id == ex)
                    )
                    for b in bins
                ]
            )
            bar.setOpts(x=x, y0=base.copy(), height=values, width=widths)
            base = base + values
        self._totals = [int(v) for v in base]
        self.set_empty(None if bins else "No workouts yet. Start one on the Workout page (Ctrl+2).")
        self.marker.setData([], [])

    def fit_y(self) -> None:
        top = max(self._totals, default=0)
        self.item.setYRange(0, max(10.0, top * 1.3), padding=0)  # headroom for the legend

    def describe(self, x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        i = nearest(self._x, x)
        if i is None:
            return None
        b = self._bins[i]
        parts = ", ".join(
            f"{exercise_name(e.exercise_id)} {getattr(e, self.measure)}" for e in b.by_exercise
        )
        label = f"{b.start:%B %Y}" if b.size == MONTHLY else f"week of {day_text(b.start)}"
        text = f"{label}: {self._totals[i]} {self.measure}" + (f" - {parts}" if parts else "")
        return text, (self._x[i], float(self._totals[i]))


def x_range(start: date, end: date, tz: tzinfo) -> tuple[float, float]:
    """Plot x range covering whole local days *start*..*end*."""
    return day_x(start, tz) - DAY_S / 2, day_x(end, tz) + DAY_S / 2


def week_days(end: date, weeks: int) -> tuple[date, date]:
    return end - timedelta(days=7 * weeks - 1), end


def today_in(tz: tzinfo) -> date:
    return datetime.now(tz).date()


class CalendarCard(GraphCard):
    """Days trained as a contribution-style calendar, with the adherence summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("adherence", "Days trained", parent)
        self.calendar = AdherenceCalendar()
        self.summary = QLabel()
        self.summary.setObjectName("adherenceSummary")
        self.body_layout.addWidget(self.calendar)
        self.body_layout.addWidget(self.summary)
        self.calendar.hovered.connect(self.readout.setText)
        self._days: list[date] = []

    def set_data(self, days: Sequence[TrainingDay]) -> None:
        self._days = [d.day for d in days]
        self.calendar.set_days({d.day: d.sets for d in days})

    def set_range(self, start: date, end: date) -> None:
        self.calendar.set_range(start, end)
        stats = adherence(self._days, start, end)
        self.summary.setText(
            f"Trained on {stats.days_trained} of {stats.days_total} days "
            f"({stats.percent:.0f}%). Longest run {stats.longest_streak} days, "
            f"current run {stats.current_streak} days."
        )


def make_cards(tz: tzinfo) -> dict[str, GraphCard]:
    return {
        "stance": StanceGraph(tz),
        "symmetry": SymmetryGraph(tz),
        "pain": PainGraph(tz),
        "volume": VolumeGraph(tz),
        "adherence": CalendarCard(),
    }


def fill_cards(
    cards: dict[str, GraphCard],
    series: PreparedSeries,
    snapshot: ProgressSnapshot,
    profile: Profile,
    eyes: str,
    start: date,
    end: date,
) -> None:
    """Put one range of prepared series on the cards (used by the page and the report)."""
    stance = cards["stance"]
    assert isinstance(stance, StanceGraph)
    age = end.year - profile.birth_year if profile.birth_year else None
    stance.set_data(
        from_day(series.stance[(eyes, "left")], start),
        from_day(series.stance[(eyes, "right")], start),
        {side: series.records[(eyes, side)] for side in ("left", "right")},
        age_norm(age, eyes),
        profile.stance_cap_s,
        eyes,
    )
    symmetry = cards["symmetry"]
    assert isinstance(symmetry, SymmetryGraph)
    symmetry.set_data(from_day(series.symmetry[eyes], start))
    pain = cards["pain"]
    assert isinstance(pain, PainGraph)
    pain.set_data(from_day(series.pain, start), snapshot.baseline)
    volume = cards["volume"]
    assert isinstance(volume, VolumeGraph)
    volume.set_data(from_day(series.volume, start))
    volume.fit_y()
    calendar = cards["adherence"]
    assert isinstance(calendar, CalendarCard)
    calendar.set_data(snapshot.days)
    calendar.set_range(start, end)
    lo, hi = x_range(start, end, stance.tz)
    for key in ("stance", "symmetry", "pain", "volume"):
        plot_card = cards[key]
        assert isinstance(plot_card, PlotCard)
        plot_card.plot.setXRange(lo, hi, padding=0)
