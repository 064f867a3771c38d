"""Everything the results view shows for one test, computed without Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from glutemed.domain.vocabulary import Eyes
from glutemed.domain.wording import counted
from glutemed.stance.norms import (
    SPRINGER_2007,
    STATISTIC_WORDS,
    BirthYearError,
    NormLookup,
    NormTable,
    cap_note,
    norm_for,
)
from glutemed.stance.scoring import (
    Marker,
    SideChange,
    StanceSummary,
    TrialLike,
    changes,
    markers,
    pelvis_findings,
    summarize,
)


@dataclass(frozen=True)
class StanceResults:
    summary: StanceSummary
    norm: NormLookup | None  # None when the birth year is invalid (see norm_problem)
    norm_problem: str | None
    markers: list[Marker] = field(default_factory=list)
    changes: list[SideChange] = field(default_factory=list)
    had_previous: bool = False
    pelvis: list[str] = field(default_factory=list)

    def norm_text(self) -> str:
        """Like-for-like comparison per side, the cap warning and the protocol caveat."""
        norm = self.norm
        if norm is None:
            return f"{self.norm_problem} No age comparison is shown until then."
        if norm.best_s is None and norm.mean_s is None:
            return norm.describe()
        lines = [norm.describe()]
        for side in (self.summary.left, self.summary.right):
            if side is None:
                continue
            pairs = [
                f"{STATISTIC_WORDS[c.statistic]} {c.yours_s:.1f} s vs {c.norm_s:.1f} s"
                for c in norm.compare(side.best, side.mean)
            ]
            lines.append(f"Your {side.side} leg: {'; '.join(pairs)}.")
        capped = cap_note(norm, self.summary.cap_s)
        if capped:
            lines.append(capped)
        lines.append(norm.note)
        return " ".join(lines)

    def change_text(self) -> str:
        if not self.had_previous:
            eyes = self.summary.eyes
            return f"This is your first eyes-{eyes} test: next time you will see the change."
        if not self.changes:
            return "The previous test had no side in common with this one."
        return "\n".join(c.describe() for c in self.changes)


def build_results(
    trials: Sequence[TrialLike],
    eyes: Eyes,
    cap_s: float,
    *,
    birth_year: int | None,
    on: date,
    birth_month: int | None = None,
    previous: Sequence[TrialLike] | None = None,
    table: NormTable = SPRINGER_2007,
) -> StanceResults:
    """Results of a test taken on *on*; *previous* are the trials of the last comparable test."""
    summary = summarize(trials, eyes, cap_s)
    norm: NormLookup | None
    problem: str | None = None
    try:
        norm = norm_for(birth_year, eyes, on, birth_month=birth_month, table=table)
    except BirthYearError as exc:
        norm, problem = None, f"{exc}"
    ages = norm.ages if norm is not None else ()
    found_changes: list[SideChange] = []
    if previous is not None:
        found_changes = changes(summarize(previous, eyes, cap_s), summary)
    return StanceResults(
        summary=summary,
        norm=norm,
        norm_problem=problem,
        markers=markers(summary, ages),
        changes=found_changes,
        had_previous=previous is not None,
        pelvis=measured_findings(trials) or pelvis_findings(summary),
    )


def lean_text(degrees: float, side: str | None) -> str:
    """A trunk lean in words: its size, and which way when the camera could tell."""
    way = {"stance": " towards the standing leg", "swing": " away from the standing leg"}
    return f"{degrees:.1f}°{way.get(side or '', '')}"


LEVEL_DEG = 0.5  # a tilt the camera cannot tell from level (landmark jitter)


def pelvis_words(drops: Sequence[float]) -> str:
    """The camera's pelvic tilt on the lifted side in words (drops positive, rises negative)."""
    largest = max(drops)
    count = counted(len(drops), "trial")
    if largest >= LEVEL_DEG:
        dropped = sum(1 for d in drops if d >= LEVEL_DEG)
        return (
            f"the pelvis dropped on the lifted side by up to {largest:.1f}° "
            f"(a drop in {dropped} of {count})"
        )
    if largest <= -LEVEL_DEG:
        return (
            f"the pelvis did not drop: the lifted side rose by at least {-largest:.1f}° "
            f"in {'each of ' if len(drops) > 1 else ''}{count}"
        )
    return f"the pelvis stayed level on the lifted side (within {LEVEL_DEG}° over {count})"


def measured_findings(trials: Sequence[TrialLike]) -> list[str]:
    """What the camera measured, per standing leg (empty when no trial was measured)."""
    found: list[str] = []
    for side in ("left", "right"):
        drops: list[float] = []
        leans: list[tuple[float, str | None]] = []
        for trial in trials:
            if trial.side != side:
                continue
            drop = getattr(trial, "pelvic_drop_deg", None)
            lean = getattr(trial, "trunk_lean_deg", None)
            if drop is not None:
                drops.append(float(drop))
            if lean is not None:
                leans.append((float(lean), getattr(trial, "trunk_lean_side", None)))
        if not drops:
            continue
        text = f"Standing on your {side} leg, {pelvis_words(drops)}"
        if leans:
            text += f"; the trunk leaned up to {lean_text(*max(leans, key=lambda x: x[0]))}"
        found.append(text + ".")
    if found:
        found.append(
            "A drop on the lifted side suggests weak hip abductors on the standing side "
            "(Hardcastle & Nade 1985); pain, poor balance and leaning can also cause it, so "
            "compare the two legs and watch the trend rather than one number."
        )
    if any(getattr(t, "trunk_lean_side", None) == "stance" for t in trials) and found:
        found.append(
            "Leaning the trunk over the standing leg moves your weight over that hip, a "
            "common way to make up for weak hip abductors on that side."
        )
    return found
