"""A video file played through QMediaPlayer into a QVideoSink: the camera's frame path,
fed from a file (for `glutemed stance analyse` and for tests of the camera page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

# Decoding is cheap next to inference, and the player hands over every frame (it waits
# for a busy receiver rather than dropping), so play as fast as analysis goes.
FAST_PLAYBACK = 16.0
STALL_MS = 15_000  # no frame and no end for this long: give up with a message


class VideoProblem(Exception):
    """The file cannot be played as a video: one line for the user."""


class VideoFileSource(QObject):
    """Plays `path` into `sink`; `finished()` at its end, `failed(message)` otherwise."""

    finished = Signal()
    failed = Signal(str)
    started = Signal()

    drop_late_frames = False  # a recording: every frame counts

    @staticmethod
    def frame_time(frame: QVideoFrame) -> float:
        """The frame's own time in the video, in seconds."""
        return max(frame.startTime(), 0) / 1e6

    def __init__(self, path: Path, rate: float = FAST_PLAYBACK, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.sink = QVideoSink(self)
        self.player = QMediaPlayer(self)
        self.player.setVideoSink(self.sink)
        self.player.setPlaybackRate(rate)
        self.player.mediaStatusChanged.connect(self._status)
        self.player.errorOccurred.connect(self._error)
        self._frames = 0
        self._done = False
        self._stall = QTimer(self)
        self._stall.setSingleShot(True)
        self._stall.setInterval(STALL_MS)
        self._stall.timeout.connect(lambda: self._fail("the video stopped delivering frames"))
        self.sink.videoFrameChanged.connect(self._frame_arrived)

    @property
    def duration_s(self) -> float:
        return max(self.player.duration(), 0) / 1000.0

    def start(self) -> None:
        if not self.path.is_file():
            QTimer.singleShot(0, lambda: self._fail(f"no such video file: {self.path}"))
            return
        self.player.setSource(QUrl.fromLocalFile(str(self.path.resolve())))
        self._stall.start()
        self.player.play()

    def stop(self) -> None:
        self._done = True
        self._stall.stop()
        self.player.stop()

    def _frame_arrived(self) -> None:
        if self._frames == 0:
            self.started.emit()
        self._frames += 1
        self._stall.start()

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and not self._done:
            if self._frames == 0:
                self._fail(f"{self.path.name} has no video frames")
                return
            self._done = True
            self._stall.stop()
            self.finished.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail(f"cannot read {self.path.name} as a video")

    def _error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self._fail(f"cannot read {self.path.name} as a video ({message or 'unknown error'})")

    def _fail(self, message: str) -> None:
        if self._done:
            return
        self._done = True
        self._stall.stop()
        self.player.stop()
        self.failed.emit(message)


def play_to_end(source: VideoFileSource) -> None:
    """Run the event loop until the file has played; raises VideoProblem on failure."""
    loop = QEventLoop()
    problems: list[str] = []
    source.finished.connect(loop.quit)
    source.failed.connect(problems.append)
    source.failed.connect(loop.quit)
    source.start()
    loop.exec()
    if problems:
        raise VideoProblem(problems[0])
