"""figure_box: a new frame repaints only the box around the body, never less."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from glutemed.motion import Camera, load_all, view_angles
from glutemed.render.figure.painter import FigurePainter, fit_for
from glutemed.ui.figure.region import FigureRegion

ANIMATIONS = load_all()
SIZE = (480, 400)


def _render(painter: FigurePainter, frame, camera: Camera, fit) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    painter.paint(p, QRectF(0, 0, *SIZE), frame, camera, fit, "red", False)
    p.end()
    return image


@pytest.mark.parametrize("exercise_id", sorted(ANIMATIONS))
@pytest.mark.parametrize("view", ["best", "front", "side", "top"])
def test_every_pixel_that_changes_lies_in_the_old_or_new_box(exercise_id: str, view: str) -> None:
    anim = ANIMATIONS[exercise_id]
    with_band = [v for v in anim.variations if "band" in v]
    variation = with_band[0] if with_band else next(iter(anim.variations))
    fit = fit_for(anim, variation, "right")
    camera = Camera(*view_angles(view, anim.best_view, "right"))
    painter = FigurePainter()
    rep = anim.rep_duration(variation)
    times = [0.0, rep * 0.3, rep * 0.45, rep * 0.7]
    frames = [anim.frame(variation, t, "right") for t in times]
    images = [_render(painter, f, camera, fit) for f in frames]
    region = FigureRegion()
    boxes = [region.box(f, fit, camera, *SIZE) for f in frames]
    for (a, box_a), (b, box_b) in zip(
        zip(images, boxes, strict=True), zip(images[1:], boxes[1:], strict=True), strict=False
    ):
        both = box_a.united(box_b)
        outside = [
            (x, y)
            for x in range(0, SIZE[0], 2)
            for y in range(0, SIZE[1], 2)
            if not both.contains(x, y) and a.pixel(x, y) != b.pixel(x, y)
        ]
        assert outside == [], (exercise_id, view, outside[:5])


def test_the_box_is_much_smaller_than_the_widget() -> None:
    anim = ANIMATIONS["clamshell"]
    fit = fit_for(anim, "standard", "right")
    camera = Camera(*view_angles("best", anim.best_view, "right"))
    box = FigureRegion().box(anim.frame("standard", 1.0, "right"), fit, camera, 900, 700)
    assert box.width() * box.height() < 0.6 * 900 * 700


def test_a_move_under_half_a_pixel_looks_the_same_and_more_does_not() -> None:
    anim = ANIMATIONS["clamshell"]
    fit = fit_for(anim, "band", "right")
    camera = Camera(*view_angles("best", anim.best_view, "right"))
    region = FigureRegion()
    frame = anim.frame("band", 1.0, "right")
    region.box(frame, fit, camera, 900, 700)  # the view in use: pixels per metre
    k = fit.view(camera, 900.0, 700.0)[2]

    def nudged(metres: float):  # type: ignore[no-untyped-def]
        positions = {n: (p[0] + metres, p[1], p[2]) for n, p in frame.positions.items()}
        return replace(frame, positions=positions)

    assert region.looks_the_same(frame, nudged(0.3 / k))
    assert not region.looks_the_same(frame, nudged(0.7 / k))
    assert not region.looks_the_same(frame, replace(frame, glow=frame.glow + 0.5))
    assert not region.looks_the_same(frame, anim.frame("band", 1.1, "right"))
