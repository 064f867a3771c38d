"""The plan file: round trip, per-side doses, and clean file:line errors for bad files."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glutemed.catalog import load_catalog
from glutemed.domain.records import RoutineItem
from glutemed.training.plan_file import PlanError, PlanMeta, parse_plan, render_plan

CATALOG = load_catalog()
META = PlanMeta("Home plan", "Sam Physio", 'Keep the "pelvis" still.', True, False)
ITEMS = (
    RoutineItem("clamshell", "band", 3, 12, None, 60.0, "yellow", "left"),
    RoutineItem("clamshell", "band", 2, 12, None, 60.0, "tan", "right"),
    RoutineItem("side_plank_abduction", "standard", 1, 5, 10.0, 45.0, None, "both"),
    RoutineItem("fire_hydrant", "extension", 2, 10, None, 30.0, None, "right"),
)

GOOD = """format = 1
name = "Home plan"
clinician = "Sam Physio"
locked = true

[[exercise]]
id = "clamshell"
variation = "band"
sets = 2
reps = 12
band = "tan"
[exercise.left]
sets = 3
band = "yellow"

[[exercise]]
id = "wall_press_out"
"""


def test_round_trip_keeps_every_value() -> None:
    text = render_plan(META, ITEMS)
    plan = parse_plan(text, CATALOG, "plan.toml")
    assert plan.meta == META
    assert plan.items == ITEMS
    assert render_plan(plan.meta, plan.items) == text  # stable: exporting again is identical


def test_per_side_tables_override_exercise_defaults() -> None:
    plan = parse_plan(GOOD, CATALOG)
    left, right, wall = plan.items
    assert (left.sides, left.sets, left.band) == ("left", 3, "yellow")
    assert (right.sides, right.sets, right.band) == ("right", 2, "tan")
    assert (wall.sides, wall.sets, wall.reps, wall.rest_s) == ("both", 2, 12, 60.0)  # catalogue
    assert plan.meta.locked and plan.meta.progression


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('id = "wall_press_out"', 'id = "wall_sit"'), r"plan.toml:17: .*wall_sit"),
        (("sets = 3", "sets = 0"), r"plan.toml:13: sets must be from 1 to 10, got 0"),
        (("sets = 3", "sets = 2.5"), r"plan.toml:13: sets must be a whole number"),
        (('band = "yellow"', 'band = "purple"'), r"plan.toml:14: .*purple"),
        (("locked = true", 'locked = "yes"'), r"plan.toml:4: locked must be true or false"),
        (("[exercise.left]", "[exercise.middle]"), r"plan.toml:6: unknown key 'middle'"),
        (("format = 1", "format = 2"), r"plan.toml:1: format must be 1"),
        (('name = "Home plan"', 'name = ""'), r"plan.toml:2: the plan needs name"),
        (("reps = 12", "reps = [12"), r"plan.toml:1[01]: not valid TOML"),
    ],
)
def test_bad_values_name_file_and_line(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(PlanError, match=expected):
        parse_plan(GOOD.replace(*change, 1), CATALOG, "plan.toml")


def test_band_on_a_variation_without_band_is_refused() -> None:
    text = """name = "x"\n[[exercise]]\nid = "wall_press_out"\nband = "red"\n"""
    with pytest.raises(PlanError, match=r"plan:4: Wall squat press-outs has no band"):
        parse_plan(text, CATALOG)


def test_side_table_must_match_sides() -> None:
    text = (
        'name = "x"\n[[exercise]]\nid = "clamshell"\nsides = "right"\n[exercise.left]\nsets = 2\n'
    )
    with pytest.raises(PlanError, match=r"plan:5: \[exercise.left\] given but sides"):
        parse_plan(text, CATALOG)


def test_no_exercises_is_refused() -> None:
    with pytest.raises(PlanError, match="at least one"):
        parse_plan('name = "x"\n', CATALOG)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_plan_or_a_plan_error(text: str) -> None:
    try:
        parse_plan(text, CATALOG, "f.toml")
    except PlanError as exc:
        assert str(exc).startswith("f.toml:")


TOKENS = st.sampled_from(
    ["sets", "reps", "hold_s", "band", "rest_s", "sides", "id", "variation", "left", "x"]
)
VALUES = st.one_of(
    st.integers(-5, 200),
    st.floats(allow_nan=True),
    st.booleans(),
    st.sampled_from(['"red"', '"both"', '"left"', '"clamshell"', '"zz"', "[1]", "{a=1}"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TOKENS, VALUES), max_size=6))
def test_mutated_exercise_tables_never_crash(pairs: list[tuple[str, object]]) -> None:
    body = "\n".join(f"{k} = {str(v).lower() if isinstance(v, bool) else v}" for k, v in pairs)
    text = f'name = "p"\n[[exercise]]\nid = "clamshell"\n{body}\n'
    try:
        plan = parse_plan(text, CATALOG, "m.toml")
    except PlanError as exc:
        assert str(exc).startswith("m.toml:")
    else:
        assert all(1 <= i.sets <= 10 for i in plan.items)
