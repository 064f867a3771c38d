"""Orthographic camera: world points to 2D for any yaw and pitch.

Yaw turns the camera about the vertical: 0 looks at the person's front from +z,
positive yaw moves the camera towards +x (the person's left). Positive pitch lifts
the camera to look down; 90 looks straight down with the person's back at the top.
Screen coordinates are metres with y up (the painter flips and scales them).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from glutemed.motion.vec import Vec3

# Named views (yaw, pitch). "side" looks at the authored (right) working side.
VIEWS: dict[str, tuple[float, float]] = {
    "front": (0.0, 0.0),
    "side": (-90.0, 0.0),
    "top": (0.0, 90.0),
}
VIEW_NAMES = ("front", "side", "top", "best")


class Camera:
    """Precomputed screen axes for one yaw/pitch."""

    def __init__(self, yaw_deg: float, pitch_deg: float) -> None:
        y, p = math.radians(yaw_deg), math.radians(pitch_deg)
        self.right: Vec3 = (math.cos(y), 0.0, -math.sin(y))
        self.up: Vec3 = (-math.sin(y) * math.sin(p), math.cos(p), -math.cos(y) * math.sin(p))
        # Towards the camera: larger depth is nearer the viewer.
        self.toward: Vec3 = (math.sin(y) * math.cos(p), math.sin(p), math.cos(y) * math.cos(p))

    def to_screen(self, p: Vec3) -> tuple[float, float]:
        r, u = self.right, self.up
        return (p[0] * r[0] + p[2] * r[2], p[0] * u[0] + p[1] * u[1] + p[2] * u[2])

    def depth(self, p: Vec3) -> float:
        t = self.toward
        return p[0] * t[0] + p[1] * t[1] + p[2] * t[2]


def project(points: Iterable[Vec3], yaw_deg: float, pitch_deg: float) -> list[tuple[float, float]]:
    """Orthographic projection of world points to screen (x right, y up), metres."""
    cam = Camera(yaw_deg, pitch_deg)
    return [cam.to_screen(p) for p in points]


def view_angles(view: str, best: tuple[float, float], side: str = "right") -> tuple[float, float]:
    """Camera (yaw, pitch) for a named view; left-side demos are seen in mirror image."""
    if view == "best":
        yaw, pitch = best
    elif view in VIEWS:
        yaw, pitch = VIEWS[view]
    else:
        raise ValueError(f"unknown view {view!r} (valid: {', '.join(VIEW_NAMES)})")
    return (-yaw if side == "left" else yaw), pitch
