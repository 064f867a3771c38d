"""What the open-time check costs: quick_check against integrity_check on demo files of one
and ten years, measured side by side (medians of alternating runs, read-only opens as the
app makes them). Also the file sizes, which the cost follows."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from glutemed.demo_data import fill
from glutemed.store.files import open_readonly

Row = tuple[str, float, str, str]


def _check_ms(path: Path, pragma: str) -> float:
    conn = open_readonly(path)
    try:
        started = time.perf_counter()
        conn.execute(f"PRAGMA {pragma}").fetchall()
        return (time.perf_counter() - started) * 1000
    finally:
        conn.close()


def run(quick: bool) -> list[Row]:
    rows: list[Row] = []
    repeats = 3 if quick else 9
    for years in (1, 10):
        with tempfile.TemporaryDirectory() as folder:
            data_dir = Path(folder)
            fill(data_dir, years, date(2026, 11, 30))
            path = data_dir / "glutemed.sqlite3"
            quick_ms, full_ms = [], []
            for _ in range(repeats):  # alternate so both see the same cache state
                quick_ms.append(_check_ms(path, "quick_check"))
                full_ms.append(_check_ms(path, "integrity_check"))
            size_mb = path.stat().st_size / 1e6
            quick_median, full_median = statistics.median(quick_ms), statistics.median(full_ms)
            rows += [
                (f"data_file_{years}y_mb", round(size_mb, 1), "MB", "-"),
                (f"quick_check_{years}y_ms", round(quick_median, 1), "ms", "-"),
                (
                    f"integrity_check_{years}y_ms",
                    round(full_median, 1),
                    "ms",
                    "first open of a day",
                ),
                (
                    f"integrity_over_quick_{years}y",
                    round(full_median / quick_median, 2),
                    "x",
                    "-",
                ),
            ]
    return rows
