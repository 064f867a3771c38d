"""Paints one animation frame (figure, props, band, glow) onto any QPainter.

Shared by the on-screen FigureWidget and the offscreen GIF/PNG export so both look
the same. Everything is drawn in painter's-algorithm order from the camera's depth.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from operator import itemgetter

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from glutemed.motion import Camera, Frame, Prop
from glutemed.motion.framing import BAND_TAUT_M
from glutemed.motion.skeleton import HEAD_RADIUS
from glutemed.motion.vec import Vec3, add, normalize, scale, sub
from glutemed.render.figure.bones import (
    BONES,
    DEPTH_SPAN_M,
    DRAWN_JOINTS,
    NEAR_THICKER,
    Bone,
    limb_width,
)
from glutemed.render.figure.sprites import blend, on_quad, soft_disc, solid_disc
from glutemed.render.figure.style import (
    LIGHT_STYLE,
    FigureStyle,
    Fit,
    band_colours,
    fit_for,
)

__all__ = [
    "DEPTH_SPAN_M",
    "NEAR_THICKER",
    "FigurePainter",
    "FigureStyle",
    "Fit",
    "band_colours",
    "fit_for",
    "limb_width",
]

ToScreen = Callable[[Vec3], QPointF]
DEFAULT_BAND = "red"  # shown when a band variation plays and no level was chosen

BAND_WIDTH_M = 0.016
FAR_SIDE_FADE = 0.45
SHADOW_JOINTS = (
    "pelvis",
    "spine",
    "neck",
    "head",
    *(f"{j}_{s}" for s in ("l", "r") for j in ("knee", "ankle")),
)
SHADOW_RADIUS_M = 0.17
SHADOW_FADE_M = 1.2  # a joint this high casts no shadow
SHADOW_LEVELS = 6
SOLID, FLAT = Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap  # read once: enum lookups cost
_CIRCLE = tuple(
    i * math.tau / 48 for i in range(48)
)  # how far the far-side limbs blend towards the background


class FigurePainter:
    """Paints frames; caches the still scenery and the glow sprite between frames."""

    def __init__(
        self, style: FigureStyle | None = None, bands: Mapping[str, str] | None = None
    ) -> None:
        self.bands = dict(bands) if bands is not None else band_colours()  # level -> colour
        self._view: tuple[object, tuple[float, float, float]] | None = None
        self.set_style(style or LIGHT_STYLE)

    def set_style(self, style: FigureStyle) -> None:
        """Switch colours (e.g. for a dark window); cached images are dropped."""
        self.style = s = style
        self._bg = QColor(s.background)
        self._ink = QColor(s.ink)
        self._accent = QColor(s.accent)
        self._glow = QColor(s.glow)
        self._scenery: tuple[object, QImage] | None = None
        self._glow_sprite: tuple[object, QImage] | None = None
        self._shadow_sprites: tuple[object, dict[int, QImage]] = ((), {})
        self._dots: dict[tuple[int, int, float], tuple[QImage, float]] = {}  # sprite, half side
        self._colours: dict[tuple[bool, float], QColor] = {}

    def _fitted(self, fit: Fit, camera: Camera, rect: QRectF) -> tuple[float, float, float]:
        """Centre and scale for this view; recomputed only when the camera or size changes."""
        key = (fit, camera.right, camera.up, rect.width(), rect.height())
        if self._view is None or self._view[0] != key:
            self._view = (key, fit.view(camera, rect.width(), rect.height()))
        return self._view[1]

    def paint(
        self,
        painter: QPainter,
        rect: QRectF,
        frame: Frame,
        camera: Camera,
        fit: Fit,
        band_level: str | None = None,
        both_glutes: bool = False,
    ) -> None:
        painter.save()
        # No clip: scenery is already cut to rect and the fit keeps the figure inside.
        cx, cy, k = self._fitted(fit, camera, rect)
        ox, oy = rect.center().x(), rect.center().y()
        r, u = camera.right, camera.up

        def at(p: Vec3) -> QPointF:
            sx = p[0] * r[0] + p[2] * r[2]
            sy = p[0] * u[0] + p[1] * u[1] + p[2] * u[2]
            return QPointF(ox + (sx - cx) * k, oy - (sy - cy) * k)

        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawImage(rect.topLeft(), self._scenery_image(rect, dpr, frame, camera, fit, at, k))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_glow(painter, frame, at, k, both_glutes, dpr)
        self._paint_shadow(painter, frame, camera, at, k, dpr)
        self._paint_depth_sorted(painter, frame, camera, at, k, band_level or DEFAULT_BAND)
        painter.restore()

    def _scenery_image(
        self,
        rect: QRectF,
        dpr: float,
        frame: Frame,
        camera: Camera,
        fit: Fit,
        at: ToScreen,
        k: float,
    ) -> QImage:
        """Background, floor, mat and wall: still while the camera is, so drawn once."""
        key = (rect.width(), rect.height(), dpr, camera.right, camera.up, fit, frame.props)
        if self._scenery is not None and self._scenery[0] == key:
            return self._scenery[1]
        image = QImage(
            max(1, round(rect.width() * dpr)),
            max(1, round(rect.height() * dpr)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(dpr)
        image.fill(self._bg)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.translate(-rect.left(), -rect.top())
        self._paint_ground(p, fit, at, k)
        flat = [prop for prop in frame.props if prop.kind in ("mat", "wall")]
        for prop in sorted(flat, key=lambda prop: prop.kind != "mat"):
            self._paint_flat_prop(p, prop, at)
        p.end()
        self._scenery = (key, image)
        return image

    def _paint_ground(self, painter: QPainter, fit: Fit, at: ToScreen, k: float) -> None:
        s = self.style
        # A round rug of floor looks right from every orbit angle, unlike a square.
        (x0, _, z0), (rx, rz) = fit.floor_centre, fit.floor_radii
        rug = [(x0 + rx * math.cos(a), 0.0, z0 + rz * math.sin(a)) for a in _CIRCLE]
        painter.setPen(QPen(QColor(s.floor_line), max(1.0, 0.006 * k)))
        painter.setBrush(QColor(s.floor))
        painter.drawPolygon(QPolygonF([at(c) for c in rug]))

    def _paint_flat_prop(self, painter: QPainter, prop: Prop, at: ToScreen) -> None:
        s = self.style
        poly = QPolygonF([at(p) for p in prop.points])
        if prop.kind == "mat":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(s.mat))
        else:
            fill = QColor(s.wall)
            fill.setAlphaF(0.85)
            painter.setPen(QPen(QColor(s.wall_edge), 1.5))
            painter.setBrush(fill)
        painter.drawPolygon(poly)

    def _paint_glow(
        self, painter: QPainter, frame: Frame, at: ToScreen, k: float, both: bool, dpr: float
    ) -> None:
        if frame.glow <= 0.0:
            return
        pos = frame.positions
        up = normalize(sub(pos["spine"], pos["pelvis"]))
        sides = [(frame.working_leg, 1.0)]
        if both:
            sides.append(("l" if frame.working_leg == "r" else "r", 0.55))
        radius = 0.13 * k
        sprite = self._glow_image(radius, dpr)
        for side, strength in sides:
            hip = pos[f"hip_{side}"]
            outward = normalize(sub(hip, pos["pelvis"]))
            # Gluteus medius: on the outer pelvis, above the hip joint.
            centre = at(add(add(hip, scale(outward, 0.05)), scale(up, 0.06)))
            painter.setOpacity(frame.glow * strength)
            painter.drawImage(QPointF(centre.x() - radius, centre.y() - radius), sprite)
        painter.setOpacity(1.0)

    def _paint_shadow(
        self, painter: QPainter, frame: Frame, camera: Camera, at: ToScreen, k: float, dpr: float
    ) -> None:
        """A soft shadow on the floor under the body, darker where the body is low."""
        pos = frame.positions
        # A disc on the floor looks flatter the lower the camera (up.y is cos(pitch)).
        squash = max(0.12, math.sqrt(max(0.0, 1.0 - camera.up[1] ** 2)))
        radius = SHADOW_RADIUS_M * k
        for joint in SHADOW_JOINTS:
            x, y, z = pos[joint]
            # Strength in a few steps, baked into the sprite: a plain blit is the fast path.
            level = round((1.0 - y / SHADOW_FADE_M) * SHADOW_LEVELS)
            if level <= 0:
                continue
            sprite = self._shadow_image(radius, squash, dpr, level)
            centre = at((x, 0.0, z))
            half_w, half_h = sprite.width() / (2 * dpr), sprite.height() / (2 * dpr)
            painter.drawImage(QPointF(centre.x() - half_w, centre.y() - half_h), sprite)

    def _shadow_image(self, radius: float, squash: float, dpr: float, level: int) -> QImage:
        key = (round(radius, 1), round(squash, 2), dpr)
        if self._shadow_sprites[0] != key:
            self._shadow_sprites = (key, {})
        sprites = self._shadow_sprites[1]
        if level not in sprites:
            colour = QColor(self.style.shadow)
            sprites[level] = soft_disc(radius, dpr, colour, level / SHADOW_LEVELS, squash)
        return sprites[level]

    def _glow_image(self, radius: float, dpr: float) -> QImage:
        """A soft radial glow, rendered once per size and blitted every frame."""
        key = (round(radius, 1), dpr)
        if self._glow_sprite is not None and self._glow_sprite[0] == key:
            return self._glow_sprite[1]
        image = soft_disc(radius, dpr, QColor(self._glow), 0.75)
        self._glow_sprite = (key, image)
        return image

    def _paint_depth_sorted(
        self,
        painter: QPainter,
        frame: Frame,
        camera: Camera,
        at: ToScreen,
        k: float,
        band_level: str,
    ) -> None:
        # Run ~45 times a second while a demo plays: plain loops and cached colours and
        # sprites, as this was most of a frame's cost.
        pos = frame.positions
        tx, ty, tz = camera.toward
        depth = {}
        for name in DRAWN_JOINTS:
            p = pos[name]
            depth[name] = p[0] * tx + p[1] * ty + p[2] * tz
        fades = {
            "arm": self._far_sides(depth["shoulder_l"], depth["shoulder_r"]),
            "leg": self._far_sides(depth["hip_l"], depth["hip_r"]),
            "": {},
        }
        items: list[tuple[float, object]] = [
            ((depth[bone.a] + depth[bone.b]) / 2, bone) for bone in BONES
        ]
        items.append((depth["head"], "head"))
        for prop in frame.props:
            if prop.kind in ("pole", "towel", "pillow"):
                d = sum(camera.depth(p) for p in prop.points) / len(prop.points)
                items.append((d - prop.radius, prop))
        if frame.band is not None:  # behind whatever is nearer (the head seen from above)
            items.append(((camera.depth(frame.band[0]) + camera.depth(frame.band[1])) / 2, "band"))
        items.sort(key=itemgetter(0))
        screen = {name: at(pos[name]) for name in DRAWN_JOINTS}
        centre = depth["pelvis"]
        # Each joint gets one round sprite, drawn with the last bone that touches it.
        last_at: dict[str, int] = {}
        for i, (_, item) in enumerate(items):
            if item.__class__ is Bone:
                last_at[item.a] = last_at[item.b] = i  # type: ignore[attr-defined]
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        working = frame.working_leg
        set_pen, draw_line = painter.setPen, painter.drawLine
        for i, (d, item) in enumerate(items):
            if item.__class__ is Bone:
                bone: Bone = item  # type: ignore[assignment]
                fade = fades[bone.limb].get(bone.side, 0.0)
                accent = bone.limb == "leg" and bone.side == working
                # Nearer limbs a little thicker, farther ones thinner: depth at a glance.
                width = limb_width(bone.width, d - centre) * k
                colour = self._colour(accent, fade)
                # Flat caps take Qt's fast antialiased line path; round ends are sprites.
                set_pen(QPen(colour, width, SOLID, FLAT))
                a, b = screen[bone.a], screen[bone.b]
                draw_line(a, b)
                if last_at[bone.a] == i:
                    self._dot(painter, a, width / 2, colour, dpr)
                if last_at[bone.b] == i:
                    self._dot(painter, b, width / 2, colour, dpr)
            elif isinstance(item, Prop):
                self._paint_capsule(painter, item, at, k)
            elif item == "band" and frame.band is not None:
                self._paint_band(painter, frame.band, at, k, band_level)
            else:
                self._dot(painter, screen["head"], HEAD_RADIUS * k, self._ink, dpr)

    def _colour(self, accent: bool, fade: float) -> QColor:
        key = (accent, fade)
        colour = self._colours.get(key)
        if colour is None:
            colour = blend(self._accent if accent else self._ink, self._bg, fade)
            self._colours[key] = colour
        return colour

    def _dot(
        self, painter: QPainter, centre: QPointF, radius: float, colour: QColor, dpr: float
    ) -> None:
        """A filled antialiased circle, rendered once per colour and size, then blitted."""
        key = (colour.rgba(), round(radius * 4), dpr)
        found = self._dots.get(key)
        if found is None:
            if len(self._dots) > 256:
                self._dots.clear()
            found = self._dots[key] = solid_disc(colour, key[1] / 4, dpr)
        sprite, half = found
        painter.drawImage(QPointF(centre.x() - half, centre.y() - half), sprite)

    @staticmethod
    def _far_sides(depth_l: float, depth_r: float) -> dict[str, float]:
        # Fade grows with how clearly one side is behind the other (none in front view).
        gap = round(max(0.0, min(1.0, abs(depth_l - depth_r) / 0.12)) * 10) / 10
        far = "l" if depth_l < depth_r else "r"
        return {far: gap * FAR_SIDE_FADE}

    def _stick(
        self, painter: QPainter, a: QPointF, b: QPointF, width: float, colour: QColor, dpr: float
    ) -> None:
        """A round-ended thick line: flat-capped (Qt's fast AA path) plus two end sprites."""
        painter.setPen(QPen(colour, width, SOLID, FLAT))
        painter.drawLine(a, b)
        self._dot(painter, a, width / 2, colour, dpr)
        self._dot(painter, b, width / 2, colour, dpr)

    def _paint_capsule(self, painter: QPainter, prop: Prop, at: ToScreen, k: float) -> None:
        s = self.style
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        a, b = at(prop.points[0]), at(prop.points[1])
        width = max(2.0, 2 * prop.radius * k)
        if prop.kind == "pillow":
            self._stick(painter, a, b, width, QColor(s.pillow_edge), dpr)
            self._stick(painter, a, b, width * 0.86, QColor(s.pillow), dpr)
        else:
            colour = s.towel if prop.kind == "towel" else s.pole
            self._stick(painter, a, b, width, QColor(colour), dpr)

    def _paint_band(
        self, painter: QPainter, band: tuple[Vec3, Vec3], at: ToScreen, k: float, level: str
    ) -> None:
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        a, b = at(band[0]), at(band[1])
        length = math.dist(band[0], band[1])
        # A slack band sags; a stretched one pulls straight.
        sag = max(0.0, 0.5 * (BAND_TAUT_M - length)) * k
        colours = self.bands
        colour = QColor(colours.get(level, colours[DEFAULT_BAND]))
        width = max(1.5, BAND_WIDTH_M * k)
        # A looped band: two strands round both legs, parted where it is slack.
        dx, dy = b.x() - a.x(), b.y() - a.y()
        span = max(math.hypot(dx, dy), 1e-6)
        nx, ny = -dy / span, dx / span
        part = 0.9 * width + 0.6 * sag
        points: list[QPointF] = []
        for sign in (1.0, -1.0):
            mid = QPointF(
                (a.x() + b.x()) / 2 + sign * part * nx, (a.y() + b.y()) / 2 + sag + sign * part * ny
            )
            # Five straight pieces trace each strand; at band thickness the joins do not show.
            points.extend(on_quad(a, mid, b, i / 5) for i in range(6))
        painter.setPen(QPen(colour, width, SOLID, FLAT))
        painter.drawLines(
            [QLineF(p, q) for p, q in itertools.pairwise(points[:6])]
            + [QLineF(p, q) for p, q in itertools.pairwise(points[6:])]
        )
        for p in (a, b):  # where the band wraps round the leg
            self._dot(painter, p, BAND_WIDTH_M * 1.3 * k, colour, dpr)
