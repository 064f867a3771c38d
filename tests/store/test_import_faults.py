"""Imports that used to end in a traceback, or lose text: each gives one clean line now."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_transfer import fill

from glutemed.store import Store, open_store
from glutemed.store.transfer import (
    MAX_IMPORT_BYTES,
    ImportProblem,
    export_csv,
    export_json,
    import_path,
    read_tables,
)

BIG = 2**63


@pytest.fixture
def target(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "t")
    fill(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store


def _document(tmp_path: Path) -> dict:
    source = open_store(tmp_path / "src")
    fill(source)
    export_json(source, tmp_path / "good.json")
    source.close()
    return json.loads((tmp_path / "good.json").read_text())


def _refused(store: Store, path: Path) -> str:
    before = read_tables(store)
    with pytest.raises(ImportProblem) as caught:
        import_path(store, path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    assert read_tables(store) == before
    return message


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("score", str(BIG), "too large a number"),
        ("score", "9" * 5000, "not valid JSON"),
        ("score", "1e400", "must be a whole number"),
        ("note", '"\\ud800"', "not valid Unicode"),
        ("score", '"' + "7" * 1_000_000 + '"', "must be a whole number"),
        ("taken_at", '"9999-12-31T23:59:59-14:00"', "between the years 1900 and 2199"),
        ("taken_at", '"0001-01-01T00:00:00+14:00"', "between the years"),
    ],
)
def test_json_values_that_used_to_crash_are_refused_in_one_short_line(
    tmp_path: Path, target: Store, field: str, text: str, expected: str
) -> None:
    document = _document(tmp_path)
    document["tables"]["pain_logs"][0][field] = "PLACEHOLDER"
    raw = json.dumps(document).replace('"PLACEHOLDER"', text)
    path = tmp_path / "bad.json"
    path.write_text(raw)
    assert expected in _refused(target, path)


def test_deeply_nested_json_is_refused(tmp_path: Path, target: Store) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    assert "nested too deeply" in _refused(target, path)


def test_a_reference_error_names_the_file(tmp_path: Path, target: Store) -> None:
    document = _document(tmp_path)
    document["tables"]["set_logs"][0]["session_id"] = 999
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(document))
    assert _refused(target, path).startswith("mine.json tables.set_logs row 1")


def test_endless_or_oversized_input_is_refused_without_reading_it(
    tmp_path: Path, target: Store
) -> None:
    assert "not a regular file" in _refused(target, Path("/dev/zero"))
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_IMPORT_BYTES + 1)  # sparse: costs no disk
    assert "MB an import may be" in _refused(target, huge)


def test_times_are_stored_in_utc(tmp_path: Path, target: Store) -> None:
    document = _document(tmp_path)
    document["tables"]["pain_logs"][0]["taken_at"] = "2026-01-01T22:30:00-05:00"
    path = tmp_path / "zone.json"
    path.write_text(json.dumps(document))
    import_path(target, path)
    stored = target.conn.execute("SELECT taken_at FROM pain_logs WHERE id = 1").fetchone()[0]
    assert stored == "2026-01-02T03:30:00+00:00"


TRICKY_CELLS = [
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "﹦1+1",
    " =1+1",
    "\n=1+1",
    "\u00a0=1+1",
    "'",
    "''x",
    "",
]


def test_csv_neutralises_every_formula_start_and_round_trips_exactly(
    tmp_path: Path,
) -> None:
    source = open_store(tmp_path / "a")
    fill(source)
    with source.transaction() as conn:
        for i, note in enumerate([*TRICKY_CELLS, " ", "  plain", "n" * 140_000]):
            conn.execute(
                "INSERT INTO pain_logs(taken_at, score, context, note) "
                "VALUES ('2026-01-01T08:00:00+00:00', ?, 'daily', ?)",
                (i % 11, note),
            )
        conn.execute("UPDATE set_logs SET band = '' WHERE id = 1")
    export_csv(source, tmp_path / "csv")
    csv.field_size_limit(MAX_IMPORT_BYTES)  # the long note is longer than csv's default
    with (tmp_path / "csv" / "pain_logs.csv").open(newline="", encoding="utf-8") as handle:
        notes = [row["note"] for row in csv.DictReader(handle)]
    for cell in TRICKY_CELLS:
        assert "'" + cell in notes, f"{cell!r} must be quoted"
    target = open_store(tmp_path / "b")
    import_path(target, tmp_path / "csv")
    assert read_tables(target) == read_tables(source)
    band = target.conn.execute("SELECT band FROM set_logs WHERE id = 1").fetchone()[0]
    assert band == ""


def test_csv_saved_with_a_byte_order_mark_imports(tmp_path: Path) -> None:
    source = open_store(tmp_path / "a")
    fill(source)
    export_csv(source, tmp_path / "csv")
    for path in (tmp_path / "csv").glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    target = open_store(tmp_path / "b")
    import_path(target, tmp_path / "csv")
    assert read_tables(target) == read_tables(source)
