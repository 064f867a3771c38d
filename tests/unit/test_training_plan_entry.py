"""Default routine and the prescribed-plan quick entry."""

from __future__ import annotations

import pytest

from glutemed.catalog import load_catalog
from glutemed.domain.records import Routine, RoutineItem
from glutemed.training.plan_parser import PlanError, format_plan, parse_plan
from glutemed.training.routines import (
    SWAP_ONLY,
    RoutineError,
    check_routine,
    default_routine,
    dose_text,
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_default_routine_is_the_five_exercises_at_catalogue_doses(catalog):
    routine = default_routine(catalog)
    main = [e for e in catalog.exercises if e.id not in SWAP_ONLY]  # side-lying is a swap
    assert [i.exercise_id for i in routine.items] == [e.id for e in main]
    assert len(routine.items) == 5
    for item, exercise in zip(routine.items, main, strict=True):
        assert (item.sets, item.reps, item.hold_s, item.rest_s) == (
            exercise.dose.sets,
            exercise.dose.reps,
            exercise.dose.hold_s,
            exercise.dose.rest_s,
        )
        assert item.sides == "both" and item.variation_id == "standard"
    check_routine(routine, catalog)


def test_default_routine_options_add_reverse_clam_and_hydrant_extension(catalog):
    items = default_routine(catalog, include_options=True).items
    pairs = [(i.exercise_id, i.variation_id) for i in items]
    assert ("clamshell", "reverse") in pairs and ("fire_hydrant", "extension") in pairs
    assert pairs.index(("clamshell", "reverse")) == pairs.index(("clamshell", "standard")) + 1


def test_check_routine_names_the_problem(catalog):
    bad = Routine("x", [RoutineItem("clamshell", "sideways", 3, 12, None, 60)])
    with pytest.raises(RoutineError, match="sideways"):
        check_routine(bad, catalog)
    with pytest.raises(RoutineError, match="sets"):
        check_routine(Routine("x", [RoutineItem("clamshell", "standard", 0, 12, None, 60)]))
    with pytest.raises(RoutineError, match="no exercises"):
        check_routine(Routine("x", []))


def test_dose_text():
    assert dose_text(RoutineItem("clamshell", "standard", 3, 12, None, 60)) == "3 x 12, rest 60 s"
    plank = RoutineItem("side_plank_abduction", "standard", 1, 5, 10.0, 45, sides="left")
    assert dose_text(plank) == "1 x 5 holds of 10 s, rest 45 s, left side only"


def test_parse_the_example_line(catalog):
    [item] = parse_plan("clamshell 3x12 rest 45 band red", catalog)
    assert (item.exercise_id, item.variation_id) == ("clamshell", "band")
    assert (item.sets, item.reps, item.hold_s, item.rest_s, item.band, item.sides) == (
        3,
        12,
        None,
        45.0,
        "red",
        "both",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Reverse clam 2 x 10 left", ("clamshell", "reverse", 2, 10, None, 60.0, None, "left")),
        (
            "reverse clams 2x10 red band",
            ("clamshell", "reverse_band", 2, 10, None, 60.0, "red", "both"),
        ),
        (
            "side plank 2x5x10s rest 30",
            ("side_plank_abduction", "standard", 2, 5, 10.0, 30.0, None, "both"),
        ),
        (
            "side plank forward 5x12s",
            ("side_plank_abduction", "forward", 1, 5, 12.0, 45.0, None, "both"),
        ),
        ("side plank 2x6", ("side_plank_abduction", "standard", 2, 6, 10.0, 45.0, None, "both")),
        (
            "fire hydrant extension 3 sets 12 reps rest 1:30",
            ("fire_hydrant", "extension", 3, 12, None, 90.0, None, "both"),
        ),
        ("Wall press-outs", ("wall_press_out", "standard", 2, 12, None, 60.0, None, "both")),
        (
            "standing_abduction 2x15 rest 1m band yellow right only",
            ("standing_abduction", "band", 2, 15, None, 60.0, "yellow", "right"),
        ),
        (
            "hip abduction, 3×10, rest 45s",
            ("standing_abduction", "standard", 3, 10, None, 45.0, None, "both"),
        ),
        ("clamshell 3x12 hold 5s", ("clamshell", "standard", 3, 12, 5.0, 60.0, None, "both")),
        (
            "clamshell variation reverse 3x8",
            ("clamshell", "reverse", 3, 8, None, 60.0, None, "both"),
        ),
    ],
)
def test_parse_lines(catalog, line, expected):
    [item] = parse_plan(line, catalog)
    got = (
        item.exercise_id,
        item.variation_id,
        item.sets,
        item.reps,
        item.hold_s,
        item.rest_s,
        item.band,
        item.sides,
    )
    assert got == expected


def test_comments_and_blank_lines_are_ignored(catalog):
    items = parse_plan(
        "# from my physio\n\nclamshell 3x12  # both sides\nfire hydrant 2x10\n", catalog
    )
    assert [i.exercise_id for i in items] == ["clamshell", "fire_hydrant"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("clamshel 3x12", r"line 1 \('clamshel 3x12'\): unknown exercise 'clamshel'"),
        ("clamshell 3x12\nside plank 0x5", r"line 2 .*sets must be 1-20, got 0"),
        ("clamshell 3x12 rest soon", r"line 1 .*rest needs a time"),
        ("clamshell 3x12 band purple", r"unknown band colour 'purple' \(valid: tan, yellow"),
        ("clamshell 3x12 band", r"'band' needs a colour"),
        ("side plank 5x10s band red", r"done without a band"),
        ("clamshell sideways 3x12", r"no variation 'sideways'"),
        ("3x12", r"starts with no exercise name"),
        ("clamshell 12", r"does not know what '12' counts"),
        ("clamshell 3x500", r"reps must be 1-200"),
        ("", r"the plan is empty"),
    ],
)
def test_bad_lines_name_the_line_and_the_problem(catalog, text, message):
    with pytest.raises(PlanError, match=message):
        parse_plan(text, catalog)


def test_format_plan_round_trips(catalog):
    items = default_routine(catalog, include_options=True).items
    items[1].band = "green"
    items[1].variation_id = "band"
    items[0].sides = "right"
    assert parse_plan(format_plan(items), catalog) == items
