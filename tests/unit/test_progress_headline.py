"""The Progress headline: the latest eyes-open test, its symmetry, mean pain, days trained."""

from __future__ import annotations

from datetime import UTC, date, datetime

from glutemed.domain.history import PainPoint, StanceTest, TrainingDay
from glutemed.progress.headline import headline
from glutemed.progress.snapshot import ProgressSnapshot


def stance_test(day: date, eyes: str, left: float | None, right: float | None) -> StanceTest:
    taken = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
    return StanceTest(1, taken, day, eyes, 45.0, left, left, right, right)


def snapshot(**parts: object) -> ProgressSnapshot:
    base: dict[str, object] = {
        "since": None,
        "until": None,
        "tests": (),
        "pain": (),
        "baseline": None,
        "weeks": (),
        "days": (),
    }
    return ProgressSnapshot(**{**base, **parts})  # type: ignore[arg-type]


START, END = date(2025, 6, 1), date(2025, 6, 30)


def test_the_latest_eyes_open_test_in_the_range_is_the_headline() -> None:
    tests = (
        stance_test(date(2025, 5, 30), "open", 40.0, 40.0),  # before the range
        stance_test(date(2025, 6, 10), "open", 20.0, 25.0),
        stance_test(date(2025, 6, 20), "open", 30.0, 24.0),
        stance_test(date(2025, 6, 25), "closed", 5.0, 6.0),  # eyes closed: not this headline
    )
    shown = headline(snapshot(tests=tests), START, END)
    assert shown.stance == "Left 30.0 s, right 24.0 s (20 Jun 2025)"
    assert shown.symmetry == "80%"


def test_one_side_only_and_no_test_say_so() -> None:
    one_side = headline(
        snapshot(tests=(stance_test(date(2025, 6, 3), "open", 12.0, None),)), START, END
    )
    assert one_side.stance.startswith("Left 12.0 s, right not timed")
    assert one_side.symmetry == "needs both sides"
    nothing = headline(snapshot(), START, END)
    assert nothing.stance == nothing.symmetry == "no eyes-open test in this range"
    assert nothing.pain == "nothing logged in this range"


def test_pain_is_the_mean_of_the_range_and_training_counts_days_and_streak() -> None:
    at = datetime(2025, 6, 1, tzinfo=UTC)
    pain = (
        PainPoint(at, date(2025, 5, 31), 9, "daily"),  # before the range
        PainPoint(at, date(2025, 6, 2), 3, "daily"),
        PainPoint(at, date(2025, 6, 5), 4, "daily"),
    )
    days = tuple(TrainingDay(date(2025, 6, d), 1, 3, 30) for d in (1, 28, 29, 30))
    shown = headline(snapshot(pain=pain, days=days), START, END)
    assert shown.pain == "3.5 of 10 on average (2 entries)"
    assert shown.training == "4 of 30 days, current streak 3 days"
