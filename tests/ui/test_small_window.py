"""Every page works in an 800x560 window: nothing squeezed, overlapping or cut off."""

from __future__ import annotations

import pytest
from layout_check import layout_problems
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.stance.protocol import Trial
from glutemed.store import Store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.main_window import MainWindow

SMALL = (800, 560)


@pytest.fixture
def small_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    qtbot.waitExposed(window)
    return window


def check(window: MainWindow, where: str) -> None:
    QApplication.processEvents()
    assert window.size().toTuple() == SMALL, where
    minimum = window.minimumSizeHint()
    assert minimum.width() <= SMALL[0] and minimum.height() <= SMALL[1], (where, minimum)
    assert layout_problems(window) == [], where


def test_every_page_fits_800_by_560(small_window: MainWindow) -> None:
    for key in small_window.page_keys():
        small_window.show_page(key)
        check(small_window, key)


def test_workout_screens_fit_800_by_560(small_window: MainWindow) -> None:
    small_window.show_page("workout")
    page = small_window.page("workout")
    for screen in (page.pain_prompt, page.player, page.summary, page.home):
        page.stack.setCurrentWidget(screen)
        check(small_window, screen.objectName())
    assert page.player.controls.rows() == 2  # the controls fold rather than overlap


def test_stance_screens_fit_800_by_560(small_window: MainWindow) -> None:
    small_window.show_page("stance")
    page = small_window.page("stance")
    page.start_test("open", 45.0)
    check(small_window, "stance ready")
    page.run.show_countdown(3)
    check(small_window, "stance countdown")
    page.run.show_outcome(Trial("left", 1, 12.5, False, "foot_down"), "open")
    check(small_window, "stance outcome")
    page.stack.setCurrentWidget(page.results)
    check(small_window, "stance results")


def test_exercise_text_goes_below_the_figure_when_narrow(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    page = small_window.page("exercises")
    figure, text = page.splitter.widget(0), page.splitter.widget(1)
    assert text.geometry().top() >= figure.geometry().bottom()
    small_window.resize(1366, 768)
    qtbot.waitUntil(lambda: text.geometry().left() >= figure.geometry().right())
