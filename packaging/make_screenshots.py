"""Regenerate packaging/screenshots/ (README and AppStream use them): every page, one theme.

Run offscreen:       PYTHONPATH=src python packaging/make_screenshots.py [OUT_DIR]
On a real screen:    packaging/screenshots_xvfb.sh WIDTHxHEIGHT THEME OUT_DIR [SUFFIX]
(Xvfb with the openbox window manager: the window is maximized as a person's would be.)
Options: --size WxH (offscreen window size), --theme light|dark, --suffix TEXT (added to
every file name, e.g. "-dark"). Uses invented demo history in a temporary folder, never
your data."""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1366, 768)
CLIP = HERE.parent / "tests" / "fixtures" / "pose" / "camera_test_two_trials.mp4"


def _camera_from_clip() -> None:
    """The stance page's camera plays the test clip, as tests/ui/test_stance_camera.py does."""
    from glutemed.capture import camera_support
    from glutemed.capture.video_file import VideoFileSource
    from glutemed.pose.estimator import PoseEstimator

    def support():  # type: ignore[no-untyped-def]
        return camera_support.CameraSupport(
            lambda: VideoFileSource(CLIP), PoseEstimator, lambda: True
        )

    camera_support.default_camera_support = support


def _window(data_dir: Path, clock, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    from glutemed.catalog import load_catalog
    from glutemed.store import open_store
    from glutemed.store.profile import load_profile, save_profile
    from glutemed.ui.common.events import DataEvents
    from glutemed.ui.main_window import MainWindow

    store = open_store(data_dir)
    profile = load_profile(store)
    profile.safety_acknowledged, profile.birth_year = True, 1972
    save_profile(store, profile)
    window = MainWindow(store, load_catalog(), clock, DataEvents())
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        window.resize(*size)
        window.show()
    else:  # a real screen with a window manager: fill it, as people do
        window.showMaximized()
    return window, store


def _settle(app, clock, seconds: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    steps = max(1, int(seconds / 0.05))
    for _ in range(steps):
        if seconds:
            clock.advance(seconds / steps)
        app.processEvents()
    for _ in range(5):
        app.processEvents()


def _stance(window, app, clock, save) -> None:  # type: ignore[no-untyped-def]
    from glutemed.domain.records import StanceTrial
    from glutemed.domain.vocabulary import StancePhase
    from glutemed.store.stance import create_session, save_trial

    earlier = create_session(window.store, datetime.now(UTC) - timedelta(days=14), "open", 45.0)
    for side, n, s in (("left", 1, 11.2), ("right", 1, 27.0)):
        save_trial(window.store, earlier, StanceTrial(side, n, s, "foot_down"))  # type: ignore[arg-type]
    window.show_page("stance")
    page = window.page("stance")
    _settle(app, clock)
    save("stance-setup")

    def start_timing(seconds: float) -> None:
        page.start_countdown()
        for _ in range(3):
            clock.advance(1)
            page._on_tick()
        clock.advance(seconds)
        page._on_tick()

    def trial(seconds: float, pelvis: bool = False) -> None:
        start_timing(seconds)
        if page.protocol is not None and page.protocol.phase is StancePhase.TIMING:
            page.stop_by_user()
        page.run.outcome.pelvis_check.setChecked(pelvis)
        page.run.outcome.save_button.click()

    page.setup.start_button.click()
    _settle(app, clock)
    save("stance-ready")
    for seconds, pelvis in ((16.4, True), (31.5, False), (18.2, True), (33.9, False)):
        trial(seconds, pelvis)
    start_timing(23.47)
    _settle(app, clock)
    save("stance-timing")
    page.stop_by_user()
    _settle(app, clock)
    save("stance-outcome")
    page.run.outcome.save_button.click()
    trial(30.8)
    _settle(app, clock)
    save("stance-results")
    page.go_home()


def _wait(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Real time for a window manager to map and paint a new window."""
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _show_dialog(dialog, app, clock, save, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog.show()
    _settle(app, clock, 0.2)
    _wait(app, 0.8)
    save(name, dialog)
    dialog.close()


def _stance_camera(window, app, clock, save) -> None:  # type: ignore[no-untyped-def]
    """The hands-free test, the camera played by the test clip of two short trials."""
    import time

    page = window.page("stance")
    if page._camera is None:
        return
    window.show_page("stance")
    deadline = time.monotonic() + 10
    while not page.setup.camera_button.isVisible() and time.monotonic() < deadline:
        _settle(app, clock)
    page.setup.camera_button.click()
    run = page.camera_run
    deadline, shot = time.monotonic() + 180, False
    while page.stack.currentWidget() is not page.results and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
        on_camera = run is not None and page.stack.currentWidget() is run
        if not shot and on_camera and run.camera_on.isVisible() and run.view.frames_shown > 4:
            save("stance-camera")
            shot = True
    _settle(app, clock)
    save("stance-camera-results")
    page.go_home()


def _workout(window, app, clock, save) -> None:  # type: ignore[no-untyped-def]
    from glutemed.ui.settings.safety_screen_dialog import SafetyScreenDialog

    window.show_page("workout")
    workout = window.page("workout")
    _settle(app, clock)
    save("workout-routine")  # with the morning check-in, when one is due

    def ask_safety(current):  # type: ignore[no-untyped-def]
        dialog = SafetyScreenDialog(current, window)
        _show_dialog(dialog, app, clock, save, "safety-screen")
        return dialog.answers()

    workout.ask_safety = ask_safety
    workout.start_button.click()
    _settle(app, clock)
    if workout.stack.currentWidget() is workout.changes:
        save("workout-changes")
        workout.changes.continue_button.click()
        _settle(app, clock)
    save("workout-pain")
    workout.pain_prompt.score_buttons[3].click()
    for _ in range(200):  # through get-ready into the sixth rep, ticking like the UI does
        clock.advance(0.1)
        workout.player.tick()
    _settle(app, clock)
    save("workout-player")
    for _ in range(400):  # a little further, then leave early
        clock.advance(0.25)
        workout.player.tick()
    workout.player.stop()
    _settle(app, clock)
    workout.pain_prompt.score_buttons[2].click()
    _settle(app, clock)
    save("workout-summary")
    workout.summary.close_button.click()


def _add_psfs(store) -> None:  # type: ignore[no-untyped-def]
    from glutemed.ops.programme_ops import record_psfs

    now = datetime.now(UTC)
    for weeks, scores in ((10, (3, 4, 2)), (6, (5, 5, 4)), (2, (6, 7, 5))):
        activities = ("Putting on socks", "Walking 30 minutes", "Climbing stairs")
        record_psfs(store, list(zip(activities, scores, strict=True)), now - timedelta(weeks=weeks))


def _progress_more(window, app, clock, save) -> None:  # type: ignore[no-untyped-def]
    """Progress scrolled to the function (PSFS) card, and its rating dialog."""
    window.show_page("progress")
    page = window.page("progress")
    page.scroll.ensureWidgetVisible(page.function_card)
    _settle(app, clock, 0.5)
    save("progress-function")
    dialog = page.psfs_button.open_dialog()
    _settle(app, clock, 0.2)
    _wait(app, 0.8)
    save("psfs-dialog", dialog)
    dialog.reject()


def main(out: Path, size: tuple[int, int], theme: str, suffix: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from glutemed.app import create_application
    from glutemed.demo_data import fill
    from glutemed.domain.clock import FakeClock
    from glutemed.ui.common.theme import apply_theme

    app = create_application([])
    apply_theme(theme)
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="glutemed-shots-"))
    # Ending yesterday: the last workout was yesterday evening, so the check-in is due.
    fill(data_dir, years=1, end=date.today() - timedelta(days=1))
    _camera_from_clip()
    clock = FakeClock()
    window, store = _window(data_dir, clock, size)
    _add_psfs(store)
    _settle(app, clock)
    offscreen = os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")

    def save(name: str, dialog=None) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):  # layouts asked for by the last text changes are done first
            app.processEvents()
        if dialog is None:
            shot = window.grab()
        elif offscreen:
            shot = dialog.grab()
        else:  # the dialog over the window, as the person sees it
            shot = window.screen().grabWindow(0)
        shot.save(str(out / f"{name}{suffix}.png"))

    exercises = window.page("exercises")
    _ = exercises.player  # built now, not on its first paint: every shot shows the demo
    exercises.select("side_plank_abduction", "standard")
    _settle(app, clock, 1.2)
    save("exercises")
    exercises.select("clamshell", "reverse")
    _settle(app, clock, 0.9)
    save("exercises-clamshell")
    _workout(window, app, clock, save)
    _stance_camera(window, app, clock, save)  # first: the manual test stays the latest
    _stance(window, app, clock, save)
    for key in ("progress", "pain", "settings", "help"):
        window.show_page(key)
        _settle(app, clock, 0.5)
        save("pain-diary" if key == "pain" else key)
    _progress_more(window, app, clock, save)
    store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=HERE / "screenshots")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    main(args.out, (width, height), args.theme, args.suffix)
