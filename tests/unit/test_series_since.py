"""Series prepared from a day on match the whole history's, personal bests included."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest

from glutemed.domain.history import (
    ExerciseVolume,
    PainPoint,
    PelvicDropPoint,
    StanceTest,
    WeekVolume,
)
from glutemed.progress.series import DAILY, MONTHLY, WEEKLY, from_day, prepare
from glutemed.progress.snapshot import ProgressSnapshot

END = date(2025, 3, 12)
DAYS = 3 * 365


def history(seed: int) -> ProgressSnapshot:
    """Three years of noisy results; the best stance results are the oldest ones."""
    rng = random.Random(seed)
    tests: list[StanceTest] = []
    pain: list[PainPoint] = []
    drops: list[PelvicDropPoint] = []
    for i in range(DAYS):
        day = END - timedelta(days=DAYS - 1 - i)
        moment = datetime.combine(day, time(9), tzinfo=UTC)
        if rng.random() < 0.6:
            early_peak = 40.0 if i < 60 else 0.0  # all-time bests two years before the end
            left = round(rng.uniform(5, 30) + early_peak * rng.random(), 1)
            right = None if rng.random() < 0.1 else round(rng.uniform(5, 30), 1)
            eyes = rng.choice(("open", "closed"))
            tests.append(StanceTest(i, moment, day, eyes, 45.0, left, left, right, right))
        if rng.random() < 0.5:
            pain.append(PainPoint(moment, day, rng.randint(0, 10), "daily"))
        if rng.random() < 0.2:
            side = rng.choice(("left", "right"))
            drops.append(PelvicDropPoint(day, moment, side, rng.uniform(0, 9), 3))
    first_monday = END - timedelta(days=DAYS - 1)
    first_monday -= timedelta(days=first_monday.weekday())
    weeks = tuple(
        WeekVolume(
            first_monday + timedelta(weeks=w),
            tuple(
                ExerciseVolume(ex, rng.randint(0, 90), rng.randint(0, 9))
                for ex in ("clam", "bridge")
                if rng.random() < 0.8
            ),
        )
        for w in range(DAYS // 7 + 1)
    )
    return ProgressSnapshot(None, None, tuple(tests), tuple(pain), None, weeks, (), tuple(drops))


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("size", [DAILY, WEEKLY, MONTHLY])
@pytest.mark.parametrize("back", [27, 90, 364, 800])
def test_series_from_a_day_on_are_the_whole_historys_from_that_day(
    seed: int, size: int, back: int
) -> None:
    snapshot = history(seed)
    since = END - timedelta(days=back)
    whole = prepare(snapshot, size)
    part = prepare(snapshot, size, since=since)
    for key, points in whole.stance.items():
        assert part.stance[key] == list(from_day(points, since))
        shown = {p.start for p in part.stance[key]}
        assert part.records[key] == whole.records[key] & shown, key
    for eyes, points in whole.symmetry.items():
        assert part.symmetry[eyes] == list(from_day(points, since))
    for side, points in whole.pelvic_drop.items():
        assert part.pelvic_drop[side] == list(from_day(points, since))
    assert part.pain == list(from_day(whole.pain, since))
    assert part.volume == list(from_day(whole.volume, since))


def test_a_range_below_its_all_time_best_marks_no_personal_best() -> None:
    snapshot = history(1)
    since = END - timedelta(days=90)
    whole = prepare(snapshot, DAILY)
    old_best = max(p.value for p in whole.stance[("open", "left")])
    recent = from_day(whole.stance[("open", "left")], since)
    assert max(p.value for p in recent) < old_best  # the data are as meant
    part = prepare(snapshot, DAILY, since=since)
    assert part.records[("open", "left")] == frozenset()  # an earlier best stands
    # The same three months alone (what a range-only query sees) would mark some.
    alone = ProgressSnapshot(
        since, None, tuple(t for t in snapshot.tests if t.day >= since), (), None, (), ()
    )
    assert prepare(alone, DAILY).records[("open", "left")]


def test_per_day_bests_and_symmetry_are_worked_out_once_and_handed_out_as_copies() -> None:
    from glutemed.progress.stance import best_per_day, symmetry_of

    snapshot = history(3)
    first = snapshot.best_per_day("open")
    assert first == best_per_day(snapshot.tests, "open")
    first.clear()  # a caller's list is its own
    assert snapshot.best_per_day("open") == best_per_day(snapshot.tests, "open")
    assert snapshot.symmetry("closed") == symmetry_of(snapshot.tests, "closed")
    assert snapshot == history(3)  # what was worked out does not change what it equals
