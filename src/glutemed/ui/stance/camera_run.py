"""The hands-free stance test: the camera frames the person, counts down, times each
trial from the foot leaving the floor to it touching down (or a hand leaving the hip),
and files it with the measured pelvic drop and trunk lean.

The protocol runs on frame time (`FrameClock`), so a recording plays the same test as a
live camera, only faster; frames live in memory only, and are written to a video file
only when the person asks (`video_saving.TrialVideos`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from glutemed.domain.vocabulary import LeanSide, StancePhase
from glutemed.ops.changes import Changes
from glutemed.ops.stance import StanceRun, StanceStep
from glutemed.pose.landmarks import PoseLandmarks
from glutemed.pose.stance_rules import LeanSide as LeanWay
from glutemed.pose.stance_tracker import Lift, StanceTracker
from glutemed.stance.protocol import CAMERA_ENDINGS, StanceProtocol
from glutemed.stance.results import lean_text
from glutemed.stance.scoring import fmt_s
from glutemed.ui.stance.camera_view import CameraView
from glutemed.ui.stance.video_saving import AskPath, TrialVideos, ask_video_path

if TYPE_CHECKING:
    from glutemed.capture.camera_support import CameraSupport

READY_HOLD_S = 1.0  # framed, hands on hips, both feet down this long: count down


def _way(side: LeanWay | None) -> LeanSide | None:
    """The tracker's lean side as the store names it."""
    if side is None:
        return None
    return "stance" if side is LeanWay.STANCE else "swing"


class FrameClock:
    """Time as the frames tell it: live camera time, or a video's own time."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t


class StanceCameraRun(QWidget):
    """`finished()` when the test is over; `stopped(message)` when the camera stopped
    before any trial was filed (the page goes back to the manual test with the message)."""

    finished = Signal()
    stopped = Signal(str)

    def __init__(
        self,
        play: Callable[[StanceStep], None],
        announce: Callable[[Changes], None],
        parent: QWidget | None = None,
        *,
        ask_path: AskPath = ask_video_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stanceCameraRun")
        self.videos = TrialVideos(ask_path, self)
        self._play = play
        self._announce = announce
        self.clock = FrameClock()
        self.run: StanceRun | None = None
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
        self.camera_on.setToolTip(
            "The picture stays in memory and is never sent; it is saved only if you ask."
        )
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
        self.save_trial_button = QPushButton("Save this trial as a video…", self)
        self.save_trial_button.setObjectName("saveTrialVideoButton")
        self.save_trial_button.setToolTip(
            "Write the pictures of the trial just timed to a video file in a folder you "
            "choose. Nothing is saved unless you ask."
        )
        self.save_trial_button.setEnabled(False)
        self.save_trial_button.clicked.connect(self.videos.save_trial)
        side.addWidget(self.save_trial_button)
        self.video_note = QLabel(self)
        self.video_note.setObjectName("cameraVideoNote")
        self.video_note.setWordWrap(True)
        side.addWidget(self.video_note)
        self.videos.changed.connect(
            lambda: self.save_trial_button.setEnabled(self.videos.can_save_trial())
        )
        self.videos.message.connect(self.video_note.setText)
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

    @property
    def proto(self) -> StanceProtocol | None:
        return None if self.run is None else self.run.protocol

    def begin(self, run: StanceRun, camera: CameraSupport) -> None:
        """Start the camera (or video) and run the test from its frames."""
        from glutemed.capture.analyser import StanceAnalyser

        self.run = run
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
        self.video_note.clear()
        self.videos.begin(run.taken_at)
        self._show_state()
        self.instruction.setText("Starting the camera…")
        source.start()

    def turn_off(self) -> None:
        """Back to the manual test; trials already filed are kept."""
        self._end(abandon=True)

    def finish_test(self) -> None:
        if self.run is not None and self.run.protocol.can_finish:
            self.run.finish()
            self._end(abandon=False)

    def stop_timing(self) -> None:
        """A stop by hand (a wobble the camera missed): filed as ended by hand."""
        run = self.run
        if run is None:
            return
        if run.protocol.phase is StancePhase.WAITING:
            run.protocol.stop()  # not on one leg yet: back to getting ready
            self.videos.trial_cancelled()
        elif run.protocol.phase in (StancePhase.COUNTDOWN, StancePhase.TIMING):
            step = run.stop()
            self._play(step)
            if step.stopped is not None:
                self._file(*self._open_measures())
            else:
                self.videos.trial_cancelled()
        self._show_state()

    def _end(self, *, abandon: bool, message: str = "") -> None:
        run = self.run
        if self._analyser is not None:
            self._analyser.detach()
        if self._source is not None:
            self._source.stop()
        self.camera_on.setVisible(False)
        self.view.clear()
        self._source = self._analyser = None
        if run is None:
            return
        self.run = None
        self.videos.trial_cancelled()  # a trial under way was not filed
        if run.session_id is None:
            self.videos.forget()  # nothing was timed: nothing to keep
        if abandon:
            self._announce(run.abandon().changes)
        if run.session_id is not None:
            self.finished.emit()
        else:
            self.stopped.emit(message)

    def _source_failed(self, message: str) -> None:
        self._end(abandon=True, message=message)

    def _source_ended(self) -> None:
        """A recording ran out: a trial under way ends where the picture did."""
        run = self.run
        if run is not None and run.protocol.phase is StancePhase.TIMING:
            drop, lean, way = self._open_measures()
            self._filed(
                run.landing_seen(
                    self.clock.t,
                    "out_of_view",
                    pelvic_drop_deg=drop,
                    trunk_lean_deg=lean,
                    trunk_lean_side=way,
                )
            )
        self._end(abandon=True, message="The camera picture ended before a trial was timed.")

    # ----- frame by frame ----------------------------------------------------------------

    def _on_frame(self, image: QImage, pose: PoseLandmarks | None, t: float) -> None:
        run, tracker = self.run, self.tracker
        if run is None or tracker is None:
            return
        proto = run.protocol
        self.clock.t = t
        framed = tracker.last_measures is not None
        self.view.show_frame(image, pose, framed)
        self.videos.frame(image, t)
        if proto.phase in (StancePhase.COUNTDOWN, StancePhase.TIMING):
            self._play(run.tick())
        if proto.phase is StancePhase.WAITING and self._waiting_since == 0.0:
            self._waiting_since = t
        if proto.phase is StancePhase.OUTCOME:  # the cap
            self._file(*self._open_measures())
            if self.run is None:
                return
        elif proto.phase is StancePhase.READY:
            self._waiting_since = 0.0
            ready = framed and tracker.hands_on_hips and tracker.lifted is None
            if not ready:
                self._ready_since = None
            elif self._ready_since is None:
                self._ready_since = t
            elif t - self._ready_since >= READY_HOLD_S:
                self._ready_since = None
                self.videos.trial_started()
                self._play(run.start_camera_countdown())
        elif proto.phase is StancePhase.COUNTDOWN and (not framed or tracker.lifted is not None):
            run.stop()
            self.videos.trial_cancelled()
            self.last_result.setText("Wait for the count, then lift your foot.")
        self._show_state()

    def _on_lift(self, stance_side: str, start_t: float) -> None:
        run, tracker = self.run, self.tracker
        if run is None or tracker is None or run.protocol.phase is not StancePhase.WAITING:
            return
        proto = run.protocol
        if stance_side != proto.current_side:
            self.last_result.setText(
                f"That was your {stance_side} leg; this trial is for the "
                f"{proto.current_side} leg. Put your foot down and lift the other one."
            )
            return
        if not tracker.hands_on_hips:
            self.last_result.setText("Keep your hands on your hips while you stand.")
            return
        self._play(run.lift_seen(max(start_t, self._waiting_since)))
        self._show_state()

    def _on_landing(self, lift: Lift) -> None:
        run = self.run
        if run is None or run.protocol.phase is not StancePhase.TIMING:
            return
        ended = lift.ended_by.value if lift.ended_by.value in CAMERA_ENDINGS else "out_of_view"
        self._filed(
            run.landing_seen(
                lift.end_s,
                ended,
                pelvic_drop_deg=lift.pelvic_drop_deg_max,
                trunk_lean_deg=lift.trunk_lean_deg_max,
                trunk_lean_side=_way(lift.trunk_lean_side),
            )
        )
        self._show_state()

    def _open_measures(self) -> tuple[float | None, float | None, LeanSide | None]:
        if self.tracker is None:
            return (None, None, None)
        drop, lean, way = self.tracker.open_measures()
        return (drop, lean, _way(way))

    def _file(self, drop: float | None, lean: float | None, way: LeanSide | None) -> None:
        """Save a trial stopped by the cap or by hand, with what was measured so far."""
        if self.run is not None:
            self._filed(self.run.file_measured(drop, lean, way))

    def _filed(self, step: StanceStep) -> None:
        """A trial was saved: sounds, the line about it, and the end of the test if due."""
        self._play(step)
        self._announce(step.changes)
        row = step.saved
        if row is not None:
            self.videos.trial_filed(row.side, row.trial_no)
            measured = ""
            if row.pelvic_drop_deg is not None:
                measured = f" Pelvic drop {row.pelvic_drop_deg:.1f}°"
                if row.trunk_lean_deg is not None:
                    measured += f", trunk lean {lean_text(row.trunk_lean_deg, row.trunk_lean_side)}"
                measured += "."
            self.last_result.setText(
                f"{row.side.capitalize()} leg, trial {row.trial_no}: {fmt_s(row.seconds)} s, "
                f"ended by {row.ended_by.replace('_', ' ')}.{measured}"
            )
        if self.run is not None and self.run.protocol.is_over:
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
        self.stop_button.setEnabled(
            proto.phase in (StancePhase.COUNTDOWN, StancePhase.WAITING, StancePhase.TIMING)
        )
        phase = proto.phase
        if phase is StancePhase.TIMING:
            text = f"Timing. Stand still on your {side} leg."
            self.timer.setText(fmt_s(proto.elapsed()))
        elif phase is StancePhase.COUNTDOWN:
            text = "Get ready…"
            self.timer.setText(str(proto.countdown_left()))
        elif phase is StancePhase.WAITING:
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
