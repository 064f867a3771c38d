"""Migration v4 and the camera-measured pelvic drop and trunk lean per trial."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from glutemed.domain.records import StanceTrial
from glutemed.store import Store, open_store
from glutemed.store.progress_stance import pelvic_drop_series
from glutemed.store.stance import create_session, get_session, save_trial
from glutemed.store.transfer import ImportProblem, apply_import, export_json, read_import

MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def camera_trial(side: str, no: int, drop: float | None, lean: float | None = 3.0) -> StanceTrial:
    return StanceTrial(
        side,
        no,
        21.5,
        "foot_down",
        pelvic_drop_deg=drop,
        trunk_lean_deg=lean,  # type: ignore[arg-type]
    )


def test_a_version_3_file_keeps_its_trials_and_gains_empty_measures(data_dir: Path) -> None:
    from glutemed.store.migrations import apply_migrations

    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "glutemed.sqlite3", isolation_level=None)
    apply_migrations(conn, target=3)
    conn.execute(
        "INSERT INTO stance_sessions(id, taken_at, eyes, cap_s) "
        "VALUES (1, '2026-01-01T10:00:00+00:00', 'open', 45)"
    )
    conn.execute(
        "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, capped, ended_by,"
        " pelvis_dropped) VALUES (1, 'left', 1, 12.5, 0, 'hands_off', 1)"
    )
    conn.close()
    store = open_store(data_dir)
    session = get_session(store, 1)
    assert session is not None
    (trial,) = session.trials
    assert (trial.seconds, trial.ended_by, trial.pelvis_dropped) == (12.5, "hands_off", True)
    assert trial.pelvic_drop_deg is None and trial.trunk_lean_deg is None
    indexes = {
        r[0]
        for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'stance_trials'"
        )
    }
    assert {"idx_stance_trials_session", "idx_stance_trials_best"} <= indexes
    store.close()


def test_measures_and_out_of_view_are_saved_and_read_back(store: Store) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    trial = camera_trial("right", 1, 4.25, 7.5)
    trial.ended_by = "out_of_view"
    save_trial(store, session_id, trial)
    session = get_session(store, session_id)
    assert session is not None
    (back,) = session.trials
    assert (back.ended_by, back.pelvic_drop_deg, back.trunk_lean_deg) == ("out_of_view", 4.25, 7.5)


@pytest.mark.parametrize(("drop", "lean"), [(95.0, 1.0), (2.0, -1.0), (2.0, 91.0)])
def test_impossible_angles_are_refused_and_nothing_is_written(
    store: Store, drop: float, lean: float
) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    with pytest.raises(ValueError, match="degrees"):
        save_trial(store, session_id, camera_trial("left", 1, drop, lean))
    assert store.conn.execute("SELECT COUNT(*) FROM stance_trials").fetchone()[0] == 0


def test_pelvic_drop_series_is_per_test_and_side_and_skips_hand_timed_trials(
    store: Store,
) -> None:
    first = create_session(store, MORNING, "open", 45.0)
    save_trial(store, first, camera_trial("left", 1, 2.0))
    save_trial(store, first, camera_trial("left", 2, 4.0))
    save_trial(store, first, camera_trial("right", 1, 6.5))
    second = create_session(store, MORNING.replace(day=9), "open", 45.0)
    save_trial(store, second, StanceTrial("left", 1, 30.0, "manual"))  # timed by hand
    save_trial(store, second, camera_trial("right", 1, -1.0))
    points = pelvic_drop_series(store, UTC)
    assert [(p.day, p.side, p.degrees, p.trials) for p in points] == [
        (date(2026, 3, 2), "left", 3.0, 2),
        (date(2026, 3, 2), "right", 6.5, 1),
        (date(2026, 3, 9), "right", -1.0, 1),
    ]
    assert pelvic_drop_series(store, UTC, since=date(2026, 3, 5))[0].day == date(2026, 3, 9)


def test_measures_survive_export_and_import(store: Store, tmp_path: Path) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, camera_trial("left", 1, 3.5, 6.0))
    export_json(store, tmp_path / "out.json")
    other = open_store(tmp_path / "other")
    apply_import(other, read_import(tmp_path / "out.json"))
    (back,) = get_session(other, session_id).trials  # type: ignore[union-attr]
    assert (back.pelvic_drop_deg, back.trunk_lean_deg) == (3.5, 6.0)
    other.close()


def test_an_export_from_before_the_camera_imports_with_empty_measures(
    store: Store, tmp_path: Path
) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, StanceTrial("left", 1, 20.0, "foot_down"))
    path = tmp_path / "old.json"
    export_json(store, path)
    document = json.loads(path.read_text())
    document["schema_version"] = 3
    for row in document["tables"]["stance_trials"]:
        del row["pelvic_drop_deg"], row["trunk_lean_deg"]
    path.write_text(json.dumps(document))
    other = open_store(tmp_path / "other")
    apply_import(other, read_import(path))
    (back,) = get_session(other, session_id).trials  # type: ignore[union-attr]
    assert back.seconds == 20.0 and back.pelvic_drop_deg is None
    other.close()


def test_an_angle_out_of_range_in_an_import_names_the_field(store: Store, tmp_path: Path) -> None:
    session_id = create_session(store, MORNING, "open", 45.0)
    save_trial(store, session_id, camera_trial("left", 1, 3.0))
    path = tmp_path / "bad.json"
    export_json(store, path)
    document = json.loads(path.read_text())
    document["tables"]["stance_trials"][0]["pelvic_drop_deg"] = 120
    path.write_text(json.dumps(document))
    with pytest.raises(ImportProblem, match="pelvic_drop_deg"):
        read_import(path)
