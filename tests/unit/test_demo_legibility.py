"""Every demo reads at a glance in the view a user first sees (its best view).

Measured from the 3D motion and the painter's own camera and framing (see
glutemed.motion.legibility). The cases come from the catalogue plus the stance test,
so an exercise added to exercises.toml is covered as soon as it has an animation.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from glutemed.catalog import load_catalog
from glutemed.motion import Animation, load_all
from glutemed.motion.legibility import (
    MIN_FILL,
    MIN_PATH_RATIO,
    MIN_SEGMENT_RATIO,
    measure,
)

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"
ALL = load_all(ANIMATIONS)
# Demos that are not catalogue exercises but are shown in the app.
EXTRA_DEMOS = {"stance_test": ("standard", "pelvic_drop")}


def _cases() -> list[tuple[str, str, str]]:
    catalogue = {e.id: tuple(v.id for v in e.variations) for e in load_catalog().exercises}
    demos = {**catalogue, **EXTRA_DEMOS}
    return [(e, v, s) for e, vs in demos.items() for v in vs for s in ("right", "left")]


def test_every_catalogue_exercise_and_variation_has_a_demo() -> None:
    for exercise in load_catalog().exercises:
        assert exercise.id in ALL, f"{exercise.id} has no animation"
        assert set(ALL[exercise.id].variation_ids) == {v.id for v in exercise.variations}


@pytest.mark.parametrize(("exercise", "variation", "side"), _cases())
def test_default_view_shows_the_working_movement(exercise: str, variation: str, side: str) -> None:
    seen = measure(ALL[exercise], variation, side)
    assert seen.problems() == [], seen
    assert seen.path_ratio >= MIN_PATH_RATIO
    assert seen.travel >= seen.min_travel >= 0.03
    assert seen.min_segment_ratio >= MIN_SEGMENT_RATIO
    assert seen.head_clearance > 0.0
    assert seen.fill >= MIN_FILL


def test_floors_below_the_default_are_justified() -> None:
    for exercise, anim in ALL.items():
        for vid in anim.variation_ids:
            working = anim.variation(vid).working
            if working.min_travel < 0.12:
                assert len(working.why) > 20, f"{exercise}/{vid} lowers the floor without a reason"


def _looking(anim: Animation, yaw: float, pitch: float) -> Animation:
    return replace(anim, best_view=(yaw, pitch))


def test_motion_along_the_line_of_sight_is_caught() -> None:
    # Standing abduction seen exactly from the side: the leg swings towards the camera.
    side_on = measure(_looking(ALL["standing_abduction"], -90.0, 0.0), "standard")
    assert side_on.path_ratio < MIN_PATH_RATIO
    assert any("line of sight" in p for p in side_on.problems())


def test_a_small_movement_and_a_tangled_view_are_caught() -> None:
    # The clamshell from straight above: the knee rises towards the camera.
    above = measure(_looking(ALL["clamshell"], 0.0, 90.0), "standard")
    assert above.travel < above.min_travel
    # The fire hydrant from straight in front: the head hides the hips and legs.
    front = measure(_looking(ALL["fire_hydrant"], 0.0, 30.0), "standard")
    assert front.head_clearance <= 0.0
    assert "head and working leg overlap" in front.problems()


def test_foreshortened_working_segment_is_caught() -> None:
    # The side plank seen along the body: the lifted leg points at the camera.
    top = measure(_looking(ALL["side_plank_abduction"], -90.0, 0.0), "standard")
    assert top.min_segment_ratio < MIN_SEGMENT_RATIO


@pytest.mark.parametrize("exercise", sorted(ALL))
def test_front_and_side_views_never_draw_the_leg_across_the_head(exercise: str) -> None:
    anim = ALL[exercise]
    for vid in anim.variation_ids:
        for view in ("front", "side"):
            assert measure(anim, vid, "right", view).head_clearance > 0.0, (vid, view)
