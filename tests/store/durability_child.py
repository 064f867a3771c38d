"""Child process for the durability test: logs sets forever, printing each committed id."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from glutemed.domain.records import SetLog
from glutemed.store import open_store
from glutemed.store.workouts import log_set, start_session


def main(data_dir: str) -> None:
    store = open_store(Path(data_dir))
    session = start_session(store, datetime.now(UTC))
    set_no = 0
    while True:
        set_no += 1
        now = datetime.now(UTC)
        entry = SetLog(
            session, "fire_hydrant", "standard", "left", set_no, 12, 12, None, None, now, now
        )
        set_id = log_set(store, entry)
        print(set_id, flush=True)  # only after the commit returned


if __name__ == "__main__":
    main(sys.argv[1])
