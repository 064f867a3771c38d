"""Benchmarks for the stick-figure demos (ratios and timings, not pass/fail tests).

run(quick) returns rows (name, value, unit, target) for tests/benchmarks/run.py.
"""

from __future__ import annotations

import itertools
import os
import statistics
import time
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _frame_render(quick: bool) -> tuple[float, float, float]:
    """Paint of one 1280x720 antialiased frame with every kind of prop (pose solved apart).

    Returns (paint median, paint p99, pose-solving median) in milliseconds.
    """
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from glutemed.motion import Camera, load_all, view_angles
    from glutemed.render.figure.painter import FigurePainter, fit_for

    animations = load_all()
    anim = animations["wall_press_out"]
    extra = tuple(
        p
        for other in ("standing_abduction", "clamshell")
        for p in animations[other].props("standard")
        if p.kind in ("pole", "pillow", "mat")
    )
    rep = anim.rep_duration("band")
    count = 300 if quick else 1500
    pose_times: list[float] = []
    frames = []
    for i in range(97):
        start = time.perf_counter()
        frame = anim.frame("band", rep * i / 97, "right")
        pose_times.append((time.perf_counter() - start) * 1000)
        frames.append(replace(frame, props=frame.props + extra))
    painter_style = FigurePainter()
    fit = fit_for(anim, "band", "right")
    camera = Camera(*view_angles("best", anim.best_view))
    image = QImage(1280, 720, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, 1280, 720)
    times: list[float] = []
    for i in range(count + 20):
        painter = QPainter(image)
        start = time.perf_counter()
        painter_style.paint(painter, rect, frames[i % len(frames)], camera, fit, "green", True)
        elapsed = time.perf_counter() - start
        painter.end()
        if i >= 20:  # warm-up frames (sprite and scenery caches) excluded
            times.append(elapsed * 1000)
    return statistics.median(times), _percentile(times, 0.99), statistics.median(pose_times)


def _frame_interval(quick: bool) -> float:
    """p99 gap between paint events while the widget plays at 60 Hz on a real loop."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from glutemed.ui.figure.widget import FigureWidget

    app = QApplication.instance() or QApplication([])
    stamps: list[float] = []

    class PaintStamps(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                stamps.append(time.perf_counter())
            return False

    widget = FigureWidget()
    widget.resize(960, 540)
    stamper = PaintStamps()
    widget.installEventFilter(stamper)
    widget.set_demo("standing_abduction", "band", "right")
    widget.show()
    widget.play()
    QTimer.singleShot(int((2.0 if quick else 10.0) * 1000), app.quit)
    app.exec()
    widget.pause()
    widget.removeEventFilter(stamper)
    widget.close()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(stamps[5:])]
    return _percentile(gaps, 0.99) if gaps else float("inf")


def run(quick: bool) -> list[tuple[str, float, str, str]]:
    median, p99, pose = _frame_render(quick)
    interval = _frame_interval(quick)
    return [
        ("frame_render_median_ms", round(median, 3), "ms", "<= 1"),
        ("frame_render_p99_ms", round(p99, 3), "ms", "<= 2"),
        ("pose_solve_median_ms", round(pose, 3), "ms", "informational"),
        ("frame_interval_p99_ms", round(interval, 2), "ms", "<= 20"),
    ]


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        print(*row, sep="\t")
