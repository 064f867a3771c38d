"""The profile the pages read (birth year, side order, cap, sound, theme, tempo)."""

from __future__ import annotations

from glutemed.domain.records import Profile
from glutemed.ops.changes import Changes
from glutemed.store import Store
from glutemed.store import profile as profile_rows

PROFILE_SAVED = Changes(profile=True, message="Settings saved")


def load_profile(store: Store) -> Profile:
    return profile_rows.load_profile(store)


def profile_problems(store: Store) -> list[str]:
    """One sentence per setting a hand-edited file got wrong; `load_profile` already
    replaces each by its default."""
    return profile_rows.load_profile_checked(store)[1]


def save_profile(store: Store, profile: Profile) -> Changes:
    profile_rows.save_profile(store, profile)
    return PROFILE_SAVED
