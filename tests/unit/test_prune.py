"""packaging/prune.py: the runtime hooks the spec drops stay safe to drop."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import prune  # noqa: E402


def test_runtime_hooks_are_dropped_and_the_app_script_kept() -> None:
    scripts = [
        ("pyi_rth_inspect", "/x/pyi_rth_inspect.py", "PYSOURCE"),
        ("pyi_rth_multiprocessing", "/x/pyi_rth_multiprocessing.py", "PYSOURCE"),
        ("pyi_rth_pkgutil", "/x/pyi_rth_pkgutil.py", "PYSOURCE"),
        ("pyi_rth_pyqtgraph_multiprocess", "/x/pyi_rth_pyqtgraph_multiprocess.py", "PYSOURCE"),
        ("pyi_rth_pyside6", "/x/pyi_rth_pyside6.py", "PYSOURCE"),
        ("glutemed_main", "/x/glutemed_main.py", "PYSOURCE"),
    ]
    kept = [name for name, _src, _kind in prune.drop_runtime_hooks(scripts)]
    assert kept == ["pyi_rth_inspect", "pyi_rth_pyside6", "glutemed_main"]


def test_the_app_uses_nothing_those_hooks_set_up() -> None:
    """Without the hooks, multiprocessing would not work in the frozen app and pkgutil
    would not see frozen modules: the app (and the packaging entry point) must not
    use them. Adding such an import means taking the hook out of UNUSED_RUNTIME_HOOKS."""
    pattern = re.compile(
        r"^\s*(?:from|import)\s+(" + "|".join(map(re.escape, prune.RUNTIME_HOOK_MODULES)) + r")\b",
        re.MULTILINE,
    )
    files = [*(ROOT / "src" / "glutemed").rglob("*.py"), ROOT / "packaging" / "glutemed_main.py"]
    users = [str(p.relative_to(ROOT)) for p in files if pattern.search(p.read_text("utf-8"))]
    assert users == []
