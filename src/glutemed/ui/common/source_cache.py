"""Forget the source text that PySide6 reads at every import.

PySide6's import hook (for its `__feature__` switches) reads the source of each module
imported after PySide6 itself, through `inspect` and so through `linecache`, to look for
the word "PySide6"; linecache then keeps every line. With every page open that is some
440 files: 6 MB of text, about 10 MB resident, never read again (a traceback reads the
lines it shows afresh). The window empties that cache after each burst of imports.

linecache is not safe to empty while another thread imports (a lookup between its check
and its read would fail that import), so nothing is forgotten while a Python thread of
ours (the warm-up import, the Progress history load) is alive: the next burst does it.
"""

from __future__ import annotations

import linecache
import threading


def other_python_threads() -> list[threading.Thread]:
    """Live threads started from Python, other than the caller's."""
    me = threading.current_thread()
    return [
        t
        for t in threading.enumerate()
        if t is not me and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]


def forget_sources() -> bool:
    """Empty linecache unless another thread may be importing; True when emptied."""
    if other_python_threads():
        return False
    linecache.clearcache()
    return True
