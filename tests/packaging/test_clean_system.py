"""Installed as a user would on a minimal Debian 12 (debootstrap --variant=minbase).

The .deb goes in with the README's first package list and apt; the tarball is tried on
the bare system (a clear message, not a traceback) and on the equipped one. Windows go to
an Xvfb on the host: X clients in the chroot reach it through its abstract socket.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from clean_root import Chroot, log
from clip_check import CLIP, check_one_lift_on_the_left
from xvfb import Xvfb, window_titles

from conftest import ROOT, Build

APP_ID = "io.github.glutemed.GluteMed"
CHROOT = shutil.which("chroot") or "/usr/sbin/chroot"  # the app's PATH has no sbin


def readme_packages() -> list[str]:
    """The apt packages of the README's first command (install and start the app)."""
    command = re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())[0]
    words = command.split("apt-get install -y", 1)[1].split("&&", 1)[0].split()
    return [w for w in words if not w.startswith("-")]


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output, output
    return output


def _unpack_tarball(chroot: Chroot, build: Build) -> str:
    with tarfile.open(build.tarball) as archive:
        archive.extractall(chroot.path("/opt"), filter="tar")
    return f"/opt/glutemed-{build.version}-linux-x86_64"


def _start_gui(chroot: Chroot, display: str, platform: str, shot: Path) -> list[str]:
    """Start `glutemed` as a user would, wait for its window, screenshot the screen."""
    proc = subprocess.Popen(
        [CHROOT, str(chroot.root), "/usr/bin/glutemed"],
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": "/root",
            "DISPLAY": display,
            "QT_QPA_PLATFORM": platform,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not any("GluteMed" in t for t in window_titles(display)):
            if proc.poll() is not None:
                pytest.fail(f"glutemed exited {proc.returncode}: {proc.stdout.read()}")  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "no GluteMed window within 60 s"
            time.sleep(0.2)
        # The window paints after it is mapped: shoot until it shows (or 30 s have passed;
        # the caller's check then says the picture is empty).
        painted_by = time.monotonic() + 30
        while True:
            grab = ["import", "-window", "root", "-display", display, str(shot)]
            subprocess.run(grab, check=True)
            if _distinct_colours(shot) > 50 or time.monotonic() > painted_by:
                return window_titles(display)
            time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(20)


def _distinct_colours(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as image:
        return len(image.convert("RGB").getcolors(1 << 20) or [])


def _need_root() -> None:
    if os.geteuid() != 0:
        pytest.fail("chroot and mount need root (.ci/packaging runs as root)")


@pytest.fixture(scope="module")
def equipped(build: Build) -> Iterator[Chroot]:
    """Minimal Debian 12 + the README's first package list + the .deb through apt."""
    _need_root()
    with Chroot("equipped") as chroot:
        started = time.monotonic()
        packages = " ".join(readme_packages())
        _ok(chroot.run(f"apt-get update -qq && apt-get install -y -qq {packages}"))
        log(f"README packages installed in {time.monotonic() - started:.0f} s")
        started = time.monotonic()
        deb = chroot.copy_in(build.deb, f"/tmp/{build.deb.name}")
        _ok(chroot.run(f"apt-get install -y -qq {deb}"))
        log(f".deb installed with apt in {time.monotonic() - started:.0f} s")
        yield chroot


@pytest.fixture(scope="module")
def bare(build: Build) -> Iterator[Chroot]:
    _need_root()
    with Chroot("bare") as chroot:
        yield chroot


def test_bare_system_has_neither_python_nor_qt_libraries(bare: Chroot) -> None:
    """The check is only worth something if the system really is minimal."""
    assert not bare.path("/usr/bin/python3").exists()
    result = bare.run("ls /usr/lib/x86_64-linux-gnu/ | grep -c -e '^libGL.so.1' -e '^libxcb.so.1'")
    assert result.stdout.strip() == "0"


def test_tarball_on_a_bare_system_says_which_packages_to_install(
    bare: Chroot, build: Build
) -> None:
    folder = _unpack_tarball(bare, build)
    version = bare.run(f"{folder}/glutemed --version")
    assert version.stdout.strip() == f"glutemed {build.version}", version.stderr
    for command in ("self-test", ""):
        result = bare.run(f"{folder}/glutemed {command} </dev/null")
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("glutemed: GluteMed needs system libraries")
        assert "libGL.so.1" in lines[0]
        # apt is the package manager there, so its command is the one given.
        assert "sudo apt install " in lines[0] and "libgl1" in lines[0]
        assert "libxcb-cursor0" in lines[0]


def test_deb_on_minimal_debian_runs_version_and_self_test(equipped: Chroot, build: Build) -> None:
    assert equipped.run("glutemed --version").stdout.strip() == f"glutemed {build.version}"
    output = _ok(equipped.run("glutemed self-test", QT_QPA_PLATFORM="offscreen"))
    assert "self-test passed" in output
    assert equipped.path(f"/usr/share/applications/{APP_ID}.desktop").is_file()
    assert equipped.path(f"/usr/share/icons/hicolor/256x256/apps/{APP_ID}.png").is_file()


def test_deb_on_minimal_debian_opens_its_window_on_x(equipped: Chroot, tmp_path: Path) -> None:
    with Xvfb() as display:
        output = _ok(equipped.run("glutemed self-test", DISPLAY=display, QT_QPA_PLATFORM="xcb"))
        assert "self-test passed" in output
        shot = ROOT / "build" / "clean-system-window.png"
        titles = _start_gui(equipped, display, "xcb", shot)
    assert any("GluteMed" in t for t in titles)
    assert _distinct_colours(shot) > 50, f"{shot} looks empty"


def test_wayland_request_without_a_compositor_falls_back(equipped: Chroot) -> None:
    """QT_QPA_PLATFORM=wayland (Sway/Hyprland setups) with no compositor running: the
    self-test passes offscreen, and the window opens through X11."""
    output = _ok(equipped.run("glutemed self-test", QT_QPA_PLATFORM="wayland"))
    assert "self-test passed" in output
    with Xvfb() as display:
        shot = ROOT / "build" / "clean-system-wayland-fallback.png"
        titles = _start_gui(equipped, display, "wayland", shot)
    assert any("GluteMed" in t for t in titles)


def test_deb_on_minimal_debian_analyses_a_video_offline(equipped: Chroot) -> None:
    """The camera part works from the installed package alone: LiteRT and the pose models
    from the bundle, the video read by Qt's FFmpeg backend, no network (a new network
    namespace), nothing from the host."""
    clip = equipped.copy_in(CLIP, f"/tmp/{CLIP.name}")
    result = equipped.run(
        f"unshare --net glutemed stance analyse {clip} --json", QT_QPA_PLATFORM="offscreen"
    )
    _ok(result)
    check_one_lift_on_the_left(result.stdout)


def test_tarball_on_the_equipped_system_passes_its_self_test(
    equipped: Chroot, build: Build
) -> None:
    folder = _unpack_tarball(equipped, build)
    output = _ok(equipped.run(f"{folder}/glutemed self-test", QT_QPA_PLATFORM="offscreen"))
    assert "self-test passed" in output


def test_purge_on_minimal_debian_keeps_user_data(equipped: Chroot) -> None:
    _ok(equipped.run("glutemed backup"))
    data = equipped.path("/root/.local/share/GluteMed/glutemed.sqlite3")
    before = data.read_bytes()
    _ok(equipped.run("apt-get purge -y -qq glutemed"))
    assert not equipped.path("/usr/lib/glutemed").exists()
    assert data.read_bytes() == before
