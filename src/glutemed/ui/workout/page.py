"""The Workout page: routines and history, then pain check, the player, and a summary.

Each finished set is committed the moment the session reports it; the session row gets its
end time when the workout ends or the user leaves. `workout_saved` follows every commit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from glutemed.catalog import Catalog
from glutemed.domain.clock import Clock, utc_now
from glutemed.domain.localtz import local_tz
from glutemed.domain.records import PainLog, RoutineItem
from glutemed.ops import Store
from glutemed.ops.pain import log_pain
from glutemed.ops.plan_ops import current_plan
from glutemed.ops.profile import load_profile
from glutemed.ops.programme_ops import (
    Decision,
    answer_checkin,
    checkin_due,
    review_plan,
    settle_changes,
)
from glutemed.ops.screen_ops import answer_screen, screen_answers
from glutemed.ops.workout import WorkoutRun, workout_details
from glutemed.training.events import WorkoutFinished
from glutemed.training.plan import RepSeconds
from glutemed.training.routines import RoutineError, check_routine
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.protocols import DemoFigure, Sound
from glutemed.ui.pain.prompt import PainPrompt
from glutemed.ui.settings.safety_screen_dialog import ask_screen
from glutemed.ui.workout.checkin_banner import CheckInBanner
from glutemed.ui.workout.figure import make_figure, motion_rep_seconds
from glutemed.ui.workout.history import WorkoutHistory
from glutemed.ui.workout.plan_buttons import PlanFileButtons
from glutemed.ui.workout.plan_changes import PlanChangesView
from glutemed.ui.workout.player import WorkoutPlayer
from glutemed.ui.workout.routine_editor import RoutineEditor
from glutemed.ui.workout.summary import WorkoutSummary

Confirm = Callable[[str, str], bool]
AskScreen = Callable[[Mapping[str, bool] | None], dict[str, bool] | None]


class WorkoutPage(QWidget):
    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        clock: Clock,
        events: DataEvents,
        sound: Sound,
        parent: QWidget | None = None,
        *,
        confirm: Confirm | None = None,
        figure: DemoFigure | None = None,
        rep_seconds: RepSeconds | None = None,
        wall_now: Callable[[], datetime] = utc_now,
        ask_safety: AskScreen | None = None,
        tz: tzinfo | None = None,
        plan_buttons: PlanFileButtons | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workoutPage")
        self.store, self.catalog, self.clock, self.events = store, catalog, clock, events
        self.sound = sound
        self.confirm: Confirm = confirm or self._ask
        self._rep_seconds = rep_seconds
        self.wall_now = wall_now
        self.ask_safety: AskScreen = ask_safety or (lambda current: ask_screen(self, current))
        self.tz = tz or local_tz()
        self.announcer = Announcer(events)
        self.run: WorkoutRun | None = None
        self.pain_before: int | None = None
        self.pain_after: int | None = None
        self._pain_context = "before"

        self.stack = QStackedWidget()
        self.stack.setObjectName("workoutStack")
        self.editor = RoutineEditor(store, catalog, events, self.confirm)
        self.history = WorkoutHistory(store)
        self.history.session_opened.connect(self.show_past_session)
        self.start_button = QPushButton("Start workout")
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        self.start_button.setMinimumHeight(44)
        self.start_button.setStyleSheet("font-size: 14pt; font-weight: 600; padding: 0 24px;")
        self.start_button.clicked.connect(self.start_workout)
        self.first_focus = self.start_button  # the main window puts it first after the sidebar
        self.start_problem = QLabel()
        self.start_problem.setObjectName("startProblem")
        self.start_problem.setStyleSheet("color: #c0392b;")

        self.checkin = CheckInBanner()
        self.checkin.answered.connect(self._checkin_answered)
        self._checkin_session: int | None = None
        self.plan_buttons = plan_buttons or PlanFileButtons(
            store, catalog, lambda: self.editor.routine.id
        )
        self.plan_buttons.message.connect(self.events.status_message.emit)
        self.plan_buttons.changed.connect(self.announcer.announce)
        self._plan_in_use = self._plan_in_use_id()
        self.home = QWidget()
        self.home.setObjectName("workoutHome")
        heading = QLabel("Your routine")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_problem, 1)
        start_row.addWidget(self.start_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.checkin)
        upper_layout.addWidget(heading)
        upper_layout.addWidget(self.editor, 1)
        upper_layout.addWidget(self.plan_buttons)
        upper_layout.addLayout(start_row)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 8, 0, 0)
        past = QLabel("Past workouts")
        past.setStyleSheet("font-size: 14pt; font-weight: 600;")
        lower_layout.addWidget(past)
        lower_layout.addWidget(self.history, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self.home).addWidget(splitter)

        self.pain_prompt = PainPrompt()
        self.pain_prompt.answered.connect(self._pain_answered)
        self.player = WorkoutPlayer(catalog, sound, figure or make_figure())
        self.player.changed.connect(self.announcer.announce)
        self.player.finished.connect(self._workout_finished)
        self.player.leave_requested.connect(self.leave)
        self.player.full_screen_requested.connect(self._full_screen)
        self.summary = WorkoutSummary(catalog)
        self.summary.closed.connect(self.show_home)
        self.changes = PlanChangesView(catalog)
        self.changes.decided.connect(self._changes_decided)
        for widget in (self.home, self.pain_prompt, self.player, self.summary, self.changes):
            self.stack.addWidget(widget)
        self._refresh_checkin()
        QVBoxLayout(self).addWidget(self.stack)
        events.workout_saved.connect(self._data_changed)
        events.programme_changed.connect(self._programme_changed)
        events.profile_changed.connect(self._profile_changed)

    # ----- helpers -----
    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _data_changed(self) -> None:
        if self.stack.currentWidget() is self.home:
            self.history.refresh()

    def _profile_changed(self) -> None:
        profile = self.announcer.attempt("read your settings", lambda: load_profile(self.store))
        if profile is not None:
            self.sound.set_mode(profile.sound)

    def running(self) -> bool:
        return self.run is not None and self.run.running

    # ----- flow -----
    def show_home(self) -> None:
        self.history.refresh()
        self._refresh_checkin()
        self.stack.setCurrentWidget(self.home)

    def _today(self) -> date:
        return self.wall_now().astimezone(self.tz).date()

    def _refresh_checkin(self) -> None:
        self._checkin_session = checkin_due(self.store, self.tz, self._today())
        self.checkin.setVisible(self._checkin_session is not None)

    def _checkin_answered(self, settled: bool) -> None:
        session = self._checkin_session
        if session is not None:
            self.announcer.attempt(
                "save the check-in",
                lambda: answer_checkin(self.store, session, settled, self.wall_now()),
            )  # the banner goes through programme_changed

    def _plan_in_use_id(self) -> int | None:
        plan = self.announcer.attempt(
            "read the plan", lambda: current_plan(self.store, self.catalog)
        )
        return None if plan is None else plan.routine.id

    def _programme_changed(self) -> None:
        """The plan, the safety answers, a check-in or a rating changed, here or elsewhere."""
        self._refresh_checkin()
        in_use = self._plan_in_use_id()
        # A new plan in use (an import) is shown; otherwise the routine picked stays.
        select = in_use if in_use != self._plan_in_use else None
        self._plan_in_use = in_use
        self.editor.reload(select)

    def ask_safety_screen(self, current: Mapping[str, bool] | None) -> bool:
        """Ask the safety questions and adapt the plan; False when the user cancelled (or
        the answers could not be saved)."""
        answers = self.ask_safety(current)
        if answers is None:
            return False
        done = self.announcer.attempt(
            "save the safety answers", lambda: answer_screen(self.store, self.catalog, answers)
        )
        return done is not None

    def start_workout(self) -> None:
        try:
            check_routine(self.editor.routine, self.catalog)
        except RoutineError as exc:
            self.start_problem.setText(f"Cannot start: {exc}")
            return
        self.start_problem.setText("")
        if screen_answers(self.store) is None and not self.ask_safety_screen(None):
            self.start_problem.setText("Answer the safety questions to start your first workout.")
            return
        changes = review_plan(
            self.store, self.catalog, self.tz, self._today(), self.editor.routine.id
        )
        if changes:
            self.changes.show_changes(changes)
            self.stack.setCurrentWidget(self.changes)
            return
        self._ask_pain_before()

    def _changes_decided(self, decisions: list[Decision]) -> None:
        routine_id = self.editor.routine.id
        self.announcer.attempt(
            "save the plan changes",
            lambda: settle_changes(
                self.store, self.catalog, decisions, self.wall_now(), routine_id
            ),
        )  # the editor follows through programme_changed
        self._ask_pain_before()

    def _ask_pain_before(self) -> None:
        self.sound.prepare()  # Qt Multimedia loads only once a workout begins
        self.pain_before = self.pain_after = None
        self._ask_pain("before", "Before you start: how much pain do you have right now?")

    def _ask_pain(self, context: str, question: str) -> None:
        self._pain_context = context
        self.pain_prompt.ask(question)
        self.stack.setCurrentWidget(self.pain_prompt)

    def _pain_answered(self, score: int | None) -> None:
        if score is not None:
            entry = PainLog(self.wall_now(), score, self._pain_context)  # type: ignore[arg-type]
            self.announcer.attempt("save the pain score", lambda: log_pain(self.store, entry))
        if self._pain_context == "before":
            self.pain_before = score
            self._begin()
        else:
            self.pain_after = score
            self._show_summary()

    def _begin(self) -> None:
        profile = self.announcer.attempt("read your settings", lambda: load_profile(self.store))
        if profile is None:
            self.show_home()
            return
        run = WorkoutRun(
            self.store,
            self.editor.routine,
            self.clock,
            self.wall_now,
            rep_seconds=self._rep_seconds or motion_rep_seconds(profile.rep_tempo),
            side_order=profile.preferred_side_order,
        )
        first = self.announcer.attempt("start the workout", run.start)
        if first is None:
            self.show_home()
            return
        self.run = run
        self.stack.setCurrentWidget(self.player)
        self.player.start(run, first)

    def _workout_finished(self, done: WorkoutFinished) -> None:
        self.player.set_across_room(False)
        if self.run is not None and not self.run.kept:  # no rep done: nothing to ask about
            self.run = None
            self.events.status_message.emit(
                "No reps were done, so this workout was not added to Past workouts."
            )
            self.show_home()
            return
        opening = "All done." if done.completed else "You stopped early; your sets are saved."
        self._ask_pain("after", f"{opening} How much pain do you have now?")

    def _show_summary(self) -> None:
        if self.run is None or self.run.session_id is None:
            self.show_home()
            return
        plan = self.run.routine.items
        self._show_details(self.run.session_id, self.pain_before, self.pain_after, plan)

    def show_past_session(self, session_id: int) -> None:
        """The summary of an earlier workout, opened from the history list."""
        if not self.running():
            self._show_details(session_id, None, None)

    def _show_details(
        self,
        session_id: int,
        before: int | None,
        after: int | None,
        plan: list[RoutineItem] | None = None,
    ) -> None:
        details = self.announcer.attempt(
            "read the workout", lambda: workout_details(self.store, session_id)
        )
        if details is None:
            self.show_home()
            return
        summary, sets = details
        self.summary.show_summary(summary, sets, before, after, plan)
        self.stack.setCurrentWidget(self.summary)

    def leave(self) -> None:
        """Esc: ask, then stop; finished sets are already saved and stay."""
        if not self.running():
            return
        assert self.run is not None
        was_paused = self.run.session.paused
        if not was_paused:
            self.player.toggle_pause()  # nothing counts on while the question is open
        question = (
            "Leave this workout? The sets you finished are saved; the set in progress is not."
        )
        if self.confirm("Leave workout", question):
            self.player.stop()
        elif not was_paused:
            self.player.toggle_pause()

    def stop_without_asking(self) -> None:
        """Leave as if the user had said yes (the app is being closed by a signal)."""
        if self.running():
            self.player.stop()

    def confirm_close(self) -> bool:
        """Called by the main window before it closes."""
        if not self.running():
            return True
        self.leave()
        return not self.running()

    def _full_screen(self, on: bool) -> None:
        player = self.player
        if on and not player.isWindow():
            self.stack.removeWidget(player)
            player.setParent(None)
            player.setWindowTitle("GluteMed — workout")
            player.showFullScreen()
            player.activateWindow()
        elif not on and player.isWindow():
            player.showNormal()
            self.stack.insertWidget(2, player)
            if self.running():
                self.stack.setCurrentWidget(player)
        player.setFocus()
