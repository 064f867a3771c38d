"""The data folder is private to its owner, and the app has one notion of "today"."""

from __future__ import annotations

import stat
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from glutemed.domain.localtz import local_today, local_tz
from glutemed.store import open_store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_data_folder_and_every_file_are_private(data_dir: Path) -> None:
    store = open_store(data_dir)
    store.conn.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "backups") == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"glutemed.sqlite3", "glutemed.sqlite3-wal"}
    assert any(p.parent.name == "backups" for p in files)
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    store.close()


def test_an_existing_readable_folder_is_tightened_on_start(data_dir: Path) -> None:
    open_store(data_dir, today=date(2026, 1, 1)).close()
    data_dir.chmod(0o755)
    (data_dir / "backups").chmod(0o755)
    for path in data_dir.rglob("*.sqlite3"):
        path.chmod(0o644)
    open_store(data_dir, today=date(2026, 1, 2)).close()
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "backups") == 0o700
    assert all(_mode(p) == 0o600 for p in data_dir.rglob("*.sqlite3"))


@pytest.fixture
def posix_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("posix_tz")
def test_a_posix_tz_rule_is_the_local_zone_for_days_and_backup_names(data_dir: Path) -> None:
    zone = local_tz()
    assert zone.utcoffset(datetime(2026, 1, 15, 12)).total_seconds() == -5 * 3600
    assert zone.utcoffset(datetime(2026, 7, 15, 12)).total_seconds() == -4 * 3600
    assert local_today() == date.today()
    store = open_store(data_dir)
    names = [p.name for p in store.backups_made]
    store.close()
    assert names == [f"glutemed-{local_today().isoformat()}.sqlite3"]
