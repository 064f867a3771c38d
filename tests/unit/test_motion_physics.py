"""Physical plausibility of every demo: floor, planted contacts, ranges, band, bones."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from glutemed.motion import Animation, load_all
from glutemed.motion.skeleton import (
    FOREARM,
    JOINT_RANGES,
    SEGMENTS,
    SHANK,
    THIGH,
    UPPER_ARM,
    hip_abduction_limit,
    joint_positions,
)

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"
SAMPLES = 72  # >= 60 per rep
FLOOR_TOLERANCE_M = 0.0005  # half a millimetre: well under what a drawn line can show
EXPECTED = {
    "standing_abduction": {"standard", "band"},
    "clamshell": {"standard", "band", "reverse", "reverse_band"},
    "fire_hydrant": {"standard", "band", "extension"},
    "wall_press_out": {"standard", "band"},
    "side_plank_abduction": {"standard", "forward", "back", "higher"},
    "stance_test": {"standard", "pelvic_drop"},
    "side_lying_abduction": {"standard"},
}
# The working limb must really move: (what, minimum) per exercise/variation, for the
# authored right side. "hip_r.abd" etc. are angle spans in degrees, "travel:<joint>" is
# the furthest a joint gets from where the rep starts, in metres.
WORKING_FLOORS: dict[tuple[str, str], tuple[str, float]] = {
    ("standing_abduction", "standard"): ("hip_r.abd", 25.0),
    ("standing_abduction", "band"): ("hip_r.abd", 25.0),
    ("clamshell", "standard"): ("travel:knee_r", 0.12),
    ("clamshell", "band"): ("travel:knee_r", 0.12),
    ("clamshell", "reverse"): ("travel:ankle_r", 0.12),
    ("clamshell", "reverse_band"): ("travel:ankle_r", 0.12),
    ("fire_hydrant", "standard"): ("hip_r.abd", 30.0),
    ("fire_hydrant", "band"): ("hip_r.abd", 30.0),
    ("fire_hydrant", "extension"): ("knee_r.flex", 90.0),
    ("wall_press_out", "standard"): ("travel:knee_r", 0.09),
    ("wall_press_out", "band"): ("travel:knee_r", 0.09),
    ("side_plank_abduction", "standard"): ("hip_r.abd", 30.0),
    ("side_plank_abduction", "forward"): ("hip_r.flex", 20.0),
    ("side_plank_abduction", "back"): ("hip_r.flex", 10.0),
    ("side_plank_abduction", "higher"): ("hip_r.abd", 40.0),
    ("stance_test", "standard"): ("knee_l.flex", 40.0),
    ("side_lying_abduction", "standard"): ("hip_r.abd", 30.0),
    ("stance_test", "pelvic_drop"): ("roll", 5.0),
}


@pytest.fixture(scope="module")
def animations() -> dict[str, Animation]:
    return load_all(ANIMATIONS)


def _cases() -> list[tuple[str, str, str]]:
    return [(e, v, s) for e, vs in EXPECTED.items() for v in sorted(vs) for s in ("right", "left")]


def test_every_exercise_and_variation_is_animated(animations: dict[str, Animation]) -> None:
    assert {k: set(a.variation_ids) for k, a in animations.items()} == EXPECTED


def _samples(anim: Animation, variation: str, side: str):  # type: ignore[no-untyped-def]
    duration = anim.rep_duration(variation)
    for i in range(SAMPLES + 1):
        t = duration * i / SAMPLES
        yield t, anim.frame(variation, t, side)


@pytest.mark.parametrize(("exercise", "variation", "side"), _cases())
def test_rep_is_physically_plausible(
    animations: dict[str, Animation], exercise: str, variation: str, side: str
) -> None:
    anim = animations[exercise]
    var = anim.variation(variation)
    contacts = [_side_swap(c, side) for c in var.contacts]
    assert contacts, "every demo plants something on the floor"
    first = None
    bone_lengths: dict[str, float] = {}
    for t, frame in _samples(anim, variation, side):
        pos = frame.positions
        if first is None:
            first = pos
        low = min(pos, key=lambda j: pos[j][1])
        assert pos[low][1] >= -FLOOR_TOLERANCE_M, f"{low} below the floor at t={t:.2f}"
        for c in contacts:
            moved = math.dist(pos[c], first[c])
            assert moved < 0.01, f"planted {c} moved {moved * 100:.1f} cm at t={t:.2f}"
        for channel, value in frame.pose.angles.items():
            lo, hi = JOINT_RANGES[channel]
            assert lo - 1e-6 <= value <= hi + 1e-6, f"{channel}={value:.1f} at t={t:.2f}"
        for s in ("l", "r"):  # abduction goes further only with the hip flexed
            abd, flex = frame.pose.angle(f"hip_{s}.abd"), frame.pose.angle(f"hip_{s}.flex")
            assert abd <= hip_abduction_limit(flex) + 1e-6, f"hip_{s}.abd={abd:.1f} at t={t:.2f}"
        for s in ("l", "r"):
            # The tibia only turns on the femur when the knee is bent.
            if abs(frame.pose.angle(f"knee_{s}.rot")) > 1.0:
                assert frame.pose.angle(f"knee_{s}.flex") >= 20.0
        for name, (a, b) in SEGMENTS.items():
            length = math.dist(pos[a], pos[b])
            assert math.isclose(bone_lengths.setdefault(name, length), length, abs_tol=1e-9)
        if frame.band is not None:
            for anchor, point in zip(anim.band_anchors(variation, side), frame.band, strict=True):
                a, b = (pos[j] for j in SEGMENTS[anchor.segment])
                assert _distance_to_segment(point, a, b) < 1e-9
            assert 0.05 < math.dist(*frame.band) < 0.6, (
                "legs crossed through the band or it snapped"
            )
    for name, expected in (
        ("thigh", THIGH),
        ("shank", SHANK),
        ("upper_arm", UPPER_ARM),
        ("forearm", FOREARM),
    ):
        assert bone_lengths[f"{name}_l"] == pytest.approx(expected)


@pytest.mark.parametrize(("exercise", "variation"), sorted(WORKING_FLOORS))
def test_working_limb_really_moves(
    animations: dict[str, Animation], exercise: str, variation: str
) -> None:
    anim = animations[exercise]
    what, floor = WORKING_FLOORS[(exercise, variation)]
    frames = [f for _, f in _samples(anim, variation, "right")]
    if what.startswith("travel:"):
        joint = what.split(":")[1]
        span = max(math.dist(f.positions[joint], frames[0].positions[joint]) for f in frames)
    elif what == "roll":
        span = max(f.pose.roll for f in frames) - min(f.pose.roll for f in frames)
    else:
        values = [f.pose.angle(what) for f in frames]
        span = max(values) - min(values)
    assert span >= floor


def test_band_variations_have_a_band(animations: dict[str, Animation]) -> None:
    for exercise, anim in animations.items():
        for vid in anim.variation_ids:
            has_band = anim.variation(vid).band is not None
            assert has_band == ("band" in vid), f"{exercise}/{vid}"


def test_pose_at_wraps_whole_reps(animations: dict[str, Animation]) -> None:
    anim = animations["standing_abduction"]
    rep = anim.rep_duration("standard")
    a = joint_positions(anim.pose_at("standard", 1.1))
    b = joint_positions(anim.pose_at("standard", 1.1 + 3 * rep))
    assert all(math.dist(a[j], b[j]) < 1e-9 for j in a)


def _side_swap(joint: str, side: str) -> str:
    if side == "right":
        return joint
    return (
        joint[:-1] + ("r" if joint.endswith("_l") else "l") if joint[-2:] in ("_l", "_r") else joint
    )


def _distance_to_segment(p, a, b) -> float:  # type: ignore[no-untyped-def]
    ab = [b[i] - a[i] for i in range(3)]
    ap = [p[i] - a[i] for i in range(3)]
    u = max(0.0, min(1.0, sum(x * y for x, y in zip(ab, ap, strict=True)) / sum(x * x for x in ab)))
    return math.dist(p, [a[i] + ab[i] * u for i in range(3)])
