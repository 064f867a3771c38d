"""The Workout page driven by a fake clock: start, keys, figure sync, full screen, leaving."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Routine, RoutineItem
from glutemed.domain.vocabulary import CUE_NAMES, WorkoutPhase
from glutemed.motion import load_animation
from glutemed.store import workouts
from glutemed.store.pain import list_pain
from glutemed.store.routines import save_routine
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.sound import RecordingSound, SoundPlayer
from glutemed.ui.workout.figure import make_figure
from glutemed.ui.workout.page import WorkoutPage

REP_S = 2.0
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Answers:
    """Injectable confirm(): records questions, answers from a queue (default yes)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.replies: list[bool] = []

    def __call__(self, title: str, question: str) -> bool:
        self.asked.append(question)
        return self.replies.pop(0) if self.replies else True


@pytest.fixture
def rig(qtbot, store):
    catalog = load_catalog()
    save_routine(
        store,
        Routine(
            "Short",
            [
                RoutineItem("clamshell", "band", 1, 3, None, 10, band="red"),
                RoutineItem("side_plank_abduction", "standard", 1, 1, 4.0, 0),
            ],
            is_default=True,
        ),
    )
    clock = FakeClock(start=0.0)
    events = DataEvents()
    sound = RecordingSound()
    figure = make_figure()
    answers = Answers()
    page = WorkoutPage(
        store,
        catalog,
        clock,
        events,
        sound,
        confirm=answers,
        figure=figure,
        rep_seconds=lambda e, v: REP_S,
        wall_now=lambda: T0 + timedelta(seconds=clock.now()),
    )
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)

    class Rig:
        pass

    rig = Rig()
    rig.page, rig.clock, rig.events, rig.sound = page, clock, events, sound
    rig.figure, rig.answers, rig.store = figure, answers, store
    return rig


def advance(rig, seconds: float, step: float = 0.1) -> None:
    for _ in range(round(seconds / step)):
        rig.clock.advance(step)
        rig.page.player.tick()


def start(qtbot, rig, pain: int | None = None) -> None:
    qtbot.mouseClick(rig.page.start_button, Qt.MouseButton.LeftButton)
    assert rig.page.stack.currentWidget() is rig.page.pain_prompt
    button = (
        rig.page.pain_prompt.skip_button
        if pain is None
        else rig.page.pain_prompt.score_buttons[pain]
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert rig.page.stack.currentWidget() is rig.page.player


def key(qtbot, rig, k) -> None:
    qtbot.keyClick(rig.page.player, k)


def test_start_a_workout_creates_a_session_and_shows_the_player(qtbot, rig):
    start(qtbot, rig)
    assert rig.page.run.session.phase is WorkoutPhase.GET_READY
    [session] = workouts.list_sessions(rig.store)
    assert session.ended_at is None and session.started_at == T0
    assert rig.page.player.rep_counter.text() == "Get ready"
    assert rig.page.player.side_label.text() == "then left leg, 3 reps"
    assert "Clamshell with band" in rig.page.player.title.text()
    assert rig.page.player.ring.text() == "10"


def test_keyboard_controls(qtbot, rig):
    start(qtbot, rig)
    player, session = rig.page.player, rig.page.run.session
    key(qtbot, rig, Qt.Key.Key_Space)
    assert session.paused and player.buttons["pause"].text() == "Resume"
    advance(rig, 60)
    assert session.phase is WorkoutPhase.GET_READY
    key(qtbot, rig, Qt.Key.Key_Space)
    assert not session.paused
    key(qtbot, rig, Qt.Key.Key_Right)  # skip the get-ready
    assert session.phase is WorkoutPhase.WORK
    advance(rig, REP_S + 0.1)
    assert player.rep_counter.text() == "rep 1 / 3"
    key(qtbot, rig, Qt.Key.Key_Plus)
    assert player.rep_counter.text() == "rep 2 / 3"
    key(qtbot, rig, Qt.Key.Key_Minus)
    key(qtbot, rig, Qt.Key.Key_Minus)
    assert player.rep_counter.text() == "rep 0 / 3"
    advance(rig, 4.0)
    key(qtbot, rig, Qt.Key.Key_Left)  # well into the set: restart it
    assert player.rep_counter.text() == "rep 0 / 3" and session.phase is WorkoutPhase.WORK
    key(qtbot, rig, Qt.Key.Key_Right)  # skip the set: logged as skipped
    assert session.phase is WorkoutPhase.SWITCH_SIDES
    assert player.rep_counter.text() == "Switch sides"
    [logged] = workouts.sets_for_session(rig.store, rig.page.run.session_id)
    assert logged.skipped and logged.side == "left" and logged.band == "red"


def test_counter_follows_the_demo_rep_signal(qtbot, rig):
    start(qtbot, rig)
    demo_reps: list[int] = []
    rig.figure.rep_completed.connect(demo_reps.append)
    key(qtbot, rig, Qt.Key.Key_Right)
    demo_rep = load_animation("clamshell").rep_duration("band")
    demo_per_rep_s = demo_rep / REP_S
    for expected in (1, 2):
        advance(rig, REP_S)
        assert rig.page.player.rep_counter.text() == f"rep {expected} / 3"
        assert demo_reps[-1] == expected
        assert rig.figure.demo_time() == pytest.approx(0.0, abs=0.11 * demo_per_rep_s)
    advance(rig, REP_S / 2)
    # The figure is half-way through its own rep when the session is half-way through one.
    assert rig.figure.demo_time() == pytest.approx(demo_rep / 2, abs=0.11 * demo_per_rep_s)
    assert rig.figure.demo() == ("clamshell", "band", "left", "red")


def test_full_screen_toggles_and_esc_leaves_it_first(qtbot, rig):
    start(qtbot, rig)
    player = rig.page.player
    normal = player.rep_counter.font().pointSize()
    key(qtbot, rig, Qt.Key.Key_F)
    assert player.across_room and player.isWindow()
    qtbot.waitUntil(player.isFullScreen)
    assert player.rep_counter.max_point_size > 2 * normal  # as large as the screen allows
    assert player.rep_counter.font().pointSize() > normal
    assert not player.controls.isVisible()
    hint = player.full_screen_hint
    assert hint.isVisible() and "Esc" in hint.text() and "Space" in hint.text()
    assert player.rect().contains(hint.geometry())
    with qtbot.waitSignal(hint.fade.finished, timeout=5000):
        hint.wait.timeout.emit()  # the wait is over: it fades away
    assert not hint.isVisible()
    moved = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(10, 10),
        QPointF(10, 10),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(player.figure_slot, moved)  # the mouse moves: it comes back
    assert hint.isVisible() and hint.effect.opacity() == 1.0
    key(qtbot, rig, Qt.Key.Key_Escape)
    assert not player.across_room and not player.isWindow()
    assert not hint.isVisible()
    assert rig.page.stack.currentWidget() is player
    assert rig.answers.asked == []  # Esc in full screen does not ask to leave
    key(qtbot, rig, Qt.Key.Key_F)
    key(qtbot, rig, Qt.Key.Key_F)
    assert not player.isWindow()


def test_leaving_mid_session_asks_and_keeps_completed_sets(qtbot, rig):
    start(qtbot, rig)
    key(qtbot, rig, Qt.Key.Key_Right)
    advance(rig, 3 * REP_S + 0.1)  # left side done
    advance(rig, 6 + REP_S)  # into the right side
    rig.answers.replies = [False]
    key(qtbot, rig, Qt.Key.Key_Escape)
    assert len(rig.answers.asked) == 1 and "sets you finished are saved" in rig.answers.asked[0]
    assert rig.page.running() and not rig.page.run.session.paused  # "no" carries on
    key(qtbot, rig, Qt.Key.Key_Escape)  # "yes" this time
    assert not rig.page.running()
    sets = workouts.sets_for_session(rig.store, rig.page.run.session_id)
    assert [(s.side, s.reps_done, s.skipped) for s in sets] == [("left", 3, False)]
    [session] = workouts.list_sessions(rig.store)
    assert session.ended_at is not None
    assert rig.page.stack.currentWidget() is rig.page.pain_prompt
    question = rig.page.pain_prompt.question.text()
    assert "All done" not in question and "stopped early" in question
    qtbot.mouseClick(rig.page.pain_prompt.skip_button, Qt.MouseButton.LeftButton)
    assert rig.page.stack.currentWidget() is rig.page.summary
    text = rig.page.summary.body.text()
    assert "1</b> set done" in text
    # Against the plan: the left side was done, the right side and the plank never began.
    assert "3 of 3 reps" in text and "0 of 3 reps" in text and "0 of 1 hold of 4 s" in text
    assert "same plan again" in text


def test_whole_workout_logs_every_set_pain_and_shows_the_summary(qtbot, rig):
    saved: list[int] = []
    rig.events.workout_saved.connect(lambda: saved.append(1))
    start(qtbot, rig, pain=4)
    advance(rig, 120, step=0.25)
    assert rig.page.stack.currentWidget() is rig.page.pain_prompt
    assert rig.page.pain_prompt.question.text().startswith("All done.")
    qtbot.mouseClick(rig.page.pain_prompt.score_buttons[2], Qt.MouseButton.LeftButton)
    sets = workouts.sets_for_session(rig.store, rig.page.run.session_id)
    assert [(s.exercise_id, s.side, s.reps_done, s.hold_s) for s in sets] == [
        ("clamshell", "left", 3, None),
        ("clamshell", "right", 3, None),
        ("side_plank_abduction", "left", 1, 4.0),
        ("side_plank_abduction", "right", 1, 4.0),
    ]
    assert len(saved) >= 6  # session start, four sets, session end
    assert [(p.score, p.context) for p in list_pain(rig.store)] == [(2, "after"), (4, "before")]
    text = rig.page.summary.body.text()
    assert "4</b> sets done" in text and "2 points lower" in text
    assert text.count("as planned") == 4 and "add a set, then a band" in text
    assert "Next time" in text
    qtbot.mouseClick(rig.page.summary.close_button, Qt.MouseButton.LeftButton)
    assert rig.page.history.topLevelItemCount() == 1
    # Opening it again from the history shows the same sets.
    row = rig.page.history.topLevelItem(0)
    rect = rig.page.history.visualItemRect(row)
    viewport = rig.page.history.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # press first,
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
    assert rig.page.stack.currentWidget() is rig.page.summary
    assert "4</b> sets done" in rig.page.summary.body.text()
    rig.page.show_home()
    rig.page.history.setCurrentItem(rig.page.history.topLevelItem(0))  # rows are rebuilt
    qtbot.keyClick(rig.page.history, Qt.Key.Key_Return)
    assert rig.page.stack.currentWidget() is rig.page.summary


def test_cues_reach_the_sound_sink_at_the_right_moments(qtbot, rig):
    start(qtbot, rig)
    assert rig.sound.cues == []
    advance(rig, 7.0)
    assert rig.sound.cues == ["tick"]
    advance(rig, 3.0)
    assert rig.sound.cues == ["tick", "tick", "tick", "go"]
    advance(rig, REP_S)
    assert rig.sound.cues[-1] == "rep" and rig.sound.spoken[-1] == "1"
    advance(rig, 2 * REP_S)
    assert rig.sound.cues[-2:] == ["rep", "switch_sides"]
    advance(rig, 120, step=0.25)
    assert rig.sound.cues[-1] == "done"
    assert rig.sound.cues.count("switch_sides") == 2
    assert rig.sound.cues.count("rep") == 3 + 3 + 1 + 1


def test_missing_audio_backend_does_not_break_the_workout(qtbot, rig, store):
    messages: list[str] = []
    rig.events.status_message.connect(messages.append)
    silent = SoundPlayer("beeps", rig.events.status_message.emit, has_audio_output=lambda: False)
    rig.page.sound = rig.page.player.sound = silent
    start(qtbot, rig)
    advance(rig, 120, step=0.25)
    assert rig.page.stack.currentWidget() is rig.page.pain_prompt
    assert len(workouts.sets_for_session(store, rig.page.run.session_id)) == 4
    assert messages == ["No sound output was found, so the workout runs silently."]


def test_main_window_close_mid_workout_asks(qtbot, rig):
    start(qtbot, rig)
    rig.answers.replies = [False]
    assert rig.page.confirm_close() is False
    assert rig.page.confirm_close() is True
    assert workouts.list_sessions(rig.store) == []  # left before a rep: nothing kept


def test_number_keys_pick_the_pain_score(qtbot, rig):
    qtbot.mouseClick(rig.page.start_button, Qt.MouseButton.LeftButton)
    prompt = rig.page.pain_prompt
    assert rig.page.stack.currentWidget() is prompt
    qtbot.waitUntil(prompt.hasFocus)
    qtbot.keyClick(prompt, Qt.Key.Key_A)  # not a number: nothing happens
    assert rig.page.stack.currentWidget() is prompt
    qtbot.keyClick(prompt, Qt.Key.Key_7)
    assert rig.page.stack.currentWidget() is rig.page.player
    assert rig.page.pain_before == 7


def test_a_quit_signal_ends_the_workout_as_leave_does_without_asking(qtbot, rig):
    start(qtbot, rig)
    key(qtbot, rig, Qt.Key.Key_Right)
    advance(rig, 3 * REP_S + 0.1)  # left side done
    advance(rig, 6 + REP_S)  # into the right side
    rig.page.stop_without_asking()
    assert rig.answers.asked == [], "nobody is there to answer on Ctrl+C or SIGTERM"
    assert not rig.page.running()
    sets = workouts.sets_for_session(rig.store, rig.page.run.session_id)
    assert [(s.side, s.reps_done, s.skipped) for s in sets] == [("left", 3, False)]
    assert workouts.list_sessions(rig.store)[0].ended_at is not None


def test_workout_clock_stands_still_while_paused(qtbot, rig):
    start(qtbot, rig)
    player = rig.page.player
    advance(rig, 5)
    assert player.elapsed_label.text() == "0:05"
    key(qtbot, rig, Qt.Key.Key_Space)
    advance(rig, 3)
    assert player.elapsed_label.text() == "0:05"
    key(qtbot, rig, Qt.Key.Key_Space)
    advance(rig, 1)
    assert player.elapsed_label.text() == "0:06"


def test_leaving_before_any_rep_keeps_no_workout(qtbot, rig):
    messages: list[str] = []
    rig.events.status_message.connect(messages.append)
    start(qtbot, rig)
    key(qtbot, rig, Qt.Key.Key_Escape)  # the confirm answers yes
    assert workouts.list_sessions(rig.store) == []
    assert rig.page.stack.currentWidget() is rig.page.home
    assert any("not added to Past workouts" in m for m in messages)
    assert rig.page.history.topLevelItemCount() == 0


def test_sound_effects_are_made_when_a_workout_starts_not_before(qtbot, rig):
    player = SoundPlayer("beeps", has_audio_output=lambda: True)
    rig.page.sound = rig.page.player.sound = player
    assert player.children() == []  # the page is open; no sound effect exists yet
    start(qtbot, rig)
    assert len(player.children()) == len(CUE_NAMES) and player.active_mode == "beeps"
