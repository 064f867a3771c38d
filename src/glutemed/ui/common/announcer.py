"""Turns what an operation changed into change signals and a status line, in one place.

Database and disk errors become one clear status message instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from glutemed.ops.changes import DATA_ERRORS, Changes, problem_text
from glutemed.ui.common.events import DataEvents

T = TypeVar("T")


class Announcer:
    def __init__(self, events: DataEvents) -> None:
        self.events = events

    def announce(self, changes: Changes) -> None:
        signals = (
            (changes.workout, self.events.workout_saved),
            (changes.stance, self.events.stance_saved),
            (changes.pain, self.events.pain_changed),
            (changes.profile, self.events.profile_changed),
            (changes.programme, self.events.programme_changed),
        )
        for changed, signal in signals:
            if changed:
                signal.emit()
        line = changes.problem or changes.message
        if line:
            self.events.status_message.emit(line)

    def attempt(self, what: str, operation: Callable[[], T]) -> T | None:
        """Run *operation*; on a data error say "Could not <what>: ..." and return None.

        Results carrying `changes` are announced."""
        try:
            result = operation()
        except DATA_ERRORS as exc:
            self.events.status_message.emit(problem_text(what, exc))
            return None
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes):
            self.announce(changes)
        return result
