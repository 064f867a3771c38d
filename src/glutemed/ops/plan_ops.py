"""Plan file operations: export the current plan, import a physiotherapist's plan."""

from __future__ import annotations

from dataclasses import astuple, dataclass
from pathlib import Path

from glutemed.catalog import Catalog
from glutemed.domain.records import Routine, RoutineItem
from glutemed.ops.changes import NOTHING, Changes
from glutemed.store.db import Store
from glutemed.store.programme import load_plan_meta, save_plan_meta
from glutemed.store.routines import list_routines, save_routine
from glutemed.training.plan_file import Plan, PlanError, PlanMeta, parse_plan, render_plan
from glutemed.training.routines import default_routine


@dataclass(frozen=True)
class CurrentPlan:
    meta: PlanMeta
    routine: Routine


def current_plan(store: Store, catalog: Catalog, routine_id: int | None = None) -> CurrentPlan:
    """The plan in use: *routine_id* when given, else the imported one, else the default
    routine, else the catalogue's. The clinician's details and lock belong to the imported
    routine only."""
    saved = load_plan_meta(store) or {}
    routines = list_routines(store)
    wanted = routine_id if routine_id is not None else saved.get("routine_id")
    chosen = next((r for r in routines if r.id == wanted), None)
    if routine_id is None:
        chosen = chosen or next((r for r in routines if r.is_default), None)
    routine = chosen or default_routine(catalog)
    if routine.id is None or routine.id != saved.get("routine_id"):
        saved = {}
    meta = PlanMeta(
        name=routine.name,
        clinician=str(saved.get("clinician", "")),
        note=str(saved.get("note", "")),
        locked=bool(saved.get("locked", False)),
        progression=bool(saved.get("progression", True)),
    )
    return CurrentPlan(meta, routine)


def export_plan(store: Store, catalog: Catalog, out: Path, routine_id: int | None = None) -> Path:
    if out.is_dir():
        raise PlanError(f"{out} is a folder, not a file")
    plan = current_plan(store, catalog, routine_id)
    text = render_plan(plan.meta, plan.routine.items)
    out.write_text(text, encoding="utf-8")
    return out


def read_plan_file(path: Path, catalog: Catalog) -> Plan:
    """Read and check a plan file before anything is opened or changed."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PlanError(f"{path.name}:1: not a text file") from None
    except OSError as exc:
        raise PlanError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_plan(text, catalog, path.name)


def _dose_key(item: RoutineItem) -> tuple[object, ...]:
    return astuple(item)[:-1]  # everything but the database id


def import_plan(store: Store, catalog: Catalog, plan: Plan) -> Changes:
    """Make *plan* the plan in use. The result changes nothing (only says so) when it is
    already exactly that."""
    saved = load_plan_meta(store)
    current = current_plan(store, catalog)
    same = (
        saved is not None
        and current.routine.id == saved.get("routine_id")
        and current.meta == plan.meta
        and [_dose_key(i) for i in current.routine.items] == [_dose_key(i) for i in plan.items]
    )
    if same:
        return NOTHING.saying(f"{plan.meta.name!r} is already your plan, so nothing changed.")
    routine = plan.routine()
    if saved is not None and current.routine.id == saved.get("routine_id"):
        routine.id = current.routine.id  # replace the imported plan in place
    routine_id = save_routine(store, routine)
    save_plan_meta(
        store,
        {
            "routine_id": routine_id,
            "clinician": plan.meta.clinician,
            "note": plan.meta.note,
            "locked": plan.meta.locked,
            "progression": plan.meta.progression,
        },
    )
    # The routine (workout) and the plan in use (programme) both changed.
    return Changes(workout=True, programme=True, message=f"Now using the plan {plan.meta.name!r}.")


@dataclass(frozen=True)
class SheetInputs:
    meta: PlanMeta
    items: tuple[RoutineItem, ...]
    extra_cues: dict[str, tuple[str, ...]]


def sheet_inputs(store: Store, catalog: Catalog, routine_id: int | None = None) -> SheetInputs:
    """What the home-exercise sheet prints: the plan in use and the screen's extra cues."""
    from glutemed.store.programme import load_screen
    from glutemed.training.screen import adapt

    plan = current_plan(store, catalog, routine_id)
    answers = load_screen(store) or {}
    cues = dict(adapt(plan.routine.items, answers, plan.routine.items[0]).extra_cues)
    return SheetInputs(plan.meta, tuple(plan.routine.items), cues)
