"""The whole history and the frames of every range, computed on the page's worker thread."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import TYPE_CHECKING

from glutemed.domain.records import Profile
from glutemed.ops import Store
from glutemed.ops.progress import load_snapshot, reader
from glutemed.progress.series import PreparedSeries, bin_size_for, prepare
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.ui.common.memory import release_free_memory

if TYPE_CHECKING:
    from glutemed.render.graphs.frames import Frame


def load_history(
    store: Store, tz: tzinfo, profile: Profile, ranges: dict[str, tuple[date, date]]
) -> tuple[ProgressSnapshot, dict[str, Frame]]:
    """Everything on record, and each range's frame (range key -> frame)."""
    loaded = _load(store, tz, profile, ranges)
    release_free_memory()  # the rows and series it went through are garbage now
    return loaded


def _load(
    store: Store, tz: tzinfo, profile: Profile, ranges: dict[str, tuple[date, date]]
) -> tuple[ProgressSnapshot, dict[str, Frame]]:
    from glutemed.render.graphs.frames import BinCentres, frame

    second = reader(store)  # a thread's own handle on the file
    try:
        snapshot = load_snapshot(second, tz)
    finally:
        second.close()
    sizes = {key: bin_size_for((end - start).days + 1) for key, (start, end) in ranges.items()}
    first: dict[int, date] = {}  # bin size -> the earliest day a range at that size shows
    for key, size in sizes.items():
        first[size] = min(first.get(size, ranges[key][0]), ranges[key][0])
    prepared: dict[int, PreparedSeries] = {}
    frames: dict[str, Frame] = {}
    centres = BinCentres(tz)  # this thread's own: the ranges share most bins
    for key, (start, end) in ranges.items():
        size = sizes[key]
        if size not in prepared:  # a year of daily bins, not ten: bests still count all
            prepared[size] = prepare(snapshot, size, since=first[size])
        frames[key] = frame(prepared[size], snapshot, profile, start, end, tz, centres)
    return snapshot, frames
