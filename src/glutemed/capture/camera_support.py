"""What the Stance page needs for the camera test: a frame source and an estimator.

Made by the app when the `camera` extra is installed; tests make one over a video file.
Nothing here imports QtMultimedia or the pose runtime until a test is started.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEV = Path("/dev")
SANDBOX_MARK = Path("/.flatpak-info")  # a sandbox may reach cameras through a portal


@dataclass(frozen=True)
class CameraSupport:
    make_source: Callable[[], Any]  # a CameraSource or VideoFileSource (frame source)
    make_estimator: Callable[[], Any]  # a PoseEstimator
    present: Callable[[], bool]  # is there a camera to offer right now?


def _camera_source() -> Any:
    from glutemed.capture.camera_source import CameraSource

    return CameraSource()


def _estimator() -> Any:
    from glutemed.pose.estimator import PoseEstimator

    return PoseEstimator()


def no_video_nodes(dev: Path = DEV, platform: str = sys.platform) -> bool:
    """True when this system certainly has no camera, told without Qt Multimedia.

    On Linux (outside a sandbox) every camera is a /dev/video* node. Asking Qt Multimedia
    instead loads its media backend, about 19 MB resident for the rest of the session,
    only to hear "none" on the many computers without a camera.
    """
    if not platform.startswith("linux") or SANDBOX_MARK.exists():
        return False
    return not any(dev.glob("video*"))


def _present() -> bool:
    if no_video_nodes(DEV):
        return False
    from glutemed.capture.camera_source import camera_present

    return camera_present()


def default_camera_support() -> CameraSupport | None:
    """The webcam, if the camera part is installed; None otherwise (no camera button)."""
    from glutemed.pose.estimator import runtime_available

    if not runtime_available():
        return None
    return CameraSupport(_camera_source, _estimator, _present)
