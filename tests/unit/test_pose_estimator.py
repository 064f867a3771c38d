"""The BlazePose models: where they come from, that they load lazily and offline, and
what they find on still pictures of real footage."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from glutemed.pose.estimator import MODELS_DIR, PoseEstimator, PoseRuntimeMissing, RgbFrame
from glutemed.pose.landmarks import Joint
from glutemed.pose.stance_rules import StanceThresholds, measure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pose"
# The hashes in the mediapipe 0.10.21 wheel's RECORD (models/NOTICE).
MODEL_SHA256 = {
    "pose_detection.tflite": "9ba9dd3d42efaaba86b4ff0122b06f29c4122e756b329d89dca1e297fd8f866c",
    "pose_landmark_full.tflite": "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f",
}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a socket fails the test."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the pose code tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def frame_of(path: Path) -> RgbFrame:
    picture = Image.open(path).convert("RGB")
    return RgbFrame(picture.width, picture.height, picture.tobytes(), picture.width * 3)


def test_the_models_are_the_ones_from_the_mediapipe_wheel() -> None:
    for name, digest in MODEL_SHA256.items():
        assert hashlib.sha256((MODELS_DIR / name).read_bytes()).hexdigest() == digest
    assert "Apache License, Version 2.0" in (MODELS_DIR / "NOTICE").read_text()


def test_importing_the_pose_package_loads_neither_numpy_nor_the_runtime() -> None:
    code = (
        "import sys\n"
        "import glutemed.pose.estimator, glutemed.pose.stance_tracker, glutemed.pose.analysis\n"
        "heavy = {'numpy', 'ai_edge_litert', 'PIL'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": src}
    )
    assert result.returncode == 0, result.stderr


def test_hands_on_hips_still_is_seen_whole_with_hands_on_hips(no_network: None) -> None:
    pose = PoseEstimator().estimate(frame_of(FIXTURES / "hands_on_hips_render.png"))
    assert pose is not None
    measures = measure(pose, StanceThresholds())
    assert measures is not None
    assert abs(measures.foot_lift) < 0.03  # both feet down
    assert measures.hands_ratio is not None
    assert measures.hands_ratio <= StanceThresholds().hands_on


def test_arms_held_out_are_not_hands_on_hips(no_network: None) -> None:
    pose = PoseEstimator().estimate(frame_of(FIXTURES / "warrior2_two_feet.jpg"))
    assert pose is not None
    measures = measure(pose, StanceThresholds())
    assert measures is not None
    assert measures.hands_ratio is not None
    assert measures.hands_ratio > StanceThresholds().hands_off


def test_an_upper_body_picture_has_no_feet_in_view() -> None:
    picture = Image.open(FIXTURES / "hands_on_hips_render.png").convert("RGB")
    top = picture.crop((0, 0, picture.width, picture.height * 45 // 100))
    frame = RgbFrame(top.width, top.height, top.tobytes(), top.width * 3)
    pose = PoseEstimator().estimate(frame)
    assert pose is None or measure(pose, StanceThresholds()) is None


def test_an_empty_picture_has_nobody_in_it() -> None:
    blank = Image.new("RGB", (640, 480), (200, 200, 200))
    frame = RgbFrame(640, 480, blank.tobytes(), 640 * 3)
    assert PoseEstimator().estimate(frame) is None


def test_landmarks_are_in_frame_pixels_left_and_right_as_the_person_sees_them() -> None:
    pose = PoseEstimator().estimate(frame_of(FIXTURES / "warrior2_two_feet.jpg"))
    assert pose is not None
    assert (pose.width, pose.height) == (1000, 667)
    # Facing the camera: the person's left hip is on the picture's right.
    assert pose[Joint.LEFT_HIP].x > pose[Joint.RIGHT_HIP].x
    assert pose[Joint.NOSE].y < pose[Joint.LEFT_HIP].y < pose[Joint.LEFT_ANKLE].y


def test_missing_models_give_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(PoseRuntimeMissing, match=r"pose_detection\.tflite"):
        PoseEstimator(models_dir=tmp_path)


def test_a_frame_shorter_than_its_size_is_refused() -> None:
    with pytest.raises(ValueError, match="shorter"):
        RgbFrame(10, 10, b"\0" * 50, 30)
