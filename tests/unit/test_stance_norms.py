"""Springer 2007 norms: like-for-like pairs, every age-group boundary, age on the test date."""

from __future__ import annotations

from datetime import date

import pytest

from glutemed.stance.norms import (
    AGE_GROUPS,
    SPRINGER_2007,
    WITHHELD_NOTE,
    BirthYearError,
    NormTable,
    cap_note,
    norm_for,
    possible_ages,
    validate_birth_year,
)

ON = date(2025, 6, 15)
LABELS = ["18-39", "40-49", "50-59", "60-69", "70-79", "80+"]


def fake_table() -> NormTable:
    """Distinct made-up seconds per group, eyes and statistic (tests only, never shown)."""
    values = {}
    for g, label in enumerate(LABELS):
        for e, eyes in enumerate(("open", "closed")):
            values[(label, eyes, "best")] = 50.0 - g * 5 - e * 20
            values[(label, eyes, "mean")] = 40.0 - g * 5 - e * 20
    return NormTable(values)  # type: ignore[arg-type]


# Ages on each side of every boundary, with a birth month that makes the age certain.
BOUNDARIES = [
    (18, 0),
    (39, 0),
    (40, 1),
    (49, 1),
    (50, 2),
    (59, 2),
    (60, 3),
    (69, 3),
    (70, 4),
    (79, 4),
    (80, 5),
    (105, 5),
]


@pytest.mark.parametrize(("age", "group"), BOUNDARIES)
def test_every_boundary_pairs_best_with_best_and_mean_with_mean(age: int, group: int) -> None:
    lookup = norm_for(ON.year - age, "open", ON, birth_month=1, table=fake_table())
    assert lookup.age == age
    assert lookup.group is not None and lookup.group.label == LABELS[group]
    assert lookup.best_s == 50.0 - group * 5
    assert lookup.mean_s == 40.0 - group * 5
    pairs = {c.statistic: (c.yours_s, c.norm_s) for c in lookup.compare(30.0, 20.0)}
    assert pairs == {"best": (30.0, lookup.best_s), "mean": (20.0, lookup.mean_s)}
    closed = norm_for(ON.year - age, "closed", ON, birth_month=1, table=fake_table())
    assert closed.best_s == 30.0 - group * 5


def test_groups_cover_every_adult_age_once() -> None:
    for age in range(18, 120):
        assert sum(g.contains(age) for g in AGE_GROUPS) == 1
    assert not any(g.contains(17) for g in AGE_GROUPS)


def test_age_is_taken_on_the_test_date() -> None:
    assert possible_ages(1980, date(2025, 3, 1), birth_month=7) == (44,)
    assert possible_ages(1980, date(2025, 9, 1), birth_month=7) == (45,)
    assert possible_ages(1980, date(2025, 7, 1), birth_month=7) == (44, 45)
    assert possible_ages(1980, date(2025, 7, 1)) == (44, 45)


def test_birth_year_only_across_a_boundary_asks_for_the_month() -> None:
    lookup = norm_for(1985, "open", date(2025, 3, 1), table=fake_table())  # 39 or 40
    assert lookup.group is None and lookup.age is None
    assert "birth month" in lookup.describe()
    inside = norm_for(1980, "open", date(2025, 3, 1), table=fake_table())  # 44 or 45
    assert inside.group is not None and inside.group.label == "40-49"


def test_bundled_values_are_withheld_until_checked() -> None:
    lookup = norm_for(1980, "open", ON, birth_month=1)
    assert lookup.best_s is None and lookup.mean_s is None
    assert lookup.describe() == WITHHELD_NOTE
    assert SPRINGER_2007.values == {}


def test_cap_below_a_norm_says_it_cannot_be_reached() -> None:
    lookup = norm_for(ON.year - 30, "open", ON, birth_month=1, table=fake_table())
    note = cap_note(lookup, 30.0)
    assert note is not None
    assert "30 s" in note and "50.0 s" in note and "40.0 s" in note
    assert cap_note(lookup, 60.0) is None


def test_no_birth_year_gives_no_norm_and_says_how_to_get_one() -> None:
    lookup = norm_for(None, "open", ON)
    assert lookup.best_s is None and lookup.age is None
    assert "birth year" in lookup.describe()


def test_under_18_gets_a_note_not_a_norm() -> None:
    lookup = norm_for(ON.year - 16, "closed", ON, table=fake_table())
    assert lookup.best_s is None
    assert "18" in lookup.describe()


def test_future_birth_year_has_a_clear_message() -> None:
    with pytest.raises(BirthYearError, match=r"2031 is in the future"):
        norm_for(2031, "open", ON)


def test_birth_year_before_1900_has_a_clear_message() -> None:
    with pytest.raises(BirthYearError, match=r"1899 is before 1900"):
        validate_birth_year(1899, ON.year)
    validate_birth_year(1900, ON.year)
    validate_birth_year(ON.year, ON.year)


def test_eyes_must_be_open_or_closed() -> None:
    with pytest.raises(ValueError, match="eyes"):
        norm_for(1980, "half", ON)  # type: ignore[arg-type]
