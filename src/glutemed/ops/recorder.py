"""Writes a guided session to the store as it happens: each set the moment it ends."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from glutemed.store import Store, workouts
from glutemed.training.events import Event, SetFinished, WorkoutFinished


class WorkoutRecorder:
    """Maps clock readings to wall time once, at the start, so logs never drift apart."""

    def __init__(
        self,
        store: Store,
        clock_start: float,
        wall_start: datetime,
        routine_id: int | None = None,
    ) -> None:
        if wall_start.tzinfo is None:
            raise ValueError("wall_start must carry a time zone")
        self.store = store
        self.clock_start = clock_start
        self.wall_start = wall_start
        self.session_id = workouts.start_session(store, wall_start, routine_id)
        self.set_ids: list[int] = []
        self.ended = False

    def wall(self, clock_time: float) -> datetime:
        return self.wall_start + timedelta(seconds=clock_time - self.clock_start)

    def handle(self, events: Iterable[Event]) -> list[int]:
        """Commit what *events* finished; returns the ids of the sets written."""
        written: list[int] = []
        for event in events:
            if isinstance(event, SetFinished):
                entry = event.record.to_set_log(self.session_id, self.wall)
                written.append(workouts.log_set(self.store, entry))
            elif isinstance(event, WorkoutFinished):
                self.finish(event.at)
        self.set_ids += written
        return written

    def finish(self, clock_time: float, notes: str = "") -> None:
        if not self.ended:
            workouts.end_session(self.store, self.session_id, self.wall(clock_time), notes)
            self.ended = True
