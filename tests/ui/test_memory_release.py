"""Freed heap pages go back to the system after big bursts; the history reader's cache is small."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from glutemed.store import Store
from glutemed.store.progress import READER_CACHE_KIB, reader
from glutemed.ui.common import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_linux_gives_free_heap_pages_back() -> None:
    garbage = [bytearray(4096) for _ in range(2000)]
    del garbage
    assert memory.release_free_memory()


def test_without_malloc_trim_nothing_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    assert not memory.release_free_memory()


def test_the_history_load_releases_what_it_went_through(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, date

    from glutemed.ops.profile import load_profile
    from glutemed.ui.progress import history_load

    calls: list[bool] = []
    monkeypatch.setattr(history_load, "release_free_memory", lambda: calls.append(True))
    day = date(2025, 3, 1)
    history_load.load_history(store, UTC, load_profile(store), {"4w": (day, day)})
    assert calls == [True]


def test_the_worker_reader_keeps_a_small_page_cache(store: Store, data_dir: Path) -> None:
    second = reader(store)
    try:
        assert second.conn.execute("PRAGMA cache_size").fetchone()[0] == READER_CACHE_KIB
        assert READER_CACHE_KIB < 0 and -READER_CACHE_KIB <= 512  # KiB, not pages
    finally:
        second.close()
