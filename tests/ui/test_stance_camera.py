"""The hands-free stance test driven end to end: a video file plays through the same
QMediaPlayer -> QVideoSink path the camera uses, and the page runs the protocol itself."""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtMultimedia import QVideoSink
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from glutemed.capture.camera_source import NO_CAMERA, CameraSource, busy_message
from glutemed.capture.camera_support import CameraSupport
from glutemed.capture.video_file import VideoFileSource
from glutemed.domain.clock import FakeClock
from glutemed.pose.estimator import PoseEstimator
from glutemed.store import Store
from glutemed.store.stance import list_sessions
from glutemed.ui.common.events import DataEvents
from glutemed.ui.stance.page import StancePage

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CLIP = Path(__file__).resolve().parents[1] / "fixtures" / "pose" / "camera_test_two_trials.mp4"


class RecordingSound:
    def __init__(self) -> None:
        self.cues: list[str] = []

    def play(self, cue: str, words: str | None = None) -> None:
        self.cues.append(cue)

    def prepare(self) -> None:
        pass


class FailingSource(QObject):
    """A camera that cannot start, as a busy or refused camera reports it."""

    failed = Signal(str)
    finished = Signal()
    started = Signal()
    drop_late_frames = True

    def __init__(self, message: str) -> None:
        super().__init__()
        self.sink = QVideoSink(self)
        self.message = message
        self.stopped = False

    def frame_time(self, _frame: object) -> float:
        return 0.0

    def start(self) -> None:
        QTimer.singleShot(0, lambda: self.failed.emit(self.message))

    def stop(self) -> None:
        self.stopped = True


def make_page(
    qtbot: QtBot, store: Store, source: Callable[[], QObject], present: bool = True
) -> tuple[StancePage, RecordingSound]:
    sound = RecordingSound()
    camera = CameraSupport(source, PoseEstimator, lambda: present)
    page = StancePage(store, FakeClock(), DataEvents(), sound, wall_clock=lambda: NOW,
                      camera=camera)  # fmt: skip
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    return page, sound


def button(page: StancePage, name: str) -> QPushButton:
    found = page.findChild(QPushButton, name)
    assert found is not None, name
    return found


@pytest.mark.slow
def test_the_camera_page_times_both_legs_from_a_video_and_files_the_measures(
    qtbot: QtBot, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the camera test tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    page, sound = make_page(qtbot, store, lambda: VideoFileSource(CLIP))
    qtbot.waitUntil(lambda: button(page, "useCameraButton").isVisible())
    indicator_while_saving: list[bool] = []
    page._events.stance_saved.connect(
        lambda: indicator_while_saving.append(run.camera_on.isVisible())
    )
    button(page, "useCameraButton").click()
    run = page.camera_run
    assert run is not None and page.stack.currentWidget() is run

    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results, timeout=120_000)

    (session,) = list_sessions(store)
    trials = sorted(session.trials, key=lambda t: t.trial_no * 10 + (t.side == "right"))
    assert [(t.side, t.trial_no) for t in trials] == [("left", 1), ("right", 1)]
    for trial in trials:
        assert trial.seconds == pytest.approx(3.0, abs=0.15)
        assert trial.ended_by == "foot_down"
        assert trial.pelvic_drop_deg is not None and abs(trial.pelvic_drop_deg) < 10
        assert trial.trunk_lean_deg is not None and 0 <= trial.trunk_lean_deg < 10
    assert indicator_while_saving == [True, True]  # camera on while it timed
    assert not run.camera_on.isVisible()  # and off once the test is over
    assert sound.cues.count("go") == 2 and sound.cues.count("stop") == 2
    assert sound.cues.count("tick") >= 6  # 3-2-1 before each trial
    assert run.view.frames_shown > 100
    # Frames never leave memory: the data folder holds the database (and its daily
    # backup) and nothing else.
    written = {p.name for p in data_dir.rglob("*") if p.is_file()}
    assert written and all(".sqlite3" in name for name in written), written


def test_no_camera_means_no_camera_button_and_the_manual_test_as_before(
    qtbot: QtBot, store: Store
) -> None:
    page, _ = make_page(qtbot, store, lambda: VideoFileSource(CLIP), present=False)
    qtbot.wait(10)
    assert not button(page, "useCameraButton").isVisible()
    button(page, "startTestButton").click()
    assert page.stack.currentWidget() is page.run


@pytest.mark.parametrize(
    "message",
    [busy_message("Device or resource busy"), NO_CAMERA, "GluteMed is not allowed"],
)
def test_a_camera_that_will_not_start_gives_one_message_and_the_manual_test(
    qtbot: QtBot, store: Store, message: str
) -> None:
    sources: list[FailingSource] = []

    def failing() -> FailingSource:
        sources.append(FailingSource(message))
        return sources[-1]

    page, _ = make_page(qtbot, store, failing)
    qtbot.waitUntil(lambda: button(page, "useCameraButton").isVisible())
    button(page, "useCameraButton").click()
    note = page.findChild(QLabel, "cameraNote")
    assert note is not None
    qtbot.waitUntil(lambda: note.isVisible())
    assert note.text() == message
    assert page.stack.currentWidget() is page._home
    assert sources[0].stopped
    assert list_sessions(store, with_empty=True) == []
    button(page, "startTestButton").click()  # the manual test works as before
    assert page.stack.currentWidget() is page.run


def test_turning_the_camera_off_before_any_trial_goes_back_to_the_manual_test(
    qtbot: QtBot, store: Store
) -> None:
    page, _ = make_page(qtbot, store, lambda: VideoFileSource(CLIP))
    qtbot.waitUntil(lambda: button(page, "useCameraButton").isVisible())
    button(page, "useCameraButton").click()
    assert page.camera_run is not None
    qtbot.waitUntil(lambda: page.camera_run.camera_on.isVisible(), timeout=30_000)  # type: ignore[union-attr]
    button(page, "cameraOffButton").click()
    assert page.stack.currentWidget() is page._home
    assert list_sessions(store, with_empty=True) == []


def test_a_machine_without_a_camera_says_so() -> None:
    source = CameraSource()
    messages: list[str] = []
    source.failed.connect(messages.append)
    source.start()
    assert messages == [NO_CAMERA]


def test_without_the_camera_part_the_page_offers_no_camera(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from glutemed.capture.camera_support import default_camera_support

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "ai_edge_litert" else real(name, *a),
    )
    assert default_camera_support() is None
    page = StancePage(store, FakeClock(), DataEvents(), RecordingSound(), camera=None)
    qtbot.addWidget(page)
    page.show()
    qtbot.wait(10)
    assert not button(page, "useCameraButton").isVisible()
    assert button(page, "startTestButton").isEnabled()


def test_a_broken_camera_part_says_so_and_keeps_the_manual_test(qtbot: QtBot, store: Store) -> None:
    from glutemed.pose.estimator import PoseRuntimeMissing

    def broken() -> PoseEstimator:
        raise PoseRuntimeMissing("the pose model pose_detection.tflite is missing from /x")

    sound = RecordingSound()
    camera = CameraSupport(lambda: VideoFileSource(CLIP), broken, lambda: True)
    page = StancePage(store, FakeClock(), DataEvents(), sound, camera=camera)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: button(page, "useCameraButton").isVisible())
    button(page, "useCameraButton").click()
    note = page.findChild(QLabel, "cameraNote")
    assert note is not None and note.isVisible()
    assert "pose_detection.tflite is missing" in note.text()
    assert page.stack.currentWidget() is page._home
