"""Recovery under adversarial files: which backup wins, salvage, empty and missing files,
damage quick_check misses, healthy files that cannot be read, awkward folder names."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from glutemed.domain.records import PainLog
from glutemed.store import StoreError, open_store
from glutemed.store.backups import DamagedSource, holds_data, prune, take_backup
from glutemed.store.pain import add_pain, list_pain

PAGE = 4096
DAY = date(2026, 1, 10)


def _add(data_dir: Path, first: int, count: int, day: date = DAY, pad: int = 0) -> None:
    store = open_store(data_dir, today=day)
    for i in range(first, first + count):
        note = f"note-{i:05d}" + "x" * pad
        add_pain(store, PainLog(datetime(2026, 1, 1, 8, i % 60, tzinfo=UTC), i % 11, "daily", note))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _damage_page_holding(path: Path, marker: bytes) -> int:
    """Wreck the b-tree header of the page holding *marker*; returns rows on that page."""
    raw = bytearray(path.read_bytes())
    page = raw.index(marker) // PAGE
    start = page * PAGE
    rows_there = raw[start : start + PAGE].count(b"note-")
    raw[start : start + 12] = b"\xff" * 12
    path.write_bytes(bytes(raw))
    return rows_there


def _set_mtime(path: Path, seconds: float) -> None:
    os.utime(path, (seconds, seconds))


def test_recovery_takes_the_newest_backup_by_time_taken_not_by_name(data_dir: Path) -> None:
    _add(data_dir, 0, 20, day=date(2026, 1, 9))  # daily backup of 9 Jan holds 0 rows
    _add(data_dir, 20, 20, day=date(2026, 1, 10))  # daily of 10 Jan holds 20
    store = open_store(data_dir, today=date(2026, 1, 10))
    manual = take_backup(store.conn, store.backups_dir, "manual", datetime(2026, 1, 10, 12))
    store.close()
    folder = data_dir / "backups"
    # A copy named (and stamped) by a clock set to 2038 holds the oldest data.
    wrong_clock = folder / "glutemed-2038-01-19.sqlite3"
    shutil.copy(folder / "glutemed-2026-01-09.sqlite3", wrong_clock)
    now = time.time()
    _set_mtime(folder / "glutemed-2026-01-09.sqlite3", now - 2 * 86400)
    _set_mtime(folder / "glutemed-2026-01-10.sqlite3", now - 86400)
    _set_mtime(manual, now - 3600)
    _set_mtime(wrong_clock, datetime(2038, 1, 19, tzinfo=UTC).timestamp())
    (data_dir / "glutemed.sqlite3").write_bytes(b"\x00" * 8192)  # damaged beyond reading

    store = open_store(data_dir, today=date(2026, 1, 11))
    assert store.recovery is not None
    assert store.recovery.restored_from == manual
    assert len(list_pain(store)) == 40
    store.close()


def test_salvage_puts_back_rows_the_backup_lacks_except_one_damaged_page(data_dir: Path) -> None:
    _add(data_dir, 0, 100, pad=120)
    open_store(data_dir, today=date(2026, 1, 11)).close()  # backup holding 100 rows
    _add(data_dir, 100, 300, day=date(2026, 1, 11), pad=120)
    lost = _damage_page_holding(data_dir / "glutemed.sqlite3", b"note-00250")
    assert 0 < lost < 40

    store = open_store(data_dir, today=date(2026, 1, 12))
    assert store.recovery is not None
    assert store.recovery.restored_from is not None
    assert store.recovery.restored_from.name == "glutemed-2026-01-11.sqlite3"
    kept = len(list_pain(store))
    assert kept >= 400 - lost, "only the rows on the damaged page may be lost"
    assert store.recovery.salvaged == kept - 100
    assert f"saved {kept - 100} newer record" in store.recovery.message()
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_salvage_without_any_backup_keeps_the_readable_rows(data_dir: Path) -> None:
    _add(data_dir, 0, 300, pad=120)
    shutil.rmtree(data_dir / "backups")
    lost = _damage_page_holding(data_dir / "glutemed.sqlite3", b"note-00150")
    store = open_store(data_dir, today=date(2026, 1, 12))
    assert store.recovery is not None and store.recovery.restored_from is None
    assert len(list_pain(store)) >= 300 - lost
    store.close()


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_or_missing_file_with_backups_is_restored(data_dir: Path, how: str) -> None:
    _add(data_dir, 0, 30)
    open_store(data_dir, today=date(2026, 1, 11)).close()
    path = data_dir / "glutemed.sqlite3"
    if how == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    store = open_store(data_dir, today=date(2026, 1, 12))
    assert store.recovery is not None and store.recovery.reason == how
    assert len(list_pain(store)) == 30
    assert how in store.recovery.message()
    store.close()


def test_a_new_install_is_not_a_recovery(data_dir: Path) -> None:
    store = open_store(data_dir, today=DAY)
    assert store.recovery is None
    store.close()


def test_pruning_never_deletes_the_newest_backup_holding_data(tmp_path: Path) -> None:
    source = tmp_path / "data"
    _add(source, 0, 5)
    folder = tmp_path / "backups"
    folder.mkdir()
    with_data = folder / "glutemed-2026-01-01.sqlite3"
    shutil.copy(source / "glutemed.sqlite3", with_data)
    assert holds_data(with_data)
    empty_dir = tmp_path / "empty"
    open_store(empty_dir, today=DAY).close()
    for offset in range(2, 45):  # six weeks of starts on an empty file
        copy = folder / f"glutemed-2026-{1 + offset // 31:02d}-{1 + offset % 31:02d}.sqlite3"
        shutil.copy(empty_dir / "glutemed.sqlite3", copy)
    _set_mtime(with_data, time.time() - 50 * 86400)
    removed = prune(folder)
    assert removed, "the keep rule still applies to the empty copies"
    assert with_data.exists()


def _break_an_index(path: Path) -> None:
    """Point an index at another column: rows and index disagree (quick_check passes)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX idx_pain_logs_taken ON pain_logs(note)' "
        "WHERE name = 'idx_pain_logs_taken'"
    )
    conn.commit()
    conn.close()


def test_damage_quick_check_misses_is_never_backed_up(data_dir: Path) -> None:
    _add(data_dir, 0, 50)
    path = data_dir / "glutemed.sqlite3"
    _break_an_index(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    with pytest.raises(DamagedSource):
        take_backup(check, data_dir / "backups", "manual", datetime(2026, 1, 10, 9))
    check.close()
    assert not list((data_dir / "backups").glob("manual-*"))

    store = open_store(data_dir, today=date(2026, 1, 11))  # a backup is due: full check
    assert store.recovery is not None and store.recovery.reason == "damaged"
    assert len(list_pain(store)) == 50
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_a_file_locked_exclusively_elsewhere_is_not_called_damaged(data_dir: Path) -> None:
    _add(data_dir, 0, 5)
    holder = sqlite3.connect(data_dir / "glutemed.sqlite3")
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    holder.commit()
    try:
        with pytest.raises(StoreError, match="locked by another program"):
            open_store(data_dir, today=date(2026, 1, 11))
    finally:
        holder.close()
    assert not list(data_dir.glob("*.damaged-*"))
    assert len(list((data_dir / "backups").glob("*.sqlite3"))) == 1


def test_a_file_the_user_cannot_read_is_not_called_damaged(data_dir: Path) -> None:
    _add(data_dir, 0, 5)
    path = data_dir / "glutemed.sqlite3"
    path.chmod(0)
    code = (
        "import sys\nfrom glutemed.store import open_store, StoreError\n"
        "try:\n    open_store(sys.argv[1])\nexcept StoreError as e:\n    print(e)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    # root reads any file; without these two capabilities it is refused like a user.
    drop = "-dac_override,-dac_read_search"
    as_user = ["setpriv", "--bounding-set", drop, "--inh-caps", drop] if os.geteuid() == 0 else []
    result = subprocess.run(
        [*as_user, sys.executable, "-c", code, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "no permission to read" in result.stdout
    assert not list(data_dir.glob("*.damaged-*"))
    path.chmod(0o600)
    store = open_store(data_dir, today=date(2026, 1, 11))
    assert len(list_pain(store)) == 5
    store.close()


def test_folder_names_with_uri_characters_work_everywhere(tmp_path: Path) -> None:
    data_dir = tmp_path / "odd %41 name?x=1#frag"
    _add(data_dir, 0, 12)
    store = open_store(data_dir, today=date(2026, 1, 11))
    assert store.recovery is None, "a healthy file must not be declared damaged"
    assert not list(data_dir.glob("*.damaged-*"))
    backup = data_dir / "backups" / "glutemed-2026-01-11.sqlite3"
    assert holds_data(backup)
    from glutemed.store.progress import reader

    second = reader(store)
    assert second.conn.execute("SELECT count(*) FROM pain_logs").fetchone()[0] == 12
    second.close()
    store.close()


def test_a_byte_flip_in_an_index_is_caught_before_the_daily_backup(data_dir: Path) -> None:
    """One bit of an index key flipped: quick_check passes it, integrity_check does not;
    the day's first start runs the latter, so the file is repaired and the new backup is
    sound."""
    store = open_store(data_dir, today=DAY)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO pain_logs(taken_at, score, context, note) VALUES (?, 3, 'daily', ?)",
            [
                (f"2026-01-{1 + i % 28:02d}T08:{i % 60:02d}:00+00:00", f"note-{i:05d}" + "x" * 100)
                for i in range(600)
            ],
        )
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = data_dir / "glutemed.sqlite3"
    raw = bytearray(path.read_bytes())
    index_leaf = next(
        page
        for page in range(1, len(raw) // PAGE)
        if raw[page * PAGE] == 0x0A  # an index leaf page
        and b"2026-01" in raw[page * PAGE : (page + 1) * PAGE]
        and b"note-" not in raw[page * PAGE : (page + 1) * PAGE]
    )
    key = raw.index(b"2026-01", index_leaf * PAGE)
    raw[key + 12] ^= 0x01  # a minute digit of one indexed time
    path.write_bytes(bytes(raw))
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    check.close()

    store = open_store(data_dir, today=date(2026, 1, 11))
    assert store.recovery is not None and store.recovery.reason == "damaged"
    assert len(list_pain(store)) == 600
    store.close()
    backup = sqlite3.connect(data_dir / "backups" / "glutemed-2026-01-11.sqlite3")
    assert backup.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    backup.close()
