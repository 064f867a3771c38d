"""Stance analytics: the best per day and side, and symmetry per test."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from glutemed.domain.history import DayBest, StanceTest, SymmetryPoint


def best_per_day(tests: Iterable[StanceTest], eyes: str) -> list[DayBest]:
    best: dict[tuple[date, str], DayBest] = {}
    for test in tests:
        if test.eyes != eyes:
            continue
        for side, seconds in (("left", test.left_best), ("right", test.right_best)):
            if seconds is None:
                continue
            old = best.get((test.day, side))
            if old is None or seconds > old.seconds:
                best[(test.day, side)] = DayBest(test.day, side, seconds, seconds >= test.cap_s)
    return [best[k] for k in sorted(best)]


def symmetry_of(tests: Iterable[StanceTest], eyes: str | None = None) -> list[SymmetryPoint]:
    out: list[SymmetryPoint] = []
    for test in tests:
        percent = test.symmetry
        if eyes is not None and test.eyes != eyes:
            continue
        if percent is None or test.left_best is None or test.right_best is None:
            continue
        out.append(
            SymmetryPoint(
                test.day, test.taken_at, test.eyes, test.left_best, test.right_best, percent
            )
        )
    return out
