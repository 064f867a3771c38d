"""The user's profile and preferences, kept in the key/value `settings` table."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from glutemed.domain.records import Profile
from glutemed.domain.rules import SETTING_DEFAULTS, setting_problem
from glutemed.store.columns import shown
from glutemed.store.db import Store
from glutemed.store.settings import UPSERT_SETTING, get_setting, set_setting

__all__ = ["get_setting", "load_profile", "load_profile_checked", "save_profile", "set_setting"]


def load_profile(store: Store) -> Profile:
    return load_profile_checked(store)[0]


def load_profile_checked(store: Store) -> tuple[Profile, list[str]]:
    """The profile, with every setting a hand-edited file got wrong replaced by its
    default, and one sentence per such setting for the user."""
    known = {f.name for f in fields(Profile)}
    values: dict[str, Any] = {}
    problems: list[str] = []
    for row in store.conn.execute("SELECT key, value FROM settings").fetchall():
        key = row["key"]
        if key not in known:
            continue
        try:
            value = json.loads(row["value"])
            problem = setting_problem(key, value, None)
        except (TypeError, ValueError, RecursionError):
            value, problem = row["value"], "is not readable"
        if problem is None:
            values[key] = float(value) if key == "stance_cap_s" else value
            continue
        default = SETTING_DEFAULTS.get(key)
        problems.append(
            f"The setting {key} held {shown(value)}, which {problem}; "
            f"using {shown(default)} instead."
        )
    return Profile(**values), problems


def save_profile(store: Store, profile: Profile) -> None:
    with store.transaction() as conn:
        for key, value in asdict(profile).items():
            conn.execute(UPSERT_SETTING, (key, json.dumps(value)))
