"""The names every layer shares: sides, eyes, what ended a stance trial, pain contexts.

Each is a `StrEnum` (its members are the very strings stored in SQLite and written to
exports) plus a `Literal` alias for the records' type hints. The tuples are the allowed
values in the order they are shown; the migrations' CHECK constraints list the same
values (tests/store/test_domain_rules.py compares them).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class SideName(StrEnum):
    """The standing (stance test) or working (workout) leg."""

    LEFT = "left"
    RIGHT = "right"


class EyesName(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class EndedByName(StrEnum):
    """What ended a stance trial."""

    FOOT_DOWN = "foot_down"
    HANDS_OFF = "hands_off"
    STANCE_FOOT_MOVED = "stance_foot_moved"
    EYES_OPENED = "eyes_opened"
    CAP = "cap"
    MANUAL = "manual"


class PainContextName(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    DAILY = "daily"


class SidesName(StrEnum):
    """Which sides a routine item trains."""

    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


Side = Literal["left", "right"]
Eyes = Literal["open", "closed"]
EndedBy = Literal["foot_down", "hands_off", "stance_foot_moved", "eyes_opened", "cap", "manual"]
PainContext = Literal["before", "after", "daily"]
Sides = Literal["both", "left", "right"]

SIDES: tuple[str, ...] = tuple(SideName)
EYES: tuple[str, ...] = tuple(EyesName)
ENDED_BY: tuple[str, ...] = tuple(EndedByName)
PAIN_CONTEXTS: tuple[str, ...] = tuple(PainContextName)
SIDES_CHOICES: tuple[str, ...] = tuple(SidesName)
SOUND_MODES: tuple[str, ...] = ("beeps", "voice", "silent")
THEMES: tuple[str, ...] = ("system", "light", "dark")
SIDE_ORDERS: tuple[str, ...] = ("left_first", "right_first")
