"""Recovery of a damaged, empty or missing data file: keep the bad file aside, restore the
newest good backup, then salvage every row still readable in the bad file that the
backup lacks."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from glutemed.store import backups
from glutemed.store.files import StoreError, is_damage, open_readonly, unreadable_reason

# Rows read per query while salvaging; a failing chunk is retried row by row.
CHUNK = 256
# Tables in parent-before-child order, so a salvaged child finds its salvaged parent.
SALVAGE_ORDER = (
    "settings",
    "routines",
    "routine_items",
    "workout_sessions",
    "set_logs",
    "stance_sessions",
    "stance_trials",
    "pain_logs",
)


class Recovery(NamedTuple):
    """What happened when a damaged, empty or missing file was found on open."""

    damaged_copy: Path | None
    restored_from: Path | None
    reason: str = "damaged"  # "damaged", "empty" or "missing"
    salvaged: int = 0

    def message(self) -> str:
        what = {
            "damaged": "Your data file was damaged",
            "empty": "Your data file was empty while your backups hold data",
            "missing": "Your data file was missing while your backups hold data",
        }[self.reason]
        if self.restored_from is None:
            text = f"{what} and no good backup was found; GluteMed started a new file."
        else:
            text = f"{what}, so GluteMed restored the backup {self.restored_from.name}."
        if self.salvaged:
            text += (
                f" It also saved {self.salvaged} newer record(s) that were still readable "
                "in the damaged file."
            )
        if self.damaged_copy is not None:
            text += f" The old file was kept at {self.damaged_copy}."
        return text


def check_file(path: Path, *, thorough: bool) -> bool:
    """True when *path* passes SQLite's check (integrity_check if *thorough*, else the
    faster quick_check); False when it is damaged. Raises StoreError when the file cannot
    be read for another reason (locked, no permission): that is not damage."""
    if path.exists() and not os.access(path, os.R_OK):
        raise StoreError(f"GluteMed has no permission to read the data file {path}")
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        conn = open_readonly(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        reason = unreadable_reason(path, exc)
        if reason is not None:
            raise StoreError(reason) from exc
        return False
    return [r[0] for r in rows] == ["ok"]


def is_healthy(path: Path) -> bool:
    """For backups: sound by integrity_check; any error means not usable."""
    try:
        return check_file(path, thorough=True)
    except StoreError:
        return False


def move_aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    return target


def recover(path: Path, now: datetime, reason: str) -> Recovery:
    """Move the bad file aside (if any) and put the newest good backup in its place."""
    damaged = move_aside(path, now) if path.exists() else None
    folder = path.parent / backups.BACKUPS_DIRNAME
    # An empty or lost file is only worth replacing by a copy that has the user's records.
    good = backups.newest_good_backup(folder, is_healthy, with_data=reason != "damaged")
    if good is not None:
        backups.copy_database(good, path)
    return Recovery(damaged_copy=damaged, restored_from=good, reason=reason)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _readable_rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[Any]:
    """Every row of *table* that can still be read, walking rowid ranges and stepping
    over ranges whose pages are damaged."""
    select = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid >= ? ORDER BY rowid"

    def read(start: int, limit: int) -> list[Any] | None:
        # `>=` seeks straight to the first page that can hold *start*; `>` would first
        # land on the row before it, which may sit on the damaged page.
        try:
            return conn.execute(f"{select} LIMIT {limit}", (start,)).fetchall()
        except sqlite3.DatabaseError:
            return None

    found: list[Any] = []
    start = -(2**63)
    while True:
        chunk = read(start, CHUNK)
        if chunk is None:
            chunk = read(start, 1)
        if chunk is None:  # damage at *start*: find where reading works again
            skip = 1
            while start + skip < 2**63 - 1 and read(start + skip, 1) is None:
                skip *= 2
            if start + skip >= 2**63 - 1:
                return found
            low, high = start + skip // 2, start + skip
            while high - low > 1:  # the first start past the damage that reads
                middle = (low + high) // 2
                if read(middle, 1) is None:
                    low = middle
                else:
                    high = middle
            chunk = read(high, 1) or []
        if not chunk:
            return found
        found.extend(chunk)
        if chunk[-1][0] >= 2**63 - 1:
            return found
        start = chunk[-1][0] + 1


def salvage(damaged: Path, conn: sqlite3.Connection) -> int:
    """Put back rows readable in *damaged* that *conn*'s file lacks, in one transaction.

    A row is put back only when its key is free and its references resolve, so nothing
    the backup restored is overwritten. Returns how many rows were saved."""
    try:
        source = open_readonly(damaged)
    except sqlite3.DatabaseError:
        return 0
    # Text whose bytes were hit still saves the rest of its row.
    source.text_factory = lambda raw: raw.decode("utf-8", "replace")
    saved = 0
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in SALVAGE_ORDER:
                saved += _salvage_table(source, conn, table)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        source.close()
    return saved


def _salvage_table(source: sqlite3.Connection, conn: sqlite3.Connection, table: str) -> int:
    try:
        theirs = set(_columns(source, table))
    except sqlite3.DatabaseError as exc:
        if is_damage(exc) or isinstance(exc, sqlite3.OperationalError):
            return 0
        raise
    columns = [c for c in _columns(conn, table) if c in theirs]
    if not columns:
        return 0
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    saved = 0
    for row in _readable_rows(source, table, columns):
        try:
            saved += conn.execute(sql, tuple(row)[1:]).rowcount
        except sqlite3.IntegrityError:
            continue  # its parent was lost with a damaged page: nothing to attach it to
    return saved
