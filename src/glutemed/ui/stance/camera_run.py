"""The hands-free stance test: the camera frames the person, counts down, times each
trial from the foot leaving the floor to it touching down (or a hand leaving the hip),
and files it with the measured pelvic drop and trunk lean.

The protocol runs on frame time (`FrameClock`), so a recording plays the same test as a
live camera, only faster; frames live in memory only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from glutemed.domain.records import StanceTrial
from glutemed.pose.landmarks import PoseLandmarks
from glutemed.pose.stance_tracker import Lift, StanceTracker
from glutemed.stance.protocol import CAMERA_ENDINGS, Phase, StanceProtocol
from glutemed.stance.scoring import fmt_s
from glutemed.ui.stance.camera_view import CameraView

if TYPE_CHECKING:
    from glutemed.capture.camera_support import CameraSupport

READY_HOLD_S = 1.0  # framed, hands on hips, both feet down this long: count down


class FrameClock:
    """Time as the frames tell it: live camera time, or a video's own time."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t


def _degrees(value: float | None, low: float) -> float | None:
    return None if value is None else round(min(90.0, max(low, value)), 1)


class StanceCameraRun(QWidget):
    """`finished()` when the test is over; `stopped(message)` when the camera stopped
    before any trial was filed (the page goes back to the manual test with the message)."""

    finished = Signal()
    stopped = Signal(str)

    def __init__(
        self,
        play: Callable[[list[str]], None],
        save: Callable[[StanceTrial], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stanceCameraRun")
        self._play = play
        self._save = save
        self.clock = FrameClock()
        self.proto: StanceProtocol | None = None
        self.tracker: StanceTracker | None = None
        self._source: Any = None
        self._analyser: Any = None
        self._ready_since: float | None = None
        self._waiting_since = 0.0

        layout = QHBoxLayout(self)
        self.view = CameraView(self)
        layout.addWidget(self.view, 3)
        side = QVBoxLayout()
        self.camera_on = QLabel("● Camera on", self)
        self.camera_on.setObjectName("cameraOnIndicator")
        self.camera_on.setStyleSheet("color: #c62828; font-weight: bold;")
        self.camera_on.setToolTip("The picture stays in memory; nothing is saved or sent.")
        self.camera_on.setVisible(False)
        side.addWidget(self.camera_on)
        self.header = QLabel(self)
        self.header.setObjectName("cameraTrialHeader")
        self.header.setStyleSheet("font-size: 18px; font-weight: bold;")
        side.addWidget(self.header)
        self.instruction = QLabel(self)
        self.instruction.setObjectName("cameraInstruction")
        self.instruction.setWordWrap(True)
        self.instruction.setStyleSheet("font-size: 16px;")
        side.addWidget(self.instruction)
        self.timer = QLabel("0.0", self)
        self.timer.setObjectName("cameraTimer")
        self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer.setStyleSheet("font-size: 56px; font-weight: bold;")
        side.addWidget(self.timer)
        self.last_result = QLabel(self)
        self.last_result.setObjectName("cameraLastResult")
        self.last_result.setWordWrap(True)
        side.addWidget(self.last_result)
        side.addStretch(1)
        self.stop_button = QPushButton("Stop timing", self)
        self.stop_button.setObjectName("cameraStopTimingButton")
        self.stop_button.setToolTip("Stop this trial now (Space)")
        self.stop_button.setShortcut(Qt.Key.Key_Space)
        self.stop_button.clicked.connect(self.stop_timing)
        self.finish_button = QPushButton("Finish test", self)
        self.finish_button.setObjectName("cameraFinishButton")
        self.finish_button.clicked.connect(self.finish_test)
        self.manual_button = QPushButton("Turn camera off", self)
        self.manual_button.setObjectName("cameraOffButton")
        self.manual_button.setToolTip("Stop the camera; trials already timed are kept (Esc)")
        self.manual_button.setShortcut(Qt.Key.Key_Escape)
        self.manual_button.clicked.connect(self.turn_off)
        for button in (self.stop_button, self.finish_button, self.manual_button):
            side.addWidget(button)
        layout.addLayout(side, 2)

    # ----- starting and stopping ---------------------------------------------------------

    def begin(self, proto: StanceProtocol, camera: CameraSupport) -> None:
        """Start the camera (or video) and run `proto` from its frames."""
        from glutemed.capture.analyser import StanceAnalyser

        self.proto = proto
        try:
            estimator = camera.make_estimator()
        except RuntimeError as exc:  # the camera part is missing or damaged
            self._end(abandon=True, message=f"The camera test cannot run: {exc}.")
            return
        self._source = source = camera.make_source()
        self.tracker = StanceTracker()
        self._analyser = StanceAnalyser(estimator, self.tracker, self)
        self._analyser.frame_analysed.connect(self._on_frame)
        self._analyser.lift_started.connect(self._on_lift)
        self._analyser.lift_ended.connect(self._on_landing)
        self._analyser.attach(source)
        source.started.connect(lambda: self.camera_on.setVisible(True))
        source.failed.connect(self._source_failed)
        source.finished.connect(self._source_ended)
        self.view.clear()
        self.last_result.clear()
        self._show_state()
        self.instruction.setText("Starting the camera…")
        source.start()

    def turn_off(self) -> None:
        """Back to the manual test; trials already filed are kept."""
        self._end(abandon=True)

    def finish_test(self) -> None:
        if self.proto is not None and self.proto.can_finish:
            self.proto.finish()
            self._end(abandon=False)

    def stop_timing(self) -> None:
        """A stop by hand (a wobble the camera missed): filed as ended by hand."""
        proto = self.proto
        if proto is None or proto.phase not in (Phase.COUNTDOWN, Phase.WAITING, Phase.TIMING):
            return
        timing = proto.phase is Phase.TIMING
        self._play(proto.stop())
        if timing:
            self._file_trial("manual")
        self._show_state()

    def _end(self, *, abandon: bool, message: str = "") -> None:
        proto = self.proto
        if self._analyser is not None:
            self._analyser.detach()
        if self._source is not None:
            self._source.stop()
        self.camera_on.setVisible(False)
        self.view.clear()
        self._source = self._analyser = None
        if proto is None:
            return
        self.proto = None
        if abandon:
            proto.abandon()
        if proto.trials:
            self.finished.emit()
        else:
            self.stopped.emit(message)

    def _source_failed(self, message: str) -> None:
        self._end(abandon=True, message=message)

    def _source_ended(self) -> None:
        """A recording ran out: a trial under way ends where the picture did."""
        proto = self.proto
        if proto is not None and proto.phase is Phase.TIMING and self.tracker is not None:
            drop, lean = self.tracker.open_measures()
            self._play(
                proto.landing_seen(
                    self.clock.t, "out_of_view", pelvic_drop_deg=drop, trunk_lean_deg=lean
                )
            )
            self._file_trial(None, drop, lean)
        self._end(abandon=True, message="The camera picture ended before a trial was timed.")

    # ----- frame by frame ----------------------------------------------------------------

    def _on_frame(self, image: QImage, pose: PoseLandmarks | None, t: float) -> None:
        proto, tracker = self.proto, self.tracker
        if proto is None or tracker is None:
            return
        self.clock.t = t
        framed = tracker.last_measures is not None
        self.view.show_frame(image, pose, framed)
        if proto.phase in (Phase.COUNTDOWN, Phase.TIMING):
            self._play(proto.tick())
        if proto.phase is Phase.WAITING and self._waiting_since == 0.0:
            self._waiting_since = t
        if proto.phase is Phase.OUTCOME:  # the cap
            drop, lean = tracker.open_measures()
            self._file_trial(None, drop, lean)
        elif proto.phase is Phase.READY:
            self._waiting_since = 0.0
            ready = framed and tracker.hands_on_hips and tracker.lifted is None
            if not ready:
                self._ready_since = None
            elif self._ready_since is None:
                self._ready_since = t
            elif t - self._ready_since >= READY_HOLD_S:
                self._ready_since = None
                self._play(proto.start_countdown(wait_for_lift=True))
        elif proto.phase is Phase.COUNTDOWN and (not framed or tracker.lifted is not None):
            proto.stop()
            self.last_result.setText("Wait for the count, then lift your foot.")
        self._show_state()

    def _on_lift(self, stance_side: str, start_t: float) -> None:
        proto, tracker = self.proto, self.tracker
        if proto is None or tracker is None or proto.phase is not Phase.WAITING:
            return
        if stance_side != proto.current_side:
            self.last_result.setText(
                f"That was your {stance_side} leg; this trial is for the "
                f"{proto.current_side} leg. Put your foot down and lift the other one."
            )
            return
        if not tracker.hands_on_hips:
            self.last_result.setText("Keep your hands on your hips while you stand.")
            return
        self._play(proto.lift_seen(max(start_t, self._waiting_since)))
        self._show_state()

    def _on_landing(self, lift: Lift) -> None:
        proto = self.proto
        if proto is None or proto.phase is not Phase.TIMING:
            return
        ended = lift.ended_by.value if lift.ended_by.value in CAMERA_ENDINGS else "out_of_view"
        drop, lean = lift.pelvic_drop_deg_max, lift.trunk_lean_deg_max
        self._play(
            proto.landing_seen(
                lift.end_s,
                ended,
                pelvic_drop_deg=drop,
                trunk_lean_deg=lean,  # type: ignore[arg-type]
            )
        )
        self._file_trial(None, drop, lean)
        self._show_state()

    def _file_trial(
        self, ended_by: str | None, drop: float | None = None, lean: float | None = None
    ) -> None:
        proto = self.proto
        if proto is None or proto.pending is None:
            return
        if drop is None and lean is None and self.tracker is not None:
            drop, lean = self.tracker.open_measures()
        trial = proto.record(ended_by or proto.pending.ended_by)  # type: ignore[arg-type]
        row = StanceTrial(
            side=trial.side,
            trial_no=trial.trial_no,
            seconds=trial.seconds,
            ended_by=trial.ended_by,
            capped=trial.capped,
            pelvic_drop_deg=_degrees(drop, -90.0),
            trunk_lean_deg=_degrees(lean, 0.0),
        )
        self._save(row)
        measured = ""
        if row.pelvic_drop_deg is not None:
            measured = f" Pelvic drop {row.pelvic_drop_deg:.1f}°"
            if row.trunk_lean_deg is not None:
                measured += f", trunk lean {row.trunk_lean_deg:.1f}°"
            measured += "."
        self.last_result.setText(
            f"{trial.side.capitalize()} leg, trial {trial.trial_no}: {fmt_s(trial.seconds)} s, "
            f"ended by {trial.ended_by.replace('_', ' ')}.{measured}"
        )
        if proto.is_over:
            self._end(abandon=False)

    def _show_state(self) -> None:
        proto, tracker = self.proto, self.tracker
        if proto is None or tracker is None:
            return
        side = proto.current_side or "left"
        other = "right" if side == "left" else "left"
        self.header.setText(
            f"{side.capitalize()} leg · trial {proto.current_trial_no or 1} of "
            f"{proto.trials_per_side}"
        )
        self.finish_button.setEnabled(proto.can_finish)
        self.stop_button.setEnabled(proto.phase in (Phase.COUNTDOWN, Phase.WAITING, Phase.TIMING))
        phase = proto.phase
        if phase is Phase.TIMING:
            text = f"Timing. Stand still on your {side} leg."
            self.timer.setText(fmt_s(proto.elapsed()))
        elif phase is Phase.COUNTDOWN:
            text = "Get ready…"
            self.timer.setText(str(proto.countdown_left()))
        elif phase is Phase.WAITING:
            text = f"Now lift your {other} foot, hands on hips."
            self.timer.setText(fmt_s(0.0))
        elif tracker.last_measures is None:
            text = "Step back until your whole body, feet included, is inside the frame."
        elif not tracker.hands_on_hips:
            text = "Put your hands on your hips."
        elif tracker.lifted is not None:
            text = "Put both feet on the floor."
        else:
            text = "Hold still: the countdown starts in a moment."
        self.instruction.setText(text)
