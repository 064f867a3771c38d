"""Everything the Progress page and the report show for one date range."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from glutemed.domain.history import (
    DayBest,
    PainBaseline,
    PainPoint,
    StanceTest,
    SymmetryPoint,
    TrainingDay,
    WeekVolume,
)
from glutemed.progress.stance import best_per_day, symmetry_of


@dataclass(frozen=True)
class ProgressSnapshot:
    """Everything the Progress page and the report show, for one date range."""

    since: date | None
    until: date | None
    tests: tuple[StanceTest, ...]
    pain: tuple[PainPoint, ...]
    baseline: PainBaseline | None
    weeks: tuple[WeekVolume, ...]
    days: tuple[TrainingDay, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.tests or self.pain or self.days)

    def best_per_day(self, eyes: str) -> list[DayBest]:
        return best_per_day(self.tests, eyes)

    def symmetry(self, eyes: str) -> list[SymmetryPoint]:
        return symmetry_of(self.tests, eyes)
