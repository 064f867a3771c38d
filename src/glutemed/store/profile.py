"""The user's profile and preferences, kept in the key/value `settings` table."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from glutemed.domain.records import Profile
from glutemed.store.db import Store
from glutemed.store.settings import get_setting, set_setting

__all__ = ["get_setting", "load_profile", "save_profile", "set_setting"]


def load_profile(store: Store) -> Profile:
    rows = store.conn.execute("SELECT key, value FROM settings").fetchall()
    stored: dict[str, Any] = {}
    for row in rows:
        try:
            stored[row["key"]] = json.loads(row["value"])
        except json.JSONDecodeError:
            continue  # a hand-edited bad value falls back to the default
    known = {f.name for f in fields(Profile)}
    return Profile(**{k: v for k, v in stored.items() if k in known})


def save_profile(store: Store, profile: Profile) -> None:
    with store.transaction() as conn:
        for key, value in asdict(profile).items():
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
