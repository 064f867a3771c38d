"""What a guided session reports as it runs; plain values the UI or a recorder consume."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from glutemed.domain.records import SetLog
from glutemed.domain.vocabulary import Cue, Side, WorkoutPhase
from glutemed.training.plan import WorkBlock


@dataclass(frozen=True)
class SetRecord:
    """A finished (or skipped) set on one side. Times are clock seconds."""

    exercise_id: str
    variation_id: str
    side: Side
    set_no: int
    reps_target: int | None
    reps_done: int
    hold_s: float | None
    band: str | None
    started_at: float
    completed_at: float
    skipped: bool

    def to_set_log(self, session_id: int, wall: Callable[[float], datetime]) -> SetLog:
        """*wall* turns a clock reading into an aware datetime."""
        return SetLog(
            session_id=session_id,
            exercise_id=self.exercise_id,
            variation_id=self.variation_id,
            side=self.side,
            set_no=self.set_no,
            reps_target=self.reps_target,
            reps_done=self.reps_done,
            hold_s=self.hold_s,
            band=self.band,
            started_at=wall(self.started_at),
            completed_at=wall(self.completed_at),
            skipped=self.skipped,
        )


@dataclass(frozen=True)
class PhaseStarted:
    phase: WorkoutPhase
    block: WorkBlock | None
    at: float


@dataclass(frozen=True)
class RepCounted:
    count: int
    target: int
    at: float


@dataclass(frozen=True)
class CueRequested:
    cue: Cue
    at: float


@dataclass(frozen=True)
class SetFinished:
    record: SetRecord


@dataclass(frozen=True)
class WorkoutFinished:
    at: float
    elapsed_s: float
    completed: bool  # False when the user left before the end


Event = PhaseStarted | RepCounted | CueRequested | SetFinished | WorkoutFinished
