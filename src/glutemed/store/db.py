"""Opening the one SQLite file: checks, recovery from backup, migrations, daily backup."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from glutemed.store import backups
from glutemed.store.migrations import SCHEMA_VERSION, apply_migrations, user_version

if TYPE_CHECKING:
    import sqlite_utils

DB_FILENAME = "glutemed.sqlite3"


class StoreError(Exception):
    """A problem with the data file that the user must be told about in plain words."""


class Recovery(NamedTuple):
    """What happened when a damaged file was found on open."""

    damaged_copy: Path
    restored_from: Path | None

    def message(self) -> str:
        if self.restored_from is None:
            return (
                f"Your data file was damaged and no good backup was found. The damaged file was "
                f"kept at {self.damaged_copy}; GluteMed started with an empty file."
            )
        return (
            f"Your data file was damaged, so GluteMed restored the backup from "
            f"{self.restored_from.name}. The damaged file was kept at {self.damaged_copy}."
        )


class Store:
    """An open data file. `conn` is in autocommit mode; use `transaction()` to write.

    A plain class, not a dataclass: it is made before the first paint (see catalog.model)."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        recovery: Recovery | None = None,
        migrated_from: int | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self.recovery = recovery
        self.migrated_from = migrated_from
        self.backups_made: list[Path] = []

    @property
    def db(self) -> sqlite_utils.Database:
        # Imported on use: sqlite-utils pulls in numpy (~0.2 s), too slow for start-up.
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def backups_dir(self) -> Path:
        return self.path.parent / backups.BACKUPS_DIRNAME

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a set reported as saved survives power loss, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def is_healthy(path: Path) -> bool:
    """True when SQLite's quick_check passes on the file at *path*."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return [r[0] for r in rows] == ["ok"]


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))
    return target


def _recover(path: Path, now: datetime) -> Recovery:
    damaged = _move_aside(path, now)
    good = backups.newest_good_backup(path.parent / backups.BACKUPS_DIRNAME, is_healthy)
    if good is not None:
        backups.copy_database(good, path)
    return Recovery(damaged_copy=damaged, restored_from=good)


def _check_writable(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {data_dir}: {exc.strerror}") from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreError(f"the data folder {data_dir} is read-only; choose another with --data-dir")


def _peek_version(path: Path) -> int:
    """The schema version, read without changing a byte of the file."""
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return user_version(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the data file {path}: {exc}") from exc


def open_store(data_dir: Path, *, today: date | None = None, now: datetime | None = None) -> Store:
    """Open (creating, recovering and migrating as needed) the data file in *data_dir*."""
    data_dir = Path(data_dir)
    _check_writable(data_dir)
    moment = now or datetime.now()
    path = data_dir / DB_FILENAME
    recovery = _recover(path, moment) if path.exists() and not is_healthy(path) else None
    found_version = _peek_version(path)
    if found_version > SCHEMA_VERSION:
        raise StoreError(
            f"the data file {path} was written by a newer GluteMed (schema {found_version}); "
            "please update the app"
        )
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the data file {path}: {exc}") from exc
    store = Store(path=path, conn=conn, recovery=recovery)
    if 0 < found_version < SCHEMA_VERSION:
        store.backups_made.append(
            backups.take_backup(conn, store.backups_dir, f"pre-migration-v{found_version}", moment)
        )
        store.migrated_from = found_version
    apply_migrations(conn)
    made = backups.daily_backup(conn, store.backups_dir, today or moment.date())
    if made is not None:
        store.backups_made.append(made)
    return store
