"""The countdown ring is drawn whole inside its widget at any shape."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from glutemed.ui.workout.countdown_ring import CountdownRing


def ink_on_edges(ring: CountdownRing) -> int:
    image = QImage(ring.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    # No background: only the ring's own ink.
    ring.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    w, h = image.width(), image.height()
    edge = [(x, 0) for x in range(w)] + [(x, h - 1) for x in range(w)]
    edge += [(0, y) for y in range(h)] + [(w - 1, y) for y in range(h)]
    return sum(1 for x, y in edge if image.pixelColor(x, y).alpha() > 0)


@pytest.mark.parametrize("size", [(120, 120), (300, 300), (600, 300), (300, 600), (900, 900)])
def test_ring_is_fully_inside_its_widget(qtbot: QtBot, size: tuple[int, int]) -> None:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(*size)
    ring.set_value(7.5, 10.0, number="8", caption="to go")
    assert ink_on_edges(ring) == 0
    ring.set_value(10.0, 10.0)  # a full ring touches every side if anything does
    assert ink_on_edges(ring) == 0
