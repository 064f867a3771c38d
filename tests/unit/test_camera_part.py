"""packaging/camera_part.py: the bundle gets LiteRT's CPU interpreter and the pose models,
and nothing else of the LiteRT wheel."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import camera_part  # noqa: E402


def test_only_the_interpreter_libraries_of_litert_stay() -> None:
    binaries = [
        ("ai_edge_litert/_pywrap_litert_interpreter_wrapper.so", "/x/a.so", "EXTENSION"),
        ("ai_edge_litert/libpywrap_litert_common.so", "/x/b.so", "BINARY"),
        ("ai_edge_litert/libLiteRtWebGpuAccelerator.so", "/x/c.so", "BINARY"),
        ("ai_edge_litert/libLiteRt.so", "/x/d.so", "BINARY"),
        ("ai_edge_litert/vendors/qualcomm/compiler/libLiteRtCompilerPlugin.so", "/x/e", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/f.so", "BINARY"),
    ]
    kept = [dest for dest, _src, _kind in camera_part.drop_unused(binaries)]
    assert kept == [
        "ai_edge_litert/_pywrap_litert_interpreter_wrapper.so",
        "ai_edge_litert/libpywrap_litert_common.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
    ]


def test_the_installed_wheel_gives_the_two_interpreter_libraries() -> None:
    folder = camera_part.package_dir()
    assert folder is not None, "the test extra installs the camera extra"
    names = sorted(Path(src).name for src, dest in camera_part.binaries(folder))
    assert names == ["_pywrap_litert_interpreter_wrapper.so", "libpywrap_litert_common.so"]
    assert {dest for _src, dest in camera_part.binaries(folder)} == {"ai_edge_litert"}


def test_models_and_their_notice_go_where_the_estimator_looks() -> None:
    datas = camera_part.datas(ROOT / "src")
    assert sorted(Path(src).name for src, _dest in datas) == [
        "NOTICE",
        "pose_detection.tflite",
        "pose_landmark_full.tflite",
    ]
    assert {dest for _src, dest in datas} == {"glutemed/pose/models"}


def test_missing_models_stop_the_build_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="pose models missing"):
        camera_part.datas(tmp_path)
