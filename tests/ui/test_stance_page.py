"""The stance page driven like a person would: key presses and clicks, with a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Profile, StanceTrial
from glutemed.domain.vocabulary import StancePhase
from glutemed.store import Store
from glutemed.store.profile import save_profile
from glutemed.store.stance import create_session, list_sessions, save_trial
from glutemed.ui.common.events import DataEvents
from glutemed.ui.stance.page import StancePage

NOW = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)


class RecordingSound:
    def __init__(self) -> None:
        self.cues: list[str] = []
        self.prepared = False

    def play(self, cue: str, words: str | None = None) -> None:
        self.cues.append(cue)

    def prepare(self) -> None:
        self.prepared = True


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


@pytest.fixture
def sound() -> RecordingSound:
    return RecordingSound()


@pytest.fixture
def page(qtbot: QtBot, store: Store, clock: FakeClock, sound: RecordingSound) -> StancePage:
    save_profile(store, Profile(birth_year=1968, preferred_side_order="right_first"))
    widget = StancePage(store, clock, DataEvents(), sound, wall_clock=lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def find(page: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


def timer(page: StancePage) -> QLabel:
    return find(page, QLabel, "stanceTimer")  # type: ignore[no-any-return]


def click(qtbot: QtBot, page: StancePage, name: str) -> None:
    widget = page.findChild(QWidget, name)
    assert widget is not None and widget.isVisible(), name
    # Radio buttons and check boxes react on their box and text, at the left.
    where = QPoint(8, widget.height() // 2) if isinstance(widget, QAbstractButton) else QPoint()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where if not where.isNull() else None)


def count_down(qtbot: QtBot, page: StancePage, clock: FakeClock) -> None:
    """Press Space on the focused start button and let the 3-2-1 run on the fake clock."""
    start = find(page, QPushButton, "startTrialButton")
    assert start.hasFocus()
    qtbot.keyClick(start, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: timer(page).text() == "3")
    clock.advance(1.0)
    qtbot.waitUntil(lambda: timer(page).text() == "2")
    clock.advance(1.0)
    qtbot.waitUntil(lambda: timer(page).text() == "1")
    clock.advance(1.0)
    qtbot.waitUntil(lambda: page.protocol is not None and page.protocol.phase is StancePhase.TIMING)


def hold(qtbot: QtBot, page: StancePage, clock: FakeClock, seconds: float, shown: str) -> None:
    clock.advance(seconds)
    qtbot.waitUntil(lambda: timer(page).text() == shown)


def test_full_test_by_keys_and_clicks(
    qtbot: QtBot, page: StancePage, store: Store, clock: FakeClock, sound: RecordingSound
) -> None:
    # An earlier eyes-open test to compare with.
    earlier = create_session(store, NOW - timedelta(days=14), "open", 45.0)
    save_trial(store, earlier, StanceTrial("right", 1, 20.0, "foot_down"))
    save_trial(store, earlier, StanceTrial("left", 1, 3.0, "foot_down"))

    saved_signals: list[None] = []
    page._events.stance_saved.connect(lambda: saved_signals.append(None))
    assert not sound.prepared  # the page alone loads no sound
    click(qtbot, page, "startTestButton")
    assert sound.prepared  # a test starting does, before its first cue
    header = find(page, QLabel, "trialHeader")
    assert "RIGHT leg · trial 1 of 3" in header.text()  # preferred side first
    assert "hands on your hips" in find(page, QLabel, "instructionsText").text()

    # Right 1: the timer follows the clock; any key stops it; the trial is saved at the
    # stop, and its label is an update of that row.
    count_down(qtbot, page, clock)
    assert sound.cues == ["tick", "tick", "tick", "go"]
    hold(qtbot, page, clock, 7.46, "7.4")
    hold(qtbot, page, clock, 10.0, "17.4")
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sound.cues[-1] == "stop"
    assert timer(page).text() == "17.4"
    assert len(list_sessions(store)) == 2 and not saved_signals  # written, told with its label
    assert [(t.seconds, t.ended_by) for t in list_sessions(store)[0].trials] == [(17.46, "manual")]
    click(qtbot, page, "reason_hands_off")
    click(qtbot, page, "pelvisDroppedCheck")
    with qtbot.waitSignal(page._events.stance_saved):
        click(qtbot, page, "saveTrialButton")
    [saved] = list_sessions(store)[0].trials
    assert (saved.side, saved.seconds, saved.ended_by, saved.pelvis_dropped) == (
        "right",
        17.46,
        "hands_off",
        True,
    )

    # Left 1: a false start, redone; a click anywhere (on a label) stops it.
    assert "LEFT leg · trial 1 of 3" in header.text()
    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 0.3, "0.3")
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert len(list_sessions(store)[0].trials) == 2  # the false start, saved at its stop
    click(qtbot, page, "retryButton")
    assert len(list_sessions(store)[0].trials) == 1  # and deleted when retried
    assert "LEFT leg · trial 1 of 3" in header.text()
    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 4.0, "4.0")
    qtbot.mouseClick(find(page, QWidget, "figureSlot"), Qt.MouseButton.LeftButton)
    assert page.protocol is not None and page.protocol.phase is StancePhase.OUTCOME
    form = find(page, QWidget, "outcomeForm")
    qtbot.waitUntil(form.hasFocus)  # no Tab needed: Enter saves at once
    qtbot.keyClick(form, Qt.Key.Key_Return)  # default: the lifted foot touched down
    assert page.protocol.phase is not StancePhase.OUTCOME
    [left_1] = [t for t in list_sessions(store)[0].trials if t.side == "left"]
    assert left_1.ended_by == "foot_down"

    # Right 2 reaches the cap: it stops by itself with a sound, and right 3 is skipped.
    count_down(qtbot, page, clock)
    sound.cues.clear()
    clock.advance(50.0)
    qtbot.waitUntil(lambda: find(page, QWidget, "outcomeForm").isVisible())
    assert sound.cues == ["stop"]
    assert timer(page).text() == "45.0"
    assert not find(page, QRadioButton, "reason_foot_down").isVisible()
    click(qtbot, page, "saveTrialButton")

    # Left 2, then finish early.
    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 5.0, "5.0")
    qtbot.keyClick(page, Qt.Key.Key_A)
    click(qtbot, page, "trunkLeanCheck")
    click(qtbot, page, "saveTrialButton")
    click(qtbot, page, "finishTestButton")

    def text(name: str) -> str:
        return find(page, QLabel, name).text()  # type: ignore[no-any-return]

    assert text("rightBest") == "45.0 s (limit)"
    assert text("rightMean") == "31.2 s"  # (17.46 + 45) / 2
    assert text("leftBest") == "5.0 s"
    assert text("leftMean") == "4.5 s"
    assert text("leftTrials") == "2"
    assert "<b>11%</b>" in text("symmetryValue")  # 5 / 45
    assert "could not be checked" in text("normText")  # Springer values withheld
    assert "under 5 s" not in text("markersText")  # 5.0 s is a full 5 s hold (Vellas 1997)
    assert "lifted (left) side" in text("pelvisText")  # the drop was standing on the right
    assert "Left leg best: 3.0 s → 5.0 s (+2.0 s)" in text("changeText")
    assert "Right leg best: 20.0 s → 45.0 s (+25.0 s)" in text("changeText")

    click(qtbot, page, "resultsDoneButton")
    assert len(list_sessions(store)) == 2
    assert len(saved_signals) == 4  # one change signal per trial; the false start none


def test_a_key_during_the_countdown_cancels_it(
    qtbot: QtBot, page: StancePage, clock: FakeClock, store: Store
) -> None:
    click(qtbot, page, "startTestButton")
    count_down_start = find(page, QPushButton, "startTrialButton")
    qtbot.keyClick(count_down_start, Qt.Key.Key_Space)
    clock.advance(1.5)
    qtbot.waitUntil(lambda: timer(page).text() == "2")
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert page.protocol is not None and page.protocol.phase is StancePhase.READY
    assert not page.ticker.isActive()
    assert list_sessions(store, with_empty=True) == []


def test_eyes_closed_is_offered_only_after_five_seconds_on_each_leg(
    qtbot: QtBot, page: StancePage, store: Store
) -> None:
    closed = find(page, QRadioButton, "eyesClosedRadio")
    assert not closed.isEnabled()
    assert "eyes-open test on both legs" in find(page, QLabel, "eyesClosedNote").text()
    short = create_session(store, NOW, "open", 45.0)
    save_trial(store, short, StanceTrial("left", 1, 12.0, "foot_down"))
    save_trial(store, short, StanceTrial("right", 1, 4.0, "foot_down"))
    page._events.stance_saved.emit()
    assert not closed.isEnabled()
    assert "right leg was under 5 s" in find(page, QLabel, "eyesClosedNote").text()
    steady = create_session(store, NOW + timedelta(days=1), "open", 45.0)
    save_trial(store, steady, StanceTrial("left", 1, 12.0, "foot_down"))
    save_trial(store, steady, StanceTrial("right", 1, 5.0, "foot_down"))
    page._events.stance_saved.emit()
    assert closed.isEnabled()


def test_abandon_keeps_finished_trials(
    qtbot: QtBot, page: StancePage, clock: FakeClock, store: Store
) -> None:
    steady = create_session(store, NOW - timedelta(days=1), "open", 45.0)
    save_trial(store, steady, StanceTrial("left", 1, 12.0, "foot_down"))
    save_trial(store, steady, StanceTrial("right", 1, 16.0, "foot_down"))
    page._events.stance_saved.emit()
    find(page, QRadioButton, "eyesClosedRadio").setChecked(True)
    click(qtbot, page, "startTestButton")
    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 6.0, "6.0")
    qtbot.keyClick(page, Qt.Key.Key_Space)
    click(qtbot, page, "reason_eyes_opened")
    click(qtbot, page, "saveTrialButton")
    click(qtbot, page, "abandonButton")
    [test] = [t for t in list_sessions(store) if t.eyes == "closed"]
    assert [(t.seconds, t.ended_by) for t in test.trials] == [(6.0, "eyes_opened")]
    assert "stopped early" in find(page, QLabel, "resultsTitle").text()
    assert "could not be checked" in find(page, QLabel, "normText").text()


def test_delete_from_history_and_undo(qtbot: QtBot, page: StancePage, store: Store) -> None:
    test_id = create_session(store, NOW, "open", 45.0)
    save_trial(store, test_id, StanceTrial("left", 1, 12.0, "foot_down"))
    save_trial(store, test_id, StanceTrial("right", 1, 16.0, "foot_down"))
    page._events.stance_saved.emit()
    history = page.history.list
    assert history.count() == 1
    assert "Left 12.0 s · Right 16.0 s · symmetry 75%" in history.item(0).text()

    click(qtbot, page, "showTestButton")
    assert find(page, QLabel, "leftBest").text() == "12.0 s"
    click(qtbot, page, "resultsDoneButton")

    click(qtbot, page, "deleteTestButton")
    assert list_sessions(store) == [] and history.count() == 0
    assert find(page, QWidget, "undoBanner").isVisible()
    qtbot.keyClick(history, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [restored] = list_sessions(store)
    assert restored.id == test_id and len(restored.trials) == 2
    assert history.count() == 1
    assert not find(page, QWidget, "undoBanner").isVisible()


def test_no_birth_year_and_bad_birth_year(
    qtbot: QtBot, store: Store, clock: FakeClock, sound: RecordingSound
) -> None:
    save_profile(store, Profile(birth_year=2031))
    page = StancePage(store, clock, DataEvents(), sound, wall_clock=lambda: NOW)
    qtbot.addWidget(page)
    assert "2031 is in the future" in find(page, QLabel, "profileNote").text()
    save_profile(store, Profile(birth_year=None))
    page._events.profile_changed.emit()
    assert "Add your birth year" in find(page, QLabel, "profileNote").text()


def test_in_the_main_window_a_sidebar_click_or_shortcut_only_stops_the_trial(
    qtbot: QtBot, store: Store
) -> None:
    from glutemed.catalog import load_catalog
    from glutemed.ui.main_window import MainWindow

    # Windows of earlier tests are closed but still alive; their application-wide shortcuts
    # would make Ctrl+1 ambiguous (so it would do nothing) and this test meaningless.
    for old in QApplication.topLevelWidgets():
        if isinstance(old, MainWindow):
            for shortcut in old.findChildren(QShortcut):
                shortcut.setEnabled(False)
    clock = FakeClock()
    window = MainWindow(store, load_catalog(), clock, DataEvents())
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "stance"
    page = window.page("stance")
    assert isinstance(page, StancePage)
    click(qtbot, page, "startTestButton")

    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 9.0, "9.0")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "stance"  # the shortcut did not fire
    assert page.protocol is not None and page.protocol.phase is StancePhase.OUTCOME
    click(qtbot, page, "saveTrialButton")
    assert list_sessions(store)[0].trials[0].seconds == 9.0

    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 4.0, "4.0")
    sidebar = window.sidebar
    exercises = sidebar.visualItemRect(sidebar.item(0)).center()
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=exercises)
    assert window.current_page_key() == "stance"  # the click did not change page
    assert page.protocol is not None and page.protocol.pending is not None
    assert page.protocol.pending.seconds == 4.0
    # Once stopped, clicks work normally again.
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=exercises)
    assert window.current_page_key() == "exercises"
    # Closing the window with the trial still unlabelled saves it as it stands.
    window.close()
    assert [(t.seconds, t.ended_by) for t in list_sessions(store)[0].trials] == [
        (9.0, "foot_down"),
        (4.0, "manual"),
    ]


def test_a_stopped_trial_outlives_the_page_dropped_before_its_label(
    qtbot: QtBot, page: StancePage, store: Store, clock: FakeClock, data_dir
) -> None:
    """The label is asked after the timer stops; a crash then must not lose the time."""
    from glutemed.store import open_store

    click(qtbot, page, "startTestButton")
    count_down(qtbot, page, clock)
    hold(qtbot, page, clock, 12.34, "12.3")
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert find(page, QWidget, "outcomeForm").isVisible()  # waiting for how it ended
    page.close()  # dropped without a label, and without the window's confirm_close
    reopened = open_store(data_dir)  # as the next start would open the file
    try:
        [test] = list_sessions(reopened)
    finally:
        reopened.close()
    assert test.taken_at == NOW and test.eyes == "open"
    assert [(t.side, t.trial_no, t.seconds, t.ended_by) for t in test.trials] == [
        ("right", 1, 12.34, "manual")
    ]


def test_the_page_loads_no_qt_multimedia_until_a_video_is_written() -> None:
    """Qt Multimedia stays resident once loaded (~6 MB): the page's modules leave it out."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; import glutemed.ui.stance.page, glutemed.ui.stance.video_saving; "
        "print('PySide6.QtMultimedia' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(Path(__file__).parents[2] / "src"), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.stdout.split() == ["False"]
