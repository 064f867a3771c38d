"""The names every layer shares: sides, eyes, what ended a stance trial, pain contexts.

Each is a `StrEnum` (its members are the very strings stored in SQLite and written to
exports) plus a `Literal` alias for the records' type hints. The tuples are the allowed
values in the order they are shown; the migrations' CHECK constraints list the same
values (tests/store/test_domain_rules.py compares them).
"""

from __future__ import annotations

from enum import Enum, StrEnum
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
    OUT_OF_VIEW = "out_of_view"  # camera test: the person left the picture


class PainContextName(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    DAILY = "daily"


class SidesName(StrEnum):
    """Which sides a routine item trains."""

    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


class WorkoutPhase(StrEnum):
    """Where a guided workout is."""

    GET_READY = "get_ready"
    WORK = "work"
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    NEXT_EXERCISE = "next_exercise"
    DONE = "done"


class StancePhase(Enum):
    """Where a stance test is."""

    READY = "ready"  # instructions shown, waiting for the person to start the countdown
    COUNTDOWN = "countdown"  # 3-2-1
    WAITING = "waiting"  # camera test: counted down, the timer starts when the foot lifts
    TIMING = "timing"  # on one leg; any key, a click or the cap stops it
    OUTCOME = "outcome"  # stopped; asking how it ended and what was seen
    FINISHED = "finished"
    ABANDONED = "abandoned"


class Cue(StrEnum):
    """A sound the workout or the stance test asks for (the sound files are named so)."""

    REP = "rep"
    TICK = "tick"
    SWITCH_SIDES = "switch_sides"
    DONE = "done"
    GO = "go"
    STOP = "stop"


CUE_NAMES: tuple[str, ...] = tuple(Cue)

Side = Literal["left", "right"]
Eyes = Literal["open", "closed"]
EndedBy = Literal[
    "foot_down", "hands_off", "stance_foot_moved", "eyes_opened", "cap", "manual", "out_of_view"
]
PainContext = Literal["before", "after", "daily"]
# Which way the trunk leaned in a camera-timed trial, seen from the standing leg.
LeanSide = Literal["stance", "swing"]
LEAN_SIDES: tuple[str, ...] = ("stance", "swing")
Sides = Literal["both", "left", "right"]

SIDES: tuple[str, ...] = tuple(SideName)
EYES: tuple[str, ...] = tuple(EyesName)
ENDED_BY: tuple[str, ...] = tuple(EndedByName)
PAIN_CONTEXTS: tuple[str, ...] = tuple(PainContextName)
SIDES_CHOICES: tuple[str, ...] = tuple(SidesName)
SOUND_MODES: tuple[str, ...] = ("beeps", "voice", "silent")
THEMES: tuple[str, ...] = ("system", "light", "dark")
SIDE_ORDERS: tuple[str, ...] = ("left_first", "right_first")


def side_order(preferred: str) -> tuple[Side, Side]:
    """The profile's side order ('left_first' | 'right_first') as the two sides in turn."""
    if preferred == "right_first":
        return ("right", "left")
    if preferred == "left_first":
        return ("left", "right")
    raise ValueError(f"side order must be 'left_first' or 'right_first', got {preferred!r}")
