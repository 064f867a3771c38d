"""Installing and removing: the system package and the portable tarball leave user data alone."""

from __future__ import annotations

import hashlib
import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from conftest import Build, clean_env


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _make_user_data(app: str, home: Path, data_dir: Path) -> None:
    """One database in $GLUTEMED_DATA_DIR and one in the default platformdirs folder."""
    for env in (
        clean_env(HOME=str(home), GLUTEMED_DATA_DIR=str(data_dir)),
        clean_env(HOME=str(home)),
    ):
        env.pop("XDG_DATA_HOME", None)
        result = subprocess.run(
            [app, "backup"], env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr


def _apt(action: str, what: str) -> list[str]:
    """apt-get as a user runs it; waits for another dpkg run's lock instead of failing."""
    return ["apt-get", action, "-y", "-qq", "-o", "DPkg::Lock::Timeout=600", what]


def test_apt_install_then_remove_keeps_user_data(build: Build, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.fail("installing needs root (.ci/packaging runs as root)")
    home, data_dir = tmp_path / "home", tmp_path / "data"
    installed = subprocess.run(_apt("install", str(build.deb)), capture_output=True, text=True)
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        _make_user_data("/usr/bin/glutemed", home, data_dir)
        default_dir = home / ".local" / "share" / "GluteMed"
        before = (_snapshot(data_dir), _snapshot(default_dir))
        assert before[0] and before[1], "the app wrote no data to protect"
    finally:
        subprocess.run(_apt("remove", "glutemed"), capture_output=True, check=True)
    assert not Path("/usr/lib/glutemed").exists() and not Path("/usr/bin/glutemed").exists()
    assert (_snapshot(data_dir), _snapshot(default_dir)) == before
    # Purging (a separate path in dpkg) is checked on the minimal Debian:
    # test_clean_system.py::test_purge_on_minimal_debian_keeps_user_data.


def test_tarball_runs_and_installs_into_the_home_folder(build: Build, tmp_path: Path) -> None:
    with tarfile.open(build.tarball) as archive:
        archive.extractall(tmp_path, filter="tar")
    folder = tmp_path / f"glutemed-{build.version}-linux-x86_64"
    home = tmp_path / "home with space"
    env = clean_env(HOME=str(home))
    env.pop("XDG_DATA_HOME", None)
    version = subprocess.run(
        [str(folder / "glutemed"), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"glutemed {build.version}"
    _make_user_data(str(folder / "glutemed"), home, tmp_path / "data")
    data_before = _snapshot(home / ".local" / "share" / "GluteMed")

    subprocess.run([str(folder / "install.sh")], env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    desktop = share / "applications" / "io.github.glutemed.GluteMed.desktop"
    assert f'Exec="{folder}/glutemed"' in desktop.read_text()
    assert (share / "icons/hicolor/48x48/apps/io.github.glutemed.GluteMed.png").is_file()
    assert (home / ".local" / "bin" / "glutemed").resolve() == folder / "glutemed"
    validate = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True
    )
    assert validate.returncode == 0, validate.stdout

    subprocess.run(
        [str(folder / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True
    )
    assert not desktop.exists() and not (home / ".local" / "bin" / "glutemed").exists()
    assert not list(share.glob("icons/hicolor/*/apps/io.github.glutemed.GluteMed.*"))
    left = [p for p in (share / "icons").rglob("*") if p.is_dir() and not any(p.iterdir())]
    assert left == [], f"empty folders left behind: {left}"
    assert _snapshot(share / "GluteMed") == data_before


def test_uninstall_leaves_a_glutemed_command_it_did_not_make(build: Build, tmp_path: Path) -> None:
    with tarfile.open(build.tarball) as archive:
        archive.extractall(tmp_path, filter="tar")
    folder = tmp_path / f"glutemed-{build.version}-linux-x86_64"
    home = tmp_path / "home"
    env = clean_env(HOME=str(home))
    env.pop("XDG_DATA_HOME", None)
    subprocess.run([str(folder / "install.sh")], env=env, check=True, capture_output=True)
    command = home / ".local" / "bin" / "glutemed"
    command.unlink()
    command.write_text('#!/bin/sh\nexec /opt/other/glutemed "$@"\n')  # e.g. a pip install
    result = subprocess.run(
        [str(folder / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert command.read_text().startswith("#!/bin/sh\nexec /opt/other/glutemed")
    assert "not a link to this folder" in result.stderr
