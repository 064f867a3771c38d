"""Import and export as user actions: the CLI (and any window action) calls these."""

from __future__ import annotations

from pathlib import Path

from glutemed.catalog import Catalog, load_catalog
from glutemed.store.transfer import CheckedImport, KnownIds, read_import


def known_ids(catalog: Catalog) -> KnownIds:
    """What an imported routine or set may name: this catalogue's exercises and bands."""
    return KnownIds(
        variations={e.id: frozenset(v.id for v in e.variations) for e in catalog.exercises},
        bands=frozenset(b.id for b in catalog.band_levels),
    )


def check_import(path: Path, catalog: Catalog | None = None) -> CheckedImport:
    """Read and check *path* against the domain rules and the catalogue; touches no data."""
    return read_import(path, known_ids(catalog or load_catalog()))
