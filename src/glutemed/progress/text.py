"""Small text and name helpers shared by the Progress page, its graphs and the report."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from functools import lru_cache

from glutemed.domain.wording import stance_seconds

_FALLBACK_NAMES = {
    "standing_abduction": "Standing hip abduction",
    "clamshell": "Clamshell",
    "fire_hydrant": "Fire hydrant",
    "wall_press_out": "Wall squat press-out",
    "side_plank_abduction": "Side plank with abduction",
}


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


@lru_cache(maxsize=1)
def _catalog_names() -> dict[str, str]:
    try:
        from glutemed.catalog import load_catalog

        return {e.id: str(e.name) for e in load_catalog().exercises}
    except Exception:  # catalog not available: fall back to the built-in names
        return {}


def exercise_name(exercise_id: str) -> str:
    """Display name from the catalog when it is available, else a built-in fallback."""
    found = _catalog_names().get(exercise_id) or _FALLBACK_NAMES.get(exercise_id)
    return found or exercise_id.replace("_", " ").capitalize()
