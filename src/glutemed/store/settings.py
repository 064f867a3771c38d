"""Single values in the key/value `settings` table, each stored as JSON."""

from __future__ import annotations

import json
from typing import Any

from glutemed.store.db import Store


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    """The stored value, or *default* when there is none or a hand edit left bad JSON."""
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    try:
        return json.loads(row["value"])
    except (TypeError, ValueError, RecursionError):
        return default


UPSERT_SETTING = (
    "INSERT INTO settings(key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


def set_setting(store: Store, key: str, value: Any) -> None:
    with store.transaction() as conn:
        conn.execute(UPSERT_SETTING, (key, json.dumps(value)))
