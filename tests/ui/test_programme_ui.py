"""The adapting programme in the Workout page: safety screen, what changed and why (with
refusal), the morning check-in, and the plan file and sheet buttons. Fake clock and dates."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Routine, RoutineItem, SetLog
from glutemed.ops.plan_ops import current_plan
from glutemed.store.programme import list_checkins, list_plan_changes
from glutemed.store.routines import save_routine
from glutemed.store.workouts import end_session, log_set, start_session
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.sound import RecordingSound
from glutemed.ui.workout.page import WorkoutPage
from glutemed.ui.workout.plan_buttons import PlanFileButtons

T0 = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
CATALOG = load_catalog()


class Screen:
    """Injectable safety questions: records each call and answers from a queue."""

    def __init__(self, *replies: dict[str, bool] | None) -> None:
        self.replies = list(replies)
        self.calls = 0

    def __call__(self, current):  # type: ignore[no-untyped-def]
        self.calls += 1
        return self.replies.pop(0) if self.replies else {}


def make_page(qtbot, store, screen: Screen, tmp_path: Path, opened: Path | None = None):
    clock = FakeClock(start=0.0)
    events = DataEvents()
    saved: list[Path] = []

    def choose_save(name: str, kind: str) -> Path:
        saved.append(tmp_path / name)
        return tmp_path / name

    buttons = PlanFileButtons(
        store,
        CATALOG,
        lambda: page.editor.routine.id,
        choose_open=lambda: opened,
        choose_save=choose_save,
        today=lambda: T0.date(),
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
        ask_safety=screen,
        tz=UTC,
        plan_buttons=buttons,
    )
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def routine(store, *items: RoutineItem) -> None:
    save_routine(store, Routine("Mine", list(items), is_default=True))


def past_workout(store, days_ago: int, reps_left: int = 12, reps_right: int = 12) -> int:
    start = T0 - timedelta(days=days_ago, hours=1)
    sid = start_session(store, start)
    for side, reps in (("left", reps_left), ("right", reps_right)):
        for n in (1, 2):
            t = start + timedelta(minutes=n)
            entry = SetLog(sid, "clamshell", "standard", side, n, 12, reps, None, None, t, t)  # type: ignore[arg-type]
            log_set(store, entry)
    end_session(store, sid, start + timedelta(minutes=15))
    return sid


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_first_workout_asks_the_screen_once_and_the_shoulder_swaps_the_side_plank(
    qtbot, store, tmp_path
):
    routine(store, RoutineItem("side_plank_abduction", "standard", 1, 5, 10.0, 45))
    screen = Screen(None, {"shoulder": True})
    page = make_page(qtbot, store, screen, tmp_path)
    click(qtbot, page.start_button)  # cancelled: no workout, a clear note
    assert page.stack.currentWidget() is page.home
    assert "safety questions" in page.start_problem.text()
    click(qtbot, page.start_button)
    assert page.stack.currentWidget() is page.pain_prompt
    assert [i.exercise_id for i in page.editor.routine.items] == ["side_lying_abduction"]
    page.show_home()
    click(qtbot, page.start_button)
    assert screen.calls == 2  # answered once: not asked again


def test_what_changed_and_why_can_be_refused_or_accepted(qtbot, store, tmp_path):
    routine(store, RoutineItem("clamshell", "standard", 2, 12, None, 60))
    past_workout(store, 4)
    past_workout(store, 2, reps_right=8)
    page = make_page(qtbot, store, Screen(), tmp_path)
    click(qtbot, page.start_button)
    assert page.stack.currentWidget() is page.changes
    left = page.changes.findChild(QCheckBox, "change0")
    right = page.changes.findChild(QCheckBox, "change1")
    reason = page.changes.findChild(QLabel, "changeReason0").text()
    assert "left side: 2 x 12 -> 3 x 12" in left.text() and "Progressed" in reason
    assert "right side: 2 x 12 -> 1 x 12" in right.text()
    assert "cut short" in page.changes.findChild(QLabel, "changeReason1").text()
    right.setChecked(False)  # refuse the step back
    click(qtbot, page.changes.continue_button)
    assert page.stack.currentWidget() is page.pain_prompt
    items = current_plan(store, CATALOG, page.editor.routine.id).routine.items
    assert [(i.sides, i.sets) for i in items] == [("left", 3), ("right", 2)]
    assert [(i.sides, i.sets) for i in page.editor.routine.items] == [("left", 3), ("right", 2)]
    assert [c.status for c in list_plan_changes(store)] == ["applied", "refused"]


def test_morning_checkin_is_one_tap_and_feeds_the_pain_rule(qtbot, store, tmp_path):
    routine(store, RoutineItem("clamshell", "standard", 2, 12, None, 60))
    past_workout(store, 3)
    sid = past_workout(store, 1)
    page = make_page(qtbot, store, Screen(), tmp_path)
    assert page.checkin.isVisible()
    click(qtbot, page.checkin.not_settled)
    assert not page.checkin.isVisible()
    assert [(c.session_id, c.settled) for c in list_checkins(store)] == [(sid, False)]
    click(qtbot, page.start_button)
    text = page.changes.findChild(QLabel, "changeReason0").text()
    assert "Stepped back" in text and "next morning" in text


def test_plan_buttons_import_export_and_print(qtbot, store, tmp_path):
    plan = tmp_path / "physio.toml"
    plan.write_text(
        'name = "From Sam"\nclinician = "Sam"\nlocked = true\n'
        '[[exercise]]\nid = "fire_hydrant"\n[exercise.left]\nsets = 2\n'
    )
    routine(store, RoutineItem("clamshell", "standard", 2, 12, None, 60))
    page = make_page(qtbot, store, Screen(), tmp_path, opened=plan)
    messages: list[str] = []
    page.events.status_message.connect(messages.append)
    click(
        qtbot,
        page.plan_buttons.findChild(type(page.start_button), "importPlanButton"),
    )
    assert page.editor.routine.name == "From Sam"
    assert [(i.sides, i.sets) for i in page.editor.routine.items] == [("left", 2), ("right", 3)]
    click(qtbot, page.plan_buttons.findChild(type(page.start_button), "importPlanButton"))
    assert "nothing changed" in messages[-1]
    click(qtbot, page.plan_buttons.findChild(type(page.start_button), "exportPlanButton"))
    assert 'clinician = "Sam"' in (tmp_path / "plan.toml").read_text()
    click(qtbot, page.plan_buttons.findChild(type(page.start_button), "sheetButton"))
    pdf = tmp_path / "home-exercises.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Fire hydrant" in text and "Left side: 2 sets of 12" in text and "Sam" in text
    plan.write_text('name = "x"\n[[exercise]]\nid = "nope"\n')
    click(qtbot, page.plan_buttons.findChild(type(page.start_button), "importPlanButton"))
    assert messages[-1].startswith("Plan not imported: physio.toml:")
    assert page.editor.routine.name == "From Sam"


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch):
    """A real modal dialog would block the run: fail loudly instead."""
    import glutemed.ui.workout.page as page_module

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a real safety dialog was opened in a test")

    monkeypatch.setattr(page_module, "ask_screen", refuse)


def test_settings_changes_the_safety_answers_and_the_workout_routine_follows(
    qtbot, store, tmp_path
):
    from glutemed.ui.settings.page import SettingsPage

    routine(
        store,
        RoutineItem("clamshell", "standard", 2, 12, None, 60),
        RoutineItem("clamshell", "reverse", 2, 12, None, 60),
    )
    page = make_page(qtbot, store, Screen(), tmp_path)
    settings = SettingsPage(
        store, page.events, catalog=CATALOG, ask_safety=lambda current: {"hip_replacement": True}
    )
    qtbot.addWidget(settings)
    assert "Not answered yet" in settings.safety_summary.text()
    click(qtbot, settings.safety_button)
    text = settings.safety_summary.text()
    assert "hip replacement" in text and "Reverse clam removed" in text and "NHS" in text
    assert [i.variation_id for i in page.editor.routine.items] == ["standard"]


def test_psfs_rated_on_progress_graphed_with_its_change(qtbot, store):
    from glutemed.domain.records import PainLog
    from glutemed.store.pain import add_pain
    from glutemed.ui.progress.page import ProgressPage

    add_pain(store, PainLog(T0 - timedelta(days=30), 5, "daily"))  # some history to graph
    now = [T0 - timedelta(days=28)]
    page = ProgressPage(
        store, DataEvents(), tz=UTC, today=lambda: now[0].date(), now=lambda: now[0]
    )
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    qtbot.waitUntil(lambda: page.graphs is not None)
    assert "(due)" in page.psfs_button.text()

    def rate(first: str, socks: int, stairs: int) -> None:
        dialog = page.psfs_button.open_dialog()
        if first:
            dialog.findChild(QLineEdit, "psfsActivity0").setText(first)
            dialog.findChild(QLineEdit, "psfsActivity1").setText("Stairs")
        dialog.findChild(QSpinBox, "psfsScore0").setValue(socks)
        dialog.findChild(QSpinBox, "psfsScore1").setValue(stairs)
        click(qtbot, dialog.findChild(QPushButton, "psfsSaveButton"))

    rate("Putting on socks", 3, 5)
    assert "First rating 4.0" in page.function_card.readout.text()
    assert "(due)" not in page.psfs_button.text()
    now[0] = T0  # four weeks later the same activities come back pre-filled
    page.psfs_button.refresh()
    assert "(due)" in page.psfs_button.text()
    rate("", 5, 6)
    text = page.function_card.readout.text()
    assert "Function score 5.5 (start 4.0), up 1.5: a change that matters" in text
    assert "Maughan & Lewis 2010" in text
    bad = page.psfs_button.open_dialog()
    bad.findChild(QLineEdit, "psfsActivity0").setText("Stairs")
    bad.findChild(QLineEdit, "psfsActivity1").setText("stairs")
    click(qtbot, bad.findChild(QPushButton, "psfsSaveButton"))
    assert "listed twice" in bad.findChild(QLabel, "psfsError").text()
    assert bad.isVisible()
    bad.reject()
    qtbot.waitUntil(lambda: page.full_loaded, timeout=10_000)  # its loader is done
