"""Export every table to one JSON file or a folder of CSV files, written safely: never over
an existing file unless asked, never through a device, pipe or link, never half."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from glutemed.store.columns import TABLES
from glutemed.store.db import Store
from glutemed.store.files import (
    PARTIAL_SUFFIX,
    DiskFull,
    StoreError,
    create_private_file,
    discard,
    disk_full_message,
    is_disk_full,
)
from glutemed.store.migrations import SCHEMA_VERSION
from glutemed.store.timeutil import to_text, utc_now

EXPORT_FORMAT = "glutemed-export"
# Spreadsheets run cells that start with these as formulas (full-width and small forms
# included); a leading quote stops that and is removed again on import.
FORMULA_STARTS = frozenset("=+-@\t\r'＝＋－＠﹦﹢﹣")

Rows = dict[str, list[dict[str, Any]]]


class ExportRefused(ValueError):
    """The target cannot or may not be written; nothing was written."""


def read_tables(store: Store) -> Rows:
    result: Rows = {}
    try:
        for table, columns in TABLES.items():
            key = "key" if table == "settings" else "id"
            names = ", ".join(c.name for c in columns)
            cursor = store.conn.execute(f"SELECT {names} FROM {table} ORDER BY {key}")
            result[table] = [dict(row) for row in cursor]
    except sqlite3.Error as exc:  # e.g. text that no longer decodes: damage
        raise StoreError(
            f"the data file {store.path} could not be read ({exc}); it may be damaged: start "
            "GluteMed again to check and repair it"
        ) from exc
    return result


def check_target(path: Path, *, force: bool) -> None:
    """Refuse an existing target unless *force*, and anything but a regular file always."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise ExportRefused(f"{path} exists and is not a regular file; choose another name")
    if not force:
        raise ExportRefused(f"{path} already exists; add --force to replace it")


def export_json(store: Store, out: Path, *, force: bool = False) -> int:
    check_target(out, force=force)
    tables = read_tables(store)
    document = {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": to_text(utc_now()),
        "tables": tables,
    }
    write_atomically(out, json.dumps(document, indent=1, ensure_ascii=False))
    return sum(len(rows) for rows in tables.values())


def neutralise(cell: Any) -> Any:
    """Make a text cell inert in spreadsheets (reversed exactly by `restore`). Cells whose
    first visible character starts a formula are quoted, as is the empty text, so that it
    comes back as text rather than as "no value"."""
    if not isinstance(cell, str):
        return cell
    if cell == "" or cell[0] in FORMULA_STARTS or cell.lstrip()[:1] in FORMULA_STARTS:
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def export_csv(store: Store, folder: Path, *, force: bool = False) -> int:
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ExportRefused(f"{folder} exists and is not a folder; choose a new folder name")
    if folder.exists() and any(folder.iterdir()):
        if not force:
            raise ExportRefused(f"{folder} is not empty; choose a new folder or add --force")
        for table in TABLES:
            check_target(folder / f"{table}.csv", force=True)
    tables = read_tables(store)
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer)  # \r\n endings make csv quote cells holding \r
        writer.writerow([c.name for c in TABLES[table]])
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) for v in row.values()])
        write_atomically(folder / f"{table}.csv", buffer.getvalue())
    return sum(len(rows) for rows in tables.values())


def write_atomically(path: Path, text: str) -> None:
    """Write a private `.partial` beside *path*, then rename it over; on any failure the
    partial file is removed and the target left as it was."""
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    try:
        create_private_file(partial)
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as exc:
        discard(partial)
        if is_disk_full(exc):
            raise DiskFull(disk_full_message(path)) from exc
        raise
    except BaseException:
        discard(partial)
        raise
