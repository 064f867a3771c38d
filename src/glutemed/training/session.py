"""The guided-workout state machine, driven by an injected clock.

Time is kept as "active" seconds: clock.now() - started minus the paused stretches, each
measured from the clock. Every step starts exactly where the previous one was due to end,
so ticking often or rarely gives the same schedule (no drift), and a pause shifts the rest
of the session without changing anything in it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from glutemed.domain.clock import Clock
from glutemed.domain.records import RoutineItem
from glutemed.domain.vocabulary import Cue, WorkoutPhase
from glutemed.training.events import (
    CueRequested,
    Event,
    PhaseStarted,
    RepCounted,
    SetFinished,
    SetRecord,
    WorkoutFinished,
)
from glutemed.training.plan import (
    COUNTDOWN_PHASES,
    RepSeconds,
    Step,
    Timings,
    WorkBlock,
    build_steps,
    constant_rep_seconds,
)

_EPS = 1e-9  # float slack so a rep due at exactly t counts at t


@dataclass(frozen=True)
class Snapshot:
    """Everything the player shows, at one clock reading."""

    phase: WorkoutPhase
    paused: bool
    block: WorkBlock | None  # current work, or the work a countdown leads into
    next_block: WorkBlock | None  # the work after *block*
    step_index: int
    step_count: int
    count: int  # reps (or holds) counted in the current work
    target: int
    remaining_s: float | None  # countdowns and holds; None while reps are being counted
    countdown_total_s: float | None
    holding: bool  # in the hold part of a hold rep
    time_in_rep: float  # seconds into the demo animation's rep (figure position)
    elapsed_s: float  # clock.now() - started, pauses included
    active_s: float


class GuidedSession:
    def __init__(
        self,
        items: list[RoutineItem],
        clock: Clock,
        *,
        rep_seconds: RepSeconds = constant_rep_seconds,
        side_order: str = "left_first",
        timings: Timings | None = None,
    ) -> None:
        self.clock = clock
        self.timings = timings or Timings()
        self.steps: list[Step] = build_steps(items, rep_seconds, side_order, self.timings)
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self._paused_total = 0.0
        self._paused_since: float | None = None
        self._index = 0
        self._step_start = 0.0  # active seconds when the current step began
        self._step_start_clock = 0.0  # and the clock reading then
        self._seen = 0.0  # active seconds up to which marks (reps, ticks) were reported
        self._adjust = 0  # +/- reps the user applied in this work step
        self._adjust_at = 0.0

    # ----- time -----
    def _active(self, now: float | None = None) -> float:
        if self.started_at is None:
            return 0.0
        now = self.clock.now() if now is None else now
        paused = self._paused_total
        if self._paused_since is not None:
            paused += now - self._paused_since
        return now - self.started_at - paused

    def _clock_at(self, active: float) -> float:
        """The clock reading at an active time since the latest pause (see module doc)."""
        assert self.started_at is not None
        return self.started_at + self._paused_total + active

    @property
    def step(self) -> Step:
        return self.steps[self._index]

    @property
    def phase(self) -> WorkoutPhase:
        return self.step.phase

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def elapsed(self) -> float:
        if self.started_at is None:
            return 0.0
        end = self.finished_at if self.finished_at is not None else self.clock.now()
        return end - self.started_at

    # ----- counting inside a work step -----
    def _raw(self, t: float, block: WorkBlock) -> int:
        return math.floor(t / block.cycle_s(self.timings) + _EPS)

    def _count(self, t: float, block: WorkBlock) -> int:
        return max(0, min(block.target, self._raw(t, block) + self._adjust))

    def _work_end(self, block: WorkBlock) -> float:
        due = (block.target - self._adjust) * block.cycle_s(self.timings)
        return max(due, self._adjust_at)

    def _tick_marks(self, step: Step) -> list[float]:
        """Step-relative times of the countdown ticks in this step."""
        n = self.timings.countdown_ticks
        if step.phase in COUNTDOWN_PHASES:
            return [step.duration_s - k for k in range(n, 0, -1) if step.duration_s - k > 0]
        block = step.block
        if step.phase is WorkoutPhase.WORK and block is not None and block.item.hold_s is not None:
            cycle = block.cycle_s(self.timings)
            marks = []
            for rep in range(block.target + max(0, -self._adjust)):
                end = (rep + 1) * cycle
                hold_start = end - block.item.hold_s
                marks += [end - k for k in range(n, 0, -1) if end - k > hold_start + _EPS]
            return marks
        return []

    # ----- driving -----
    def start(self) -> list[Event]:
        if self.started_at is not None:
            raise RuntimeError("the session has already started")
        self.started_at = self._step_start_clock = self.clock.now()
        return [PhaseStarted(self.phase, self.step.block, self.started_at)]

    def update(self) -> list[Event]:
        """Report everything that happened up to now; call it as often as you like."""
        events: list[Event] = []
        if self.started_at is None or self.finished_at is not None or self.paused:
            return events
        now_t = self._active() - self._step_start
        while self.phase is not WorkoutPhase.DONE:
            step = self.step
            block = step.block
            end = (
                self._work_end(step.work()) if step.phase is WorkoutPhase.WORK else step.duration_s
            )
            horizon = min(now_t, end)
            for mark in self._tick_marks(step):
                if self._seen + _EPS < mark <= horizon + _EPS:
                    events.append(CueRequested(Cue.TICK, self._clock_at(self._step_start + mark)))
            if step.phase is WorkoutPhase.WORK and block is not None:
                events += self._reps_between(block, self._seen, horizon)
            self._seen = horizon
            if now_t + _EPS < end:
                break
            # The step is over at exactly `end`; the next starts there.
            if step.phase is WorkoutPhase.WORK and block is not None:
                events += self._finish_set(block, end, skipped=False)
            events += self._advance(self._step_start + end)
            now_t = self._active() - self._step_start
        return events

    def _reps_between(self, block: WorkBlock, after: float, upto: float) -> list[Event]:
        events: list[Event] = []
        cycle = block.cycle_s(self.timings)
        first = self._raw(after, block) + 1
        last = self._raw(upto, block)
        for raw in range(first, last + 1):
            count = raw + self._adjust
            if 0 < count <= block.target:
                at = self._clock_at(self._step_start + raw * cycle)
                events += [RepCounted(count, block.target, at), CueRequested(Cue.REP, at)]
        return events

    def _finish_set(self, block: WorkBlock, t_end: float, *, skipped: bool) -> list[Event]:
        item = block.item
        record = SetRecord(
            exercise_id=item.exercise_id,
            variation_id=item.variation_id,
            side=block.side,
            set_no=block.set_no,
            reps_target=block.target,
            reps_done=self._count(t_end, block),
            hold_s=item.hold_s,
            band=item.band,
            started_at=self._step_start_clock,
            completed_at=self._clock_at(self._step_start + t_end),
            skipped=skipped,
        )
        return [SetFinished(record)]

    def _enter(self, index: int, active_start: float) -> list[Event]:
        previous = self.phase
        self._index = index
        self._step_start = active_start
        self._step_start_clock = self._clock_at(active_start)
        self._seen = 0.0
        self._adjust = 0
        self._adjust_at = 0.0
        at = self._clock_at(active_start)
        events: list[Event] = [PhaseStarted(self.phase, self.step.block, at)]
        if self.phase is WorkoutPhase.WORK:
            events.append(CueRequested(Cue.GO, at))
        elif self.phase is WorkoutPhase.SWITCH_SIDES:
            events.append(CueRequested(Cue.SWITCH_SIDES, at))
        elif self.phase is WorkoutPhase.DONE and previous is not WorkoutPhase.DONE:
            self.finished_at = at
            events.append(CueRequested(Cue.DONE, at))
            assert self.started_at is not None
            events.append(WorkoutFinished(at, at - self.started_at, completed=True))
        return events

    def _advance(self, active_start: float) -> list[Event]:
        return self._enter(min(self._index + 1, len(self.steps) - 1), active_start)

    # ----- user actions -----
    def pause(self) -> list[Event]:
        events = self.update()
        if self.started and not self.finished and not self.paused:
            self._paused_since = self.clock.now()
        return events

    def resume(self) -> list[Event]:
        if self._paused_since is not None:
            self._paused_total += self.clock.now() - self._paused_since
            self._paused_since = None
        return self.update()

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.paused else self.pause()

    def _now_in_step(self) -> float:
        return self._active() - self._step_start

    def skip(self) -> list[Event]:
        """Skip the current set (logged as skipped) or the current countdown."""
        events = self.update()
        if not self.started or self.finished:
            return events
        t = self._now_in_step()
        block = self.step.block
        if self.phase is WorkoutPhase.WORK and block is not None:
            events += self._finish_set(block, t, skipped=True)
        return events + self._advance(self._step_start + t)

    def finish_set_early(self) -> list[Event]:
        """End the current set now, logging the reps really done."""
        events = self.update()
        block = self.step.block
        if self.finished or self.phase is not WorkoutPhase.WORK or block is None:
            return events
        t = self._now_in_step()
        events += self._finish_set(block, t, skipped=False)
        return events + self._advance(self._step_start + t)

    def back(self) -> list[Event]:
        """Restart the current set, or (at its very start or between sets) redo the last one."""
        events = self.update()
        if not self.started or self.finished:
            return events
        t = self._now_in_step()
        restart_here = self.phase is WorkoutPhase.WORK and t > self.timings.back_restarts_after_s
        target = self._index
        if not restart_here:
            earlier = [i for i in range(self._index) if self.steps[i].phase is WorkoutPhase.WORK]
            target = earlier[-1] if earlier else 0
        return events + self._enter(target, self._step_start + t)

    def adjust_reps(self, delta: int) -> list[Event]:
        """+1 / -1 on the counter of the current work (the user's own count wins)."""
        events = self.update()
        block = self.step.block
        if self.finished or self.phase is not WorkoutPhase.WORK or block is None or delta == 0:
            return events
        t = self._now_in_step()
        before = self._count(t, block)
        self._adjust = max(-self._raw(t, block), self._adjust + delta)
        self._adjust_at = t
        after = self._count(t, block)
        if after != before:
            events.append(RepCounted(after, block.target, self._clock_at(self._step_start + t)))
        return events + self.update()

    def stop(self) -> list[Event]:
        """Leave now; finished sets stay as they were reported, the set in progress is dropped."""
        events = self.update()
        if not self.started or self.finished:
            return events
        self.resume()
        now = self.clock.now()
        self._index = len(self.steps) - 1
        self.finished_at = now
        assert self.started_at is not None
        return [*events, WorkoutFinished(now, now - self.started_at, completed=False)]

    # ----- reading -----
    def snapshot(self) -> Snapshot:
        step = self.step
        block = step.block
        active = self._active()
        t = max(0.0, active - self._step_start) if self.started else 0.0
        count, remaining, total, holding, in_rep = 0, None, None, False, 0.0
        if step.phase in COUNTDOWN_PHASES:
            total = step.duration_s
            remaining = max(0.0, step.duration_s - t)
        elif step.phase is WorkoutPhase.WORK and block is not None:
            t = min(t, self._work_end(block))
            count = self._count(t, block)
            cycle = block.cycle_s(self.timings)
            into = t - self._raw(t, block) * cycle
            in_rep = into / cycle * block.rep_s
            if block.item.hold_s is not None:
                lift = self.timings.hold_lift_s
                holding = into >= lift
                total = block.item.hold_s
                remaining = block.item.hold_s - max(0.0, into - lift)
        return Snapshot(
            phase=step.phase,
            paused=self.paused,
            block=block,
            next_block=self._next_block(),
            step_index=self._index,
            step_count=len(self.steps),
            count=count,
            target=block.target if block is not None else 0,
            remaining_s=remaining,
            countdown_total_s=total,
            holding=holding,
            time_in_rep=in_rep,
            elapsed_s=self.elapsed(),
            active_s=active,
        )

    def _next_block(self) -> WorkBlock | None:
        current = self.step.block
        for step in self.steps[self._index + 1 :]:
            if step.phase is WorkoutPhase.WORK and step.block is not current:
                return step.block
        return None
