"""What one frame's landmarks say about a single-leg stance (pure, plain Python).

Distances are scaled by the person's own size in the picture, so the rules hold at any
distance from the camera. Every default is explained in `StanceThresholds` and in the
README's Architecture section.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from glutemed.pose.landmarks import Joint, Landmark, PoseLandmarks, distance, midpoint


class LeanSide(StrEnum):
    """Which way the trunk leaned, seen from the standing leg. Over the standing leg is
    the Trendelenburg compensation: it moves the weight over a weak hip."""

    STANCE = "stance"
    SWING = "swing"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


@dataclass(frozen=True, slots=True)
class StanceThresholds:
    """The rules' numbers.

    - `min_visibility` 0.5: the model's own midpoint between "seen" and "guessed".
    - `lift_on` 0.06 leg lengths, counted from the difference while standing on both
      feet: the test lifts the free foot to about ankle height (Nezic, Puh & Hlebs
      2012), and the ankle sits 0.039 of body height above the floor against a hip
      height of 0.530 (Winter 2009): 0.074 leg lengths. Both-feet footage stays within
      0.03 (squats fixture), so 0.06 clears the noise.
    - `lift_off` 0.03: hysteresis, a foot counts as down again only once level within
      the noise band, so a wobble around 0.06 does not start and stop the timer.
    - `lift_min_s`, `down_min_s` 0.25 s: a change must hold this long (about 8 frames at
      30 fps, 2 at 5 fps) to count; the interval is then dated from its first frame.
    - `hands_on` 0.75 / `hands_off` 1.0 hip widths (wrist to same-side hip joint, a
      drop below the hip joint counted double): hands on the iliac crests measure
      0.43-0.52 on the hands-on-hips fixture; hanging hands sit below the hip joints
      and arms held out are past 3 (warrior fixture); `hands_min_s` 0.3 s.
    - `out_of_view_s` 0.5 s: losing the body for longer than a blink ends a lift.
    - `lean_side_min_deg` 5°: the side of a trunk lean is named only from here up; the
      camera fixture, a still picture with only a leg moved, measures up to 4° of lean
      from landmark jitter alone, so a smaller lean has no side worth reporting.
    """

    min_visibility: float = 0.5
    lift_on: float = 0.06
    lift_off: float = 0.03
    lift_min_s: float = 0.25
    down_min_s: float = 0.25
    hands_on: float = 0.75
    hands_off: float = 1.0
    hands_min_s: float = 0.3
    out_of_view_s: float = 0.5
    lean_side_min_deg: float = 5.0

    def __post_init__(self) -> None:
        if not 0.0 < self.lift_off < self.lift_on:
            raise ValueError("lift_off must be positive and below lift_on")
        if not 0.0 < self.hands_on < self.hands_off:
            raise ValueError("hands_on must be positive and below hands_off")


LOWER_BODY = (
    Joint.LEFT_HIP,
    Joint.RIGHT_HIP,
    Joint.LEFT_KNEE,
    Joint.RIGHT_KNEE,
    Joint.LEFT_ANKLE,
    Joint.RIGHT_ANKLE,
)
_HANDS = (Joint.LEFT_WRIST, Joint.RIGHT_WRIST)
_SHOULDERS = (Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER)


@dataclass(frozen=True, slots=True)
class FrameMeasures:
    """One frame, measured.

    `foot_lift`: (left ankle height - right ankle height) / leg length, positive when the
    left foot is the higher one. `hands_ratio`: the farther hand's wrist-to-hip distance
    over hip width (None when a hand is not seen). `pelvic_tilt_deg`: the hip line
    against the horizontal, positive when the right hip is lower. `trunk_tilt_deg`: the
    mid-hip to mid-shoulder line against the vertical, positive towards the right hip.
    """

    foot_lift: float
    hands_ratio: float | None
    pelvic_tilt_deg: float
    trunk_tilt_deg: float | None

    def raised_side(self, threshold: float) -> Side | None:
        if self.foot_lift >= threshold:
            return Side.LEFT
        if self.foot_lift <= -threshold:
            return Side.RIGHT
        return None


def measure(pose: PoseLandmarks | None, thresholds: StanceThresholds) -> FrameMeasures | None:
    """The frame's measures, or None when the lower body is not properly in view."""
    if pose is None:
        return None
    seen = thresholds.min_visibility
    if not all(pose.seen(joint, seen) for joint in LOWER_BODY):
        return None
    left_hip, right_hip = pose[Joint.LEFT_HIP], pose[Joint.RIGHT_HIP]
    left_ankle, right_ankle = pose[Joint.LEFT_ANKLE], pose[Joint.RIGHT_ANKLE]
    if left_ankle.y <= left_hip.y or right_ankle.y <= right_hip.y:
        return None  # feet above the hips: not a standing person (or invented ankles)
    leg = (
        distance(left_hip, pose[Joint.LEFT_KNEE])
        + distance(pose[Joint.LEFT_KNEE], left_ankle)
        + distance(right_hip, pose[Joint.RIGHT_KNEE])
        + distance(pose[Joint.RIGHT_KNEE], right_ankle)
    ) / 2.0
    hip_width = distance(left_hip, right_hip)
    if leg <= 0.0 or hip_width <= 0.0:
        return None
    hands_ratio: float | None = None
    if all(pose.seen(joint, seen) for joint in _HANDS):
        hands_ratio = (
            max(
                _hand_to_hip(pose[Joint.LEFT_WRIST], left_hip),
                _hand_to_hip(pose[Joint.RIGHT_WRIST], right_hip),
            )
            / hip_width
        )
    pelvic = math.degrees(math.atan2(right_hip.y - left_hip.y, abs(right_hip.x - left_hip.x)))
    trunk: float | None = None
    if all(pose.seen(joint, seen) for joint in _SHOULDERS):
        hip_x, hip_y = midpoint(left_hip, right_hip)
        shoulder_x, shoulder_y = midpoint(pose[Joint.LEFT_SHOULDER], pose[Joint.RIGHT_SHOULDER])
        towards_right = 1.0 if right_hip.x >= left_hip.x else -1.0
        trunk = math.degrees(math.atan2((shoulder_x - hip_x) * towards_right, hip_y - shoulder_y))
    return FrameMeasures(
        foot_lift=(left_ankle.y - right_ankle.y) / -leg,
        hands_ratio=hands_ratio,
        pelvic_tilt_deg=pelvic,
        trunk_tilt_deg=trunk,
    )


def _hand_to_hip(wrist: Landmark, hip: Landmark) -> float:
    """Wrist-to-hip distance; hanging hands are near the hips too, but below them, so
    a drop below the hip joint counts double."""
    drop = wrist.y - hip.y
    return math.hypot(wrist.x - hip.x, drop * 2.0 if drop > 0 else drop)


def pelvic_drop_deg(measures: FrameMeasures, baseline_deg: float, stance: Side) -> float:
    """How far the lifted side's hip sits below level, in degrees (negative: it rose)."""
    tilt = measures.pelvic_tilt_deg - baseline_deg
    return tilt if stance is Side.LEFT else -tilt


def trunk_lean_towards_stance_deg(
    measures: FrameMeasures, baseline_deg: float, stance: Side
) -> float | None:
    """Sideways lean from the quiet-standing line, positive over the standing leg."""
    if measures.trunk_tilt_deg is None:
        return None
    towards_right = measures.trunk_tilt_deg - baseline_deg
    return towards_right if stance is Side.RIGHT else -towards_right


def lean_side(towards_stance_deg: float | None, min_deg: float) -> LeanSide | None:
    """The side of a lean (positive: over the standing leg); None when it is too small
    to tell from jitter, or was not measured."""
    if towards_stance_deg is None or abs(towards_stance_deg) < min_deg:
        return None
    return LeanSide.STANCE if towards_stance_deg > 0 else LeanSide.SWING
