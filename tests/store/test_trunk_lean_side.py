"""Migration v6: which way the trunk leaned, saved per camera trial."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from glutemed.domain.records import StanceTrial
from glutemed.store import Store, open_store
from glutemed.store.migrations import apply_migrations
from glutemed.store.stance import create_session, get_session, save_trial
from glutemed.store.transfer import ImportProblem, apply_import, export_json, read_import

MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def leaning(side: str, no: int, lean: float, way: str | None) -> StanceTrial:
    return StanceTrial(
        side,  # type: ignore[arg-type]
        no,
        18.0,
        "foot_down",
        pelvic_drop_deg=4.0,
        trunk_lean_deg=lean,
        trunk_lean_side=way,  # type: ignore[arg-type]
    )


def test_a_version_5_file_keeps_its_measures_and_gains_an_empty_side(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "glutemed.sqlite3", isolation_level=None)
    apply_migrations(conn, target=5)
    conn.execute(
        "INSERT INTO stance_sessions(id, taken_at, eyes, cap_s) "
        "VALUES (1, '2026-01-01T10:00:00+00:00', 'open', 45)"
    )
    conn.execute(
        "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, ended_by,"
        " pelvic_drop_deg, trunk_lean_deg) VALUES (1, 'right', 1, 9.5, 'foot_down', 3.5, 6.0)"
    )
    conn.close()
    store = open_store(data_dir)
    (trial,) = get_session(store, 1).trials  # type: ignore[union-attr]
    assert (trial.pelvic_drop_deg, trial.trunk_lean_deg, trial.trunk_lean_side) == (3.5, 6.0, None)
    store.close()


@pytest.mark.parametrize("way", ["stance", "swing", None])
def test_the_lean_side_is_saved_and_read_back(store: Store, way: str | None) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, leaning("left", 1, 7.5, way))
    (back,) = get_session(store, session_id).trials  # type: ignore[union-attr]
    assert (back.trunk_lean_deg, back.trunk_lean_side) == (7.5, way)


def test_an_unknown_side_is_refused_by_the_rules_and_by_the_file(store: Store) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    with pytest.raises(ValueError, match="towards 'stance' or 'swing'"):
        save_trial(store, session_id, leaning("left", 1, 7.5, "left"))
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, ended_by,"
            " trunk_lean_side) VALUES (?, 'left', 1, 5, 'foot_down', 'sideways')",
            (session_id,),
        )
    assert store.conn.execute("SELECT COUNT(*) FROM stance_trials").fetchone()[0] == 0


def test_the_side_survives_export_and_import(store: Store, tmp_path: Path) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, leaning("right", 1, 9.0, "stance"))
    export_json(store, tmp_path / "out.json")
    other = open_store(tmp_path / "other")
    apply_import(other, read_import(tmp_path / "out.json"))
    (back,) = get_session(other, session_id).trials  # type: ignore[union-attr]
    assert (back.trunk_lean_deg, back.trunk_lean_side) == (9.0, "stance")
    other.close()


def test_an_export_from_version_5_imports_without_a_side(store: Store, tmp_path: Path) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, leaning("left", 1, 6.0, "swing"))
    path = tmp_path / "v5.json"
    export_json(store, path)
    document = json.loads(path.read_text())
    document["schema_version"] = 5
    for row in document["tables"]["stance_trials"]:
        del row["trunk_lean_side"]
    path.write_text(json.dumps(document))
    other = open_store(tmp_path / "other")
    apply_import(other, read_import(path))
    (back,) = get_session(other, session_id).trials  # type: ignore[union-attr]
    assert (back.trunk_lean_deg, back.trunk_lean_side) == (6.0, None)
    other.close()


def test_a_bad_side_in_an_import_names_the_field(store: Store, tmp_path: Path) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, leaning("left", 1, 6.0, "swing"))
    path = tmp_path / "bad.json"
    export_json(store, path)
    document = json.loads(path.read_text())
    document["tables"]["stance_trials"][0]["trunk_lean_side"] = "up"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportProblem, match="trunk_lean_side"):
        read_import(path)
