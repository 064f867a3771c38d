"""Shared helpers for the training tests: run a session on a fake clock."""

from __future__ import annotations

from glutemed.domain.clock import FakeClock
from glutemed.training.events import Event, SetFinished, SetRecord
from glutemed.training.session import GuidedSession


def run_until_done(
    session: GuidedSession, clock: FakeClock, step: float = 0.25, limit_s: float = 7200.0
) -> list[Event]:
    events: list[Event] = []
    if not session.started:
        events += session.start()
    waited = 0.0
    while not session.finished:
        clock.advance(step)
        waited += step
        events += session.update()
        if waited > limit_s:
            raise AssertionError("the session never finished")
    return events


def records(events: list[Event]) -> list[SetRecord]:
    return [e.record for e in events if isinstance(e, SetFinished)]
