"""A guided workout as one object: the session state machine and its recording.

Each step (start, a tick, a key the user pressed) advances the session and commits what it
finished at once: a set the moment it ends, the session's end time when the workout ends.
Clock readings become wall time through one mapping fixed at the start, so logs never drift.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from glutemed.domain.clock import Clock
from glutemed.domain.history import SessionSummary
from glutemed.domain.records import Routine, SetLog
from glutemed.domain.rules import counts_as_training
from glutemed.ops.changes import NOTHING, Changes, problem_text
from glutemed.store import Store, workouts
from glutemed.store.workout_history import session_summaries, session_summary
from glutemed.training.events import Event, SetFinished, WorkoutFinished
from glutemed.training.plan import RepSeconds, constant_rep_seconds
from glutemed.training.session import GuidedSession


@dataclass(frozen=True)
class WorkoutStep:
    """What one step of a run did: the session's events and what was committed."""

    events: tuple[Event, ...]
    set_ids: tuple[int, ...] = ()
    finished: WorkoutFinished | None = None
    changes: Changes = NOTHING


class WorkoutRun:
    """One guided workout of *routine*; `start()` writes the session row."""

    def __init__(
        self,
        store: Store,
        routine: Routine,
        clock: Clock,
        wall_now: Callable[[], datetime],
        *,
        rep_seconds: RepSeconds = constant_rep_seconds,
        side_order: str = "left_first",
    ) -> None:
        self.store = store
        self.routine = routine
        self.clock = clock
        self.wall_now = wall_now
        self.session = GuidedSession(
            routine.items, clock, rep_seconds=rep_seconds, side_order=side_order
        )
        self.session_id: int | None = None
        self.set_ids: list[int] = []
        self._clock_start = 0.0
        self._wall_start: datetime | None = None
        self._ended = False
        self.kept = True  # False once ended without a rep done (the session is removed)

    @property
    def running(self) -> bool:
        return self.session.started and not self.session.finished

    def wall(self, clock_time: float) -> datetime:
        assert self._wall_start is not None, "start() first"
        return self._wall_start + timedelta(seconds=clock_time - self._clock_start)

    # ----- the user's actions ---------------------------------------------------------------
    def start(self) -> WorkoutStep:
        """Write the session row, then start the session (raises on a data error)."""
        wall_start = self.wall_now()
        if wall_start.tzinfo is None:
            raise ValueError("wall_now() must carry a time zone")
        self._clock_start, self._wall_start = self.clock.now(), wall_start
        self.session_id = workouts.start_session(self.store, wall_start, self.routine.id)
        step = self._record(self.session.start())
        return WorkoutStep(
            step.events, step.set_ids, step.finished, step.changes | Changes(workout=True)
        )

    def tick(self) -> WorkoutStep:
        return self._record(self.session.update())

    def toggle_pause(self) -> WorkoutStep:
        return self._record(self.session.toggle_pause())

    def skip(self) -> WorkoutStep:
        return self._record(self.session.skip())

    def back(self) -> WorkoutStep:
        return self._record(self.session.back())

    def finish_set_early(self) -> WorkoutStep:
        return self._record(self.session.finish_set_early())

    def adjust_reps(self, delta: int) -> WorkoutStep:
        return self._record(self.session.adjust_reps(delta))

    def stop(self) -> WorkoutStep:
        """Leave: the sets finished so far stay; the session gets its end time."""
        return self._record(self.session.stop())

    # ----- recording ------------------------------------------------------------------------
    def _record(self, events: list[Event]) -> WorkoutStep:
        """Commit each finished set and the end; a failed write is reported, never raised,
        so the person keeps exercising and the next set is tried again."""
        written: list[int] = []
        finished: WorkoutFinished | None = None
        problem = ""
        for event in events:
            try:
                if isinstance(event, SetFinished):
                    written.append(self._log_set(event))
                elif isinstance(event, WorkoutFinished):
                    finished = event
                    self._end(event.at)
            except sqlite3.Error as exc:
                what = "save that set" if isinstance(event, SetFinished) else "save the end"
                problem = problem or problem_text(what, exc)  # the first one tells most
        self.set_ids += written
        changed = bool(written) or finished is not None
        return WorkoutStep(
            tuple(events), tuple(written), finished, Changes(workout=changed, problem=problem)
        )

    def _log_set(self, event: SetFinished) -> int:
        assert self.session_id is not None
        entry = event.record.to_set_log(self.session_id, self.wall)
        return workouts.log_set(self.store, entry)

    def _end(self, clock_time: float) -> None:
        """Give the session its end time; a session in which nothing counts as training
        is removed instead, rather than kept as an empty entry in Past workouts."""
        if not self._ended and self.session_id is not None:
            self._ended = True
            sets = workouts.sets_for_session(self.store, self.session_id)
            if not any(counts_as_training(s.reps_done) for s in sets):
                workouts.delete_session(self.store, self.session_id)
                self.kept = False
                return
            workouts.end_session(self.store, self.session_id, self.wall(clock_time))


def past_workouts(store: Store, limit: int = 100) -> list[SessionSummary]:
    return session_summaries(store, limit)


def workout_details(store: Store, session_id: int) -> tuple[SessionSummary, list[SetLog]] | None:
    """One workout's summary and its sets, or None when it no longer exists."""
    summary = session_summary(store, session_id)
    if summary is None:
        return None
    return summary, workouts.sets_for_session(store, session_id)
