"""Progress page and report timings on ten years of daily demo data.

progress_open_ms: first show of the page (the cards on screen built, the visible range
queried and painted with its data), with pyqtgraph already imported; its one-off import is
reported on its own row. Cards below the fold and the whole history come after that paint.
progress_range_ms: median of range-button changes after the history has loaded, repaint
included. report_s: the whole PDF, graphs included.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(quick: bool) -> list[tuple[str, float, str, str]]:
    from PySide6.QtWidgets import QApplication

    from glutemed import demo_data
    from glutemed.store import open_store
    from glutemed.ui.common.events import DataEvents
    from glutemed.ui.progress.page import ProgressPage

    app = QApplication.instance() or QApplication([])
    end = date(2025, 6, 30)
    rows: list[tuple[str, float, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        demo_data.fill(folder, 2 if quick else 10, end, tz=UTC)
        store = open_store(folder)
        started = time.perf_counter()
        import pyqtgraph  # noqa: F401

        rows.append(
            ("progress_pyqtgraph_import_ms", (time.perf_counter() - started) * 1000, "ms", "info")
        )
        opens: list[float] = []
        for _ in range(1 if quick else 3):
            page = ProgressPage(store, DataEvents(), tz=UTC, today=lambda: end)
            page.resize(1100, 800)
            started = time.perf_counter()
            page.show()
            app.processEvents()
            opens.append((time.perf_counter() - started) * 1000)
            while not page.full_loaded:
                app.processEvents()
                time.sleep(0.005)
            app.processEvents()
            if _ < (0 if quick else 2):
                page.deleteLater()
                app.processEvents()
        rows.append(("progress_open_ms", statistics.median(opens), "ms", "<= 150"))
        changes: list[float] = []
        for key in ["4w", "1y", "all", "3m"] * (1 if quick else 3):
            started = time.perf_counter()
            page.set_range(key)
            app.processEvents()
            changes.append((time.perf_counter() - started) * 1000)
        rows.append(("progress_range_ms", statistics.median(changes), "ms", "<= 30"))
        from glutemed.report.pdf import write_report

        started = time.perf_counter()
        write_report(store, Path(tmp) / "r.pdf", tz=UTC, today=end)
        rows.append(("report_s", time.perf_counter() - started, "s", "<= 3"))
        page.deleteLater()
        store.close()
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    for row in run("--quick" in sys.argv):
        print("\t".join(str(round(v, 1)) if isinstance(v, float) else str(v) for v in row))
