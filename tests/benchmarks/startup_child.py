"""Started by bench_foundation: shows a window, prints when it first paints, then quits.

Mode `bare` is a plain PySide6 QLabel window; mode `app` starts GluteMed the way the
`glutemed` command does (argument parsing, the single-instance lock, the store, the
first-run check, the main window)."""

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
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        window.show()
        app.exec()
        return
    from glutemed.cli import main as glutemed_main
    from glutemed.ui.main_window import MainWindow

    watcher = FirstPaint()
    original_show = MainWindow.show

    def show_watched(window: MainWindow) -> None:
        window.installEventFilter(watcher)
        original_show(window)

    MainWindow.show = show_watched  # type: ignore[method-assign]
    glutemed_main(["--data-dir", data_dir])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
