"""The figure's bones as the painter draws them: which joints, how thick, which limb.

Thickness grows for bones nearer the camera than the pelvis, so depth reads at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.motion.skeleton import SEGMENTS

LIMB_WIDTH_M = 0.05
TRUNK_WIDTH_M = 0.07
NEAR_THICKER = 0.25  # limbs this much thicker at DEPTH_SPAN_M nearer than the pelvis
DEPTH_SPAN_M = 0.3


@dataclass(frozen=True)
class Bone:
    name: str
    a: str
    b: str
    width: float  # metres
    limb: str  # "arm", "leg" or "" (trunk, head, girdles)
    side: str  # "l", "r" or ""


def bones() -> tuple[Bone, ...]:
    bones = []
    for name, (a, b) in SEGMENTS.items():
        if name.startswith("midfoot"):
            continue  # the foot is drawn ankle -> heel -> toe: a sole that meets the shank
        side = name[-1] if name[-2:] in ("_l", "_r") else ""
        limb = (
            "leg"
            if name.startswith(("thigh", "shank", "hindfoot", "foot"))
            else "arm"
            if name.startswith(("upper_arm", "forearm"))
            else ""
        )
        width = TRUNK_WIDTH_M if name.startswith("trunk") else LIMB_WIDTH_M
        if name.startswith(("hindfoot", "foot")):
            width *= 0.8
        bones.append(Bone(name, a, b, width, limb, side))
    return tuple(bones)


BONES = bones()
# Every joint a bone ends at, and the head: all the painter projects each frame.
DRAWN_JOINTS = tuple(dict.fromkeys([*(j for bone in BONES for j in (bone.a, bone.b)), "head"]))


def limb_width(base_m: float, nearer_m: float) -> float:
    """Drawn thickness of a bone *nearer_m* in front of the pelvis (negative: behind)."""
    near = max(-1.0, min(1.0, nearer_m / DEPTH_SPAN_M))
    return base_m * (1.0 + NEAR_THICKER * near)
