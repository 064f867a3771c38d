"""How a demo is framed: the box the whole rep occupies on screen, for any camera.

Pure maths shared by the painter (to scale the view) and the legibility checks (to
measure how much of the frame the figure fills), so both see exactly the same framing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from glutemed.motion.animation import Animation
from glutemed.motion.projection import Camera
from glutemed.motion.skeleton import HEAD_RADIUS, joint_positions
from glutemed.motion.vec import Vec3

FIT_MARGIN = 0.06  # of the shorter side, kept clear all round the figure and its props
FLOOR_MARGIN_M = 0.3  # floor rug beyond the figure's footprint
# Large flat scenery (mat, wall) is framed only this far beyond the body: the figure,
# not the furniture, decides the zoom, so a lying figure is not shrunk by its mat.
SCENERY_MARGIN_M = 0.12
# A looped band is put on under a little tension: from this length on it is drawn
# straight (the cue says to keep it taut even with the legs together).
BAND_TAUT_M = 0.12


@dataclass(frozen=True)
class Fit:
    """Everything the whole rep occupies: the view is scaled so it all fits the widget.

    *points* are joint positions sampled over the rep plus the props' capsule ends and
    the visible part of flat props; *pad* (metres) covers the head circle and line
    widths around them. The floor rug is an ellipse round the footprint.
    """

    points: tuple[Vec3, ...]
    pad: float
    floor_centre: Vec3
    floor_radii: tuple[float, float]  # along x and z

    def screen_box(self, camera: Camera) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the projected points, metres, padding included."""
        return _box(self.points, camera, self.pad)

    def view(self, camera: Camera, width: float, height: float) -> tuple[float, float, float]:
        """Screen centre (metres) and pixels per metre that fit everything with a margin."""
        left, bottom, right, top = self.screen_box(camera)
        margin = FIT_MARGIN * min(width, height)
        k = min(
            (width - 2 * margin) / max(right - left, 1e-3),
            (height - 2 * margin) / max(top - bottom, 1e-3),
        )
        return (left + right) / 2, (bottom + top) / 2, max(k, 1e-3)


def _box(
    points: tuple[Vec3, ...] | list[Vec3], camera: Camera, pad: float
) -> tuple[float, float, float, float]:
    r, u = camera.right, camera.up
    xs = [p[0] * r[0] + p[2] * r[2] for p in points]
    ys = [p[0] * u[0] + p[1] * u[1] + p[2] * u[2] for p in points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def body_points(
    animation: Animation, variation_id: str, side: str, samples: int = 24
) -> list[Vec3]:
    """Joint positions sampled evenly over one rep."""
    points: list[Vec3] = []
    duration = animation.rep_duration(variation_id)
    for i in range(samples):
        pose = animation.pose_at(variation_id, duration * i / samples, side)
        points.extend(joint_positions(pose).values())
    return points


def fit_for(animation: Animation, variation_id: str, side: str, samples: int = 24) -> Fit:
    body = body_points(animation, variation_id, side, samples)
    points = list(body)
    lo = [min(p[i] for p in body) - SCENERY_MARGIN_M for i in range(3)]
    hi = [max(p[i] for p in body) + SCENERY_MARGIN_M for i in range(3)]
    for prop in animation.props(variation_id, side):
        if prop.kind in ("pole", "towel", "pillow"):
            rad = prop.radius
            for x, y, z in prop.points:
                points.extend((x + dx * rad, y + dy * rad, z + dz * rad) for dx, dy, dz in _BOX)
        elif prop.kind in ("mat", "wall"):
            # Only the part near the body: the rest may run off the edge of the frame.
            points.extend(
                (
                    min(max(x, lo[0]), hi[0]),
                    min(max(y, lo[1]), hi[1]),
                    min(max(z, lo[2]), hi[2]),
                )
                for x, y, z in prop.points
            )
    xs = [p[0] for p in body]
    zs = [p[2] for p in body]
    centre = ((min(xs) + max(xs)) / 2, 0.0, (min(zs) + max(zs)) / 2)
    radii = (
        (max(xs) - min(xs)) / 2 * math.sqrt(2) + FLOOR_MARGIN_M,
        (max(zs) - min(zs)) / 2 * math.sqrt(2) + FLOOR_MARGIN_M,
    )
    return Fit(tuple(points), HEAD_RADIUS, centre, radii)


def figure_fill(
    animation: Animation,
    variation_id: str,
    side: str,
    camera: Camera,
    size: tuple[float, float],
) -> tuple[float, float]:
    """Fraction of the frame's width and height the figure's box spans over the rep."""
    fit = fit_for(animation, variation_id, side)
    _, _, k = fit.view(camera, *size)
    left, bottom, right, top = _box(body_points(animation, variation_id, side), camera, HEAD_RADIUS)
    return (right - left) * k / size[0], (top - bottom) * k / size[1]


_BOX = tuple((dx, dy, dz) for dx in (-1, 1) for dy in (-1, 1) for dz in (-1, 1))
