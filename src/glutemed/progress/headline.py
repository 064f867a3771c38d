"""The Progress page's headline: four numbers for the range shown, in plain words.

Pure (no Qt, no numpy): the page shows it before the graphs' modules have loaded, so a
first visit has something useful on screen at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from glutemed.domain.wording import counted
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.progress.text import day_text, seconds_text
from glutemed.progress.training import adherence


@dataclass(frozen=True)
class Headline:
    stance: str  # the latest eyes-open test: best per side
    symmetry: str  # that test's left/right symmetry
    pain: str  # mean score in the range
    training: str  # days trained in the range, and the current streak


def _side(label: str, seconds: float | None) -> str:
    return f"{label} {seconds_text(seconds)}" if seconds is not None else f"{label} not timed"


def headline(snapshot: ProgressSnapshot, start: date, end: date) -> Headline:
    """Headline of the days *start*..*end* (the snapshot may hold more)."""
    tests = [t for t in snapshot.tests if start <= t.day <= end and t.eyes == "open"]
    if tests:
        last = max(tests, key=lambda t: t.taken_at)
        stance = (
            f"{_side('Left', last.left_best)}, {_side('right', last.right_best)} "
            f"({day_text(last.day)})"
        )
        symmetry = f"{last.symmetry:.0f}%" if last.symmetry is not None else "needs both sides"
    else:
        stance = symmetry = "no eyes-open test in this range"
    scores = [p.score for p in snapshot.pain if start <= p.day <= end]
    entries = counted(len(scores), "entry", "entries")
    pain = (
        f"{sum(scores) / len(scores):.1f} of 10 on average ({entries})"
        if scores
        else "nothing logged in this range"
    )
    trained = adherence((d.day for d in snapshot.days), start, end)
    training = (
        f"{trained.days_trained} of {trained.days_total} days, "
        f"current streak {counted(trained.current_streak, 'day')}"
    )
    return Headline(stance, symmetry, pain, training)
