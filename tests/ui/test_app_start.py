"""run_gui's start-up decisions: second instance refused, damaged file reported."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from glutemed import app as app_module
from glutemed.instance_lock import acquire
from glutemed.store import open_store
from glutemed.store.profile import load_profile, save_profile
from glutemed.ui.help.first_run_dialog import FirstRunDialog


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []

    def record(kind: str):
        return lambda parent, title, text: shown.append((kind, title, text))

    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    # A restored backup may predate the safety acknowledgement: never block on the dialog.
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: 1)
    return shown


def _acknowledged(data_dir: Path) -> None:
    store = open_store(data_dir)
    profile = load_profile(store)
    profile.safety_acknowledged = True
    save_profile(store, profile)
    store.close()


def test_second_instance_is_refused_without_touching_the_file(
    qapp, data_dir: Path, messages: list
) -> None:
    _acknowledged(data_dir)
    db = data_dir / "glutemed.sqlite3"
    lock = acquire(data_dir)
    before = db.stat().st_mtime_ns
    assert app_module.run_gui(argparse.Namespace(data_dir=str(data_dir))) == 1
    assert messages and messages[0][0] == "critical"
    assert "already running" in messages[0][2]
    assert db.stat().st_mtime_ns == before
    lock.unlock()


def test_damaged_file_is_reported_in_a_dialog(qapp, data_dir: Path, messages: list) -> None:
    _acknowledged(data_dir)
    (data_dir / "glutemed.sqlite3").write_bytes(b"this is not a database at all" * 100)
    for side in ("-wal", "-shm"):
        Path(f"{data_dir / 'glutemed.sqlite3'}{side}").unlink(missing_ok=True)
    assert app_module.run_gui(argparse.Namespace(data_dir=str(data_dir))) == 0
    warnings = [m for m in messages if m[0] == "warning"]
    assert warnings and "damaged" in warnings[0][2]
    assert list(data_dir.glob("glutemed.damaged-*.sqlite3"))
