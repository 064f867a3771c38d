"""The whole history and the frames of every range, computed on the page's worker thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from glutemed.domain.records import Profile
from glutemed.ops import Store
from glutemed.ops.progress import load_snapshot, reader
from glutemed.progress.series import PreparedSeries, bin_size_for, prepare
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.ui.common.gui_first import gui_first
from glutemed.ui.common.memory import release_free_memory

if TYPE_CHECKING:
    from glutemed.render.graphs.frames import Frame


HISTORY_THREAD = "glutemed-progress-history"


def load_in_background(
    store: Store,
    tz: tzinfo,
    profile: Profile,
    ranges: dict[str, tuple[date, date]],
    done: Callable[[tuple[ProgressSnapshot, dict[str, Frame]]], None],
) -> None:
    """load_history on a daemon thread; *done* gets the result there (it must hand it on
    to the GUI thread, e.g. by emitting a signal)."""

    def run() -> None:
        loaded = load_history(store, tz, profile, ranges)
        with contextlib.suppress(RuntimeError):  # the page may be gone by now
            done(loaded)

    threading.Thread(target=run, name=HISTORY_THREAD, daemon=True).start()


def load_history(
    store: Store, tz: tzinfo, profile: Profile, ranges: dict[str, tuple[date, date]]
) -> tuple[ProgressSnapshot, dict[str, Frame]]:
    """Everything on record, and each range's frame (range key -> frame)."""
    with gui_first():  # the GUI thread builds cards meanwhile: let it have the interpreter
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
