"""The figure fills its view (lying exercises as large as standing ones) and follows dark mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from glutemed.domain.clock import FakeClock
from glutemed.motion import Camera, load_all, view_angles
from glutemed.render.figure.style import DARK_STYLE, FIT_MARGIN, LIGHT_STYLE, fit_for
from glutemed.ui.figure.widget import FigureWidget

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"
WIDTH, HEIGHT = 640.0, 480.0


@pytest.mark.parametrize("view", ["best", "front", "side"])
def test_every_demo_fills_the_frame_up_to_the_margin(view: str) -> None:
    for exercise, anim in load_all(ANIMATIONS).items():
        for variation in anim.variation_ids:
            fit = fit_for(anim, variation, "right")
            camera = Camera(*view_angles(view, anim.best_view))
            left, bottom, right, top = fit.screen_box(camera)
            _, _, k = fit.view(camera, WIDTH, HEIGHT)
            margin = FIT_MARGIN * HEIGHT
            used_w, used_h = (right - left) * k, (top - bottom) * k
            # One side touches the margin, neither spills over it.
            assert used_w <= WIDTH - 2 * margin + 1e-6, (exercise, variation)
            assert used_h <= HEIGHT - 2 * margin + 1e-6, (exercise, variation)
            filled = max(used_w / (WIDTH - 2 * margin), used_h / (HEIGHT - 2 * margin))
            assert filled == pytest.approx(1.0), (exercise, variation)


def test_figure_follows_the_dark_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    widget = FigureWidget(clock=FakeClock(0.0))
    widget.resize(320, 240)
    qtbot.addWidget(widget)
    widget.set_demo("clamshell")
    old = app.palette()
    try:
        dark = QPalette(old)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
        app.setPalette(dark)  # Qt posts the change to the widgets: the event loop delivers it
        qtbot.waitUntil(lambda: corner(widget) == QColor(DARK_STYLE.background))
    finally:
        app.setPalette(old)
    qtbot.waitUntil(lambda: corner(widget) == QColor(LIGHT_STYLE.background))


def corner(widget: FigureWidget) -> QColor:
    return widget.grab().toImage().pixelColor(2, 2)
