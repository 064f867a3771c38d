"""Routines: the default one from the catalogue doses, checks, and labels for display."""

from __future__ import annotations

from dataclasses import replace

from glutemed.catalog import Catalog, Exercise
from glutemed.domain.records import Routine, RoutineItem
from glutemed.domain.vocabulary import SIDES_CHOICES

DEFAULT_ROUTINE_NAME = "Glute medius basics"

# Optional swaps offered beside the default five (CONTENT.md: reverse clam, fire-hydrant
# variation with the leg straightened out to the side).
OPTIONAL_VARIATIONS: tuple[tuple[str, str], ...] = (
    ("clamshell", "reverse"),
    ("fire_hydrant", "extension"),
)


# Catalogue exercises offered only as a swap (the safety screen's shoulder answer puts
# side-lying abduction in place of the side plank), not in the default routine.
SWAP_ONLY: frozenset[str] = frozenset({"side_lying_abduction"})


class RoutineError(ValueError):
    """A routine item holds a value the player cannot run."""


def item_from_exercise(exercise: Exercise, variation_id: str = "standard") -> RoutineItem:
    """One routine line at the exercise's default dose (CONTENT.md, via exercises.toml)."""
    exercise.variation(variation_id)  # raises KeyError naming the valid ones
    dose = exercise.dose
    return RoutineItem(
        exercise_id=exercise.id,
        variation_id=variation_id,
        sets=dose.sets,
        reps=dose.reps,
        hold_s=dose.hold_s,
        rest_s=dose.rest_s,
        band=None,
        sides="both",
    )


def default_routine(catalog: Catalog, *, include_options: bool = False) -> Routine:
    """The five exercises in catalogue order, both sides, at their default doses.

    With *include_options* the reverse clam and the fire-hydrant extension follow their
    base exercise as extra lines.
    """
    items: list[RoutineItem] = []
    for exercise in catalog.exercises:
        if exercise.id in SWAP_ONLY:
            continue
        items.append(item_from_exercise(exercise))
        if include_options:
            for exercise_id, variation_id in OPTIONAL_VARIATIONS:
                if exercise_id == exercise.id:
                    items.append(item_from_exercise(exercise, variation_id))
    return Routine(name=DEFAULT_ROUTINE_NAME, items=items, is_default=True)


def check_item(item: RoutineItem, catalog: Catalog | None = None) -> None:
    """Raise RoutineError naming what is wrong with *item*."""
    if catalog is not None:
        try:
            exercise = catalog.exercise(item.exercise_id)
            exercise.variation(item.variation_id)
        except KeyError as exc:
            raise RoutineError(str(exc.args[0])) from exc
    if item.sets < 1:
        raise RoutineError(f"{item.exercise_id}: sets must be at least 1, got {item.sets}")
    if item.reps is None and item.hold_s is None:
        raise RoutineError(f"{item.exercise_id}: needs reps or hold seconds")
    if item.reps is not None and item.reps < 1:
        raise RoutineError(f"{item.exercise_id}: reps must be at least 1, got {item.reps}")
    if item.hold_s is not None and item.hold_s <= 0:
        raise RoutineError(f"{item.exercise_id}: hold must be more than 0 s, got {item.hold_s}")
    if item.rest_s < 0:
        raise RoutineError(f"{item.exercise_id}: rest cannot be negative, got {item.rest_s}")
    if item.sides not in SIDES_CHOICES:
        raise RoutineError(f"{item.exercise_id}: sides must be both, left or right")
    if catalog is not None and item.band is not None:
        try:
            catalog.band(item.band)
        except KeyError as exc:
            raise RoutineError(str(exc.args[0])) from exc


def check_routine(routine: Routine, catalog: Catalog | None = None) -> None:
    if not routine.name.strip():
        raise RoutineError("the routine needs a name")
    if not routine.items:
        raise RoutineError("the routine has no exercises")
    for item in routine.items:
        check_item(item, catalog)


def copy_routine(routine: Routine, name: str | None = None) -> Routine:
    """A deep copy without ids, ready to be saved as a new routine."""
    return Routine(
        name=name or routine.name,
        items=[replace(item, id=None) for item in routine.items],
        is_default=False,
    )


def _seconds(value: float) -> str:
    return f"{value:g} s"


def dose_text(item: RoutineItem) -> str:
    """'3 x 12, rest 60 s' or '1 x 5 holds of 10 s, rest 45 s'."""
    if item.hold_s is not None:
        holds = item.reps or 1
        noun = "hold" if holds == 1 else "holds"
        work = f"{item.sets} x {holds} {noun} of {_seconds(item.hold_s)}"
    else:
        work = f"{item.sets} x {item.reps}"
    text = f"{work}, rest {_seconds(item.rest_s)}"
    if item.sides != "both":
        text += f", {item.sides} side only"
    return text
