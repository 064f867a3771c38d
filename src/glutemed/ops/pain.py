"""The pain diary's actions: log, edit, delete, and undo the last edit or delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from glutemed.domain.records import PainLog
from glutemed.domain.vocabulary import PainContext
from glutemed.ops.changes import NOTHING, Changes
from glutemed.store import Store
from glutemed.store import pain as pain_rows

PAIN_CHANGED = Changes(pain=True)


def log_pain(store: Store, entry: PainLog) -> Changes:
    """Save a new entry (the store checks the score and context)."""
    pain_rows.add_pain(store, entry)
    return PAIN_CHANGED.saying(f"Pain {entry.score}/10 logged")


def pain_entries(store: Store) -> list[PainLog]:
    return pain_rows.list_pain(store)


@dataclass(frozen=True)
class Undone:
    entry: PainLog | None  # the entry brought back, None when there was nothing to undo
    changes: Changes


@dataclass
class PainDiary:
    """Log, edit and delete entries with an undo history of edits and deletions."""

    store: Store
    now: Callable[[], datetime]
    undo_stack: list[tuple[Literal["edited", "deleted"], PainLog]] = field(default_factory=list)

    def entries(self) -> list[PainLog]:
        return pain_entries(self.store)

    def log(self, score: int, context: PainContext, note: str = "") -> Changes:
        return log_pain(self.store, PainLog(self.now(), score, context, note))

    def edit(self, entry: PainLog, score: int, context: PainContext, note: str) -> Changes:
        pain_rows.update_pain(self.store, replace(entry, score=score, context=context, note=note))
        self.undo_stack.append(("edited", entry))
        return PAIN_CHANGED.saying("Pain entry updated - Ctrl+Z undoes the change")

    def delete(self, entry: PainLog) -> Changes:
        if entry.id is None:
            return NOTHING
        pain_rows.delete_pain(self.store, entry.id)
        self.undo_stack.append(("deleted", entry))
        return PAIN_CHANGED.saying("Pain entry deleted - Ctrl+Z brings it back")

    def undo(self) -> Undone:
        """Undo the last edit or delete; returns the entry it brought back."""
        if not self.undo_stack:
            return Undone(None, NOTHING)
        action, entry = self.undo_stack[-1]
        if action == "deleted":
            pain_rows.restore_pain(self.store, entry)
            message = "Pain entry restored"
        else:
            pain_rows.update_pain(self.store, entry)
            message = "Change to the pain entry undone"
        self.undo_stack.pop()  # only once the store took it: a failed undo can be retried
        return Undone(entry, PAIN_CHANGED.saying(message))
