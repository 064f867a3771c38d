from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from glutemed.domain.records import PainLog
from glutemed.store import open_store
from glutemed.store.pain import add_pain, list_pain

PAGE = 4096


def _store_with_rows(data_dir: Path, count: int) -> None:
    store = open_store(data_dir, today=date(2026, 1, 1))
    for i in range(count):
        add_pain(
            store, PainLog(datetime(2026, 1, 1, 8, i % 60, tzinfo=UTC), i % 11, "daily", f"n{i}")
        )
    # today's backup was taken on open, before these rows; take one that holds them
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    store = open_store(data_dir, today=date(2026, 1, 2))  # next day's backup holds the rows
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _reopen_and_check(data_dir: Path, expected_rows: int) -> None:
    store = open_store(data_dir, today=date(2026, 1, 3))
    assert store.recovery is not None
    assert store.recovery.damaged_copy.exists(), "the damaged file is kept, never deleted"
    assert store.recovery.restored_from is not None
    assert store.recovery.restored_from.name == "glutemed-2026-01-02.sqlite3"
    assert len(list_pain(store)) == expected_rows
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "damaged" in store.recovery.message()
    store.close()


def test_truncated_file_is_moved_aside_and_backup_restored(data_dir: Path) -> None:
    _store_with_rows(data_dir, 300)
    path = data_dir / "glutemed.sqlite3"
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size // 2)
    _reopen_and_check(data_dir, 300)


def test_flipped_bytes_in_a_page_are_detected_and_repaired(data_dir: Path) -> None:
    _store_with_rows(data_dir, 300)
    path = data_dir / "glutemed.sqlite3"
    raw = bytearray(path.read_bytes())
    pages = len(raw) // PAGE
    for page in range(1, pages):  # b-tree page headers of every page after the first
        start = page * PAGE
        raw[start : start + 12] = bytes(b ^ 0xFF for b in raw[start : start + 12])
    path.write_bytes(bytes(raw))
    _reopen_and_check(data_dir, 300)


def test_healthy_file_is_left_alone(data_dir: Path) -> None:
    _store_with_rows(data_dir, 5)
    store = open_store(data_dir)
    assert store.recovery is None
    assert not list(data_dir.glob("*.damaged-*"))
    store.close()
