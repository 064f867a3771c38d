"""Export every table to JSON or CSV, and import what export wrote: check everything, then
apply it in one transaction."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glutemed.domain.localtz import local_today
from glutemed.domain.rules import setting_problem
from glutemed.store.columns import TABLES, Column, FieldError, convert, shown
from glutemed.store.db import Store
from glutemed.store.export import (
    EXPORT_FORMAT,
    ExportRefused,
    export_csv,
    export_json,
    neutralise,
    read_tables,
    restore,
)
from glutemed.store.files import DiskFull, StoreError, disk_full_message, is_disk_full
from glutemed.store.migrations import SCHEMA_VERSION

__all__ = [
    "EXPORT_FORMAT",
    "MAX_IMPORT_BYTES",
    "CheckedImport",
    "ExportRefused",
    "ImportProblem",
    "KnownIds",
    "apply_import",
    "export_csv",
    "export_json",
    "import_path",
    "neutralise",
    "read_import",
    "read_tables",
    "restore",
]

Rows = dict[str, list[dict[str, Any]]]


MAX_IMPORT_MB = 64
# Ten years of daily demo history export to 28.6 MB of JSON, which imports in 144 MB of
# memory (measured); the cap keeps any import near twice that and far from a runaway.
MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024


class ImportProblem(ValueError):
    """A bad import file; the message names the file, row and field."""


@dataclass(frozen=True)
class CheckedImport:
    """Rows that passed every check, and where each table came from (for messages)."""

    tables: Rows
    sources: dict[str, str]


@dataclass(frozen=True)
class KnownIds:
    """What rows may name: exercise -> its variation ids, and band levels (the catalogue's,
    passed in so the store does not load it)."""

    variations: dict[str, frozenset[str]]
    bands: frozenset[str]


def _row_problem(table: str, row: dict[str, Any], known: KnownIds | None) -> str | None:
    """A value the app's own rules refuse: a setting, or an exercise it does not have."""
    if table == "settings":
        problem = setting_problem(row["key"], json.loads(row["value"]), local_today().year)
        return None if problem is None else f"field 'value': {row['key']} {problem}"
    if known is None or table not in ("routine_items", "set_logs"):
        return None
    exercise, variation = row["exercise_id"], row["variation_id"]
    if exercise not in known.variations:
        return f"field 'exercise_id': no exercise {shown(exercise)} in this GluteMed"
    if variation not in known.variations[exercise]:
        return f"field 'variation_id': {exercise} has no variation {shown(variation)}"
    if row["band"] not in (None, "") and row["band"] not in known.bands:
        return f"field 'band': no band level {shown(row['band'])}"
    return None


def _check_rows(
    source: str,
    table: str,
    raw_rows: Iterable[Any],
    from_csv: bool,
    known: KnownIds | None,
) -> list[dict[str, Any]]:
    columns = TABLES[table]
    names = [c.name for c in columns]
    checked: list[dict[str, Any]] = []
    keys_seen: set[Any] = set()
    for number, raw in enumerate(raw_rows, start=1):
        where = f"{source} row {number}"
        if not isinstance(raw, dict):
            raise ImportProblem(f"{where}: must be an object of column values")
        extra = sorted(set(raw) - set(names))
        if extra:
            raise ImportProblem(f"{where}: unknown field {shown(extra[0])}")
        row: dict[str, Any] = {}
        for column in columns:
            if column.name not in raw:
                raise ImportProblem(f"{where}, field {column.name!r}: is missing")
            value = raw[column.name]
            if from_csv and isinstance(value, str):
                value = None if value == "" and column.nullable else restore(value)
            try:
                row[column.name] = convert(column, value)
            except FieldError as exc:
                raise ImportProblem(f"{where}, field {column.name!r}: {exc}") from None
        problem = _row_problem(table, row, known)
        if problem is not None:
            raise ImportProblem(f"{where}, {problem}")
        key = row[names[0]]
        if key in keys_seen:
            raise ImportProblem(f"{where}, field {names[0]!r}: {shown(key)} appears twice")
        keys_seen.add(key)
        checked.append(row)
    return checked


def _read_text(path: Path, name: str) -> str:
    """The whole file as text, refused beyond MAX_IMPORT_BYTES (and for anything that is
    not a regular file: /dev/zero would never end)."""
    try:
        if not path.is_file():
            raise ImportProblem(f"{name}: not a regular file")
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportProblem(f"{name}: larger than the {MAX_IMPORT_MB} MB an import may be")
        with path.open("rb") as handle:
            raw = handle.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            raise ImportProblem(f"{name}: larger than the {MAX_IMPORT_MB} MB an import may be")
        return raw.decode("utf-8-sig")  # spreadsheets start files with a byte-order mark
    except OSError as exc:
        raise ImportProblem(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"{name}: not UTF-8 text (byte {exc.start})") from None


def _load_json(path: Path) -> tuple[dict[str, Any], str]:
    text = _read_text(path, path.name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{path.name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise ImportProblem(f"{path.name}: nested too deeply to be a GluteMed export") from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise ImportProblem(f"{path.name}: not valid JSON ({shown(str(exc))})") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportProblem(f"{path.name}: not a GluteMed export (no 'format' of {EXPORT_FORMAT})")
    version = document.get("schema_version")
    if type(version) is not int or not 1 <= version <= SCHEMA_VERSION:
        raise ImportProblem(
            f"{path.name}: schema {shown(version)} is not one this GluteMed reads "
            f"(1 to {SCHEMA_VERSION}); a newer GluteMed may have made it"
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ImportProblem(f"{path.name}: field 'tables' must be an object")
    return tables, path.name


def _load_csv_folder(folder: Path) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    total = 0
    for table in TABLES:
        path = folder / f"{table}.csv"
        if not path.exists():
            continue
        text = _read_text(path, path.name)
        total += len(text)
        if total > MAX_IMPORT_BYTES:
            raise ImportProblem(f"{folder}: larger than the {MAX_IMPORT_MB} MB an import may be")
        tables[table] = _csv_rows(path.name, text)
    unknown = sorted(p.name for p in folder.glob("*.csv") if p.stem not in TABLES)
    if unknown:
        raise ImportProblem(f"{shown(unknown[0])}: not a GluteMed table")
    if not tables:
        raise ImportProblem(f"{folder}: holds no GluteMed CSV files")
    return tables


def _csv_rows(name: str, text: str) -> list[dict[str, str]]:
    # A cell may be as long as the file (a long note); the csv default stops at 128 KB.
    csv.field_size_limit(MAX_IMPORT_BYTES)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if header is None:
            raise ImportProblem(f"{name}: the file is empty (no header row)")
        rows = []
        for number, cells in enumerate(reader, start=1):
            if len(cells) != len(header):
                raise ImportProblem(
                    f"{name} row {number}: has {len(cells)} cells, the header has {len(header)}"
                )
            rows.append(dict(zip(header, cells, strict=True)))
    except csv.Error as exc:
        raise ImportProblem(f"{name}: not a readable CSV file ({shown(str(exc))})") from None
    return rows


def read_import(path: Path, known: KnownIds | None = None) -> CheckedImport:
    """Parse and check an export file or CSV folder without touching any database: each
    value against the same domain rules the app uses, and (given *known*) every exercise,
    variation and band against the catalogue."""
    from_csv = path.is_dir()
    if from_csv:
        raw_tables: dict[str, Any] = _load_csv_folder(path)
    elif path.exists():
        raw_tables, _ = _load_json(path)
    else:
        raise ImportProblem(f"{path}: no such file or folder")
    unknown = sorted(str(name) for name in set(raw_tables) - set(TABLES))
    if unknown:
        raise ImportProblem(f"{path.name}: unknown table {shown(unknown[0])}")
    checked: Rows = {}
    for table in TABLES:
        rows = raw_tables.get(table, [])
        source = f"{table}.csv" if from_csv else f"{path.name} tables.{table}"
        if not isinstance(rows, list):
            raise ImportProblem(f"{source}: must be a list of rows")
        checked[table] = _check_rows(source, table, rows, from_csv, known)
    sources = {t: f"{t}.csv" if from_csv else f"{path.name} tables.{t}" for t in TABLES}
    return CheckedImport(checked, sources)


def _check_references(store: Store, data: CheckedImport) -> None:
    for table, columns in TABLES.items():
        for column in (c for c in columns if c.references):
            parent = str(column.references)
            known = {row["id"] for row in data.tables.get(parent, [])}
            known |= {r[0] for r in store.conn.execute(f"SELECT id FROM {parent}")}
            for number, row in enumerate(data.tables[table], start=1):
                value = row[column.name]
                if value is not None and value not in known:
                    raise ImportProblem(
                        f"{data.sources[table]} row {number}, field {column.name!r}: "
                        f"no {parent} row has id {value}"
                    )


def _upsert_sql(table: str, columns: tuple[Column, ...]) -> str:
    names = [c.name for c in columns]
    key = names[0]
    updates = ", ".join(f"{n} = excluded.{n}" for n in names[1:])
    marks = ", ".join("?" for _ in names)
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks}) "
        f"ON CONFLICT({key}) DO UPDATE SET {updates}"
    )


def apply_import(store: Store, data: CheckedImport) -> int:
    """Write checked rows in one transaction (rows with a known id are updated)."""
    _check_references(store, data)
    count = 0
    try:
        with store.transaction() as conn:
            for table, columns in TABLES.items():
                sql = _upsert_sql(table, columns)
                for number, row in enumerate(data.tables[table], start=1):
                    try:
                        conn.execute(sql, [row[c.name] for c in columns])
                    except sqlite3.IntegrityError as exc:  # e.g. two trials in one slot
                        raise ImportProblem(
                            f"{data.sources[table]} row {number}: clashes with the data "
                            f"({shown(str(exc))}); nothing was imported"
                        ) from None
                    count += 1
    except sqlite3.Error as exc:
        if is_disk_full(exc):
            raise DiskFull(disk_full_message(store.path)) from exc
        raise StoreError(f"the import could not be written ({exc}); nothing was imported") from exc
    return count


def import_path(store: Store, path: Path, known: KnownIds | None = None) -> int:
    return apply_import(store, read_import(path, known))
