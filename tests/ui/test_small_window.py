"""Every page works in an 800x560 window, and at 200% scale on a 1920x1080 screen:
nothing squeezed, overlapping or cut off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from layout_check import layout_problems
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from glutemed.app import _load_style_sheet
from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.stance.protocol import Trial
from glutemed.store import Store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.main_window import MainWindow

# The smallest window every page supports, and a 1920x1080 screen at 200% scale
# (QT_SCALE_FACTOR=2: 960x540 logical pixels) less a window manager's title bar.
SIZES = [(800, 560), (960, 510)]


@pytest.fixture(params=SIZES, ids=["800x560", "200-percent"])
def small_window(
    request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication, store: Store
) -> Iterator[MainWindow]:
    _load_style_sheet(qapp)  # its paddings make controls wider: measure with it
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    window.resize(*request.param)
    window.show()
    qtbot.waitExposed(window)
    window.setProperty("wanted_size", request.param)
    yield window
    qapp.setStyleSheet("")


def check(window: MainWindow, where: str) -> None:
    QApplication.processEvents()
    wanted = tuple(window.property("wanted_size"))
    assert window.size().toTuple() == wanted, where
    minimum = window.minimumSizeHint()
    assert minimum.width() <= wanted[0] and minimum.height() <= wanted[1], (where, minimum)
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
    if small_window.width() < 900:
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
