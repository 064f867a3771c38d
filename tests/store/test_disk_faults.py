"""A full disk and a kill during a backup: one clear message, no `.partial` file left, the
data file intact. The disk is a real, tiny tmpfs where this machine lets us mount one;
elsewhere every new file is pointed at /dev/full, which fails writes with ENOSPC."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from glutemed.cli import main
from glutemed.store import files, open_store
from glutemed.store.pain import list_pain

SRC = Path(__file__).resolve().parents[2] / "src"


def _fill_rows(data_dir: Path, count: int, day: date = date(2026, 1, 1)) -> None:
    store = open_store(data_dir, today=day)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO pain_logs(taken_at, score, context, note) VALUES (?, 3, 'daily', ?)",
            [("2026-01-01T08:00:00+00:00", f"n{i}" + "x" * 200) for i in range(count)],
        )
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, bool]]:
    """A folder on a 2 MB tmpfs when this machine allows mounting one (True), else a
    plain folder (False); always unmounted afterwards."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = os.geteuid() == 0 and (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=True)


def _fill_disk(folder: Path, leave: int) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    size = (folder / "filler").stat().st_size
    os.truncate(folder / "filler", max(0, size - leave))


@pytest.fixture
def full_disk(small_disk: tuple[Path, bool], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding 300 records on a disk with room for SQLite to open it
    (its 32 KB shared-memory file) but not for a copy of it."""
    mount, mounted = small_disk
    data_dir = mount / "data"
    _fill_rows(data_dir, 300)
    if mounted:
        _fill_disk(mount, leave=96 * 1024)
    else:  # no tmpfs here: every new private file becomes a path to /dev/full
        real_create = files.create_private_file

        def create_on_full_disk(path: Path) -> None:
            real_create(path)
            path.unlink()
            path.symlink_to("/dev/full")

        monkeypatch.setattr(files, "create_private_file", create_on_full_disk)
        monkeypatch.setattr("glutemed.store.backups.create_private_file", create_on_full_disk)
        monkeypatch.setattr("glutemed.store.export.create_private_file", create_on_full_disk)
    return data_dir


def _no_partials(folder: Path) -> None:
    assert not [p for p in folder.rglob("*") if p.name.endswith(".partial")]


def test_a_full_disk_skips_the_daily_backup_and_says_so(full_disk: Path) -> None:
    store = open_store(full_disk, today=date(2026, 1, 2))
    assert len(list_pain(store)) == 300
    assert store.notices and "backup was skipped" in store.notices[0]
    assert "full" in store.notices[0]
    store.close()
    _no_partials(full_disk.parent)
    assert not (full_disk / "backups" / "glutemed-2026-01-02.sqlite3").exists()


def test_export_and_backup_on_a_full_disk_give_one_clear_line(
    full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--data-dir", str(full_disk)]
    out = full_disk / "export.json"
    assert main([*where, "export", "--out", str(out)]) == 1
    assert main([*where, "backup"]) == 1
    assert main([*where, "backup", "--out", str(full_disk / "copy.sqlite3")]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "is full" in line]
    assert len(lines) >= 3 and "Traceback" not in err
    assert not out.exists()
    _no_partials(full_disk.parent)
    store = open_store(full_disk)
    assert len(list_pain(store)) == 300
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


_BACKUP_LOOP = """
import sys
from datetime import datetime, timedelta
from pathlib import Path
from glutemed.store import open_store
from glutemed.store.backups import take_backup
store = open_store(Path(sys.argv[1]))
n = 0
while True:
    n += 1
    moment = datetime(2026, 1, 1) + timedelta(seconds=n)
    take_backup(store.conn, store.backups_dir, "manual", moment)
"""


def test_sigkill_during_backups_leaves_no_partial_and_the_data_intact(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _fill_rows(data_dir, 20_000)  # a few MB, so a copy takes a while
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    caught_mid_copy = 0
    for _ in range(3):
        child = subprocess.Popen([sys.executable, "-c", _BACKUP_LOOP, str(data_dir)], env=env)
        backups = data_dir / "backups"
        deadline = time.monotonic() + 60
        while not list(backups.glob("*.partial")) and time.monotonic() < deadline:
            pass  # spin until a copy is being written, then kill it mid-way
        child.send_signal(signal.SIGKILL)
        child.wait()
        caught_mid_copy += bool(list(backups.glob("*.partial")))
        store = open_store(data_dir)
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("SELECT count(*) FROM pain_logs").fetchone()[0] == 20_000
        store.close()
        _no_partials(data_dir)
    assert caught_mid_copy, "at least one kill landed while a copy was being written"


def test_a_disk_too_full_to_open_says_so_and_moves_nothing(
    small_disk: tuple[Path, bool],
) -> None:
    mount, mounted = small_disk
    data_dir = mount / "data"
    _fill_rows(data_dir, 50)
    if mounted:
        _fill_disk(mount, leave=0)
    else:  # the shared-memory file SQLite needs cannot be written
        (data_dir / "glutemed.sqlite3-shm").symlink_to("/dev/full")
    with pytest.raises(files.StoreError) as caught:
        open_store(data_dir, today=date(2026, 1, 2))
    assert "full" in str(caught.value) or "could not" in str(caught.value)
    assert not list(data_dir.glob("*.damaged-*")), "a full disk is not damage"
    assert (data_dir / "glutemed.sqlite3").stat().st_size > 0


def test_import_on_a_full_disk_says_full_not_already_running(
    small_disk: tuple[Path, bool], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mount, mounted = small_disk
    export = tmp_path / "export.json"
    assert main(["--data-dir", str(tmp_path / "source"), "export", "--out", str(export)]) == 0
    data_dir = mount / "data"
    _fill_rows(data_dir, 50)
    if mounted:
        _fill_disk(mount, leave=0)
    else:  # the shared-memory file SQLite needs cannot be written
        (data_dir / "glutemed.sqlite3-shm").symlink_to("/dev/full")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "import", str(export)]) == 1
    err = capsys.readouterr().err
    assert "already running" not in err and "Traceback" not in err
    assert "full" in err or "could not" in err
