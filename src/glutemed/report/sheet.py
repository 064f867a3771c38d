"""Contact sheets for reviewing demos: six frames across one rep, per view.

Frames are spaced by how far the body has moved rather than by clock time, so a long
hold takes one frame and the lift and lowering are seen step by step.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import TYPE_CHECKING

from glutemed.motion import VIEW_NAMES, VIEWS, Animation, Camera, load_animation
from glutemed.motion.skeleton import forward

if TYPE_CHECKING:
    from PIL import Image

SHEET_FRAMES = 6
CELL_SIZE = (320, 240)
LABEL_H = 22
SHEET_VIEWS = ("best", *VIEWS)  # "all" renders one row per view, best first
_MOTION_SAMPLES = 240


def sheet_times(anim: Animation, variation_id: str, count: int = SHEET_FRAMES) -> list[float]:
    """*count* times across one rep, evenly spaced in how far the joints have moved."""
    duration = anim.rep_duration(variation_id)
    times = [duration * i / _MOTION_SAMPLES for i in range(_MOTION_SAMPLES + 1)]
    poses = [forward(anim.pose_at(variation_id, t)).positions for t in times]
    moved = [0.0]
    for before, after in itertools.pairwise(poses):
        moved.append(moved[-1] + sum(math.dist(before[j], after[j]) for j in before))
    total = moved[-1]
    if total < 1e-9:
        return [duration * i / count for i in range(count)]
    chosen, i = [], 0
    for n in range(count):
        goal = total * n / count
        while moved[i + 1] < goal:
            i += 1
        span = moved[i + 1] - moved[i]
        u = 0.0 if span < 1e-12 else (goal - moved[i]) / span
        chosen.append(times[i] + u * (times[i + 1] - times[i]))
    # The furthest pose of the rep (a held drop, the top of a lift) always gets a frame.
    peak = anim.peak_time(variation_id)
    nearest = min(range(1, count), key=lambda n: abs(chosen[n] - peak))
    chosen[nearest] = peak
    return sorted(chosen)


def write_sheet(
    exercise_id: str,
    variation_id: str = "standard",
    side: str = "right",
    view: str = "all",
    out_path: str | Path | None = None,
    *,
    band_level: str | None = None,
    folder: Path | None = None,
) -> Path:
    """Check every argument, then write the contact sheet PNG; bad input: ValueError."""
    if out_path is None:
        raise ValueError("an output file is needed (.png)")
    out = Path(out_path)
    if out.suffix.lower() != ".png":
        raise ValueError(f"a contact sheet is a PNG: --out must end in .png, got {out.name!r}")
    anim = load_animation(exercise_id, folder)
    anim.variation(variation_id)
    if side not in ("right", "left"):
        raise ValueError(f"unknown side {side!r} (valid: right, left)")
    if view != "all" and view not in VIEW_NAMES:
        raise ValueError(f"unknown view {view!r} (valid: {', '.join(VIEW_NAMES)}, all)")
    from glutemed.render.figure.painter import band_colours

    if band_level is not None and band_level not in band_colours():
        raise ValueError(f"unknown band {band_level!r} (valid: {', '.join(band_colours())})")
    return render_sheet(anim, variation_id, side, view, out, band_level)


def render_sheet(
    anim: Animation,
    variation_id: str,
    side: str,
    view: str,
    out: Path,
    band_level: str | None = None,
) -> Path:
    """Write a PNG: one row of six frames per view (*view* "all" gives every view)."""
    from PIL import Image, ImageDraw, ImageFont

    views = SHEET_VIEWS if view == "all" else (view,)
    times = sheet_times(anim, variation_id)
    width, height = CELL_SIZE
    sheet = Image.new("RGB", (width * len(times), (height + LABEL_H) * len(views)), "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=14)
    for row, name in enumerate(views):
        camera = Camera(*anim.camera_angles(name, side, variation_id))
        cells = _render_cells(anim, variation_id, side, camera, times, band_level)
        top = row * (height + LABEL_H)
        for col, (t, cell) in enumerate(zip(times, cells, strict=True)):
            sheet.paste(cell, (col * width, top + LABEL_H))
            phase = anim.phase_at(variation_id, t)[0]
            label = f"{name}  {t:4.1f} s  {phase}"
            draw.text((col * width + 6, top + 3), label, fill=(40, 40, 40), font=font)
    sheet.save(out, format="PNG", optimize=True)
    return out


def _render_cells(
    anim: Animation,
    variation_id: str,
    side: str,
    camera: Camera,
    times: list[float],
    band_level: str | None,
) -> list[Image.Image]:
    from PIL import Image
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from glutemed.render.figure.painter import FigurePainter, fit_for

    figure = FigurePainter()
    fit = fit_for(anim, variation_id, side)
    width, height = CELL_SIZE
    image = QImage(width, height, QImage.Format.Format_RGB888)
    cells = []
    for t in times:
        painter = QPainter(image)
        figure.paint(
            painter,
            QRectF(0, 0, width, height),
            anim.frame(variation_id, t, side),
            camera,
            fit,
            band_level,
            anim.both_glutes,
        )
        painter.end()
        data = bytes(image.constBits())
        cells.append(
            Image.frombuffer("RGB", (width, height), data, "raw", "RGB", image.bytesPerLine(), 1)
        )
    return cells
