"""One rep as named phases: durations, tempo, phase lookup, the glute glow."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutemed.motion import Animation, load_animation

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"


@pytest.fixture(scope="module")
def anim() -> Animation:
    return load_animation("standing_abduction", ANIMATIONS)


def test_phases_and_rep_duration(anim: Animation) -> None:
    assert anim.phases("standard") == [("out", 1.5), ("hold", 0.5), ("in", 1.5), ("rest", 0.5)]
    assert anim.rep_duration("standard") == pytest.approx(4.0)


def test_tempo_scales_every_phase(anim: Animation) -> None:
    assert anim.rep_duration("standard", tempo=2.0) == pytest.approx(2.0)
    assert anim.phases("standard", tempo=0.5)[0] == ("out", 3.0)
    with pytest.raises(ValueError, match="tempo"):
        anim.rep_duration("standard", tempo=0)


def test_phase_at_counts_reps(anim: Animation) -> None:
    assert anim.phase_at("standard", 0.0) == ("out", 0)
    assert anim.phase_at("standard", 1.7) == ("hold", 0)
    assert anim.phase_at("standard", 3.9) == ("rest", 0)
    assert anim.phase_at("standard", 4.0) == ("out", 1)
    assert anim.phase_at("standard", 10.1) == ("in", 2)
    assert anim.phase_at("standard", 5.05, tempo=2.0) == ("in", 2)


def test_glute_works_in_out_and_hold_then_fades(anim: Animation) -> None:
    assert anim.is_active("standard", 0.2)
    assert anim.is_active("standard", 1.8)
    assert not anim.is_active("standard", 2.5)
    assert anim.glow_at("standard", 1.0) == 1.0
    assert 0.0 < anim.glow_at("standard", 2.1) < 1.0  # just after the hold
    assert anim.glow_at("standard", 3.0) == 0.0


def test_pose_follows_tempo(anim: Animation) -> None:
    slow = anim.pose_at("standard", 3.0, "right", tempo=0.5)
    normal = anim.pose_at("standard", 1.5)
    assert slow == normal
    assert normal.angle("hip_r.abd") == pytest.approx(32.0)
    assert anim.pose_at("standard", 0.0).angle("hip_r.abd") == pytest.approx(0.0)


def test_unknown_side_is_rejected(anim: Animation) -> None:
    with pytest.raises(ValueError, match="right, left"):
        anim.pose_at("standard", 0.0, "middle")
