"""The printable home-exercise sheet: one block per exercise, A4, as few pages as fit.

Each block shows the figure at the exercise's key moment (the shared FigurePainter draws it
straight into the PDF, so it stays sharp), the dose per side, the band and the main cues.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from glutemed.catalog import Catalog
from glutemed.domain.records import RoutineItem
from glutemed.training.plan_file import PlanMeta

MAX_CUES = 3
SHEET_TITLE = "GluteMed home exercises"


@dataclass(frozen=True)
class SheetBlock:
    exercise_id: str
    variation_id: str
    title: str
    doses: tuple[str, ...]  # one line per side (or one for both)
    band: str
    cues: tuple[str, ...]
    figure_side: str


def _dose(item: RoutineItem) -> str:
    if item.hold_s is not None:
        holds = item.reps or 1
        work = f"{item.sets} x {holds} hold{'s' if holds != 1 else ''} of {item.hold_s:g} s"
    else:
        work = f"{item.sets} set{'s' if item.sets != 1 else ''} of {item.reps}"
    return f"{work}, rest {item.rest_s:g} s"


def sheet_blocks(
    catalog: Catalog,
    items: Sequence[RoutineItem],
    extra_cues: Mapping[str, Sequence[str]] | None = None,
) -> list[SheetBlock]:
    """Blocks in plan order; a left and a right line of one exercise share a block."""
    blocks: list[SheetBlock] = []
    grouped: dict[tuple[str, str], list[RoutineItem]] = {}
    order: list[tuple[str, str]] = []
    for item in items:
        key = (item.exercise_id, item.variation_id)
        if key not in grouped:
            order.append(key)
        grouped.setdefault(key, []).append(item)
    for key in order:
        lines = grouped[key]
        exercise = catalog.exercise(key[0])
        variation = exercise.variation(key[1])
        title = (
            exercise.name if variation.id == "standard" else f"{exercise.name}: {variation.name}"
        )
        doses = []
        bands = []
        for line in lines:
            who = "Each side" if line.sides == "both" else f"{line.sides.capitalize()} side"
            doses.append(f"{who}: {_dose(line)}")
            if line.band:
                bands.append(f"{catalog.band(line.band).name} ({who.lower()})")
        band = "Band: " + ", ".join(bands) if bands else "No band"
        cues = [*(extra_cues or {}).get(exercise.id, ()), *exercise.cues_for(variation.id)]
        side = "left" if all(line.sides == "left" for line in lines) else "right"
        blocks.append(
            SheetBlock(
                exercise.id, variation.id, title, tuple(doses), band, tuple(cues[:MAX_CUES]), side
            )
        )
    return blocks


def write_sheet(
    catalog: Catalog,
    meta: PlanMeta,
    items: Sequence[RoutineItem],
    out: Path,
    today: date,
    extra_cues: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Write the sheet PDF; returns the number of pages. Needs a QGuiApplication."""
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

    from glutemed.motion import Camera, load_animation, view_angles
    from glutemed.render.figure.painter import FigurePainter, fit_for

    blocks = sheet_blocks(catalog, items, extra_cues)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(120)
    writer.setTitle(SHEET_TITLE)
    writer.setCreator("GluteMed")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(14, 14, 14, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(120)
    width, bottom = float(page.width()), float(page.height())

    def font(size: float, bold: bool = False) -> QFont:
        f = QFont("DejaVu Sans")
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    painter = QPainter(writer)
    figures = FigurePainter()
    pages, y = 1, 0.0

    def text(t: str, x: float, w: float, size: float, bold: bool = False) -> float:
        nonlocal y
        painter.setFont(font(size, bold))
        flags = int(Qt.TextFlag.TextWordWrap)
        rect = QFontMetricsF(painter.font(), writer).boundingRect(QRectF(0, 0, w, 5000), flags, t)
        painter.drawText(QRectF(x, y, w, rect.height() + 2), flags, t)
        y += rect.height() + 3
        return rect.height() + 3

    try:
        text(SHEET_TITLE, 0, width, 16, bold=True)
        who = f" from {meta.clinician}" if meta.clinician else ""
        text(
            f"Plan: {meta.name}{who}. Printed {today.strftime('%d %b %Y').lstrip('0')}.",
            0,
            width,
            9.5,
        )
        if meta.note:
            text(f"Note: {meta.note}", 0, width, 9.5)
        text(
            "Stop an exercise if the pain is sharp or keeps increasing. This sheet does not "
            "replace your clinician's advice.",
            0,
            width,
            8.5,
        )
        y += 6
        figure_w, block_h = width * 0.34, 205.0
        for block in blocks:
            if y + block_h > bottom:
                writer.newPage()
                pages += 1
                y = 0.0
            top = y
            painter.setPen(Qt.GlobalColor.lightGray)
            painter.drawRect(QRectF(0, top, width, block_h - 8))
            painter.setPen(Qt.GlobalColor.black)
            anim = load_animation(block.exercise_id)
            camera = Camera(*view_angles("best", anim.best_view, block.figure_side))
            fit = fit_for(anim, block.variation_id, block.figure_side)
            frame = anim.frame(
                block.variation_id, anim.peak_time(block.variation_id), block.figure_side
            )
            band = next(
                (i.band for i in items if i.exercise_id == block.exercise_id and i.band), None
            )
            figures.paint(
                painter,
                QRectF(4, top + 4, figure_w - 8, block_h - 16),
                frame,
                camera,
                fit,
                band,
                anim.both_glutes,
            )
            x, w = figure_w + 6, width - figure_w - 12
            y = top + 6
            text(block.title, x, w, 11.5, bold=True)
            for line in block.doses:
                text(line, x, w, 9.5, bold=True)
            text(block.band, x, w, 9)
            for cue in block.cues:
                if y > top + block_h - 24:
                    break
                text(f"• {cue}", x, w, 8.5)
            y = top + block_h
    finally:
        painter.end()
    partial.replace(out)
    return pages
