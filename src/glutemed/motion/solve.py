"""Contact solving: turn an authored pose into one whose contacts stay put.

Every solver returns ordinary joint angles, so the range-of-motion checks and the
mirroring see exactly what is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from glutemed.motion.skeleton import (
    ANKLE_HEIGHT,
    FOREARM,
    HEEL_BACK,
    LATERAL,
    SHANK,
    THIGH,
    UPPER_ARM,
    Pose,
    ankle_rotation,
    forward,
    knee_rotation,
    limb_rotation,
)
from glutemed.motion.vec import (
    Mat3,
    Vec3,
    add,
    cross,
    dot,
    euler_xzy,
    euler_yxz,
    from_columns,
    mat_mul,
    mat_vec,
    norm,
    normalize,
    rot_axis,
    rot_y,
    scale,
    sub,
    transpose,
)


@dataclass(frozen=True)
class Anchor:
    """Place the root so that *joint* sits at world point *at* (a planted contact)."""

    joint: str
    at: Vec3


@dataclass(frozen=True)
class Reach:
    """Bend a limb so its end (wrist or ankle) reaches *target*.

    *frame* is "world" or "pelvis" (target moves with the pelvis, e.g. hands on hips);
    *bend* is the direction the elbow or knee should point, in the same frame.
    """

    limb: str
    target: Vec3
    frame: str
    bend: Vec3


@dataclass(frozen=True)
class FlatFoot:
    """Keep a planted foot flat on the floor, toes pointing along *yaw* degrees."""

    side: str
    yaw: float


def swing_leg(angles: dict[str, float], side: str, deg: float, pivot: str = "ankle") -> None:
    """Turn the thigh and shank together about the line from the hip to *pivot*.

    Positive *deg* moves the knee outwards while the pivot (ankle or heel) stays where
    it was: the clamshell with heels together, or a knee pushing out over a planted
    foot. The line is taken with no hip rotation, so the knee also stays put when
    rotation changes (the reverse clam).
    """
    lat = LATERAL[side]

    def a(name: str) -> float:
        return angles.get(f"{name.split('.')[0]}_{side}.{name.split('.')[1]}", 0.0)

    flex, abd, rot = a("hip.flex"), a("hip.abd"), a("hip.rot")
    base = limb_rotation(flex, abd, 0.0, lat)
    knee_dir = mat_vec(base, (0.0, -THIGH, 0.0))
    r_shank = mat_mul(base, knee_rotation(a("knee.flex"), a("knee.rot"), lat))
    end = add(knee_dir, mat_vec(r_shank, (0.0, -SHANK, 0.0)))
    if pivot == "heel":
        r_foot = mat_mul(r_shank, ankle_rotation(a("ankle.flex"), a("ankle.inv"), lat))
        end = add(end, mat_vec(r_foot, (0.0, -ANKLE_HEIGHT, -HEEL_BACK)))
    axis = normalize(end)
    # Sign so that positive swing moves the knee towards the lateral side.
    sign = 1.0 if cross(axis, knee_dir)[0] * lat > 0 else -1.0
    turned = mat_mul(rot_axis(axis, sign * deg), limb_rotation(flex, abd, rot, lat))
    e_flex, e_abd, e_rot = euler_xzy(turned)
    angles[f"hip_{side}.flex"] = -e_flex
    angles[f"hip_{side}.abd"] = e_abd * lat
    angles[f"hip_{side}.rot"] = e_rot * lat


def place_root(pose: Pose, anchor: Anchor) -> Pose:
    here = forward(pose).positions[anchor.joint]
    return replace(pose, root=add(pose.root, sub(anchor.at, here)))


def _hinge_frame(upper: Vec3, lower: Vec3, bend: Vec3, hinge_sign: float) -> Mat3:
    """World frame of the upper bone: y along -upper, z towards the lower bone's bend."""
    y = scale(upper, -1.0)
    side = sub(lower, scale(y, dot(lower, y)))
    # Elbows flex towards the upper arm's +z, knees towards the thigh's -z.
    if norm(side) > 1e-6:
        z = scale(normalize(side), hinge_sign)
    else:  # straight limb: the hint (where the elbow or knee points) picks the plane
        z = scale(normalize(sub(bend, scale(y, dot(bend, y)))), -hinge_sign)
    return from_columns(cross(y, z), y, z)


def reach(pose: Pose, goal: Reach) -> Pose:
    """Two-bone inverse kinematics for one arm or leg; returns the new angles."""
    kin = forward(pose)
    kind, side = goal.limb.split("_")
    lat = LATERAL[side]
    if kind == "arm":
        top, parent, len_a, len_b = f"shoulder_{side}", kin.frames["trunk"], UPPER_ARM, FOREARM
        ball, hinge, hinge_sign = f"shoulder_{side}", f"elbow_{side}", 1.0
    else:
        top, parent, len_a, len_b = f"hip_{side}", kin.frames["pelvis"], THIGH, SHANK
        ball, hinge, hinge_sign = f"hip_{side}", f"knee_{side}", -1.0
    r_pelvis, origin = kin.frames["pelvis"], kin.positions["pelvis"]
    if goal.frame == "pelvis":
        target = add(origin, mat_vec(r_pelvis, goal.target))
        bend = mat_vec(r_pelvis, goal.bend)
    else:
        target, bend = goal.target, goal.bend
    start = kin.positions[top]
    to_target = sub(target, start)
    dist = min(max(norm(to_target), 1e-6), len_a + len_b - 1e-9)
    along = normalize(to_target)
    cos_a = (len_a**2 + dist**2 - len_b**2) / (2 * len_a * dist)
    sin_a = math.sqrt(max(0.0, 1.0 - cos_a * cos_a))
    out = normalize(sub(bend, scale(along, dot(bend, along))))
    mid = add(start, add(scale(along, len_a * cos_a), scale(out, len_a * sin_a)))
    end = add(start, scale(along, dist))
    upper = normalize(sub(mid, start))
    lower = normalize(sub(end, mid))
    world = _hinge_frame(upper, lower, bend, hinge_sign)
    a, b, c = euler_xzy(mat_mul(transpose(parent), world))
    bent = math.degrees(math.acos(max(-1.0, min(1.0, dot(upper, lower)))))
    angles = dict(pose.angles)
    angles[f"{ball}.flex"], angles[f"{ball}.abd"], angles[f"{ball}.rot"] = -a, b * lat, c * lat
    angles[f"{hinge}.flex"] = bent
    if kind == "leg":
        angles[f"knee_{side}.rot"] = 0.0
    return replace(pose, angles=angles)


def flatten_foot(pose: Pose, foot: FlatFoot) -> Pose:
    """Choose tibial rotation and ankle angles so the foot lies flat along *yaw*."""
    side, lat = foot.side, LATERAL[foot.side]
    kin = forward(pose)
    thigh = kin.frames[f"thigh_{side}"]
    r_shank = mat_mul(thigh, knee_rotation(pose.angle(f"knee_{side}.flex"), 0.0, lat))
    relative = mat_mul(transpose(r_shank), rot_y(foot.yaw))
    c, a, b = euler_yxz(relative)
    angles = dict(pose.angles)
    angles[f"knee_{side}.rot"] = c * lat
    angles[f"ankle_{side}.flex"] = -a
    angles[f"ankle_{side}.inv"] = -b * lat
    return replace(pose, angles=angles)
