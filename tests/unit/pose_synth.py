"""Synthetic landmark sequences: a person facing the camera, drawn by numbers."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from glutemed.pose.landmarks import LANDMARK_COUNT, Joint, Landmark, PoseLandmarks

WIDTH, HEIGHT = 640, 480
LEG = 180.0  # hip to ankle, pixels
HIP_WIDTH = 40.0


@dataclass(frozen=True)
class Body:
    """What the synthetic person does in one frame."""

    raised: str | None = None  # "left" / "right": which foot is off the floor
    lift: float = 0.2  # how high, in leg lengths
    hands: str = "hips"  # "hips", "down" or "out"
    pelvic_tilt_deg: float = 0.0  # positive: the right hip lower
    trunk_deg: float = 0.0  # positive: shoulders towards the person's right
    hidden: tuple[Joint, ...] = ()  # joints the model is unsure of
    shift_x: float = 0.0  # move the whole person sideways (pixels)
    left_ankle_up: float = 0.0  # standing with the left ankle this much higher (leg lengths)

    def but(self, **changes: object) -> Body:
        return replace(self, **changes)  # type: ignore[arg-type]


def pose(body: Body, noise: float = 0.0, rng: random.Random | None = None) -> PoseLandmarks:
    """The 33 landmarks of `body`; `noise` is a Gaussian jitter in pixels."""
    cx, cy = 320.0 + body.shift_x, 250.0
    tilt = math.tan(math.radians(body.pelvic_tilt_deg)) * HIP_WIDTH / 2
    # Facing the camera: the person's left is on the image's right.
    spots: dict[Joint, tuple[float, float]] = {
        Joint.LEFT_HIP: (cx + HIP_WIDTH / 2, cy - tilt),
        Joint.RIGHT_HIP: (cx - HIP_WIDTH / 2, cy + tilt),
    }
    for side, sign in (("LEFT", 1.0), ("RIGHT", -1.0)):
        hip_x, hip_y = spots[Joint[f"{side}_HIP"]]
        up = body.lift * LEG if body.raised == side.lower() else 0.0
        if side == "LEFT":
            up += body.left_ankle_up * LEG
        ankle_y = hip_y + LEG - up
        spots[Joint[f"{side}_KNEE"]] = (hip_x, (hip_y + ankle_y) / 2)
        spots[Joint[f"{side}_ANKLE"]] = (hip_x, ankle_y)
        spots[Joint[f"{side}_HEEL"]] = (hip_x, ankle_y + 8)
        spots[Joint[f"{side}_FOOT"]] = (hip_x + sign * 4, ankle_y + 12)
        if body.hands == "hips":
            wrist = (hip_x + sign * HIP_WIDTH * 0.45, hip_y - HIP_WIDTH * 0.2)
        elif body.hands == "down":
            wrist = (hip_x + sign * HIP_WIDTH * 0.7, hip_y + HIP_WIDTH * 0.6)
        else:
            wrist = (hip_x + sign * 160, hip_y - 110)
        spots[Joint[f"{side}_WRIST"]] = wrist
    lean = math.radians(body.trunk_deg)
    trunk = 120.0
    # Shoulders move towards the person's right (the image's left) for a positive lean.
    shoulder_cx = cx - math.sin(lean) * trunk
    shoulder_cy = cy - math.cos(lean) * trunk
    spots[Joint.LEFT_SHOULDER] = (shoulder_cx + 35, shoulder_cy)
    spots[Joint.RIGHT_SHOULDER] = (shoulder_cx - 35, shoulder_cy)
    spots[Joint.NOSE] = (shoulder_cx, shoulder_cy - 40)
    rng = rng or random.Random(0)
    points = []
    for index in range(LANDMARK_COUNT):
        x, y = spots.get(
            Joint(index) if index in Joint._value2member_map_ else Joint.NOSE, spots[Joint.NOSE]
        )
        if noise:
            x, y = x + rng.gauss(0, noise), y + rng.gauss(0, noise)
        hidden = index in body.hidden
        points.append(Landmark(x, y, 0.2 if hidden else 0.95))
    return PoseLandmarks(tuple(points), WIDTH, HEIGHT)


def sequence(
    parts: list[tuple[float, Body | None]], fps: float = 30.0, noise: float = 0.0, seed: int = 1
) -> list[tuple[float, PoseLandmarks | None]]:
    """Frames for consecutive parts of (seconds, body); None means nobody in the picture."""
    rng = random.Random(seed)
    frames: list[tuple[float, PoseLandmarks | None]] = []
    t = 0.0
    for seconds, body in parts:
        for _ in range(round(seconds * fps)):
            frames.append((t, None if body is None else pose(body, noise, rng)))
            t += 1.0 / fps
    return frames
