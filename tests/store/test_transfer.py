from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glutemed.domain.records import PainLog, SetLog
from glutemed.store import Store, open_store
from glutemed.store.pain import add_pain
from glutemed.store.transfer import (
    ImportProblem,
    export_csv,
    export_json,
    import_path,
    read_tables,
)
from glutemed.store.workouts import end_session, log_set, start_session

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
TRICKY = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tlead", "\rcr", "'quoted", "plain"]


def fill(store: Store) -> None:
    session = start_session(store, NOW)
    for i, note in enumerate(TRICKY):
        log_set(
            store,
            SetLog(session, "clamshell", "band", "left", i + 1, 12, 10, None, "red", NOW, NOW),
        )
        add_pain(store, PainLog(NOW, i % 11, "daily", note))
    log_set(
        store,
        SetLog(
            session,
            "side_plank_abduction",
            "standard",
            "right",
            1,
            5,
            5,
            10.0,
            None,
            NOW,
            NOW,
            True,
        ),
    )
    end_session(store, session, NOW, notes="=cmd|' /C calc'!A0")
    with store.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('birth_year', '1970')")
        conn.execute(
            "INSERT INTO stance_sessions(taken_at, eyes, cap_s) VALUES (?, 'closed', 30)",
            (NOW.isoformat(),),
        )
        conn.execute(
            "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, capped, "
            "ended_by, pelvis_dropped) VALUES (1, 'right', 3, 30, 1, 'cap', 1)"
        )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_is_lossless(tmp_path: Path, fmt: str) -> None:
    source = open_store(tmp_path / "a")
    fill(source)
    out = tmp_path / ("export.json" if fmt == "json" else "export-csv")
    (export_json if fmt == "json" else export_csv)(source, out)
    target = open_store(tmp_path / "b")
    import_path(target, out)
    assert read_tables(target) == read_tables(source)
    import_path(target, out)  # importing twice updates in place, no duplicates
    assert read_tables(target) == read_tables(source)


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a")
    fill(store)
    export_csv(store, tmp_path / "out")
    cells = []
    for path in (tmp_path / "out").glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        cells += [cell for row in rows[1:] for cell in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'=cmd|' /C calc'!A0" in cells
    assert "plain" in cells


def _db_bytes(store_dir: Path) -> bytes:
    return (store_dir / "glutemed.sqlite3").read_bytes()


def _write_bad(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _valid_document(tmp_path: Path) -> dict:
    source = open_store(tmp_path / "src")
    fill(source)
    export_json(source, tmp_path / "good.json")
    source.close()
    return json.loads((tmp_path / "good.json").read_text())


@pytest.mark.parametrize(
    ("table", "field", "value", "expected"),
    [
        ("set_logs", "side", "up", "set_logs row 1, field 'side': must be one of left, right"),
        ("pain_logs", "score", 11, "pain_logs row 1, field 'score': must be from 0 to 10"),
        ("pain_logs", "taken_at", "yesterday", "field 'taken_at': must be an ISO-8601"),
        ("set_logs", "session_id", 999, "field 'session_id': no workout_sessions row has id 999"),
        ("stance_trials", "trial_no", 4, "field 'trial_no': must be from 1 to 3"),
    ],
)
def test_bad_row_names_file_row_and_field(
    tmp_path: Path, table: str, field: str, value: object, expected: str
) -> None:
    document = _valid_document(tmp_path)
    document["tables"][table][0][field] = value
    target = open_store(tmp_path / "t")
    fill(target)
    target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _db_bytes(tmp_path / "t")
    with pytest.raises(ImportProblem, match=expected.replace("(", r"\(")):
        import_path(target, _write_bad(tmp_path, document))
    target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _db_bytes(tmp_path / "t") == before


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    table=st.sampled_from(
        ["set_logs", "pain_logs", "stance_trials", "workout_sessions", "settings"]
    ),
    field=st.text(max_size=12)
    | st.sampled_from(["side", "score", "id", "taken_at", "value", "session_id"]),
    value=json_values,
    mode=st.sampled_from(["set", "delete", "replace_table", "replace_doc"]),
)
def test_malformed_imports_fail_cleanly_and_leave_the_file_unchanged(
    tmp_path_factory: pytest.TempPathFactory, table: str, field: str, value: object, mode: str
) -> None:
    tmp_path = tmp_path_factory.mktemp("fuzz")
    document = _valid_document(tmp_path)
    rows = document["tables"][table]
    if mode == "set":
        rows[0][field] = value
    elif mode == "delete":
        rows[0].pop(field, None)
        rows[0].pop("id", None)
    elif mode == "replace_table":
        document["tables"][table] = value
    else:
        document = value
    target = open_store(tmp_path / "t")
    fill(target)
    target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _db_bytes(tmp_path / "t")
    try:
        import_path(target, _write_bad(tmp_path, document))
    except ImportProblem as problem:
        message = str(problem)
        assert message and "\n" not in message and "Traceback" not in message
        target.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert _db_bytes(tmp_path / "t") == before
    else:
        # Accepted only when the change was still valid data: the file then imports cleanly
        # into a fresh store too, and every row satisfies the schema's checks.
        assert target.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    target.close()
