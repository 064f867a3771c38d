"""What the GluteMed bundle keeps of Qt, used by glutemed.spec (and by size_report.py).

PyInstaller's Qt hooks collect every plugin type and translation a Qt module *might* use.
GluteMed needs far less; the rules below say what stays, and ``prune`` logs what goes and
how many bytes that saves. packaging/README.md has the measured numbers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

QT_PREFIX = "PySide6/Qt/"

# Python modules of PySide6 that are always kept; any other PySide6.QtXxx is kept only
# when src/glutemed imports it (see used_qt_modules).
BASE_QT_MODULES = {"QtCore", "QtGui", "QtWidgets"}

# Qt plugins kept, by plugin type, as file stems without "lib" and extension (so one
# list serves .so, .dll and .dylib); a type that is not listed is dropped whole.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # offscreen: self-test and CI; xcb: X11 and XWayland; wayland: the default session on
    # GNOME and KDE, and the only one on Sway/Hyprland setups without XWayland (the
    # launcher falls back to xcb when no compositor answers); cocoa and windows natively.
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qcocoa", "qwindows"},
    # What the Wayland plugin needs to show a window: the xdg-shell protocol (every
    # current compositor), EGL buffers for OpenGL, and Qt's own title bar for compositors
    # that leave decorations to the client (GNOME). Not adwaita: it pulls in QtSvg.
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    "wayland-decoration-client": {"bradient"},
    # Compose key / dead keys and IBus input methods, so notes can hold any character.
    # (Not the Qt virtual keyboard: it drags in Qt Quick and QML, about 25 MB.)
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    # Native file dialogs through the desktop portal (small; gtk3 theme needs GTK).
    "platformthemes": {"qxdgdesktopportal"},
    # The FFmpeg backend (with Qt's own FFmpeg libraries, which it links to): the camera
    # test and `stance analyse` read frames through QMediaPlayer/QCamera -> QVideoSink.
    "multimedia": {"ffmpegmediaplugin"},
}
# PySide6 modules that import others when loaded (shiboken fails the import otherwise).
QT_MODULE_DEPS: dict[str, set[str]] = {
    "QtMultimedia": {"QtNetwork", "QtGui"},
    "QtMultimediaWidgets": {"QtMultimedia", "QtWidgets"},
    "QtSvgWidgets": {"QtSvg", "QtWidgets"},
    "QtOpenGLWidgets": {"QtOpenGL", "QtWidgets"},
    "QtPrintSupport": {"QtWidgets"},
    "QtTextToSpeech": {"QtCore"},
}
# Qt modules that libraries the app uses import unconditionally.
QT_FOR_LIBRARY: dict[str, set[str]] = {
    # pyqtgraph 0.14 imports QtOpenGL(Widgets) at import time (Qt/OpenGLHelpers.py);
    # its QtSvg and QtTest imports are optional and stay out.
    "pyqtgraph": {"QtOpenGL", "QtOpenGLWidgets"},
}
# Plugin types that follow a kept Python module (added by keep_plugins_for).
PLUGINS_FOR_MODULE: dict[str, dict[str, set[str] | None]] = {
    "QtSvg": {"imageformats": {"qsvg"}, "iconengines": {"qsvgicon"}},
    # Every real speech engine (speech-dispatcher, SAPI, WinRT, macOS), not Qt's "mock".
    "QtTextToSpeech": {
        "texttospeech": {
            "qtexttospeech_speechd",
            "qtexttospeech_flite",
            "qtexttospeech_sapi",
            "qtexttospeech_winrt",
            "qtexttospeech_darwin",
        }
    },
}
# PyInstaller runtime hooks that run before the app's first line although GluteMed never
# uses what they set up: multiprocessing (no child processes), pkgutil (no module
# discovery) and pyqtgraph's multiprocess bootstrap. Together they cost about 15-25 ms
# of every start (importing multiprocessing, pkgutil and their dependencies); the
# modules stay in the bundle. tests/unit/test_prune.py checks the app imports none.
UNUSED_RUNTIME_HOOKS = {
    "pyi_rth_multiprocessing",
    "pyi_rth_pkgutil",
    "pyi_rth_pyqtgraph_multiprocess",
}
RUNTIME_HOOK_MODULES = ("multiprocessing", "pkgutil", "pyqtgraph.multiprocess")

# The app's UI is English only, so no Qt translations are shipped.
KEEP_TRANSLATIONS: set[str] = set()

_IMPORT_RE = re.compile(
    r"(?:from\s+PySide6\.(Qt\w+)\s+import|from\s+PySide6\s+import\s+([\w ,()]+)"
    r"|import\s+PySide6\.(Qt\w+))"
)


def used_qt_modules(src_dir: Path) -> set[str]:
    """Qt modules the app's own code imports, plus the three every Qt widget app needs."""
    used = set(BASE_QT_MODULES)
    for path in src_dir.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for library, modules in QT_FOR_LIBRARY.items():
            if re.search(rf"^\s*(from|import)\s+{library}\b", text, re.MULTILINE):
                used |= modules
        for match in _IMPORT_RE.finditer(text):
            names = match.group(1) or match.group(3) or match.group(2)
            used.update(n.strip("() ") for n in names.split(",") if n.strip("() ").startswith("Qt"))
    todo = list(used)
    while todo:
        for dep in QT_MODULE_DEPS.get(todo.pop(), set()) - used:
            used.add(dep)
            todo.append(dep)
    return used


def excluded_qt_modules(pyside_dir: Path, keep: set[str]) -> list[str]:
    """Every PySide6.QtXxx extension in the installed PySide6 that is not in *keep*."""
    names = {p.name.split(".")[0] for p in pyside_dir.glob("Qt*.abi3.so")}
    names |= {p.name.split(".")[0] for p in pyside_dir.glob("Qt*.pyd")}
    return sorted(f"PySide6.{n}" for n in names - keep)


def keep_plugins_for(modules: set[str]) -> dict[str, set[str] | None]:
    keep = {k: (None if v is None else set(v)) for k, v in KEEP_PLUGINS.items()}
    for module in modules:
        for ptype, files in PLUGINS_FOR_MODULE.get(module, {}).items():
            if files is None or keep.get(ptype, set()) is None:
                keep[ptype] = None
            else:
                keep.setdefault(ptype, set()).update(files)
    return keep


def _stem(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def category(dest: str, keep_plugins: dict[str, set[str] | None]) -> str | None:
    """Why *dest* (a bundle-relative path) is dropped, or None when it stays."""
    dest = dest.replace("\\", "/")
    if not dest.startswith(QT_PREFIX):
        return None
    rest = dest[len(QT_PREFIX) :]
    if rest.startswith("translations/"):
        return None if Path(rest).name in KEEP_TRANSLATIONS else "translations"
    if rest.startswith("plugins/"):
        parts = rest.split("/")
        ptype, name = parts[1], _stem(parts[-1])
        if ptype not in keep_plugins:
            return f"plugins/{ptype}"
        wanted = keep_plugins[ptype]
        return None if wanted is None or name in wanted else f"plugins/{ptype} (unused files)"
    return None


def _needed(path: str) -> list[str]:
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def orphaned_libs(binaries: list[tuple[str, str, str]]) -> set[str]:
    """Bundled shared libraries that nothing left in the bundle links to any more.

    Roots are Python extensions, Qt plugins, libpython and executables; a plain library
    (Qt's lib/ folder or the bundle's top level) stays only if a root reaches it.
    """
    if not sys.platform.startswith("linux"):
        return set()  # Qt DLLs and frameworks are not analysed here; nothing is dropped
    by_name: dict[str, tuple[str, str]] = {}
    roots: list[str] = []
    for dest, src, _kind in binaries:
        dest = dest.replace("\\", "/")
        name = Path(dest).name
        plain_lib = (dest.startswith(QT_PREFIX + "lib/") or "/" not in dest) and ".so" in name
        if plain_lib and not name.startswith("libpython"):
            by_name[name] = (dest, src)
        else:
            roots.append(src)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        for needed in _needed(todo.pop()):
            if needed in by_name and needed not in seen:
                seen.add(needed)
                todo.append(by_name[needed][1])
    return {dest for name, (dest, _src) in by_name.items() if name not in seen}


def prune(
    toc: Iterable[tuple[str, str, str]],
    keep_plugins: dict[str, set[str] | None],
    report: dict[str, list[tuple[str, int]]],
) -> list[tuple[str, str, str]]:
    kept = []
    for entry in toc:
        why = category(entry[0], keep_plugins)
        if why is None:
            kept.append(entry)
        else:
            report[why].append((entry[0], Path(entry[1]).stat().st_size))
    return kept


def prune_binaries(
    binaries: list[tuple[str, str, str]],
    keep_plugins: dict[str, set[str] | None],
    report: dict[str, list[tuple[str, int]]],
) -> list[tuple[str, str, str]]:
    kept = prune(binaries, keep_plugins, report)
    orphans = orphaned_libs(kept)
    for dest, src, _kind in kept:
        if dest.replace("\\", "/") in orphans:
            report["orphaned libraries"].append((dest, Path(src).stat().st_size))
    return [e for e in kept if e[0].replace("\\", "/") not in orphans]


def write_report(report: dict[str, list[tuple[str, int]]], path: Path) -> None:
    lines = ["# bytes saved by each pruning rule (files dropped after PyInstaller's analysis)"]
    total = 0
    for why in sorted(report, key=lambda k: -sum(s for _, s in report[k])):
        size = sum(s for _, s in report[why])
        total += size
        lines.append(f"{size / 1e6:9.2f} MB  {why}  ({len(report[why])} files)")
        lines += [
            f"{'':14}{s / 1e6:7.2f} MB  {d}"
            for d, s in sorted(report[why], key=lambda x: -x[1])[:8]
        ]
    lines.append(f"{total / 1e6:9.2f} MB  total")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def new_report() -> dict[str, list[tuple[str, int]]]:
    return defaultdict(list)


def _is_system_file(src: str) -> bool:
    real = str(Path(src).resolve())
    return real.startswith(("/lib/", "/usr/lib/", "/lib64/", "/usr/lib64/"))


def drop_system_libs(
    binaries: list[tuple[str, str, str]],
    report: dict[str, list[tuple[str, int]]],
) -> list[tuple[str, str, str]]:
    """Leave out libraries PyInstaller copied from the build machine's /usr/lib.

    The .deb declares their packages in Depends instead (computed from the bundle by
    packaging/linux/stage.py), so security updates reach them and a distribution's
    newer Mesa never meets an older bundled libstdc++.
    """
    kept = []
    for entry in binaries:
        dest = entry[0].replace("\\", "/")
        name = Path(dest).name
        if "/" not in dest and not name.startswith("libpython") and _is_system_file(entry[1]):
            report["system libraries (declared in Depends)"].append(
                (dest, Path(entry[1]).stat().st_size)
            )
        else:
            kept.append(entry)
    return kept


def _sections(path: str) -> str:
    return subprocess.run(
        ["readelf", "-S", "-d", "-W", path], capture_output=True, text=True
    ).stdout


def clean_elf(folder: Path, report: dict[str, list[tuple[str, int]]]) -> None:
    """Clean, in place, the build machine's own Python (libpython, lib-dynload): strip its
    symbol tables (``--strip-unneeded`` keeps the dynamic symbols linking needs) and drop
    the RUNPATH that points into the build machine's Python install (patchelf).

    Libraries from wheels stay as they are: auditwheel rewrote their headers with
    patchelf, and strip breaks such files ("ELF load command address/offset not
    page-aligned", seen with numpy's OpenBLAS)."""
    for path in sorted(folder.rglob("*.so*")):
        rel = path.relative_to(folder).as_posix()
        own_python = path.name.startswith("libpython") or "/lib-dynload/" in rel
        if path.is_symlink() or not path.is_file() or not own_python:
            continue
        info = _sections(str(path))
        symtab = " .symtab " in info
        runpath = "(RUNPATH)" in info or "(RPATH)" in info
        before = path.stat().st_size
        if symtab:
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)
        if runpath:
            subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True)
        if symtab or runpath:
            report["symbol tables (strip --strip-unneeded)"].append(
                (str(path.relative_to(folder)), before - path.stat().st_size)
            )


def drop_runtime_hooks(scripts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Analysis.scripts without the runtime hooks in UNUSED_RUNTIME_HOOKS."""
    return [entry for entry in scripts if entry[0] not in UNUSED_RUNTIME_HOOKS]
