"""Single settings the window keeps for itself (its geometry, the theme at start-up).

Kept apart from `ops.profile` on purpose: the first window reads these before anything
else, and this module pulls in no records or dataclasses (~20 ms of start-up, ~5 %).
"""

from __future__ import annotations

from typing import Any

from glutemed.store import Store
from glutemed.store import settings as setting_rows


def read_setting(store: Store, key: str, default: Any = None) -> Any:
    return setting_rows.get_setting(store, key, default)


def write_setting(store: Store, key: str, value: Any) -> None:
    """A value only the window uses: no page needs telling."""
    setting_rows.set_setting(store, key, value)
