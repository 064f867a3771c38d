"""The exercise catalogue: exercises, variations, cues and default doses from exercises.toml."""

from glutemed.catalog.model import (
    BandLevel,
    Catalog,
    CatalogError,
    Dose,
    Exercise,
    Variation,
    load_catalog,
)

__all__ = [
    "BandLevel",
    "Catalog",
    "CatalogError",
    "Dose",
    "Exercise",
    "Variation",
    "load_catalog",
]
