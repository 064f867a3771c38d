"""Where on the widget a figure frame is drawn, so a new frame repaints only that part.

The scenery (floor, mat, wall, background) stands still while the camera does: only the
box around the body, its glow and its band changes from one frame to the next, and
repainting just the old and new boxes saves painting and sending the rest each frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF

from glutemed.motion import Camera
from glutemed.motion.animation import Frame
from glutemed.render.figure.style import Fit

# Beyond the joints: head (0.11 m) and glute glow (0.13 m) radii, limb width, band sag.
PAD_M = 0.2
PAD_PX = 3  # antialiased edges
HALF_PIXEL = 0.5
GLOW_STEP = 0.02  # a change of glow strength below this does not show


class FigureRegion:
    """figure_box with the view's fit kept while camera and size stay (it costs ~0.5 ms)."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._view = (0.0, 0.0, 1.0)

    def box(self, frame: Frame, fit: Fit, camera: Camera, width: int, height: int) -> QRect:
        key = (fit, camera.right, camera.up, width, height)
        if key != self._key:
            self._key, self._view = key, fit.view(camera, float(width), float(height))
        return figure_box(frame, self._view, camera, width, height)

    def looks_the_same(self, a: Frame, b: Frame) -> bool:
        """No joint or band end moved half a pixel and the glow is unchanged to the eye:
        painting *b* over *a* would change nothing (the slow ends of an eased movement)."""
        if abs(a.glow - b.glow) > GLOW_STEP:
            return False
        limit = HALF_PIXEL / self._view[2]
        if (a.band is None) != (b.band is None):
            return False
        pairs = [(p, b.positions.get(name, p)) for name, p in a.positions.items()]
        if a.band is not None and b.band is not None:
            pairs.extend(zip(a.band, b.band, strict=True))
        return all(
            abs(p[0] - q[0]) < limit and abs(p[1] - q[1]) < limit and abs(p[2] - q[2]) < limit
            for p, q in pairs
        )


def figure_box(
    frame: Frame, view: tuple[float, float, float], camera: Camera, width: int, height: int
) -> QRect:
    """The widget pixels *frame* can touch, drawn as FigurePainter draws it with *view*
    (Fit.view: centre and pixels per metre)."""
    cx, cy, k = view
    r, u = camera.right, camera.up
    points = list(frame.positions.values())
    if frame.band is not None:
        points.extend(frame.band)
    across = [p[0] * r[0] + p[2] * r[2] for p in points]
    up = [p[0] * u[0] + p[1] * u[1] + p[2] * u[2] for p in points]
    pad = PAD_M * k + PAD_PX
    left = width / 2 + (min(across) - cx) * k - pad
    right = width / 2 + (max(across) - cx) * k + pad
    top = height / 2 - (max(up) - cy) * k - pad
    bottom = height / 2 - (min(up) - cy) * k + pad
    return QRectF(left, top, right - left, bottom - top).toAlignedRect()
