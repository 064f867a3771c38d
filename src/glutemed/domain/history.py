"""Records read back from history for the Progress page and the report.

The store builds them from its queries; `glutemed.progress` analyses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from glutemed.domain.records import WorkoutSession

# Minimal clinically important change for back pain: 2 points or 30 % from baseline
# (Ostelo et al. 2008, Spine 33(1):90-4; Farrar et al. 2001, Pain 94:149-58).
PAIN_MCID_POINTS = 2.0
PAIN_MCID_FRACTION = 0.30


@dataclass(frozen=True, slots=True)
class DayBest:
    """The best stance trial of one local day for one side."""

    day: date
    side: str
    seconds: float
    capped: bool


@dataclass(frozen=True, slots=True)
class StanceTest:
    """One stance test (session): best and mean per side, and symmetry when both sides ran."""

    session_id: int
    taken_at: datetime
    day: date
    eyes: str
    cap_s: float
    left_best: float | None
    left_mean: float | None
    right_best: float | None
    right_mean: float | None

    @property
    def symmetry(self) -> float | None:
        return symmetry_percent(self.left_best, self.right_best)


@dataclass(frozen=True, slots=True)
class SymmetryPoint:
    day: date
    taken_at: datetime
    eyes: str
    left_s: float
    right_s: float
    percent: float


@dataclass(frozen=True, slots=True)
class PelvicDropPoint:
    """The camera-measured pelvic drop of one test and standing leg: the mean over its
    trials of each trial's largest drop, in degrees (positive: the lifted side sank)."""

    day: date
    taken_at: datetime
    side: str  # the standing leg
    degrees: float
    trials: int


def symmetry_percent(left: float | None, right: float | None) -> float | None:
    """min(L, R) / max(L, R) x 100 (CONTENT.md); None unless both sides have a time."""
    if left is None or right is None:
        return None
    high = max(left, right)
    if high <= 0:
        return 100.0 if left == right else None
    return 100.0 * min(left, right) / high


@dataclass(frozen=True, slots=True)
class PainPoint:
    taken_at: datetime
    day: date
    score: int
    context: str


@dataclass(frozen=True)
class PainBaseline:
    """Baseline pain and the band of changes too small to be clinically important."""

    score: float
    entries: int
    first_day: date

    @property
    def band_low(self) -> float:
        return self.score - PAIN_MCID_POINTS

    @property
    def band_high(self) -> float:
        return self.score + PAIN_MCID_POINTS

    def important_change(self, score: float) -> bool:
        """True when *score* differs from baseline by 2 points or 30 % (either suffices)."""
        delta = abs(score - self.score)
        if delta >= PAIN_MCID_POINTS:
            return True
        return self.score > 0 and delta / self.score >= PAIN_MCID_FRACTION


@dataclass(frozen=True, slots=True)
class ExerciseVolume:
    exercise_id: str
    reps: int
    sets: int


class ExerciseTotals:
    """Reps and sets summed over the exercises of a volume held per exercise."""

    by_exercise: tuple[ExerciseVolume, ...]

    @property
    def reps(self) -> int:
        return sum(e.reps for e in self.by_exercise)

    @property
    def sets(self) -> int:
        return sum(e.sets for e in self.by_exercise)


@dataclass(frozen=True)
class WeekVolume(ExerciseTotals):
    """Completed (not skipped) sets and reps in one local ISO week, by exercise."""

    week_start: date  # the Monday
    by_exercise: tuple[ExerciseVolume, ...]

    @property
    def iso_year(self) -> int:
        return self.week_start.isocalendar()[0]

    @property
    def iso_week(self) -> int:
        return self.week_start.isocalendar()[1]


@dataclass(frozen=True, slots=True)
class TrainingDay:
    day: date
    sessions: int
    sets: int
    reps: int


@dataclass(frozen=True)
class Adherence:
    days_trained: int
    days_total: int
    longest_streak: int
    current_streak: int

    @property
    def percent(self) -> float:
        return 100.0 * self.days_trained / self.days_total if self.days_total else 0.0


@dataclass(frozen=True, slots=True)
class SessionVolume:
    """Completed sets and reps of one exercise in one workout session."""

    session_id: int
    day: date  # local day the session started
    exercise_id: str
    sets: int
    reps: int


@dataclass(frozen=True)
class SessionSummary:
    session: WorkoutSession
    routine_name: str | None
    sets_done: int
    sets_skipped: int
    reps_done: int
    hold_s_total: float  # seconds held across all hold sets
    exercises: int  # distinct exercises with at least one set

    @property
    def duration_s(self) -> float | None:
        if self.session.ended_at is None:
            return None
        return (self.session.ended_at - self.session.started_at).total_seconds()
