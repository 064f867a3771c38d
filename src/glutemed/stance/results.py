"""Everything the results view shows for one test, computed without Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from glutemed.domain.vocabulary import Eyes
from glutemed.stance.norms import BirthYearError, NormLookup, norm_for
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
        if self.norm is None:
            return f"{self.norm_problem} No age comparison is shown until then."
        return self.norm.describe()

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
    year: int,
    previous: Sequence[TrialLike] | None = None,
) -> StanceResults:
    """Results of a test taken in *year*; *previous* are the trials of the last comparable test."""
    summary = summarize(trials, eyes, cap_s)
    norm: NormLookup | None
    problem: str | None = None
    try:
        norm = norm_for(birth_year, eyes, year)
    except BirthYearError as exc:
        norm, problem = None, f"{exc}"
    age = norm.age if norm is not None else None
    found_changes: list[SideChange] = []
    if previous is not None:
        found_changes = changes(summarize(previous, eyes, cap_s), summary)
    return StanceResults(
        summary=summary,
        norm=norm,
        norm_problem=problem,
        markers=markers(summary, age),
        changes=found_changes,
        had_previous=previous is not None,
        pelvis=pelvis_findings(summary),
    )
