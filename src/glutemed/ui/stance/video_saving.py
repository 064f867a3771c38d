"""Saving a camera test's pictures as a video, only when the person asks.

The frames wait in memory (`ClipMemory`) and are let go when the person leaves the test;
a file is written only after "Save … as a video" and a folder and name are chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from glutemed.capture.clip_memory import ClipMemory, HeldFrame

if TYPE_CHECKING:  # Qt Multimedia (~6 MB resident) loads when a video is written
    from glutemed.capture.clip_writer import ClipWriter

AskPath = Callable[[str], str]  # suggested file name -> chosen path ("" when cancelled)


def ask_video_path(suggested: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(None, "Save as a video", suggested, "MP4 video (*.mp4)")
    return path


class TrialVideos(QObject):
    """Holds the trials' frames; `changed()` when what can be saved changes, `message(text)`
    to tell the person how a save went, `saved(path)` once a file is complete."""

    changed = Signal()
    message = Signal(str)
    saved = Signal(str)

    def __init__(self, ask_path: AskPath, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ask_path = ask_path
        self.memory = ClipMemory()
        self.writer: ClipWriter | None = None
        self._spent: list[ClipWriter] = []
        self._taken_at: datetime | None = None
        self._last_name = "trial"

    # ----- what the camera run tells it ------------------------------------------------------

    def begin(self, taken_at: datetime) -> None:
        self.forget()
        self._taken_at = taken_at

    def trial_started(self) -> None:
        self.memory.start_trial()
        self.changed.emit()

    def trial_cancelled(self) -> None:
        self.memory.cancel_trial()

    def trial_filed(self, side: str, trial_no: int) -> None:
        self.memory.end_trial()
        self._last_name = f"{side}-leg-trial-{trial_no}"
        self.changed.emit()

    def frame(self, image: QImage, t: float) -> None:
        self.memory.add(image, t)

    def forget(self) -> None:
        """Let every picture go (a new test, or the person left the results)."""
        self.memory.clear()
        self.changed.emit()

    # ----- what the person can do --------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.writer is not None

    def can_save_trial(self) -> bool:
        return not self.busy and bool(self.memory.last_trial())

    def can_save_test(self) -> bool:
        return not self.busy and bool(self.memory.whole_test())

    def save_trial(self) -> None:
        self._save(self.memory.last_trial(), self._last_name, whole=False)

    def save_test(self) -> None:
        self._save(self.memory.whole_test(), "test", whole=True)

    def _save(self, frames: list[HeldFrame], what: str, *, whole: bool) -> None:
        if not frames or self.busy:
            return
        day = f"-{self._taken_at:%Y-%m-%d-%H%M}" if self._taken_at else ""
        chosen = self.ask_path(f"glutemed-stance{day}-{what}.mp4")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".mp4":
            path = path.with_name(path.name + ".mp4")
        from glutemed.capture.clip_writer import ClipWriter

        writer = ClipWriter(frames, path)  # no parent: this object's reference owns it
        lost = whole and self.memory.lost_oldest
        writer.saved.connect(lambda where: self._done(where, lost))
        writer.failed.connect(self._failed)
        self.writer = writer
        self.changed.emit()
        self.message.emit("Saving the video…")
        writer.start()

    def _done(self, where: str, lost: bool) -> None:
        self._finish_writer()
        tail = " The first trials no longer fitted in memory, so it starts later." if lost else ""
        self.message.emit(f"Video saved to {where}.{tail}")
        self.saved.emit(where)

    def _failed(self, reason: str) -> None:
        self._finish_writer()
        self.message.emit(f"The video could not be saved: {reason}.")

    def _finish_writer(self) -> None:
        # Let the writer go once its own signal has returned, not from inside it (and not
        # with deleteLater: a deferred delete can outlive this object's children).
        if self.writer is not None:
            self._spent.append(self.writer)
            self.writer = None
            QTimer.singleShot(0, self._spent.clear)
        self.changed.emit()
