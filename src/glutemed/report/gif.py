"""Offscreen export of a demo: one looping rep as GIF, or a poster frame as PNG.

Qt (QImage + the shared FigurePainter) draws, Pillow encodes; both are imported only
when a render is asked for, so nothing here weighs on the app's start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from glutemed.motion import Animation, Camera, load_animation

if TYPE_CHECKING:
    from PIL import Image

GIF_FPS = 25  # 40 ms frames: GIF delays are whole centiseconds, so this stays exact
MIN_SIZE, MAX_SIZE = 64, 2048
FORMATS = (".gif", ".png")


def render_demo(
    exercise_id: str,
    variation_id: str = "standard",
    side: str = "right",
    view: str = "best",
    size: tuple[int, int] = (480, 360),
    out_path: str | Path | None = None,
    *,
    band_level: str | None = None,
    folder: Path | None = None,
) -> Path:
    """Write *out_path* (.gif: one full rep, looping; .png: the poster frame).

    Unknown exercise, variation, side, view or band raise ValueError naming the valid ones.
    """
    if out_path is None:
        raise ValueError("an output file is needed (.gif or .png)")
    out = Path(out_path)
    if out.suffix.lower() not in FORMATS:
        raise ValueError(f"output must end in .gif or .png, got {out.name!r}")
    width, height = size
    if not (MIN_SIZE <= width <= MAX_SIZE and MIN_SIZE <= height <= MAX_SIZE):
        raise ValueError(f"size must be between {MIN_SIZE} and {MAX_SIZE} pixels each way")
    anim = load_animation(exercise_id, folder)
    anim.variation(variation_id)
    if side not in ("right", "left"):
        raise ValueError(f"unknown side {side!r} (valid: right, left)")
    camera = Camera(*anim.camera_angles(view, side, variation_id))
    from glutemed.render.figure.style import band_colours

    bands = band_colours()
    if band_level is not None and band_level not in bands:
        raise ValueError(f"unknown band {band_level!r} (valid: {', '.join(bands)})")
    if out.suffix.lower() == ".png":
        image = _render_frames(anim, variation_id, side, camera, size, band_level, poster=True)[0]
        image.save(out, format="PNG", optimize=True)
        return out
    frames = _render_frames(anim, variation_id, side, camera, size, band_level, poster=False)
    _save_gif(frames, out)
    return out


def frame_times(anim: Animation, variation_id: str) -> list[float]:
    """Sample times for one rep at GIF_FPS; the last frame stops short of the loop point."""
    count = max(2, round(anim.rep_duration(variation_id) * GIF_FPS))
    return [i / GIF_FPS for i in range(count)]


def _render_frames(
    anim: Animation,
    variation_id: str,
    side: str,
    camera: Camera,
    size: tuple[int, int],
    band_level: str | None,
    poster: bool,
) -> list[Image.Image]:
    from PIL import Image
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from glutemed.render.figure.painter import FigurePainter, fit_for

    painter_style = FigurePainter()
    fit = fit_for(anim, variation_id, side)
    width, height = size
    times = [anim.peak_time(variation_id)] if poster else frame_times(anim, variation_id)
    image = QImage(width, height, QImage.Format.Format_RGB888)
    frames = []
    for t in times:
        painter = QPainter(image)
        frame = anim.frame(variation_id, t, side)
        painter_style.paint(
            painter, QRectF(0, 0, width, height), frame, camera, fit, band_level, anim.both_glutes
        )
        painter.end()
        data = bytes(image.constBits())
        frames.append(
            Image.frombuffer("RGB", (width, height), data, "raw", "RGB", image.bytesPerLine(), 1)
        )
    return frames


def _save_gif(frames: list[Image.Image], out: Path) -> None:
    from PIL import Image

    # One shared palette for every frame so colours do not flicker between frames.
    step = max(1, len(frames) // 6)
    samples = frames[::step][:6]
    sheet = Image.new("RGB", (frames[0].width, frames[0].height * len(samples)))
    for i, frame in enumerate(samples):
        sheet.paste(frame, (0, i * frame.height))
    palette = sheet.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    indexed = [f.quantize(palette=palette, dither=Image.Dither.NONE) for f in frames]
    indexed[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=indexed[1:],
        duration=1000 // GIF_FPS,
        loop=0,
        disposal=1,
    )
