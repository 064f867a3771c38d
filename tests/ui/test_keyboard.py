"""Keyboard paths: a visible focus mark in the sidebar, the main action a few Tabs away."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glutemed.app import _load_style_sheet
from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.store import Store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, store: Store) -> Iterator[MainWindow]:
    _load_style_sheet(qapp)
    win = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    qapp.setStyleSheet("")


def test_start_workout_is_a_few_tabs_from_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("workout")
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    presses = 0
    while QApplication.focusWidget() is not window.page("workout").start_button:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        presses += 1
        assert presses <= 3, QApplication.focusWidget().objectName()


def test_sidebar_shows_where_the_keyboard_is(qtbot: QtBot, window: MainWindow) -> None:
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(sidebar.currentItem())
    window.page("exercises").exercise_list.setFocus()
    qtbot.waitUntil(lambda: not sidebar.hasFocus())
    without = sidebar.viewport().grab(rect).toImage()
    sidebar.setFocus()
    qtbot.waitUntil(sidebar.hasFocus)
    with_focus = sidebar.viewport().grab(rect).toImage()
    assert with_focus != without  # the focused item is drawn differently (its border)


def test_a_focused_list_still_shows_its_selected_item(qtbot: QtBot, window: MainWindow) -> None:
    exercises = window.page("exercises").exercise_list
    exercises.setFocus()
    qtbot.waitUntil(exercises.hasFocus)
    image = exercises.viewport().grab(exercises.visualItemRect(exercises.currentItem())).toImage()
    highlight = exercises.palette().highlight().color()
    centre = image.pixelColor(image.width() // 2, image.height() // 2 + 1)
    # The inside of the selected item keeps the highlight colour under the focus border.
    row = [image.pixelColor(x, image.height() // 2) for x in range(0, image.width(), 3)]
    assert sum(c == highlight for c in row) > len(row) // 2, centre.name()
