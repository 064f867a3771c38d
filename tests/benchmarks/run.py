"""Every benchmark of the project: `python tests/benchmarks/run.py [--quick] [--only NAME]`.

Prints one line per metric: name<TAB>value<TAB>unit<TAB>target. Nothing is asserted:
targets are read by people, side by side with the numbers measured in the same run."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "QT_LOGGING_RULES", "qt.qpa.*=false;default.warning=false"
)  # offscreen chatter
sys.path.insert(0, str(HERE.parents[1] / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--only", action="append", help="run only bench_<NAME>.py (repeatable)")
    args = parser.parse_args()
    failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        area = path.stem.removeprefix("bench_")
        if args.only and area not in args.only:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        try:
            rows = module.run(args.quick)
        except Exception as exc:  # one broken area must not hide the others' numbers
            failed += 1
            print(f"# {area}: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for name, value, unit, target in rows:
            shown = f"{value:.4g}" if isinstance(value, float) else value
            print(f"{name}\t{shown}\t{unit}\t{target}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
