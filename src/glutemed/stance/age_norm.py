"""Age norms as the Progress graphs and the report need them, from `glutemed.stance.norms`.

Both draw the user's *best* per side, so only the best-of-3 norm is ever paired with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from glutemed.stance.norms import SPRINGER_2007, BirthYearError, NormTable, norm_for

SOURCE = "Springer 2007"
CAVEAT = "their protocol crossed the arms on the chest, ours puts hands on hips: a guide only"


@dataclass(frozen=True)
class AgeNorm:
    seconds: float
    group_label: str

    @property
    def label(self) -> str:
        return f"age {self.group_label} best-of-3 norm ({SOURCE})"


def age_norm(
    birth_year: int | None, on: date, eyes: str, table: NormTable = SPRINGER_2007
) -> AgeNorm | None:
    """Best-of-3 stance norm on *on*, or None when unknown, uncertain or not shown."""
    if eyes not in ("open", "closed"):
        return None
    try:
        lookup = norm_for(birth_year, "open" if eyes == "open" else "closed", on, table=table)
    except BirthYearError:
        return None
    if lookup.group is None or lookup.best_s is None:
        return None
    return AgeNorm(lookup.best_s, lookup.group.label)
