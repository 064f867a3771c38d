"""Single values in the key/value `settings` table, each stored as JSON."""

from __future__ import annotations

import json
from typing import Any

from glutemed.store.db import Store


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row["value"])


UPSERT_SETTING = (
    "INSERT INTO settings(key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)


def set_setting(store: Store, key: str, value: Any) -> None:
    with store.transaction() as conn:
        conn.execute(UPSERT_SETTING, (key, json.dumps(value)))
