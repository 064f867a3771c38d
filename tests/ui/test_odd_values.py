"""Odd values: an import checks them against the app's own rules, a hand-edited file's bad
settings fall back to their defaults with a message, and whatever an import accepts opens
on every page and goes into the report."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from glutemed import app as app_module
from glutemed.cli import main
from glutemed.store import open_store
from glutemed.store.profile import load_profile, save_profile
from glutemed.ui.help.first_run_dialog import FirstRunDialog
from glutemed.ui.main_window import MainWindow


def _export(tmp_path: Path) -> dict:
    data = tmp_path / "source"
    store = open_store(data)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO routines(id, name, created_at) "
            "VALUES (1, 'r', '2026-01-01T08:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO routine_items(routine_id, position, exercise_id, variation_id, sets, "
            "reps, rest_s) VALUES (1, 0, 'clamshell', 'standard', 3, 12, 45)"
        )
    store.close()
    out = tmp_path / "export.json"
    assert main(["--data-dir", str(data), "export", "--out", str(out)]) == 0
    return json.loads(out.read_text())


def _setting(document: dict, key: str, value: object) -> None:
    rows = document["tables"]["settings"]
    rows[:] = [r for r in rows if r["key"] != key] + [{"key": key, "value": json.dumps(value)}]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: _setting(d, "birth_year", "x"), "birth_year must be a year"),
        (lambda d: _setting(d, "stance_cap_s", "abc"), "stance_cap_s must be one of 30, 45, 60"),
        (lambda d: _setting(d, "theme", {"dark": ["yes"]}), "theme must be one of system"),
        (
            lambda d: d["tables"]["routine_items"][0].update(exercise_id="moonwalk"),
            "no exercise 'moonwalk'",
        ),
        (
            lambda d: d["tables"]["routine_items"][0].update(variation_id="upside_down"),
            "clamshell has no variation 'upside_down'",
        ),
        (lambda d: d["tables"]["routine_items"][0].update(sets=2**31), "must be from 1 to 20"),
        (lambda d: d["tables"]["routine_items"][0].update(hold_s=1e308), "to 600"),
    ],
)
def test_import_refuses_what_the_app_itself_would_not_accept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit, expected: str
) -> None:
    document = _export(tmp_path)
    edit(document)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    assert main(["--data-dir", str(tmp_path / "target"), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and len(err.splitlines()) == 1


@pytest.fixture
def visit_every_page(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """run_gui's event loop replaced by a walk through every page of its window."""
    seen: dict[str, object] = {"messages": []}

    def record(kind: str):
        return lambda parent, title, text: seen["messages"].append((kind, text))  # type: ignore[union-attr]

    shown: list[MainWindow] = []
    real_show = MainWindow.show

    def show(window: MainWindow) -> None:
        shown.append(window)  # this run's window, not one another test left behind
        # After run_gui's own handler: the settings check runs once the first frame is up.
        window.first_painted.connect(lambda: seen.setdefault("painted", True))
        real_show(window)

    def walk(*_args: object) -> int:
        window = shown[-1]
        deadline = time.monotonic() + 10
        while "painted" not in seen and time.monotonic() < deadline:
            QApplication.processEvents()
        seen["status"] = window.status_label.text()
        for key in window.page_keys():
            window.show_page(key)
            QApplication.processEvents()
        seen["pages"] = window.page_keys()
        window.close()
        return 0

    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QApplication, "exec", walk)
    monkeypatch.setattr(MainWindow, "show", show)
    return seen


def test_bad_settings_in_a_hand_edited_file_fall_back_with_a_message(
    qapp, data_dir: Path, visit_every_page: dict[str, object]
) -> None:
    store = open_store(data_dir)
    profile = load_profile(store)
    profile.safety_acknowledged = True
    save_profile(store, profile)
    with store.transaction() as conn:
        for key, raw in [
            ("birth_year", '"x"'),
            ("stance_cap_s", '"abc"'),
            ("theme", '{"nested": [1, 2]}'),
            ("rep_tempo", "1e308"),
            ("sound", "[[[]]]"),
            ("window_geometry", "{not json"),
        ]:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, raw),
            )
    store.close()
    assert app_module.run_gui(argparse.Namespace(data_dir=str(data_dir))) == 0
    assert len(visit_every_page["pages"]) >= 6  # type: ignore[arg-type]
    status = str(visit_every_page["status"])
    for key in ("birth_year", "stance_cap_s", "theme", "rep_tempo", "sound"):
        assert f"The setting {key} held" in status
    reopened = open_store(data_dir)
    assert load_profile(reopened).stance_cap_s == 45.0
    reopened.close()


def test_an_accepted_import_at_the_edges_opens_every_page_and_makes_a_report(
    qapp, tmp_path: Path, visit_every_page: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    document = _export(tmp_path)
    tables = document["tables"]
    _setting(document, "safety_acknowledged", True)
    _setting(document, "birth_year", 1900)
    tables["routine_items"][0].update(sets=20, reps=200, rest_s=900)
    tables["pain_logs"] = [
        {
            "id": 1,
            "taken_at": "1900-01-01T00:00:00+00:00",
            "score": 0,
            "context": "daily",
            "note": "n" * 140_000,
        },
        {
            "id": 2,
            "taken_at": "2199-12-31T12:00:00-05:00",
            "score": 10,
            "context": "after",
            "note": "＝1+1",
        },
    ]
    tables["stance_sessions"] = [
        {"id": 1, "taken_at": "2199-12-31T12:00:00+00:00", "eyes": "open", "cap_s": 60, "notes": ""}
    ]
    tables["stance_trials"] = [
        {
            "id": 1,
            "stance_session_id": 1,
            "side": "left",
            "trial_no": 3,
            "seconds": 60,
            "capped": 1,
            "ended_by": "cap",
            "pelvis_dropped": 0,
            "trunk_lean": 0,
        }
    ]
    good = tmp_path / "edges.json"
    good.write_text(json.dumps(document))
    data_dir = tmp_path / "target"
    assert main(["--data-dir", str(data_dir), "import", str(good)]) == 0, capsys.readouterr()
    assert app_module.run_gui(argparse.Namespace(data_dir=str(data_dir))) == 0
    assert len(visit_every_page["pages"]) >= 6  # type: ignore[arg-type]
    assert not [m for m in visit_every_page["messages"] if m[0] == "critical"]  # type: ignore[union-attr]
    report = tmp_path / "report.pdf"
    assert main(["--data-dir", str(data_dir), "report", "--out", str(report)]) == 0
    assert report.read_bytes().startswith(b"%PDF")


def test_a_skipped_backup_is_said_in_the_status_bar_and_the_app_opens(
    qapp, data_dir: Path, visit_every_page: dict[str, object]
) -> None:
    store = open_store(data_dir)
    profile = load_profile(store)
    profile.safety_acknowledged = True
    save_profile(store, profile)
    store.close()
    backups = data_dir / "backups"
    for copy in backups.iterdir():
        copy.unlink()
    backups.rmdir()
    backups.write_text("not a folder")  # so no backup can be written today
    assert app_module.run_gui(argparse.Namespace(data_dir=str(data_dir))) == 0
    assert "Today's backup was skipped" in str(visit_every_page["status"])
    assert len(visit_every_page["pages"]) >= 6  # type: ignore[arg-type]
    assert not [m for m in visit_every_page["messages"] if m[0] == "critical"]  # type: ignore[union-attr]
