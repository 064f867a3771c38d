"""Landmark frames in time order -> single-leg intervals (lifts), with hysteresis.

Each change (foot up, foot down, hands on, hands off, out of view) must hold for its
minimum time before it counts; it is then dated from the frame where it began, so the
timer is exact even though the decision comes a quarter of a second later.
"""

from __future__ import annotations

import statistics
from collections import deque
from dataclasses import dataclass, field, replace
from enum import StrEnum

from glutemed.pose.landmarks import PoseLandmarks
from glutemed.pose.stance_rules import (
    FrameMeasures,
    LeanSide,
    Side,
    StanceThresholds,
    lean_side,
    measure,
    pelvic_drop_deg,
    trunk_lean_towards_stance_deg,
)

_BASELINE_FRAMES = 15  # about half a second of quiet standing at 30 fps


class LiftEnd(StrEnum):
    FOOT_DOWN = "foot_down"
    HANDS_OFF = "hands_off"
    OUT_OF_VIEW = "out_of_view"
    END_OF_VIDEO = "end_of_video"


@dataclass(frozen=True, slots=True)
class Lift:
    """One single-leg interval: who stood on what, for how long, and how it looked."""

    stance_side: Side
    start_s: float
    end_s: float
    ended_by: LiftEnd
    hands_on_hips: bool
    pelvic_drop_deg_max: float | None
    trunk_lean_deg_max: float | None
    trunk_lean_side: LeanSide | None = None  # of the largest lean; None when too small

    @property
    def seconds(self) -> float:
        return self.end_s - self.start_s

    def as_dict(self) -> dict[str, object]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 1)

        return {
            "stance_side": self.stance_side.value,
            "start_s": round(self.start_s, 3),
            "end_s": round(self.end_s, 3),
            "seconds": round(self.seconds, 3),
            "ended_by": self.ended_by.value,
            "hands_on_hips": self.hands_on_hips,
            "pelvic_drop_deg_max": rounded(self.pelvic_drop_deg_max),
            "trunk_lean_deg_max": rounded(self.trunk_lean_deg_max),
            "trunk_lean_side": None if self.trunk_lean_side is None else self.trunk_lean_side.value,
        }


@dataclass(slots=True)
class _Change:
    """A change seen but not yet held long enough to count."""

    since: float | None = None

    def hold(self, now: float, active: bool, needed: float) -> float | None:
        """The time the change began once it has held `needed` seconds, else None."""
        if not active:
            self.since = None
            return None
        if self.since is None:
            self.since = now
        return self.since if now - self.since >= needed else None


@dataclass(slots=True)
class _Open:
    stance: Side
    start_s: float
    hands_on_hips: bool
    drop_max: float | None = None
    lean_max: float | None = None  # the size of the largest lean, either way
    lean_at_max: float | None = None  # the same lean, positive over the standing leg

    def add(self, drop: float, lean_towards_stance: float | None) -> None:
        self.drop_max = drop if self.drop_max is None else max(self.drop_max, drop)
        if lean_towards_stance is not None:
            lean = abs(lean_towards_stance)
            if self.lean_max is None or lean > self.lean_max:
                self.lean_max, self.lean_at_max = lean, lean_towards_stance


@dataclass
class StanceTracker:
    """Feed frames with `update`; finished lifts come back from it and from `finish`."""

    thresholds: StanceThresholds = field(default_factory=StanceThresholds)
    lifts: list[Lift] = field(default_factory=list)
    hands_on_hips: bool = False
    in_view: bool = False
    last_measures: FrameMeasures | None = None
    _open: _Open | None = None
    _pending: list[tuple[float, FrameMeasures]] = field(default_factory=list)
    _lift_change: _Change = field(default_factory=_Change)
    _down_change: _Change = field(default_factory=_Change)
    _hands_change: _Change = field(default_factory=_Change)
    _hands_off_at: float | None = None
    _lost_since: float | None = None
    _pelvis_rest: deque[float] = field(default_factory=lambda: deque(maxlen=_BASELINE_FRAMES))
    _trunk_rest: deque[float] = field(default_factory=lambda: deque(maxlen=_BASELINE_FRAMES))
    # Feet are rarely exactly level on both feet (stance, perspective): lifts are measured
    # from the quiet-standing difference, like the pelvis and trunk.
    _feet_rest: deque[float] = field(default_factory=lambda: deque(maxlen=_BASELINE_FRAMES))
    _feet_offset: float = 0.0
    _last_t: float | None = None
    # After hands-off or out-of-view the foot must come down before a new lift counts.
    _needs_foot_down: bool = False

    @property
    def lifted(self) -> Side | None:
        """The stance side while a lift is under way, else None."""
        return None if self._open is None else self._open.stance

    @property
    def lift_started_s(self) -> float | None:
        return None if self._open is None else self._open.start_s

    def open_measures(self) -> tuple[float | None, float | None, LeanSide | None]:
        """Largest pelvic drop and trunk lean (with its side) so far in the lift under way."""
        if self._open is None:
            return (None, None, None)
        side = lean_side(self._open.lean_at_max, self.thresholds.lean_side_min_deg)
        return (self._open.drop_max, self._open.lean_max, side)

    def update(self, t: float, pose: PoseLandmarks | None) -> Lift | None:
        """Take the frame at `t` seconds; returns a lift if this frame ended one."""
        if self._last_t is not None and t < self._last_t:
            raise ValueError(f"frames must come in time order ({t} after {self._last_t})")
        self._last_t = t
        measures = measure(pose, self.thresholds)
        self.last_measures = measures
        if measures is None:
            return self._out_of_view(t)
        self._lost_since = None
        self.in_view = True
        self._feet_offset = statistics.median(self._feet_rest) if self._feet_rest else 0.0
        measures = replace(measures, foot_lift=measures.foot_lift - self._feet_offset)
        self.last_measures = measures
        self._update_hands(t, measures)
        if self._open is None:
            self._look_for_lift(t, measures)
            return None
        return self._follow_lift(t, measures)

    def finish(self, t: float) -> Lift | None:
        """The video ended (or the camera stopped) at `t`: close any open lift."""
        if self._open is None:
            return None
        return self._close(t, LiftEnd.END_OF_VIDEO)

    # -- states -----------------------------------------------------------------------

    def _out_of_view(self, t: float) -> Lift | None:
        self._lift_change.since = None
        self._pending.clear()
        if self._lost_since is None:
            self._lost_since = t
        if t - self._lost_since >= self.thresholds.out_of_view_s:
            self.in_view = False
            if self._open is not None:
                return self._close(self._lost_since, LiftEnd.OUT_OF_VIEW)
        return None

    def _update_hands(self, t: float, measures: FrameMeasures) -> None:
        ratio = measures.hands_ratio
        limits = self.thresholds
        if self.hands_on_hips:
            moved = ratio is None or ratio > limits.hands_off
            began = self._hands_change.hold(t, moved, limits.hands_min_s)
            if began is not None:
                self.hands_on_hips, self._hands_off_at = False, began
                self._hands_change.since = None
        else:
            placed = ratio is not None and ratio <= limits.hands_on
            began = self._hands_change.hold(t, placed, limits.hands_min_s)
            if began is not None:
                self.hands_on_hips, self._hands_off_at = True, None
                self._hands_change.since = None

    def _look_for_lift(self, t: float, measures: FrameMeasures) -> None:
        limits = self.thresholds
        if self._needs_foot_down:
            if measures.raised_side(limits.lift_off) is not None:
                return  # still on one leg after hands-off: neither a new lift nor standing
            self._needs_foot_down = False
        side = measures.raised_side(limits.lift_on if not self._pending else limits.lift_off)
        if self._pending and side is not self._pending_raised():
            side = None
        if side is None:
            self._pending.clear()
            self._lift_change.since = None
            self._pelvis_rest.append(measures.pelvic_tilt_deg)
            self._feet_rest.append(measures.foot_lift + self._feet_offset)
            if measures.trunk_tilt_deg is not None:
                self._trunk_rest.append(measures.trunk_tilt_deg)
            return
        self._pending.append((t, measures))
        began = self._lift_change.hold(t, True, limits.lift_min_s)
        if began is None:
            return
        self._open = _Open(stance=side.other, start_s=began, hands_on_hips=self.hands_on_hips)
        for _, seen in self._pending:
            self._add(seen)
        self._pending.clear()
        self._lift_change.since = None
        self._down_change.since = None

    def _pending_raised(self) -> Side | None:
        return self._pending[0][1].raised_side(self.thresholds.lift_off)

    def _follow_lift(self, t: float, measures: FrameMeasures) -> Lift | None:
        assert self._open is not None
        limits = self.thresholds
        if self._open.hands_on_hips and not self.hands_on_hips and self._hands_off_at is not None:
            return self._close(max(self._hands_off_at, self._open.start_s), LiftEnd.HANDS_OFF)
        raised = self._open.stance.other
        if self._down_change.since is None:
            coming_down = measures.raised_side(limits.lift_off) is not raised
        else:  # once down, only a clear lift again (lift_on) cancels the landing
            coming_down = measures.raised_side(limits.lift_on) is not raised
        began = self._down_change.hold(t, coming_down, limits.down_min_s)
        if began is not None:
            return self._close(began, LiftEnd.FOOT_DOWN)
        if not coming_down:
            self._add(measures)
        return None

    def _add(self, measures: FrameMeasures) -> None:
        assert self._open is not None
        pelvis_rest = statistics.median(self._pelvis_rest) if self._pelvis_rest else 0.0
        trunk_rest = statistics.median(self._trunk_rest) if self._trunk_rest else 0.0
        self._open.add(
            pelvic_drop_deg(measures, pelvis_rest, self._open.stance),
            trunk_lean_towards_stance_deg(measures, trunk_rest, self._open.stance),
        )

    def _close(self, end_s: float, ended_by: LiftEnd) -> Lift:
        assert self._open is not None
        lift = Lift(
            stance_side=self._open.stance,
            start_s=self._open.start_s,
            end_s=end_s,
            ended_by=ended_by,
            hands_on_hips=self._open.hands_on_hips,
            pelvic_drop_deg_max=self._open.drop_max,
            trunk_lean_deg_max=self._open.lean_max,
            trunk_lean_side=lean_side(self._open.lean_at_max, self.thresholds.lean_side_min_deg),
        )
        self.lifts.append(lift)
        self._needs_foot_down = ended_by in (LiftEnd.HANDS_OFF, LiftEnd.OUT_OF_VIEW)
        self._open = None
        self._down_change.since = None
        self._lift_change.since = None
        return lift
