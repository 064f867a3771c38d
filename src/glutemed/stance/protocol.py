"""The timed single-leg stance test as a state machine driven by an injected clock.

Sides alternate (first side from the user's preference) so each leg rests between trials:
left 1, right 1, left 2, right 2, left 3, right 3. A side whose trial reached the cap skips
its remaining trials: best-of-3 cannot beat the cap. "Side" is always the standing leg.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from glutemed.domain.clock import Clock
from glutemed.domain.rules import CAP_CHOICES, DEFAULT_CAP_S, TRIALS_PER_SIDE
from glutemed.domain.vocabulary import Cue, EndedBy, Eyes, LeanSide, Side, StancePhase

COUNTDOWN_S = 3

# Reasons a person can pick after stopping the timer themselves ("cap" is never picked).
MANUAL_REASONS: tuple[EndedBy, ...] = (
    "foot_down",
    "hands_off",
    "stance_foot_moved",
    "eyes_opened",
    "manual",
)


class ProtocolError(Exception):
    """An action that does not fit the current phase (a bug in the caller, not the user)."""


@dataclass(frozen=True)
class Trial:
    side: Side
    trial_no: int
    seconds: float
    capped: bool
    ended_by: EndedBy
    pelvis_dropped: bool = False
    trunk_lean: bool = False
    # Measured by the camera (degrees); None when timed by hand.
    pelvic_drop_deg: float | None = None
    trunk_lean_deg: float | None = None
    trunk_lean_side: LeanSide | None = None


# How the camera can end a trial (it sees these itself, so nobody is asked).
CAMERA_ENDINGS: tuple[EndedBy, ...] = ("foot_down", "hands_off", "out_of_view")


def reasons_for(eyes: Eyes) -> tuple[EndedBy, ...]:
    """The stop reasons that make sense for this test (opening the eyes only if closed)."""
    if eyes == "closed":
        return MANUAL_REASONS
    return tuple(r for r in MANUAL_REASONS if r != "eyes_opened")


class StanceProtocol:
    """One sitting of the test: up to three trials per side, in alternating order."""

    def __init__(
        self,
        clock: Clock,
        eyes: Eyes = "open",
        cap_s: float = DEFAULT_CAP_S,
        first_side: Side = "left",
        trials_per_side: int = TRIALS_PER_SIDE,
    ) -> None:
        if eyes not in ("open", "closed"):
            raise ValueError(f"eyes must be 'open' or 'closed', got {eyes!r}")
        if cap_s not in CAP_CHOICES:
            raise ValueError(f"the cap must be one of 30, 45 or 60 seconds, got {cap_s:g}")
        if first_side not in ("left", "right"):
            raise ValueError(f"side must be 'left' or 'right', got {first_side!r}")
        if not 1 <= trials_per_side <= TRIALS_PER_SIDE:
            raise ValueError(f"trials per side must be 1-{TRIALS_PER_SIDE}")
        self._clock = clock
        self.eyes: Eyes = eyes
        self.cap_s = cap_s
        second: Side = "right" if first_side == "left" else "left"
        self.sides: tuple[Side, Side] = (first_side, second)
        self.trials_per_side = trials_per_side
        self.phase = StancePhase.READY
        self.trials: list[Trial] = []
        self.pending: Trial | None = None  # stopped, awaiting how it ended
        self._countdown_started = 0.0
        self._timing_started = 0.0
        self._ticks_sounded = 0
        self._wait_for_lift = False
        self._current: tuple[Side, int] | None = self._next_step()

    # ----- where we are ---------------------------------------------------------------

    @property
    def current_side(self) -> Side | None:
        return self._current[0] if self._current else None

    @property
    def current_trial_no(self) -> int | None:
        return self._current[1] if self._current else None

    def trials_for(self, side: Side) -> list[Trial]:
        return [t for t in self.trials if t.side == side]

    def countdown_left(self) -> int:
        """The number to show during the countdown: 3, 2, 1."""
        if self.phase is not StancePhase.COUNTDOWN:
            return 0
        passed = self._clock.now() - self._countdown_started
        return max(1, COUNTDOWN_S - math.floor(passed))

    def elapsed(self) -> float:
        """Seconds on one leg so far (never beyond the cap); the stopped time once stopped."""
        if self.phase is StancePhase.TIMING:
            return min(self.cap_s, max(0.0, self._clock.now() - self._timing_started))
        if self.phase is StancePhase.OUTCOME and self.pending is not None:
            return self.pending.seconds
        return 0.0

    @property
    def is_over(self) -> bool:
        return self.phase in (StancePhase.FINISHED, StancePhase.ABANDONED)

    @property
    def can_finish(self) -> bool:
        return self.phase is StancePhase.READY and bool(self.trials)

    # ----- what the person does ---------------------------------------------------------

    def start_countdown(self, *, wait_for_lift: bool = False) -> list[Cue]:
        """Begin 3-2-1; returns the sound cues to play now. With `wait_for_lift` (the
        camera test) the timer then waits for `lift_seen` instead of starting at "go"."""
        self._require(StancePhase.READY)
        self._wait_for_lift = wait_for_lift
        self.phase = StancePhase.COUNTDOWN
        self._countdown_started = self._clock.now()
        self._ticks_sounded = 1
        return [Cue.TICK]

    def tick(self) -> list[Cue]:
        """Advance by the clock; returns sound cues ('tick', 'go', 'stop') that fall due."""
        cues: list[Cue] = []
        now = self._clock.now()
        if self.phase is StancePhase.COUNTDOWN:
            passed = now - self._countdown_started
            if passed >= COUNTDOWN_S:
                # Timing starts at the exact end of the countdown, however late this tick is.
                self._timing_started = self._countdown_started + COUNTDOWN_S
                self.phase = StancePhase.WAITING if self._wait_for_lift else StancePhase.TIMING
                cues.append(Cue.GO)
            else:
                due = 1 + math.floor(passed)
                if due > self._ticks_sounded:
                    self._ticks_sounded = due
                    cues.append(Cue.TICK)
        if self.phase is StancePhase.TIMING and now - self._timing_started >= self.cap_s:
            self._end_timing(self.cap_s, capped=True)
            cues.append(Cue.STOP)
        return cues

    def stop(self) -> list[Cue]:
        """Any key or click: stops the timing (or cancels a countdown). Returns cues."""
        if self.phase in (StancePhase.COUNTDOWN, StancePhase.WAITING):
            self.phase = StancePhase.READY  # not on one leg yet: nothing to record
            return []
        self._require(StancePhase.TIMING)
        cues = self.tick()  # the cap may have passed since the last tick
        if self.phase is StancePhase.TIMING:
            seconds = self._clock.now() - self._timing_started
            self._end_timing(seconds, capped=False)
            cues.append(Cue.STOP)
        return cues

    def lift_seen(self, at: float) -> list[Cue]:
        """Camera test: the foot left the floor at clock time `at`; timing runs from it."""
        self._require(StancePhase.WAITING)
        self._timing_started = min(at, self._clock.now())
        self.phase = StancePhase.TIMING
        return self.tick()  # a lift reported late may already be past the cap

    def landing_seen(
        self,
        at: float,
        ended_by: EndedBy,
        *,
        pelvic_drop_deg: float | None,
        trunk_lean_deg: float | None,
        trunk_lean_side: LeanSide | None = None,
    ) -> list[Cue]:
        """Camera test: the trial ended at clock time `at`, as the camera saw it. Stops
        the timer with what was measured; `record()` then files it."""
        if ended_by not in CAMERA_ENDINGS:
            raise ValueError(f"the camera cannot see {ended_by!r}")
        self._require(StancePhase.TIMING)
        cues = self.tick()
        if self.phase is StancePhase.OUTCOME:  # the cap came first
            assert self.pending is not None
            self.pending = replace(
                self.pending,
                pelvic_drop_deg=pelvic_drop_deg,
                trunk_lean_deg=trunk_lean_deg,
                trunk_lean_side=trunk_lean_side,
            )
            return cues
        self._end_timing(max(0.0, at - self._timing_started), capped=False)
        assert self.pending is not None
        self.pending = replace(
            self.pending,
            ended_by=ended_by,
            pelvic_drop_deg=pelvic_drop_deg,
            trunk_lean_deg=trunk_lean_deg,
            trunk_lean_side=trunk_lean_side,
        )
        return [*cues, Cue.STOP]

    def retry(self) -> None:
        """False start: forget the trial just timed and redo the same one."""
        if self.phase not in (
            StancePhase.COUNTDOWN,
            StancePhase.WAITING,
            StancePhase.TIMING,
            StancePhase.OUTCOME,
        ):
            raise ProtocolError(f"nothing to retry while {self.phase.value}")
        self.pending = None
        self.phase = StancePhase.READY

    def record(
        self,
        ended_by: EndedBy | None = None,
        *,
        pelvis_dropped: bool = False,
        trunk_lean: bool = False,
    ) -> Trial:
        """Say how the stopped trial ended; moves on to the next trial or finishes."""
        self._require(StancePhase.OUTCOME)
        assert self.pending is not None
        if self.pending.capped:
            if ended_by not in (None, "cap"):
                raise ValueError("a trial that reached the cap ended by the cap")
            ended_by = "cap"
        elif ended_by is None:
            ended_by = "manual"
        elif ended_by not in reasons_for(self.eyes) and not (
            self._wait_for_lift and ended_by in CAMERA_ENDINGS
        ):
            raise ValueError(f"{ended_by!r} is not a way an eyes-{self.eyes} trial can end")
        trial = replace(
            self.pending, ended_by=ended_by, pelvis_dropped=pelvis_dropped, trunk_lean=trunk_lean
        )
        self.trials.append(trial)
        self.pending = None
        self._current = self._next_step()
        self.phase = StancePhase.READY if self._current else StancePhase.FINISHED
        return trial

    def finish(self) -> None:
        """End early with what has been done (at least one trial)."""
        if not self.can_finish:
            raise ProtocolError("finish needs at least one recorded trial and no trial running")
        self._current = None
        self.phase = StancePhase.FINISHED

    def abandon(self) -> None:
        """Stop the test; finished trials are kept, a stopped-but-unlabelled one too."""
        if self.is_over:
            return
        if self.phase is StancePhase.OUTCOME and self.pending is not None:
            self.trials.append(self.pending)
            self.pending = None
        self._current = None
        self.phase = StancePhase.ABANDONED

    # ----- internals ------------------------------------------------------------------------

    def _end_timing(self, seconds: float, *, capped: bool) -> None:
        side, trial_no = self._current or ("left", 0)
        self.pending = Trial(
            side=side,
            trial_no=trial_no,
            seconds=round(min(seconds, self.cap_s), 2),
            capped=capped,
            ended_by="cap" if capped else "manual",
        )
        self.phase = StancePhase.OUTCOME

    def _next_step(self) -> tuple[Side, int] | None:
        for round_no in range(1, self.trials_per_side + 1):
            for side in self.sides:
                done = self.trials_for(side)
                if any(t.capped for t in done):
                    continue
                if len(done) < round_no:
                    return (side, len(done) + 1)
        return None

    def _require(self, phase: StancePhase) -> None:
        if self.phase is not phase:
            raise ProtocolError(f"expected {phase.value}, but the test is {self.phase.value}")
