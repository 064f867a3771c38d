"""Opening the one SQLite file: checks, recovery from backup, migrations, daily backup."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from glutemed.domain.localtz import local_now
from glutemed.store import backups
from glutemed.store.files import (
    DiskFull,
    StoreError,
    create_private_file,
    disk_full_message,
    is_disk_full,
    make_private_folder,
    open_readonly,
    remove_partials,
    tighten_data_folder,
)
from glutemed.store.migrations import SCHEMA_VERSION, apply_migrations, user_version
from glutemed.store.recovery import Recovery, check_file, recover, salvage

__all__ = ["DB_FILENAME", "DiskFull", "Recovery", "Store", "StoreError", "connect", "open_store"]

if TYPE_CHECKING:
    import sqlite_utils

DB_FILENAME = "glutemed.sqlite3"


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
        # Things the user should read (a skipped backup...), shown once by the app or CLI.
        self.notices: list[str] = []

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


def _check_writable(data_dir: Path) -> None:
    try:
        make_private_folder(data_dir)
    except OSError as exc:
        if is_disk_full(exc):
            raise StoreError(disk_full_message(data_dir / DB_FILENAME)) from exc
        raise StoreError(f"cannot create the data folder {data_dir}: {exc.strerror}") from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreError(f"the data folder {data_dir} is read-only; choose another with --data-dir")


def _peek_version(path: Path) -> int:
    """The schema version, read without changing a byte of the file."""
    if not path.exists():
        return 0
    try:
        conn = open_readonly(path)
        try:
            return user_version(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the data file {path}: {exc}") from exc


def _check_or_recover(path: Path, moment: datetime, *, thorough: bool) -> Recovery | None:
    """Recover a damaged file, or an empty or missing one while a backup holds data."""
    size = path.stat().st_size if path.exists() else None
    wal = Path(f"{path}-wal")
    if not size and not (wal.exists() and wal.stat().st_size):
        if backups.newest_with_data(path.parent / backups.BACKUPS_DIRNAME) is None:
            return None  # a genuinely new install
        return recover(path, moment, "missing" if size is None else "empty")
    if check_file(path, thorough=thorough):
        return None
    return recover(path, moment, "damaged")


def open_store(data_dir: Path, *, today: date | None = None, now: datetime | None = None) -> Store:
    """Open (creating, recovering and migrating as needed) the data file in *data_dir*."""
    data_dir = Path(data_dir)
    _check_writable(data_dir)
    tighten_data_folder(data_dir)
    backups_dir = data_dir / backups.BACKUPS_DIRNAME
    for folder in (data_dir, backups_dir):
        remove_partials(folder)  # left by a process killed while copying
    moment = now or local_now()
    day = today or moment.date()
    path = data_dir / DB_FILENAME
    # integrity_check reads every index (~3x quick_check's time, see README); it runs when
    # a backup is due, as no backup may copy damage, and quick_check on later opens.
    backup_due = not backups.daily_path(backups_dir, day).exists()
    recovery = _check_or_recover(path, moment, thorough=backup_due)
    found_version = _peek_version(path)
    if found_version > SCHEMA_VERSION:
        raise StoreError(
            f"the data file {path} was written by a newer GluteMed (schema {found_version}); "
            "please update the app"
        )
    try:
        if not path.exists():
            create_private_file(path)
        conn = connect(path)
    except (OSError, sqlite3.DatabaseError) as exc:
        raise _open_error(path, exc) from exc
    store = Store(path=path, conn=conn, recovery=recovery)
    try:
        _prepare(store, found_version, moment, day)
    except BaseException:
        conn.close()
        raise
    return store


def _open_error(path: Path, exc: Exception) -> StoreError:
    if is_disk_full(exc):
        return DiskFull(disk_full_message(path))
    detail = exc.strerror if isinstance(exc, OSError) else str(exc)
    return StoreError(f"cannot open the data file {path}: {detail}")


def _prepare(store: Store, found_version: int, moment: datetime, day: date) -> None:
    """Migrate, salvage what a recovery can, and take today's backup."""
    conn = store.conn
    try:
        if 0 < found_version < SCHEMA_VERSION:
            label = f"pre-migration-v{found_version}"
            store.backups_made.append(backups.take_backup(conn, store.backups_dir, label, moment))
            store.migrated_from = found_version
        apply_migrations(conn)
        recovery = store.recovery
        if recovery is not None and recovery.damaged_copy is not None:
            store.recovery = recovery._replace(salvaged=salvage(recovery.damaged_copy, conn))
    except sqlite3.DatabaseError as exc:
        raise _open_error(store.path, exc) from exc
    try:
        made = backups.daily_backup(conn, store.backups_dir, day)
    except StoreError as exc:  # the app still opens; the user is told the backup was skipped
        store.notices.append(f"Today's backup was skipped: {exc}.")
        return
    except OSError as exc:  # e.g. a file where the backups folder should be
        where = f" ({exc.filename})" if exc.filename else ""
        store.notices.append(f"Today's backup was skipped: {exc.strerror or exc}{where}.")
        return
    if made is not None:
        store.backups_made.append(made)


def plain_rows(store: Store, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
    """Rows as plain tuples: for queries of thousands of rows read by position, where
    making a named sqlite3.Row for each would cost more than the query."""
    cursor = store.conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)
