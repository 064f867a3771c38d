"""Copies through SQLite's backup API: daily ones (7 daily and 4 weekly kept) and manual
ones. A copy is only ever made of a file that passes `integrity_check`, written to a
private `.partial` file that is removed on any failure, then renamed into place."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from glutemed.store.files import (
    PARTIAL_SUFFIX,
    DiskFull,
    StoreError,
    create_private_file,
    discard,
    disk_full_message,
    is_disk_full,
    make_private_folder,
    open_readonly,
)

BACKUPS_DIRNAME = "backups"
DAILY_PREFIX = "glutemed-"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
# A file stamped more than a day ahead of the clock was written under a wrong clock: its
# time says nothing about its order, so it ranks after every plausibly dated copy.
FUTURE_SLACK_S = 86_400
DATA_TABLES = ("stance_sessions", "pain_logs", "workout_sessions", "routines", "set_logs")


class DamagedSource(StoreError):
    """The file to be copied fails integrity_check: a backup must never copy damage."""


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's full integrity_check finds wrong ([] when the file is sound)."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def copy_database(source: Path, target: Path) -> None:
    """Copy a database file consistently (even while it is open elsewhere)."""
    src = open_readonly(source)
    try:
        _write_copy(src, target)
    finally:
        src.close()


def _write_copy(conn: sqlite3.Connection, target: Path) -> None:
    """Check *conn*'s file, then copy it to *target* by way of a `.partial` file."""
    try:
        problems = integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        raise DamagedSource(f"the data file failed its check ({problems[0]}); no copy was made")
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        create_private_file(partial)
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            # A copy must stand alone: no WAL beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        discard(partial)
        if is_disk_full(exc):
            raise DiskFull(disk_full_message(target)) from exc
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"could not write the copy {target}: {exc}") from exc
        raise


def take_backup(conn: sqlite3.Connection, folder: Path, label: str, now: datetime) -> Path:
    make_private_folder(folder)
    target = folder / f"{label}-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    _write_copy(conn, target)
    return target


def daily_path(folder: Path, day: date) -> Path:
    return folder / f"{DAILY_PREFIX}{day.isoformat()}.sqlite3"


def dated_backups(folder: Path) -> list[tuple[date, Path]]:
    """Daily backups by the day in their names, newest first (for the keep rule only)."""
    found: list[tuple[date, Path]] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{DAILY_PREFIX}*.sqlite3"):
        try:
            day = date.fromisoformat(path.stem.removeprefix(DAILY_PREFIX))
        except ValueError:
            continue
        found.append((day, path))
    return sorted(found, reverse=True)


def by_time_taken(folder: Path, now: float | None = None) -> list[Path]:
    """Every backup (daily, manual, pre-migration), newest first by when it was written
    (its modification time), never by a name: those carry whatever the clock said."""
    if not folder.is_dir():
        return []
    limit = (time.time() if now is None else now) + FUTURE_SLACK_S
    stamped = []
    for path in folder.glob("*.sqlite3"):
        try:
            written = path.stat().st_mtime
        except OSError:
            continue
        stamped.append((written > limit, -written, path.name, path))
    return [entry[3] for entry in sorted(stamped)]


def holds_data(path: Path) -> bool:
    """True when the copy at *path* has any of the user's records."""
    try:
        conn = open_readonly(path)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            return any(
                conn.execute(f"SELECT EXISTS(SELECT 1 FROM {t})").fetchone()[0]
                for t in DATA_TABLES
                if t in names
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def daily_backup(conn: sqlite3.Connection, folder: Path, today: date) -> Path | None:
    """Take today's backup unless it exists; then prune. Returns the new file, if any."""
    target = daily_path(folder, today)
    if target.exists():
        return None
    make_private_folder(folder)
    _write_copy(conn, target)
    prune(folder)
    return target


def backups_to_keep(days: list[date]) -> set[date]:
    """The newest 7 days, then the newest backup of each of the 4 weeks before those."""
    ordered = sorted(set(days), reverse=True)
    keep = set(ordered[:KEEP_DAILY])
    weeks_seen: set[tuple[int, int]] = {d.isocalendar()[:2] for d in keep}
    weekly: list[date] = []
    for day in ordered[KEEP_DAILY:]:
        week = day.isocalendar()[:2]
        if week in weeks_seen:
            continue
        weeks_seen.add(week)
        weekly.append(day)
        if len(weekly) == KEEP_WEEKLY:
            break
    return keep | set(weekly)


def newest_with_data(folder: Path) -> Path | None:
    return next((p for p in by_time_taken(folder) if holds_data(p)), None)


def prune(folder: Path) -> list[Path]:
    """Apply the keep rule to daily backups, but never delete the newest copy that holds
    data: a run of empty days (a lost file, a fresh start) must not wipe the last one."""
    found = dated_backups(folder)
    keep = backups_to_keep([d for d, _ in found])
    doomed = [p for d, p in found if d not in keep]
    if not doomed:
        return []
    spared = newest_with_data(folder)
    removed = [p for p in doomed if p != spared]
    for path in removed:
        path.unlink()
    return removed


def newest_good_backup(
    folder: Path, healthy: Callable[[Path], bool], *, with_data: bool = False
) -> Path | None:
    """The newest backup by time taken that passes *healthy* (and holds data if asked)."""
    for path in by_time_taken(folder):
        if healthy(path) and (not with_data or holds_data(path)):
            return path
    return None
