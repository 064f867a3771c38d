"""Forward kinematics, mirroring, projection and the contact solvers."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from glutemed.motion import load_all, mirror_pose, project, view_angles
from glutemed.motion.skeleton import Pose, joint_positions, swap_side
from glutemed.motion.vec import euler_xzy, euler_yxz, mat_mul, rot_x, rot_y, rot_z

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"
H = 1.75


def _close(a: tuple[float, ...], b: tuple[float, ...], tol: float = 1e-9) -> bool:
    return all(math.isclose(x, y, abs_tol=tol) for x, y in zip(a, b, strict=True))


def test_standing_pose_matches_winter_heights() -> None:
    pos = joint_positions(Pose())
    assert pos["hip_r"][1] == pytest.approx(0.530 * H)
    assert pos["knee_r"][1] == pytest.approx(0.285 * H)
    assert pos["ankle_r"][1] == pytest.approx(0.039 * H)
    assert pos["shoulder_l"][1] == pytest.approx(0.818 * H)
    assert pos["heel_r"][1] == pytest.approx(0.0, abs=1e-12)
    assert pos["toe_r"][1] == pytest.approx(0.0, abs=1e-12)
    assert pos["shoulder_l"][0] - pos["shoulder_r"][0] == pytest.approx(0.259 * H)
    # The person's right is -x.
    assert pos["hip_r"][0] < 0 < pos["hip_l"][0]


def test_joint_angle_signs_follow_anatomy() -> None:
    def moved(channel: str, deg: float, joint: str) -> tuple[float, float, float]:
        before = joint_positions(Pose())[joint]
        after = joint_positions(Pose(angles={channel: deg}))[joint]
        return (after[0] - before[0], after[1] - before[1], after[2] - before[2])

    assert moved("hip_r.flex", 30, "knee_r")[2] > 0.1  # forward
    assert moved("hip_r.abd", 30, "knee_r")[0] < -0.1  # out to the right
    assert moved("hip_l.abd", 30, "knee_l")[0] > 0.1  # out to the left
    assert moved("knee_r.flex", 90, "ankle_r")[2] < -0.3  # heel goes back
    assert moved("shoulder_r.abd", 90, "wrist_r")[0] < -0.3
    assert moved("spine.flex", 30, "head")[2] > 0.2
    assert moved("ankle_r.flex", 20, "toe_r")[1] > 0.02  # dorsiflexion lifts the toes


def test_mirroring_is_exact_for_every_demo() -> None:
    for anim in load_all(ANIMATIONS).values():
        for vid in anim.variation_ids:
            for t in (0.0, 0.37 * anim.rep_duration(vid), 0.81 * anim.rep_duration(vid)):
                right = joint_positions(anim.pose_at(vid, t, "right"))
                left = joint_positions(anim.pose_at(vid, t, "left"))
                for joint, (x, y, z) in right.items():
                    assert _close(left[swap_side(joint)], (-x, y, z), 1e-12), joint
            for prop_r, prop_l in zip(
                anim.props(vid, "right"), anim.props(vid, "left"), strict=True
            ):
                for p, q in zip(prop_r.points, prop_l.points, strict=True):
                    assert q == (-p[0], p[1], p[2])


def test_mirror_pose_twice_is_identity() -> None:
    pose = Pose((0.1, 0.9, 0.2), 10, 20, 30, {"hip_r.abd": 12, "spine.side": 5, "neck.twist": -4})
    assert mirror_pose(mirror_pose(pose)) == pose


def test_projection_of_known_points_front_side_top() -> None:
    toe_r = (-0.25 * 0.191 * H, 0.0, 0.75 * 0.152 * H)  # (-0.0835625, 0, 0.1995)
    head = (0.0, 0.935 * H, 0.0)  # (0, 1.63625, 0)
    # Front: camera on +z looking at the person's face; x right, y up.
    assert _close(project([toe_r], *view_angles("front", (0, 0)))[0], (-0.0835625, 0.0))
    # Side: camera on the person's right (-x); the face (+z) points to screen right.
    assert _close(project([toe_r], *view_angles("side", (0, 0)))[0], (0.1995, 0.0))
    assert _close(project([head], *view_angles("side", (0, 0)))[0], (0.0, 1.63625))
    # Top: looking straight down, the person's front points down the screen.
    assert _close(project([toe_r], *view_angles("top", (0, 0)))[0], (-0.0835625, -0.1995))
    assert _close(project([head], *view_angles("top", (0, 0)))[0], (0.0, 0.0))


def test_projection_of_oblique_camera() -> None:
    s = math.sqrt(0.5)
    # Yaw 45: the point on +x is seen at cos 45 to the right; pitch 30 foreshortens height.
    assert _close(project([(1.0, 0.0, 0.0)], 45, 0)[0], (s, 0.0))
    assert _close(project([(0.0, 1.0, 0.0)], 0, 30)[0], (0.0, math.sqrt(3) / 2))
    assert _close(project([(0.0, 0.0, 1.0)], 0, 30)[0], (0.0, -0.5))


def test_views_mirror_for_the_left_side_and_reject_unknown_names() -> None:
    assert view_angles("best", (-20, 10), "left") == (20, 10)
    assert view_angles("side", (0, 0), "left") == (90.0, 0.0)
    with pytest.raises(ValueError, match="front, side, top, best"):
        view_angles("back", (0, 0))


@pytest.mark.parametrize("angles", [(10, 20, 30), (-40, 15, -25), (80, -30, 44)])
def test_euler_decompositions_round_trip(angles: tuple[float, float, float]) -> None:
    a, b, c = angles
    assert _close(euler_xzy(mat_mul(rot_x(a), mat_mul(rot_z(b), rot_y(c)))), angles, 1e-9)
    assert _close(euler_yxz(mat_mul(rot_y(a), mat_mul(rot_x(b), rot_z(c)))), angles, 1e-9)
