"""The trials' pictures in memory (bounded) and their video file, written only on request."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from glutemed.capture.clip_memory import ClipMemory, HeldFrame
from glutemed.capture.clip_writer import ClipWriter, frame_times


def picture(n: int, width: int = 320, height: int = 240) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB888)
    image.fill(QColor(40, 90, 160))
    painter = QPainter(image)
    painter.fillRect((n * 7) % (width - 40), 60, 40, 120, QColor("white"))
    painter.end()
    return image


def feed(memory: ClipMemory, first: float, seconds: float, fps: float = 30.0) -> None:
    for n in range(round(seconds * fps)):
        memory.add(picture(n), first + n / fps)


def probe(path: Path) -> dict[str, object]:
    ffprobe = shutil.which("ffprobe")
    assert ffprobe, "apt-get install ffmpeg"
    out = subprocess.run(
        [ffprobe, "-v", "error", "-count_frames", "-show_entries",
         "format=duration:stream=codec_type,nb_read_frames,width,height", "-of", "json",
         str(path)],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    data = json.loads(out)
    (stream,) = data["streams"]
    return {"duration": float(data["format"]["duration"]), **stream}


def test_frames_are_kept_only_during_a_trial_and_at_most_15_a_second(qtbot: QtBot) -> None:
    memory = ClipMemory()
    feed(memory, 0.0, 1.0)  # before any trial: not kept
    assert memory.frames_held == 0
    memory.start_trial()
    feed(memory, 1.0, 2.0)  # 60 frames at 30 fps
    memory.end_trial()
    feed(memory, 3.0, 1.0)  # between trials: not kept
    assert memory.frames_held == 30
    assert len(memory.last_trial()) == 30
    assert 0 < memory.bytes_held < 30 * 50_000  # compressed, not 230 kB raw frames


def test_an_unfiled_trial_is_let_go_and_the_last_filed_one_stays(qtbot: QtBot) -> None:
    memory = ClipMemory()
    memory.start_trial()
    feed(memory, 0.0, 1.0)
    memory.end_trial()
    memory.start_trial()
    feed(memory, 2.0, 1.0)
    assert len(memory.whole_test()) == 15  # the trial under way is not part of it yet
    memory.cancel_trial()  # a countdown cut short
    assert memory.frames_held == 15 and len(memory.last_trial()) == 15
    memory.start_trial()
    feed(memory, 4.0, 0.5)
    memory.start_trial()  # began again without filing: the half trial goes
    assert memory.frames_held == 15
    memory.clear()
    assert (memory.frames_held, memory.bytes_held, memory.last_trial()) == (0, 0, [])


def test_memory_is_bounded_by_frames_and_by_bytes_the_oldest_going_first(qtbot: QtBot) -> None:
    by_count = ClipMemory(max_frames=10)
    by_count.start_trial()
    feed(by_count, 0.0, 2.0)  # 30 frames kept at 15 fps, only the last 10 stay
    by_count.end_trial()
    assert by_count.frames_held == 10 and by_count.lost_oldest
    assert by_count.last_trial()[0].t == pytest.approx(40 / 30)
    one = len(by_count.last_trial()[0].jpeg)
    by_bytes = ClipMemory(max_bytes=one * 5)
    by_bytes.start_trial()
    feed(by_bytes, 0.0, 2.0)
    assert by_bytes.bytes_held <= one * 5 and 0 < by_bytes.frames_held <= 6


def test_the_pause_between_trials_is_cut_to_one_frame() -> None:
    frames = [HeldFrame(t, b"", 1) for t in (0.0, 0.1, 0.2)]
    frames += [HeldFrame(t, b"", 2) for t in (9.0, 9.1)]
    times = frame_times(frames)
    assert [start for start, _ in times] == [0, 100_000, 200_000, 300_000, 400_000]
    assert times[-1][1] == 500_000


def test_held_frames_become_a_playable_video_of_the_same_length(
    qtbot: QtBot, tmp_path: Path
) -> None:
    memory = ClipMemory()
    memory.start_trial()
    feed(memory, 5.0, 3.0)
    memory.end_trial()
    path = tmp_path / "trial.mp4"
    writer = ClipWriter(memory.last_trial(), path)
    with qtbot.waitSignal(writer.saved, timeout=30_000) as saved:
        writer.start()
    assert saved.args == [str(path)]
    found = probe(path)
    assert found["codec_type"] == "video" and (found["width"], found["height"]) == (320, 240)
    assert int(str(found["nb_read_frames"])) == 45
    assert found["duration"] == pytest.approx(3.0, abs=0.1)


def test_a_folder_that_cannot_be_written_gives_a_message_and_no_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    memory = ClipMemory()
    memory.start_trial()
    feed(memory, 0.0, 1.0)
    memory.end_trial()
    path = tmp_path / "gone" / "trial.mp4"  # the folder was removed after it was chosen
    writer = ClipWriter(memory.last_trial(), path)
    with qtbot.waitSignal(writer.failed, timeout=30_000) as failed:
        writer.start()
    assert failed.args[0]  # a reason to show
    assert not path.exists() and not path.parent.exists()


def test_nothing_to_save_is_said_and_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    writer = ClipWriter([], tmp_path / "empty.mp4")
    with qtbot.waitSignal(writer.failed, timeout=5_000) as failed:
        writer.start()
    assert failed.args == ["there are no pictures to save"]
    assert list(tmp_path.iterdir()) == []


def test_trial_videos_offer_only_filed_trials_and_save_only_where_asked(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from glutemed.ui.stance.video_saving import TrialVideos

    answers: list[str] = []
    asked: list[str] = []

    def ask(suggested: str) -> str:
        asked.append(suggested)
        return answers.pop(0)

    videos = TrialVideos(ask)
    videos.begin(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    videos.trial_started()
    for n in range(15):
        videos.frame(picture(n), n / 15)
    videos.trial_cancelled()  # a count-down cut short: nothing to offer
    assert not videos.can_save_trial() and not videos.can_save_test()
    videos.trial_started()
    for n in range(15):
        videos.frame(picture(n), 2 + n / 15)
    assert not videos.can_save_trial()  # still under way
    videos.trial_filed("right", 2)
    assert videos.can_save_trial() and videos.can_save_test()

    answers.append("")  # the dialog was cancelled
    videos.save_trial()
    assert asked == ["glutemed-stance-2026-03-02-0930-right-leg-trial-2.mp4"]
    assert not videos.busy and list(tmp_path.iterdir()) == []

    answers.append(str(tmp_path / "mine"))  # no extension typed: .mp4 is added
    with qtbot.waitSignal(videos.saved, timeout=30_000) as saved:
        videos.save_trial()
        assert videos.busy and not videos.can_save_trial()  # one video at a time
    assert saved.args == [str(tmp_path / "mine.mp4")]
    assert probe(tmp_path / "mine.mp4")["duration"] == pytest.approx(1.0, abs=0.1)
    videos.forget()
    assert not videos.can_save_test() and videos.memory.bytes_held == 0
