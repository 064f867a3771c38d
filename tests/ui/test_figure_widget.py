"""FigureWidget and DemoPlayer driven by a fake clock: no sleeping, no real time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from glutemed.domain.clock import FakeClock
from glutemed.motion import load_animation
from glutemed.ui.exercises.demo_player import DemoPlayer
from glutemed.ui.figure.widget import FigureWidget

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"


def _loader(exercise_id: str):  # type: ignore[no-untyped-def]
    return load_animation(exercise_id, ANIMATIONS)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(100.0)


@pytest.fixture
def figure(qtbot, clock: FakeClock) -> FigureWidget:  # type: ignore[no-untyped-def]
    widget = FigureWidget(clock=clock, loader=_loader)
    widget.resize(400, 300)
    qtbot.addWidget(widget)
    widget.set_demo("standing_abduction", "standard", "right")
    return widget


def _grab(widget: FigureWidget) -> QImage:
    return widget.grab().toImage()


def test_play_pause_follow_the_clock(figure: FigureWidget, clock: FakeClock) -> None:
    figure.play()
    clock.advance(1.0)
    assert figure.demo_time() == pytest.approx(1.0)
    figure.pause()
    clock.advance(5.0)
    assert figure.demo_time() == pytest.approx(1.0)
    assert not figure.is_playing()
    figure.play()
    clock.advance(0.5)
    assert figure.demo_time() == pytest.approx(1.5)


def test_speed_scales_elapsed_time_from_now_on(figure: FigureWidget, clock: FakeClock) -> None:
    figure.play()
    clock.advance(1.0)
    figure.set_speed(2.0)
    clock.advance(1.0)
    assert figure.demo_time() == pytest.approx(3.0)
    figure.set_speed(0.5)
    clock.advance(2.0)
    assert figure.demo_time() == pytest.approx(4.0)
    with pytest.raises(ValueError, match=r"between 0\.5 and 2\.0"):
        figure.set_speed(3.0)


def test_step_moves_one_frame_and_pauses(figure: FigureWidget, clock: FakeClock) -> None:
    figure.play()
    clock.advance(0.5)
    figure.step()
    assert not figure.is_playing()
    assert figure.demo_time() == pytest.approx(0.5 + 1 / 30)


def test_frames_differ_as_time_passes(figure: FigureWidget, clock: FakeClock) -> None:
    figure.play()
    before = _grab(figure)
    clock.advance(1.5)
    figure.refresh()
    assert _grab(figure) != before


def test_view_presets_change_the_camera(figure: FigureWidget) -> None:
    assert figure.camera_angles() == (-20.0, 10.0)  # the exercise's best view
    best = _grab(figure)
    figure.set_view("side")
    assert figure.camera_angles() == (-90.0, 0.0)
    assert _grab(figure) != best
    figure.set_view("top")
    assert figure.camera_angles() == (0.0, 90.0)
    figure.set_view("front")
    assert figure.camera_angles() == (0.0, 0.0)
    with pytest.raises(ValueError, match="front, side, top, best"):
        figure.set_view("underneath")


def test_best_view_follows_the_variation_and_side_lying_side_view(figure: FigureWidget) -> None:
    figure.set_demo("side_plank_abduction", "standard", "right")
    assert figure.camera_angles() == (10.0, 10.0)
    figure.set_demo("side_plank_abduction", "forward", "right")
    assert figure.camera_angles() == (40.0, 12.0)  # its own view: the leg swings forward
    figure.set_demo("side_plank_abduction", "forward", "left")
    assert figure.camera_angles() == (-40.0, 12.0)  # mirrored with the demo
    figure.set_view("side")  # lying on the side: its side faces up, so seen from above
    assert figure.camera_angles() == (0.0, 60.0)


def _send_mouse(widget: FigureWidget, kind: QEvent.Type, x: float, y: float) -> None:
    buttons = (
        Qt.MouseButton.NoButton
        if kind == QEvent.Type.MouseButtonRelease
        else (Qt.MouseButton.LeftButton)
    )
    event = QMouseEvent(
        kind,
        QPointF(x, y),
        QPointF(x, y),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_drag_orbits_and_double_click_resets(qtbot, figure: FigureWidget) -> None:  # type: ignore[no-untyped-def]
    figure.set_view("front")
    _send_mouse(figure, QEvent.Type.MouseButtonPress, 100, 100)
    _send_mouse(figure, QEvent.Type.MouseMove, 150, 120)
    _send_mouse(figure, QEvent.Type.MouseButtonRelease, 150, 120)
    yaw, pitch = figure.camera_angles()
    assert yaw == pytest.approx(-20.0)  # 50 px left-to-right turns the camera 20 degrees
    assert pitch == pytest.approx(8.0)
    qtbot.mouseDClick(figure, Qt.MouseButton.LeftButton, pos=QPoint(150, 120))
    assert figure.camera_angles() == (0.0, 0.0)


def test_side_switch_mirrors_the_figure(figure: FigureWidget) -> None:
    figure.set_view("front")
    right = _grab(figure)
    figure.set_side("left")
    assert figure.side() == "left"
    left = _grab(figure)
    assert left != right
    # From the front the left-side demo is the right-side one seen in a mirror
    # (allowing for antialiased edges landing on slightly different pixels).
    flipped = right.flipped(Qt.Orientation.Horizontal)
    differing = sum(
        _far_apart(flipped.pixelColor(x, y), left.pixelColor(x, y))
        for x in range(0, left.width(), 3)
        for y in range(0, left.height(), 3)
    )
    assert differing < 0.003 * (left.width() // 3) * (left.height() // 3)
    assert sum(  # whereas the unmirrored picture really is different
        _far_apart(right.pixelColor(x, y), left.pixelColor(x, y))
        for x in range(0, left.width(), 3)
        for y in range(0, left.height(), 3)
    ) > 0.01 * (left.width() // 3) * (left.height() // 3)


def _far_apart(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) > 80


def test_rep_signals_match_reps_over_a_driven_clock(
    qtbot,
    figure: FigureWidget,  # type: ignore[no-untyped-def]
    clock: FakeClock,
) -> None:
    reps: list[int] = []
    phases: list[str] = []
    figure.rep_completed.connect(reps.append)
    figure.phase_changed.connect(phases.append)
    figure.play()
    rep = figure.rep_duration()
    for _ in range(int(3.5 * rep / 0.05)):
        clock.advance(0.05)
        figure.refresh()
    assert reps == [1, 2, 3]
    assert figure.current_phase() == "hold"  # 3.5 reps in
    assert phases[:4] == ["hold", "in", "rest", "out"]  # "out" was announced on set_demo
    clock.advance(2 * rep)  # a stall: the widget catches up, one signal per rep
    figure.refresh()
    assert reps == [1, 2, 3, 4, 5]


def test_rep_signals_follow_speed(figure: FigureWidget, clock: FakeClock) -> None:
    reps: list[int] = []
    figure.rep_completed.connect(reps.append)
    figure.set_speed(2.0)
    figure.play()
    for _ in range(40):  # 8 s of clock at 2x = four 4-second reps
        clock.advance(0.2)
        figure.refresh()
    assert reps == [1, 2, 3, 4]


def test_without_loop_one_rep_plays_then_stops(figure: FigureWidget, clock: FakeClock) -> None:
    reps: list[int] = []
    figure.rep_completed.connect(reps.append)
    figure.set_loop(False)
    figure.play()
    for _ in range(30):
        clock.advance(0.5)
        figure.refresh()
    assert reps == [1]
    assert not figure.is_playing()


def test_show_time_lets_an_owner_drive_the_figure(figure: FigureWidget, clock: FakeClock) -> None:
    reps: list[int] = []
    figure.rep_completed.connect(reps.append)
    figure.play()
    figure.show_time(1.5)
    clock.advance(10.0)
    figure.refresh()
    assert figure.demo_time() == pytest.approx(1.5)
    assert not figure.is_playing()
    assert reps == []


def test_band_colour_follows_the_level(figure: FigureWidget) -> None:
    figure.set_demo("standing_abduction", "band", "right")
    figure.set_band_level("yellow")
    yellow = _grab(figure)
    figure.set_band_level("blue")
    assert _grab(figure) != yellow
    with pytest.raises(ValueError, match="tan, yellow, red"):
        figure.set_band_level("purple")


def test_unknown_demo_lists_valid_ids(figure: FigureWidget) -> None:
    with pytest.raises(ValueError, match="standard, band"):
        figure.set_demo("standing_abduction", "hopping")


def test_demo_player_controls_drive_the_figure(qtbot, clock: FakeClock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GLUTEMED_BUNDLE_DIR", str(ANIMATIONS.parent))
    player = DemoPlayer(clock=clock)
    qtbot.addWidget(player)
    player.set_demo("clamshell", "reverse", "right")
    assert player.figure.is_playing()
    qtbot.mouseClick(
        player.findChild(type(player.play_button), "playButton"), Qt.MouseButton.LeftButton
    )
    assert not player.figure.is_playing()
    assert player.play_button.text() == "Play"
    player.speed_combo.setCurrentIndex(player.speed_combo.findData(2.0))
    assert player.figure.speed() == 2.0
    player.side_combo.setCurrentIndex(1)
    assert player.figure.side() == "left"
    qtbot.mouseClick(
        player.findChild(type(player.play_button), "viewTopButton"), Qt.MouseButton.LeftButton
    )
    assert player.figure.camera_angles()[1] == 90.0
    player.loop_check.setChecked(False)
    assert player.findChild(FigureWidget, "figureWidget") is player.figure


def test_demo_player_saves_what_it_shows(qtbot, clock: FakeClock, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GLUTEMED_BUNDLE_DIR", str(ANIMATIONS.parent))
    player = DemoPlayer(clock=clock)
    qtbot.addWidget(player)
    player.set_demo("wall_press_out", "band", "left")
    player.figure.set_band_level("blue")
    assert player.figure.demo() == ("wall_press_out", "band", "left", "blue")
    out = tmp_path / "press.png"
    player.save_gif(str(out), (120, 90))
    assert out.stat().st_size > 0
