"""The figure as the workout player drives it: the owner's clock, rep length and signals."""

from __future__ import annotations

import pytest

from glutemed.motion import load_animation
from glutemed.ui.workout.figure import make_figure, motion_rep_seconds


def test_show_time_maps_the_owner_rep_onto_one_demo_rep(qtbot):
    figure = make_figure()
    qtbot.addWidget(figure)
    figure.set_demo("clamshell", "band", "left")
    figure.set_rep_seconds(7.0)  # e.g. a slow tempo: 7 s of session time per rep
    demo_rep = load_animation("clamshell").rep_duration("band")
    figure.show_time(3.5)
    assert figure.demo_time() == pytest.approx(demo_rep / 2)
    assert not figure.is_playing(), "the owner's clock drives it, not its own timer"


def test_a_wrap_of_the_owner_time_is_one_rep_signal(qtbot):
    figure = make_figure()
    qtbot.addWidget(figure)
    figure.set_demo("clamshell", "band", "left")
    figure.set_rep_seconds(3.0)
    seen: list[int] = []
    phases: list[str] = []
    figure.rep_completed.connect(seen.append)
    figure.phase_changed.connect(phases.append)
    for t in (0.0, 1.0, 2.9, 0.2, 2.0, 0.1):
        figure.show_time(t)
    assert seen == [1, 2]
    assert len(phases) >= 3, "phases change as the rep goes through out, hold, in"
    figure.set_demo("clamshell", "band", "right")  # a new demo starts counting from zero
    figure.show_time(1.0)
    figure.show_time(0.0)
    assert seen == [1, 2, 1]


def test_rep_seconds_follow_the_tempo():
    normal = motion_rep_seconds(1.0)("clamshell", "standard")
    faster = motion_rep_seconds(2.0)("clamshell", "standard")
    assert normal == pytest.approx(load_animation("clamshell").rep_duration("standard"))
    assert faster == pytest.approx(normal / 2)
    assert motion_rep_seconds(1.0)("no_such_exercise", "standard") > 0  # never stops a workout
