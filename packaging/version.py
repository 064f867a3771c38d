"""Print GluteMed's version: pyproject's static version, or glutemed.__version__ that
pyproject reads it from (``dynamic = ["version"]``). Used by the build scripts and tests."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def project_version(root: Path = ROOT) -> str:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    if "version" in project:
        return str(project["version"])
    init = (root / "src" / "glutemed" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', init, re.MULTILINE)
    if match is None:
        sys.exit("version.py: no version in pyproject.toml or src/glutemed/__init__.py")
    return match.group(1)


if __name__ == "__main__":
    print(project_version(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
