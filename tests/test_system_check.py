"""Start-up guards: platform fallbacks and one clear line for a missing system library."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from glutemed import system_check
from glutemed.cli import main

SRC = Path(__file__).resolve().parents[1] / "src"
MISSING_GL = "libGL.so.1: cannot open shared object file: No such file or directory"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(PYTHONPATH=str(SRC), **extra)
    return env


@pytest.mark.parametrize(
    ("requested", "headless_ok", "expected"),
    [
        ("wayland", False, "wayland;xcb"),
        ("wayland", True, "wayland;xcb;offscreen"),
        ("wayland-egl", False, "wayland-egl;xcb"),
        ("wayland;xcb", False, "wayland;xcb"),
        ("xcb", False, "xcb"),
        ("xcb", True, "xcb;offscreen"),
        ("offscreen:configfile=/tmp/s.json", True, "offscreen:configfile=/tmp/s.json"),
    ],
)
def test_a_platform_choice_gets_fallbacks(
    requested: str, headless_ok: bool, expected: str, tmp_path: Path
) -> None:
    (tmp_path / "wayland-1").touch()  # a compositor's socket
    env = {"QT_QPA_PLATFORM": requested, "XDG_RUNTIME_DIR": str(tmp_path)}
    env["WAYLAND_DISPLAY"] = "wayland-1"
    system_check.prepare_platform(env, headless_ok=headless_ok)
    assert env["QT_QPA_PLATFORM"] == expected


def test_wayland_without_a_compositor_socket_goes_straight_to_xcb(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    system_check.prepare_platform(env, headless_ok=False)
    assert env["QT_QPA_PLATFORM"] == "xcb"
    env = {"QT_QPA_PLATFORM": "wayland"}  # no runtime folder at all
    system_check.prepare_platform(env, headless_ok=True)
    assert env["QT_QPA_PLATFORM"] == "xcb;offscreen"
    (tmp_path / "wayland-0").touch()  # libwayland's default name
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    system_check.prepare_platform(env, headless_ok=False)
    assert env["QT_QPA_PLATFORM"] == "wayland;xcb"


def test_no_platform_choice_is_left_to_qt() -> None:
    env: dict[str, str] = {}
    system_check.prepare_platform(env, headless_ok=True)
    assert env == {}


def test_missing_libraries_uses_the_loader() -> None:
    present = {"libGL.so.1", "libX11.so.6"}
    missing = system_check.missing_libraries(
        ["libGL.so.1", "libglib-2.0.so.0", "libX11.so.6"], load=present.__contains__
    )
    assert missing == ["libglib-2.0.so.0"]


def test_a_library_this_machine_has_loads() -> None:
    assert system_check.can_load("libc.so.6")
    assert not system_check.can_load("libglutemed-does-not-exist.so.9")


def test_hint_names_the_package_of_the_system_package_manager() -> None:
    libs = ["libGL.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libxcb-cursor.so.0"]
    apt = system_check.install_hint(libs, which=lambda t: "/usr/bin/apt" if t == "apt" else None)
    assert apt == "sudo apt install libgl1 libglib2.0-0 libxcb-cursor0"
    dnf = system_check.install_hint(libs, which=lambda t: "/bin/dnf" if t == "dnf" else None)
    assert dnf == "sudo dnf install libglvnd-glx glib2 xcb-util-cursor"
    pacman = system_check.install_hint(libs, which=lambda t: "/x" if t == "pacman" else None)
    assert pacman == "sudo pacman -S libglvnd glib2 xcb-util-cursor"


def test_hint_gives_all_three_when_no_package_manager_is_known() -> None:
    hint = system_check.install_hint(["libpulse.so.0"], which=lambda t: None)
    assert hint == (
        "apt: sudo apt install libpulse0; dnf: sudo dnf install pulseaudio-libs; "
        "pacman: sudo pacman -S libpulse"
    )


def test_every_library_qt_needs_for_the_window_has_packages() -> None:
    assert "libxcb-cursor.so.0" in system_check.NEEDED_FOR_WINDOW
    assert "libwayland-client.so.0" not in system_check.NEEDED_FOR_WINDOW  # xcb suffices
    for name in system_check.NEEDED_FOR_WINDOW:
        assert all(system_check.PACKAGES[name]), name


def test_library_named_in_an_import_error() -> None:
    assert system_check.library_in_error(ImportError(MISSING_GL)) == "libGL.so.1"
    assert system_check.library_in_error(ImportError("No module named 'x'")) is None


def test_cli_turns_a_missing_library_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import glutemed.app

    def broken_gui(args: object) -> int:
        raise ImportError(MISSING_GL)

    monkeypatch.setattr(glutemed.app, "run_gui", broken_gui)
    monkeypatch.setattr(system_check, "can_load", lambda name: name != "libxcb-cursor.so.0")
    monkeypatch.setattr(system_check, "_which", lambda t: "/usr/bin/apt" if t == "apt" else None)
    monkeypatch.setattr(system_check, "started_from_menu", lambda: False)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("glutemed: ")
    assert "libGL.so.1, libxcb-cursor.so.0" in err
    assert err.rstrip().endswith("sudo apt install libgl1 libxcb-cursor0")


def test_other_import_errors_are_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    import glutemed.app

    def broken_gui(args: object) -> int:
        raise ImportError("No module named 'glutemed.ui.missing'")

    monkeypatch.setattr(glutemed.app, "run_gui", broken_gui)
    with pytest.raises(ImportError):
        main([])


def test_started_from_menu_means_no_terminal() -> None:
    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    assert system_check.started_from_menu([Stream(False), Stream(False)])
    assert not system_check.started_from_menu([Stream(False), Stream(True)])


def _fake_dialog(folder: Path, name: str) -> Path:
    """A stand-in dialog tool that records its arguments."""
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{folder}/{name}.args"\n')
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return tool


def test_dialog_uses_the_first_tool_there_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kdialog = _fake_dialog(tmp_path, "kdialog")
    monkeypatch.setenv("DISPLAY", ":5")
    tools = {"kdialog": str(kdialog)}
    assert system_check.show_dialog("libGL.so.1 is missing", which=tools.get)
    assert (tmp_path / "kdialog.args").read_text().splitlines() == [
        "--title",
        "GluteMed",
        "--error",
        "libGL.so.1 is missing",
    ]


def test_no_dialog_without_a_display(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    zenity = _fake_dialog(tmp_path, "zenity")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not system_check.show_dialog("x", which={"zenity": str(zenity)}.get)
    assert not (tmp_path / "zenity.args").exists()


def test_held_qt_notes_are_dropped_once_started(capsys: pytest.CaptureFixture[str]) -> None:
    guard = system_check.QtGuard()
    guard.handle(False, "qt.qpa.plugin", 'Could not load the Qt platform plugin "wayland"')
    guard.started()
    guard.handle(False, "default", "later warning")
    assert capsys.readouterr().err == "later warning\n"


def test_window_without_any_display_says_so_in_one_line(tmp_path: Path) -> None:
    """Qt aborts (exit 134) when no platform starts; the guard turns it into one line."""
    result = subprocess.run(
        [sys.executable, "-m", "glutemed"],
        env=_env(QT_QPA_PLATFORM="wayland", GLUTEMED_DATA_DIR=str(tmp_path / "data")),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("glutemed:")]
    assert lines == [
        "glutemed: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
        "set); start GluteMed from a desktop session"
    ]
    assert "Traceback" not in result.stderr and "Reinstalling" not in result.stderr


def test_from_the_menu_the_failure_shows_in_a_dialog(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_dialog(bin_dir, "zenity")
    result = subprocess.run(
        [sys.executable, "-m", "glutemed"],
        env=_env(
            DISPLAY=":97",  # nothing listens there
            QT_QPA_PLATFORM="xcb",
            PATH=f"{bin_dir}:{os.environ['PATH']}",
            GLUTEMED_DATA_DIR=str(tmp_path / "data"),
        ),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    args = (bin_dir / "zenity.args").read_text().splitlines()
    assert args[0] == "--error"
    assert args[-1].startswith("--text=Qt could not open a window with xcb")


def test_self_test_with_wayland_and_no_compositor_falls_back(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "glutemed", "self-test"],
        env=_env(QT_QPA_PLATFORM="wayland", XDG_RUNTIME_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_self_test_silences_pipewire_s_own_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Debian 13 has libpipewire without a client configuration in a bare session; it
    prints two config errors before the report unless its log level is 0."""
    from glutemed import self_test

    for name in ("PIPEWIRE_DEBUG", "QT_LOGGING_RULES"):  # self_test sets them; restored after
        monkeypatch.delenv(name, raising=False)
    seen: list[str | None] = []
    monkeypatch.setattr(
        self_test,
        "checks",
        lambda: [("env", lambda tmp: str(seen.append(os.environ.get("PIPEWIRE_DEBUG"))))],
    )
    assert self_test.self_test(lambda line: None) == 0
    assert seen == ["0"]
