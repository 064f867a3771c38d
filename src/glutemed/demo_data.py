"""Synthetic history for screenshots, demos and benchmarks, written to a SEPARATE data folder.

    python -m glutemed.demo_data --data-dir DIR [--years N] [--end YYYY-MM-DD] [--seed S]

It refuses a folder whose data file already holds anything, so it can never mix invented
records into someone's real diary.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from glutemed.domain.localtz import local_today, local_tz
from glutemed.domain.records import (
    EndedBy,
    Eyes,
    PainLog,
    Profile,
    SetLog,
    Side,
    StanceSession,
    StanceTrial,
    WorkoutSession,
)
from glutemed.store import StoreError, open_store
from glutemed.store.bulk import History, holds_any_data, insert_history
from glutemed.store.db import DB_FILENAME
from glutemed.store.profile import save_profile, set_setting

# The default routine (CONTENT.md doses): (exercise, variation, sets, reps, hold seconds).
ROUTINE: tuple[tuple[str, str, int, int, float | None], ...] = (
    ("standing_abduction", "standard", 3, 12, None),
    ("clamshell", "standard", 3, 12, None),
    ("fire_hydrant", "standard", 3, 10, None),
    ("wall_press_out", "standard", 2, 10, None),
    ("side_plank_abduction", "standard", 1, 5, 10.0),
)
CAP_S = 45.0  # Springer 2007 cap (CONTENT.md)
BANDS = (None, "tan", "yellow", "red", "green")
BOTH: tuple[Side, Side] = ("left", "right")


def _at(day: date, hour: int, minute: int, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def _trend(progress: float, start: float, end: float) -> float:
    """Smooth improvement that levels off (most of the gain in the first months)."""
    return end + (start - end) * math.exp(-5.0 * progress)


def _stance(
    rng: random.Random, day: date, progress: float, eyes: Eyes, tz: tzinfo
) -> StanceSession:
    if eyes == "open":
        means = {"left": _trend(progress, 12.0, 33.0), "right": _trend(progress, 22.0, 37.0)}
        moment = _at(day, 7, rng.randrange(0, 40), tz)
    else:
        means = {"left": _trend(progress, 2.5, 8.0), "right": _trend(progress, 3.5, 8.5)}
        moment = _at(day, 7, rng.randrange(40, 59), tz)
    trials: list[StanceTrial] = []
    for side in BOTH:
        for trial_no in (1, 2, 3):
            seconds = max(0.5, rng.gauss(means[side], means[side] * 0.15))
            capped = seconds >= CAP_S
            seconds = round(min(seconds, CAP_S), 1)
            ended: EndedBy = (
                "cap" if capped else rng.choice(("foot_down", "foot_down", "hands_off"))
            )
            if eyes == "closed" and not capped and rng.random() < 0.3:
                ended = "eyes_opened"
            drop = side == "left" and rng.random() < 0.6 * (1 - progress)
            trials.append(StanceTrial(side, trial_no, seconds, ended, capped, drop))
    return StanceSession(moment, eyes, CAP_S, trials=trials)


def _workout(
    rng: random.Random, day: date, progress: float, tz: tzinfo
) -> tuple[WorkoutSession, list[SetLog]]:
    start = _at(day, 18, rng.randrange(0, 50), tz)
    now = start
    band = BANDS[min(len(BANDS) - 1, int(progress * 8))]
    sets: list[SetLog] = []
    short_day = rng.random() < 0.1  # some days the user stops early
    for index, (exercise, variation, n_sets, reps, hold) in enumerate(ROUTINE):
        if short_day and index >= 3:
            break
        for side in BOTH:
            for set_no in range(1, n_sets + 1):
                done = reps if rng.random() > 0.15 else max(1, reps - rng.randrange(1, 4))
                took = timedelta(seconds=(hold or 3.0) * done + 5)
                sets.append(
                    SetLog(
                        0,
                        exercise,
                        variation,
                        side,
                        set_no,
                        reps,
                        done,
                        hold,
                        band if hold is None else None,
                        now,
                        now + took,
                    )
                )
                now += took + timedelta(seconds=45)
    return WorkoutSession(start, now, None, ""), sets


def build_history(years: float, end: date, seed: int = 7, tz: tzinfo | None = None) -> History:
    """N years of near-daily use ending on *end*: stance times rise, pain falls."""
    tz = tz or local_tz()
    rng = random.Random(seed)
    days = max(1, round(years * 365.25))
    first = end - timedelta(days=days - 1)
    history = History()
    for i in range(days):
        day = first + timedelta(days=i)
        progress = i / max(1, days - 1)
        if rng.random() < 0.12:  # a missed day now and then
            continue
        history.stance.append(_stance(rng, day, progress, "open", tz))
        if day.weekday() == 6:
            history.stance.append(_stance(rng, day, progress, "closed", tz))
        pain = _trend(progress, 6.5, 2.0) + rng.gauss(0, 0.8)
        history.pain.append(PainLog(_at(day, 8, 15, tz), max(0, min(10, round(pain))), "daily", ""))
        if rng.random() < 0.85:
            history.workouts.append(_workout(rng, day, progress, tz))
    return history


def fill(data_dir: Path, years: float, end: date, seed: int = 7, tz: tzinfo | None = None) -> int:
    """Create a demo data file in *data_dir*; returns the number of days covered."""
    store = open_store(data_dir)
    try:
        if holds_any_data(store):
            raise StoreError(f"{data_dir} already holds data; use an empty folder for demo data")
        insert_history(store, build_history(years, end, seed, tz))
        save_profile(store, Profile(birth_year=end.year - 45, safety_acknowledged=True))
        set_setting(store, "demo_data", True)
    finally:
        store.close()
    return max(1, round(years * 365.25))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m glutemed.demo_data",
        description="Fill an EMPTY data folder with invented history for demos and screenshots.",
    )
    parser.add_argument("--data-dir", required=True, type=Path, help="a new, empty folder")
    parser.add_argument("--years", type=float, default=1.0, help="years of history (default 1)")
    parser.add_argument("--end", help="last day, YYYY-MM-DD (default today)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    try:
        end = date.fromisoformat(args.end) if args.end else local_today()
    except ValueError:
        print(f"glutemed: --end {args.end!r} is not a date like 2024-03-31", file=sys.stderr)
        return 2
    if not 0 < args.years <= 50:
        print("glutemed: --years must be between 0 and 50", file=sys.stderr)
        return 2
    existing = args.data_dir / DB_FILENAME
    if existing.exists():
        print(
            f"glutemed: {existing} already exists; demo data goes in an empty folder",
            file=sys.stderr,
        )
        return 2
    try:
        days = fill(args.data_dir, args.years, end, args.seed)
    except StoreError as exc:
        print(f"glutemed: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {days} days of demo history to {args.data_dir / DB_FILENAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
