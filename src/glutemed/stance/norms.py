"""Age-group norms for single-leg stance (Springer et al. 2007) and birth-year checks."""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.domain.rules import OLDEST_BIRTH_YEAR
from glutemed.domain.vocabulary import Eyes

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


@dataclass(frozen=True)
class AgeGroup:
    low: int
    high: int
    eyes_open_s: float
    eyes_closed_s: float

    @property
    def label(self) -> str:
        return f"{self.low}-{self.high}"

    def seconds(self, eyes: Eyes) -> float:
        return self.eyes_open_s if eyes == "open" else self.eyes_closed_s


# Mean seconds per age group, as reproduced by Physiopedia from Springer 2007 (CONTENT.md).
AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup(18, 39, 43.0, 9.0),
    AgeGroup(40, 49, 40.0, 7.0),
    AgeGroup(50, 59, 37.0, 4.8),
    AgeGroup(60, 69, 26.9, 2.8),
    AgeGroup(70, 79, 18.3, 2.0),
    AgeGroup(80, 99, 5.6, 1.0),
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


def age_in(birth_year: int, year: int) -> int:
    """Age reached during *year* (may be one more than the age on a given day)."""
    return year - birth_year


def age_group(age: int) -> AgeGroup | None:
    for group in AGE_GROUPS:
        if group.low <= age <= group.high:
            return group
    return None


@dataclass(frozen=True)
class NormLookup:
    """The norm to compare with, or why there is none (`note`)."""

    eyes: Eyes
    age: int | None
    group: AgeGroup | None
    note: str

    @property
    def seconds(self) -> float | None:
        return self.group.seconds(self.eyes) if self.group else None

    def describe(self) -> str:
        if self.group is None:
            return self.note
        return (
            f"Average for ages {self.group.label}, eyes {self.eyes}: "
            f"{self.group.seconds(self.eyes):.1f} s (Springer 2007)."
        )


def norm_for(birth_year: int | None, eyes: Eyes, year: int) -> NormLookup:
    """The Springer 2007 age-group mean for someone born in *birth_year*, tested in *year*.

    Raises BirthYearError for a birth year in the future or before 1900.
    """
    if eyes not in ("open", "closed"):
        raise ValueError(f"eyes must be 'open' or 'closed', got {eyes!r}")
    if birth_year is None:
        return NormLookup(
            eyes,
            None,
            None,
            "Add your birth year in Settings to compare with the age-group averages "
            "(Springer 2007).",
        )
    validate_birth_year(birth_year, year)
    age = age_in(birth_year, year)
    if age < ADULT_AGE:
        return NormLookup(
            eyes,
            age,
            None,
            "The published averages (Springer 2007) cover adults aged 18-99, so no comparison "
            "is shown for your age.",
        )
    group = age_group(age)
    if group is None:
        return NormLookup(
            eyes,
            age,
            None,
            "The published averages (Springer 2007) cover ages 18-99, so no comparison "
            "is shown for your age.",
        )
    return NormLookup(eyes, age, group, ARMS_CAVEAT)
