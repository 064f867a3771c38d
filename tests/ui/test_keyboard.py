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
