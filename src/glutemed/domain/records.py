"""The records every layer passes around; the store maps its rows onto them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from glutemed.domain.rules import DEFAULT_CAP_S
from glutemed.domain.vocabulary import EndedBy, Eyes, LeanSide, PainContext, Side, Sides


@dataclass
class Profile:
    birth_year: int | None = None
    preferred_side_order: str = "left_first"
    stance_cap_s: float = DEFAULT_CAP_S
    sound: str = "beeps"
    theme: str = "system"
    rep_tempo: float = 1.0
    safety_acknowledged: bool = False


@dataclass
class RoutineItem:
    exercise_id: str
    variation_id: str
    sets: int
    reps: int | None
    hold_s: float | None
    rest_s: float
    band: str | None = None
    sides: Sides = "both"
    id: int | None = None


@dataclass
class Routine:
    name: str
    items: list[RoutineItem] = field(default_factory=list)
    is_default: bool = False
    created_at: datetime | None = None
    id: int | None = None


@dataclass
class WorkoutSession:
    started_at: datetime
    ended_at: datetime | None = None
    routine_id: int | None = None
    notes: str = ""
    id: int | None = None


@dataclass
class SetLog:
    session_id: int
    exercise_id: str
    variation_id: str
    side: Side
    set_no: int
    reps_target: int | None
    reps_done: int
    hold_s: float | None
    band: str | None
    started_at: datetime
    completed_at: datetime
    skipped: bool = False
    id: int | None = None


@dataclass
class StanceTrial:
    side: Side
    trial_no: int
    seconds: float
    ended_by: EndedBy
    capped: bool = False
    pelvis_dropped: bool = False
    trunk_lean: bool = False
    # Measured by the camera test (degrees), None when timed by hand.
    pelvic_drop_deg: float | None = None
    trunk_lean_deg: float | None = None
    trunk_lean_side: LeanSide | None = None  # of the largest lean; None when too small
    stance_session_id: int | None = None
    id: int | None = None


@dataclass
class StanceSession:
    taken_at: datetime
    eyes: Eyes
    cap_s: float
    notes: str = ""
    trials: list[StanceTrial] = field(default_factory=list)
    id: int | None = None


@dataclass
class PainLog:
    taken_at: datetime
    score: int
    context: PainContext
    note: str = ""
    id: int | None = None
