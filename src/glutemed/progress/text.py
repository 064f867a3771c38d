"""Small text and name helpers shared by the Progress page, its graphs and the report."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, tzinfo

from glutemed.catalog import Catalog
from glutemed.domain.wording import stance_seconds


def day_text(day: date) -> str:
    """'3 Mar 2025' on every platform (no %-d, which Windows lacks)."""
    return f"{day.day} {day:%b %Y}"


def moment_text(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    return f"{day_text(local.date())} {local:%H:%M}"


def seconds_text(seconds: float) -> str:
    return f"{stance_seconds(seconds)} s"


def day_x(day: date, tz: tzinfo) -> float:
    """Graph x value of a day: epoch seconds of local noon (the date axis shows local time)."""
    return datetime.combine(day, time(12), tzinfo=tz).timestamp()


def exercise_names(catalog: Catalog) -> dict[str, str]:
    """Exercise id -> display name, from the catalogue (the one source of names)."""
    return {e.id: str(e.name) for e in catalog.exercises}


def exercise_name(exercise_id: str, names: Mapping[str, str]) -> str:
    """The display name in *names*, else the id made readable ('wall_press' -> 'Wall press')."""
    return names.get(exercise_id) or exercise_id.replace("_", " ").capitalize()
