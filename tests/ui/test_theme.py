"""A theme change in Settings reaches every page and the Progress graphs at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from glutemed import demo_data
from glutemed.app import _load_style_sheet
from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.store import open_store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.common.theme import apply_theme
from glutemed.ui.main_window import MainWindow

# Text must differ from what is behind it by this much lightness (0-255) to be readable.
READABLE = 90


@pytest.fixture
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application as the app makes it: with its style sheet (the cause of the bug)."""
    _load_style_sheet(qapp)
    yield qapp
    apply_theme("system")
    qapp.setStyleSheet("")


def contrast(image: QImage, rect: QRect) -> int:
    """Lightness gap between the commonest colour in *rect* (background) and the ink."""
    part = image.copy(rect)
    counts: Counter[int] = Counter()
    for y in range(0, part.height(), 2):
        for x in range(0, part.width(), 2):
            counts[part.pixelColor(x, y).lightness()] += 1
    background = counts.most_common(1)[0][0]
    return max(abs(level - background) for level in counts)


def unreadable_labels(window: MainWindow) -> list[str]:
    image = window.grab().toImage()
    bad = []
    for label in window.stack.currentWidget().findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text().strip() or label.height() < 8:
            continue
        rect = QRect(label.mapTo(window, QPoint(0, 0)), label.size()) & window.rect()
        if rect.isEmpty():
            continue
        if contrast(image, rect) < READABLE:
            bad.append(label.objectName() or label.text()[:30])
    return bad


def test_theme_change_reaches_every_page_and_graph(
    qtbot: QtBot, styled_app: QApplication, tmp_path
) -> None:
    demo_data.fill(tmp_path / "data", 0.2, date.today())
    store = open_store(tmp_path / "data")
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    window.resize(1366, 900)
    window.show()
    qtbot.waitExposed(window)
    for key in window.page_keys():  # every page built (and polished) in the light theme
        window.show_page(key)
    window.show_page("progress")
    progress = window.page("progress")
    qtbot.waitUntil(lambda: progress.full_loaded, timeout=10_000)
    settings = window.page("settings")
    for theme, dark in (("dark", True), ("light", False)):
        combo = settings.theme
        combo.setCurrentIndex(combo.findData(theme))
        for key in window.page_keys():
            window.show_page(key)
            QApplication.processEvents()
            assert unreadable_labels(window) == [], (theme, key)
        sidebar = window.sidebar.palette().alternateBase().color()
        assert (sidebar.lightness() < 128) == dark
        window.show_page("progress")
        assert progress.cards, "graphs were built"
        for card in progress.cards.values():
            plot = getattr(card, "plot", None)
            if plot is None:
                continue
            background = plot.backgroundBrush().color()
            assert (background.lightness() < 128) == dark, (theme, card.key)
            ink = card.item.getAxis("left").textPen().color()
            assert abs(ink.lightness() - background.lightness()) >= READABLE
    window.close()
    store.close()
