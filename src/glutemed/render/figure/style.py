"""Colours of the figure (light and dark window) and how a demo is fitted to the view."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from glutemed.motion import Animation, Camera
from glutemed.motion.skeleton import HEAD_RADIUS, joint_positions
from glutemed.motion.vec import Vec3

FIT_MARGIN = 0.06  # of the shorter side, kept clear all round the figure and its props
FLOOR_MARGIN_M = 0.3  # floor rug beyond the figure's footprint


@dataclass(frozen=True)
class FigureStyle:
    background: str = "#f6f4ef"
    floor: str = "#e4dfd3"
    floor_line: str = "#b9b09c"
    shadow: str = "#00000022"
    ink: str = "#2f3544"
    accent: str = "#e0671b"  # the working leg
    glow: str = "#ff7a2f"
    mat: str = "#8fb9a8"
    wall: str = "#d9d4c7"
    wall_edge: str = "#a59d8a"
    pole: str = "#7a7f87"
    towel: str = "#6fa8dc"
    pillow: str = "#f1e3c6"
    pillow_edge: str = "#c9b58c"


LIGHT_STYLE = FigureStyle()
# Dark window: light ink on a deep background, props muted so the figure leads.
DARK_STYLE = FigureStyle(
    background="#1f2329",
    floor="#2c313a",
    floor_line="#474e5a",
    shadow="#00000055",
    ink="#e6e9ef",
    accent="#ff8a3d",
    glow="#ff8a3d",
    mat="#3f6b5c",
    wall="#3a3f48",
    wall_edge="#6b7280",
    pole="#9aa1ab",
    towel="#5b9bd5",
    pillow="#8c7d62",
    pillow_edge="#b3a27f",
)


def style_for(dark: bool) -> FigureStyle:
    return DARK_STYLE if dark else LIGHT_STYLE


@dataclass(frozen=True)
class Fit:
    """Everything the whole rep occupies: the view is scaled so it all fits the widget.

    *points* are joint positions sampled over the rep plus the props' corners and
    capsule ends; *pad* (metres) covers the head circle and line widths around them.
    The floor rug is an ellipse round the footprint.
    """

    points: tuple[Vec3, ...]
    pad: float
    floor_centre: Vec3
    floor_radii: tuple[float, float]  # along x and z

    def screen_box(self, camera: Camera) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the projected points, metres, padding included."""
        r, u = camera.right, camera.up
        xs = [p[0] * r[0] + p[2] * r[2] for p in self.points]
        ys = [p[0] * u[0] + p[1] * u[1] + p[2] * u[2] for p in self.points]
        pad = self.pad
        return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad

    def view(self, camera: Camera, width: float, height: float) -> tuple[float, float, float]:
        """Screen centre (metres) and pixels per metre that fit everything with a margin."""
        left, bottom, right, top = self.screen_box(camera)
        margin = FIT_MARGIN * min(width, height)
        k = min(
            (width - 2 * margin) / max(right - left, 1e-3),
            (height - 2 * margin) / max(top - bottom, 1e-3),
        )
        return (left + right) / 2, (bottom + top) / 2, max(k, 1e-3)


def fit_for(animation: Animation, variation_id: str, side: str, samples: int = 24) -> Fit:
    points: list[Vec3] = []
    duration = animation.rep_duration(variation_id)
    for i in range(samples):
        pose = animation.pose_at(variation_id, duration * i / samples, side)
        points.extend(joint_positions(pose).values())
    body = list(points)
    for prop in animation.props(variation_id, side):
        if prop.kind in ("pole", "towel", "pillow"):
            rad = prop.radius
            for x, y, z in prop.points:
                points.extend((x + dx * rad, y + dy * rad, z + dz * rad) for dx, dy, dz in _BOX)
        elif prop.kind in ("mat", "wall"):
            points.extend(prop.points)
    xs = [p[0] for p in body]
    zs = [p[2] for p in body]
    centre = ((min(xs) + max(xs)) / 2, 0.0, (min(zs) + max(zs)) / 2)
    radii = (
        (max(xs) - min(xs)) / 2 * math.sqrt(2) + FLOOR_MARGIN_M,
        (max(zs) - min(zs)) / 2 * math.sqrt(2) + FLOOR_MARGIN_M,
    )
    return Fit(tuple(points), HEAD_RADIUS, centre, radii)


_BOX = tuple((dx, dy, dz) for dx in (-1, 1) for dy in (-1, 1) for dz in (-1, 1))


@cache
def band_colours() -> dict[str, str]:
    """Band level -> colour, light to heavy, from the catalogue (the one source)."""
    from glutemed.catalog import load_catalog

    return {level.id: level.colour for level in load_catalog().band_levels}
