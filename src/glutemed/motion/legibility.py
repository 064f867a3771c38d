"""Can a person read the movement? Measures of a demo as the widget first shows it.

Everything is computed from the 3D motion and the same orthographic camera and framing
the painter uses, so the numbers describe the picture on screen:

- path_ratio: the working joint's on-screen path over its 3D path (1.0 = the motion
  is seen fully across the screen, 0 = straight along the line of sight);
- travel: how far the working joint gets from where the rep starts, on screen, as a
  fraction of the figure's height on screen (the person's standing height at the
  view's scale, so a lying figure is judged against the same body size as a standing
  one);
- min_segment_ratio: the working segments' on-screen length over their true length at
  the peak of the rep (low = foreshortened, pointing at the camera);
- head_clearance: the smallest on-screen gap between the head circle and the working
  leg over the rep, metres (negative = they overlap);
- fill: how much of the frame the figure's box spans, the larger of width and height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from glutemed.motion.animation import Animation, Working
from glutemed.motion.framing import figure_fill
from glutemed.motion.projection import Camera
from glutemed.motion.skeleton import BODY_HEIGHT_M, HEAD_RADIUS, SEGMENTS, forward

SAMPLES = 96
FRAME_SIZE = (480.0, 360.0)  # the demo's usual 4:3 shape (page, GIF and PNG export)
LIMB_HALF_WIDTH_M = 0.03  # half the drawn leg thickness, nearer limbs slightly thicker

# What the issue asks of every default view.
MIN_PATH_RATIO = 0.70
MIN_SEGMENT_RATIO = 0.50
MIN_FILL = 0.60


@dataclass(frozen=True)
class Legibility:
    path_ratio: float
    travel: float
    min_travel: float
    min_segment_ratio: float
    head_clearance: float
    fill: float

    def problems(self) -> list[str]:
        """What falls short, in words; empty when the demo reads at a glance."""
        found = []
        if self.path_ratio < MIN_PATH_RATIO:
            found.append(f"working joint moves along the line of sight ({self.path_ratio:.0%})")
        if self.travel < self.min_travel:
            found.append(f"working joint travels {self.travel:.0%} of the figure")
        if self.min_segment_ratio < MIN_SEGMENT_RATIO:
            found.append(f"working segment foreshortened to {self.min_segment_ratio:.0%}")
        if self.head_clearance <= 0.0:
            found.append("head and working leg overlap")
        if self.fill < MIN_FILL:
            found.append(f"figure fills {self.fill:.0%} of the frame")
        return found


def _screen(cam: Camera, p: tuple[float, float, float]) -> tuple[float, float]:
    return cam.to_screen(p)


def _point_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = b[0] - a[0], b[1] - a[1]
    length2 = ax * ax + ay * ay
    u = 0.0 if length2 < 1e-12 else ((p[0] - a[0]) * ax + (p[1] - a[1]) * ay) / length2
    u = max(0.0, min(1.0, u))
    return math.dist(p, (a[0] + ax * u, a[1] + ay * u))


def measure(
    animation: Animation,
    variation_id: str,
    side: str = "right",
    view: str = "best",
    samples: int = SAMPLES,
) -> Legibility:
    """Legibility of one variation and side in a named view (default: its best view)."""
    cam = Camera(*animation.camera_angles(view, side, variation_id))
    working: Working = animation.variation(variation_id).working.for_side(side)
    leg_side = working.joint.rsplit("_", 1)[1] if "_" in working.joint else side[0]
    leg = [f"thigh_{leg_side}", f"shank_{leg_side}", f"foot_{leg_side}"]
    duration = animation.rep_duration(variation_id)
    path_3d = path_2d = travel = 0.0
    clearance = math.inf
    start_2d: tuple[float, float] | None = None
    prev: tuple[float, float, float] | None = None
    for i in range(samples + 1):
        pos = forward(animation.pose_at(variation_id, duration * i / samples, side)).positions
        joint = pos[working.joint]
        here = _screen(cam, joint)
        if prev is not None:
            path_3d += math.dist(prev, joint)
            path_2d += math.dist(_screen(cam, prev), here)
        else:
            start_2d = here
        prev = joint
        assert start_2d is not None
        travel = max(travel, math.dist(start_2d, here))
        head = _screen(cam, pos["head"])
        for name in leg:
            a, b = SEGMENTS[name]
            gap = _point_segment(head, _screen(cam, pos[a]), _screen(cam, pos[b]))
            clearance = min(clearance, gap - HEAD_RADIUS - LIMB_HALF_WIDTH_M)
    peak = forward(animation.pose_at(variation_id, animation.peak_time(variation_id), side))
    ratios = []
    for name in working.segments:
        top, end = (peak.positions[j] for j in SEGMENTS[name])
        on_screen = math.dist(_screen(cam, top), _screen(cam, end))
        ratios.append(on_screen / max(math.dist(top, end), 1e-9))
    fill_w, fill_h = figure_fill(animation, variation_id, side, cam, FRAME_SIZE)
    return Legibility(
        path_ratio=path_2d / path_3d if path_3d > 1e-9 else 0.0,
        travel=travel / BODY_HEIGHT_M,
        min_travel=working.min_travel,
        min_segment_ratio=min(ratios) if ratios else 1.0,
        head_clearance=clearance,
        fill=max(fill_w, fill_h),
    )
