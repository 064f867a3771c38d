"""Started by bench_foundation: shows a window, prints when it first paints, then quits.

Mode `bare` is a plain PySide6 QLabel window; mode `app` is GluteMed's main window."""

from __future__ import annotations

import sys
import time


def main(mode: str, data_dir: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                heavy = [m for m in ("pyqtgraph", "numpy", "PIL") if m in sys.modules]
                print(f"painted {time.perf_counter()} heavy={','.join(heavy) or '-'}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QLabel("Hello")
        window.resize(1180, 780)
    else:
        from pathlib import Path

        from glutemed.app import build_window, create_application

        app = create_application(sys.argv[:1])
        window, _store = build_window(Path(data_dir))
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
