"""The animations do what the exercise text says: every cue that names a body position
holds in the frames of the demo it belongs to (authored right side; left is its mirror)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from glutemed.catalog import load_catalog
from glutemed.motion import Animation, Frame, load_all
from glutemed.motion.skeleton import HIP_HEIGHT

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"
ALL = load_all(ANIMATIONS)
SAMPLES = 60
# Words that make a sentence name a body position: such a cue needs a check below.
BODY_WORDS = (
    "heel",
    "knee",
    "hand",
    "hip",
    "foot",
    "feet",
    "leg",
    "squat",
    "elbow",
    "trunk",
    "pelvis",
    "toes",
    "thigh",
)

Check = Callable[[Animation, str, list[Frame]], None]


def frames(anim: Animation, variation: str) -> list[Frame]:
    rep = anim.rep_duration(variation)
    return [anim.frame(variation, rep * i / SAMPLES, "right") for i in range(SAMPLES + 1)]


def spread(frames_: list[Frame], joint: str) -> float:
    """Furthest a joint gets from where the rep starts, metres."""
    return max(math.dist(f.positions[joint], frames_[0].positions[joint]) for f in frames_)


def in_phases(anim: Animation, variation: str, names: tuple[str, ...]) -> list[Frame]:
    return [f for f in frames(anim, variation) if f.phase in names]


# --- the checks, one per cue -----------------------------------------------------------
def leg_straight_toes_forward(anim: Animation, vid: str, fr: list[Frame]) -> None:
    for f in fr:
        assert f.pose.angle("knee_r.flex") < 5.0
        toe, heel = f.positions["toe_r"], f.positions["heel_r"]
        forward = (toe[2] - heel[2]) / math.dist(toe, heel)
        assert forward > 0.9, "toes point forward"


def leg_sweeps_out_and_back(anim: Animation, vid: str, fr: list[Frame]) -> None:
    out = max(fr[0].positions["ankle_r"][0] - f.positions["ankle_r"][0] for f in fr)
    assert out > 0.3, "the ankle moves well out to the side (-x for the right leg)"
    assert math.dist(fr[-1].positions["ankle_r"], fr[0].positions["ankle_r"]) < 0.005


def small_lean_only(anim: Animation, vid: str, fr: list[Frame]) -> None:
    for f in fr:
        assert abs(f.pose.angle("spine.side")) <= 10.0 and abs(f.pose.roll) <= 10.0


def work_on_the_moving_hip(anim: Animation, vid: str, fr: list[Frame]) -> None:
    assert all(f.working_leg == "r" for f in fr)
    assert max(f.glow for f in fr) == 1.0


def band_stays_taut(anim: Animation, vid: str, fr: list[Frame]) -> None:
    from glutemed.motion.framing import BAND_TAUT_M

    for f in fr:
        assert f.band is not None and math.dist(*f.band) >= BAND_TAUT_M


def top_hip_rolled_forward_and_still(anim: Animation, vid: str, fr: list[Frame]) -> None:
    for f in fr:
        top, bottom = f.positions["hip_r"], f.positions["hip_l"]
        assert top[1] > bottom[1] + 0.1, "lying on the side, the right hip on top"
        assert top[2] - bottom[2] > 0.02, "top hip rolled forward"
    pelvis_still(anim, vid, fr)


def pelvis_still(anim: Animation, vid: str, fr: list[Frame]) -> None:
    for joint in ("pelvis", "hip_l", "hip_r", "neck"):
        assert spread(fr, joint) < 0.01, joint


def heels_together_knee_opens(anim: Animation, vid: str, fr: list[Frame]) -> None:
    def heels(f: Frame) -> float:
        return math.dist(f.positions["heel_l"], f.positions["heel_r"])

    if vid.startswith("reverse"):
        assert heels(fr[0]) < 0.06, "the heel comes back down to the other heel"
        return
    assert all(heels(f) < 0.06 for f in fr)
    assert max(f.positions["knee_r"][1] - fr[0].positions["knee_r"][1] for f in fr) > 0.1


def knee_stays_foot_travels(anim: Animation, vid: str, fr: list[Frame]) -> None:
    assert spread(fr, "knee_r") < 0.01
    assert spread(fr, "ankle_r") > 0.08


def top_knee_held_up(anim: Animation, vid: str, fr: list[Frame]) -> None:
    for f in fr:
        assert f.positions["knee_r"][1] - f.positions["knee_l"][1] > 0.05


def bent_knee_lifts_out(anim: Animation, vid: str, fr: list[Frame]) -> None:
    if vid != "extension":
        assert all(f.pose.angle("knee_r.flex") >= 80.0 for f in fr)
    for joint, reach in (("knee_r", 0.25), ("ankle_r", 0.2)):
        out = max(fr[0].positions[joint][0] - f.positions[joint][0] for f in fr)
        assert out > reach, f"{joint} travels out to the side"


def trunk_still(anim: Animation, vid: str, fr: list[Frame]) -> None:
    for joint in ("pelvis", "neck", "head", "hip_l", "hip_r"):
        assert spread(fr, joint) < 0.01, joint


def thigh_up_leg_straight_out(anim: Animation, vid: str, fr: list[Frame]) -> None:
    held = in_phases(anim, vid, ("extend", "hold", "bend"))
    assert held and all(f.positions["knee_r"][1] > 0.15 for f in held), "thigh stays up"
    peak = in_phases(anim, vid, ("hold",))[0]
    hip, ankle = peak.positions["hip_r"], peak.positions["ankle_r"]
    assert peak.pose.angle("knee_r.flex") < 10.0, "leg fully straight"
    assert hip[0] - ankle[0] > abs(hip[2] - ankle[2]), "more out to the side than back"


def part_squat_held(anim: Animation, vid: str, fr: list[Frame]) -> None:
    assert spread(fr, "pelvis") < 0.01
    assert fr[0].positions["pelvis"][1] < HIP_HEIGHT - 0.08, "at least 8 cm down"
    assert all(30.0 <= f.pose.angle("knee_l.flex") <= 70.0 for f in fr)


def wall_knee_on_towel(anim: Animation, vid: str, fr: list[Frame]) -> None:
    towel = next(p for p in fr[0].props if p.kind == "towel")
    (ax, ay, _), _ = towel.points
    for f in fr:
        kx, ky, _ = f.positions["knee_l"]
        assert math.hypot(kx - ax, ky - ay) < towel.radius + 0.06


def outer_knee_out_and_in(anim: Animation, vid: str, fr: list[Frame]) -> None:
    out = max(fr[0].positions["knee_r"][0] - f.positions["knee_r"][0] for f in fr)
    assert out > 0.1
    assert math.dist(fr[-1].positions["knee_r"], fr[0].positions["knee_r"]) < 0.005


def hips_lifted_on_knee_and_forearm(anim: Animation, vid: str, fr: list[Frame]) -> None:
    lifted = in_phases(anim, vid, ("out", "hold", "in"))
    assert lifted[0].positions["pelvis"][1] - fr[0].positions["pelvis"][1] > 0.08, "hips lift"
    for f in fr:
        p = f.positions
        assert p["knee_l"][1] < 0.06 and p["elbow_l"][1] < 0.06 and p["wrist_l"][1] < 0.06
        assert p["ankle_l"][1] < 0.12, "the bottom foot stays down"
    for f in lifted:
        p = f.positions
        trunk = [p["neck"][i] - p["pelvis"][i] for i in range(3)]
        thigh = [p["pelvis"][i] - p["knee_l"][i] for i in range(3)]
        cos = sum(a * b for a, b in zip(trunk, thigh, strict=True)) / (
            math.hypot(*trunk) * math.hypot(*thigh)
        )
        assert cos > math.cos(math.radians(25)), "trunk and thigh roughly in line"
        assert abs(p["hip_r"][2] - p["hip_l"][2]) < 0.05, "not rolled forwards"


def straight_leg_up_and_held(anim: Animation, vid: str, fr: list[Frame]) -> None:
    hold = in_phases(anim, vid, ("hold",))
    assert hold and all(f.pose.angle("knee_r.flex") < 5.0 for f in hold)
    assert hold[0].positions["ankle_r"][1] - fr[0].positions["ankle_r"][1] > 0.15
    assert dict(anim.phases(vid))["hold"] == pytest.approx(10.0)


def straight_leg_lifts_and_lowers(anim: Animation, vid: str, fr: list[Frame]) -> None:
    assert all(f.pose.angle("knee_r.flex") < 5.0 for f in fr)
    assert max(f.positions["ankle_r"][1] - fr[0].positions["ankle_r"][1] for f in fr) > 0.25
    assert math.dist(fr[-1].positions["ankle_r"], fr[0].positions["ankle_r"]) < 0.005


CHECKS: dict[tuple[str, str], Check] = {
    ("standing_abduction", "moving leg straight"): leg_straight_toes_forward,
    ("standing_abduction", "Sweep that leg out"): leg_sweeps_out_and_back,
    ("standing_abduction", "tip a little over the standing leg"): small_lean_only,
    ("standing_abduction", "side of the moving hip"): work_on_the_moving_hip,
    ("standing_abduction", "tension in the band"): band_stays_taut,
    ("clamshell", "Roll the top hip slightly forward"): top_hip_rolled_forward_and_still,
    ("clamshell", "heels touching"): heels_together_knee_opens,
    ("clamshell", "the pelvis stays still"): pelvis_still,
    ("clamshell", "The knee stays where it is"): knee_stays_foot_travels,
    ("clamshell", "no rolling of the body"): pelvis_still,
    ("clamshell", "top knee lifted against the band"): top_knee_held_up,
    ("fire_hydrant", "Keep the knee bent and lift it out"): bent_knee_lifts_out,
    ("fire_hydrant", "The trunk stays still"): trunk_still,
    ("fire_hydrant", "Keep the thigh up"): thigh_up_leg_straight_out,
    ("wall_press_out", "part squat"): part_squat_held,
    ("wall_press_out", "wall-side knee"): wall_knee_on_towel,
    ("wall_press_out", "outer knee out"): outer_knee_out_and_in,
    ("side_plank_abduction", "Lift the hips"): hips_lifted_on_knee_and_forearm,
    ("side_lying_abduction", "top leg straight"): leg_straight_toes_forward,
    ("side_lying_abduction", "Lift the straight leg up"): straight_leg_lifts_and_lowers,
    ("side_lying_abduction", "the pelvis still"): pelvis_still,
    ("side_plank_abduction", "straight top leg up and out"): straight_leg_up_and_held,
}


def _cue_cases() -> list[tuple[str, str, str]]:
    """(exercise, variation, cue) for every cue shown with every variation."""
    cases = []
    for exercise in load_catalog().exercises:
        for variation in exercise.variations:
            cases.extend(
                (exercise.id, variation.id, cue) for cue in exercise.cues_for(variation.id)
            )
    return cases


def _check_for(exercise: str, cue: str) -> Check | None:
    found = [c for (e, key), c in CHECKS.items() if e == exercise and key in cue]
    assert len(found) <= 1, f"two checks match {cue!r}"
    return found[0] if found else None


def test_every_cue_naming_a_body_position_has_a_check() -> None:
    missing = {
        (e, cue)
        for e, _, cue in _cue_cases()
        if any(w in cue.lower() for w in BODY_WORDS) and _check_for(e, cue) is None
    }
    assert not missing, missing


def test_every_check_matches_a_cue_in_the_catalogue() -> None:
    cues = {(e, cue) for e, _, cue in _cue_cases()}
    for exercise, key in CHECKS:
        assert any(e == exercise and key in cue for e, cue in cues), (exercise, key)


@pytest.mark.parametrize(("exercise", "variation", "cue"), _cue_cases())
def test_cue_holds_in_the_animation(exercise: str, variation: str, cue: str) -> None:
    check = _check_for(exercise, cue)
    if check is None:
        assert not any(w in cue.lower() for w in BODY_WORDS)
        return
    anim = ALL[exercise]
    check(anim, variation, frames(anim, variation))


def test_setup_positions_hold() -> None:
    """Set-up sentences the figure shows from its first frame."""
    hydrant = frames(ALL["fire_hydrant"], "standard")[0].positions
    for s in ("l", "r"):  # knees under the hips, hands under the shoulders
        assert math.hypot(*(hydrant[f"knee_{s}"][i] - hydrant[f"hip_{s}"][i] for i in (0, 2))) < 0.1
        wrist, shoulder = hydrant[f"wrist_{s}"], hydrant[f"shoulder_{s}"]
        assert math.hypot(wrist[0] - shoulder[0], wrist[2] - shoulder[2]) < 0.12
        assert wrist[1] < 0.06, "hands on the floor"
    for f in frames(ALL["side_plank_abduction"], "standard"):
        p = f.positions
        elbow, shoulder = p["elbow_l"], p["shoulder_l"]
        assert math.hypot(elbow[0] - shoulder[0], elbow[2] - shoulder[2]) < 0.05, "elbow under"
        assert math.dist(p["wrist_r"], p["hip_r"]) < 0.2, "top hand rests on the top hip"


def _crosses(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float], d: tuple[float, float]
) -> bool:
    """Do 2D segments ab and cd cross?"""

    def turn(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0


def test_stance_pelvic_drop_is_obvious_and_legs_never_cross() -> None:
    from glutemed.motion import Camera

    anim = ALL["stance_test"]
    for vid in anim.variation_ids:
        cam = Camera(*anim.camera_angles("best", "right", vid))
        angles = []
        for f in frames(anim, vid):
            p = f.positions
            (lx, ly), (rx, ry) = cam.to_screen(p["hip_l"]), cam.to_screen(p["hip_r"])
            angles.append(math.degrees(math.atan2(ry - ly, abs(lx - rx))))
            # The lifted (left) leg stays on its own side of the standing leg, in 3D and
            # on screen in the view the user sees.
            assert p["ankle_l"][0] > p["ankle_r"][0] + 0.1
            assert p["knee_l"][0] > p["knee_r"][0] + 0.05
            lifted = [cam.to_screen(p[j]) for j in ("hip_l", "knee_l", "ankle_l", "toe_l")]
            standing = [cam.to_screen(p[j]) for j in ("hip_r", "knee_r", "ankle_r", "toe_r")]
            for a, b in itertools.pairwise(lifted):
                for c, d in itertools.pairwise(standing):
                    assert not _crosses(a, b, c, d), f"legs cross on screen in {vid}"
        tilt = max(a - angles[0] for a in angles)  # lifted-side (left) hip drops on screen
        if vid == "pelvic_drop":
            assert tilt >= 12.0, "exaggerated so it is seen"
        else:
            assert tilt < 3.0
