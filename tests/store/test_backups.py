from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from glutemed.store import open_store
from glutemed.store.backups import KEEP_DAILY, KEEP_WEEKLY, backups_to_keep, dated_backups


def test_rotation_keeps_exactly_seven_daily_and_four_weekly(data_dir: Path) -> None:
    start = date(2026, 1, 1)
    for offset in range(90):
        open_store(data_dir, today=start + timedelta(days=offset)).close()
    kept = [d for d, _ in dated_backups(data_dir / "backups")]
    assert len(kept) == KEEP_DAILY + KEEP_WEEKLY == 11
    newest = start + timedelta(days=89)
    assert kept[:7] == [newest - timedelta(days=i) for i in range(7)]
    weeks = [d.isocalendar()[:2] for d in kept[7:]]
    assert len(set(weeks)) == 4, "one backup from each of four different older weeks"
    assert all(d < kept[6] for d in kept[7:])


def test_one_backup_per_day_however_often_opened(data_dir: Path) -> None:
    for _ in range(3):
        open_store(data_dir, today=date(2026, 3, 1)).close()
    assert len(dated_backups(data_dir / "backups")) == 1


def test_keep_rule_with_gaps() -> None:
    days = [date(2026, 1, 1) + timedelta(days=3 * i) for i in range(30)]
    keep = backups_to_keep(days)
    assert len(keep) == 11
    assert max(days) in keep
