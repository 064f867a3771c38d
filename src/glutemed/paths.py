"""One resolver for bundled data (resources/, animations/) in dev, installed and frozen runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("GLUTEMED_BUNDLE_DIR")
    if override:
        found.append(Path(override) / name)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller one-folder bundle
        found.append(Path(frozen_root) / name)
    found.append(_PACKAGE_DIR / "_data" / name)  # wheel install (see pyproject)
    found.append(_PACKAGE_DIR.parent.parent / name)  # source tree / editable install
    return found


def bundled_dir(name: str) -> Path:
    """Return the first existing folder called *name* among the known bundle locations."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"GluteMed's '{name}' folder is missing (looked in: {tried})")


def resources_dir() -> Path:
    return bundled_dir("resources")


def animations_dir() -> Path:
    return bundled_dir("animations")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
