"""Progress page: empty, one point and ten years; ranges, hover read-outs, PNG export."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frame_compare import same
from glutemed import demo_data
from glutemed.domain.records import PainLog, StanceSession, StanceTrial
from glutemed.store import Store, open_store
from glutemed.store.bulk import History, insert_history
from glutemed.ui.common.events import DataEvents
from glutemed.ui.progress.page import ProgressPage

END = date(2025, 6, 30)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tenyears") / "data"
    demo_data.fill(folder, 10, END, tz=UTC)
    return folder


@pytest.fixture
def big_store(ten_years: Path) -> Iterator[Store]:
    opened = open_store(ten_years)
    yield opened
    opened.close()


def make_page(qtbot: QtBot, store: Store, events: DataEvents | None = None) -> ProgressPage:
    page = ProgressPage(store, events or DataEvents(), tz=UTC, today=lambda: END)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    return page


def wait_full(qtbot: QtBot, page: ProgressPage) -> None:
    qtbot.waitUntil(lambda: page.full_loaded, timeout=30_000)


def test_page_module_does_not_import_pyqtgraph() -> None:
    code = (
        "import sys; import glutemed.ui.progress.page, glutemed.ui.pain.page; "
        "print('pyqtgraph' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "QT_QPA_PLATFORM": "offscreen"},
    )
    # (numpy is not checked: sqlite_utils, which the store uses, imports it.)
    assert out.stdout.split() == ["False"]


def test_empty_page_tells_what_to_do_first(qtbot: QtBot, store: Store) -> None:
    page = make_page(qtbot, store)
    assert page.stack.currentWidget() is page.empty_state
    assert "stance test" in page.empty_state.text().lower()


def test_one_point_builds_and_refreshes_on_events(qtbot: QtBot, store: Store) -> None:
    events = DataEvents()
    page = make_page(qtbot, store, events)
    at = datetime(2025, 6, 29, 7, tzinfo=UTC)
    trials = [StanceTrial("left", 1, 21.5, "foot_down"), StanceTrial("right", 1, 30.0, "cap")]
    insert_history(store, History(stance=[StanceSession(at, "open", 45.0, trials=trials)]))
    events.stance_saved.emit()
    wait_full(qtbot, page)
    assert page.stack.currentWidget() is page.scroll
    stance = page.cards["stance"]
    assert stance.plot.isVisible()
    assert page.cards["pain"].empty.isVisible()  # no pain yet: its own hint
    insert_history(store, History(pain=[PainLog(at, 4, "daily")]))
    events.pain_changed.emit()
    wait_full(qtbot, page)
    assert not page.cards["pain"].empty.isVisible()


def test_ten_years_range_buttons_change_visible_range(qtbot: QtBot, big_store: Store) -> None:
    from glutemed.render.graphs.plot_card import X_MARGIN

    page = make_page(qtbot, big_store)
    wait_full(qtbot, page)
    widths = {}
    for key in ("4w", "3m", "1y", "all"):
        qtbot.mouseClick(page.range_buttons[key], Qt.MouseButton.LeftButton)
        lo, hi = page.visible_x_range()
        widths[key] = (hi - lo) / (1 + 2 * X_MARGIN) / 86400  # a margin each side
        assert page.range_buttons[key].isChecked()
    assert widths["4w"] == pytest.approx(28, abs=0.1)
    assert widths["3m"] == pytest.approx(91, abs=0.1)
    assert widths["1y"] == pytest.approx(365, abs=0.1)
    assert widths["all"] == pytest.approx(3652, abs=2)
    lo, hi = page.visible_x_range()
    end = hi - (hi - lo) * X_MARGIN / (1 + 2 * X_MARGIN)
    assert datetime.fromtimestamp(end, UTC).date() == date(2025, 7, 1)  # end of 30 Jun


def hover(qtbot: QtBot, card: object, x: float, y: float) -> None:
    """Move the mouse over view coordinates (x, y) of the card's plot."""
    plot = card.plot  # type: ignore[attr-defined]
    scene_pos = plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    pos = QPointF(plot.mapFromScene(scene_pos))
    viewport = plot.viewport()
    # Sent straight to the viewport: offscreen, QTest's window-level routing can miss
    # widgets scrolled out of the page.
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        QPointF(viewport.mapToGlobal(pos.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: card.readout.text().strip() != "", timeout=2000)  # type: ignore[attr-defined]


def test_hover_reads_out_exact_value_and_date(qtbot: QtBot, store: Store) -> None:
    days = [(date(2025, 6, 20), 18.4, 25.0), (date(2025, 6, 25), 22.7, 26.1)]
    sessions = [
        StanceSession(
            datetime(d.year, d.month, d.day, 8, tzinfo=UTC),
            "open",
            45.0,
            trials=[
                StanceTrial("left", 1, left, "foot_down"),
                StanceTrial("right", 1, right, "foot_down"),
            ],
        )
        for d, left, right in days
    ]
    pain = [PainLog(datetime(2025, 6, 24, 9, tzinfo=UTC), 3, "daily")]
    insert_history(store, History(stance=sessions, pain=pain))
    page = make_page(qtbot, store)
    qtbot.mouseClick(page.range_buttons["4w"], Qt.MouseButton.LeftButton)
    wait_full(qtbot, page)
    stance = page.cards["stance"]
    from glutemed.progress.text import day_x

    hover(qtbot, stance, day_x(date(2025, 6, 25), UTC), 22.7)
    assert stance.readout.text().startswith("Wed 25 Jun 2025: left 22.7 s, right 26.1 s")
    pain_card = page.cards["pain"]
    hover(qtbot, pain_card, day_x(date(2025, 6, 24), UTC), 3)
    assert "24 Jun 2025: pain 3/10" in pain_card.readout.text()


def test_png_export_writes_a_real_image(qtbot: QtBot, big_store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, big_store)
    wait_full(qtbot, page)
    for key in ("stance", "volume", "adherence"):
        out = tmp_path / f"{key}.png"
        assert page.cards[key].export_png(out)
        image = QImage(str(out))
        assert not image.isNull() and image.width() > 400 and image.height() > 50
        small = image.scaled(40, 20)
        colours = {small.pixel(i, j) for i in range(40) for j in range(20)}
        assert len(colours) > 3, f"{key} export looks blank"


def test_eyes_selector_switches_series(qtbot: QtBot, big_store: Store) -> None:
    page = make_page(qtbot, big_store)
    wait_full(qtbot, page)
    page.eyes_selector.setCurrentIndex(1)
    stance = page.cards["stance"]
    ys = stance.curves["left"].getData()[1]
    assert ys is not None and max(ys) < 20  # eyes-closed times are short


def test_the_wheel_over_a_graph_scrolls_the_page(qtbot: QtBot, big_store: Store) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    page = make_page(qtbot, big_store)
    wait_full(qtbot, page)
    bar = page.scroll.verticalScrollBar()
    plot = page.cards["stance"].plot
    assert bar.maximum() > 0 and bar.value() == 0

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(plot.viewport().rect().center())
        event = QWheelEvent(
            centre,
            QPointF(plot.viewport().mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(plot.viewport(), event)

    wheel(Qt.KeyboardModifier.ControlModifier)  # a modifier keeps the wheel for the graph
    assert bar.value() == 0
    wheel(Qt.KeyboardModifier.NoModifier)
    assert bar.value() > 0


def test_headline_follows_the_range(qtbot: QtBot, big_store: Store) -> None:
    page = make_page(qtbot, big_store)
    wait_full(qtbot, page)
    assert page.headline.isVisible()
    training = page.headline.values["training"]
    assert " of 91 days" in training.text()  # the default range: 3 months
    qtbot.mouseClick(page.range_buttons["4w"], Qt.MouseButton.LeftButton)
    assert " of 28 days" in training.text()
    assert "2025)" in page.headline.values["stance"].text()


HEADLINE_FIRST = """
import sys
from datetime import UTC, date
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from glutemed.store import open_store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.progress.page import ProgressPage

app = QApplication([])
page = ProgressPage(open_store(Path(sys.argv[1])), DataEvents(), tz=UTC,
                    today=lambda: date(2025, 6, 30), exercise_names={})
seen = []

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(("pyqtgraph" in sys.modules, page.headline.values["pain"].text()))
        return False

watch = Watch()
page.headline.installEventFilter(watch)
page.resize(1000, 900)
page.show()
while not page.full_loaded:
    app.processEvents()
print(seen[0][0], "pyqtgraph" in sys.modules, len(page.cards), seen[0][1])
"""


def test_first_visit_paints_the_headline_before_pyqtgraph_loads(ten_years: Path) -> None:
    """A fresh process (pyqtgraph not yet imported, as when Progress is clicked at start):
    the headline paints with its numbers first; the graphs follow once imported."""
    out = subprocess.run(
        [sys.executable, "-c", HEADLINE_FIRST, str(ten_years)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr
    loaded_at_paint, loaded_after, cards, pain_text = out.stdout.strip().split(" ", 3)
    assert loaded_at_paint == "False"  # the headline's first paint needed no pyqtgraph
    assert "of 10 on average" in pain_text  # and it already said something useful
    assert (loaded_after, cards) == ("True", "6")  # then every graph card was built (pelvis too)


def test_graphs_keep_no_background_pixmap_and_still_paint_white(
    qtbot: QtBot, big_store: Store
) -> None:
    from PySide6.QtWidgets import QGraphicsView

    page = make_page(qtbot, big_store)
    wait_full(qtbot, page)
    plots = [card.plot for card in page.cards.values() if hasattr(card, "plot")]
    plots.append(page.function_card.plot)
    assert len(plots) >= 6
    for plot in plots:
        assert plot.cacheMode() == QGraphicsView.CacheModeFlag.CacheNone
    image = page.cards["stance"].plot.grab().toImage()
    assert image.pixelColor(image.width() - 3, 3).name() == "#ffffff"  # background drawn


def test_cards_out_of_view_wait_for_the_history(
    qtbot: QtBot, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from glutemed.ui.progress import history_load

    gate = threading.Event()
    real = history_load.load_history

    def held(*args: object, **kwargs: object) -> object:
        gate.wait(30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(history_load, "load_history", held)
    page = make_page(qtbot, big_store)
    try:
        qtbot.waitUntil(lambda: page._worker_started == page._generation, timeout=10_000)
        in_view = [k for k, s in page._slots.items() if not s.visibleRegion().isEmpty()]
        for _ in range(10):  # idle steps while the history loads
            page._idle_work()
        assert set(in_view) <= set(page.cards)  # what the user sees is built meanwhile
        assert page._slots and all(s.visibleRegion().isEmpty() for s in page._slots.values())
        assert not page.view_loaded and not page.full_loaded
        assert page.view_complete  # what is in view is final before the history is in
        shown_first = page._frame
        # Scrolling to a card builds it at once, history or not.
        page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
        assert "adherence" in page.cards
    finally:
        gate.set()
    qtbot.waitUntil(lambda: page.view_loaded, timeout=30_000)
    same(shown_first, page._frame)  # the history changed nothing the user saw
    qtbot.waitUntil(lambda: page.full_loaded, timeout=30_000)  # then the rest, when idle
    assert set(page.cards) == {"stance", "pelvis", "symmetry", "pain", "volume", "adherence"}
    assert not page._stale or all(page.cards[k].visibleRegion().isEmpty() for k in page._stale)


def test_building_a_card_out_of_view_leaves_the_cards_in_view_alone(
    qtbot: QtBot, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QObject

    page = make_page(qtbot, big_store)
    monkeypatch.setattr(page, "_idle_work", lambda: None)  # the test builds them
    qtbot.waitUntil(lambda: "stance" in page.cards, timeout=10_000)
    stance = page.cards["stance"]
    qtbot.waitUntil(lambda: stance.height() > 0)
    for _ in range(20):  # the first layout settles
        QApplication.processEvents()
    geometry = stance.geometry()
    seen: list[QEvent.Type] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
                seen.append(event.type())
            return False

    watch = Watch()
    stance.installEventFilter(watch)
    holder = page.scroll.widget()
    for key in [k for k in page._slots if page._slots[k].visibleRegion().isEmpty()]:
        before = holder.minimumSizeHint().height()
        page._build_card(key)
        # Not shown yet (Qt shows it a moment later), the card already keeps its room.
        assert not page.cards[key].isVisible()
        assert holder.minimumSizeHint().height() > before - 100, key
        QApplication.processEvents()
        QApplication.processEvents()
    assert seen == [] and stance.geometry() == geometry  # never squeezed, never moved
    assert page.scroll.widget().testAttribute(Qt.WidgetAttribute.WA_StaticContents)


def test_a_visit_while_the_windows_import_is_pending_shows_the_headline_then_the_graphs(
    qtbot: QtBot, big_store: Store
) -> None:
    from glutemed.ui.common.warm_up import WarmUp
    from glutemed.ui.progress.page import GRAPHS_MODULE

    # The window's import, armed but not done: the module may be half imported by now.
    warm_up = WarmUp((GRAPHS_MODULE,), delay_ms=60_000)
    warm_up.arm()
    page = ProgressPage(big_store, DataEvents(), tz=UTC, today=lambda: END, graphs_import=warm_up)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    assert page.graphs is None and not page.cards  # not waiting on the import's lock
    assert page.headline.isVisible() and "of 10 on average" in page.headline.values["pain"].text()
    qtbot.waitUntil(lambda: warm_up.done, timeout=30_000)  # started at once, not in a minute
    qtbot.waitUntil(lambda: page.view_complete, timeout=30_000)
    assert "stance" in page.cards
    wait_full(qtbot, page)


def test_the_headline_paints_before_the_graphs_are_built(
    qtbot: QtBot, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QObject

    import glutemed.render.graphs.progress_graphs  # noqa: F401  (imported: the quick path)

    page = ProgressPage(big_store, DataEvents(), tz=UTC, today=lambda: END)
    qtbot.addWidget(page)
    order: list[str] = []
    build = page._build_graphs
    monkeypatch.setattr(page, "_build_graphs", lambda: (order.append("graphs"), build()))

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "headline" not in order:
                order.append("headline")
            return False

    watch = Watch()
    page.headline.installEventFilter(watch)
    page.resize(1000, 900)
    page.show()
    assert page.graphs is None  # nothing heavy before the first paint
    assert "of 10 on average" in page.headline.values["pain"].text()
    qtbot.waitUntil(lambda: page.view_complete, timeout=30_000)
    assert order == ["headline", "graphs"]
