"""Age norms for the single-leg stance, as the Progress page and the report need them.

Adapter: the stance package owns the norms table (`glutemed.stance.norms`); until that
module is on main this falls back to the same table from CONTENT.md.
"""

from __future__ import annotations

from dataclasses import dataclass

# Springer et al. 2007 (J Geriatr Phys Ther 30(1):8-15), mean seconds, as reproduced by
# Physiopedia: (lowest age, highest age, eyes open, eyes closed).
_SPRINGER_2007: tuple[tuple[int, int, float, float], ...] = (
    (18, 39, 43.0, 9.0),
    (40, 49, 40.0, 7.0),
    (50, 59, 37.0, 4.8),
    (60, 69, 26.9, 2.8),
    (70, 79, 18.3, 2.0),
    (80, 99, 5.6, 1.0),
)
SOURCE = "Springer 2007"
CAVEAT = "their protocol crossed the arms on the chest, ours puts hands on hips: a guide only"


@dataclass(frozen=True)
class AgeNorm:
    seconds: float
    low_age: int
    high_age: int

    @property
    def label(self) -> str:
        return f"age {self.low_age}-{self.high_age} norm ({SOURCE})"


def age_norm(age: int | None, eyes: str) -> AgeNorm | None:
    """Mean best-of-3 stance time for *age* (18-99), or None when unknown/out of range."""
    if age is None:
        return None
    for low, high, open_s, closed_s in _SPRINGER_2007:
        if low <= age <= high:
            return AgeNorm(open_s if eyes == "open" else closed_s, low, high)
    return None
