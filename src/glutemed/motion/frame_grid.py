"""FrameGrid: one demo's frames solved once on a grid of rep time, blended in between.

Solving a pose (keyframes, leg swings, reaching, forward kinematics) is most of what a
played frame costs. A demo loops the same rep, so the grid keeps each solved frame and a
frame between two grid points blends their joint positions: after the first loop a frame
costs a few dozen additions. Grid points are 1/STEPS_PER_S s of rep time apart, close
enough that a straight blend cannot be told from the solved pose.
"""

from __future__ import annotations

import math
from dataclasses import replace

from glutemed.motion.animation import Animation, Frame
from glutemed.motion.vec import Vec3

STEPS_PER_S = 30


def _blend(a: Vec3, b: Vec3, u: float) -> Vec3:
    return (a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u)


class FrameGrid:
    def __init__(self, anim: Animation, variation_id: str, side: str) -> None:
        self._anim, self._variation, self._side = anim, variation_id, side
        self._rep = anim.rep_duration(variation_id)
        self._solved: dict[int, Frame] = {}

    @property
    def solved_count(self) -> int:
        return len(self._solved)

    def _point(self, index: int) -> Frame:
        frame = self._solved.get(index)
        if frame is None:
            t = min(
                index / STEPS_PER_S, self._rep * (1 - 1e-9)
            )  # the rep's end, not the next start
            frame = self._anim.frame(self._variation, t, self._side)
            self._solved[index] = frame
        return frame

    def frame(self, t: float) -> Frame:
        """The frame *t* seconds of rep time in (wraps like Animation.frame)."""
        t = max(0.0, t) % self._rep
        index = math.floor(t * STEPS_PER_S)
        start = index / STEPS_PER_S
        end = min((index + 1) / STEPS_PER_S, self._rep)
        u = (t - start) / (end - start) if end > start else 0.0
        before = self._point(index)
        if u <= 0.0:
            return before
        after = self._point(index + 1)
        if after.positions == before.positions and after.glow == before.glow:
            return before  # a still moment (a hold): the same frame, nothing to repaint
        band = None
        if before.band is not None and after.band is not None:
            band = (
                _blend(before.band[0], after.band[0], u),
                _blend(before.band[1], after.band[1], u),
            )
        positions = {
            name: _blend(p, after.positions.get(name, p), u) for name, p in before.positions.items()
        }
        glow = self._anim.glow_at(self._variation, t)  # exact: it steps at phase edges
        return replace(before, positions=positions, band=band, glow=glow)
