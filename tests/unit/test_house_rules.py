"""The house rules, checked mechanically."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PURE = ["domain", "catalog", "motion", "training", "stance", "progress", "store", "ops", "pose"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)


def test_import_linter_contracts_hold() -> None:
    result = _run(str(Path(sys.executable).with_name("lint-imports")), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


def test_contracts_allow_no_indirect_import_loophole() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    assert {c["type"] for c in contracts} == {"layers", "forbidden"}
    for contract in contracts:
        assert contract.get("allow_indirect_imports", False) is False, contract["name"]


def test_pure_packages_work_with_qt_blocked() -> None:
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph', 'shiboken6'): sys.modules[name] = None\n"
        "import tempfile, pathlib\n"
        + "".join(f"import glutemed.{p}\n" for p in PURE)
        + "from glutemed.catalog import load_catalog\n"
        "from glutemed.store import open_store\n"
        "assert len(load_catalog().exercises) == 6\n"
        "open_store(pathlib.Path(tempfile.mkdtemp())).close()\n"
    )
    result = _run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr


def test_ruff_lint_and_format() -> None:
    lint = _run(sys.executable, "-m", "ruff", "check", "src", "tests", "packaging")
    assert lint.returncode == 0, lint.stdout
    fmt = _run(sys.executable, "-m", "ruff", "format", "--check", "src", "tests", "packaging")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_strict_on_pure_packages() -> None:
    result = _run(sys.executable, "-m", "mypy", *[f"src/glutemed/{p}" for p in PURE])
    assert result.returncode == 0, result.stdout


# The widgets typed against the sound and figure protocols, and the file that binds the
# real objects and the test doubles to them.
PROTOCOL_CHECKED = [
    "src/glutemed/ui/common/protocols.py",
    "src/glutemed/ui/common/sound.py",
    "src/glutemed/ui/figure/widget.py",
    "src/glutemed/ui/workout/player.py",
    "src/glutemed/ui/workout/page.py",
    "src/glutemed/ui/stance/page.py",
    "tests/ui/protocol_conformance.py",
]


def test_mypy_checks_the_sound_and_figure_protocols() -> None:
    result = _run(sys.executable, "-m", "mypy", "--strict", *PROTOCOL_CHECKED)
    assert result.returncode == 0, result.stdout
