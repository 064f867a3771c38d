"""Keep the GUI thread answered while a worker thread runs Python.

Python threads share one interpreter lock; a busy worker hands it over only every switch
interval (5 ms by default). The GUI thread calls into Python for many small things (an
event filter, each graph item's paint), and each call can wait that long: a card that
takes 30 ms alone took 100 ms or more beside the Progress history load. While any worker
of ours runs, the interval is 1 ms; the last one to finish puts the usual one back.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

SWITCH_INTERVAL_S = 0.001


class _Shared:
    lock = threading.Lock()
    workers = 0
    normal = sys.getswitchinterval()


@contextlib.contextmanager
def gui_first() -> Iterator[None]:
    """Run the body (on a worker thread) with the short switch interval."""
    with _Shared.lock:
        if _Shared.workers == 0:
            _Shared.normal = sys.getswitchinterval()
        _Shared.workers += 1
        sys.setswitchinterval(min(SWITCH_INTERVAL_S, _Shared.normal))
    try:
        yield
    finally:
        with _Shared.lock:
            _Shared.workers -= 1
            if _Shared.workers == 0:
                sys.setswitchinterval(_Shared.normal)
