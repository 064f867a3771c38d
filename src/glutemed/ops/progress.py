"""Loading the Progress page's and the report's history: store queries, then analytics."""

from __future__ import annotations

from datetime import date, tzinfo

from glutemed.progress.series import PreparedSeries, bin_size_for, first_needed_day, prepare
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.progress.training import days_of, weeks_of
from glutemed.store import Store
from glutemed.store import progress as progress_rows
from glutemed.store.progress_pain import pain_baseline, pain_series
from glutemed.store.progress_stance import (
    pelvic_drop_series,
    stance_bests_before,
    stance_tests,
)
from glutemed.store.progress_training import session_volumes


def load_snapshot(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> ProgressSnapshot:
    volumes = session_volumes(store, tz, since, until)
    return ProgressSnapshot(
        since=since,
        until=until,
        tests=tuple(stance_tests(store, tz, None, since, until)),
        pain=tuple(pain_series(store, tz, since, until)),
        baseline=pain_baseline(store, tz),
        weeks=tuple(weeks_of(volumes, since, until)),
        days=tuple(days_of(volumes)),
        drops=tuple(pelvic_drop_series(store, tz, since, until)),
        bests_before=stance_bests_before(store, tz, since) if since is not None else {},
    )


def load_range(
    store: Store, tz: tzinfo, start: date, end: date, until: date | None = None
) -> tuple[ProgressSnapshot, PreparedSeries]:
    """One range's records and series, the same as the whole history's from *start* on:
    the bins holding *start* are loaded whole and earlier personal bests still count."""
    size = bin_size_for((end - start).days + 1)
    snapshot = load_snapshot(store, tz, since=first_needed_day(start, size), until=until)
    return snapshot, prepare(snapshot, size, since=start)


def data_span(store: Store, tz: tzinfo) -> tuple[date, date] | None:
    """First and last local day holding any stance, pain or workout record."""
    return progress_rows.data_span(store, tz)


def reader(store: Store) -> Store:
    """A second, read-only handle on the same file, for loading on a worker thread."""
    return progress_rows.reader(store)
