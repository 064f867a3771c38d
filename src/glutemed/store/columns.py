"""What each exported/imported column may hold: the checks behind `glutemed import`."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from glutemed.domain import rules
from glutemed.domain.rules import PELVIC_DROP_DEG, TRUNK_LEAN_DEG, Range
from glutemed.domain.vocabulary import ENDED_BY, EYES, LEAN_SIDES, PAIN_CONTEXTS, SIDES
from glutemed.store.timeutil import from_text


class FieldError(ValueError):
    """One bad value; the caller adds file, row and field."""


# SQLite stores whole numbers in 64 bits; anything wider cannot be saved at all.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Times outside these years are typing slips, and the far ends of datetime break the
# arithmetic of the graphs (a time zone away from year 9999 no longer exists).
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
SHOWN_CHARS = 40


def shown(value: Any) -> str:
    """A bad value as a message shows it: its repr, cut short (a value can be megabytes)."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[: SHOWN_CHARS - 1]}…"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "int", "real", "text", "bool", "time", "json"
    nullable: bool = False
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    allowed: Range | None = None  # the domain rule the app itself enforces
    references: str | None = None  # parent table whose id this must name
    # Schema version that added the column: files exported before it lack the column,
    # and it imports as empty (only for nullable columns).
    added_in: int = 1


SQLITE_INT_RANGE = (-(2**63), 2**63 - 1)  # what an SQLite INTEGER can hold


def _int(value: Any) -> int:
    result = _whole(value)
    if not SQLITE_INT_RANGE[0] <= result <= SQLITE_INT_RANGE[1]:
        raise FieldError(f"is too large (got {result})")
    return result


def _whole(value: Any) -> int:
    if isinstance(value, bool):
        raise FieldError("must be a whole number")
    number: int | None = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and len(value) <= 40:  # int() of 4,300+ digits raises
        with contextlib.suppress(ValueError):
            number = int(value.strip())
    if number is None:
        raise FieldError(f"must be a whole number (got {shown(value)})")
    if not INT64_MIN <= number <= INT64_MAX:
        raise FieldError("is too large a number to store")
    return number


def _real(value: Any) -> float:
    if isinstance(value, bool):
        raise FieldError("must be a number")
    if isinstance(value, int | float):
        try:
            result = float(value)
        except OverflowError:  # an integer beyond any float
            raise FieldError("is too large a number") from None
    elif isinstance(value, str) and len(value) <= 40:
        try:
            result = float(value.strip())
        except ValueError:
            raise FieldError(f"must be a number (got {shown(value)})") from None
    else:
        raise FieldError(f"must be a number (got {shown(value)})")
    if result != result or result in (float("inf"), float("-inf")):
        raise FieldError("must be a finite number")
    return result


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError(f"must be text (got {shown(value)})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as \ud800 has no UTF-8 form
        raise FieldError("holds a character that is not valid Unicode text") from None
    return value


def _bool(value: Any) -> int:
    number = _int(value)
    if number not in (0, 1):
        raise FieldError(f"must be 0 or 1 (got {shown(value)})")
    return number


def _time(value: Any) -> str:
    """Any ISO-8601 time with an offset, stored as UTC like every time the app writes
    (a "-05:00" time kept as written would sort and bucket onto the wrong day)."""
    text = _text(value)
    out_of_range = FieldError(f"must be a time between the years 1900 and 2199 (got {shown(text)})")
    try:
        moment = from_text(text).astimezone(UTC) if len(text) <= 64 else None
    except OverflowError:  # a year-9999 time west of UTC is past the end of the calendar
        raise out_of_range from None
    except ValueError:
        moment = None
    if moment is None:
        raise FieldError(f"must be an ISO-8601 time with offset (got {shown(text)})")
    if not EARLIEST <= moment < LATEST:
        raise out_of_range
    return moment.isoformat()  # to_text's form, with any fraction of a second kept


def _json(value: Any) -> str:
    text = _text(value)
    try:
        json.loads(text)
    except (ValueError, RecursionError):  # bad JSON, 4,300-digit numbers, deep nesting
        raise FieldError("must be JSON text") from None
    return text


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "int": _int,
    "real": _real,
    "text": _text,
    "bool": _bool,
    "time": _time,
    "json": _json,
}


def convert(column: Column, value: Any) -> Any:
    if value is None or (value == "" and column.kind != "text"):
        if column.nullable:
            return None
        raise FieldError("is required")
    result = _CONVERT[column.kind](value)
    if column.choices and result not in column.choices:
        allowed = ", ".join(f"{c:g}" if isinstance(c, float) else str(c) for c in column.choices)
        raise FieldError(f"must be one of {allowed} (got {shown(result)})")
    if column.minimum is not None and result < column.minimum:
        raise FieldError(f"must be at least {column.minimum:g} (got {shown(result)})")
    if column.maximum is not None and result > column.maximum:
        raise FieldError(f"must be at most {column.maximum:g} (got {shown(result)})")
    rule = column.allowed
    if rule is not None and result not in rule:
        low = "more than" if rule.low_open else "from"
        raise FieldError(f"must be {low} {rule.low:g} to {rule.high:g} (got {shown(result)})")
    return result


ID = Column("id", "int", minimum=1)
SIDE = Column("side", "text", choices=SIDES)

# Parents before children, so foreign keys can be checked in one pass.
TABLES: dict[str, tuple[Column, ...]] = {
    "settings": (Column("key", "text"), Column("value", "json")),
    "routines": (
        ID,
        Column("name", "text"),
        Column("created_at", "time"),
        Column("is_default", "bool"),
    ),
    "routine_items": (
        ID,
        Column("routine_id", "int", references="routines"),
        Column("position", "int", minimum=0),
        Column("exercise_id", "text"),
        Column("variation_id", "text"),
        Column("sets", "int", allowed=rules.SETS),
        Column("reps", "int", nullable=True, allowed=rules.REPS),
        Column("hold_s", "real", nullable=True, allowed=rules.HOLD_S),
        Column("rest_s", "real", allowed=rules.REST_S),
        Column("band", "text", nullable=True),
        Column("sides", "text", choices=("both", "left", "right")),
    ),
    "workout_sessions": (
        ID,
        Column("started_at", "time"),
        Column("ended_at", "time", nullable=True),
        Column("routine_id", "int", nullable=True, references="routines"),
        Column("notes", "text"),
    ),
    "set_logs": (
        ID,
        Column("session_id", "int", references="workout_sessions"),
        Column("exercise_id", "text"),
        Column("variation_id", "text"),
        SIDE,
        Column("set_no", "int", allowed=rules.SET_NO),
        Column("reps_target", "int", nullable=True, allowed=rules.REPS_LOGGED),
        Column("reps_done", "int", allowed=rules.REPS_LOGGED),
        Column("hold_s", "real", nullable=True, allowed=rules.HOLD_LOGGED_S),
        Column("band", "text", nullable=True),
        Column("started_at", "time"),
        Column("completed_at", "time"),
        Column("skipped", "bool"),
    ),
    "stance_sessions": (
        ID,
        Column("taken_at", "time"),
        Column("eyes", "text", choices=EYES),
        Column("cap_s", "real", choices=rules.CAP_CHOICES),
        Column("notes", "text"),
    ),
    "stance_trials": (
        ID,
        Column("stance_session_id", "int", references="stance_sessions"),
        SIDE,
        Column("trial_no", "int", allowed=rules.TRIAL_NO),
        Column("seconds", "real", allowed=rules.STANCE_SECONDS),
        Column("capped", "bool"),
        Column("ended_by", "text", choices=ENDED_BY),
        Column("pelvis_dropped", "bool"),
        Column("trunk_lean", "bool"),
        Column(
            "pelvic_drop_deg",
            "real",
            nullable=True,
            minimum=PELVIC_DROP_DEG.low,
            maximum=PELVIC_DROP_DEG.high,
            added_in=4,
        ),
        Column(
            "trunk_lean_deg",
            "real",
            nullable=True,
            minimum=TRUNK_LEAN_DEG.low,
            maximum=TRUNK_LEAN_DEG.high,
            added_in=4,
        ),
        Column("trunk_lean_side", "text", nullable=True, choices=LEAN_SIDES, added_in=6),
    ),
    "pain_logs": (
        ID,
        Column("taken_at", "time"),
        Column("score", "int", allowed=rules.PAIN_SCORE),
        Column("context", "text", choices=PAIN_CONTEXTS),
        Column("note", "text"),
    ),
    "morning_checkins": (
        ID,
        Column("taken_at", "time"),
        Column("session_id", "int", nullable=True, references="workout_sessions"),
        Column("settled", "bool"),
    ),
    "psfs_ratings": (
        ID,
        Column("taken_at", "time"),
        Column("activity", "text"),
        Column("score", "int", minimum=0, maximum=10),
    ),
    "plan_changes": (
        ID,
        Column("decided_at", "time"),
        Column("exercise_id", "text"),
        Column("variation_id", "text"),
        SIDE,
        Column("kind", "text", choices=("progress", "regress", "hold")),
        Column("before_dose", "text"),
        Column("after_dose", "text"),
        Column("reason", "text"),
        Column("status", "text", choices=("applied", "refused", "held")),
    ),
}
