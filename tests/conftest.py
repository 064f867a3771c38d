"""Shared test setup: offscreen Qt, a fresh data folder per test."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy  # noqa: F401  (see below)
import pytest

from glutemed.store import Store, open_store

# numpy is imported here, in the main thread, before any test: the window warms up its
# graph modules on a worker thread, and pytest.approx reads sys.modules['numpy'] without
# importing, so it could meet a half-imported numpy. Tests of what is imported at
# start-up run in fresh processes and are not affected.

# Offscreen Qt with a 1600x1000 screen (the default 800x600 is smaller than the window's
# minimum size, so Qt would clamp geometry in ways no real desktop does). Read when the
# QApplication is made, which happens after this file is imported.
_SCREEN = os.path.join(tempfile.gettempdir(), "glutemed-offscreen-screen.json")
with open(_SCREEN, "w", encoding="utf-8") as handle:
    json.dump({"screens": [{"name": "t", "x": 0, "y": 0, "width": 1600, "height": 1000}]}, handle)
# A plain "offscreen" set before the tests start gets the same screen.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long", action="store_true", help="fuzz with thousands of examples (CI runs this)"
    )


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("GLUTEMED_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.close()
