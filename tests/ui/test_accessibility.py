"""Every control on every page has a name and a description a screen reader can read."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.store import Store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
)


def spoken(widget: QWidget) -> tuple[str, str]:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)


def unlabelled(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.window() is not root.window():
            continue  # (combo pop-ups are windows of their own, read through the combo)
        if isinstance(widget, QScrollBar | QHeaderView) or widget.objectName().startswith("qt_"):
            continue  # parts of a list or scroll area, which speaks for them
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QAbstractSpinBox | QComboBox
        ):
            continue  # the editor inside a spin box or combo: the outer control speaks
        if not widget.objectName():
            missing.append(f"{type(widget).__name__} without objectName in {root.objectName()}")
            continue
        name, description = spoken(widget)
        if not name.strip() or not description.strip():
            missing.append(
                f"{widget.objectName()} ({type(widget).__name__}): {name!r} / {description!r}"
            )
    return missing


def test_every_control_on_every_page_speaks(qtbot: QtBot, store: Store) -> None:
    window = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    problems = unlabelled(window.sidebar.parentWidget())
    for key in window.page_keys():
        window.show_page(key)
        problems += unlabelled(window.page(key))
    assert problems == [], "\n".join(problems)


def test_counters_and_stance_timer_read_their_current_value(qtbot: QtBot) -> None:
    from glutemed.stance.protocol import Trial
    from glutemed.ui.common.control_texts import speak_all
    from glutemed.ui.stance.run_view import StanceRunView

    view = StanceRunView(FakeClock())
    qtbot.addWidget(view)
    speak_all(view)
    view.show_countdown(2)
    assert spoken(view.timer) == ("2", "Seconds held on one leg; read out when the trial stops")
    view.show_outcome(Trial("left", 1, 12.56, False, "foot_down"), "open")
    assert spoken(view.timer)[0] == "12.5"
