"""Progress page: stance, symmetry, pain, training volume and adherence over time.

pyqtgraph (and numpy) load only when needed: the graphs live in `progress_graphs`, imported
by the main window's warm-up or, with the headline painted first, on the page's first show.
What a user waits for is kept small: the first card is built, with the visible range
queried and drawn; the other cards are built when idle (or when scrolled to), and the
whole history plus the frames of every range load on a worker thread, so a later range
click only hands arrays to the plots.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import load_catalog
from glutemed.domain.localtz import local_today, local_tz
from glutemed.ops import Store
from glutemed.ops.profile import load_profile
from glutemed.ops.progress import data_span, load_range
from glutemed.ops.save_folder import SaveFolder
from glutemed.progress.headline import headline
from glutemed.progress.series import PreparedSeries
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.progress.text import exercise_names as exercise_names_of
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.warm_up import WarmUp
from glutemed.ui.progress.history_load import load_in_background
from glutemed.ui.progress.plain_views import HeadlineView, choice, empty_state, title_row
from glutemed.ui.progress.psfs_dialog import PsfsButton, function_card, show_ratings
from glutemed.ui.progress.report_saving import ask_report_path, save_report_pdf

if TYPE_CHECKING:
    from glutemed.render.graphs.frames import Frame
    from glutemed.render.graphs.graph_card import GraphCard

# (key, button text, days shown; None = all data)
RANGES: tuple[tuple[str, str, int | None], ...] = (
    ("4w", "4 weeks", 28),
    ("3m", "3 months", 91),
    ("1y", "1 year", 365),
    ("all", "All", None),
)
DEFAULT_RANGE = "3m"
# Card heights until a card is built (only used to tell which cards are on screen).
SLOT_HEIGHTS = dict.fromkeys(("stance", "pelvis", "symmetry", "volume"), 342)
SLOT_HEIGHTS.update(pain=376, adherence=240)  # as built with the default fonts
IDLE_MS = 30  # this long after the last paint: build the other cards, load the history
GRAPHS_MODULE = "glutemed.render.graphs.progress_graphs"


class _Loaded(QObject):
    done = Signal(int, object)  # generation, (ProgressSnapshot, {range key: Frame})
    after_paint = Signal()  # connected queued: runs after the paint that emitted it


class ProgressPage(QWidget):
    def __init__(
        self,
        store: Store,
        events: DataEvents,
        parent: QWidget | None = None,
        *,
        tz: tzinfo | None = None,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] | None = None,
        exercise_names: Mapping[str, str] | None = None,
        graphs_import: WarmUp | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")
        self.store = store
        self.events = events
        self.save_folder = SaveFolder(store)
        self.tz = tz or local_tz()
        self._today = today or local_today
        self._now = now or (lambda: datetime.now(UTC))
        self._names = exercise_names  # read from the catalogue with the graphs if not given
        self.range_key = DEFAULT_RANGE
        self.eyes = "open"
        self.full: ProgressSnapshot | None = None
        self.shown: ProgressSnapshot | None = None
        self.span: tuple[date, date] | None = None
        self.graphs: Any = None  # the progress_graphs module once loaded
        # The window's import of the graphs module, if it runs one; else the page's own.
        self._graphs_import = graphs_import
        if graphs_import is not None:
            graphs_import.finished.connect(self._graphs_imported)
        self.cards: dict[str, GraphCard] = {}
        self._slots: dict[str, QWidget] = {}
        self._frames: dict[str, Frame] = {}  # range key -> frame, once the history loaded
        self._frame: Frame | None = None  # on screen now
        self._days_given: set[str] = set()  # cards that have the training days of `shown`
        self._generation = 0
        self._worker_started = -1
        self._dirty = True
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_work)
        self._awaiting_paint = False
        self._graphs_after_paint = False  # build the graphs once the headline has painted
        # The range the headline queried: (start, end, snapshot, series), used once.
        self._queried: tuple[date, date, ProgressSnapshot, PreparedSeries] | None = None
        self._stale: set[str] = set()  # built cards not yet showing the current frame
        self._loaded = _Loaded(self)
        self._loaded.done.connect(self._full_loaded)
        self._loaded.after_paint.connect(self._graphs_imported, Qt.ConnectionType.QueuedConnection)
        self._build_shell()
        for signal in (events.workout_saved, events.stance_saved, events.pain_changed):
            signal.connect(self._data_changed)
        events.profile_changed.connect(self._data_changed)
        events.programme_changed.connect(self._data_changed)  # a PSFS rating among others

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
        self.eyes_selector = choice(
            "eyesSelector", (("Eyes open", "open"), ("Eyes closed", "closed"))
        )
        self.eyes_selector.setToolTip("Which stance test to show")
        self.eyes_selector.currentIndexChanged.connect(self._eyes_changed)
        bar.addWidget(self.eyes_selector)
        self.measure_selector = choice(
            "volumeMeasure", (("Reps per week", "reps"), ("Sets per week", "sets"))
        )
        self.measure_selector.currentIndexChanged.connect(self._measure_changed)
        bar.addWidget(self.measure_selector)
        bar.addStretch(1)
        self.report_button = QPushButton("Save report…")
        self.report_button.setObjectName("saveReportButton")
        self.report_button.setToolTip("Save a PDF summary for your physiotherapist")
        self.report_button.clicked.connect(self._save_report)
        # Beside the title (keeping the bar short), so rating works before there is a graph.
        self.psfs_button = PsfsButton(self.store, self.tz, self._now, Announcer(self.events))
        layout.addLayout(title_row("Progress", self.psfs_button, self.report_button))
        layout.addLayout(bar)
        self.headline = HeadlineView()
        self.headline.installEventFilter(self)
        layout.addWidget(self.headline)
        self.stack = QStackedWidget()
        self.empty_state = empty_state()
        self.stack.addWidget(self.empty_state)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("progressGraphs")
        self.scroll.setWidgetResizable(True)
        self.stack.addWidget(self.scroll)
        layout.addWidget(self.stack, 1)

    def _build_graphs(self) -> None:
        from glutemed.render.graphs import progress_graphs as g  # pyqtgraph loads here, not before
        from glutemed.render.graphs.plot_card import configure

        configure()
        self.graphs = g
        if self._names is None:
            self._names = exercise_names_of(load_catalog())
        holder = QWidget()
        holder.setAttribute(Qt.WidgetAttribute.WA_StaticContents)  # grows: repaint the new part
        self.column = QVBoxLayout(holder)
        for key in g.CARD_KEYS:
            slot = QWidget()
            slot.setObjectName(f"{key}Slot")
            slot.setFixedHeight(SLOT_HEIGHTS[key])
            self.column.addWidget(slot)
            self._slots[key] = slot
        self.function_card = function_card(self.store, self.tz, self.psfs_button, self.scroll)
        self.column.addWidget(self.function_card)
        self.column.addStretch(1)
        self.scroll.setWidget(holder)
        self.scroll.verticalScrollBar().valueChanged.connect(self._build_visible)

    def _build_card(self, key: str) -> None:
        slot = self._slots.pop(key, None)
        if slot is None:
            return
        card = self.graphs.make_card(key, self.tz, self._names or {})
        card.save_folder = self.save_folder
        if key == "volume":
            card.measure = str(self.measure_selector.currentData())
        self.column.replaceWidget(slot, card)
        slot.deleteLater()
        self.cards[key] = card
        card.installEventFilter(self)
        if self._frame is not None:
            self._show_card(key)

    def _build_visible(self) -> None:
        """Build and bring up to date the cards in (or about to enter) the viewport."""
        top = self.scroll.verticalScrollBar().value()
        bottom = top + max(200, self.scroll.viewport().height())
        y = 0
        for key in self.graphs.CARD_KEYS:
            card = self.cards.get(key)
            height = card.sizeHint().height() if card is not None else SLOT_HEIGHTS[key]
            if y < bottom and y + height > top:
                if card is None:
                    self._build_card(key)
                elif key in self._stale:
                    self._show_card(key)
            y += height

    # --- loading ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.graphs is not None:
            self._graphs_imported()
            return
        # First show: the headline's numbers paint first (a few milliseconds), the graphs
        # follow once their modules are in; if they are, right after that paint.
        self._show_headline()
        if self._graphs_ready():
            if self.headline.isHidden():  # no data: nothing to paint first
                self._loaded.after_paint.emit()
            else:
                self._graphs_after_paint = True  # see eventFilter
            return
        if self._graphs_import is None:
            self._graphs_import = WarmUp((GRAPHS_MODULE,), self, delay_ms=0)
            self._graphs_import.finished.connect(self._graphs_imported)
        self._graphs_import.start_now()

    def _graphs_ready(self) -> bool:
        """Imported in full: a module still being imported on the warm-up thread is in
        sys.modules already, and using it would wait for the rest of its import."""
        if self._graphs_import is not None:
            return self._graphs_import.done
        return GRAPHS_MODULE in sys.modules

    def _graphs_imported(self) -> None:
        if not self.isVisible():
            return  # hidden (or closing) since the import began: built on the next show
        if self.graphs is None:
            self._build_graphs()
        if self._dirty:
            self.reload()

    def _show_headline(self, snapshot: ProgressSnapshot | None = None) -> None:
        # Queried here if not given (no numpy, no pyqtgraph), and kept for the graphs.
        self.span = self.span or data_span(self.store, self.tz)
        self.headline.setVisible(self.span is not None)
        self.stack.setCurrentWidget(self.scroll if self.span else self.empty_state)
        if self.span is not None:
            start, end = self.range_days()
            if snapshot is None:
                snapshot, series = load_range(self.store, self.tz, start, end)
                self._queried = (start, end, snapshot, series)
            self.headline.show_headline(headline(snapshot, start, end))

    def _data_changed(self) -> None:
        self.psfs_button.refresh()
        self._dirty = True
        self._queried = None
        if self.isVisible():
            self.reload()

    @property
    def full_loaded(self) -> bool:
        return self.view_loaded and not self._slots

    @property
    def view_complete(self) -> bool:
        """The cards in view are built and show their final data (the range is queried as
        the whole history shows it, so this may come before the history is in)."""
        return (
            self._frame is not None
            and not self._dirty
            and self.graphs is not None
            and not self._slots_in_view()
            and not any(not self.cards[k].visibleRegion().isEmpty() for k in self._stale)
        )

    @property
    def view_loaded(self) -> bool:
        """The whole history is in and drawn on the cards in view (others may follow)."""
        return self.full is not None and not self._dirty and bool(self._frames)

    def range_days(self, key: str | None = None) -> tuple[date, date]:
        key = key or self.range_key
        end = self._today()
        days = dict((k, d) for k, _t, d in RANGES)[key]
        if days is None:
            first = self.span[0] if self.span else end
            return min(first, end), end
        return end - timedelta(days=days - 1), end

    def reload(self) -> None:
        """Draw the current range on the visible cards now; the rest when idle."""
        if self.graphs is None:
            return
        self._dirty = False
        self._generation += 1
        self.full = None
        self._frames = {}
        self.span = data_span(self.store, self.tz)
        self.headline.setVisible(self.span is not None)
        if self.span is None:
            self.stack.setCurrentWidget(self.empty_state)
            return
        self.stack.setCurrentWidget(self.scroll)
        show_ratings(self.function_card, self.store, self.tz)
        # One graph first: on a first visit it is on screen soonest; the other cards in
        # view follow one per idle step, so each wait stays short.
        self._build_card(self.graphs.CARD_KEYS[0])
        self._show_partial()
        self._awaiting_paint = True  # the idle work starts once the first paint is done

    def _show_partial(self) -> None:
        """Query and draw just the current range (before the whole history is in): what the
        history will show for it, so the cards in view are final at once."""
        from glutemed.render.graphs.frames import frame

        start, end = self.range_days()
        queried, self._queried = self._queried, None
        if queried is not None and queried[:2] == (start, end):
            snapshot, series = queried[2:]  # the headline's query, a moment ago
        else:
            snapshot, series = load_range(self.store, self.tz, start, end)  # as the history
        self.shown = snapshot
        self._days_given = set()
        self._show_headline(snapshot)
        f = frame(series, snapshot, load_profile(self.store), start, end, self.tz)
        self._draw(f, everywhere=True)  # only the cards on screen are built yet

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.headline and event.type() == QEvent.Type.Paint:
            if self._graphs_after_paint:  # queued: runs once this paint is done
                self._graphs_after_paint = False
                self._loaded.after_paint.emit()
            return False
        if self._awaiting_paint and event.type() == QEvent.Type.Paint:
            # The history load starts right after the first card's paint; the rest waits
            # till IDLE_MS after the last paint (the timer restarts with each).
            self._idle.start(IDLE_MS if self._worker_started == self._generation else 0)
        return False

    def _idle_work(self) -> None:
        """One step at a time, so clicks stay answered: the cards in view first, then the
        worker, then a stale card or a card out of view per tick."""
        self._awaiting_paint = False
        in_view = self._slots_in_view()
        if in_view:
            self._build_card(in_view[0])  # what the user looks at comes before the rest
        elif self._worker_started != (generation := self._generation):
            self._worker_started = generation
            ranges = {key: self.range_days(key) for key, _t, _d in RANGES}
            done = lambda loaded: self._loaded.done.emit(generation, loaded)  # noqa: E731
            load_in_background(self.store, self.tz, load_profile(self.store), ranges, done)
        elif self._stale:
            self._show_card(next(iter(self._stale)))
        elif self._slots:
            if self.full is None:
                return  # cards out of view wait for the history; _full_loaded carries on
            self._build_card(next(iter(self._slots)))
        if self._slots or self._stale:
            self._idle.start(0)

    def _slots_in_view(self) -> list[str]:
        return [k for k, slot in self._slots.items() if not slot.visibleRegion().isEmpty()]

    def _full_loaded(self, generation: int, loaded: tuple[Any, Any]) -> None:
        if generation != self._generation:
            return  # data changed since this load started; a newer one is on its way
        self.full, self._frames = loaded
        self.shown = self.full
        self._days_given = set()
        self._draw(self._frames[self.range_key])
        self._idle.start(IDLE_MS)  # then the cards out of view

    # --- drawing ------------------------------------------------------------------------
    def _draw(self, f: Frame, everywhere: bool = False) -> None:
        """Show *f* on the cards in view now; the others follow when idle or scrolled to."""
        self._frame = f
        self._stale = set(self.cards)
        for key, card in self.cards.items():
            if everywhere or not card.visibleRegion().isEmpty():
                self._show_card(key)
        if self._stale:
            self._awaiting_paint = True

    def _show_card(self, key: str) -> None:
        assert self._frame is not None and self.shown is not None
        self._stale.discard(key)
        days = None
        if key not in self._days_given:
            days = self.shown.days
            self._days_given.add(key)
        self.graphs.show_frame(self.cards[key], self._frame, self.eyes, days)

    def visible_x_range(self) -> tuple[float, float]:
        lo, hi = self.cards["stance"].plot.viewRange()[0]  # type: ignore[attr-defined]
        return float(lo), float(hi)

    def set_range(self, key: str) -> None:
        self.range_key = key
        self.range_buttons[key].setChecked(True)
        if self.graphs is None or self.span is None:
            return
        if key in self._frames:
            self._draw(self._frames[key])
            self._show_headline(self.full)
        else:
            self._show_partial()

    def _eyes_changed(self) -> None:
        self.eyes = str(self.eyes_selector.currentData())
        if self._frame is not None:
            self._draw(self._frame)

    def _measure_changed(self) -> None:
        volume = self.cards.get("volume")
        if volume is not None:
            volume.set_measure(str(self.measure_selector.currentData()))  # type: ignore[attr-defined]

    def _save_report(self) -> None:
        if path := ask_report_path(self, self.save_folder):
            self.save_report(path)

    def save_report(self, path: str, since: date | None = None) -> None:
        save_report_pdf(
            self.store, path, since=since, tz=self.tz, today=self._today,
            save_folder=self.save_folder, events=self.events,
        )  # fmt: skip
