"""Programme actions reach every page through one path: the operation's `Changes`, the
announcer, then `programme_changed` (and `workout_saved` when the routine changed).
Real widgets, real SQLite, fixed dates; no dialog is shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Routine, RoutineItem, SetLog
from glutemed.store.programme import list_checkins, list_plan_changes
from glutemed.store.routines import save_routine
from glutemed.store.workouts import end_session, log_set, start_session
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.sound import RecordingSound
from glutemed.ui.progress.page import ProgressPage
from glutemed.ui.settings.page import SettingsPage
from glutemed.ui.workout.page import WorkoutPage
from glutemed.ui.workout.plan_buttons import PlanFileButtons

T0 = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
CATALOG = load_catalog()


class Counter:
    def __init__(self, signal) -> None:  # type: ignore[no-untyped-def]
        self.count = 0
        signal.connect(self.bump)

    def bump(self) -> None:
        self.count += 1


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch):
    import glutemed.ui.workout.page as page_module

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a real safety dialog was opened in a test")

    monkeypatch.setattr(page_module, "ask_screen", refuse)


def workout_page(qtbot, store, events, *, answers=None, opened: Path | None = None):
    clock = FakeClock(start=0.0)
    buttons = PlanFileButtons(
        store, CATALOG, lambda: page.editor.routine.id, choose_open=lambda: opened
    )
    page = WorkoutPage(
        store,
        CATALOG,
        clock,
        events,
        RecordingSound(),
        figure=QLabel(),
        rep_seconds=lambda e, v: 1.0,
        wall_now=lambda: T0 + timedelta(seconds=clock.now()),
        ask_safety=lambda current: answers if answers is not None else {},
        tz=UTC,
        plan_buttons=buttons,
    )
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def progress_page(qtbot, store, events, now: datetime = T0) -> ProgressPage:
    page = ProgressPage(store, events, tz=UTC, today=lambda: now.date(), now=lambda: now)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitUntil(lambda: page.graphs is not None)
    return page


def past_workout(store, days_ago: int, reps_right: int = 12) -> int:
    start = T0 - timedelta(days=days_ago, hours=1)
    sid = start_session(store, start)
    for side, reps in (("left", 12), ("right", reps_right)):
        for n in (1, 2):
            t = start + timedelta(minutes=n)
            log_set(
                store, SetLog(sid, "clamshell", "standard", side, n, 12, reps, None, None, t, t)
            )  # type: ignore[arg-type]
    end_session(store, sid, start + timedelta(minutes=15))
    return sid


def clamshells(store) -> None:
    item = RoutineItem("clamshell", "standard", 2, 12, None, 60)
    save_routine(store, Routine("Mine", [item], is_default=True))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_an_imported_plan_reaches_the_workout_and_progress_pages(qtbot, store, tmp_path):
    plan = tmp_path / "physio.toml"
    plan.write_text('name = "From Sam"\n[[exercise]]\nid = "fire_hydrant"\n')
    clamshells(store)
    past_workout(store, 2)  # something for Progress to graph
    events = DataEvents()
    workout = workout_page(qtbot, store, events, opened=plan)
    progress = progress_page(qtbot, store, events)
    drawn = progress._generation  # each reload draws a new generation
    programme, saved = Counter(events.programme_changed), Counter(events.workout_saved)
    messages: list[str] = []
    events.status_message.connect(messages.append)
    click(qtbot, workout.plan_buttons.findChild(QPushButton, "importPlanButton"))
    assert (programme.count, saved.count) == (1, 1)
    assert workout.editor.routine.name == "From Sam"
    assert [i.exercise_id for i in workout.editor.routine.items] == ["fire_hydrant"]
    assert messages == ["Now using the plan 'From Sam'."]
    assert progress._generation > drawn
    click(qtbot, workout.plan_buttons.findChild(QPushButton, "importPlanButton"))
    assert programme.count == 1 and "nothing changed" in messages[-1]
    qtbot.waitUntil(lambda: progress.full_loaded, timeout=10_000)


def test_safety_answers_before_a_first_workout_show_at_once_in_settings(qtbot, store):
    save_routine(
        store,
        Routine(
            "Mine",
            [RoutineItem("side_plank_abduction", "standard", 1, 5, 10.0, 45)],
            is_default=True,
        ),
    )
    events = DataEvents()
    settings = SettingsPage(store, events, catalog=CATALOG, ask_safety=lambda current: None)
    qtbot.addWidget(settings)
    assert "Not answered yet" in settings.safety_summary.text()
    workout = workout_page(qtbot, store, events, answers={"shoulder": True})
    progress = progress_page(qtbot, store, events)
    drawn = progress._generation
    programme = Counter(events.programme_changed)
    click(qtbot, workout.start_button)
    assert programme.count == 1
    assert progress._generation > drawn
    assert workout.stack.currentWidget() is workout.pain_prompt
    assert [i.exercise_id for i in workout.editor.routine.items] == ["side_lying_abduction"]
    assert "You said yes to:" in settings.safety_summary.text()
    assert "shoulder" in settings.safety_summary.text()


def test_refusing_every_change_is_kept_and_announced_once(qtbot, store):
    clamshells(store)
    past_workout(store, 4)
    past_workout(store, 2, reps_right=8)
    events = DataEvents()
    workout = workout_page(qtbot, store, events)
    progress = progress_page(qtbot, store, events)
    click(qtbot, workout.start_button)
    assert workout.stack.currentWidget() is workout.changes
    drawn = progress._generation
    for box in workout.changes.findChildren(QCheckBox):
        box.setChecked(False)
    programme = Counter(events.programme_changed)
    messages: list[str] = []
    events.status_message.connect(messages.append)
    with qtbot.assertNotEmitted(events.workout_saved):  # the routine stays as it was
        click(qtbot, workout.changes.continue_button)
    assert programme.count == 1 and progress._generation > drawn
    assert messages == ["Plan left as it was."]
    assert {c.status for c in list_plan_changes(store)} == {"refused"}
    assert [(i.sides, i.sets) for i in workout.editor.routine.items] == [("both", 2)]
    qtbot.waitUntil(lambda: progress.full_loaded, timeout=10_000)


def test_a_morning_checkin_hides_the_banner_and_refreshes_progress(qtbot, store):
    clamshells(store)
    sid = past_workout(store, 1)
    events = DataEvents()
    workout = workout_page(qtbot, store, events)
    progress = progress_page(qtbot, store, events)
    drawn = progress._generation
    assert workout.checkin.isVisible()
    messages: list[str] = []
    events.status_message.connect(messages.append)
    with qtbot.waitSignal(events.programme_changed, timeout=1000):
        click(qtbot, workout.checkin.settled)
    assert not workout.checkin.isVisible()
    assert [(c.session_id, c.settled) for c in list_checkins(store)] == [(sid, True)]
    assert messages == ["Noted: the pain from last time has eased."]
    assert progress._generation > drawn
    qtbot.waitUntil(lambda: progress.full_loaded, timeout=10_000)


def rate(qtbot, page: ProgressPage, activity: str, score: int) -> None:
    dialog = page.psfs_button.open_dialog()
    dialog.findChild(QLineEdit, "psfsActivity0").setText(activity)
    dialog.findChild(QSpinBox, "psfsScore0").setValue(score)
    click(qtbot, dialog.findChild(QPushButton, "psfsSaveButton"))


def test_a_new_user_rates_activities_from_the_empty_progress_page(qtbot, store):
    events = DataEvents()
    page = progress_page(qtbot, store, events)
    assert page.stack.currentWidget() is page.empty_state
    assert page.psfs_button.isVisible() and "(due)" in page.psfs_button.text()
    assert "Rate the activities" in page.empty_state.text()
    with qtbot.waitSignal(events.programme_changed, timeout=1000):
        rate(qtbot, page, "Putting on socks", 3)
    assert page.stack.currentWidget() is page.scroll
    qtbot.waitUntil(lambda: not page.function_card.visibleRegion().isEmpty())  # scrolled to
    assert "First rating 3.0" in page.function_card.readout.text()
    assert "(due)" not in page.psfs_button.text()
    qtbot.waitUntil(lambda: page.full_loaded, timeout=10_000)


def test_a_rating_made_while_progress_is_hidden_is_drawn_when_it_shows(qtbot, store):
    from glutemed.ops.programme_ops import record_psfs
    from glutemed.ui.common.announcer import Announcer

    past_workout(store, 2)
    events = DataEvents()
    page = progress_page(qtbot, store, events)
    page.hide()
    Announcer(events).announce(record_psfs(store, [("Stairs", 6)], T0).changes)
    page.show()
    qtbot.waitUntil(lambda: "First rating 6.0" in page.function_card.readout.text())
    qtbot.waitUntil(lambda: page.full_loaded, timeout=10_000)
