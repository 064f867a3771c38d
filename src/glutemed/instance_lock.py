"""One writer per data folder: a second app instance is refused before it opens the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "glutemed.lock"


class AlreadyRunning(RuntimeError):
    pass


def acquire(data_dir: Path) -> QLockFile:
    """Hold the folder's lock for the life of the returned object."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a crashed owner's lock is detected by its dead pid instead
    if not lock.tryLock(200):
        raise AlreadyRunning(
            f"GluteMed is already running with the data folder {data_dir}; "
            "switch to that window (or close it) and try again"
        )
    return lock
