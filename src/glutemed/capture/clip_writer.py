"""Held frames -> an MP4 file, only when the person asked for it.

Qt's own recorder does the encoding: the frames are pushed into a `QVideoFrameInput` of
a `QMediaCaptureSession` whose `QMediaRecorder` writes the file (Qt 6.8+). The recorder
picks the codec the platform has for MP4 (MPEG-4 Part 2 with Qt's bundled FFmpeg).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoFrameInput,
)

from glutemed.capture.clip_memory import HeldFrame

LONGEST_GAP_S = 0.5  # between trials: the pause is cut to one frame, not kept as a still
STALL_MS = 30_000  # no progress for this long: give up and say so


def frame_times(frames: Sequence[HeldFrame]) -> list[tuple[int, int]]:
    """(start, end) of each frame in the clip, in microseconds from its first frame, with
    the pauses between trials cut short."""
    if not frames:
        return []
    steps = sorted(b.t - a.t for a, b in itertools.pairwise(frames) if b.t > a.t)
    usual = steps[len(steps) // 2] if steps else 1.0 / 15.0
    times: list[tuple[int, int]] = []
    clock = 0.0
    for index, frame in enumerate(frames):
        step = usual
        if index + 1 < len(frames):
            gap = frames[index + 1].t - frame.t
            step = gap if 0.0 < gap <= LONGEST_GAP_S else usual
        times.append((round(clock * 1e6), round((clock + step) * 1e6)))
        clock += step
    return times


class ClipWriter(QObject):
    """Writes `frames` to `path` (an .mp4); `saved(path)` or `failed(message)` once."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self, frames: Sequence[HeldFrame], path: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._frames = list(frames)
        self._times = frame_times(self._frames)
        self._next = 0
        self._done = False
        first = self._frames[0].image() if self._frames else QImage()
        self._size = first.size()
        fps = 1e6 / max(1, self._times[0][1] - self._times[0][0]) if self._times else 15.0
        shape = QVideoFrameFormat(self._size, QVideoFrameFormat.PixelFormat.Format_RGBX8888)
        shape.setStreamFrameRate(fps)
        self._input = QVideoFrameInput(shape, self)
        self._session = QMediaCaptureSession(self)
        self._session.setVideoFrameInput(self._input)
        self._recorder = QMediaRecorder(self)
        self._session.setRecorder(self._recorder)
        self._recorder.setMediaFormat(QMediaFormat(QMediaFormat.FileFormat.MPEG4))
        self._recorder.setQuality(QMediaRecorder.Quality.HighQuality)
        self._recorder.setVideoFrameRate(fps)
        self._recorder.setAutoStop(True)  # stops once the input says it has ended
        self._recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self._recorder.recorderStateChanged.connect(self._state_changed)
        self._recorder.errorOccurred.connect(self._recorder_error)
        self._input.readyToSendVideoFrame.connect(self._send)
        self._stall = QTimer(self)
        self._stall.setSingleShot(True)
        self._stall.setInterval(STALL_MS)
        self._stall.timeout.connect(lambda: self._fail("the video encoder stopped responding"))

    def start(self) -> None:
        if not self._frames or self._size.isEmpty():
            QTimer.singleShot(0, lambda: self._fail("there are no pictures to save"))
            return
        self._stall.start()
        self._recorder.record()
        QTimer.singleShot(0, self._send)

    def _send(self) -> None:
        while not self._done and self._next <= len(self._frames):
            if self._next == len(self._frames):
                frame = QVideoFrame()  # an empty frame: the end of the input
            else:
                frame = self._video_frame(self._next)
            if not self._input.sendVideoFrame(frame):
                return  # the encoder is busy: readyToSendVideoFrame calls again
            self._next += 1
            self._stall.start()

    def _video_frame(self, index: int) -> QVideoFrame:
        image = self._frames[index].image()
        if image.size() != self._size:  # a camera that changed its size mid-test
            image = image.scaled(self._size)
        frame = QVideoFrame(image.convertToFormat(QImage.Format.Format_RGBX8888))
        start, end = self._times[index]
        frame.setStartTime(start)
        frame.setEndTime(end)
        return frame

    def _state_changed(self, state: QMediaRecorder.RecorderState) -> None:
        if state != QMediaRecorder.RecorderState.StoppedState or self._done:
            return
        if self._next <= len(self._frames):
            self._fail("the recorder stopped before the end")
            return
        self._done = True
        self._stall.stop()
        self._frames, self._times = [], []  # the pictures go as soon as they are written
        self.saved.emit(str(self.path))

    def _recorder_error(self, _error: QMediaRecorder.Error, message: str) -> None:
        self._fail(message or "the video could not be encoded")

    def _fail(self, message: str) -> None:
        if self._done:
            return
        self._done = True
        self._stall.stop()
        self._frames, self._times = [], []
        self._recorder.stop()
        # A half-written video is of no use; the person asked for a whole one.
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        self.failed.emit(message)
