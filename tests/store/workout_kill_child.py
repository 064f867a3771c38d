"""Child processes for the SIGKILL durability test.

This script imports everything once, then for each `run` line on stdin forks a worker that
runs workouts (`ops.workout.WorkoutRun`, as the app does) back to back on a fake, fast
clock against a real data file, printing
`set <id>` after each set is committed. The parent kills the worker with SIGKILL; the script
then prints `end <signal>` so the parent knows every line the worker printed has arrived.
Forking keeps 20 runs within a few seconds (a fresh interpreter costs ~0.5 s to import).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.ops.data import open_data
from glutemed.ops.workout import WorkoutRun
from glutemed.training.routines import default_routine


def work(data_dir: Path) -> None:
    store = open_data(data_dir)
    routine = default_routine(load_catalog())
    clock = FakeClock(start=0.0)
    print(f"pid {os.getpid()}", flush=True)
    while True:
        # The app's path: the player ticks a WorkoutRun, which commits each set it ends.
        run = WorkoutRun(store, routine, clock, lambda: datetime.now(UTC))
        run.start()
        while run.running:
            clock.advance(1.0)
            for set_id in run.tick().set_ids:
                print(f"set {set_id}", flush=True)


def main() -> None:
    data_dir = Path(sys.argv[1])
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                work(data_dir)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        signal_no = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        print(f"end {signal_no}", flush=True)


if __name__ == "__main__":
    main()
