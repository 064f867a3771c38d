"""The data folder's files at the operating-system level: private permissions, read-only
opens through properly escaped URIs, telling damage apart from a file we cannot read,
and never leaving a half-written `.partial` copy behind."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import stat
from pathlib import Path

PARTIAL_SUFFIX = ".partial"
FOLDER_MODE = 0o700
FILE_MODE = 0o600
# Error codes that mean "the bytes are not a sound database", as opposed to "we may not
# or cannot read them just now" (locked, no permission, no space, I/O error).
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
# SQLite needs this much room for the shared-memory file that sits beside a WAL file.
_ROOM_TO_OPEN = 64 * 1024


class StoreError(Exception):
    """A problem with the data file that the user must be told about in plain words."""


class DiskFull(StoreError):
    """No space left where a file was being written."""


def readonly_uri(path: Path) -> str:
    """A `file:` URI for *path* opened read-only. `as_uri` percent-escapes `%`, `?` and `#`,
    which SQLite would otherwise read as escapes, the query and the fragment."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def open_readonly(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=check_same_thread)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.Error):
        return _code(exc).startswith("SQLITE_FULL")
    return False


def disk_full_message(path: Path) -> str:
    return f"the disk holding {path.parent} is full; free some space and try again"


def _code(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", ""))


def is_damage(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file's content is broken (not merely unreadable now:
    locked, no permission, no space and I/O errors are never called damage)."""
    if _code(exc).startswith(_DAMAGE_CODES):
        return True
    # Text that no longer decodes is damaged content; Python raises it without a code.
    return isinstance(exc, sqlite3.OperationalError) and "decode" in str(exc)


def unreadable_reason(path: Path, exc: sqlite3.Error) -> str | None:
    """Why a file cannot be opened although it may be sound, in the user's words; None
    when the error is damage."""
    if is_damage(exc):
        return None
    code = _code(exc)
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"the data file {path} is locked by another program; close that program "
            "(or another GluteMed) and try again"
        )
    if code.startswith("SQLITE_FULL"):
        return disk_full_message(path)
    if not os.access(path, os.R_OK) or code.startswith(("SQLITE_PERM", "SQLITE_AUTH")):
        return f"GluteMed has no permission to read the data file {path}; check its owner"
    if code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY")):
        free = shutil.disk_usage(path.parent).free if path.parent.exists() else 1
        if free < _ROOM_TO_OPEN:
            return disk_full_message(path)
        return f"the data file {path} could not be read ({exc}); nothing was changed"
    return f"the data file {path} could not be opened ({exc}); nothing was changed"


def make_private_folder(folder: Path) -> None:
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _tighten(folder, FOLDER_MODE)


def create_private_file(path: Path) -> None:
    """Create *path* new, empty and readable by its owner only (then written into). Any
    file or link already there is removed first, so nothing is written through a link."""
    discard(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    _tighten(path, FILE_MODE)


def _tighten(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # not ours to change (e.g. a shared portable folder)
        if stat.S_IMODE(path.stat().st_mode) & ~mode:
            path.chmod(stat.S_IMODE(path.stat().st_mode) & mode)


def tighten_data_folder(folder: Path) -> None:
    """Make an existing data folder private: 0700 folders, 0600 files (pain diaries are
    health records; Debian's home folders are readable by other local accounts)."""
    _tighten(folder, FOLDER_MODE)
    for child in folder.iterdir() if folder.is_dir() else ():
        if child.is_symlink():
            continue
        if child.is_dir():
            _tighten(child, FOLDER_MODE)
            for inner in child.iterdir():
                if inner.is_file() and not inner.is_symlink():
                    _tighten(inner, FILE_MODE)
        elif child.is_file():
            _tighten(child, FILE_MODE)


def remove_partials(folder: Path) -> list[Path]:
    """Delete half-written copies a killed process left (they are never a usable file)."""
    removed: list[Path] = []
    for partial in folder.glob(f"*{PARTIAL_SUFFIX}") if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            partial.unlink()
            removed.append(partial)
    return removed


def discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
