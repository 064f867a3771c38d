"""The stance test's actions: run a sitting trial by trial, label, retry, and the history.

A trial is written the moment its timing stops (the test row comes with its first trial,
so no empty test is kept), as ended by hand or by the cap: a crash while the person picks
how it ended loses nothing timed. The label is an update of that row; a retried (false)
start deletes it. Pages hear of a trial once, when it is labelled (or left unlabelled), so
each trial is one change signal and a false start none.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from glutemed.domain.clock import Clock
from glutemed.domain.records import StanceSession, StanceTrial
from glutemed.domain.rules import PELVIC_DROP_DEG, TRUNK_LEAN_DEG, Range
from glutemed.domain.vocabulary import (
    Cue,
    EndedBy,
    Eyes,
    LeanSide,
    Side,
    StancePhase,
    side_order,
)
from glutemed.ops.changes import NOTHING, Changes, problem_text
from glutemed.stance.protocol import StanceProtocol, Trial
from glutemed.stance.results import StanceResults, build_results
from glutemed.store import Store
from glutemed.store import stance as stance_rows

STANCE_CHANGED = Changes(stance=True)


@dataclass(frozen=True)
class StanceStep:
    """What one action did: sounds to play, and what changed."""

    cues: tuple[Cue, ...] = ()
    stopped: Trial | None = None  # timing just ended: saved, and waiting for its label
    cancelled: bool = False  # a countdown was cancelled: back to ready, nothing timed
    saved: StanceTrial | None = None  # the trial this action wrote or updated
    changes: Changes = NOTHING


def first_side(preferred_order: str) -> Side:
    """The side a test starts with, from the profile's order (left when it is unreadable)."""
    try:
        return side_order(preferred_order)[0]
    except ValueError:
        return "left"


class StanceRun:
    """One sitting of the test: the protocol, each trial saved when it stops."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        taken_at: datetime,
        eyes: Eyes,
        cap_s: float,
        first: Side = "left",
    ) -> None:
        self.store = store
        self.protocol = StanceProtocol(clock, eyes=eyes, cap_s=cap_s, first_side=first)
        self.taken_at = taken_at
        self.session_id: int | None = None
        self._unlabelled: StanceTrial | None = None  # saved at the stop, label to come

    # ----- timing ---------------------------------------------------------------------------
    def start_countdown(self) -> StanceStep:
        return StanceStep(cues=tuple(self.protocol.start_countdown()))

    def tick(self) -> StanceStep:
        return self._timed(self.protocol.tick)

    def stop(self) -> StanceStep:
        """Any key or click while counting down or timing."""
        if self.protocol.phase not in (StancePhase.COUNTDOWN, StancePhase.TIMING):
            return StanceStep()
        return self._timed(self.protocol.stop)

    def _timed(self, action: Callable[[], list[Cue]]) -> StanceStep:
        before = self.protocol.phase
        cues = tuple(action())
        after = self.protocol.phase
        stopped = self.protocol.pending if before is not after is StancePhase.OUTCOME else None
        cancelled = before is StancePhase.COUNTDOWN and after is StancePhase.READY
        step = StanceStep(cues=cues, stopped=stopped, cancelled=cancelled)
        if stopped is None:
            return step
        saved = self._save(stopped)  # durable now, before anyone is asked anything
        self._unlabelled = saved.saved
        quiet = replace(saved.changes, stance=False)  # announced with the label
        return replace(saved, cues=cues, stopped=stopped, changes=quiet)

    # ----- the camera test: it sees the lift and the landing, so nobody is asked -------------
    def start_camera_countdown(self) -> StanceStep:
        """3-2-1, then the timer waits for the foot to leave the floor."""
        return StanceStep(cues=tuple(self.protocol.start_countdown(wait_for_lift=True)))

    def lift_seen(self, at: float) -> StanceStep:
        return StanceStep(cues=tuple(self.protocol.lift_seen(at)))

    def landing_seen(
        self,
        at: float,
        ended_by: EndedBy,
        *,
        pelvic_drop_deg: float | None,
        trunk_lean_deg: float | None,
        trunk_lean_side: LeanSide | None = None,
    ) -> StanceStep:
        """The camera saw the trial end at clock time `at`: stop, label and save it."""
        cues = self.protocol.landing_seen(
            at, ended_by, pelvic_drop_deg=pelvic_drop_deg, trunk_lean_deg=trunk_lean_deg
        )
        filed = self.file_measured(pelvic_drop_deg, trunk_lean_deg, trunk_lean_side)
        return replace(filed, cues=tuple(cues))

    def file_measured(
        self,
        pelvic_drop_deg: float | None,
        trunk_lean_deg: float | None,
        trunk_lean_side: LeanSide | None = None,
    ) -> StanceStep:
        """Save the stopped trial (the cap, a stop by hand, or a landing) as it ended, with
        the pelvic drop and trunk lean (and the lean's side) the camera measured."""
        pending = self.protocol.pending
        if self.protocol.phase is not StancePhase.OUTCOME or pending is None:
            return StanceStep()
        self.protocol.pending = replace(
            pending,
            pelvic_drop_deg=_angle(pelvic_drop_deg, PELVIC_DROP_DEG),
            trunk_lean_deg=_angle(trunk_lean_deg, TRUNK_LEAN_DEG),
            # A side without a size would mean nothing.
            trunk_lean_side=trunk_lean_side if trunk_lean_deg is not None else None,
        )
        return self._label(self.protocol.record(pending.ended_by))

    # ----- after a trial --------------------------------------------------------------------
    def record(
        self, ended_by: EndedBy | None, *, pelvis_dropped: bool = False, trunk_lean: bool = False
    ) -> StanceStep:
        """Say how the stopped trial ended: an update of the row saved at the stop."""
        trial = self.protocol.record(ended_by, pelvis_dropped=pelvis_dropped, trunk_lean=trunk_lean)
        return self._label(trial)

    def retry(self) -> StanceStep:
        """False start: a trial saved at its stop is deleted (with its test if it was the
        only one), then the same trial is run again."""
        self.protocol.retry()
        discarded, self._unlabelled = self._unlabelled, None
        if discarded is None or discarded.id is None:
            return StanceStep()
        trial_id = discarded.id
        try:
            if stance_rows.delete_trial(self.store, trial_id):
                self.session_id = None  # the next trial starts the test again
        except sqlite3.Error as exc:
            return StanceStep(changes=Changes(problem=problem_text("discard the trial", exc)))
        return StanceStep()  # it was never announced, so there is nothing to take back

    def finish(self) -> StanceStep:
        self.protocol.finish()
        return StanceStep()

    def abandon(self) -> StanceStep:
        """Stop the test: a stopped, unlabelled trial stays as it was saved at its stop (or
        is saved now, if that write failed)."""
        pending = self.protocol.pending if self.protocol.phase is StancePhase.OUTCOME else None
        self.protocol.abandon()
        written, self._unlabelled = self._unlabelled, None
        if pending is None:
            return StanceStep()
        if written is not None:
            return StanceStep(saved=written, changes=STANCE_CHANGED)  # its first announcement
        return self._save(pending)

    def _label(self, trial: Trial) -> StanceStep:
        """Write how *trial* ended onto its saved row; a new row if the stop's write failed
        or there was none (the camera saves a landing as it labels it)."""
        written, self._unlabelled = self._unlabelled, None
        if written is None:
            return self._save(trial)
        row = replace(_row(trial), id=written.id, stance_session_id=written.stance_session_id)
        try:
            stance_rows.update_trial(self.store, row)
        except sqlite3.Error as exc:
            return StanceStep(
                changes=Changes(problem=problem_text("save how the trial ended", exc))
            )
        return StanceStep(saved=row, changes=STANCE_CHANGED)

    def _save(self, trial: Trial) -> StanceStep:
        row = _row(trial)
        test = StanceSession(self.taken_at, self.protocol.eyes, self.protocol.cap_s)
        try:
            self.session_id, _ = stance_rows.save_trial_of_test(
                self.store, self.session_id, test, row
            )
        except sqlite3.Error as exc:
            return StanceStep(changes=Changes(problem=problem_text("save the stance trial", exc)))
        return StanceStep(saved=row, changes=STANCE_CHANGED)


def _row(trial: Trial) -> StanceTrial:
    return StanceTrial(
        side=trial.side,
        trial_no=trial.trial_no,
        seconds=trial.seconds,
        ended_by=trial.ended_by,
        capped=trial.capped,
        pelvis_dropped=trial.pelvis_dropped,
        trunk_lean=trial.trunk_lean,
        pelvic_drop_deg=trial.pelvic_drop_deg,
        trunk_lean_deg=trial.trunk_lean_deg,
        trunk_lean_side=trial.trunk_lean_side,
    )


def _angle(value: float | None, limits: Range) -> float | None:
    """A measured angle as stored: a tenth of a degree, within what the store accepts."""
    return None if value is None else round(min(limits.high, max(limits.low, value)), 1)


# ----- history ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SavedTestResults:
    test: StanceSession
    results: StanceResults


@dataclass(frozen=True)
class Deleted:
    test: StanceSession | None  # what to give back to `restore_test` for undo
    changes: Changes


def stance_history(store: Store, limit: int) -> list[StanceSession]:
    return stance_rows.list_sessions(store, limit=limit)


def results_of_test(store: Store, test_id: int, birth_year: int | None) -> SavedTestResults | None:
    """A saved test with its results, compared with the previous comparable test."""
    test = stance_rows.get_session(store, test_id)
    if test is None:
        return None
    previous = stance_rows.previous_session(store, test)
    results = build_results(
        test.trials,
        test.eyes,
        test.cap_s,
        birth_year=birth_year,
        on=test.taken_at.astimezone().date(),
        previous=previous.trials if previous else None,
    )
    return SavedTestResults(test, results)


def delete_test(store: Store, test_id: int) -> Deleted:
    deleted = stance_rows.delete_session(store, test_id)
    return Deleted(deleted, NOTHING if deleted is None else STANCE_CHANGED)


def restore_test(store: Store, test: StanceSession) -> Changes:
    stance_rows.restore_session(store, test)
    return STANCE_CHANGED.saying("Stance test restored.")
