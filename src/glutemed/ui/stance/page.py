"""The Stance test page: set up, run trials (any key or click stops), results, history."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from glutemed.domain.clock import Clock
from glutemed.domain.records import Profile, StanceSession, StanceTrial
from glutemed.domain.rules import DEFAULT_CAP_S
from glutemed.stance.norms import BirthYearError, validate_birth_year
from glutemed.stance.protocol import Phase, StanceProtocol, side_order
from glutemed.stance.results import build_results
from glutemed.stance.scoring import eyes_closed_offer, fmt_s, summarize
from glutemed.store.db import Store
from glutemed.store.profile import load_profile
from glutemed.store.stance import (
    create_session,
    delete_session,
    delete_trial,
    get_session,
    list_sessions,
    previous_session,
    restore_session,
    save_trial,
    update_trial,
)
from glutemed.store.timeutil import utc_now
from glutemed.ui.common.any_input_catcher import AnyInputCatcher
from glutemed.ui.common.events import DataEvents
from glutemed.ui.stance.history_view import StanceHistoryView
from glutemed.ui.stance.results_view import StanceResultsView
from glutemed.ui.stance.run_view import StanceRunView
from glutemed.ui.stance.setup_view import StanceSetupView

TICK_MS = 25
HISTORY_LIMIT = 500


class Sound(Protocol):
    def play(self, cue: str) -> None: ...


class SilentSound:
    """Plays nothing (for a window without a sound player)."""

    def play(self, cue: str) -> None:
        pass


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %d %b %Y, %H:%M")


def history_row(session: StanceSession) -> str:
    """Two lines per past test: when and eyes; best per side and symmetry."""
    summary = summarize(session.trials, session.eyes, session.cap_s)
    parts = []
    for side in ("left", "right"):
        result = summary.side(side)
        best = "–" if result is None else f"{fmt_s(result.best)} s"
        parts.append(f"{side.capitalize()} {best}")
    if summary.symmetry_pct is not None:
        parts.append(f"symmetry {summary.symmetry_pct:.0f}%")
    return f"{_when(session.taken_at)} · eyes {session.eyes}\n" + " · ".join(parts)


class StancePage(QWidget):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        events: DataEvents,
        sound: Sound,
        parent: QWidget | None = None,
        *,
        wall_clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stancePage")
        self._store = store
        self._clock = clock
        self._events = events
        self._sound = sound
        self._wall_clock = wall_clock
        self._profile = Profile()
        self._proto: StanceProtocol | None = None
        self._session_id: int | None = None
        self._taken_at = wall_clock()
        self._stopped_row: StanceTrial | None = None  # saved when timing stopped
        self._deleted: StanceSession | None = None

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stanceStack")
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        home = QWidget(self)
        home_layout = QHBoxLayout(home)
        self.setup = StanceSetupView(home)
        self.history = StanceHistoryView(home)
        home_layout.addWidget(self.setup, 3)
        home_layout.addWidget(self.history, 2)
        self.run = StanceRunView(clock, self)
        self.results = StanceResultsView(self)
        for view in (home, self.run, self.results):
            self.stack.addWidget(view)
        self._home = home

        self.ticker = QTimer(self)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._on_tick)
        self.catcher = AnyInputCatcher(self, self.stop_by_user)

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_delete)

        self.setup.start_requested.connect(self.start_test)
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

    @property
    def protocol(self) -> StanceProtocol | None:
        return self._proto

    # ----- set-up and history ---------------------------------------------------------------

    def _load_profile(self) -> None:
        self._profile = load_profile(self._store)
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
        sessions = list_sessions(self._store, limit=HISTORY_LIMIT)
        self.history.set_tests([(s.id or 0, history_row(s)) for s in sessions])
        latest_open = next((s for s in sessions if s.eyes == "open"), None)
        summary = summarize(latest_open.trials, "open", latest_open.cap_s) if latest_open else None
        self.setup.set_eyes_closed_allowed(*eyes_closed_offer(summary))

    def go_home(self) -> None:
        self._proto = None
        self.stack.setCurrentWidget(self._home)
        self._refresh_history()
        self.setup.start_button.setFocus()

    def open_test(self, test_id: int) -> None:
        self._show_results(test_id, stopped_early=False)

    def delete_test(self, test_id: int) -> None:
        deleted = delete_session(self._store, test_id)
        if deleted is None:
            return
        self._deleted = deleted
        text = f"Deleted the test from {_when(deleted.taken_at)}."
        self.history.show_undo(text)
        self._events.stance_saved.emit()
        self._events.status_message.emit(text)

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        restore_session(self._store, self._deleted)
        self._deleted = None
        self.history.hide_undo()
        self._events.stance_saved.emit()
        self._events.status_message.emit("Stance test restored.")

    # ----- running a test --------------------------------------------------------------------

    def start_test(self, eyes: str, cap_s: float) -> None:
        try:
            first = side_order(self._profile.preferred_side_order)[0]
        except ValueError:
            first = "left"
        self._proto = StanceProtocol(
            self._clock,
            eyes="closed" if eyes == "closed" else "open",
            cap_s=cap_s or DEFAULT_CAP_S,
            first_side=first,
        )
        self._session_id = None  # created with the first trial, so no empty tests are kept
        self._taken_at = self._wall_clock()
        self.stack.setCurrentWidget(self.run)
        self._show_ready()

    def start_countdown(self) -> None:
        if self._proto is None or self._proto.phase is not Phase.READY:
            return
        self._play(self._proto.start_countdown())
        self._begin_capture()
        self.ticker.start()
        self._render()

    def _on_tick(self) -> None:
        if self._proto is None:
            self.ticker.stop()
            return
        self._play(self._proto.tick())
        self._render()

    def stop_by_user(self) -> None:
        """Any key or click while counting down or timing."""
        if self._proto is None or self._proto.phase not in (Phase.COUNTDOWN, Phase.TIMING):
            return
        self._play(self._proto.stop())
        self._render()

    def _render(self) -> None:
        proto = self._proto
        if proto is None:
            return
        if proto.phase is Phase.COUNTDOWN:
            self.run.show_countdown(proto.countdown_left())
        elif proto.phase is Phase.TIMING:
            self.run.show_timing(proto.elapsed())
        elif proto.phase is Phase.OUTCOME and self.ticker.isActive():
            self._trial_stopped()
        elif proto.phase is Phase.READY and self.ticker.isActive():
            self._end_timing()  # the countdown was cancelled
            self._show_ready()

    def _trial_stopped(self) -> None:
        assert self._proto is not None and self._proto.pending is not None
        self._end_timing()
        pending = self._proto.pending
        row = StanceTrial(
            side=pending.side,
            trial_no=pending.trial_no,
            seconds=pending.seconds,
            ended_by=pending.ended_by,
            capped=pending.capped,
        )
        if self._commit(lambda: self._save_row(row)):
            self._stopped_row = row
        self.run.show_outcome(pending, self._proto.eyes)

    def _save_row(self, row: StanceTrial) -> None:
        assert self._proto is not None
        if self._session_id is None:
            self._session_id = create_session(
                self._store, self._taken_at, self._proto.eyes, self._proto.cap_s
            )
        save_trial(self._store, self._session_id, row)

    def record_outcome(self, ended_by: str, pelvis_dropped: bool, trunk_lean: bool) -> None:
        if self._proto is None or self._proto.phase is not Phase.OUTCOME:
            return
        trial = self._proto.record(
            ended_by,  # type: ignore[arg-type]
            pelvis_dropped=pelvis_dropped,
            trunk_lean=trunk_lean,
        )
        row, self._stopped_row = self._stopped_row, None
        if row is not None:
            row.ended_by = trial.ended_by
            row.pelvis_dropped = trial.pelvis_dropped
            row.trunk_lean = trial.trunk_lean
            self._commit(lambda: update_trial(self._store, row))
        if self._proto.is_over:
            self._show_current_results(stopped_early=False)
        else:
            self._show_ready()

    def retry_trial(self) -> None:
        if self._proto is None:
            return
        self._end_timing()
        row, self._stopped_row = self._stopped_row, None
        if row is not None and row.id is not None:
            row_id = row.id
            self._commit(lambda: delete_trial(self._store, row_id))
        self._proto.retry()
        self._show_ready()

    def finish_test(self) -> None:
        if self._proto is not None and self._proto.can_finish:
            self._proto.finish()
            self._show_current_results(stopped_early=False)

    def abandon_test(self) -> None:
        if self._proto is None:
            return
        self._end_timing()
        self._proto.abandon()
        self._stopped_row = None  # a stopped, unlabelled trial stays as saved
        if self._proto.trials and self._session_id is not None:
            self._show_current_results(stopped_early=True)
        else:
            self.go_home()

    def _show_ready(self) -> None:
        proto = self._proto
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
        if self._session_id is not None:
            self._show_results(self._session_id, stopped_early=stopped_early)

    def _show_results(self, test_id: int, *, stopped_early: bool) -> None:
        session = get_session(self._store, test_id)
        if session is None:
            return
        previous = previous_session(self._store, session)
        results = build_results(
            session.trials,
            session.eyes,
            session.cap_s,
            birth_year=self._profile.birth_year,
            on=session.taken_at.astimezone().date(),
            previous=previous.trials if previous else None,
        )
        self.results.show_results(results, session.taken_at, stopped_early=stopped_early)
        self.stack.setCurrentWidget(self.results)

    # ----- persistence helpers ---------------------------------------------------------------

    def _commit(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except sqlite3.Error as exc:
            self._events.status_message.emit(f"Could not save the stance trial: {exc}")
            return False
        self._events.stance_saved.emit()
        return True

    def _play(self, cues: list[str]) -> None:
        for cue in cues:
            self._sound.play(cue)

    def _begin_capture(self) -> None:
        self.catcher.start()

    def _end_timing(self) -> None:
        self.ticker.stop()
        self.catcher.end()
