"""Hand freed heap memory back to the system after bursts that allocate much, keep little.

Building a page or loading ten years of Progress history makes many short-lived objects.
Python and the C allocator keep the freed space for reuse, so the process stays as big
as at its peak; glibc's malloc_trim returns the free pages (1-3 MB after such a burst,
a few milliseconds' work). Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def release_free_memory() -> bool:
    """Return free heap pages to the system where the C library can; True if it did."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
