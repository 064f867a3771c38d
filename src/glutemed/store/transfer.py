"""Export every table to JSON or CSV, and import what export wrote: check everything, then
apply it in one transaction."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from glutemed.store.columns import TABLES, Column, FieldError, convert
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
from glutemed.store.migrations import SCHEMA_VERSION

__all__ = [
    "EXPORT_FORMAT",
    "ExportRefused",
    "ImportProblem",
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


class ImportProblem(ValueError):
    """A bad import file; the message names the file, row and field."""


def _check_rows(
    source: str, table: str, raw_rows: Iterable[Any], from_csv: bool
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
            raise ImportProblem(f"{where}: unknown field {extra[0]!r}")
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
        key = row[names[0]]
        if key in keys_seen:
            raise ImportProblem(f"{where}, field {names[0]!r}: {key!r} appears twice")
        keys_seen.add(key)
        checked.append(row)
    return checked


def _load_json(path: Path) -> tuple[dict[str, Any], str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportProblem(f"{path.name}: cannot read the file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{path.name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportProblem(f"{path.name}: not a GluteMed export (no 'format' of {EXPORT_FORMAT})")
    version = document.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ImportProblem(f"{path.name}: made by a newer GluteMed (schema {version!r})")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ImportProblem(f"{path.name}: field 'tables' must be an object")
    return tables, path.name


def _load_csv_folder(folder: Path) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table in TABLES:
        path = folder / f"{table}.csv"
        if not path.exists():
            continue
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                header = next(reader, None)
                if header is None:
                    raise ImportProblem(f"{path.name}: the file is empty (no header row)")
                rows = []
                for number, cells in enumerate(reader, start=1):
                    if len(cells) != len(header):
                        raise ImportProblem(
                            f"{path.name} row {number}: has {len(cells)} cells, "
                            f"the header has {len(header)}"
                        )
                    rows.append(dict(zip(header, cells, strict=True)))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise ImportProblem(f"{path.name}: cannot read the file ({exc})") from None
        tables[table] = rows
    unknown = sorted(p.name for p in folder.glob("*.csv") if p.stem not in TABLES)
    if unknown:
        raise ImportProblem(f"{unknown[0]}: not a GluteMed table")
    if not tables:
        raise ImportProblem(f"{folder}: holds no GluteMed CSV files")
    return tables


def read_import(path: Path) -> Rows:
    """Parse and check an export file or CSV folder without touching any database."""
    from_csv = path.is_dir()
    if from_csv:
        raw_tables: dict[str, Any] = _load_csv_folder(path)
    elif path.exists():
        raw_tables, _ = _load_json(path)
    else:
        raise ImportProblem(f"{path}: no such file or folder")
    unknown = sorted(set(raw_tables) - set(TABLES))
    if unknown:
        raise ImportProblem(f"{path.name}: unknown table {unknown[0]!r}")
    checked: Rows = {}
    for table in TABLES:
        rows = raw_tables.get(table, [])
        source = f"{table}.csv" if from_csv else f"{path.name} tables.{table}"
        if not isinstance(rows, list):
            raise ImportProblem(f"{source}: must be a list of rows")
        checked[table] = _check_rows(source, table, rows, from_csv)
    return checked


def _check_references(store: Store, data: Rows) -> None:
    for table, columns in TABLES.items():
        for column in (c for c in columns if c.references):
            parent = str(column.references)
            known = {row["id"] for row in data.get(parent, [])}
            known |= {r[0] for r in store.conn.execute(f"SELECT id FROM {parent}")}
            for number, row in enumerate(data[table], start=1):
                value = row[column.name]
                if value is not None and value not in known:
                    raise ImportProblem(
                        f"{table} row {number}, field {column.name!r}: "
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


def apply_import(store: Store, data: Rows) -> int:
    """Write checked rows in one transaction (rows with a known id are updated)."""
    _check_references(store, data)
    count = 0
    with store.transaction() as conn:
        for table, columns in TABLES.items():
            sql = _upsert_sql(table, columns)
            for row in data[table]:
                conn.execute(sql, [row[c.name] for c in columns])
                count += 1
    return count


def import_path(store: Store, path: Path) -> int:
    return apply_import(store, read_import(path))
