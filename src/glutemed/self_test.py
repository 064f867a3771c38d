"""`glutemed self-test`: prove an installation works, offscreen, without touching user data."""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

Check = Callable[[Path], str]


def _check_resources(tmp: Path) -> str:
    from glutemed.catalog import load_catalog

    catalog = load_catalog()
    return f"{len(catalog.exercises)} exercises in the catalogue"


def _check_window(tmp: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from glutemed.app import build_window, create_application

    create_application(["glutemed"])
    window, store = build_window(tmp / "window-data")
    try:
        window.show()
        for key in window.page_keys():
            window.show_page(key)
            QApplication.processEvents()
            if window.current_page_key() != key:
                raise RuntimeError(f"page {key!r} did not open")
        return f"main window opened {len(window.page_keys())} pages"
    finally:
        window.close()
        window.deleteLater()
        store.close()


def _check_animations(tmp: Path) -> str:
    from glutemed.motion import load_all
    from glutemed.report.gif import render_demo

    count = 0
    for animation in load_all().values():
        for variation in animation.variation_ids:
            for side in ("left", "right"):
                out = tmp / f"{animation.exercise_id}-{variation}-{side}.png"
                render_demo(animation.exercise_id, variation, side, "best", (160, 120), out)
                if out.stat().st_size == 0:
                    raise RuntimeError(f"{out.name} is empty")
                count += 1
    return f"rendered {count} demo frames (every animation, variation and side)"


def _sample_rows(store_dir: Path) -> None:
    """A short workout, a stance trial and a pain entry, through the app's own operations."""
    from glutemed.domain.clock import FakeClock
    from glutemed.domain.records import PainLog, Routine, RoutineItem
    from glutemed.ops.data import open_data
    from glutemed.ops.pain import log_pain
    from glutemed.ops.stance import StanceRun
    from glutemed.ops.workout import WorkoutRun

    store = open_data(store_dir)
    clock, now = FakeClock(0.0), datetime.now(UTC)
    item = RoutineItem("clamshell", "standard", 1, 2, None, 0, band="red", sides="left")
    workout = WorkoutRun(store, Routine("self-test", [item]), clock, lambda: now)
    workout.start()
    while workout.running:
        clock.advance(1.0)
        workout.tick()
    stance = StanceRun(store, clock, now, "open", 45.0)
    stance.start_countdown()
    clock.advance(3.0)
    stance.tick()
    clock.advance(21.5)
    stance.stop()
    if stance.record("foot_down").saved is None:
        raise RuntimeError("the stance trial was not saved")
    log_pain(store, PainLog(now, 3, "daily", "=formula-looking note"))
    store.close()


def _check_round_trip(tmp: Path) -> str:
    from glutemed.ops.data import all_rows, export_data, import_data, open_data, read_import

    _sample_rows(tmp / "a")
    source = open_data(tmp / "a")
    export_data(source, "json", tmp / "export.json")
    export_data(source, "csv", tmp / "csv")
    expected = all_rows(source)
    source.close()
    for name, path in (("json", tmp / "export.json"), ("csv", tmp / "csv")):
        target = open_data(tmp / f"b-{name}")
        import_data(target, read_import(path), path)
        if all_rows(target) != expected:
            raise RuntimeError(f"the {name} export did not import back identically")
        target.close()
    return "database export/import round trip (json and csv)"


def checks() -> list[tuple[str, Check]]:
    return [
        ("resources", _check_resources),
        ("window", _check_window),
        ("animations", _check_animations),
        ("database", _check_round_trip),
    ]


def self_test(say: Callable[[str], object]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # No sound device offscreen is expected; keep Qt's chatter about it out of the report.
    os.environ.setdefault(
        "QT_LOGGING_RULES", "qt.multimedia*=false;qt.qpa.*=false;default.warning=false"
    )
    failures = 0
    with tempfile.TemporaryDirectory(prefix="glutemed-self-test-") as folder:
        for name, check in checks():
            tmp = Path(folder) / name
            tmp.mkdir()
            try:
                say(f"ok      {name}: {check(tmp)}")
            except Exception as exc:  # report every failure, keep checking the rest
                failures += 1
                say(f"FAILED  {name}: {type(exc).__name__}: {exc}")
                if os.environ.get("GLUTEMED_DEBUG"):
                    say(traceback.format_exc())
    say("self-test passed" if failures == 0 else f"self-test: {failures} check(s) failed")
    return 0 if failures == 0 else 1
