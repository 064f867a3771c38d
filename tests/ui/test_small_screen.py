"""At the smallest supported window (1024x640) every page's buttons show in full and
nothing needs a sideways scroll."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from glutemed.catalog import load_catalog
from glutemed.demo_data import fill
from glutemed.domain.clock import FakeClock
from glutemed.store import Store, open_store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.main_window import MainWindow

SMALL = (1024, 640)


def shown_buttons(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page) and b.width()]


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of *widget* its scroll areas and parents let show, in window coordinates."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        parent = parent.parentWidget()
    return rect


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    """Three months of invented history: every graph and list has something to show."""
    fill(tmp_path / "demo", years=0.25, end=date(2026, 3, 1))
    opened = open_store(tmp_path / "demo")
    yield opened
    opened.close()


def test_every_page_fits_a_1024_by_640_window(qtbot: QtBot, demo_store: Store) -> None:
    window = MainWindow(demo_store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    qtbot.waitExposed(window)
    for key in window.page_keys():
        window.show_page(key)
        page = window.page(key)
        if key == "progress":  # its graphs are built once the page shows
            qtbot.waitUntil(lambda page=page: page.scroll.isVisibleTo(page), timeout=20_000)
            qtbot.wait(500)  # the cards in view are built and laid out
        qtbot.wait(50)
        assert window.width() <= SMALL[0] and window.height() <= SMALL[1], key
        for area in page.findChildren(QScrollArea):
            if area.isVisibleTo(page) and area.widgetResizable():
                assert area.horizontalScrollBar().maximum() == 0, (key, area.objectName())
        for button in shown_buttons(page):
            if any(isinstance(p, QScrollArea) for p in _ancestors(button, page)):
                continue  # scrolled to; no sideways scrolling is checked above
            shown = visible_rect(button, window)  # outside scroll areas: whole, in the window
            assert window.rect().contains(shown), (key, button.objectName(), button.text())
            assert shown.size() == button.size(), (key, button.objectName(), button.text())


def _ancestors(widget: QWidget, stop: QWidget) -> list[QWidget]:
    found, parent = [], widget.parentWidget()
    while parent is not None and parent is not stop:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def test_a_graph_title_takes_one_line_when_the_card_is_wide_enough(qtbot: QtBot) -> None:
    from glutemed.render.graphs.graph_card import GraphCard

    card = GraphCard("stance", "Single-leg stance: best time")
    qtbot.addWidget(card)
    card.resize(1100, 300)
    card.show()
    qtbot.waitExposed(card)
    one_line = card.heading.fontMetrics().height()
    assert card.heading.height() < 2 * one_line
