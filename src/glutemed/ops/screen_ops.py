"""The safety screen as a user action: save the answers and adapt the plan in use."""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.catalog import Catalog
from glutemed.ops.changes import Changes
from glutemed.ops.plan_ops import current_plan
from glutemed.store.db import Store
from glutemed.store.programme import load_screen, save_screen
from glutemed.store.routines import save_routine
from glutemed.training.routines import item_from_exercise
from glutemed.training.screen import SIDE_LYING, AdaptedPlan, adapt, check_answers

LOCKED_NOTE = (
    "Your physiotherapist's plan is locked, so the app shows these notes but leaves the "
    "exercises as they set them."
)


def screen_answers(store: Store) -> dict[str, bool] | None:
    """The saved answers, or None when the screen has not been answered yet."""
    return load_screen(store)


@dataclass(frozen=True)
class ScreenAnswered:
    adapted: AdaptedPlan  # what the answers change and why
    changes: Changes


def answer_screen(store: Store, catalog: Catalog, answers: dict[str, bool]) -> ScreenAnswered:
    """Save *answers* and change the plan in use as they require (unless it is locked).

    Raises ScreenError for unknown keys or non-yes/no values.
    """
    clean = check_answers(answers)
    plan = current_plan(store, catalog)
    swap = item_from_exercise(catalog.exercise(SIDE_LYING))
    adapted = adapt(plan.routine.items, clean, swap)
    save_screen(store, clean)
    notes = " ".join(a.describe() for a in adapted.adaptations)
    saved = Changes(programme=True, message=notes)  # no line when nothing changes the plan
    if plan.meta.locked or list(adapted.items) == list(plan.routine.items):
        return ScreenAnswered(adapted, saved)
    routine = plan.routine
    routine.items = list(adapted.items)
    routine.is_default = True
    save_routine(store, routine)
    return ScreenAnswered(adapted, saved | Changes(workout=True))
