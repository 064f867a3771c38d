"""The Stance test page: set up, run trials (any key or click stops), results, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from glutemed.domain.clock import Clock, utc_now
from glutemed.domain.records import Profile, StanceSession
from glutemed.domain.rules import DEFAULT_CAP_S
from glutemed.domain.vocabulary import StancePhase
from glutemed.ops import Store
from glutemed.ops.profile import load_profile
from glutemed.ops.save_folder import SaveFolder
from glutemed.ops.stance import (
    StanceRun,
    StanceStep,
    delete_test,
    first_side,
    restore_test,
    results_of_test,
    stance_history,
)
from glutemed.stance.norms import BirthYearError, validate_birth_year
from glutemed.stance.protocol import StanceProtocol
from glutemed.stance.scoring import eyes_closed_offer, summarize
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.any_input_catcher import AnyInputCatcher
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.protocols import Cues
from glutemed.ui.common.seen_watch import SeenWatch
from glutemed.ui.stance.history_view import StanceHistoryView, history_row, when_taken
from glutemed.ui.stance.results_view import StanceResultsView
from glutemed.ui.stance.run_view import StanceRunView
from glutemed.ui.stance.setup_view import StanceSetupView
from glutemed.ui.stance.video_offer import VideoOffer
from glutemed.ui.stance.video_saving import AskPath, ask_video_path

if TYPE_CHECKING:
    from glutemed.capture.camera_support import CameraSupport
    from glutemed.ui.stance.camera_run import StanceCameraRun

TICK_MS = 25
HIDDEN_TICK_MS = 100  # unseen: the cap and its cue still come on time, nothing is drawn
HISTORY_LIMIT = 500


class SilentSound:
    """Plays nothing (for a window without a sound player)."""

    def play(self, cue: str, words: str | None = None) -> None:
        pass

    def prepare(self) -> None:
        pass


NARROW_PAGE = 760


class StancePage(QWidget):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        events: DataEvents,
        sound: Cues,
        parent: QWidget | None = None,
        *,
        wall_clock: Callable[[], datetime] = utc_now,
        camera: CameraSupport | None = None,
        ask_video: AskPath = ask_video_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stancePage")
        self._store = store
        self._clock = clock
        self._events = events
        self._sound = sound
        self._wall_clock = wall_clock
        self._profile = Profile()
        self._announcer = Announcer(events)
        self._run: StanceRun | None = None
        self._deleted: StanceSession | None = None
        self._camera = camera
        self.camera_run: StanceCameraRun | None = None  # made on first use

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stanceStack")
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        home = QWidget(self)
        home_layout = QHBoxLayout(home)
        self.setup = StanceSetupView(home)
        self.history = StanceHistoryView(home)
        home.setMinimumWidth(420)  # the stacked layout's; the side-by-side one needs more
        home_layout.addWidget(self.setup, 3)
        home_layout.addWidget(self.history, 2)
        self._home_layout = home_layout
        self.run = StanceRunView(clock, self)
        self.results = StanceResultsView(self)
        self.video_offer = VideoOffer(
            self.results, SaveFolder(store), self._announcer, events, ask_video, self
        )
        for view in (home, self.run, self.results):
            self.stack.addWidget(view)
        self._home = home

        self.ticker = QTimer(self)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._on_tick)
        self._watch = SeenWatch(self.run)
        self._watch.changed.connect(self._seen_changed)
        self.catcher = AnyInputCatcher(self, self.stop_by_user)

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_delete)

        self.setup.start_requested.connect(self.start_test)
        self.setup.camera_requested.connect(self.start_camera_test)
        self.run.start_clicked.connect(self.start_countdown)
        self.run.finish_clicked.connect(self.finish_test)
        self.run.abandon_clicked.connect(self.abandon_test)
        self.run.outcome.saved.connect(self.record_outcome)
        self.run.outcome.retry_requested.connect(self.retry_trial)
        self.results.done_clicked.connect(self.go_home)
        self.history.open_requested.connect(self.open_test)
        self.history.delete_requested.connect(self.delete_test)
        self.history.undo_requested.connect(self.undo_delete)
        events.profile_changed.connect(self._load_profile)
        events.stance_saved.connect(self._refresh_history)

        self._load_profile()
        self._refresh_history()
        QTimer.singleShot(0, self._offer_camera)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Past tests beside the set-up on a wide page, below it on a narrow one.
        wide = self.width() >= NARROW_PAGE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._home_layout.direction() != direction:
            self._home_layout.setDirection(direction)

    @property
    def protocol(self) -> StanceProtocol | None:
        return None if self._run is None else self._run.protocol

    # ----- set-up and history ---------------------------------------------------------------

    def _load_profile(self) -> None:
        self._profile = (
            self._announcer.attempt("read your settings", lambda: load_profile(self._store))
            or Profile()
        )
        note = ""
        if self._profile.birth_year is None:
            note = "Add your birth year in Settings to compare your times with your age group."
        else:
            try:
                validate_birth_year(self._profile.birth_year, self._wall_clock().year)
            except BirthYearError as exc:
                note = f"{exc} You can fix it in Settings."
        self.setup.set_defaults(float(self._profile.stance_cap_s), note)

    def _refresh_history(self) -> None:
        # Trials are saved while the run view shows; the list is rebuilt when it is seen.
        if self.stack.currentWidget() is not self._home:
            return  # go_home() refreshes it
        sessions = self._announcer.attempt(
            "read the stance tests", lambda: stance_history(self._store, HISTORY_LIMIT)
        )
        if sessions is None:
            return
        self.history.set_tests([(s.id or 0, history_row(s)) for s in sessions])
        latest_open = next((s for s in sessions if s.eyes == "open"), None)
        summary = summarize(latest_open.trials, "open", latest_open.cap_s) if latest_open else None
        self.setup.set_eyes_closed_allowed(*eyes_closed_offer(summary))

    def go_home(self) -> None:
        self._run = None
        self.video_offer.forget()
        self.stack.setCurrentWidget(self._home)
        self._refresh_history()
        self._offer_camera()
        self.setup.start_button.setFocus()

    def _offer_camera(self) -> None:
        self.setup.set_camera_available(self._camera is not None and self._camera.present())

    def start_camera_test(self, eyes: str, cap_s: float) -> None:
        """The hands-free test: the camera run drives the protocol on frame time."""
        from glutemed.ui.stance.camera_run import StanceCameraRun

        if self._camera is None:
            return
        if self.camera_run is None:
            view = StanceCameraRun(
                self._play, self._announcer.announce, ask_path=self.video_offer.ask_path
            )
            self.stack.addWidget(view)
            view.finished.connect(self._camera_finished)
            view.stopped.connect(self._camera_stopped)
            self.video_offer.attach(view)
            self.camera_run = view
        self.setup.show_camera_note("")
        self._sound.prepare()
        self._run = self._new_run(eyes, cap_s, self.camera_run.clock)
        self.stack.setCurrentWidget(self.camera_run)
        self.camera_run.begin(self._run, self._camera)

    def _camera_finished(self) -> None:
        # The pictures of this test can be saved from its results until the person leaves.
        self.video_offer.held_for(None if self._run is None else self._run.session_id)
        self._show_current_results(stopped_early=False)

    def _camera_stopped(self, message: str) -> None:
        self.go_home()
        self.setup.show_camera_note(message)

    def open_test(self, test_id: int) -> None:
        self.video_offer.forget()
        self._show_results(test_id, stopped_early=False)

    def delete_test(self, test_id: int) -> None:
        done = self._announcer.attempt("delete the test", lambda: delete_test(self._store, test_id))
        if done is None or done.test is None:
            return
        self._deleted = done.test
        text = f"Deleted the test from {when_taken(done.test.taken_at)}."
        self.history.show_undo(text)
        self._events.status_message.emit(text)

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        test = self._deleted
        if self._announcer.attempt("restore the test", lambda: restore_test(self._store, test)):
            self._deleted = None
            self.history.hide_undo()

    # ----- running a test --------------------------------------------------------------------

    def start_test(self, eyes: str, cap_s: float) -> None:
        self._sound.prepare()
        self._run = self._new_run(eyes, cap_s, self._clock)
        self.stack.setCurrentWidget(self.run)
        self._show_ready()

    def _new_run(self, eyes: str, cap_s: float, clock: Clock) -> StanceRun:
        return StanceRun(
            self._store,
            clock,
            self._wall_clock(),
            eyes="closed" if eyes == "closed" else "open",
            cap_s=cap_s or DEFAULT_CAP_S,
            first=first_side(self._profile.preferred_side_order),
        )

    def start_countdown(self) -> None:
        if self._run is None or self._run.protocol.phase is not StancePhase.READY:
            return
        self._play(self._run.start_countdown())
        self.catcher.start()
        self.ticker.start()
        self._show_timer()

    def _on_tick(self) -> None:
        if self._run is None:
            self.ticker.stop()
            return
        self._after(self._run.tick())

    def stop_by_user(self) -> None:
        """Any key or click while counting down or timing."""
        if self._run is not None:
            self._after(self._run.stop())

    def _after(self, step: StanceStep) -> None:
        """Play the step's sounds and show where the test is now."""
        assert self._run is not None
        self._play(step)
        self._announcer.announce(step.changes)  # a stopped trial is saved before its label
        if step.stopped is not None:
            self._end_timing()
            self.run.show_outcome(step.stopped, self._run.protocol.eyes)
        elif step.cancelled:
            self._end_timing()
            self._show_ready()
        else:
            self._show_timer()

    def _seen_changed(self, seen: bool) -> None:
        self.ticker.setInterval(TICK_MS if seen else HIDDEN_TICK_MS)
        if seen:
            self._show_timer()

    def _show_timer(self) -> None:
        if not self._watch.is_seen():
            return  # unseen: the step's saving and sounds happened; drawing can wait
        proto = self.protocol
        if proto is not None and proto.phase is StancePhase.COUNTDOWN:
            self.run.show_countdown(proto.countdown_left())
        elif proto is not None and proto.phase is StancePhase.TIMING:
            self.run.show_timing(proto.elapsed())

    def record_outcome(self, ended_by: str, pelvis_dropped: bool, trunk_lean: bool) -> None:
        if self._run is None or self._run.protocol.phase is not StancePhase.OUTCOME:
            return
        step = self._run.record(
            ended_by,  # type: ignore[arg-type]
            pelvis_dropped=pelvis_dropped,
            trunk_lean=trunk_lean,
        )
        self._announcer.announce(step.changes)
        if self._run.protocol.is_over:
            self._show_current_results(stopped_early=False)
        else:
            self._show_ready()

    def retry_trial(self) -> None:
        if self._run is None:
            return
        self._end_timing()
        self._announcer.announce(self._run.retry().changes)  # a saved false start is deleted
        self._show_ready()

    def finish_test(self) -> None:
        if self._run is not None and self._run.protocol.can_finish:
            self._run.finish()
            self._show_current_results(stopped_early=False)

    def abandon_test(self) -> None:
        if self._run is None:
            return
        self._end_timing()
        self._announcer.announce(self._run.abandon().changes)
        if self._run.session_id is not None:
            self._show_current_results(stopped_early=True)
        else:
            self.go_home()

    def confirm_close(self) -> bool:
        """Called by the main window before it closes: a timed trial is never lost."""
        if self.camera_run is not None and self.camera_run.run is not None:
            self.camera_run.turn_off()  # saves a stopped trial, turns the camera off
        elif self._run is not None and not self._run.protocol.is_over:
            self._end_timing()
            self._announcer.announce(self._run.abandon().changes)
        return True

    def _show_ready(self) -> None:
        proto = self.protocol
        assert proto is not None and proto.current_side is not None
        self.run.set_done(proto.trials)
        self.run.show_ready(
            proto.current_side,
            proto.current_trial_no or 1,
            proto.eyes,
            proto.cap_s,
            proto.can_finish,
        )

    def _show_current_results(self, *, stopped_early: bool) -> None:
        if self._run is not None and self._run.session_id is not None:
            self._show_results(self._run.session_id, stopped_early=stopped_early)

    def _show_results(self, test_id: int, *, stopped_early: bool) -> None:
        birth_year = self._profile.birth_year
        found = self._announcer.attempt(
            "read the test", lambda: results_of_test(self._store, test_id, birth_year)
        )
        if found is None:
            return
        self.results.show_results(found.results, found.test.taken_at, stopped_early=stopped_early)
        self.video_offer.refresh()
        self.stack.setCurrentWidget(self.results)

    def _play(self, step: StanceStep) -> None:
        for cue in step.cues:
            self._sound.play(cue)

    def _end_timing(self) -> None:
        self.ticker.stop()
        self.catcher.end()
