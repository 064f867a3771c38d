"""startup_ratio (app vs bare PySide6 window) and set_commit_median_ms (WAL + FULL)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("startup_child.py")

Row = tuple[str, float, str, str]


def _start_once(mode: str, data_dir: Path) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(CHILD), mode, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("painted "))
    painted = float(line.split()[1])
    return painted - started, line.split("heavy=")[1]


def startup_ratio(runs: int) -> tuple[float, str]:
    import compileall

    from glutemed.store import open_store

    # An installed app starts from compiled bytecode (pip and PyInstaller compile it), like
    # the PySide6 modules the bare window imports; this machine sets
    # PYTHONDONTWRITEBYTECODE, so compile the source tree once rather than on every start.
    compileall.compile_dir(str(ROOT / "src" / "glutemed"), quiet=1)
    from glutemed.store.profile import load_profile, save_profile

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        store = open_store(data_dir)
        profile = load_profile(store)
        profile.safety_acknowledged = True
        save_profile(store, profile)
        store.close()
        bare, app, heavy = [], [], set()
        for _ in range(runs):  # alternate so both see the same machine state
            bare.append(_start_once("bare", data_dir)[0])
            seconds, loaded = _start_once("app", data_dir)
            app.append(seconds)
            heavy.add(loaded)
    return statistics.median(app) / statistics.median(bare), ",".join(sorted(heavy))


def set_commit_median_ms(count: int) -> float:
    from glutemed.domain.records import SetLog
    from glutemed.store import open_store
    from glutemed.store.workouts import log_set, start_session

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        session = start_session(store, datetime.now(UTC))
        times = []
        for n in range(count):
            now = datetime.now(UTC)
            entry = SetLog(
                session, "clamshell", "standard", "left", n + 1, 12, 12, None, None, now, now
            )
            started = time.perf_counter()
            log_set(store, entry)
            times.append((time.perf_counter() - started) * 1000)
        store.close()
    return statistics.median(times)


def run(quick: bool) -> list[Row]:
    ratio, heavy = startup_ratio(3 if quick else 9)
    rows: list[Row] = [
        ("startup_ratio", round(ratio, 2), "x", "<= 1.5"),
        ("startup_heavy_modules_before_paint", float(heavy != "-"), "bool", f"0 ({heavy})"),
        (
            "set_commit_median_ms",
            round(set_commit_median_ms(50 if quick else 300), 2),
            "ms",
            "<= 5",
        ),
    ]
    return rows
