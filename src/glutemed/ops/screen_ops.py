"""The safety screen as a user action: save the answers and adapt the plan in use."""

from __future__ import annotations

from glutemed.catalog import Catalog
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


def answer_screen(store: Store, catalog: Catalog, answers: dict[str, bool]) -> AdaptedPlan:
    """Save *answers* and change the plan in use as they require (unless it is locked).

    Returns what changed and why. Raises ScreenError for unknown keys or non-yes/no values.
    """
    clean = check_answers(answers)
    plan = current_plan(store, catalog)
    swap = item_from_exercise(catalog.exercise(SIDE_LYING))
    adapted = adapt(plan.routine.items, clean, swap)
    save_screen(store, clean)
    if plan.meta.locked or list(adapted.items) == list(plan.routine.items):
        return adapted
    routine = plan.routine
    routine.items = list(adapted.items)
    routine.is_default = True
    save_routine(store, routine)
    return adapted
