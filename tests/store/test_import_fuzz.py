"""Fuzzed JSON and CSV imports: never a traceback, the data file's bytes unchanged when an
import is refused, and every accepted import then loads everything the pages and the
report read. A fixed seed and a few hundred examples here; `pytest --long` runs thousands
(CI does)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from test_transfer import fill

from glutemed.domain.localtz import local_tz
from glutemed.ops.progress import load_snapshot
from glutemed.report.content import build_content
from glutemed.store import Store, open_store
from glutemed.store.columns import TABLES
from glutemed.store.pain import list_pain
from glutemed.store.profile import load_profile
from glutemed.store.progress import data_span
from glutemed.store.routines import list_routines
from glutemed.store.transfer import ImportProblem, export_csv, export_json, import_path
from glutemed.store.workout_history import session_summaries

DAY = date(2026, 5, 4)


def _examples(request: pytest.FixtureRequest) -> int:
    return 3000 if request.config.getoption("--long") else 200


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder with some of everything, plus its JSON and CSV exports."""
    root = tmp_path_factory.mktemp("template")
    store = open_store(root / "data", today=DAY)
    fill(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    export_json(store, root / "export.json")
    export_csv(store, root / "csv")
    store.close()
    yield root


def _fresh_store(template: Path, where: Path) -> tuple[Store, bytes]:
    shutil.copytree(template / "data", where / "data")
    store = open_store(where / "data", today=DAY)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store, store.path.read_bytes()


def _check_outcome(store: Store, path: Path, before: bytes) -> None:
    try:
        import_path(store, path)
    except ImportProblem as problem:
        message = str(problem)
        assert message and "\n" not in message and len(message) < 400
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert store.path.read_bytes() == before, "a refused import changes nothing"
        return
    # Accepted: everything the pages and the report read must load.
    tz = local_tz()
    load_profile(store)
    list_pain(store)
    list_routines(store)
    session_summaries(store)
    span = data_span(store, tz)
    snapshot = load_snapshot(store, tz, None, None)
    since = span[0] if span else DAY
    build_content(snapshot, load_profile(store), since, DAY, DAY)
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


times = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.timezones()
).map(lambda moment: moment.isoformat())
odd_numbers = st.one_of(
    st.integers(),
    st.integers(min_value=2**62, max_value=2**80),
    st.floats(),
    st.sampled_from([1e308, -1e308, 2**31, 2**63, -(2**63) - 1, 0.05, -0.0]),
)
odd_text = st.one_of(
    st.text(max_size=12),
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=2),
    st.sampled_from(["＝1+1", " =1", "\ufeffid", "left", "right", "open", "daily", "x" * 5000]),
    times,
)
leaf = st.none() | st.booleans() | odd_numbers | odd_text
odd_values = st.recursive(
    leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
fields = st.sampled_from(sorted({c.name for cols in TABLES.values() for c in cols})) | st.text(
    max_size=6
)


def _raw_mutation(data: bytes, how: str, at: int, junk: bytes) -> bytes:
    at = at % (len(data) + 1)
    if how == "truncate":
        return data[:at]
    if how == "insert":
        return data[:at] + junk + data[at:]
    if how == "flip":
        return data[:at] + bytes(b ^ 0x55 for b in data[at : at + 4]) + data[at + 4 :]
    return b"\xef\xbb\xbf" + data  # a byte-order mark


raw_edits = st.tuples(
    st.sampled_from(["truncate", "insert", "flip", "bom"]),
    st.integers(min_value=0, max_value=10**6),
    st.binary(max_size=8),
)


@st.composite
def json_edits(draw: st.DrawFn) -> tuple[str, Any]:
    kind = draw(st.sampled_from(["field", "field", "field", "table", "document", "raw"]))
    if kind == "raw":
        return kind, draw(raw_edits)
    table = draw(st.sampled_from(sorted(TABLES)))
    return kind, (table, draw(fields), draw(odd_values))


def test_fuzzed_json_imports(
    template: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> None:
    document = json.loads((template / "export.json").read_text(encoding="utf-8"))

    @seed(11)
    @settings(
        max_examples=_examples(request),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(edit=json_edits())
    def one(edit: tuple[str, Any]) -> None:
        where = tmp_path_factory.mktemp("json")
        store, before = _fresh_store(template, where)
        kind, detail = edit
        doc = json.loads(json.dumps(document))
        if kind == "raw":
            raw = _raw_mutation(json.dumps(doc).encode(), *detail)
        else:
            table, field, value = detail
            if kind == "document":
                doc = value
            elif kind == "table":
                doc["tables"][table] = value
            elif doc["tables"][table]:
                doc["tables"][table][0][field] = value
            raw = json.dumps(doc, ensure_ascii=True).encode()
        path = where / "import.json"
        path.write_bytes(raw)
        _check_outcome(store, path, before)
        store.close()

    one()


@st.composite
def csv_edits(draw: st.DrawFn) -> tuple[str, Any]:
    table = draw(st.sampled_from(sorted(TABLES)))
    kind = draw(st.sampled_from(["cell", "cell", "cell", "header", "raw", "drop"]))
    if kind == "raw":
        return kind, (table, draw(raw_edits))
    if kind == "drop":
        return kind, (table, None)
    text = draw(odd_text | odd_numbers.map(str))
    return kind, (table, (draw(st.integers(min_value=0, max_value=20)), text))


def test_fuzzed_csv_imports(
    template: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> None:
    @seed(29)
    @settings(
        max_examples=_examples(request),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(edit=csv_edits())
    def one(edit: tuple[str, Any]) -> None:
        where = tmp_path_factory.mktemp("csv")
        store, before = _fresh_store(template, where)
        folder = where / "csv"
        shutil.copytree(template / "csv", folder)
        kind, (table, detail) = edit
        path = folder / f"{table}.csv"
        if kind == "drop":
            path.unlink()
        elif kind == "raw":
            path.write_bytes(_raw_mutation(path.read_bytes(), *detail))
        else:
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
            column, text = detail
            column %= len(rows[0])
            if kind == "header":
                rows[0][column] = text
            elif len(rows) > 1:
                rows[1][column] = text
            buffer = io.StringIO()
            csv.writer(buffer).writerows(rows)
            try:
                path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
            except UnicodeEncodeError:
                return
        _check_outcome(store, folder, before)
        store.close()

    one()
