"""Runs the estimator and the stance tracker on every frame a video sink delivers."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoSink

from glutemed.capture.frames import frame_image, rgb_frame
from glutemed.pose.estimator import PoseEstimator
from glutemed.pose.landmarks import PoseLandmarks
from glutemed.pose.stance_tracker import Lift, StanceTracker


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
        self._sink: QVideoSink | None = None

    def attach(self, sink: QVideoSink) -> None:
        self.detach()
        self._sink = sink
        sink.videoFrameChanged.connect(self.take)

    def detach(self) -> None:
        if self._sink is not None:
            self._sink.videoFrameChanged.disconnect(self.take)
            self._sink = None

    def take(self, frame: QVideoFrame) -> None:
        image = frame_image(frame)
        if image is None:
            return
        t = max(frame.startTime() / 1e6, self.last_t)
        self.analyse(image, t)

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
