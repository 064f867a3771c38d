"""The figure adapter: stand-in signals like the demo, rep length follows the tempo."""

from __future__ import annotations

import pytest

from glutemed.ui.workout_figure import StandInFigure, make_figure, motion_rep_seconds


def test_stand_in_counts_a_rep_each_time_the_rep_clock_wraps(qtbot):
    figure = StandInFigure()
    qtbot.addWidget(figure)
    figure.set_demo("clamshell", "band", "left")
    seen: list[int] = []
    figure.rep_completed.connect(seen.append)
    for t in (0.0, 1.0, 3.0, 0.2, 2.0, 0.1):
        figure.show_time(t)
    assert seen == [1, 2]
    figure.set_demo("clamshell", "band", "right")  # a new demo starts from zero
    figure.show_time(1.0)
    figure.show_time(0.0)
    assert seen == [1, 2, 1]


def test_make_figure_has_the_interface_the_player_drives(qtbot):
    figure = make_figure()
    qtbot.addWidget(figure)
    for name in ("set_demo", "set_band_level", "show_time", "rep_completed"):
        assert hasattr(figure, name), name


def test_rep_seconds_follow_the_tempo():
    normal = motion_rep_seconds(1.0)("clamshell", "standard")
    faster = motion_rep_seconds(2.0)("clamshell", "standard")
    assert normal > 0
    assert faster == pytest.approx(normal / 2)
    assert motion_rep_seconds(1.0)("no_such_exercise", "standard") > 0  # never stops a workout
