"""FrameGrid: solved frames kept on a grid of rep time, blended in between."""

from __future__ import annotations

import math

import pytest

from glutemed.motion import load_all
from glutemed.motion.frame_grid import STEPS_PER_S, FrameGrid

ANIMATIONS = load_all()
JUMP_M = 0.1  # a joint moving this far within 1/30 s is a jump in the animation itself


def _far(
    a: dict[str, tuple[float, float, float]], b: dict[str, tuple[float, float, float]]
) -> float:
    return max(math.dist(a[name], b[name]) for name in a)


def test_grid_points_are_the_solved_frames() -> None:
    anim = ANIMATIONS["clamshell"]
    grid = FrameGrid(anim, "band", "left")
    for index in (0, 7, 45, 119):
        t = index / STEPS_PER_S
        solved = anim.frame("band", t, "left")
        assert grid.frame(t).positions == solved.positions
        assert grid.frame(t).band == solved.band


@pytest.mark.parametrize("exercise_id", sorted(ANIMATIONS))
def test_blended_frames_stay_within_half_a_centimetre_of_the_solved_pose(
    exercise_id: str,
) -> None:
    anim = ANIMATIONS[exercise_id]
    for variation in anim.variations:
        for side in ("right", "left"):
            grid = FrameGrid(anim, variation, side)
            rep = anim.rep_duration(variation)
            jumps = 0
            for i in range(97):  # off the grid on purpose
                t = rep * (i + 0.37) / 97
                solved = anim.frame(variation, t, side)
                blended = grid.frame(t)
                step = math.floor(t * STEPS_PER_S)
                before = anim.frame(variation, step / STEPS_PER_S, side).positions
                after = anim.frame(variation, min((step + 1) / STEPS_PER_S, rep - 1e-9), side)
                if _far(before, after.positions) > JUMP_M:
                    jumps += 1  # the solved pose itself jumps here: any in-between will do
                    continue
                assert _far(blended.positions, solved.positions) < 0.005, (variation, side, t)
                assert blended.glow == pytest.approx(solved.glow, abs=0.05)
                if solved.band is not None:
                    assert blended.band is not None
                    assert (
                        max(math.dist(a, b) for a, b in zip(blended.band, solved.band, strict=True))
                        < 0.005
                    )
            assert jumps <= 5  # rare: nearly every sample is checked


def test_a_hold_is_one_frame_so_nothing_is_repainted() -> None:
    anim = ANIMATIONS["standing_abduction"]  # out 1.5 s, hold 0.5 s, in 1.5 s, rest 0.5 s
    grid = FrameGrid(anim, "standard", "right")
    assert grid.frame(1.61) is grid.frame(1.62)  # one grid step: the very same frame
    assert grid.frame(1.62).positions == grid.frame(1.91).positions
    assert grid.frame(1.0).positions != grid.frame(1.01).positions  # moving


def test_frames_wrap_and_the_grid_is_filled_once() -> None:
    anim = ANIMATIONS["wall_press_out"]
    grid = FrameGrid(anim, "standard", "right")
    rep = anim.rep_duration("standard")
    assert grid.frame(rep + 0.5).positions == grid.frame(0.5).positions
    for loop in range(10):
        for i in range(200):
            grid.frame(loop * rep + rep * i / 200)
    assert grid.solved_count <= math.ceil(rep * STEPS_PER_S) + 1
