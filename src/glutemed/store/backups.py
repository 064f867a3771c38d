"""Dated copies through SQLite's backup API; 7 daily and 4 weekly kept."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

BACKUPS_DIRNAME = "backups"
DAILY_PREFIX = "glutemed-"
KEEP_DAILY = 7
KEEP_WEEKLY = 4


def copy_database(source: Path, target: Path) -> None:
    """Copy a database file consistently (even while it is open elsewhere)."""
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        _backup_into(src, partial)
    finally:
        src.close()
    os.replace(partial, target)


def _backup_into(conn: sqlite3.Connection, target: Path) -> None:
    if target.exists():
        target.unlink()
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
        # A copy must stand alone: no WAL beside it.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def take_backup(conn: sqlite3.Connection, folder: Path, label: str, now: datetime) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{label}-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    _backup_into(conn, partial)
    os.replace(partial, target)
    return target


def daily_path(folder: Path, day: date) -> Path:
    return folder / f"{DAILY_PREFIX}{day.isoformat()}.sqlite3"


def dated_backups(folder: Path) -> list[tuple[date, Path]]:
    """Daily backups, newest first."""
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


def daily_backup(conn: sqlite3.Connection, folder: Path, today: date) -> Path | None:
    """Take today's backup unless it exists; then prune. Returns the new file, if any."""
    target = daily_path(folder, today)
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    _backup_into(conn, partial)
    os.replace(partial, target)
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


def prune(folder: Path) -> list[Path]:
    found = dated_backups(folder)
    keep = backups_to_keep([d for d, _ in found])
    removed = [p for d, p in found if d not in keep]
    for path in removed:
        path.unlink()
    return removed


def newest_good_backup(folder: Path, healthy: Callable[[Path], bool]) -> Path | None:
    candidates = [p for _, p in dated_backups(folder)]
    if folder.is_dir():
        extra = [p for p in folder.glob("*.sqlite3") if p not in candidates]
        candidates += sorted(extra, key=lambda p: p.stat().st_mtime, reverse=True)
    for path in candidates:
        if healthy(path):
            return path
    return None
