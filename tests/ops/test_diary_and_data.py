"""Pain diary, settings and whole-file operations on a real data file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from glutemed.domain.records import Profile
from glutemed.ops.data import ImportProblem, back_up, export_data, import_data, read_import
from glutemed.ops.pain import PainDiary
from glutemed.ops.profile import load_profile, save_profile
from glutemed.store import Store

NOW = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)


def test_log_edit_delete_and_undo_pain(store: Store) -> None:
    diary = PainDiary(store, lambda: NOW)
    logged = diary.log(4, "before", "stiff")
    assert logged.pain and logged.message == "Pain 4/10 logged"
    [entry] = diary.entries()
    assert diary.edit(entry, 6, "after", "worse").pain
    assert diary.entries()[0].score == 6
    assert diary.undo().entry == entry  # back to 4, "before"
    assert (diary.entries()[0].score, diary.entries()[0].context) == (4, "before")
    assert diary.delete(diary.entries()[0]).pain and diary.entries() == []
    undone = diary.undo()
    assert undone.changes.message == "Pain entry restored" and len(diary.entries()) == 1
    assert diary.undo().entry is None  # nothing left to undo


def test_a_bad_score_is_refused_and_nothing_is_written(store: Store) -> None:
    diary = PainDiary(store, lambda: NOW)
    with pytest.raises(ValueError, match="score"):
        diary.log(11, "daily")
    assert diary.entries() == []


def test_settings_save_announces_a_profile_change(store: Store) -> None:
    changes = save_profile(store, Profile(birth_year=1970, sound="silent"))
    assert changes.profile and changes.message == "Settings saved"
    assert load_profile(store).sound == "silent"


def test_backup_export_and_import(store: Store, tmp_path: Path) -> None:
    PainDiary(store, lambda: NOW).log(3, "daily")
    made = back_up(store, datetime(2025, 6, 1, 12, 0))
    assert made.path.exists() and made.path.parent == store.backups_dir
    copy = back_up(store, NOW, tmp_path / "copy.sqlite3")
    assert copy.path == tmp_path / "copy.sqlite3" and copy.path.stat().st_size > 0
    with pytest.raises(FileExistsError):
        back_up(store, NOW, copy.path)
    out = tmp_path / "export.json"
    exported = export_data(store, "json", out)
    assert exported.rows >= 1 and str(out) in exported.changes.message
    imported = import_data(store, read_import(out), out)
    assert imported.rows == exported.rows and imported.changes.pain
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ImportProblem):
        read_import(bad)
