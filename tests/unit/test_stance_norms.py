"""Springer 2007 norms: every age-group boundary, both eye conditions, bad birth years."""

from __future__ import annotations

import pytest

from glutemed.stance.norms import AGE_GROUPS, BirthYearError, norm_for, validate_birth_year

YEAR = 2025

# (age, eyes open, eyes closed) on each side of every boundary (CONTENT.md table).
BOUNDARIES = [
    (18, 43.0, 9.0),
    (39, 43.0, 9.0),
    (40, 40.0, 7.0),
    (49, 40.0, 7.0),
    (50, 37.0, 4.8),
    (59, 37.0, 4.8),
    (60, 26.9, 2.8),
    (69, 26.9, 2.8),
    (70, 18.3, 2.0),
    (79, 18.3, 2.0),
    (80, 5.6, 1.0),
    (99, 5.6, 1.0),
]


@pytest.mark.parametrize(("age", "open_s", "closed_s"), BOUNDARIES)
def test_age_group_boundaries(age: int, open_s: float, closed_s: float) -> None:
    eyes_open = norm_for(YEAR - age, "open", YEAR)
    eyes_closed = norm_for(YEAR - age, "closed", YEAR)
    assert eyes_open.age == age
    assert eyes_open.seconds == open_s
    assert eyes_closed.seconds == closed_s
    assert "arms crossed" in eyes_open.note
    assert "Springer 2007" in eyes_open.describe()


def test_groups_cover_18_to_99_without_gaps() -> None:
    ages = [a for g in AGE_GROUPS for a in range(g.low, g.high + 1)]
    assert ages == list(range(18, 100))


def test_no_birth_year_gives_no_norm_and_says_how_to_get_one() -> None:
    lookup = norm_for(None, "open", YEAR)
    assert lookup.seconds is None and lookup.age is None
    assert "birth year" in lookup.describe()


def test_under_18_gets_a_note_not_a_norm() -> None:
    lookup = norm_for(YEAR - 17, "closed", YEAR)
    assert lookup.seconds is None
    assert lookup.age == 17
    assert "18" in lookup.describe()


def test_over_99_gets_a_note_not_a_norm() -> None:
    lookup = norm_for(YEAR - 100, "open", YEAR)
    assert lookup.seconds is None
    assert "18-99" in lookup.note


def test_future_birth_year_has_a_clear_message() -> None:
    with pytest.raises(BirthYearError, match=r"2031 is in the future"):
        norm_for(2031, "open", YEAR)


def test_birth_year_before_1900_has_a_clear_message() -> None:
    with pytest.raises(BirthYearError, match=r"1899 is before 1900"):
        validate_birth_year(1899, YEAR)
    validate_birth_year(1900, YEAR)
    validate_birth_year(YEAR, YEAR)


def test_eyes_must_be_open_or_closed() -> None:
    with pytest.raises(ValueError, match="eyes"):
        norm_for(1980, "half", YEAR)  # type: ignore[arg-type]
