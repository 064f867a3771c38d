"""The Progress page's history load: each range's frame as from the whole history's series."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from frame_compare import same
from glutemed import demo_data
from glutemed.domain.records import StanceTrial
from glutemed.ops.profile import load_profile
from glutemed.ops.progress import load_range, load_snapshot
from glutemed.progress.series import bin_size_for, bin_start, prepare
from glutemed.render.graphs.frames import frame
from glutemed.store import open_store
from glutemed.store.stance import create_session, save_trial
from glutemed.ui.progress.history_load import load_history

END = date(2025, 3, 12)


def test_every_range_matches_the_whole_history_computation(tmp_path: Path) -> None:
    demo_data.fill(tmp_path, 3, END, tz=UTC)
    store = open_store(tmp_path)
    try:
        # An all-time best two years back, far above anything in the year ranges.
        moment = datetime.combine(END - timedelta(days=730), time(10), tzinfo=UTC)
        test = create_session(store, moment, "open", 120.0)
        save_trial(store, test, StanceTrial("left", 1, 119.0, "foot_down"))
        save_trial(store, test, StanceTrial("right", 1, 118.0, "foot_down"))
        snapshot = load_snapshot(store, UTC)
        profile = load_profile(store)
        ranges = {
            "4w": (END - timedelta(days=27), END),
            "3m": (END - timedelta(days=90), END),
            "1y": (END - timedelta(days=364), END),
            "all": (min(t.day for t in snapshot.tests), END),
        }
        loaded, frames = load_history(store, UTC, profile, ranges)
        alone = {key: load_range(store, UTC, *span) for key, span in ranges.items()}
    finally:
        store.close()
    assert loaded == snapshot
    for key, (start, end) in ranges.items():
        # A range queried alone (the page's first paint) shows what the history shows.
        part_snapshot, part_series = alone[key]
        assert part_snapshot.since is not None and part_snapshot.since <= start
        same(frames[key], frame(part_series, part_snapshot, profile, start, end, UTC), key)
        whole = prepare(snapshot, bin_size_for((end - start).days + 1))  # the former way
        same(frames[key], frame(whole, snapshot, profile, start, end, UTC), key)
    year = frames["1y"].stance["open"]
    assert year.records == frozenset()  # the old best stands: none of the year beats it
    assert max(year.best_y, default=0.0) < 119.0
    old = END - timedelta(days=730)
    all_size = bin_size_for((END - ranges["all"][0]).days + 1)
    assert ("left", bin_start(old, all_size)) in frames["all"].stance["open"].records


@pytest.mark.parametrize("years", [0.2, 1.5])
def test_short_histories_load_the_same(tmp_path: Path, years: float) -> None:
    demo_data.fill(tmp_path, years, END, tz=UTC)
    store = open_store(tmp_path)
    try:
        snapshot = load_snapshot(store, UTC)
        profile = load_profile(store)
        first = min(t.day for t in snapshot.tests)
        ranges = {"3m": (END - timedelta(days=90), END), "all": (first, END)}
        _loaded, frames = load_history(store, UTC, profile, ranges)
    finally:
        store.close()
    for key, (start, end) in ranges.items():
        whole = prepare(snapshot, bin_size_for((end - start).days + 1))
        same(frames[key], frame(whole, snapshot, profile, start, end, UTC), key)


def test_a_snapshot_that_starts_too_late_is_refused(tmp_path: Path) -> None:
    demo_data.fill(tmp_path, 0.5, END, tz=UTC)
    store = open_store(tmp_path)
    try:
        start = END - timedelta(days=90)  # a Wednesday: its week began two days before
        snapshot = load_snapshot(store, UTC, since=start)
    finally:
        store.close()
    assert start.weekday() != 0
    with pytest.raises(ValueError, match="cannot fill bins"):
        prepare(snapshot, bin_size_for(91), since=start)
