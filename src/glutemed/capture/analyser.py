"""Runs the estimator and the stance tracker on every frame a video sink delivers."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoSink

from glutemed.capture.frames import frame_image, rgb_frame
from glutemed.pose.estimator import PoseEstimator
from glutemed.pose.landmarks import PoseLandmarks
from glutemed.pose.stance_tracker import Lift, StanceTracker


class FrameSource(Protocol):
    """A camera or a video file: frames arrive in `sink`."""

    sink: QVideoSink
    drop_late_frames: bool

    def frame_time(self, frame: QVideoFrame) -> float: ...


class StanceAnalyser(QObject):
    """Connect to a sink; each frame is estimated and tracked on arrival.

    `frame_analysed(image, pose_or_None, t)` lets a view draw what was seen;
    `lift_started(stance_side, t)` and `lift_ended(lift)` report the protocol events.
    """

    frame_analysed = Signal(QImage, object, float)
    lift_started = Signal(str, float)
    lift_ended = Signal(object)

    def __init__(
        self, estimator: PoseEstimator, tracker: StanceTracker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.estimator = estimator
        self.tracker = tracker
        self.frames = 0
        self.last_t = 0.0
        self._source: FrameSource | None = None
        self._latest: QVideoFrame | None = None
        self._latest_t = 0.0

    def attach(self, source: FrameSource) -> None:
        self.detach()
        self._source = source
        source.sink.videoFrameChanged.connect(self.take)

    def detach(self) -> None:
        if self._source is not None:
            self._source.sink.videoFrameChanged.disconnect(self.take)
            self._source = None
        self._latest = None

    def take(self, frame: QVideoFrame) -> None:
        if self._source is None:
            return
        if not self._source.drop_late_frames:
            self._analyse_frame(frame, self._source.frame_time(frame))
            return
        # Live: keep only the newest frame; analyse it once the event loop is free, so a
        # slow frame never builds a backlog (the view would lag behind the person).
        pending = self._latest is not None
        self._latest = frame
        self._latest_t = self._source.frame_time(frame)
        if not pending:
            QTimer.singleShot(0, self._analyse_latest)

    def _analyse_latest(self) -> None:
        frame, self._latest = self._latest, None
        if frame is not None:
            self._analyse_frame(frame, self._latest_t)

    def _analyse_frame(self, frame: QVideoFrame, t: float) -> None:
        image = frame_image(frame)
        if image is not None:
            self.analyse(image, max(t, self.last_t))

    def analyse(self, image: QImage, t: float) -> None:
        pose: PoseLandmarks | None = self.estimator.estimate(rgb_frame(image))
        self.frames += 1
        self.last_t = t
        was_lifted = self.tracker.lifted
        ended: Lift | None = self.tracker.update(t, pose)
        self.frame_analysed.emit(image, pose, t)
        if ended is not None:
            self.lift_ended.emit(ended)
        if self.tracker.lifted is not None and (was_lifted is None or ended is not None):
            started = self.tracker.lift_started_s
            self.lift_started.emit(self.tracker.lifted.value, started if started else t)

    def finish(self) -> Lift | None:
        ended = self.tracker.finish(self.last_t)
        if ended is not None:
            self.lift_ended.emit(ended)
        return ended
