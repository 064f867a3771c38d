"""Saving the camera test as a video: only when asked, in the folder chosen, playable, as
long as what it shows; and nothing written anywhere when not asked."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from glutemed.capture.camera_support import CameraSupport
from glutemed.capture.clip_memory import HeldFrame
from glutemed.capture.video_file import VideoFileSource, play_to_end
from glutemed.domain.clock import FakeClock
from glutemed.pose.estimator import PoseEstimator
from glutemed.store import Store
from glutemed.ui.common.events import DataEvents
from glutemed.ui.stance.page import StancePage

pytestmark = pytest.mark.slow

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CLIP = Path(__file__).resolve().parents[1] / "fixtures" / "pose" / "camera_test_two_trials.mp4"


class NoSound:
    def play(self, cue: str, words: str | None = None) -> None:
        pass

    def prepare(self) -> None:
        pass


@pytest.fixture
def quiet_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A home (the first save folder) and a temp folder of the test's own, both empty."""
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return home, temp


def make_page(qtbot: QtBot, store: Store, asked: list[str], answer: Path | None) -> StancePage:
    def ask(suggested: str) -> str:
        asked.append(suggested)
        return "" if answer is None else str(answer / Path(suggested).name)

    camera = CameraSupport(lambda: VideoFileSource(CLIP), PoseEstimator, lambda: True)
    page = StancePage(store, FakeClock(), DataEvents(), NoSound(), wall_clock=lambda: NOW,
                      camera=camera, ask_video=ask)  # fmt: skip
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def child(page: StancePage, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = page.findChild(kind, name)
    assert found is not None, name
    return found


def played(path: Path) -> tuple[int, float]:
    """Frames and seconds of a video, read back through QMediaPlayer."""
    source = VideoFileSource(path)
    frames: list[int] = []
    source.sink.videoFrameChanged.connect(lambda _f: frames.append(1))
    play_to_end(source)
    return len(frames), source.duration_s


def span(frames: list[HeldFrame]) -> float:
    return frames[-1].t - frames[0].t + 0.1  # the clip is 10 fps: the last frame lasts 0.1 s


def test_a_trial_and_the_whole_test_are_saved_as_videos_when_asked(
    qtbot: QtBot, store: Store, data_dir: Path, quiet_home: tuple[Path, Path], tmp_path: Path
) -> None:
    home, temp = quiet_home
    chosen = tmp_path / "videos"
    chosen.mkdir()
    asked: list[str] = []
    page = make_page(qtbot, store, asked, chosen)
    qtbot.waitUntil(lambda: child(page, QPushButton, "useCameraButton").isVisible())
    child(page, QPushButton, "useCameraButton").click()
    run = page.camera_run
    assert run is not None
    save_trial = child(run, QPushButton, "saveTrialVideoButton")
    assert not save_trial.isEnabled()  # nothing timed yet
    trials: list[list[HeldFrame]] = []

    def first_trial_filed() -> None:
        if not trials and save_trial.isEnabled():
            trials.append(run.videos.memory.last_trial())
            save_trial.click()  # the explicit button, right after the trial

    run.videos.changed.connect(first_trial_filed)
    note = child(run, QLabel, "cameraVideoNote")
    qtbot.waitUntil(lambda: note.text().startswith("Video saved"), timeout=120_000)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results, timeout=120_000)

    button = child(page.results, QPushButton, "saveTestVideoButton")
    assert button.isVisible() and button.isEnabled()
    whole = run.videos.memory.whole_test()
    button.click()
    results_note = child(page.results, QLabel, "resultsVideoNote")
    qtbot.waitUntil(lambda: results_note.text().startswith("Video saved"), timeout=60_000)

    trial_file = chosen / "glutemed-stance-2026-03-02-0900-left-leg-trial-1.mp4"
    test_file = chosen / "glutemed-stance-2026-03-02-0900-test.mp4"
    assert sorted(chosen.iterdir()) == sorted([trial_file, test_file])
    # The first dialog opened in the home folder, the next where the first video went.
    assert [Path(p).parent for p in asked] == [home, chosen]
    frames, seconds = played(trial_file)
    assert abs(frames - len(trials[0])) <= 1  # the sink may hand over the last frame twice
    assert seconds == pytest.approx(span(trials[0]), abs=0.25)
    assert seconds >= 3.0 + 3.0  # the count-down and the 3 s on one leg
    frames, seconds = played(test_file)
    assert abs(frames - len(whole)) <= 1
    left = [f for f in whole if f.trial == whole[0].trial]
    right = [f for f in whole if f.trial != whole[0].trial]
    assert seconds == pytest.approx(span(left) + span(right), abs=0.3)  # the pause cut out
    # Leaving the results lets the pictures go; nothing else was written anywhere.
    child(page.results, QPushButton, "resultsDoneButton").click()
    assert run.videos.memory.frames_held == 0
    assert not button.isVisible()
    assert list(home.iterdir()) == [] and list(temp.iterdir()) == []
    assert all(".sqlite3" in p.name for p in data_dir.rglob("*") if p.is_file())


def test_without_asking_no_picture_is_written_anywhere(
    qtbot: QtBot, store: Store, data_dir: Path, quiet_home: tuple[Path, Path], tmp_path: Path
) -> None:
    home, temp = quiet_home
    asked: list[str] = []
    page = make_page(qtbot, store, asked, tmp_path / "never")
    child(page, QPushButton, "useCameraButton").click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results, timeout=120_000)
    run = page.camera_run
    assert run is not None and run.videos.memory.frames_held > 0  # held, in memory only
    assert asked == [] and not (tmp_path / "never").exists()
    assert list(home.iterdir()) == [] and list(temp.iterdir()) == []
    written = {p.name for p in data_dir.rglob("*") if p.is_file()}
    assert written and all(".sqlite3" in name for name in written), written
    before = {p for p in tmp_path.rglob("*")}
    child(page.results, QPushButton, "resultsDoneButton").click()
    assert run.videos.memory.frames_held == 0 and run.videos.memory.bytes_held == 0
    assert {p for p in tmp_path.rglob("*")} == before


def test_a_cancelled_dialog_saves_nothing_and_the_offer_stays(
    qtbot: QtBot, store: Store, quiet_home: tuple[Path, Path]
) -> None:
    asked: list[str] = []
    page = make_page(qtbot, store, asked, None)  # the person cancels the dialog
    child(page, QPushButton, "useCameraButton").click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.results, timeout=120_000)
    button = child(page.results, QPushButton, "saveTestVideoButton")
    button.click()
    assert len(asked) == 1
    assert button.isEnabled() and child(page.results, QLabel, "resultsVideoNote").text() == ""
    home, temp = quiet_home
    assert list(home.iterdir()) == [] and list(temp.iterdir()) == []
