"""The fire hydrant moves like one: on hands and knees the bent leg lifts out to the side
(abduction with the hip flexed), the thigh rises toward level, and nothing swings back
behind the hip (the extension variation once straightened the leg backwards)."""

from __future__ import annotations

import math

import pytest

from glutemed.motion import Animation, Frame, load_animation

SAMPLES = 120
BEHIND_MAX_DEG = 3.0  # how far behind the hip's side-to-side line a limb may point


@pytest.fixture(scope="module")
def hydrant() -> Animation:
    return load_animation("fire_hydrant")


def frames(anim: Animation, variation: str, side: str) -> list[Frame]:
    duration = anim.rep_duration(variation)
    return [anim.frame(variation, duration * i / SAMPLES, side) for i in range(SAMPLES + 1)]


def behind_deg(frame: Frame, joint: str, side: str) -> float:
    """Degrees by which hip->joint points backward (toward the feet; the head is +z)."""
    hip, end = frame.positions[f"hip_{side[0]}"], frame.positions[joint]
    back = hip[2] - end[2]
    return math.degrees(math.asin(max(0.0, back) / math.dist(hip, end)))


def from_vertical_deg(frame: Frame, side: str) -> float:
    hip, knee = frame.positions[f"hip_{side[0]}"], frame.positions[f"knee_{side[0]}"]
    return math.degrees(math.acos((hip[1] - knee[1]) / math.dist(hip, knee)))


@pytest.mark.parametrize("side", ["right", "left"])
@pytest.mark.parametrize("variation", ["standard", "band", "extension"])
def test_the_knee_goes_out_and_up_and_never_behind_the_hip(
    hydrant: Animation, variation: str, side: str
) -> None:
    fr = frames(hydrant, variation, side)
    s = side[0]
    outward = -1.0 if side == "right" else 1.0  # the body's left is +x
    start = fr[0].positions[f"knee_{s}"]
    out = max(outward * (f.positions[f"knee_{s}"][0] - start[0]) for f in fr)
    up = max(f.positions[f"knee_{s}"][1] - start[1] for f in fr)
    assert out > 0.25 and up > 0.1, "the knee travels out to the side and up"
    assert from_vertical_deg(fr[0], side) < 3.0, "the thigh starts straight down"
    assert max(from_vertical_deg(f, side) for f in fr) >= 40.0, "rising toward level"
    for f in fr:
        assert behind_deg(f, f"knee_{s}", side) <= BEHIND_MAX_DEG, "thigh behind the hip"
        flex = f.pose.angle(f"hip_{s}.flex")
        assert flex >= fr[0].pose.angle(f"hip_{s}.flex") - 1.0, "no hip extension"


@pytest.mark.parametrize("side", ["right", "left"])
def test_the_extension_straightens_the_leg_out_to_the_side(hydrant: Animation, side: str) -> None:
    s = side[0]
    # Fully straight (while the knee is still bending, the shin trails a little, as it must).
    straight = [f for f in frames(hydrant, "extension", side) if f.pose.angle(f"knee_{s}.flex") < 1]
    assert len(straight) >= 5, "the leg straightens fully and stays so for the hold"
    for f in straight:
        assert behind_deg(f, f"ankle_{s}", side) <= BEHIND_MAX_DEG, "leg out, not back"
        assert from_vertical_deg(f, side) >= 60.0, "a straight leg clears the floor only high"
