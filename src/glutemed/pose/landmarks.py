"""Body landmarks in image pixels, with visibility, as BlazePose numbers them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum


class Joint(IntEnum):
    """BlazePose's 33 landmark indices (the person's own left and right)."""

    NOSE = 0
    LEFT_SHOULDER = 11
    RIGHT_SHOULDER = 12
    LEFT_ELBOW = 13
    RIGHT_ELBOW = 14
    LEFT_WRIST = 15
    RIGHT_WRIST = 16
    LEFT_HIP = 23
    RIGHT_HIP = 24
    LEFT_KNEE = 25
    RIGHT_KNEE = 26
    LEFT_ANKLE = 27
    RIGHT_ANKLE = 28
    LEFT_HEEL = 29
    RIGHT_HEEL = 30
    LEFT_FOOT = 31
    RIGHT_FOOT = 32


LANDMARK_COUNT = 33

# Lines of the skeleton drawn over the live view.
SKELETON_LINES: tuple[tuple[Joint, Joint], ...] = (
    (Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER),
    (Joint.LEFT_SHOULDER, Joint.LEFT_ELBOW),
    (Joint.LEFT_ELBOW, Joint.LEFT_WRIST),
    (Joint.RIGHT_SHOULDER, Joint.RIGHT_ELBOW),
    (Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST),
    (Joint.LEFT_SHOULDER, Joint.LEFT_HIP),
    (Joint.RIGHT_SHOULDER, Joint.RIGHT_HIP),
    (Joint.LEFT_HIP, Joint.RIGHT_HIP),
    (Joint.LEFT_HIP, Joint.LEFT_KNEE),
    (Joint.LEFT_KNEE, Joint.LEFT_ANKLE),
    (Joint.RIGHT_HIP, Joint.RIGHT_KNEE),
    (Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE),
    (Joint.LEFT_ANKLE, Joint.LEFT_HEEL),
    (Joint.LEFT_HEEL, Joint.LEFT_FOOT),
    (Joint.RIGHT_ANKLE, Joint.RIGHT_HEEL),
    (Joint.RIGHT_HEEL, Joint.RIGHT_FOOT),
)


@dataclass(frozen=True, slots=True)
class Landmark:
    """One point in image pixels (y grows downwards) and how sure the model is that
    it is visible (0-1)."""

    x: float
    y: float
    visibility: float


@dataclass(frozen=True, slots=True)
class PoseLandmarks:
    """All 33 landmarks of one person in one frame of `width` x `height` pixels."""

    points: tuple[Landmark, ...]
    width: int
    height: int

    def __post_init__(self) -> None:
        if len(self.points) != LANDMARK_COUNT:
            raise ValueError(f"a pose has {LANDMARK_COUNT} landmarks, not {len(self.points)}")

    def __getitem__(self, joint: Joint) -> Landmark:
        return self.points[joint]

    def seen(self, joint: Joint, min_visibility: float) -> bool:
        """Visible enough and inside the frame: the model also invents joints it
        cannot see (ankles below the picture's edge), with fair visibility."""
        point = self.points[joint]
        return (
            point.visibility >= min_visibility
            and 0.0 <= point.x <= self.width
            and 0.0 <= point.y <= self.height
        )


def distance(a: Landmark, b: Landmark) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


def midpoint(a: Landmark, b: Landmark) -> tuple[float, float]:
    return ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
