"""Pain-guided dosing, after the pain-monitoring model (Silbernagel et al. 2007).

Silbernagel et al. 2007 (Am J Sports Med 35(6):897-906) let people with Achilles
tendinopathy keep loading while pain during activity stayed at or below 5 on a 0-10 scale,
settled by the next morning and did not creep up week on week. It comes from tendon
rehabilitation, not back pain: the app borrows it as a cautious rule of thumb and says so.

One breach holds the plan where it is; pain above the limit or pain that has not settled by
the next morning steps it back. The 2-point / 30% change (Ostelo et al. 2008) is never used
here: that is an improvement over a course of treatment, not a one-session threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

PAIN_LIMIT = 5  # 0-10 scale, Silbernagel et al. 2007 pain-monitoring model
SOURCE = "pain-monitoring model borrowed from tendon rehabilitation, Silbernagel et al. 2007"


class Verdict(StrEnum):
    OK = "ok"
    HOLD = "hold"
    STEP_BACK = "step_back"


@dataclass(frozen=True)
class SessionPain:
    """Pain around one workout: *after* 0-10 and the next-morning check-in (None = not yet)."""

    day: date
    before: int | None
    after: int | None
    settled_next_morning: bool | None = None


@dataclass(frozen=True)
class RuleResult:
    verdict: Verdict
    reasons: tuple[str, ...]


def weekly_rise(daily: Sequence[tuple[date, int]], today: date) -> tuple[float, float] | None:
    """(last week's mean, this week's mean) when this week's is higher, else None."""
    this_week = [s for d, s in daily if today - timedelta(days=6) <= d <= today]
    last_week = [s for d, s in daily if today - timedelta(days=13) <= d < today - timedelta(days=6)]
    if not this_week or not last_week:
        return None
    now, before = sum(this_week) / len(this_week), sum(last_week) / len(last_week)
    return (before, now) if now > before else None


def check(
    session: SessionPain | None,
    daily: Sequence[tuple[date, int]] = (),
    *,
    today: date,
    limit: int = PAIN_LIMIT,
) -> RuleResult:
    """Apply the rule to the latest workout's pain and the last two weeks' pain scores."""
    step_back: list[str] = []
    hold: list[str] = []
    if session is not None:
        if session.after is not None and session.after > limit:
            step_back.append(
                f"Pain after the workout was {session.after}/10, above the agreed {limit}/10 "
                f"({SOURCE})."
            )
        if session.settled_next_morning is False:
            step_back.append(f"The pain had not settled by the next morning ({SOURCE}).")
    rise = weekly_rise(daily, today)
    if rise is not None:
        hold.append(
            f"Your average pain rose from {rise[0]:.1f} to {rise[1]:.1f} this week compared "
            f"with last ({SOURCE})."
        )
    if step_back:
        return RuleResult(Verdict.STEP_BACK, tuple(step_back + hold))
    if hold:
        return RuleResult(Verdict.HOLD, tuple(hold))
    return RuleResult(Verdict.OK, ())


def session_pain_note(before: int | None, after: int | None, limit: int = PAIN_LIMIT) -> str:
    """What the workout summary says about pain before and after one session."""
    if before is None or after is None:
        return ""
    if after > limit:
        return (
            f"Pain after the workout ({after}/10) is above {limit}/10. Tomorrow morning the "
            "app will ask whether it has settled; until then the plan will not move up. "
            "Sharp or increasing pain means stop that exercise."
        )
    if after > before:
        return (
            f"Pain rose by {after - before} during the workout. Up to {limit}/10 is acceptable "
            "if it settles by the next morning; the morning check-in will ask "
            f"({SOURCE}). Sharp or increasing pain means stop that exercise."
        )
    return (
        "Pain did not rise during the workout. A single session says little about change "
        "over time: the Progress page compares your pain with your starting level."
    )
