"""No work when nobody watches: timers stop or slow down, clocks and cues go on.

Real widgets on the offscreen platform, fake clocks; Qt's own timers tick (no sleeping):
the assertions are about which timers run and what is drawn, not about wall time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Profile, Routine, RoutineItem
from glutemed.domain.vocabulary import StancePhase, WorkoutPhase
from glutemed.motion import load_animation
from glutemed.store import Store
from glutemed.store.profile import save_profile
from glutemed.store.routines import save_routine
from glutemed.store.stance import list_sessions
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.sound import RecordingSound
from glutemed.ui.exercises.demo_player import DemoPlayer
from glutemed.ui.figure.widget import AUTO_PAUSE_S, FigureWidget
from glutemed.ui.stance.page import HIDDEN_TICK_MS as STANCE_HIDDEN_MS
from glutemed.ui.stance.page import TICK_MS as STANCE_TICK_MS
from glutemed.ui.stance.page import StancePage
from glutemed.ui.workout.figure import make_figure
from glutemed.ui.workout.page import WorkoutPage
from glutemed.ui.workout.player import HIDDEN_TICK_MS, TICK_MS

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"


def _loader(exercise_id: str):  # type: ignore[no-untyped-def]
    return load_animation(exercise_id, ANIMATIONS)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


class Pages(QStackedWidget):
    """A window with a demo on one page and something else on another."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.player = DemoPlayer(clock=clock)
        self.player.figure._loader = _loader
        self.other = QLabel("Another page")
        self.addWidget(self.player)
        self.addWidget(self.other)


@pytest.fixture
def pages(qtbot: QtBot, clock: FakeClock) -> Pages:
    window = Pages(clock)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.player.set_demo("standing_abduction", "standard", "right")
    return window


def _ticking(figure: FigureWidget) -> bool:
    return figure._timer.isActive()


def test_demo_timer_runs_only_while_the_figure_can_be_seen(qtbot: QtBot, pages: Pages) -> None:
    figure = pages.player.figure
    assert figure.is_playing() and _ticking(figure)

    pages.setCurrentWidget(pages.other)  # another page is current
    assert figure.is_playing() and not _ticking(figure)
    pages.setCurrentWidget(pages.player)
    assert _ticking(figure)

    pages.showMinimized()  # the window is minimised
    qtbot.waitUntil(lambda: not _ticking(figure))
    assert figure.is_playing()  # still "playing": it goes on when the window comes back
    pages.showNormal()
    qtbot.waitUntil(lambda: _ticking(figure))

    pages.hide()  # the window is closed to the tray / unmapped
    assert not _ticking(figure)
    pages.show()
    qtbot.waitUntil(lambda: _ticking(figure))


def test_playing_while_unseen_starts_no_timer(pages: Pages) -> None:
    figure = pages.player.figure
    figure.pause()
    pages.setCurrentWidget(pages.other)
    figure.play()
    assert figure.is_playing() and not _ticking(figure)


def test_demo_time_keeps_flowing_while_unseen(pages: Pages, clock: FakeClock) -> None:
    figure = pages.player.figure
    pages.setCurrentWidget(pages.other)
    clock.advance(3.0)
    pages.setCurrentWidget(pages.player)
    assert figure.demo_time() == pytest.approx(3.0)


def test_demo_pauses_itself_after_two_minutes_untouched(
    qtbot: QtBot, pages: Pages, clock: FakeClock
) -> None:
    figure, player = pages.player.figure, pages.player
    resume = figure.findChild(QWidget, "resumeButton")
    assert resume is not None and not resume.isVisible()
    clock.advance(AUTO_PAUSE_S - 1)
    qtbot.wait(50)  # a few real timer ticks
    assert figure.is_playing()
    with qtbot.waitSignal(figure.auto_paused):  # the repaint timer notices by itself
        clock.advance(2)
    assert not figure.is_playing() and not _ticking(figure)
    assert resume.isVisible()
    assert player.play_button.text() == "Play"
    shown = figure.demo_time()
    clock.advance(600)  # paused: nothing moves, nothing ticks
    assert figure.demo_time() == shown

    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
    assert figure.is_playing() and _ticking(figure)
    assert not resume.isVisible()
    assert player.play_button.text() == "Pause"


def _press(widget: QWidget) -> None:
    point = QPointF(50, 50)
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QApplication.sendEvent(
            widget,
            QMouseEvent(
                kind,
                point,
                point,
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )


def test_any_interaction_restarts_the_two_minutes(pages: Pages, clock: FakeClock) -> None:
    figure, player = pages.player.figure, pages.player
    for touch in (
        lambda: _press(figure),  # a drag to orbit
        lambda: player.findChild(QWidget, "viewSideButton").click(),
        lambda: player.speed_combo.setCurrentIndex(0),
        lambda: player.set_demo("clamshell"),
    ):
        clock.advance(AUTO_PAUSE_S - 10)
        touch()
        clock.advance(AUTO_PAUSE_S - 10)
        figure.refresh()
        assert figure.is_playing()
    clock.advance(20)
    figure.refresh()
    assert not figure.is_playing()


def test_coming_back_to_the_page_does_not_pause_at_once(pages: Pages, clock: FakeClock) -> None:
    figure = pages.player.figure
    pages.setCurrentWidget(pages.other)
    clock.advance(10 * AUTO_PAUSE_S)  # away for a long time
    pages.setCurrentWidget(pages.player)
    figure.refresh()
    assert figure.is_playing()


def test_a_still_pose_is_not_painted_again(qtbot: QtBot, pages: Pages, clock: FakeClock) -> None:
    figure = pages.player.figure
    paints: list[int] = []
    figure.installEventFilter(_PaintCounter(paints, figure))
    figure.pause()
    figure.play()
    qtbot.waitUntil(lambda: len(paints) > 0)
    paints.clear()
    qtbot.wait(100)  # the fake clock stands still: the pose does not change
    assert paints == []
    clock.advance(0.5)
    qtbot.waitUntil(lambda: len(paints) > 0)


class _PaintCounter(QWidget):
    def __init__(self, paints: list[int], parent: QWidget) -> None:
        super().__init__(parent)
        self.hide()
        self._paints = paints

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.Paint:
            self._paints.append(1)
        return False


# --- a running workout keeps its clock and cues, but draws only when seen --------------------


@pytest.fixture
def workout(qtbot: QtBot, store: Store) -> tuple[WorkoutPage, FakeClock, RecordingSound]:
    save_routine(
        store,
        Routine("Short", [RoutineItem("clamshell", "band", 1, 3, None, 10)], is_default=True),
    )
    clock = FakeClock(start=0.0)
    sound = RecordingSound()
    t0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    page = WorkoutPage(
        store,
        load_catalog(),
        clock,
        DataEvents(),
        sound,
        confirm=lambda title, question: True,
        figure=make_figure(),
        rep_seconds=lambda e, v: 2.0,
        wall_now=lambda: t0 + timedelta(seconds=clock.now()),
        ask_safety=lambda current: {},  # no conditions: the plan stays as saved
    )
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.pain_prompt.skip_button, Qt.MouseButton.LeftButton)
    return page, clock, sound


def test_minimised_workout_keeps_time_and_cues_but_draws_nothing(
    qtbot: QtBot, workout: tuple[WorkoutPage, FakeClock, RecordingSound]
) -> None:
    page, clock, sound = workout
    player = page.player
    assert player.timer.interval() == TICK_MS
    assert player.rep_counter.text() == "Get ready"
    page.showMinimized()
    qtbot.waitUntil(lambda: player.timer.interval() == HIDDEN_TICK_MS)
    assert player.timer.isActive()  # still ticking: the session needs it for its cues

    clock.advance(10.1)  # the get-ready countdown ends: the set starts
    qtbot.waitUntil(lambda: page.run.session.phase is WorkoutPhase.WORK)
    for _ in range(2):
        clock.advance(2.0)  # one rep each
        count = len(sound.cues)
        qtbot.waitUntil(lambda count=count: len(sound.cues) > count)
    assert sound.cues.count("rep") == 2
    assert player.rep_counter.text() == "Get ready"  # nothing was drawn meanwhile
    assert player.elapsed_label.text() == "0:00"

    page.showNormal()
    qtbot.waitUntil(lambda: player.timer.interval() == TICK_MS)
    assert player.rep_counter.text() == "rep 2 / 3"  # drawn at once on coming back
    assert player.elapsed_label.text() == "0:14"


# --- a running stance test keeps its clock and the cap's cue, drawing only when seen ----------


def test_minimised_stance_test_still_stops_at_the_cap_and_saves(qtbot: QtBot, store: Store) -> None:
    save_profile(store, Profile(birth_year=1968, preferred_side_order="right_first"))
    clock = FakeClock(100.0)
    sound = RecordingSound()
    page = StancePage(store, clock, DataEvents(), sound, wall_clock=lambda: datetime.now(UTC))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    timer_label = page.findChild(QLabel, "stanceTimer")
    qtbot.mouseClick(page.findChild(QPushButton, "startTestButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.findChild(QPushButton, "startTrialButton"), Qt.MouseButton.LeftButton)
    for _ in range(3):
        clock.advance(1.0)
        qtbot.wait(60)
    qtbot.waitUntil(lambda: page.protocol.phase is StancePhase.TIMING)
    clock.advance(2.0)
    qtbot.waitUntil(lambda: timer_label.text() == "2.0")
    assert page.ticker.interval() == STANCE_TICK_MS

    page.showMinimized()
    qtbot.waitUntil(lambda: page.ticker.interval() == STANCE_HIDDEN_MS)
    clock.advance(10.0)
    qtbot.wait(250)  # ticks come, but the timer on screen is not redrawn
    assert timer_label.text() == "2.0"
    sound.cues.clear()
    clock.advance(60.0)  # past the 45 s cap
    qtbot.waitUntil(lambda: page.protocol.phase is StancePhase.OUTCOME)
    assert sound.cues == ["stop"]
    stopped = page.protocol.pending
    assert stopped is not None and stopped.capped and stopped.seconds == pytest.approx(45.0)

    page.showNormal()
    qtbot.waitUntil(lambda: page.ticker.interval() == STANCE_TICK_MS)
    assert timer_label.text() == "45.0"
    qtbot.mouseClick(page.findChild(QPushButton, "saveTrialButton"), Qt.MouseButton.LeftButton)
    [trial] = list_sessions(store)[0].trials
    assert trial.capped and trial.seconds == pytest.approx(45.0)
