"""Age norms as the Progress graphs and the report need them, from `glutemed.stance.norms`."""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.stance.norms import age_group

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
    group = None if age is None else age_group(age)
    if group is None:
        return None
    return AgeNorm(
        group.eyes_open_s if eyes == "open" else group.eyes_closed_s, group.low, group.high
    )
