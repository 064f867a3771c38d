from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import Profile
from glutemed.store import Store
from glutemed.store.profile import get_setting, load_profile, save_profile
from glutemed.ui.common.events import DataEvents
from glutemed.ui.help.first_run_dialog import FirstRunDialog
from glutemed.ui.main_window import GEOMETRY_KEY, MainWindow

SHORTCUT_KEYS = {
    "Ctrl+1": (Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+2": (Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+3": (Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+4": (Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+5": (Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+6": (Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier),
    "F1": (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
}


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    win = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_page_is_reachable_by_click(qtbot, window: MainWindow) -> None:
    for row, key in enumerate(window.page_keys()):
        rect = window.sidebar.visualItemRect(window.sidebar.item(row))
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key() == key
        assert window.stack.currentWidget().objectName() == f"{key}Page"


def test_every_page_is_reachable_by_shortcut(qtbot, window: MainWindow) -> None:
    keys = list(reversed(window._specs))  # start far from the default page
    for spec in keys:
        key, modifier = SHORTCUT_KEYS[spec.shortcut]
        qtbot.keyClick(window, key, modifier)
        assert window.current_page_key() == spec.key, spec.shortcut


def test_geometry_is_remembered(qtbot, store: Store) -> None:
    first = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(first.minimumSizeHint().width() + 7, 723)
    wanted = (first.width(), first.height())
    first.close()
    assert get_setting(store, GEOMETRY_KEY)
    second = MainWindow(store, load_catalog(), FakeClock(), DataEvents())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == wanted
    assert wanted[1] == 723


def test_status_messages_reach_the_status_area(window: MainWindow) -> None:
    window.events.status_message.emit("Backup saved")
    assert window.status_label.text() == "Backup saved"


def test_safety_screen_blocks_until_acknowledged(qtbot, store: Store) -> None:
    dialog = FirstRunDialog(load_profile(store))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.accept()  # Enter pressed without the tick is refused
    assert dialog.result() == 0
    qtbot.mouseClick(dialog.ack, Qt.MouseButton.LeftButton)
    assert dialog.ack.isChecked()
    assert ok.isEnabled()
    dialog.birth_year.setValue(1975)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    save_profile(store, dialog.profile())
    saved = load_profile(store)
    assert saved.safety_acknowledged is True
    assert saved.birth_year == 1975


def test_first_run_only_once(qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui shows the dialog on the first start only."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from glutemed import app as app_module
    from glutemed.ui.help import first_run_dialog

    shown: list[int] = []

    def fake_exec(self: FirstRunDialog) -> int:
        shown.append(1)
        self.ack.setChecked(True)
        return 1

    monkeypatch.setattr(first_run_dialog.FirstRunDialog, "exec", fake_exec)
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    args = argparse.Namespace(data_dir=str(data_dir))
    assert app_module.run_gui(args) == 0
    assert app_module.run_gui(args) == 0
    assert shown == [1]


def test_settings_page_saves_at_once(qtbot, window: MainWindow, store: Store) -> None:
    window.show_page("settings")
    page = window.page("settings")
    with qtbot.waitSignal(window.events.profile_changed):
        page.birth_year.setValue(1960)
    assert load_profile(store).birth_year == 1960
    page.sound.setCurrentIndex(page.sound.findData("silent"))
    assert load_profile(store).sound == "silent"
    assert isinstance(load_profile(store), Profile)


def test_exercises_page_shows_every_variation(qtbot, window: MainWindow) -> None:
    page = window.page("exercises")
    for exercise in window.catalog.exercises:
        for variation in exercise.variations:
            page.select(exercise.id, variation.id)
            assert page.title.text() == exercise.name
            assert variation.summary.replace("'", "&#x27;") in page.details.text()
    page.select("side_plank_abduction")
    assert "Boren et al. 2011" in page.details.text()
    assert "5 holds of 10 s" in page.details.text()


def test_appearance_setting_switches_light_and_dark(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    from glutemed.ui.common.theme import is_dark

    page = window.page("settings")
    try:
        page.theme.setCurrentIndex(page.theme.findData("dark"))
        assert is_dark()
        assert QApplication.palette().base().color().lightness() < 64
        page.theme.setCurrentIndex(page.theme.findData("light"))
        assert not is_dark()
    finally:
        page.theme.setCurrentIndex(page.theme.findData("system"))
    assert not is_dark()  # offscreen's own palette is light


def test_made_icon_waits_for_the_first_paint(qtbot, store: Store) -> None:
    from PySide6.QtGui import QIcon, QPixmap

    made: list[QIcon] = []

    def make_icon() -> QIcon:
        pixmap = QPixmap(16, 16)
        pixmap.fill()
        made.append(QIcon(pixmap))
        return made[-1]

    win = MainWindow(store, load_catalog(), FakeClock(), DataEvents(), make_icon=make_icon)
    qtbot.addWidget(win)
    assert made == [] and win.windowIcon().isNull()
    win.show()
    qtbot.waitUntil(lambda: not win.windowIcon().isNull())
    win.load_icon()  # already done: nothing is made twice
    assert len(made) == 1


def test_building_the_window_touches_no_qt_namespace_enums(tmp_path: Path) -> None:
    """The `Qt` namespace costs ~40 ms of enum building before the first paint."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; "
        "from glutemed.app import build_window, create_application; "
        "create_application(['x']); build_window(Path(sys.argv[1])); "
        "import PySide6.QtCore as c; "
        "print('Qt' in vars(c), 'glutemed.domain.records' in sys.modules, "
        "'dataclasses' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    assert out == ["False", "False", "False"]
