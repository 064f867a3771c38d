"""The data file as a whole: open it, back it up, export it, import into it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from glutemed.catalog import Catalog, load_catalog
from glutemed.ops.changes import Changes
from glutemed.store import Store, open_store
from glutemed.store import transfer as transfer_rows
from glutemed.store.backups import copy_database, take_backup
from glutemed.store.export import ExportRefused, Rows, export_csv, export_json, read_tables
from glutemed.store.transfer import CheckedImport, ImportProblem, KnownIds, apply_import

__all__ = [
    "Backup",
    "CheckedImport",
    "ExportRefused",
    "ImportProblem",
    "Transfer",
    "all_rows",
    "back_up",
    "export_data",
    "import_data",
    "open_data",
    "read_import",
]


@dataclass(frozen=True)
class Backup:
    path: Path
    changes: Changes


@dataclass(frozen=True)
class Transfer:
    rows: int
    changes: Changes


def all_rows(store: Store) -> Rows:
    """Every row of every table, as an export holds them (for comparing two files)."""
    return read_tables(store)


def open_data(data_dir: Path) -> Store:
    """Open (creating, recovering and migrating as needed) the data file in *data_dir*."""
    return open_store(data_dir)


def back_up(store: Store, now: datetime, out: Path | None = None) -> Backup:
    """A dated copy in the backups folder, or a copy at *out* (never over an existing file)."""
    if out is None:
        target = take_backup(store.conn, store.backups_dir, "manual", now)
    else:
        if out.exists():
            raise FileExistsError(f"{out} already exists; choose a new file name")
        store.conn.execute("PRAGMA wal_checkpoint(FULL)")
        copy_database(store.path, out)
        target = out
    return Backup(target, Changes(message=f"Backup saved to {target}"))


def export_data(
    store: Store, form: Literal["csv", "json"], out: Path, *, force: bool = False
) -> Transfer:
    """Write every table to *out*; an existing target is refused unless *force*."""
    export = export_json if form == "json" else export_csv
    rows = export(store, out, force=force)
    return Transfer(rows, Changes(message=f"Exported {rows} rows to {out}"))


def known_ids(catalog: Catalog) -> KnownIds:
    """What an imported routine or set may name: this catalogue's exercises and bands."""
    return KnownIds(
        variations={e.id: frozenset(v.id for v in e.variations) for e in catalog.exercises},
        bands=frozenset(b.id for b in catalog.band_levels),
    )


def read_import(path: Path, catalog: Catalog | None = None) -> CheckedImport:
    """Read and check *path* against the domain rules the app uses and the catalogue's
    exercises, variations and bands; touches no data file."""
    return transfer_rows.read_import(path, known_ids(catalog or load_catalog()))


def import_data(store: Store, data: CheckedImport, source: Path) -> Transfer:
    """Apply rows already checked by `read_import` (so a bad file never opens the data)."""
    rows = apply_import(store, data)
    everything = Changes(workout=True, stance=True, pain=True, profile=True)
    return Transfer(rows, everything.saying(f"Imported {rows} rows from {source}"))
