"""Workers run with a short switch interval; the usual one comes back after the last."""

from __future__ import annotations

import sys
import threading

from glutemed.ui.common.gui_first import SWITCH_INTERVAL_S, gui_first


def test_overlapping_workers_put_the_interval_back_after_the_last() -> None:
    normal = sys.getswitchinterval()
    first_in, second_in, release_first, release_second = (threading.Event() for _ in range(4))
    seen: list[float] = []

    def worker(entered: threading.Event, release: threading.Event) -> None:
        with gui_first():
            seen.append(sys.getswitchinterval())
            entered.set()
            release.wait(10)

    first = threading.Thread(target=worker, args=(first_in, release_first))
    second = threading.Thread(target=worker, args=(second_in, release_second))
    first.start()
    first_in.wait(10)
    second.start()
    second_in.wait(10)
    release_first.set()
    first.join(10)
    assert sys.getswitchinterval() == SWITCH_INTERVAL_S  # the second still runs
    release_second.set()
    second.join(10)
    assert seen == [SWITCH_INTERVAL_S, SWITCH_INTERVAL_S]
    assert sys.getswitchinterval() == normal


def test_an_error_in_the_worker_still_puts_it_back() -> None:
    normal = sys.getswitchinterval()
    try:
        with gui_first():
            raise RuntimeError("load failed")
    except RuntimeError:
        pass
    assert sys.getswitchinterval() == normal
