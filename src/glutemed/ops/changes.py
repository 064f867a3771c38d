"""What an operation changed, said once so the window can refresh only what it touched.

The GUI turns a `Changes` into change signals and a status line
(`glutemed.ui.common.announcer`); the CLI prints its message.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from glutemed.store import StoreError

# What can go wrong when the data file is written or read: the disk, the file, SQLite.
DATA_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, StoreError, OSError)


@dataclass(frozen=True)
class Changes:
    workout: bool = False  # a set, a workout's end, or a routine
    stance: bool = False  # a stance trial or test
    pain: bool = False  # a pain entry
    profile: bool = False  # a setting
    programme: bool = False  # the plan in use, the safety answers, a check-in or a PSFS rating
    message: str = ""  # a short line for the status area
    problem: str = ""  # what could not be saved, in plain words

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            workout=self.workout or other.workout,
            stance=self.stance or other.stance,
            pain=self.pain or other.pain,
            profile=self.profile or other.profile,
            programme=self.programme or other.programme,
            message=other.message or self.message,
            problem=other.problem or self.problem,
        )

    def saying(self, message: str) -> Changes:
        return replace(self, message=message)


NOTHING = Changes()


def problem_text(what: str, error: BaseException) -> str:
    """One clear line for a failed save or load: what failed and the reason the system gave."""
    reason = str(error).strip() or type(error).__name__
    return f"Could not {what}: {reason}"
