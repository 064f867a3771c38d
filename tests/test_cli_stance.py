"""`glutemed stance analyse` end to end on real footage, through QtMultimedia."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pose"

pytestmark = pytest.mark.slow


def analyse(*args: str, offline: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "glutemed", "stance", "analyse", *args]
    if offline:  # a new network namespace: no interface but a downed loopback
        unshare = shutil.which("unshare")
        assert unshare, "util-linux's unshare is part of every Debian system"
        command = [unshare, "--net", *command]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)


def lifts_in(name: str, offline: bool = False) -> dict[str, object]:
    result = analyse(str(FIXTURES / name), "--json", offline=offline)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1  # one JSON object, nothing else
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_squats_with_both_feet_down_have_no_lift() -> None:
    data = lifts_in("squats_two_feet_720x1280.mp4")
    assert data["lifts"] == []
    assert data["frames"] == 65  # 13 s at 5 fps: every frame analysed
    assert data["fps_analysed"] == pytest.approx(5.0, abs=0.1)


def test_the_one_leg_clip_is_one_lift_on_the_left_leg_without_the_network() -> None:
    data = lifts_in("one_leg_synthetic_576.mp4", offline=True)
    (lift,) = data["lifts"]  # type: ignore[misc]
    assert lift["stance_side"] == "left"  # the right foot is the raised one
    assert lift["start_s"] == pytest.approx(0.0, abs=0.05)
    assert lift["end_s"] == pytest.approx(4.0, abs=0.1)
    assert lift["ended_by"] == "end_of_video"
    assert lift["hands_on_hips"] is False  # the arms move about in this clip
    assert isinstance(lift["pelvic_drop_deg_max"], float)
    assert 0.0 <= lift["trunk_lean_deg_max"] < 45.0
    # The side is named once the lean is past the jitter (stance or swing), never alone.
    assert lift["trunk_lean_side"] in ("stance", "swing")
    assert data["frames"] == 120


def test_stand_lift_stand_is_timed_to_the_frame() -> None:
    data = lifts_in("stand_lift_stand_576.mp4")
    (lift,) = data["lifts"]  # type: ignore[misc]
    assert lift["stance_side"] == "left"
    assert lift["start_s"] == pytest.approx(4.0, abs=0.1)
    assert lift["end_s"] == pytest.approx(8.0, abs=0.1)
    assert lift["seconds"] == pytest.approx(4.0, abs=0.15)
    assert lift["ended_by"] == "foot_down"


def test_plain_output_is_one_line_per_lift() -> None:
    result = analyse(str(FIXTURES / "stand_lift_stand_576.mp4"))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert "on the left leg" in lines[0] and "ended by foot down" in lines[0]
    assert "the standing leg" in lines[0]  # the lean's side, in words
    assert lines[1].startswith("360 frames analysed")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such video file"),
        (b"this is not a video", "cannot read"),
        (b"", "cannot read"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "clip.mp4"
    if content is not None:
        path.write_bytes(content)
    result = analyse(str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("glutemed: ") and message in result.stderr


def test_a_folder_is_not_a_video(tmp_path: Path) -> None:
    result = analyse(str(tmp_path))
    assert result.returncode == 2
    assert "no such video file" in result.stderr


def test_lifts_with_hands_on_hips_on_each_leg_are_told_apart() -> None:
    data = lifts_in("camera_test_two_trials.mp4")
    lifts = data["lifts"]
    assert [(lift["stance_side"], lift["hands_on_hips"]) for lift in lifts] == [  # type: ignore[union-attr]
        ("left", True),
        ("right", True),
    ]
    for lift, start in zip(lifts, (5.5, 14.0), strict=True):  # type: ignore[arg-type]
        assert lift["start_s"] == pytest.approx(start, abs=0.15)
        assert lift["seconds"] == pytest.approx(3.0, abs=0.15)
        assert lift["ended_by"] == "foot_down"
        # A still picture with only a leg moved: any lean is jitter, too small for a side.
        assert lift["trunk_lean_deg_max"] < 5.0 and lift["trunk_lean_side"] is None


def test_without_the_camera_part_the_command_says_what_to_install(tmp_path: Path) -> None:
    # A Python without the interpreter: hide it behind a module that refuses to import.
    blocker = tmp_path / "ai_edge_litert"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('not installed here')\n")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{SRC}",
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "glutemed", "stance", "analyse",
         str(FIXTURES / "one_leg_synthetic_576.mp4")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "glutemed: the camera part is not installed (pip install 'glutemed[camera]')"
    )
