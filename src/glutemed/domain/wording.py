"""How numbers read in sentences, defined once for the window, the report and the CLI."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 day', '0 days', '2 entries': the noun agrees with the number."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def tenths(seconds: float) -> int:
    """Whole tenths reached, like a stopwatch (never shows a time not yet reached)."""
    return int(seconds * 10 + 1e-6)


def stance_seconds(seconds: float) -> str:
    """A measured stance time, the one rounding rule everywhere: '17.8' for 17.89 s."""
    return f"{tenths(seconds) / 10:.1f}"


def duration_text(seconds: float) -> str:
    """A workout's length: '28 s' under a minute, then '4 min', then '1 h 5 min'."""
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = round(whole / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"{minutes // 60} h"
