"""The trials' pictures, held in memory (never on disk) until the person asks to save them.

Each kept frame is compressed to JPEG in memory, at most `KEEP_FPS` frames a second: a
640x480 frame is 19-28 kB on the fixtures (`clip_frame_kb` benchmark; a grainy webcam
more) against 0.9 MB raw, so a 60 s trial (the longest cap) is about 900 frames and
25 MB. The whole store is bounded by `MAX_FRAMES` and `MAX_BYTES`, whichever comes
first; past either, the oldest frames are let go.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

KEEP_FPS = 15.0  # the live view's own floor: enough to see a wobble, half of 30 fps' bytes
MAX_FRAMES = 4_500  # five minutes at KEEP_FPS
MAX_BYTES = 96 * 1024 * 1024
JPEG_QUALITY = 80


@dataclass(frozen=True, slots=True)
class HeldFrame:
    t: float  # seconds, the source's own time
    jpeg: bytes
    trial: int  # which trial of the test (1, 2, ...) it belongs to

    def image(self) -> QImage:
        return QImage.fromData(self.jpeg)  # the JPEG header names the format


class ClipMemory:
    """Frames of the current and past trials of one camera test, oldest first."""

    def __init__(
        self,
        *,
        keep_fps: float = KEEP_FPS,
        max_frames: int = MAX_FRAMES,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self._gap = 1.0 / keep_fps
        self._max_frames = max_frames
        self._max_bytes = max_bytes
        self._frames: deque[HeldFrame] = deque()
        self._bytes = 0
        self._trial = 0
        self._recording = False
        self.finished_trial: int | None = None  # the last trial kept whole
        self.lost_oldest = False  # frames had to go to stay within the bounds

    @property
    def frames_held(self) -> int:
        return len(self._frames)

    @property
    def bytes_held(self) -> int:
        return self._bytes

    def start_trial(self) -> None:
        """From now on frames belong to a new trial; an unfinished one is let go."""
        if self._recording:
            self._drop_trial(self._trial)
        self._trial += 1
        self._recording = True

    def end_trial(self) -> None:
        """The trial was filed: its frames are complete and can be saved."""
        if self._recording:
            self._recording = False
            self.finished_trial = self._trial

    def cancel_trial(self) -> None:
        """The trial was not filed (a countdown cut short): its frames are let go."""
        if self._recording:
            self._recording = False
            self._drop_trial(self._trial)

    def add(self, image: QImage, t: float) -> None:
        """Keep the frame if a trial is under way and it is not too soon after the last."""
        if not self._recording:
            return
        last = self._frames[-1] if self._frames else None
        if last is not None and last.trial == self._trial and t - last.t < self._gap * 0.9:
            return
        frame = HeldFrame(t, _jpeg(image), self._trial)
        self._frames.append(frame)
        self._bytes += len(frame.jpeg)
        while len(self._frames) > self._max_frames or self._bytes > self._max_bytes:
            self._bytes -= len(self._frames.popleft().jpeg)
            self.lost_oldest = True
            if self.finished_trial is not None and not self.trial_frames(self.finished_trial):
                self.finished_trial = None

    def trial_frames(self, trial: int) -> list[HeldFrame]:
        return [frame for frame in self._frames if frame.trial == trial]

    def last_trial(self) -> list[HeldFrame]:
        """The last filed trial's frames (empty when none is held)."""
        if self.finished_trial is None:
            return []
        return self.trial_frames(self.finished_trial)

    def whole_test(self) -> list[HeldFrame]:
        """Every filed trial's frames, in order (a trial under way is left out)."""
        if self._recording:
            return [frame for frame in self._frames if frame.trial != self._trial]
        return list(self._frames)

    def clear(self) -> None:
        """Let every frame go (the person left the test)."""
        self._frames.clear()
        self._bytes = 0
        self._recording = False
        self.finished_trial = None
        self.lost_oldest = False

    def _drop_trial(self, trial: int) -> None:
        kept = deque(frame for frame in self._frames if frame.trial != trial)
        self._bytes = sum(len(frame.jpeg) for frame in kept)
        self._frames = kept


def _jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 wants the format as str here; its type stubs say bytes.
    image.save(buffer, "JPEG", JPEG_QUALITY)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())
