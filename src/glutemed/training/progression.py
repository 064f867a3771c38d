"""Progression and regression per exercise and side, from the logged sets.

The rule (CONTENT.md, dosing): when every set reached the target for two sessions in a row
without a pain-rule breach, progress one step: add a set (up to 3), then add a band, then
a stronger band. Sets cut short step back one step; a pain-rule breach holds or steps back
(see `pain_rule`). The steps follow the ACSM position stand's advice to progress once the
current load is managed for more than the planned repetitions (Ratamess et al. 2009); the
exact ladder is the app's own default, and a physiotherapist's locked plan overrides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from glutemed.training.pain_rule import RuleResult, Verdict

MAX_SETS = 3  # CONTENT.md: 2-3 sets (ACSM, Ratamess et al. 2009)
MIN_REPS = 6  # the app's floor when stepping back repetitions
SESSIONS_TO_PROGRESS = 2


@dataclass(frozen=True)
class SideDose:
    sets: int
    reps: int | None
    hold_s: float | None
    band: str | None

    def text(self) -> str:
        work = (
            f"{self.sets} x {self.reps or 1} holds of {self.hold_s:g} s"
            if self.hold_s is not None
            else f"{self.sets} x {self.reps}"
        )
        return work + (f", {self.band} band" if self.band else "")


@dataclass(frozen=True)
class LoggedSet:
    reps_target: int | None
    reps_done: int
    skipped: bool


@dataclass(frozen=True)
class SessionSets:
    """One workout's sets for one exercise and side."""

    day: date
    sets: tuple[LoggedSet, ...]

    def completed(self, planned_sets: int) -> bool:
        done = [s for s in self.sets if not s.skipped]
        return len(done) >= planned_sets and all(
            s.reps_target is None or s.reps_done >= s.reps_target for s in done
        )

    def cut_short(self) -> bool:
        return any(
            s.skipped or (s.reps_target is not None and s.reps_done < s.reps_target)
            for s in self.sets
        )


@dataclass(frozen=True)
class Change:
    exercise_id: str
    variation_id: str
    side: str
    old: SideDose
    new: SideDose
    kind: str  # "progress", "regress" or "hold"
    reason: str

    def describe(self, name: str) -> str:
        if self.kind == "hold":
            return f"{name}, {self.side} side: stays at {self.old.text()}. {self.reason}"
        return f"{name}, {self.side} side: {self.old.text()} -> {self.new.text()}. {self.reason}"


def _band_step(bands: Sequence[str], band: str | None, up: bool) -> str | None:
    """The next band up or down the catalogue's light-to-heavy order (None = no band)."""
    if band is None:
        return bands[0] if up and bands else None
    index = bands.index(band) if band in bands else 0
    if up:
        return bands[index + 1] if index + 1 < len(bands) else band
    return bands[index - 1] if index > 0 else None


def step_up(dose: SideDose, uses_band: bool, bands: Sequence[str]) -> tuple[SideDose, str]:
    if dose.sets < MAX_SETS:
        return replace(dose, sets=dose.sets + 1), "added a set"
    if uses_band:
        band = _band_step(bands, dose.band, up=True)
        if band != dose.band:
            return replace(dose, band=band), (
                "added a band" if dose.band is None else "moved to a stronger band"
            )
    return dose, ""


def step_down(dose: SideDose, bands: Sequence[str]) -> tuple[SideDose, str]:
    if dose.band is not None:
        return replace(dose, band=_band_step(bands, dose.band, up=False)), "lighter band"
    if dose.sets > 1:
        return replace(dose, sets=dose.sets - 1), "one set fewer"
    if dose.reps is not None and dose.hold_s is None and dose.reps > MIN_REPS:
        return replace(dose, reps=max(MIN_REPS, dose.reps - 2)), "two repetitions fewer"
    return dose, ""


def decide(
    exercise_id: str,
    variation_id: str,
    side: str,
    dose: SideDose,
    history: Sequence[SessionSets],
    pain: RuleResult,
    *,
    uses_band: bool,
    bands: Sequence[str],
) -> Change | None:
    """The change for one exercise and side, or None when nothing should change.

    *history* holds the sessions since the last change or refusal, oldest first.
    """

    def change(new: SideDose, kind: str, reason: str) -> Change:
        return Change(exercise_id, variation_id, side, dose, new, kind, reason)

    if not history:
        return None
    if pain.verdict is Verdict.STEP_BACK:
        new, what = step_down(dose, bands)
        if what:
            return change(new, "regress", f"Stepped back ({what}): {' '.join(pain.reasons)}")
        return change(dose, "hold", " ".join(pain.reasons))
    latest = history[-1]
    if latest.cut_short():
        new, what = step_down(dose, bands)
        reason = f"Last time ({latest.day.isoformat()}) some sets were cut short"
        if what:
            return change(new, "regress", f"Stepped back ({what}): {reason}.")
        return change(dose, "hold", f"{reason}; this is already the lightest dose.")
    recent = history[-SESSIONS_TO_PROGRESS:]
    if len(recent) < SESSIONS_TO_PROGRESS or not all(s.completed(dose.sets) for s in recent):
        return None
    if pain.verdict is Verdict.HOLD:
        return change(dose, "hold", "Ready to move up, but held: " + " ".join(pain.reasons))
    new, what = step_up(dose, uses_band, bands)
    if not what:
        return change(
            dose,
            "hold",
            "You complete the top of this plan; ask your physiotherapist for the next step.",
        )
    days = " and ".join(s.day.isoformat() for s in recent)
    return change(
        new,
        "progress",
        f"Progressed ({what}): every set reached its target on {days} with no rise in pain.",
    )
