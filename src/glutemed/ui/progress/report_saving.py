"""Saving the physiotherapist's PDF report from the Progress page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from PySide6.QtWidgets import QFileDialog, QWidget

from glutemed.ops import Store
from glutemed.ops.save_folder import SaveFolder
from glutemed.ui.common.events import DataEvents


def ask_report_path(parent: QWidget, save_folder: SaveFolder) -> str:
    """The path the person picked in a save dialog that opens in the last folder used."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "Save report for your physiotherapist",
        save_folder.suggest("glutemed-report.pdf"),
        "PDF (*.pdf)",
    )
    return path


def save_report_pdf(
    store: Store,
    path: str,
    *,
    since: date | None,
    tz: tzinfo,
    today: Callable[[], date],
    save_folder: SaveFolder,
    events: DataEvents,
) -> None:
    """Write the report; a file problem becomes one status message, not a traceback."""
    from glutemed.report.pdf import write_report  # the PDF code loads only when asked

    try:
        write_report(store, path, since=since, tz=tz, today=today())
    except OSError as exc:
        events.status_message.emit(f"Could not save the report: {exc.strerror}")
        return
    save_folder.remember(path)
    events.status_message.emit(f"Report saved to {path}")
