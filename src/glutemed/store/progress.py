"""Progress queries shared by every subject: the span of the data, a read-only connection.

Days and ISO weeks are the user's local ones (see `local_days`). The queries per subject
live in `progress_stance`, `progress_pain` and `progress_training`; `glutemed.ops.progress`
loads them for one range.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, tzinfo

from glutemed.store.db import Store
from glutemed.store.files import open_readonly
from glutemed.store.local_days import local_day


def data_span(store: Store, tz: tzinfo) -> tuple[date, date] | None:
    """First and last local day holding any stance, pain, workout or PSFS record."""
    # One MIN or MAX per sub-select: SQLite answers each from its time index in one step.
    tables = (
        ("stance_sessions", "taken_at"),
        ("pain_logs", "taken_at"),
        ("workout_sessions", "started_at"),
        ("psfs_ratings", "taken_at"),
    )
    parts = [f"(SELECT {fn}({col}) FROM {table})" for fn in ("MIN", "MAX") for table, col in tables]
    row = store.conn.execute("SELECT " + ", ".join(parts)).fetchone()
    firsts = [v for v in row[: len(tables)] if v is not None]
    lasts = [v for v in row[len(tables) :] if v is not None]
    if not firsts:
        return None
    first = min(firsts, key=lambda t: datetime.fromisoformat(t))
    last = max(lasts, key=lambda t: datetime.fromisoformat(t))
    return local_day(first, tz), local_day(last, tz)


READER_CACHE_KIB = -256  # negative: KiB, not pages


def reader(store: Store) -> Store:
    """A second, read-only connection to the same file, for loading in a worker thread."""
    conn = open_readonly(store.path, check_same_thread=False)
    # It reads each table once, start to end: a small page cache does as well as the
    # default 2 MB, which would stay allocated in the process after the load.
    conn.execute(f"PRAGMA cache_size = {READER_CACHE_KIB}")
    conn.row_factory = sqlite3.Row
    return Store(path=store.path, conn=conn)
