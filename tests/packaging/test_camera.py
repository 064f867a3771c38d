"""The camera part in the frozen app: LiteRT, the pose models and QtMultimedia's FFmpeg
backend are in the bundle, and `stance analyse` finds the lift in real footage offline."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from clip_check import CLIP, check_one_lift_on_the_left
from xvfb import Xvfb, window_titles

from conftest import Build, clean_env

DEB_LIMIT_MB = 90  # issue 17: the camera part may not make the download much bigger


def analyse_clip(command: list[str]) -> dict[str, object]:
    """Run `<command> stance analyse CLIP --json` and check the clip's one lift."""
    result = subprocess.run(
        [*command, "stance", "analyse", str(CLIP), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=clean_env(QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return check_one_lift_on_the_left(result.stdout)


def _app(unpacked: Path) -> str:
    return str(unpacked / "usr" / "bin" / "glutemed")


def test_frozen_app_analyses_the_one_leg_clip(unpacked: Path) -> None:
    analyse_clip([_app(unpacked)])


def test_frozen_app_analyses_the_clip_without_the_network(unpacked: Path) -> None:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is part of every Debian system"
    probe = subprocess.run([unshare, "--net", "true"], capture_output=True, text=True)
    assert probe.returncode == 0, f"unshare --net needs root here: {probe.stderr}"
    analyse_clip([unshare, "--net", _app(unpacked)])


def test_bundle_has_the_camera_part_and_not_the_rest_of_litert(unpacked: Path) -> None:
    internal = unpacked / "usr" / "lib" / "glutemed" / "_internal"
    litert = internal / "ai_edge_litert"
    assert (litert / "_pywrap_litert_interpreter_wrapper.so").is_file()
    assert (litert / "libpywrap_litert_common.so").is_file()
    for unused in ("libLiteRtWebGpuAccelerator.so", "libLiteRt.so", "tools", "vendors", "aot"):
        assert not (litert / unused).exists(), unused
    models = internal / "glutemed" / "pose" / "models"
    assert sorted(p.name for p in models.iterdir()) == [
        "NOTICE",
        "pose_detection.tflite",
        "pose_landmark_full.tflite",
    ]
    assert (internal / "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so").is_file()


def test_deb_stays_under_its_size_limit(build: Build) -> None:
    size_mb = build.deb.stat().st_size / 1e6
    assert size_mb <= DEB_LIMIT_MB, f"{build.deb.name} is {size_mb:.1f} MB"


def _mapped_libraries(pid: int) -> set[str]:
    with open(f"/proc/{pid}/maps", encoding="utf-8") as maps:
        return {line.rsplit("/", 1)[-1].strip() for line in maps if "/" in line}


def _accepted_data_dir(app: str, folder: Path) -> Path:
    """A data folder the frozen app made, its first-run safety notice accepted (the
    settings table holds JSON values), so the main window is what comes up."""
    made = subprocess.run(
        [app, "backup"], env=clean_env(GLUTEMED_DATA_DIR=str(folder)), capture_output=True
    )
    assert made.returncode == 0, made.stderr
    with contextlib.closing(sqlite3.connect(folder / "glutemed.sqlite3")) as db, db:
        db.execute(
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('safety_acknowledged', 'true')"
        )
    return folder


def test_window_starts_without_loading_the_camera_part(unpacked: Path, tmp_path: Path) -> None:
    """LiteRT and the FFmpeg backend load only when the camera or a video is used: not
    before the first window, nor with the Progress page's warm-up a moment after it
    (numpy appearing shows the warm-up has run)."""
    with Xvfb() as display:
        proc = subprocess.Popen(
            [_app(unpacked)],
            env=clean_env(
                DISPLAY=display,
                GLUTEMED_DATA_DIR=str(_accepted_data_dir(_app(unpacked), tmp_path / "data")),
                QT_QPA_PLATFORM="xcb",
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 90
            loaded: set[str] = set()
            while not any(name.startswith("_multiarray_umath") for name in loaded):
                assert proc.poll() is None, f"glutemed exited {proc.returncode}"
                assert time.monotonic() < deadline, "no warm-up within 90 s"
                time.sleep(0.2)
                loaded = _mapped_libraries(proc.pid)
            assert any("GluteMed" in t for t in window_titles(display))
        finally:
            proc.terminate()
            proc.wait(20)
    camera = {n for n in loaded if n.startswith(("libpywrap_litert", "libffmpegmedia", "libav"))}
    assert camera == set()
