"""RGB frame -> 33 body landmarks with the BlazePose full model, offline.

Two small TFLite models from MediaPipe 0.10.21 (Apache-2.0, see models/NOTICE) run in
the LiteRT interpreter: a detector finds the person when we have no track, then the
landmark model runs on a square, upright crop around the body; the next frame's crop
comes from this frame's landmarks, so the detector runs only when the track is lost.
numpy, Pillow and the interpreter load when an estimator is made, never at import.
"""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glutemed.pose.landmarks import LANDMARK_COUNT, Landmark, PoseLandmarks

MODELS_DIR = Path(__file__).with_name("models")
DETECTOR_FILE = "pose_detection.tflite"
LANDMARK_FILE = "pose_landmark_full.tflite"

_DETECTOR_SIZE = 224
_LANDMARK_SIZE = 256
# The detector's anchor grid (MediaPipe's pose_detection graph: strides 8, 16 and
# three layers at 32, two anchors per layer and cell, fixed unit size).
_ANCHOR_LAYERS = ((8, 2), (16, 2), (32, 6))
_MIN_DETECTION_SCORE = 0.5
_MIN_PRESENCE = 0.5
# The crop is the body circle (centre hip, radius to the scale point) enlarged by 25 %,
# as MediaPipe's graph does, so limbs at the edge are not cut.
_ROI_SCALE = 1.25
_HIP_CENTRE, _SCALE_POINT = 33, 34  # the landmark model's two alignment points


class PoseRuntimeMissing(RuntimeError):
    """The optional camera part (the TFLite interpreter) is not installed."""


def runtime_available() -> bool:
    """True when the interpreter can be imported (the `camera` extra is installed)."""
    return importlib.util.find_spec("ai_edge_litert") is not None


@dataclass(frozen=True, slots=True)
class RgbFrame:
    """8-bit RGB pixels, rows `stride` bytes apart (Qt pads rows to 4 bytes)."""

    width: int
    height: int
    data: bytes | memoryview
    stride: int

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"a frame needs a positive size, not {self.width}x{self.height}")
        if self.stride < self.width * 3 or len(self.data) < self.stride * (self.height - 1):
            raise ValueError("frame data is shorter than its size says")


@dataclass(frozen=True, slots=True)
class _Crop:
    """A square region of the frame, turned so the body stands upright in it."""

    centre_x: float
    centre_y: float
    side: float
    sin: float
    cos: float

    def affine(self, size: int) -> tuple[float, float, float, float, float, float]:
        """Pillow's output->input map for a `size` x `size` crop."""
        k = self.side / size
        half = self.side / 2.0
        return (
            self.cos * k,
            -self.sin * k,
            self.centre_x - self.cos * half + self.sin * half,
            self.sin * k,
            self.cos * k,
            self.centre_y - self.sin * half - self.cos * half,
        )


def _crop_from(centre: tuple[float, float], scale_point: tuple[float, float]) -> _Crop | None:
    dx, dy = scale_point[0] - centre[0], scale_point[1] - centre[1]
    radius = math.hypot(dx, dy)
    if radius < 4.0:  # pixels: nothing sensible to crop
        return None
    # The scale point lies towards the head: turn the crop so that direction is "up".
    return _Crop(centre[0], centre[1], 2.0 * radius * _ROI_SCALE, dx / radius, -dy / radius)


class PoseEstimator:
    """Finds one person per frame and tracks them from frame to frame."""

    # One interpreter thread: it costs less CPU per frame than two (measured 15 against
    # 19 ms) and leaves the second core to video decoding and painting.
    def __init__(self, models_dir: Path = MODELS_DIR, threads: int = 1) -> None:
        try:
            import numpy
            from ai_edge_litert.interpreter import Interpreter
            from PIL import Image
        except ImportError as exc:
            raise PoseRuntimeMissing(
                "the camera part is not installed (pip install 'glutemed[camera]')"
            ) from exc
        for name in (DETECTOR_FILE, LANDMARK_FILE):
            if not (models_dir / name).is_file():
                raise PoseRuntimeMissing(f"the pose model {name} is missing from {models_dir}")
        self._np: Any = numpy
        self._image: Any = Image
        self._detector = Interpreter(
            model_path=str(models_dir / DETECTOR_FILE), num_threads=threads
        )
        self._landmarker = Interpreter(
            model_path=str(models_dir / LANDMARK_FILE), num_threads=threads
        )
        self._detector.allocate_tensors()
        self._landmarker.allocate_tensors()
        self._anchors = self._make_anchors()
        self._track: _Crop | None = None

    def reset(self) -> None:
        """Forget the track (a new video or camera): the next frame runs the detector."""
        self._track = None

    def estimate(self, frame: RgbFrame) -> PoseLandmarks | None:
        """The person's landmarks in frame pixels, or None when nobody is found."""
        picture = self._image.frombuffer(
            "RGB", (frame.width, frame.height), frame.data, "raw", "RGB", frame.stride, 1
        )
        crop = self._track or self._detect(picture)
        if crop is None:
            return None
        pose = self._landmarks(picture, crop)
        if pose is None:
            self._track = None
            return None
        landmarks, next_crop = pose
        self._track = next_crop
        return landmarks

    # -- detector ---------------------------------------------------------------------

    def _make_anchors(self) -> Any:
        np = self._np
        centres: list[tuple[float, float]] = []
        for stride, per_cell in _ANCHOR_LAYERS:
            cells = math.ceil(_DETECTOR_SIZE / stride)
            for y in range(cells):
                for x in range(cells):
                    centres.extend([((x + 0.5) / cells, (y + 0.5) / cells)] * per_cell)
        return np.asarray(centres, dtype=np.float32)

    def _detect(self, picture: Any) -> _Crop | None:
        np = self._np
        width, height = picture.size
        scale = _DETECTOR_SIZE / max(width, height)
        fitted = picture.resize(
            (max(1, round(width * scale)), max(1, round(height * scale))), self._image.BILINEAR
        )
        canvas = self._image.new("RGB", (_DETECTOR_SIZE, _DETECTOR_SIZE))
        offset_x = (_DETECTOR_SIZE - fitted.size[0]) // 2
        offset_y = (_DETECTOR_SIZE - fitted.size[1]) // 2
        canvas.paste(fitted, (offset_x, offset_y))
        tensor = np.asarray(canvas, dtype=np.float32)[None] / 127.5 - 1.0
        boxes, scores = self._run(self._detector, tensor, (12, 1))
        logits = np.clip(scores.reshape(-1), -100.0, 100.0)
        best = int(np.argmax(logits))
        if 1.0 / (1.0 + math.exp(-float(logits[best]))) < _MIN_DETECTION_SCORE:
            return None
        raw = boxes.reshape(-1, 12)[best]
        anchor_x, anchor_y = (float(v) for v in self._anchors[best])

        def to_frame(index: int) -> tuple[float, float]:
            x = float(raw[4 + 2 * index]) / _DETECTOR_SIZE + anchor_x
            y = float(raw[5 + 2 * index]) / _DETECTOR_SIZE + anchor_y
            return (
                (x * _DETECTOR_SIZE - offset_x) / scale,
                (y * _DETECTOR_SIZE - offset_y) / scale,
            )

        return _crop_from(to_frame(0), to_frame(1))

    # -- landmarks --------------------------------------------------------------------

    def _landmarks(self, picture: Any, crop: _Crop) -> tuple[PoseLandmarks, _Crop | None] | None:
        np = self._np
        size = _LANDMARK_SIZE
        affine = crop.affine(size)
        patch = picture.transform(
            (size, size), self._image.AFFINE, affine, resample=self._image.BILINEAR
        )
        tensor = np.asarray(patch, dtype=np.float32)[None] / 255.0
        raw, presence = self._run(self._landmarker, tensor, (5 * 39, 1))
        if float(presence.reshape(-1)[0]) < _MIN_PRESENCE:
            return None
        values = raw.reshape(-1, 5)
        a, b, c, d, e, f = affine
        xs = a * values[:, 0] + b * values[:, 1] + c
        ys = d * values[:, 0] + e * values[:, 1] + f
        visibility = 1.0 / (1.0 + np.exp(-np.clip(values[:, 3], -50.0, 50.0)))
        points = tuple(
            Landmark(float(xs[i]), float(ys[i]), float(visibility[i]))
            for i in range(LANDMARK_COUNT)
        )
        width, height = picture.size
        next_crop = _crop_from(
            (float(xs[_HIP_CENTRE]), float(ys[_HIP_CENTRE])),
            (float(xs[_SCALE_POINT]), float(ys[_SCALE_POINT])),
        )
        return PoseLandmarks(points, width, height), next_crop

    def _run(self, interpreter: Any, tensor: Any, widths: tuple[int, ...]) -> list[Any]:
        """Run a model; its outputs picked by their last dimension, in `widths` order."""
        interpreter.set_tensor(interpreter.get_input_details()[0]["index"], tensor)
        interpreter.invoke()
        by_width = {
            int(detail["shape"][-1]): detail["index"]
            for detail in reversed(interpreter.get_output_details())
        }
        return [interpreter.get_tensor(by_width[width]) for width in widths]
