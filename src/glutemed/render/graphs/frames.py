"""What each Progress graph draws for one range, computed ahead of drawing.

No Qt here (numpy only): the page computes the frames of every range on its worker thread
once the whole history has loaded, so a range click only hands arrays to the plots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

import numpy as np

from glutemed.domain.history import Adherence, PainBaseline
from glutemed.domain.records import Profile
from glutemed.progress.series import (
    MONTHLY,
    BinPoint,
    PreparedSeries,
    VolumeBin,
    from_day,
)
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.progress.text import day_x
from glutemed.progress.training import adherence
from glutemed.stance.age_norm import AgeNorm, age_norm

DAY_S = 86400.0
LEFT_COLOUR = "#0072B2"
RIGHT_COLOUR = "#E69F00"
SYMBOLS_UP_TO = 120  # points; denser curves drop symbols and antialiasing (10x faster paint)
EYES = ("open", "closed")

Ticks = list[list[tuple[float, str]]]


@dataclass(frozen=True)
class Line:
    """One curve: x (epoch s), y and the points behind them (for the hover read-out)."""

    x: np.ndarray
    y: np.ndarray
    points: tuple[BinPoint, ...]

    @property
    def dense(self) -> bool:
        return len(self.points) > SYMBOLS_UP_TO


@dataclass(frozen=True)
class StanceFrame:
    eyes: str
    left: Line
    right: Line
    best_x: list[float]
    best_y: list[float]
    best_brushes: list[str]
    records: frozenset[tuple[str, date]]
    norm: AgeNorm | None  # the best-of-3 norm drawn, when known and checked
    cap_s: float
    top: float


@dataclass(frozen=True)
class VolumeFrame:
    bins: tuple[VolumeBin, ...]
    x: np.ndarray
    width: float
    monthly: bool
    exercises: tuple[str, ...]
    # measure ('reps' | 'sets') -> one row of heights per exercise, in `exercises` order
    heights: dict[str, np.ndarray]

    def totals(self, measure: str) -> np.ndarray:
        rows = self.heights[measure]
        return rows.sum(axis=0) if len(rows) else np.zeros(len(self.bins))


@dataclass(frozen=True)
class Frame:
    """Every graph of the page for one range (stance and symmetry for both eyes)."""

    start: date
    end: date
    x_range: tuple[float, float]
    ticks: Ticks
    stance: dict[str, StanceFrame]
    symmetry: dict[str, Line]
    pain: Line
    baseline: PainBaseline | None
    volume: VolumeFrame
    adherence: Adherence
    pelvic_drop: dict[str, Line]  # standing side -> camera-measured drop, degrees


class BinCentres:
    """Centres of bins on the date axis in one time zone, each worked out once (ten years
    of bins over four ranges is thousands of them). Made per load by whoever computes the
    frames, on that one thread: never shared between threads."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self._known: dict[tuple[date, int], float] = {}

    def __call__(self, p: BinPoint | VolumeBin) -> float:
        key = (p.start, p.size)
        x = self._known.get(key)
        if x is None:
            end = BinPoint(p.start, p.size, 0, 0).end
            x = self._known[key] = (day_x(p.start, self.tz) + day_x(end, self.tz)) / 2
        return x


def line(points: Sequence[BinPoint], centres: BinCentres) -> Line:
    xs = np.fromiter((centres(p) for p in points), float, len(points))
    ys = np.fromiter((p.value for p in points), float, len(points))
    return Line(xs, ys, tuple(points))


def x_range(start: date, end: date, tz: tzinfo) -> tuple[float, float]:
    """Plot x range covering whole local days *start*..*end*."""
    return day_x(start, tz) - DAY_S / 2, day_x(end, tz) + DAY_S / 2


def _midnight(day: date, tz: tzinfo) -> float:
    return day_x(day, tz) - DAY_S / 2


def _month_starts(start: date, end: date, step: int) -> list[date]:
    day = date(start.year, start.month, 1)
    out: list[date] = []
    while day <= end:
        if day >= start and (day.month - 1) % step == 0:
            out.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def date_ticks(start: date, end: date, tz: tzinfo) -> Ticks:
    """Axis ticks at local midnights: Mondays, months or years depending on the span.

    Worked out once per range instead of the generic date axis doing it on every paint.
    """
    days = (end - start).days + 1
    major: list[tuple[float, str]] = []
    minor: list[tuple[float, str]] = []
    if days <= 100:
        monday = start + timedelta(days=(7 - start.weekday()) % 7)
        step = 7 if days <= 35 else 14
        day = monday
        while day <= end:
            major.append((_midnight(day, tz), f"{day.day} {day:%b}"))
            day += timedelta(days=step)
        if days <= 35:
            minor = [(_midnight(start + timedelta(days=i), tz), "") for i in range(days)]
    elif days <= 400:
        for day in _month_starts(start, end, 1):
            label = f"{day:%b %Y}" if day.month == 1 or not major else f"{day:%b}"
            major.append((_midnight(day, tz), label))
    else:
        years = [d for d in _month_starts(start, end, 12)]
        every = max(1, len(years) // 12 + 1) if len(years) > 12 else 1
        major = [(_midnight(d, tz), str(d.year)) for d in years if d.year % every == 0]
        minor = [(_midnight(d, tz), "") for d in _month_starts(start, end, 3 if days > 1500 else 1)]
    return [major, minor]


def stance_frame(
    series: PreparedSeries,
    profile: Profile,
    eyes: str,
    start: date,
    end: date,
    centres: BinCentres,
) -> StanceFrame:
    lines: dict[str, Line] = {}
    best_x: list[float] = []
    best_y: list[float] = []
    brushes: list[str] = []
    records: set[tuple[str, date]] = set()
    for side in ("left", "right"):
        points = from_day(series.stance[(eyes, side)], start)
        lines[side] = line(points, centres)
        marks = series.records[(eyes, side)]
        for p in points:
            if p.start in marks:
                best_x.append(centres(p))
                best_y.append(p.value)
                brushes.append(LEFT_COLOUR if side == "left" else RIGHT_COLOUR)
                records.add((side, p.start))
    values = [*lines["left"].points, *lines["right"].points]
    top = max([profile.stance_cap_s, *(p.value for p in values)]) * 1.1
    return StanceFrame(
        eyes,
        lines["left"],
        lines["right"],
        best_x,
        best_y,
        brushes,
        frozenset(records),
        age_norm(profile.birth_year, end, eyes),
        profile.stance_cap_s,
        top,
    )


def volume_frame(bins: Sequence[VolumeBin], centres: BinCentres) -> VolumeFrame:
    monthly = bool(bins) and bins[0].size == MONTHLY
    exercises = tuple(sorted({e.exercise_id for b in bins for e in b.by_exercise}))
    row = {ex: i for i, ex in enumerate(exercises)}
    heights = {m: np.zeros((len(exercises), len(bins))) for m in ("reps", "sets")}
    for j, b in enumerate(bins):
        for e in b.by_exercise:
            heights["reps"][row[e.exercise_id], j] += e.reps
            heights["sets"][row[e.exercise_id], j] += e.sets
    x = np.fromiter((centres(b) for b in bins), float, len(bins))
    width = (26 if monthly else 6) * DAY_S
    return VolumeFrame(tuple(bins), x, width, monthly, exercises, heights)


def frame(
    series: PreparedSeries,
    snapshot: ProgressSnapshot,
    profile: Profile,
    start: date,
    end: date,
    tz: tzinfo,
    centres: BinCentres | None = None,
) -> Frame:
    """The frame of one range from series prepared at the bin size that range uses.

    Pass one *centres* to every range of one load to work each bin's centre out once."""
    centres = centres or BinCentres(tz)
    return Frame(
        start=start,
        end=end,
        x_range=x_range(start, end, tz),
        ticks=date_ticks(start, end, tz),
        stance={eyes: stance_frame(series, profile, eyes, start, end, centres) for eyes in EYES},
        symmetry={eyes: line(from_day(series.symmetry[eyes], start), centres) for eyes in EYES},
        pain=line(from_day(series.pain, start), centres),
        baseline=snapshot.baseline,
        volume=volume_frame(from_day(series.volume, start), centres),
        adherence=adherence((d.day for d in snapshot.days), start, end),
        pelvic_drop={
            side: line(from_day(series.pelvic_drop.get(side, []), start), centres)
            for side in ("left", "right")
        },
    )
