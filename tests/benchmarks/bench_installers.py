"""Installer benchmarks: deb_size_ratio, installed_size_ratio, frozen_startup_ratio.

Builds in the same run, with the build/venv that packaging/build-linux uses:
- a naive PyInstaller one-folder bundle of a bare pyqtgraph window (one PlotWidget,
  PyInstaller's defaults, nothing pruned), the yardstick for the two size ratios;
- a frozen bare PySide6 window (a QLabel), the yardstick for start-up time.
GluteMed's .deb comes from packaging/build-linux (reused from dist/ with --quick).

Start-up is measured the way a user starts the app on a clean Debian 12: the .deb is
installed with apt into a minimal debootstrap root (tests/packaging/clean_root.py, cached
in /var/cache/glutemed-ci), the frozen bare window is copied beside it, and both are run
as `/usr/bin/glutemed` / `/opt/bare_window/bare_window` in that root, showing on an Xvfb
of the host. Time is from spawning the process to its first window being mapped
(xwininfo polled every few ms; Qt paints on the expose that follows), median of several
alternating runs with a warm page cache; GluteMed starts with the user's default data
folder, its first-run safety notice already accepted, like every start after the first.
Needs root (chroot), Xvfb and xwininfo (x11-utils). Slow (minutes): by hand or run.py.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "build" / "bench"
VENV_PYINSTALLER = ROOT / "build" / "venv" / "bin" / "pyinstaller"

Row = tuple[str, float, str, str]

BARE_PLOT = """\
import sys
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv)
plot = pg.PlotWidget(title="bare-plot")
plot.plot([1, 2, 3, 4], [3, 1, 4, 1])
plot.show()
sys.exit(app.exec())
"""
BARE_WINDOW = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
window = QLabel("Hello")
window.setWindowTitle("bare-window")
window.resize(1180, 780)
window.show()
sys.exit(app.exec())
"""


def _version() -> str:
    out = subprocess.run(
        ["python3", str(ROOT / "packaging" / "version.py"), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def _tree_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def _freeze_naive(name: str, source: str, reuse: bool) -> Path:
    """PyInstaller defaults, one folder: what a first attempt at packaging would ship."""
    bundle = BENCH / "dist" / name
    if reuse and (bundle / name).exists():
        return bundle
    script = BENCH / "src" / f"{name}.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(source, encoding="utf-8")
    subprocess.run(
        [
            str(VENV_PYINSTALLER),
            "--noconfirm",
            "--onedir",
            "--log-level",
            "WARN",
            "--distpath",
            str(BENCH / "dist"),
            "--workpath",
            str(BENCH / "work"),
            "--specpath",
            str(BENCH / "spec"),
            str(script),
        ],
        check=True,
        capture_output=True,
    )
    return bundle


def _deb(reuse: bool) -> Path:
    deb = ROOT / "dist" / f"glutemed_{_version()}_amd64.deb"
    if not (reuse and deb.exists()):
        subprocess.run([str(ROOT / "packaging" / "build-linux")], check=True, capture_output=True)
    return deb


def _txz_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "naive.tar.xz"
        with tarfile.open(out, "w:xz", preset=9) as archive:
            archive.add(folder, arcname=folder.name)
        return out.stat().st_size


def _mapped(display: str, title: re.Pattern[str]) -> bool:
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True
    ).stdout
    for line in tree.splitlines():
        match = re.match(r'\s*(0x[0-9a-f]+) "(.*?)"', line)
        if match and title.search(match.group(2)):
            info = subprocess.run(
                ["xwininfo", "-id", match.group(1)], env=env, capture_output=True, text=True
            ).stdout
            if "IsViewable" in info:
                return True
    return False


class _NoDisplay(RuntimeError):
    """Qt could not connect to the Xvfb (seen a few times in a hundred on a loaded machine,
    either program): that start measured nothing and is made again."""


def _time_to_window(cmd: list[str], title: str, display: str, env: dict[str, str]) -> float:
    for attempt in range(3):
        try:
            return _one_start(cmd, title, display, env)
        except _NoDisplay:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _one_start(cmd: list[str], title: str, display: str, env: dict[str, str]) -> float:
    pattern = re.compile(title)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, env={**env, "DISPLAY": display}, stdout=subprocess.DEVNULL, stderr=errors
        )
        try:
            while not _mapped(display, pattern):
                if proc.poll() is not None:
                    errors.seek(0)
                    said = errors.read().decode(errors="replace")
                    failure = f"{cmd[-1]} exited ({proc.returncode}) before showing a window"
                    if "could not connect to display" in said:
                        raise _NoDisplay(failure)
                    raise RuntimeError(f"{failure}: {said[-500:]}")
                if time.perf_counter() - started > 60:
                    raise RuntimeError(f"{cmd[-1]} showed no window within 60 s")
                time.sleep(0.003)
            return time.perf_counter() - started
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _accepted_data_dir(folder: Path) -> Path:
    from glutemed.store import open_store
    from glutemed.store.profile import load_profile, save_profile

    store = open_store(folder)
    profile = load_profile(store)
    profile.safety_acknowledged = True
    save_profile(store, profile)
    store.close()
    return folder


def _startup_on_clean_debian(deb: Path, bare: Path, runs: int) -> tuple[float, float]:
    """Median seconds to a mapped window: (GluteMed from the installed .deb, bare window)."""
    sys.path.insert(0, str(ROOT / "tests" / "packaging"))
    from clean_root import Chroot
    from xvfb import Xvfb

    with Chroot("bench-startup") as chroot:
        inside = chroot.copy_in(deb, f"/tmp/{deb.name}")
        done = chroot.run(f"apt-get update -qq && apt-get install -y -qq {inside}")
        if done.returncode != 0:
            raise RuntimeError(f"apt-get install of the .deb failed: {done.stderr}")
        shutil.copytree(bare, chroot.path("/opt/bare_window"), symlinks=True)
        _accepted_data_dir(chroot.path("/root/.local/share/GluteMed"))
        env = {"PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8"}
        chroot_cmd = shutil.which("chroot") or "/usr/sbin/chroot"  # env's PATH has no sbin
        app_cmd = [chroot_cmd, str(chroot.root), "/usr/bin/glutemed"]
        bare_cmd = [chroot_cmd, str(chroot.root), "/opt/bare_window/bare_window"]
        app_times, bare_times = [], []
        with Xvfb() as display:
            _time_to_window(app_cmd, "GluteMed", display, env)  # warm the page cache
            _time_to_window(bare_cmd, "^bare-window$", display, env)
            for _ in range(runs):  # alternate so both see the same machine state
                bare_times.append(_time_to_window(bare_cmd, "^bare-window$", display, env))
                app_times.append(_time_to_window(app_cmd, "GluteMed", display, env))
    return statistics.median(app_times), statistics.median(bare_times)


def run(quick: bool) -> list[Row]:
    naive = _freeze_naive("bare_plot", BARE_PLOT, reuse=quick)
    bare = _freeze_naive("bare_window", BARE_WINDOW, reuse=quick)
    deb = _deb(reuse=quick)
    naive_bytes = _tree_bytes(naive)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        installed = _tree_bytes(root)
    app_s, bare_s = _startup_on_clean_debian(deb, bare, 5 if quick else 9)
    return [
        ("deb_size_ratio", round(deb.stat().st_size / _txz_bytes(naive), 3), "x", "<= 1.0"),
        ("installed_size_ratio", round(installed / naive_bytes, 3), "x", "<= 0.8"),
        ("frozen_startup_ratio", round(app_s / bare_s, 2), "x", "<= 1.5"),
        ("deb_size_mb", round(deb.stat().st_size / 1e6, 1), "MB", "info"),
        ("installed_size_mb", round(installed / 1e6, 1), "MB", "info"),
        ("naive_pyqtgraph_bundle_mb", round(naive_bytes / 1e6, 1), "MB", "info"),
        ("frozen_startup_ms", round(app_s * 1000), "ms", f"info (bare {bare_s * 1000:.0f} ms)"),
    ]
