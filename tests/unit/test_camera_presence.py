"""Telling 'no camera' without loading Qt Multimedia (its backend stays resident)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from glutemed.capture import camera_support
from glutemed.capture.camera_support import no_video_nodes


def test_linux_without_video_nodes_has_no_camera(tmp_path: Path) -> None:
    (tmp_path / "null").touch()
    assert no_video_nodes(tmp_path, "linux")


def test_a_video_node_means_ask_qt(tmp_path: Path) -> None:
    (tmp_path / "video0").touch()
    assert not no_video_nodes(tmp_path, "linux")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_always_ask_qt(tmp_path: Path, platform: str) -> None:
    assert not no_video_nodes(tmp_path, platform)


def _fake_camera_source(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []
    fake = types.ModuleType("glutemed.capture.camera_source")

    def camera_present() -> bool:
        asked.append("qt")
        return answer

    fake.camera_present = camera_present  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "glutemed.capture.camera_source", fake)
    return asked


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev nodes are Linux's")
def test_present_skips_qt_multimedia_when_there_is_no_node(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(camera_support, "DEV", tmp_path)
    monkeypatch.setattr(camera_support, "SANDBOX_MARK", tmp_path / "no-such-file")
    asked = _fake_camera_source(monkeypatch, answer=True)
    assert camera_support._present() is False
    assert asked == []


def test_present_asks_qt_when_a_node_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "video0").touch()
    monkeypatch.setattr(camera_support, "DEV", tmp_path)
    monkeypatch.setattr(camera_support, "SANDBOX_MARK", tmp_path / "no-such-file")
    asked = _fake_camera_source(monkeypatch, answer=True)
    assert camera_support._present() is True
    assert asked == ["qt"]


def test_in_a_sandbox_qt_is_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".flatpak-info").touch()
    monkeypatch.setattr(camera_support, "DEV", tmp_path / "dev")
    monkeypatch.setattr(camera_support, "SANDBOX_MARK", tmp_path / ".flatpak-info")
    asked = _fake_camera_source(monkeypatch, answer=False)
    assert camera_support._present() is False
    assert asked == ["qt"]
