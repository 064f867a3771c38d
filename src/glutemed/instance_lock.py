"""One writer per data folder: a second app instance is refused before it opens the file.

The lock is an operating-system lock on `glutemed.lock` (flock on POSIX, a byte-range lock
on Windows). The system drops it the moment its owner exits, however it exits, so a lock
file left by a crash, a 0-byte or garbled file, or a pid from another host never locks
anyone out: only a live owner holds the lock. The pid written inside is for people."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from pathlib import Path
from typing import IO

LOCK_NAME = "glutemed.lock"


class LockProblem(RuntimeError):
    """The data folder cannot be used by this process; the message says why."""


class AlreadyRunning(LockProblem):
    pass


class LockUnavailable(LockProblem):
    """The folder cannot hold a lock at all (read-only, full disk): not "already running"."""


class InstanceLock:
    """Held until `unlock` (or until the process ends)."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self._handle: IO[bytes] | None = handle

    def unlock(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            _unlock(self._handle)
        with contextlib.suppress(OSError):
            self._handle.close()
        self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows runners only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _host() -> str:
    return os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")


def _unavailable(data_dir: Path, exc: OSError) -> LockUnavailable:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        text = f"the disk holding {data_dir} is full; free some space and try again"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        text = f"the data folder {data_dir} is read-only; choose another with --data-dir"
    else:
        text = f"cannot use the data folder {data_dir}: {exc.strerror or exc}"
    return LockUnavailable(text)


def _clear_non_file(path: Path) -> None:
    """A folder (or anything but a file) named like the lock is no owner: move it aside."""
    if path.is_symlink() or not path.exists() or path.is_file():
        return
    try:
        path.rmdir()
    except OSError:
        os.replace(path, path.with_name(f"{LOCK_NAME}.moved-{time.strftime('%Y%m%d-%H%M%S')}"))


def acquire(data_dir: Path, wait_s: float = 0.2) -> InstanceLock:
    """Hold the folder's lock for the life of the returned object."""
    path = data_dir / LOCK_NAME
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        _clear_non_file(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise _unavailable(data_dir, exc) from exc
    handle = os.fdopen(fd, "r+b", buffering=0)  # nothing left to flush (and fail) on close
    deadline = time.monotonic() + wait_s
    while not _try_lock(handle):
        if time.monotonic() >= deadline:
            handle.close()
            raise AlreadyRunning(
                f"GluteMed is already running with the data folder {data_dir}; "
                "switch to that window (or close it) and try again"
            )
        time.sleep(0.02)  # the other owner may be just closing
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {_host()}\n".encode())
    except OSError:
        pass  # the pid is only for people; on a full disk the store says so itself
    return InstanceLock(path, handle)
