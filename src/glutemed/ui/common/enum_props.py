"""Enum settings by name, for widgets built before the first window paints.

The first use of PySide's `Qt` namespace builds Python enums for all of it (~40 ms),
so the first page names its enum values the way Qt Designer files do."""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum_props(widget: QObject, **values: str) -> None:
    """Set Qt properties to enum keys, e.g. alignment="AlignTop|AlignLeft"."""
    for name, keys in values.items():
        if not widget.setProperty(name, keys):
            raise ValueError(f"{type(widget).__name__}.{name} cannot be set to {keys!r}")
