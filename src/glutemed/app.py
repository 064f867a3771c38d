"""Bootstrap: parse arguments, open the store, build the main window, run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _app_icon():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QIcon

    from glutemed.paths import resources_dir

    icon = QIcon()
    folder = resources_dir() / "icons" / "hicolor"
    for png in sorted(folder.glob("*/apps/glutemed.png")):
        icon.addFile(str(png))
    return icon


def create_application(argv: list[str]):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from glutemed import APP_NAME, __version__
    from glutemed.system_check import install_qt_guard

    existing = QApplication.instance()
    if existing is not None:
        return existing
    guard = install_qt_guard()  # no platform plugin could start: one line, not an abort
    # Qt 6 already rounds high-DPI scale factors with PassThrough. Fusion (one look
    # everywhere; it follows light/dark schemes) is asked for on the command line: Qt
    # makes it in C++, while setStyle() returns a QStyle and PySide then builds that
    # class's many Python enums before the first paint (~15 ms).
    app = QApplication([*argv, "-style", "Fusion"])
    guard.started()
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("io.github.glutemed.GluteMed")
    from glutemed.ui.common.qt_logging import quiet_multimedia_logging

    quiet_multimedia_logging()
    _load_style_sheet(app)
    return app


def _load_style_sheet(app) -> None:  # type: ignore[no-untyped-def]
    from glutemed.paths import resource

    sheet = resource("theme", "app.qss")
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def build_window(data_dir: Path):  # type: ignore[no-untyped-def]
    """Open the store and make the main window (first-run dialog included).

    Returns (window, store) or raises StoreError. The caller shows the window."""
    from glutemed.catalog import load_catalog
    from glutemed.domain.clock import MonotonicClock
    from glutemed.domain.vocabulary import THEMES
    from glutemed.ops import open_store
    from glutemed.ops.settings import read_setting
    from glutemed.ui.common.events import DataEvents
    from glutemed.ui.main_window import MainWindow

    store = open_store(data_dir)
    try:  # one setting, not the whole profile: its models are not needed to paint
        theme = read_setting(store, "theme", "system")
    except (ValueError, RecursionError):  # a hand-edited bad value, as load_profile treats it
        theme = "system"
    # A new app already has the system look (theme.py costs ~3 ms); a bad value keeps it.
    # THEMES, not rules.setting_problem: rules' dataclass import costs start-up time.
    if theme != "system" and isinstance(theme, str) and theme in THEMES:
        from glutemed.ui.common.theme import apply_theme

        apply_theme(theme)
    window = MainWindow(store, load_catalog(), MonotonicClock(), DataEvents(), make_icon=_app_icon)
    return window, store


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QMessageBox

    from glutemed.datadir import resolve_data_dir
    from glutemed.instance_lock import LockProblem, acquire
    from glutemed.ops import StoreError
    from glutemed.ops.settings import read_setting
    from glutemed.ui.common.quit_on_signals import QuitOnSignals

    app = create_application(sys.argv[:1])
    windows: list = []  # type: ignore[type-arg]
    signals = QuitOnSignals(lambda: _close_for_signal(app, windows))
    data_dir = resolve_data_dir(args.data_dir)
    try:
        lock = acquire(data_dir)
        window, store = build_window(data_dir)
        windows.append(window)
    except (LockProblem, StoreError, OSError) as exc:
        QMessageBox.critical(None, "GluteMed cannot start", str(exc))
        print(f"glutemed: {exc}", file=sys.stderr)
        return 1
    try:
        acknowledged = read_setting(store, "safety_acknowledged", False) is True
    except (ValueError, RecursionError):  # a hand-edited bad value: show the safety notes again
        acknowledged = False
    if store.recovery is not None or not acknowledged:
        window.load_icon()  # a dialog comes first and shows its parent's icon
    if store.recovery is not None:
        QMessageBox.warning(window, "Your data file was repaired", store.recovery.message())
    # A backup skipped on a full disk, a bad setting: said, not fatal.
    _print_and_show(window, [], store.notices)
    if not acknowledged and not _first_run(window, store):
        return 0  # the user chose not to go on; nothing is saved

    # Hand-edited settings are checked once the first frame is up: the check loads the
    # profile's models (~10 ms of imports), which that frame does not need.
    def check_settings() -> None:
        _print_and_show(window, store.notices, _bad_settings(store))

    window.first_painted.connect(check_settings)
    window.show()
    code = int(app.exec())
    window.first_painted.disconnect(check_settings)  # no check once the store is closed
    signals.uninstall()
    store.close()
    lock.unlock()
    return code


def _print_and_show(window, shown: list[str], new: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Print the *new* notices; the status bar shows them after those already *shown*."""
    for notice in new:
        print(f"glutemed: {notice}", file=sys.stderr)
    if new:
        window.show_status(" ".join([*shown, *new]))


def _close_for_signal(app, windows) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+C or SIGTERM: answer an open dialog with "no", then close as on Leave."""
    modal = app.activeModalWidget()
    if modal is not None:
        modal.close()
    if windows:
        windows[0].close_without_asking()
    else:
        app.quit()


def _bad_settings(store) -> list[str]:  # type: ignore[no-untyped-def]
    """One sentence per setting a hand-edited file got wrong (each falls back to its
    default wherever the app reads it)."""
    from glutemed.ops.profile import profile_problems

    return profile_problems(store)


def _first_run(window, store) -> bool:  # type: ignore[no-untyped-def]
    """The safety notes (and optional profile); only the first start pays for them."""
    from PySide6.QtWidgets import QDialog

    from glutemed.ops.profile import load_profile, save_profile
    from glutemed.ui.help.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(load_profile(store), window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    save_profile(store, dialog.profile())
    return True


def main(argv: Sequence[str] | None = None) -> int:
    from glutemed.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
