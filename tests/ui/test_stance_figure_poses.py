"""Each stance-test screen shows the pose it names, held still while timing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from glutemed.domain.clock import FakeClock
from glutemed.motion import load_animation
from glutemed.ui.stance.figure import StanceFigure
from glutemed.ui.stance.run_view import StanceRunView
from glutemed.ui.stance.setup_view import StanceSetupView

LIFTED_BY_M = 0.1  # an ankle this much higher than the other is a lifted leg


def lifted_leg(figure: StanceFigure) -> str | None:
    """Which leg the figure shows lifted ("left"/"right"), or None on both feet."""
    widget = figure.figure
    _exercise, variation, side, _band = widget.demo()
    positions = load_animation("stance_test").frame(variation, widget.demo_time(), side).positions
    left, right = positions["ankle_l"][1], positions["ankle_r"][1]
    if abs(left - right) < LIFTED_BY_M:
        return None
    return "left" if left > right else "right"


def test_each_screen_shows_its_pose(qtbot: QtBot) -> None:
    clock = FakeClock()
    view = StanceRunView(clock)
    qtbot.addWidget(view)
    view.show()
    figure = view.figure
    view.show_ready("left", 1, "open", 45.0, can_finish=False)
    assert lifted_leg(figure) is None and not figure.figure.is_playing()  # "both feet"
    view.show_countdown(3)
    assert lifted_leg(figure) is None
    view.show_timing(0.1)  # standing on the LEFT leg: the right one is lifted
    assert lifted_leg(figure) == "right" and not figure.figure.is_playing()
    held = figure.figure.demo_time()
    clock.advance(5.0)
    view.show_timing(5.1)
    assert figure.figure.demo_time() == held  # held still, not looping
    view.show_ready("right", 1, "open", 45.0, can_finish=True)
    view.show_countdown(1)
    view.show_timing(0.2)
    assert lifted_leg(figure) == "left"
    view.drop_check.setChecked(True)  # the drop is shown moving, on request
    assert figure.figure.is_playing()


def test_setup_page_shows_the_test_pose(qtbot: QtBot) -> None:
    setup = StanceSetupView()
    qtbot.addWidget(setup)
    setup.resize(900, 500)
    setup.show()
    assert setup.figure.isVisible()
    assert lifted_leg(setup.figure) in ("left", "right")
