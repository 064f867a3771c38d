"""The physiotherapist report: a paginated A4 PDF drawn with QPdfWriter and QPainter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from glutemed.catalog import load_catalog
from glutemed.domain.localtz import local_today, local_tz
from glutemed.ops import Store
from glutemed.ops.profile import load_profile
from glutemed.ops.progress import data_span, load_range, load_snapshot
from glutemed.progress.text import exercise_names
from glutemed.report.content import ReportContent, Table, build_content

DPI = 120
KEEP_ROWS = 3  # a table starts on a new page unless this many rows fit below its title
GRAPH_TITLES = {
    "stance": "Single-leg stance, best time per side (eyes open)",
    "pelvis": "Pelvic drop on the lifted side, measured by the camera (degrees)",
    "symmetry": "Symmetry between legs",
    "pain": "Pain over time, with baseline and the 2-point band",
    "volume": "Training volume",
    "adherence": "Days trained",
}
DISCLAIMER = (
    "Recorded by the patient at home with GluteMed. Times are self-timed single-leg stance "
    "with hands on hips; this is not a diagnosis."
)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    content: ReportContent


def graph_images(
    store: Store, start: date, end: date, tz: tzinfo, width: int = 1100
) -> list[tuple[str, QImage]]:
    """Draw the Progress graphs for the period off screen (needs a QApplication)."""
    from glutemed.render.graphs import progress_graphs as g  # pyqtgraph: only when a report is made
    from glutemed.render.graphs.plot_card import configure

    configure()
    snapshot, series = load_range(store, tz, start, end, until=end)
    cards = g.make_cards(tz, exercise_names(load_catalog()))
    g.fill_cards(cards, series, snapshot, load_profile(store), "open", start, end)
    images: list[tuple[str, QImage]] = []
    for key, card in cards.items():
        paper = QPalette(QColor("white"), QColor("white"))  # whatever the window's theme
        card.setPalette(paper)
        card.export_button.hide()
        card.resize(width, card.sizeHint().height())
        card.body.resize(width, card.body.sizeHint().height())
        card.body.layout().activate()  # type: ignore[union-attr]
        images.append((GRAPH_TITLES[key], card.render_image()))
        card.deleteLater()
    return images


class _Pages:
    """Cursor over A4 pages; starts a new page when a block does not fit."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, dry: bool = False) -> None:
        self.writer = writer
        self.painter = painter
        self.dry = dry  # a layout pass that only counts pages (images are not drawn)
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width = float(rect.width())
        self.bottom = float(rect.height()) - 30  # room for the footer
        self.y = 0.0
        self.page = 1

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.writer.newPage()
            self.page += 1
            self.y = 0.0


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_height(pages: _Pages, text: str, size: float, bold: bool = False) -> float:
    flags = int(Qt.TextFlag.TextWordWrap)
    font = _font(size, bold)
    metrics = QFontMetricsF(font, pages.painter.device())
    return metrics.boundingRect(QRectF(0, 0, pages.width, 10_000), flags, text).height()


def _paragraph(pages: _Pages, text: str, size: float = 9.5, bold: bool = False) -> None:
    p = pages.painter
    p.setFont(_font(size, bold))
    height = _text_height(pages, text, size, bold)
    pages.need(height + 6)
    p.drawText(QRectF(0, pages.y, pages.width, height + 2), int(Qt.TextFlag.TextWordWrap), text)
    pages.y += height + 6


def _table(pages: _Pages, table: Table) -> None:
    p = pages.painter
    row_h = QFontMetricsF(_font(9), p.device()).height() * 1.5
    # The title never sits alone at a page's foot: it keeps its note, header and first rows.
    lead = 8 + _text_height(pages, table.title, 11.5, bold=True) + 6
    if table.note:
        lead += _text_height(pages, table.note, 8.5) + 6
    pages.need(lead + row_h * (1 + min(KEEP_ROWS, len(table.rows))))
    pages.y += 8
    _paragraph(pages, table.title, 11.5, bold=True)
    if table.note:
        _paragraph(pages, table.note, 8.5)
    col_w = pages.width / len(table.headers)

    def header() -> None:
        p.setFont(_font(9, bold=True))
        p.fillRect(QRectF(0, pages.y, pages.width, row_h), Qt.GlobalColor.lightGray)
        for i, h in enumerate(table.headers):
            p.drawText(
                QRectF(i * col_w + 4, pages.y, col_w - 8, row_h), Qt.AlignmentFlag.AlignVCenter, h
            )
        pages.y += row_h

    header()
    p.setFont(_font(9))
    for n, row in enumerate(table.rows):
        before = pages.page
        pages.need(row_h)
        if pages.page != before:
            header()
            p.setFont(_font(9))
        if n % 2:
            p.fillRect(QRectF(0, pages.y, pages.width, row_h), Qt.GlobalColor.white)
        for i, cell in enumerate(row):
            p.drawText(
                QRectF(i * col_w + 4, pages.y, col_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                cell,
            )
        pages.y += row_h


def _image(pages: _Pages, title: str, image: QImage) -> None:
    scale = pages.width / max(1, image.width())
    height = image.height() * scale
    pages.need(height + 40)
    _paragraph(pages, title, 11.5, bold=True)
    if not pages.dry:
        pages.painter.drawImage(QRectF(0, pages.y, pages.width, height), image)
    pages.y += height + 12


def _add_programme(
    store: Store, content: ReportContent, start: date, end: date, tz: tzinfo
) -> None:
    from glutemed.catalog import load_catalog
    from glutemed.ops.programme_ops import plan_change_history, psfs_entries
    from glutemed.report.programme import add_programme

    names = {e.id: e.name for e in load_catalog().exercises}
    add_programme(
        content, psfs_entries(store, tz), plan_change_history(store), start, end, tz, names
    )


def write_report(
    store: Store,
    path: str | Path,
    *,
    since: date | None = None,
    tz: tzinfo | None = None,
    today: date | None = None,
) -> ReportResult:
    tz = tz or local_tz()
    today = today or local_today()
    span = data_span(store, tz)
    start = since or (span[0] if span else today)
    end = today
    snapshot = load_snapshot(store, tz, since=start, until=end)
    content = build_content(snapshot, load_profile(store), start, end, today)
    _add_programme(store, content, start, end, tz)
    images = graph_images(store, start, end, tz) if not snapshot.is_empty else []
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    # Two passes: the first lays the pages out to count them, so footers say "of M".
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    total = _write(_writer(buffer, content.title), content, images, None)
    pages = _write(_writer(str(partial), content.title), content, images, total)
    partial.replace(out)
    return ReportResult(out, pages, content)


def _writer(target: str | QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("GluteMed")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 16, 16, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def _write(
    writer: QPdfWriter,
    content: ReportContent,
    images: list[tuple[str, QImage]],
    total: int | None,
) -> int:
    """Lay out and draw the report; returns the number of pages."""
    painter = QPainter(writer)
    pages = _Pages(writer, painter, dry=total is None)
    footer_drawn = 0

    def footer() -> None:
        nonlocal footer_drawn
        while footer_drawn < pages.page:
            footer_drawn += 1
            # Only the current page can still be drawn on: draw its footer now.
            painter.setFont(_font(8))
            of = f" of {total}" if total else ""
            painter.drawText(
                QRectF(0, pages.bottom + 8, pages.width, 20),
                int(Qt.AlignmentFlag.AlignRight),
                f"{content.title} - {content.generated} - page {pages.page}{of}",
            )

    original_need = pages.need

    def need(height: float) -> None:
        if pages.y + height > pages.bottom and pages.y > 0:
            footer()
        original_need(height)

    pages.need = need  # type: ignore[method-assign]
    try:
        _paragraph(pages, content.title, 18, bold=True)
        _paragraph(pages, f"{content.period}. {content.generated}.", 10)
        _paragraph(pages, DISCLAIMER, 8.5)
        pages.y += 6
        _paragraph(pages, "Summary", 12.5, bold=True)
        for line in content.summary:
            _paragraph(pages, f"• {line}")
        for title, image in images:
            _image(pages, title, image)
        for table in content.tables:
            _table(pages, table)
        footer()
    finally:
        painter.end()
    return pages.page
