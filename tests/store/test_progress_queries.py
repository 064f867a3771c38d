"""Progress queries on known data: local days/weeks, DST, empty days, baselines."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from glutemed import demo_data
from glutemed.domain.history import (
    DayBest,
    SymmetryPoint,
    TrainingDay,
    WeekVolume,
    symmetry_percent,
)
from glutemed.domain.records import PainLog, SetLog, StanceSession, StanceTrial, WorkoutSession
from glutemed.ops.progress import load_snapshot
from glutemed.progress.series import MONTHLY, WEEKLY, binned, from_day, mean, prepare
from glutemed.progress.stance import best_per_day, symmetry_of
from glutemed.progress.training import adherence, days_of, weeks_of
from glutemed.store import Store, StoreError, open_store
from glutemed.store.bulk import History, insert_history
from glutemed.store.progress import data_span
from glutemed.store.progress_pain import pain_baseline, pain_series
from glutemed.store.progress_stance import stance_tests
from glutemed.store.progress_training import session_volumes

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


# The store answers the queries; glutemed.progress turns the answers into series.
def stance_best_per_day(store: Store, tz: tzinfo, eyes: str) -> list[DayBest]:
    return best_per_day(stance_tests(store, tz, eyes), eyes)


def symmetry_series(store: Store, tz: tzinfo, eyes: str | None = None) -> list[SymmetryPoint]:
    return symmetry_of(stance_tests(store, tz, eyes))


def weekly_volume(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[WeekVolume]:
    return weeks_of(session_volumes(store, tz, since, until), since, until)


def training_days(store: Store, tz: tzinfo) -> list[TrainingDay]:
    return days_of(session_volumes(store, tz))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def stance(
    at: datetime, left: list[float], right: list[float], eyes: str = "open"
) -> StanceSession:
    trials = [StanceTrial("left", i + 1, s, "foot_down") for i, s in enumerate(left)]  # type: ignore[arg-type]
    trials += [StanceTrial("right", i + 1, s, "foot_down") for i, s in enumerate(right)]  # type: ignore[arg-type]
    return StanceSession(at, eyes, 45.0, trials=trials)  # type: ignore[arg-type]


def workout(at: datetime, sets: list[tuple[str, int, bool]]) -> tuple[WorkoutSession, list[SetLog]]:
    logs = [
        SetLog(0, ex, "standard", "left", n + 1, 12, reps, None, None, at, at, skipped)
        for n, (ex, reps, skipped) in enumerate(sets)
    ]
    return WorkoutSession(at, at), logs


def fill(store: Store, **parts: list) -> None:  # type: ignore[type-arg]
    insert_history(store, History(**parts))


def test_best_per_day_per_side_takes_best_trial_and_session(store: Store) -> None:
    fill(
        store,
        stance=[
            stance(utc(2024, 5, 6, 7), [10.0, 12.5, 11.0], [20.0, 19.0, 21.5]),
            stance(utc(2024, 5, 6, 18), [13.0, 9.0, 9.0], [18.0, 18.0, 18.0]),
            stance(utc(2024, 5, 9, 7), [14.0], []),  # one side only; 7th and 8th empty
            stance(utc(2024, 5, 9, 8), [3.0], [4.0], eyes="closed"),
        ],
    )
    best = stance_best_per_day(store, UTC, "open")
    assert [(b.day, b.side, b.seconds) for b in best] == [
        (date(2024, 5, 6), "left", 13.0),
        (date(2024, 5, 6), "right", 21.5),
        (date(2024, 5, 9), "left", 14.0),
    ]
    assert [b.seconds for b in stance_best_per_day(store, UTC, "closed")] == [3.0, 4.0]


def test_best_per_day_uses_local_day(store: Store) -> None:
    # 23:30 UTC on 6 May is already 7 May in Berlin (UTC+2 in summer).
    fill(store, stance=[stance(utc(2024, 5, 6, 23, 30), [10.0], [12.0])])
    assert {b.day for b in stance_best_per_day(store, UTC, "open")} == {date(2024, 5, 6)}
    assert {b.day for b in stance_best_per_day(store, BERLIN, "open")} == {date(2024, 5, 7)}


def test_symmetry_per_test(store: Store) -> None:
    fill(
        store,
        stance=[
            stance(utc(2024, 5, 6, 7), [10.0, 15.0], [20.0, 30.0]),
            stance(utc(2024, 5, 7, 7), [15.0], []),
        ],
    )
    points = symmetry_series(store, UTC, "open")
    assert len(points) == 1
    assert points[0].percent == pytest.approx(50.0)
    assert (points[0].left_s, points[0].right_s) == (15.0, 30.0)
    assert symmetry_percent(0.0, 0.0) == 100.0
    assert symmetry_percent(None, 3.0) is None


def test_pain_baseline_is_mean_of_first_entries_within_a_week(store: Store) -> None:
    assert pain_baseline(store, UTC) is None
    fill(
        store,
        pain=[
            PainLog(utc(2024, 1, 1, 8), 6, "daily"),
            PainLog(utc(2024, 1, 20, 8), 2, "daily"),  # too late for the baseline
            PainLog(utc(2024, 1, 2, 8), 7, "before"),
        ],
    )
    base = pain_baseline(store, UTC)
    assert base is not None
    assert base.score == pytest.approx(6.5) and base.entries == 2
    assert base.first_day == date(2024, 1, 1)
    assert (base.band_low, base.band_high) == (4.5, 8.5)
    assert base.important_change(4.5)  # 2 points
    assert base.important_change(4.55)  # 1.95 points = 30 % of 6.5
    assert not base.important_change(5.0)
    assert [p.score for p in pain_series(store, UTC)] == [6, 7, 2]


def test_weekly_volume_fills_empty_weeks_and_skips_sets_without_reps(store: Store) -> None:
    fill(
        store,
        workouts=[
            workout(utc(2024, 3, 4, 18), [("clamshell", 12, False), ("clamshell", 10, False)]),
            workout(utc(2024, 3, 6, 18), [("fire_hydrant", 8, False), ("clamshell", 0, True)]),
            workout(utc(2024, 3, 20, 18), [("clamshell", 5, False)]),
        ],
    )
    weeks = weekly_volume(store, UTC)
    assert [w.week_start for w in weeks] == [date(2024, 3, 4), date(2024, 3, 11), date(2024, 3, 18)]
    first = {e.exercise_id: (e.reps, e.sets) for e in weeks[0].by_exercise}
    assert first == {"clamshell": (22, 2), "fire_hydrant": (8, 1)}
    assert (weeks[0].reps, weeks[0].sets) == (30, 3)
    assert weeks[1].by_exercise == () and weeks[1].reps == 0
    assert (weeks[0].iso_year, weeks[0].iso_week) == (2024, 10)
    span = weekly_volume(store, UTC, since=date(2024, 2, 20), until=date(2024, 4, 2))
    assert span[0].week_start == date(2024, 2, 19) and span[-1].week_start == date(2024, 4, 1)
    assert weekly_volume(store, UTC, since=date(2025, 1, 1)) == []


def test_weekly_volume_in_local_time_across_dst(store: Store) -> None:
    # Berlin springs forward on 31 Mar 2024: 22:30 UTC that night is 00:30 on Monday 1 Apr
    # (UTC+2). A fixed winter offset (UTC+1) would wrongly put it on Sunday 31 Mar.
    fill(store, workouts=[workout(utc(2024, 3, 31, 22, 30), [("clamshell", 12, False)])])
    assert [w.week_start for w in weekly_volume(store, BERLIN)] == [date(2024, 4, 1)]
    assert [w.week_start for w in weekly_volume(store, UTC)] == [date(2024, 3, 25)]
    assert [d.day for d in training_days(store, BERLIN)] == [date(2024, 4, 1)]


def test_new_york_fall_back_day(store: Store) -> None:
    # 3 Nov 2024: New York falls back at 06:00 UTC; 04:30 UTC on 4 Nov is 23:30 on 3 Nov (UTC-5).
    fill(
        store,
        workouts=[workout(utc(2024, 11, 4, 4, 30), [("clamshell", 12, False)])],
        pain=[PainLog(utc(2024, 11, 3, 5, 30), 3, "daily")],  # 01:30 EDT, before the change
    )
    assert [d.day for d in training_days(store, NEW_YORK)] == [date(2024, 11, 3)]
    assert [p.day for p in pain_series(store, NEW_YORK)] == [date(2024, 11, 3)]
    # Filters use local midnight: 3 Nov local starts at 04:00 UTC.
    assert len(pain_series(store, NEW_YORK, since=date(2024, 11, 3))) == 1
    assert pain_series(store, NEW_YORK, since=date(2024, 11, 4)) == []
    assert len(pain_series(store, NEW_YORK, until=date(2024, 11, 3))) == 1


def test_training_days_and_adherence(store: Store) -> None:
    fill(
        store,
        workouts=[
            workout(utc(2024, 3, 4, 8), [("clamshell", 10, False)]),
            workout(utc(2024, 3, 4, 18), [("clamshell", 10, False), ("fire_hydrant", 5, False)]),
            workout(utc(2024, 3, 5, 18), [("clamshell", 10, False)]),
            workout(utc(2024, 3, 8, 18), [("clamshell", 0, True)]),  # skipped before a rep
        ],
    )
    days = training_days(store, UTC)
    assert [(d.day, d.sessions, d.sets, d.reps) for d in days] == [
        (date(2024, 3, 4), 2, 3, 25),
        (date(2024, 3, 5), 1, 1, 10),
    ]
    stats = adherence([d.day for d in days], date(2024, 3, 1), date(2024, 3, 10))
    assert (stats.days_trained, stats.days_total, stats.longest_streak) == (2, 10, 2)
    assert stats.current_streak == 0 and stats.percent == pytest.approx(20.0)
    assert adherence([date(2024, 3, 9)], date(2024, 3, 1), date(2024, 3, 10)).current_streak == 1


def test_empty_store_gives_empty_results(store: Store) -> None:
    snap = load_snapshot(store, UTC)
    assert snap.is_empty and data_span(store, UTC) is None
    assert weekly_volume(store, UTC) == [] and training_days(store, UTC) == []
    for size in (1, WEEKLY, MONTHLY):
        prepared = prepare(snap, size)
        assert prepared.pain == [] and prepared.volume == []


def test_binning_and_slicing() -> None:
    days = [(date(2024, 1, d), float(d)) for d in (1, 2, 8, 31)] + [(date(2024, 2, 1), 50.0)]
    weekly = binned(days, WEEKLY, max)
    assert [(b.start, b.value, b.count) for b in weekly] == [
        (date(2024, 1, 1), 2.0, 2),
        (date(2024, 1, 8), 8.0, 1),
        (date(2024, 1, 29), 50.0, 2),
    ]
    monthly = binned(days, MONTHLY, mean)
    assert [(b.start, b.end, b.value) for b in monthly] == [
        (date(2024, 1, 1), date(2024, 1, 31), 10.5),
        (date(2024, 2, 1), date(2024, 2, 29), 50.0),
    ]
    assert [b.start for b in from_day(weekly, date(2024, 1, 10))] == [
        date(2024, 1, 8),
        date(2024, 1, 29),
    ]


def test_demo_data_refuses_a_folder_with_data(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    demo_data.fill(target, 0.1, date(2024, 6, 30), tz=UTC)
    opened = open_store(target)
    try:
        snap = load_snapshot(opened, UTC)
        assert snap.tests and snap.pain and snap.days
        assert snap.days[-1].day <= date(2024, 6, 30)
    finally:
        opened.close()
    with pytest.raises(StoreError):
        demo_data.fill(target, 0.1, date(2024, 6, 30), tz=UTC)
    assert demo_data.main(["--data-dir", str(target)]) == 2


def test_sets_cut_short_or_skipped_part_way_count_as_training(store: Store) -> None:
    """One rule: any set with a rep done is training, skipped part-way or not."""
    fill(
        store,
        workouts=[workout(utc(2024, 3, 4, 18), [("clamshell", 6, True), ("clamshell", 7, True)])],
    )
    [day] = training_days(store, UTC)
    assert (day.day, day.sessions, day.sets, day.reps) == (date(2024, 3, 4), 1, 2, 13)
    [week] = weekly_volume(store, UTC)
    assert (week.sets, week.reps) == (2, 13)
    # The physiotherapist report and the workout history follow the same rule.
    from glutemed.domain.records import Profile
    from glutemed.report.content import build_content
    from glutemed.store.workout_history import session_summaries

    start, end = date(2024, 2, 1), date(2024, 3, 31)
    snapshot = load_snapshot(store, UTC, since=start, until=end)
    content = build_content(snapshot, Profile(), start, end, date(2024, 4, 1))
    assert any("2 sets and 13 reps" in line for line in content.summary)
    [listed] = session_summaries(store)
    assert (listed.sets_done, listed.sets_skipped, listed.reps_done) == (2, 0, 13)


def test_plain_rows_are_tuples_and_the_connection_keeps_named_rows(store: Store) -> None:
    from glutemed.store.db import plain_rows

    assert plain_rows(store, "SELECT 1 AS one, ? AS two", (2,)).fetchall() == [(1, 2)]
    assert store.conn.execute("SELECT 1 AS one").fetchone()["one"] == 1
