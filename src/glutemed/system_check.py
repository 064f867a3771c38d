"""Start-up guards: a usable Qt platform choice, and one clear line when the system lacks
a library Qt needs (instead of a traceback, or Qt's abort with "reinstalling may fix
this"). Qt-free at import: it must work when Qt itself cannot load.

Used by the CLI entry point (every command, the window included) and by the code that
creates the QApplication.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, MutableMapping

# ctypes, shutil and subprocess are imported where used: this module is imported on
# every start, and they are needed only when something is wrong.
Which = Callable[[str], "str | None"]

# Each system library the Qt parts of GluteMed load (Qt Core/Gui/Widgets/DBus/Multimedia,
# the xcb and Wayland platform plugins), with the package that provides it on
# Debian/Ubuntu (apt), Fedora (dnf) and Arch (pacman). tests/packaging checks that every
# library the frozen bundle links to and does not carry is listed here.
PACKAGES: dict[str, tuple[str, str, str]] = {
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": (
        "libxcb-render-util0",
        "xcb-util-renderutil",
        "xcb-util-renderutil",
    ),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libpulse.so.0": ("libpulse0", "pulseaudio-libs", "libpulse"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl", "wayland"),
    "libz.so.1": ("zlib1g", "zlib-ng-compat", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd", "zstd"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++", "gcc-libs"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc", "gcc-libs"),
    "libssl.so.3": ("libssl3", "openssl-libs", "openssl"),
    "libcrypto.so.3": ("libssl3", "openssl-libs", "openssl"),
    "libsqlite3.so.0": ("libsqlite3-0", "sqlite-libs", "sqlite"),
    "libgssapi_krb5.so.2": ("libgssapi-krb5-2", "krb5-libs", "krb5"),
    "libbrotlidec.so.1": ("libbrotli1", "brotli", "brotli"),
    "libbrotlicommon.so.1": ("libbrotli1", "brotli", "brotli"),
    "libffi.so.8": ("libffi8", "libffi", "libffi"),
    "liblzma.so.5": ("liblzma5", "xz-libs", "xz"),
    "libbz2.so.1.0": ("libbz2-1.0", "bzip2-libs", "bzip2"),
    "libexpat.so.1": ("libexpat1", "expat", "expat"),
    "libuuid.so.1": ("libuuid1", "libuuid", "util-linux-libs"),
}
# What the window needs on X11 (and XWayland) with sound; Wayland's own libraries are
# optional because the launcher falls back to xcb without them.
NEEDED_FOR_WINDOW: tuple[str, ...] = tuple(
    name
    for name in PACKAGES
    if name.startswith(
        (
            "libGL.",
            "libEGL",
            "libglib",
            "libgthread",
            "libfontconfig",
            "libfreetype",
            "libdbus",
            "libxkb",
            "libX11",
            "libxcb",
            "libpulse",
        )
    )
)
MANAGERS = (("apt", "sudo apt install"), ("dnf", "sudo dnf install"), ("pacman", "sudo pacman -S"))
# Platforms Qt may fall back to, per requested platform: a Wayland request that cannot
# reach a compositor (or lacks its libraries) opens the window through XWayland/X11.
FALLBACKS = {"wayland": "xcb", "wayland-egl": "xcb"}


def can_load(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _which(tool: str) -> str | None:
    import shutil

    return shutil.which(tool)


def missing_libraries(
    names: Iterable[str] = NEEDED_FOR_WINDOW, load: Callable[[str], bool] | None = None
) -> list[str]:
    load = load or can_load
    return [name for name in names if not load(name)]


def install_hint(missing: Iterable[str], which: Which | None = None) -> str:
    """'sudo apt install a b' for the package manager this system has, or all three."""
    names = list(missing)
    which = which or _which
    commands = []
    for index, (tool, command) in enumerate(MANAGERS):
        packages = dict.fromkeys(PACKAGES[n][index] for n in names if n in PACKAGES)
        if packages:
            commands.append((tool, f"{command} {' '.join(packages)}"))
    present = [cmd for tool, cmd in commands if which(tool)]
    if present:
        return present[0]
    return "; ".join(f"{tool}: {cmd}" for tool, cmd in commands)


def missing_message(missing: Iterable[str], which: Which | None = None) -> str:
    names = list(missing)
    return (
        f"GluteMed needs system libraries that are not installed ({', '.join(names)}). "
        f"Install them with: {install_hint(names, which)}"
    )


def library_in_error(exc: BaseException) -> str | None:
    """The library an ImportError/OSError says it could not open, if that is what it says."""
    text = str(exc)
    marker = ": cannot open shared object file"
    if marker not in text:
        return None
    return text.split(marker)[0].rsplit(" ", 1)[-1].strip("'\"")


def started_from_menu(streams: Iterable[object] = (sys.stdin, sys.stderr)) -> bool:
    """No terminal on either end: a desktop launcher started us, and stderr goes nowhere."""
    return not any(getattr(s, "isatty", lambda: False)() for s in streams if s is not None)


def show_dialog(text: str, which: Which | None = None) -> bool:
    """Tell the user in a desktop dialog (zenity, kdialog, xmessage, whichever exists)."""
    import subprocess

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    which = which or _which
    for tool, args in (
        ("zenity", ["--error", "--title=GluteMed", "--no-wrap", f"--text={text}"]),
        ("kdialog", ["--title", "GluteMed", "--error", text]),
        ("xmessage", ["-center", text]),
        ("notify-send", ["GluteMed cannot start", text]),
    ):
        path = which(tool)
        if path:
            try:
                subprocess.run([path, *args], check=False, timeout=600)
            except (OSError, subprocess.SubprocessError):
                continue
            return True
    return False


def tell_user(text: str) -> None:
    """One `glutemed:` line on stderr, and a dialog when there is no terminal to read it."""
    print(f"glutemed: {text}", file=sys.stderr)
    if started_from_menu():
        show_dialog(text)


def prepare_platform(env: MutableMapping[str, str], *, headless_ok: bool = False) -> None:
    """Never abort for a platform choice: add fallbacks to QT_QPA_PLATFORM.

    QT_QPA_PLATFORM=wayland without a compositor makes Qt abort; "wayland;xcb" lets it
    go on with X11. Commands that need no screen (self-test, report) end with offscreen.
    """
    requested = env.get("QT_QPA_PLATFORM", "")
    if not requested:
        return
    names = [n for n in requested.split(";") if n]
    plugins = [n.split(":")[0] for n in names]  # "offscreen:configfile=..." is offscreen
    fallback = FALLBACKS.get(plugins[-1])
    if fallback and fallback not in plugins:
        names.append(fallback)
        if not wayland_reachable(env):  # skip it: libwayland would only print errors
            names = [n for n in names if n.split(":")[0] not in FALLBACKS]
    if headless_ok and "offscreen" not in plugins:
        names.append("offscreen")
    env["QT_QPA_PLATFORM"] = ";".join(names)


def wayland_reachable(env: Mapping[str, str]) -> bool:
    """Whether a Wayland compositor's socket exists where libwayland would look."""
    display = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if os.path.isabs(display):
        return os.path.exists(display)
    runtime = env.get("XDG_RUNTIME_DIR")
    return bool(runtime) and os.path.exists(os.path.join(runtime, display))


def no_platform_message(env: Mapping[str, str], qt_message: str) -> str:
    missing = missing_libraries(NEEDED_FOR_WINDOW)
    if missing:
        return missing_message(missing)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return (
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "start GluteMed from a desktop session"
        )
    first = qt_message.strip().splitlines()[0] if qt_message.strip() else "no reason given"
    requested = env.get("QT_QPA_PLATFORM") or "the default platform"
    return f"Qt could not open a window with {requested}: {first}"


class QtGuard:
    """Qt message handler for start-up. While the QApplication is being made, Qt's notes
    on platforms it tried and dropped (Wayland without a compositor before falling back
    to xcb) are held back: they read like failures when start-up goes on fine. If no
    platform starts, Qt's fatal error becomes one clear line and exit status 1 instead
    of an abort. GLUTEMED_DEBUG=1 prints what was held back."""

    def __init__(self) -> None:
        self.held: list[str] = []
        self.starting = True

    def started(self) -> None:
        if os.environ.get("GLUTEMED_DEBUG"):
            for line in self.held:
                print(line, file=sys.stderr)
        self.held.clear()
        self.starting = False

    def handle(self, fatal: bool, category: str | None, message: str) -> None:
        if fatal:
            self.started()
            tell_user(no_platform_message(os.environ, message))
            sys.stderr.flush()
            os._exit(1)  # Qt would abort() right after this handler returns
        prefix = f"{category}: " if category and category != "default" else ""
        if self.starting:
            self.held.append(prefix + message)
        else:
            print(prefix + message, file=sys.stderr)


def install_qt_guard() -> QtGuard:
    """Install a QtGuard as Qt's message handler; call .started() once the app exists."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    guard = QtGuard()
    fatal = QtMsgType.QtFatalMsg
    qInstallMessageHandler(lambda kind, ctx, msg: guard.handle(kind == fatal, ctx.category, msg))
    return guard
