from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("durability_child.py")
SRC = Path(__file__).resolve().parents[2] / "src"


def test_sets_reported_committed_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(20261125)
    data_dir = tmp_path / "data"
    reported: set[int] = set()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for _run in range(20):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        wanted = rng.randint(1, 60)
        for _ in range(wanted):
            line = child.stdout.readline()
            assert line, "the child stopped writing before it was killed"
            reported.add(int(line))
        child.send_signal(signal.SIGKILL)
        child.wait()
        for line in child.stdout:  # ids it managed to print before dying also count
            reported.add(int(line))
    conn = sqlite3.connect(data_dir / "glutemed.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in conn.execute("SELECT id FROM set_logs")}
    assert reported <= stored
    assert len(reported) >= 20
