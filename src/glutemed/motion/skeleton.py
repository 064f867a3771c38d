"""Skeleton, pose and forward kinematics.

Frames: metres, y up, floor at y = 0. In the body's own frame (anatomical position)
+y is up, +z is forward (the way the person faces) and +x is the person's LEFT, so
right-side joints sit at negative x and mirroring left/right is x -> -x.

Joint-angle conventions (degrees, anatomical names, same meaning on both sides):
  hip / shoulder  flex (+ limb forward), abd (+ limb away from the midline),
                  rot (+ external rotation); applied as flex, then abd, then rot.
  knee            flex (+ heel towards buttock), rot (+ tibia turned outwards).
  elbow           flex (+ hand towards shoulder).
  ankle           flex (+ dorsiflexion, - plantarflexion), inv (+ sole turned inwards).
  spine, neck     flex (+ forward), side (+ bend to the person's left),
                  twist (+ turn to the person's left).
The root is the pelvis centre: a position plus yaw (about y), pitch (about x) and roll
(about z), applied in that order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from glutemed.motion.vec import (
    Mat3,
    Vec3,
    add,
    mat_mul,
    mat_vec,
    rot_x,
    rot_y,
    rot_z,
)

BODY_HEIGHT_M = 1.75

# Segment lengths as fractions of standing height H: Winter DA, Biomechanics and Motor
# Control of Human Movement, 4th ed. (2009), Fig. 4.1 after Drillis & Contini (1966).
_H = BODY_HEIGHT_M
THIGH = 0.245 * _H
SHANK = 0.246 * _H
UPPER_ARM = 0.186 * _H
FOREARM = 0.146 * _H
FOOT_LENGTH = 0.152 * _H
SHOULDER_WIDTH = 0.259 * _H
HIP_WIDTH = 0.191 * _H
HIP_HEIGHT = 0.530 * _H
SHOULDER_HEIGHT = 0.818 * _H
CHIN_HEIGHT = 0.870 * _H
ANKLE_HEIGHT = 0.039 * _H
TRUNK = SHOULDER_HEIGHT - HIP_HEIGHT
# Winter's hip width is the outer breadth; the joint centres sit well inside it
# (a stick-figure choice: about half the breadth apart).
HIP_JOINT_SPACING = 0.5 * HIP_WIDTH
# Head centre halfway between chin (0.870 H) and crown (1.0 H).
HEAD_RADIUS = 0.065 * _H
HEAD_ABOVE_NECK = (0.935 - 0.818) * _H
# Ankle sits about a quarter of the foot length in front of the heel.
HEEL_BACK = 0.25 * FOOT_LENGTH
TOE_FORWARD = 0.75 * FOOT_LENGTH

SIDES = ("l", "r")
# x sign of each side's lateral direction (the person's left is +x).
LATERAL = {"l": 1.0, "r": -1.0}

JOINTS: tuple[str, ...] = (
    "pelvis",
    "spine",
    "neck",
    "head",
    *(f"{j}_{s}" for s in SIDES for j in ("shoulder", "elbow", "wrist")),
    *(f"{j}_{s}" for s in SIDES for j in ("hip", "knee", "ankle", "heel", "toe")),
)

# Drawn bones (joint pairs); segment names let props attach to them.
SEGMENTS: dict[str, tuple[str, str]] = {
    "trunk_lower": ("pelvis", "spine"),
    "trunk_upper": ("spine", "neck"),
    "head_neck": ("neck", "head"),
    **{f"pelvis_{s}": ("pelvis", f"hip_{s}") for s in SIDES},
    **{f"clavicle_{s}": ("neck", f"shoulder_{s}") for s in SIDES},
    **{f"upper_arm_{s}": (f"shoulder_{s}", f"elbow_{s}") for s in SIDES},
    **{f"forearm_{s}": (f"elbow_{s}", f"wrist_{s}") for s in SIDES},
    **{f"thigh_{s}": (f"hip_{s}", f"knee_{s}") for s in SIDES},
    **{f"shank_{s}": (f"knee_{s}", f"ankle_{s}") for s in SIDES},
    **{f"foot_{s}": (f"heel_{s}", f"toe_{s}") for s in SIDES},
    **{f"hindfoot_{s}": (f"ankle_{s}", f"heel_{s}") for s in SIDES},
    **{f"midfoot_{s}": (f"ankle_{s}", f"toe_{s}") for s in SIDES},
}

# Active range of motion, degrees (min, max). AAOS reference values (Greene & Heckman,
# The Clinical Measurement of Joint Motion, AAOS 1994) unless noted.
_SIDED_RANGES: dict[str, tuple[float, float]] = {
    "hip.flex": (-30.0, 120.0),
    "hip.abd": (-30.0, 70.0),  # 45 with the hip straight: see hip_abduction_limit
    "hip.rot": (-45.0, 45.0),
    "knee.flex": (0.0, 135.0),
    # Tibial rotation, only with the knee bent (Nordin & Frankel, Basic Biomechanics of
    # the Musculoskeletal System: at 90 deg flexion about 45 external, 30 internal).
    "knee.rot": (-30.0, 45.0),
    "ankle.flex": (-50.0, 20.0),
    "ankle.inv": (-15.0, 35.0),
    "shoulder.flex": (-60.0, 180.0),
    "shoulder.abd": (-30.0, 180.0),
    "shoulder.rot": (-70.0, 90.0),
    "elbow.flex": (0.0, 150.0),
}
JOINT_RANGES: dict[str, tuple[float, float]] = {
    **{
        f"{name.split('.')[0]}_{s}.{name.split('.')[1]}": rng
        for name, rng in _SIDED_RANGES.items()
        for s in SIDES
    },
    "spine.flex": (-25.0, 80.0),
    "spine.side": (-35.0, 35.0),
    "spine.twist": (-45.0, 45.0),
    "neck.flex": (-45.0, 45.0),
    "neck.side": (-45.0, 45.0),
    "neck.twist": (-60.0, 60.0),
}
ANGLE_CHANNELS: tuple[str, ...] = tuple(JOINT_RANGES)

# AAOS's 45 deg of abduction is measured with the hip straight. Flexed, the front of the
# capsule slackens and the thigh goes higher: a fire hydrant is coached with the knee
# lifted toward the height of the trunk. Our model: 45 up to 0 deg flexion, rising
# linearly to 70 (still short of level) at 70 deg flexion and beyond.
HIP_ABD_STRAIGHT = 45.0
HIP_ABD_FLEXED = 70.0
_HIP_ABD_FULL_AT_FLEX = 70.0


def hip_abduction_limit(flex: float) -> float:
    """The most abduction the model allows at *flex* degrees of hip flexion."""
    share = min(1.0, max(0.0, flex / _HIP_ABD_FULL_AT_FLEX))
    return HIP_ABD_STRAIGHT + share * (HIP_ABD_FLEXED - HIP_ABD_STRAIGHT)


# Channels that change sign when the body is mirrored left <-> right.
_MIRROR_NEGATED = frozenset({"spine.side", "spine.twist", "neck.side", "neck.twist"})


@dataclass(frozen=True)
class Pose:
    """Root placement plus joint angles; missing angles are 0 (anatomical position)."""

    root: Vec3 = (0.0, HIP_HEIGHT, 0.0)
    yaw: float = 0.0
    pitch: float = 0.0
    roll: float = 0.0
    angles: Mapping[str, float] = field(default_factory=dict)

    def angle(self, channel: str) -> float:
        return self.angles.get(channel, 0.0)


def swap_side(name: str) -> str:
    """hip_r.flex -> hip_l.flex; names without a side are returned unchanged."""
    for a, b in (("_l", "_r"), ("_r", "_l")):
        head, dot_, tail = name.partition(".")
        if head.endswith(a):
            return head[: -len(a)] + b + dot_ + tail
    return name


def mirror_pose(pose: Pose) -> Pose:
    """The same pose reflected through the body's midline (x -> -x)."""
    angles = {swap_side(k): (-v if k in _MIRROR_NEGATED else v) for k, v in pose.angles.items()}
    x, y, z = pose.root
    return Pose((-x, y, z), -pose.yaw, pose.pitch, -pose.roll, angles)


def root_rotation(yaw: float, pitch: float, roll: float) -> Mat3:
    return mat_mul(rot_y(yaw), mat_mul(rot_x(pitch), rot_z(roll)))


def limb_rotation(flex: float, abd: float, rot: float, lateral: float) -> Mat3:
    """Ball joint (hip, shoulder) local rotation; see the module docstring."""
    return mat_mul(rot_x(-flex), mat_mul(rot_z(lateral * abd), rot_y(lateral * rot)))


def axial_rotation(flex: float, side: float, twist: float) -> Mat3:
    """Spine or neck local rotation."""
    return mat_mul(rot_x(flex), mat_mul(rot_z(-side), rot_y(twist)))


def knee_rotation(flex: float, rot: float, lateral: float) -> Mat3:
    return mat_mul(rot_x(flex), rot_y(lateral * rot))


def ankle_rotation(flex: float, inv: float, lateral: float) -> Mat3:
    return mat_mul(rot_x(-flex), rot_z(-lateral * inv))


@dataclass(frozen=True)
class Kinematics:
    """World joint positions and segment frames of one pose."""

    positions: dict[str, Vec3]
    frames: dict[str, Mat3]


def forward(pose: Pose) -> Kinematics:
    """Forward kinematics: joint angles to world positions."""
    a = pose.angle
    pos: dict[str, Vec3] = {}
    frames: dict[str, Mat3] = {}
    r_pelvis = root_rotation(pose.yaw, pose.pitch, pose.roll)
    pelvis = pose.root
    pos["pelvis"] = pelvis
    frames["pelvis"] = r_pelvis
    # Half of the spine rotation at the lumbar joint, half above it, for a gentle curve.
    half = axial_rotation(a("spine.flex") / 2, a("spine.side") / 2, a("spine.twist") / 2)
    r_lower = mat_mul(r_pelvis, half)
    spine = add(pelvis, mat_vec(r_lower, (0.0, TRUNK / 2, 0.0)))
    r_trunk = mat_mul(r_lower, half)
    neck = add(spine, mat_vec(r_trunk, (0.0, TRUNK / 2, 0.0)))
    pos["spine"], pos["neck"] = spine, neck
    frames["trunk"] = r_trunk
    r_head = mat_mul(r_trunk, axial_rotation(a("neck.flex"), a("neck.side"), a("neck.twist")))
    pos["head"] = add(neck, mat_vec(r_head, (0.0, HEAD_ABOVE_NECK, 0.0)))
    frames["head"] = r_head
    for s in SIDES:
        lat = LATERAL[s]
        shoulder = add(neck, mat_vec(r_trunk, (lat * SHOULDER_WIDTH / 2, 0.0, 0.0)))
        r_ua = mat_mul(
            r_trunk,
            limb_rotation(
                a(f"shoulder_{s}.flex"), a(f"shoulder_{s}.abd"), a(f"shoulder_{s}.rot"), lat
            ),
        )
        elbow = add(shoulder, mat_vec(r_ua, (0.0, -UPPER_ARM, 0.0)))
        r_fa = mat_mul(r_ua, rot_x(-a(f"elbow_{s}.flex")))
        wrist = add(elbow, mat_vec(r_fa, (0.0, -FOREARM, 0.0)))
        pos[f"shoulder_{s}"], pos[f"elbow_{s}"], pos[f"wrist_{s}"] = shoulder, elbow, wrist
        frames[f"upper_arm_{s}"], frames[f"forearm_{s}"] = r_ua, r_fa

        hip = add(pelvis, mat_vec(r_pelvis, (lat * HIP_JOINT_SPACING / 2, 0.0, 0.0)))
        r_th = mat_mul(
            r_pelvis,
            limb_rotation(a(f"hip_{s}.flex"), a(f"hip_{s}.abd"), a(f"hip_{s}.rot"), lat),
        )
        knee = add(hip, mat_vec(r_th, (0.0, -THIGH, 0.0)))
        r_sh = mat_mul(r_th, knee_rotation(a(f"knee_{s}.flex"), a(f"knee_{s}.rot"), lat))
        ankle = add(knee, mat_vec(r_sh, (0.0, -SHANK, 0.0)))
        r_ft = mat_mul(r_sh, ankle_rotation(a(f"ankle_{s}.flex"), a(f"ankle_{s}.inv"), lat))
        heel = add(ankle, mat_vec(r_ft, (0.0, -ANKLE_HEIGHT, -HEEL_BACK)))
        toe = add(ankle, mat_vec(r_ft, (0.0, -ANKLE_HEIGHT, TOE_FORWARD)))
        pos[f"hip_{s}"], pos[f"knee_{s}"], pos[f"ankle_{s}"] = hip, knee, ankle
        pos[f"heel_{s}"], pos[f"toe_{s}"] = heel, toe
        frames[f"thigh_{s}"], frames[f"shank_{s}"], frames[f"foot_{s}"] = r_th, r_sh, r_ft
    return Kinematics(pos, frames)


def joint_positions(pose: Pose) -> dict[str, Vec3]:
    """World position (metres, y up, floor at 0) of every joint in JOINTS."""
    return forward(pose).positions


def mirror_point(p: Vec3) -> Vec3:
    return (-p[0], p[1], p[2])
