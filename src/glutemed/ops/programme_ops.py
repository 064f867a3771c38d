"""The adapting programme as user actions: review the plan, accept or refuse its changes,
answer the morning check-in, record the function scale (PSFS)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from glutemed.catalog import Catalog
from glutemed.domain.records import RoutineItem, SetLog
from glutemed.domain.vocabulary import Side
from glutemed.ops.changes import Changes
from glutemed.ops.plan_ops import current_plan
from glutemed.store.db import Store
from glutemed.store.pain import list_pain
from glutemed.store.programme import (
    CheckIn,
    PlanChangeRecord,
    add_checkin,
    add_plan_change,
    add_psfs,
    list_checkins,
    list_plan_changes,
    list_psfs,
    sets_since,
)
from glutemed.store.routines import save_routine
from glutemed.store.workouts import list_sessions
from glutemed.training.pain_rule import RuleResult, SessionPain, check
from glutemed.training.progression import Change, LoggedSet, SessionSets, SideDose, decide
from glutemed.training.psfs import PsfsEntry, due, make_entry

__all__ = ["PlanChangeRecord"]  # re-exported for the report (which never imports the store)

LOCKED_REASON = "Your physiotherapist's plan is locked, so the app does not change it."
PROGRESSION_OFF = "Progression is switched off in this plan."


def _dose(item: RoutineItem) -> SideDose:
    return SideDose(item.sets, item.reps, item.hold_s, item.band)


def _dose_dict(dose: SideDose) -> dict[str, object]:
    return {"sets": dose.sets, "reps": dose.reps, "hold_s": dose.hold_s, "band": dose.band}


def pain_status(store: Store, tz: tzinfo, today: date) -> RuleResult:
    """The pain rule over the latest workout, its check-in and two weeks of pain scores."""
    sessions = list_sessions(store, limit=1)
    pains = list_pain(store)
    latest: SessionPain | None = None
    if sessions:
        s = sessions[0]
        after = [p.score for p in pains if p.context == "after" and p.taken_at >= s.started_at]
        before = [p.score for p in pains if p.context == "before" and p.taken_at >= s.started_at]
        checks = [c.settled for c in list_checkins(store) if c.session_id == s.id]
        latest = SessionPain(
            s.started_at.astimezone(tz).date(),
            before[0] if before else None,
            after[-1] if after else None,
            checks[-1] if checks else None,
        )
    daily = [(p.taken_at.astimezone(tz).date(), p.score) for p in pains if p.context != "after"]
    return check(latest, daily, today=today)


def _histories(sets: list[SetLog], tz: tzinfo) -> dict[tuple[str, str, str], list[SessionSets]]:
    grouped: dict[tuple[str, str, str], dict[int, list[SetLog]]] = defaultdict(dict)
    for s in sets:
        grouped[(s.exercise_id, s.variation_id, s.side)].setdefault(s.session_id, []).append(s)
    out: dict[tuple[str, str, str], list[SessionSets]] = {}
    for key, by_session in grouped.items():
        out[key] = [
            SessionSets(
                logs[0].started_at.astimezone(tz).date(),
                tuple(LoggedSet(x.reps_target, x.reps_done, x.skipped) for x in logs),
            )
            for logs in by_session.values()
        ]
    return out


def review_plan(
    store: Store, catalog: Catalog, tz: tzinfo, today: date, routine_id: int | None = None
) -> list[Change]:
    """What the rules would change before the next workout, each with its reason."""
    plan = current_plan(store, catalog, routine_id)
    decided = list_plan_changes(store)
    last: dict[tuple[str, str, str], datetime] = {}
    for record in decided:
        last[(record.exercise_id, record.variation_id, record.side)] = record.decided_at
    since = min(last.values()) if last else None
    histories = _histories(sets_since(store, since), tz)
    pain = pain_status(store, tz, today)
    bands = [b.id for b in catalog.band_levels]
    found: list[Change] = []
    for item in plan.routine.items:
        exercise = catalog.exercise(item.exercise_id)
        uses_band = (
            any(v.uses_band for v in exercise.variations)
            and exercise.variation(item.variation_id).uses_band
        )
        for side in ("left", "right") if item.sides == "both" else (item.sides,):
            key = (item.exercise_id, item.variation_id, side)
            history = [
                h for h in histories.get(key, [])
                if key not in last or h.day >= last[key].astimezone(tz).date()
            ]  # fmt: skip
            change = decide(*key, _dose(item), history, pain, uses_band=uses_band, bands=bands)
            if change is None:
                continue
            if change.kind != "hold" and (plan.meta.locked or not plan.meta.progression):
                why = LOCKED_REASON if plan.meta.locked else PROGRESSION_OFF
                change = replace(change, new=change.old, kind="hold", reason=why)
            found.append(change)
    return found


def _apply(items: list[RoutineItem], change: Change) -> list[RoutineItem]:
    out: list[RoutineItem] = []
    for item in items:
        same = (item.exercise_id, item.variation_id) == (change.exercise_id, change.variation_id)
        if not same or item.sides not in ("both", change.side):
            out.append(item)
            continue
        new = replace(
            item, sets=change.new.sets, reps=change.new.reps, hold_s=change.new.hold_s,
            band=change.new.band, id=None,
        )  # fmt: skip
        if item.sides == "both":
            mine: Side = "left" if change.side == "left" else "right"
            other: Side = "right" if mine == "left" else "left"
            pair = [replace(new, sides=mine), replace(item, sides=other, id=None)]
            out.extend(pair if mine == "left" else pair[::-1])
        else:
            out.append(new)
    return out


@dataclass(frozen=True)
class Decision:
    change: Change
    accepted: bool


@dataclass(frozen=True)
class Settled:
    applied: int  # how many changes went into the plan
    changes: Changes


def _settled_text(applied: int, refused: int) -> str:
    def count(n: int) -> str:
        return f"{n} change" if n == 1 else f"{n} changes"

    if applied and refused:
        return f"Plan updated with {count(applied)}; {count(refused)} left out."
    if applied:
        return f"Plan updated with {count(applied)}."
    return "Plan left as it was." if refused else ""


def settle_changes(
    store: Store,
    catalog: Catalog,
    decisions: list[Decision],
    now: datetime,
    routine_id: int | None = None,
) -> Settled:
    """Apply the accepted changes to the plan and record every decision."""
    plan = current_plan(store, catalog, routine_id)
    items = list(plan.routine.items)
    applied = refused = 0
    for decision in decisions:
        c = decision.change
        status = "held" if c.kind == "hold" else ("applied" if decision.accepted else "refused")
        if status == "applied":
            items = _apply(items, c)
            applied += 1
        refused += status == "refused"
        add_plan_change(
            store,
            PlanChangeRecord(now, c.exercise_id, c.variation_id, c.side, c.kind,
                             _dose_dict(c.old), _dose_dict(c.new), c.reason, status),
        )  # fmt: skip
    # Every decision is a row of the plan's history, so the programme changed even when
    # all were refused; the routine (workout) only when one was kept.
    changes = Changes(programme=bool(decisions), message=_settled_text(applied, refused))
    if applied:
        routine = plan.routine
        routine.items = items
        save_routine(store, routine)
        changes |= Changes(workout=True)
    return Settled(applied, changes)


def checkin_due(store: Store, tz: tzinfo, today: date) -> int | None:
    """The workout a morning check-in is due for: the latest one, if it was before today
    and has no answer yet."""
    sessions = list_sessions(store, limit=1)
    if not sessions or sessions[0].id is None:
        return None
    session = sessions[0]
    if session.started_at.astimezone(tz).date() >= today:
        return None
    if session.started_at.astimezone(tz).date() < today - timedelta(days=2):
        return None  # too long ago to say how it felt the next morning
    if any(c.session_id == session.id for c in list_checkins(store)):
        return None
    return session.id


def answer_checkin(store: Store, session_id: int, settled: bool, now: datetime) -> Changes:
    add_checkin(store, CheckIn(now, session_id, settled))
    if settled:
        return Changes(programme=True, message="Noted: the pain from last time has eased.")
    return Changes(
        programme=True,
        message="Noted: the pain from last time is still there, so today's plan holds or eases.",
    )


def psfs_entries(store: Store, tz: tzinfo) -> list[PsfsEntry]:
    return [make_entry(taken.astimezone(tz).date(), ratings) for taken, ratings in list_psfs(store)]


@dataclass(frozen=True)
class PsfsSaved:
    entry: PsfsEntry
    changes: Changes


def record_psfs(store: Store, ratings: list[tuple[str, int]], now: datetime) -> PsfsSaved:
    """Check then save one PSFS sitting; raises PsfsError naming the problem."""
    entry = make_entry(now.date(), ratings)
    add_psfs(store, now, list(entry.ratings))
    return PsfsSaved(
        entry, Changes(programme=True, message=f"Activity ratings saved (score {entry.score:.1f}).")
    )


def psfs_due(store: Store, tz: tzinfo, today: date) -> bool:
    return due(psfs_entries(store, tz), today)


def plan_change_history(store: Store) -> list[PlanChangeRecord]:
    """Every change the rules proposed, oldest first, with its reason and outcome."""
    return list_plan_changes(store)
