from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glutemed.store import StoreError, open_store
from glutemed.store.migrations import SCHEMA_VERSION, apply_migrations, user_version

CONTRACT_TABLES = {
    "settings",
    "routines",
    "routine_items",
    "workout_sessions",
    "set_logs",
    "stance_sessions",
    "stance_trials",
    "pain_logs",
}


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_empty_folder_gets_every_contract_table(data_dir: Path) -> None:
    store = open_store(data_dir)
    assert _tables(store.conn) >= CONTRACT_TABLES
    assert user_version(store.conn) == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()


@pytest.mark.parametrize("old_version", range(1, SCHEMA_VERSION))
def test_every_earlier_version_migrates_and_keeps_rows(data_dir: Path, old_version: int) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "glutemed.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, target=old_version)
    conn.execute(
        "INSERT INTO pain_logs(taken_at, score, context, note) "
        "VALUES ('2026-01-01T10:00:00+00:00', 4, 'daily', 'kept')"
    )
    conn.close()

    store = open_store(data_dir)
    assert user_version(store.conn) == SCHEMA_VERSION
    assert store.migrated_from == old_version
    assert store.conn.execute("SELECT note FROM pain_logs").fetchone()[0] == "kept"
    copies = list(store.backups_dir.glob(f"pre-migration-v{old_version}-*.sqlite3"))
    assert len(copies) == 1
    copy = sqlite3.connect(copies[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
    copy.close()
    store.close()


def test_failed_migration_rolls_back_whole_step() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn, target=1)
    conn.execute("CREATE INDEX idx_pain_logs_taken ON pain_logs(taken_at)")  # v2 will collide
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn)
    assert user_version(conn) == 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "idx_set_logs_session" not in names  # the statements before the failure were undone


def test_file_from_newer_app_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "glutemed.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer GluteMed"):
        open_store(data_dir)
    assert path.read_bytes() == before
