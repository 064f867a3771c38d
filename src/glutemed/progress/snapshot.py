"""Everything the Progress page and the report show for one date range."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from glutemed.domain.history import (
    DayBest,
    PainBaseline,
    PainPoint,
    PelvicDropPoint,
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
    # Camera-measured pelvic drop per test and standing leg (empty without camera tests).
    drops: tuple[PelvicDropPoint, ...] = field(default=())
    # (eyes, side) -> best stance seconds before *since*: earlier personal bests still count.
    bests_before: Mapping[tuple[str, str], float] = field(default_factory=dict)
    # Worked out once per eyes condition: series at two bin sizes read them both.
    _memo: dict[tuple[str, str], list[Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def is_empty(self) -> bool:
        return not (self.tests or self.pain or self.days)

    def best_per_day(self, eyes: str) -> list[DayBest]:
        key = ("best", eyes)
        if key not in self._memo:
            self._memo[key] = best_per_day(self.tests, eyes)
        return list(self._memo[key])

    def symmetry(self, eyes: str) -> list[SymmetryPoint]:
        key = ("symmetry", eyes)
        if key not in self._memo:
            self._memo[key] = symmetry_of(self.tests, eyes)
        return list(self._memo[key])
