"""Regenerate packaging/screenshots/ (README and AppStream use them), offscreen.

Run: PYTHONPATH=src python packaging/make_screenshots.py [OUT_DIR]
Uses invented demo history in a temporary folder, never your data."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1320, 860)


def _window(data_dir: Path, clock):  # type: ignore[no-untyped-def]
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
    window.resize(*SIZE)
    window.show()
    return window, store


def _settle(app, clock, seconds: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    steps = max(1, int(seconds / 0.05))
    for _ in range(steps):
        if seconds:
            clock.advance(seconds / steps)
        app.processEvents()


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import date

    from glutemed.app import create_application
    from glutemed.demo_data import fill
    from glutemed.domain.clock import FakeClock
    from glutemed.ui.common.theme import apply_theme

    app = create_application([])
    apply_theme("light")
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="glutemed-shots-"))
    fill(data_dir, years=1, end=date.today())
    clock = FakeClock()
    window, store = _window(data_dir, clock)

    exercises = window.page("exercises")
    exercises.select("side_plank_abduction", "standard")
    _settle(app, clock, 1.2)
    window.grab().save(str(out / "exercises.png"))
    exercises.select("clamshell", "band")
    _settle(app, clock, 0.9)
    window.grab().save(str(out / "exercises-clamshell.png"))

    for key in ("progress", "pain", "settings", "help"):
        window.show_page(key)
        _settle(app, clock)
        window.grab().save(str(out / f"{'pain-diary' if key == 'pain' else key}.png"))

    window.show_page("workout")
    workout = window.page("workout")
    _settle(app, clock)
    window.grab().save(str(out / "workout-routine.png"))
    workout.start_button.click()
    workout.pain_prompt.skip_button.click()
    for _ in range(200):  # through get-ready into the sixth rep, ticking like the UI does
        clock.advance(0.1)
        workout.player.tick()
    _settle(app, clock)
    window.grab().save(str(out / "workout-player.png"))
    workout.session.stop()

    apply_theme("dark")
    window.show_page("exercises")
    exercises.select("standing_abduction", "band")
    _settle(app, clock, 1.0)
    window.grab().save(str(out / "exercises-dark.png"))
    apply_theme("light")
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "screenshots")
