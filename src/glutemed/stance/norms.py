"""Age-group norms for single-leg stance (Springer et al. 2007), compared like with like.

Springer et al. 2007 (J Geriatr Phys Ther 30(1):8-15; abstract checked) timed 549 adults in
six age groups (18-39, 40-49, 50-59, 60-69, 70-79, 80 and over) and report, per group, both
the mean of three trials and the best of three. A person's best is compared only with the
best-of-3 value and their mean only with the mean-of-3 value: a best against a mean would
flatter them.

The per-group seconds are not bundled: the values circulating in secondary sources could not
be checked against the paper's table, and which statistic they are is unclear, so the app
leaves them out (`SPRINGER_2007` is empty) rather than show an unchecked number. The code
below works for any table handed to it; tests use their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from glutemed.domain.rules import OLDEST_BIRTH_YEAR
from glutemed.domain.vocabulary import Eyes

Statistic = Literal["best", "mean"]

NORM_SOURCE = "Springer et al. 2007, J Geriatr Phys Ther 30(1):8-15"
ARMS_CAVEAT = (
    "The study timed people with their arms crossed on the chest; here you keep your hands "
    "on your hips, so treat the comparison as an approximation (Springer 2007)."
)
# The same caveat in one line, for the report beside the norm it qualifies.
ARMS_CAVEAT_SHORT = (
    "their protocol crossed the arms on the chest, ours puts hands on hips: a guide only"
)
ADULT_AGE = 18
FULL_CAP_S = 45.0  # Nezic, Puh & Hlebs 2012 review: barefoot, best of 3, 45 s maximum
STATISTIC_WORDS: dict[Statistic, str] = {"best": "best of 3 trials", "mean": "mean of 3 trials"}


@dataclass(frozen=True)
class AgeGroup:
    """Ages *low* to *high* inclusive; *high* None means "and over"."""

    low: int
    high: int | None

    @property
    def label(self) -> str:
        return f"{self.low}-{self.high}" if self.high is not None else f"{self.low}+"

    def contains(self, age: int) -> bool:
        return self.low <= age and (self.high is None or age <= self.high)


# The paper's six groups (abstract): the oldest is open-ended.
AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup(18, 39),
    AgeGroup(40, 49),
    AgeGroup(50, 59),
    AgeGroup(60, 69),
    AgeGroup(70, 79),
    AgeGroup(80, None),
)

NormKey = tuple[str, Eyes, Statistic]  # (group label, eyes, statistic)


@dataclass(frozen=True)
class NormTable:
    """Seconds per (age group, eyes, statistic); a missing key means "not shown"."""

    values: Mapping[NormKey, float] = field(default_factory=dict)

    def seconds(self, group: AgeGroup, eyes: Eyes, statistic: Statistic) -> float | None:
        return self.values.get((group.label, eyes, statistic))


SPRINGER_2007 = NormTable()  # deliberately empty until checked against the paper's table
WITHHELD_NOTE = (
    "No age-group comparison is shown: the published values (Springer 2007) could not be "
    "checked against the paper, so the app leaves them out rather than risk a wrong one."
)


class BirthYearError(ValueError):
    """A birth year that cannot be right; the message says why in plain words."""


def validate_birth_year(birth_year: int, current_year: int) -> None:
    """Raise BirthYearError naming the problem when *birth_year* cannot be a real one."""
    if birth_year > current_year:
        raise BirthYearError(
            f"Birth year {birth_year} is in the future (it is {current_year} now); please check it."
        )
    if birth_year < OLDEST_BIRTH_YEAR:
        raise BirthYearError(
            f"Birth year {birth_year} is before {OLDEST_BIRTH_YEAR}; please check it."
        )


def possible_ages(birth_year: int, on: date, birth_month: int | None = None) -> tuple[int, ...]:
    """Every age the person may have on *on*: one or two values.

    With only the birth year, the birthday may or may not have passed yet, so the age is one
    of two. The birth month settles it except during that month itself.
    """
    older = on.year - birth_year
    if birth_month is None or birth_month == on.month:
        return (older - 1, older) if older > 0 else (older,)
    return (older,) if on.month > birth_month else (older - 1,)


def age_group(age: int) -> AgeGroup | None:
    for group in AGE_GROUPS:
        if group.contains(age):
            return group
    return None


@dataclass(frozen=True)
class Comparison:
    statistic: Statistic
    yours_s: float
    norm_s: float


@dataclass(frozen=True)
class NormLookup:
    """The norms to compare with, or why there are none (`note`)."""

    eyes: Eyes
    ages: tuple[int, ...]
    group: AgeGroup | None
    best_s: float | None
    mean_s: float | None
    note: str

    @property
    def age(self) -> int | None:
        """The age when it is certain, else None."""
        return self.ages[0] if len(self.ages) == 1 else None

    def seconds(self, statistic: Statistic) -> float | None:
        return self.best_s if statistic == "best" else self.mean_s

    def compare(self, best_s: float, mean_s: float) -> list[Comparison]:
        """Like-for-like pairs: your best with the best-of-3 norm, your mean with the mean."""
        pairs: tuple[tuple[Statistic, float, float | None], ...] = (
            ("best", best_s, self.best_s),
            ("mean", mean_s, self.mean_s),
        )
        return [Comparison(stat, yours, norm) for stat, yours, norm in pairs if norm is not None]

    def values(self) -> list[tuple[Statistic, float]]:
        found: list[tuple[Statistic, float]] = []
        if self.best_s is not None:
            found.append(("best", self.best_s))
        if self.mean_s is not None:
            found.append(("mean", self.mean_s))
        return found

    def describe(self) -> str:
        if self.group is None or not self.values():
            return self.note
        parts = [f"{STATISTIC_WORDS[stat]} {value:.1f} s" for stat, value in self.values()]
        return (
            f"Average for ages {self.group.label}, eyes {self.eyes}: "
            f"{'; '.join(parts)} (Springer 2007)."
        )


def cap_note(norm: NormLookup, cap_s: float) -> str | None:
    """Say so when a norm lies above the test's cap: nobody can reach it in this test."""
    above = [f"{STATISTIC_WORDS[s]} {v:.1f} s" for s, v in norm.values() if v > cap_s]
    if not above:
        return None
    return (
        f"Your test stops at {cap_s:g} s, below the age-group average ({', '.join(above)}): "
        f"even a perfect test cannot reach it. Choose the {FULL_CAP_S:g} s cap in Settings "
        "to compare fairly (a 45 s limit is the reliable protocol in the review by Nezic, "
        "Puh & Hlebs 2012)."
    )


def norm_for(
    birth_year: int | None,
    eyes: Eyes,
    on: date,
    *,
    birth_month: int | None = None,
    table: NormTable = SPRINGER_2007,
) -> NormLookup:
    """The Springer 2007 norms for someone born in *birth_year*, tested on *on*.

    Raises BirthYearError for a birth year in the future or before 1900.
    """
    if eyes not in ("open", "closed"):
        raise ValueError(f"eyes must be 'open' or 'closed', got {eyes!r}")
    if birth_year is None:
        return NormLookup(
            eyes,
            (),
            None,
            None,
            None,
            "Add your birth year in Settings to compare with the age-group averages "
            "(Springer 2007).",
        )
    validate_birth_year(birth_year, on.year)
    ages = possible_ages(birth_year, on, birth_month)
    if max(ages) < ADULT_AGE:
        return NormLookup(
            eyes,
            ages,
            None,
            None,
            None,
            "The published averages (Springer 2007) cover adults aged 18 and over, so no "
            "comparison is shown for your age.",
        )
    groups = {age_group(age) for age in ages}
    if len(groups) != 1 or None in groups:
        return NormLookup(
            eyes,
            ages,
            None,
            None,
            None,
            f"On this date you were {ages[0]} or {ages[-1]}, which fall in different age "
            "groups (Springer 2007): add your birth month in Settings to compare.",
        )
    group = groups.pop()
    assert group is not None
    best, mean = table.seconds(group, eyes, "best"), table.seconds(group, eyes, "mean")
    note = ARMS_CAVEAT if best is not None or mean is not None else WITHHELD_NOTE
    return NormLookup(eyes, ages, group, best, mean, note)
