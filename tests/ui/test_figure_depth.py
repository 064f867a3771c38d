"""Depth a person can read: a floor shadow under the body, nearer limbs thicker, and
everything (the band too) painted far to near."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from glutemed.motion import Camera, load_animation
from glutemed.render.figure.painter import (
    DEPTH_SPAN_M,
    NEAR_THICKER,
    FigurePainter,
    band_colours,
    fit_for,
    limb_width,
)
from glutemed.render.figure.style import LIGHT_STYLE

SIZE = (480, 360)


def _paint(painter: FigurePainter, exercise: str, variation: str, t: float, view: str) -> QImage:
    anim = load_animation(exercise)
    camera = Camera(*anim.camera_angles(view, "right", variation))
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    qp = QPainter(image)
    painter.paint(
        qp,
        QRectF(0, 0, *SIZE),
        anim.frame(variation, t, "right"),
        camera,
        fit_for(anim, variation, "right"),
        None,
        anim.both_glutes,
    )
    qp.end()
    return image


def _lightness(c: QColor) -> int:
    return c.red() + c.green() + c.blue()


def test_a_soft_shadow_lies_on_the_floor_under_the_body() -> None:
    with_shadow = _paint(FigurePainter(), "fire_hydrant", "standard", 0.0, "best")
    no_shadow = _paint(
        FigurePainter(replace(LIGHT_STYLE, shadow="#00000000")),
        "fire_hydrant",
        "standard",
        0.0,
        "best",
    )
    darker = lighter = 0
    rows: list[int] = []
    for y in range(0, SIZE[1], 2):
        for x in range(0, SIZE[0], 2):
            a, b = with_shadow.pixelColor(x, y), no_shadow.pixelColor(x, y)
            if a != b:
                darker += _lightness(a) < _lightness(b)
                lighter += _lightness(a) > _lightness(b)
                rows.append(y)
    assert darker > 200 and lighter == 0, "the shadow only darkens"
    # It lies low in the picture, on the floor, not up by the head and shoulders.
    assert sorted(rows)[len(rows) // 2] > SIZE[1] * 0.5


def test_nearer_limbs_are_drawn_thicker() -> None:
    assert limb_width(0.05, 0.0) == 0.05
    assert limb_width(0.05, 0.1) > 0.05 > limb_width(0.05, -0.1)
    # Capped: a limb far in front is never more than NEAR_THICKER thicker.
    assert limb_width(0.05, 10 * DEPTH_SPAN_M) == 0.05 * (1 + NEAR_THICKER)
    assert limb_width(0.05, -10 * DEPTH_SPAN_M) == 0.05 * (1 - NEAR_THICKER)


def test_the_band_passes_behind_the_head_seen_from_above() -> None:
    anim = load_animation("standing_abduction")
    t = anim.peak_time("band")
    image = _paint(FigurePainter(), "standing_abduction", "band", t, "top")
    band = QColor(band_colours()["red"])
    ink = QColor(LIGHT_STYLE.ink)
    camera = Camera(*anim.camera_angles("top"))
    fit = fit_for(anim, "band", "right")
    cx, cy, k = fit.view(camera, *SIZE)
    head = anim.frame("band", t, "right").positions["head"]
    sx, sy = camera.to_screen(head)
    px, py = SIZE[0] / 2 + (sx - cx) * k, SIZE[1] / 2 - (sy - cy) * k
    assert image.pixelColor(round(px), round(py)) == ink
    inside = [
        image.pixelColor(round(px + dx), round(py + dy))
        for dx in range(-8, 9)
        for dy in range(-8, 9)
        if math.hypot(dx, dy) <= 8
    ]
    assert band not in inside, "the band is hidden under the head, not painted over it"
