"""Progress page: stance, symmetry, pain, training volume and adherence over time.

pyqtgraph (and numpy) load only when the page is first shown: the graphs live in
`progress_graphs`, imported from showEvent. The visible range is loaded at once; the whole
history loads on a worker thread (its own read-only connection) so later range changes
only move the view.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from glutemed.store import Store
from glutemed.store.localtz import local_tz
from glutemed.store.profile import load_profile
from glutemed.store.progress import (
    ProgressSnapshot,
    data_span,
    load_snapshot,
    reader,
)
from glutemed.store.series import (
    DAILY,
    MONTHLY,
    WEEKLY,
    PreparedSeries,
    bin_size_for,
    prepare,
)
from glutemed.ui.events import DataEvents

if TYPE_CHECKING:
    from glutemed.ui import progress_graphs

# (key, button text, days shown; None = all data)
RANGES: tuple[tuple[str, str, int | None], ...] = (
    ("4w", "4 weeks", 28),
    ("3m", "3 months", 91),
    ("1y", "1 year", 365),
    ("all", "All", None),
)
DEFAULT_RANGE = "3m"

EMPTY_TEXT = (
    "<h2>Nothing to show yet</h2>"
    "<p>Your graphs start with your first records. A good first step:</p>"
    "<ol><li><b>Take the stance test</b> (Ctrl+3) to time how long each leg holds you.</li>"
    "<li><b>Log how your back feels</b> in the Pain diary (Ctrl+5).</li>"
    "<li><b>Do a workout</b> (Ctrl+2).</li></ol>"
    "<p>Come back here to see your times, pain and training add up over the weeks.</p>"
)


class _Loaded(QObject):
    done = Signal(int, object)  # generation, ProgressSnapshot


class ProgressPage(QWidget):
    def __init__(
        self,
        store: Store,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        tz: tzinfo | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")
        self.store = store
        self.events = events
        self.tz = tz or local_tz()
        self._today = today or (lambda: date.today())
        self.range_key = DEFAULT_RANGE
        self.bin_size = DAILY
        self._prepared: dict[int, PreparedSeries] = {}
        self.eyes = "open"
        self.full: ProgressSnapshot | None = None
        self.shown: ProgressSnapshot | None = None
        self.span: tuple[date, date] | None = None
        self.graphs: Any = None  # the progress_graphs module once loaded
        self.cards: dict[str, progress_graphs.GraphCard] = {}
        self._generation = 0
        self._dirty = True
        self._loaded = _Loaded(self)
        self._loaded.done.connect(self._full_loaded)
        self._build_shell()
        for signal in (events.workout_saved, events.stance_saved, events.pain_changed):
            signal.connect(self._data_changed)
        events.profile_changed.connect(self._data_changed)

    # --- layout -------------------------------------------------------------------------
    def _build_shell(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_buttons: dict[str, QPushButton] = {}
        for key, text, _days in RANGES:
            button = QPushButton(text)
            button.setObjectName(f"range{key.capitalize()}Button")
            button.setCheckable(True)
            button.setChecked(key == self.range_key)
            button.clicked.connect(lambda _=False, k=key: self.set_range(k))
            self.range_group.addButton(button)
            self.range_buttons[key] = button
            bar.addWidget(button)
        bar.addSpacing(16)
        self.eyes_selector = QComboBox()
        self.eyes_selector.setObjectName("eyesSelector")
        self.eyes_selector.addItem("Eyes open", "open")
        self.eyes_selector.addItem("Eyes closed", "closed")
        self.eyes_selector.setToolTip("Which stance test to show")
        self.eyes_selector.currentIndexChanged.connect(self._eyes_changed)
        bar.addWidget(self.eyes_selector)
        self.measure_selector = QComboBox()
        self.measure_selector.setObjectName("volumeMeasure")
        self.measure_selector.addItem("Reps per week", "reps")
        self.measure_selector.addItem("Sets per week", "sets")
        self.measure_selector.currentIndexChanged.connect(self._measure_changed)
        bar.addWidget(self.measure_selector)
        bar.addStretch(1)
        self.report_button = QPushButton("Save report…")
        self.report_button.setObjectName("saveReportButton")
        self.report_button.setToolTip("Save a PDF summary for your physiotherapist")
        self.report_button.clicked.connect(self._save_report)
        bar.addWidget(self.report_button)
        layout.addLayout(bar)
        self.stack = QStackedWidget()
        self.empty_state = QLabel(EMPTY_TEXT)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setWordWrap(True)
        self.empty_state.setMargin(24)
        self.stack.addWidget(self.empty_state)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("progressGraphs")
        self.scroll.setWidgetResizable(True)
        self.stack.addWidget(self.scroll)
        layout.addWidget(self.stack, 1)

    def _build_graphs(self) -> None:
        from glutemed.ui import progress_graphs as g  # pyqtgraph loads here, not before

        g.configure()
        self.graphs = g
        holder = QWidget()
        column = QVBoxLayout(holder)
        self.cards = g.make_cards(self.tz)
        for card in self.cards.values():
            column.addWidget(card)
        column.addStretch(1)
        self.scroll.setWidget(holder)

    # --- loading ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.graphs is None:
            self._build_graphs()
        if self._dirty:
            self.reload()

    def _data_changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.reload()

    @property
    def full_loaded(self) -> bool:
        return self.full is not None and not self._dirty

    def range_days(self, key: str | None = None) -> tuple[date, date]:
        key = key or self.range_key
        end = self._today()
        days = dict((k, d) for k, _t, d in RANGES)[key]
        if days is None:
            first = self.span[0] if self.span else end
            return min(first, end), end
        return end - timedelta(days=days - 1), end

    def reload(self) -> None:
        """Show the current range now; load the whole history in the background."""
        if self.graphs is None:
            return
        self._dirty = False
        self._generation += 1
        self.full = None
        self.span = data_span(self.store, self.tz)
        if self.span is None:
            self.stack.setCurrentWidget(self.empty_state)
            return
        self.stack.setCurrentWidget(self.scroll)
        start, _end = self.range_days()
        self._show(load_snapshot(self.store, self.tz, since=start))
        generation = self._generation
        thread = threading.Thread(target=self._load_all, args=(generation,), daemon=True)
        thread.start()

    def _load_all(self, generation: int) -> None:
        second = reader(self.store)
        try:
            snapshot = load_snapshot(second, self.tz)
        finally:
            second.close()
        prepared = {size: prepare(snapshot, size) for size in (DAILY, WEEKLY, MONTHLY)}
        with contextlib.suppress(RuntimeError):  # the page may be gone by now
            self._loaded.done.emit(generation, (snapshot, prepared))

    def _full_loaded(self, generation: int, loaded: tuple[Any, Any]) -> None:
        if generation != self._generation:
            return  # data changed since this load started; a newer one is on its way
        self.full, prepared = loaded
        self._show(loaded[0], prepared)

    # --- drawing ------------------------------------------------------------------------
    def _show(
        self, snapshot: ProgressSnapshot, prepared: dict[int, PreparedSeries] | None = None
    ) -> None:
        self.shown = snapshot
        self._prepared = dict(prepared or {})
        self._draw()

    def _series(self, size: int) -> PreparedSeries:
        if size not in self._prepared:
            assert self.shown is not None
            self._prepared[size] = prepare(self.shown, size)
        return self._prepared[size]

    def _draw(self) -> None:
        """Put the current range, eyes and measure on the graphs."""
        start, end = self.range_days()
        self.bin_size = bin_size_for((end - start).days + 1)
        series = self._series(self.bin_size)
        assert self.shown is not None
        profile = load_profile(self.store)
        self.graphs.fill_cards(self.cards, series, self.shown, profile, self.eyes, start, end)

    def visible_x_range(self) -> tuple[float, float]:
        lo, hi = self.cards["stance"].plot.viewRange()[0]  # type: ignore[attr-defined]
        return float(lo), float(hi)

    def set_range(self, key: str) -> None:
        self.range_key = key
        self.range_buttons[key].setChecked(True)
        if self.graphs is None or self.span is None:
            return
        if self.full is None:
            start, _end = self.range_days()
            self._show(load_snapshot(self.store, self.tz, since=start))
        else:
            self._draw()

    def _eyes_changed(self) -> None:
        self.eyes = str(self.eyes_selector.currentData())
        if self.shown is not None:
            self._draw()

    def _measure_changed(self) -> None:
        if self.graphs is not None:
            volume = self.cards["volume"]
            volume.set_measure(str(self.measure_selector.currentData()))  # type: ignore[attr-defined]
            volume.fit_y()  # type: ignore[attr-defined]

    # --- report -------------------------------------------------------------------------
    def _save_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save report for your physiotherapist", "glutemed-report.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_report(path)

    def save_report(self, path: str, since: date | None = None) -> None:
        from glutemed.report.pdf import write_report

        try:
            write_report(self.store, path, since=since, tz=self.tz, today=self._today())
        except OSError as exc:
            self.events.status_message.emit(f"Could not save the report: {exc.strerror}")
            return
        self.events.status_message.emit(f"Report saved to {path}")
