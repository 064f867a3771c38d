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
    from glutemed.domain.records import PainLog, SetLog
    from glutemed.store import open_store
    from glutemed.store.pain import add_pain
    from glutemed.store.workouts import end_session, log_set, start_session

    store = open_store(store_dir)
    now = datetime.now(UTC)
    session = start_session(store, now)
    log_set(
        store, SetLog(session, "clamshell", "standard", "left", 1, 12, 12, None, "red", now, now)
    )
    end_session(store, session, now, notes="=formula-looking note")
    add_pain(store, PainLog(now, 3, "daily", "self-test"))
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO stance_sessions(taken_at, eyes, cap_s) VALUES (?, 'open', 45)",
            (now.isoformat(),),
        )
        conn.execute(
            "INSERT INTO stance_trials(stance_session_id, side, trial_no, seconds, ended_by) "
            "VALUES (1, 'left', 1, 21.5, 'foot_down')"
        )
    store.close()


def _check_round_trip(tmp: Path) -> str:
    from glutemed.store import open_store
    from glutemed.store.transfer import export_csv, export_json, import_path, read_tables

    _sample_rows(tmp / "a")
    source = open_store(tmp / "a")
    export_json(source, tmp / "export.json")
    export_csv(source, tmp / "csv")
    expected = read_tables(source)
    source.close()
    for name, path in (("json", tmp / "export.json"), ("csv", tmp / "csv")):
        target = open_store(tmp / f"b-{name}")
        import_path(target, path)
        if read_tables(target) != expected:
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
