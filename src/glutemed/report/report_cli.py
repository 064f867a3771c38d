"""`glutemed report --out FILE.pdf [--since YYYY-MM-DD]`: the PDF for a physiotherapist."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from glutemed.domain.localtz import local_today


def add_parser(
    subparsers: Any, common: argparse.ArgumentParser | None = None
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report",
        parents=[common] if common is not None else [],
        help="write a PDF progress report for a physiotherapist",
    )
    parser.add_argument("--out", required=True, type=Path, help="PDF file to write")
    parser.add_argument("--since", help="first day to include, YYYY-MM-DD (default: all)")
    parser.set_defaults(run=run)
    return parser


def _error(message: str, code: int) -> int:
    print(f"glutemed: {message}", file=sys.stderr)
    return code


def _data_dir(args: argparse.Namespace) -> Path:
    from glutemed.datadir import resolve_data_dir

    return Path(resolve_data_dir(getattr(args, "data_dir", None)))


def run(args: argparse.Namespace) -> int:
    since: date | None = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            return _error(f"--since {args.since!r} is not a date like 2025-01-31", 2)
        if since > local_today():
            return _error(f"--since {args.since} is in the future", 2)
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        return _error(f"--out {out} should end in .pdf", 2)
    if out.is_dir():
        return _error(f"--out {out} is a folder, not a file", 2)
    if not sys.platform.startswith(("win", "darwin")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless: no window needed
    from PySide6.QtWidgets import QApplication

    from glutemed.ops import StoreError
    from glutemed.ops.data import open_data
    from glutemed.report.pdf import write_report

    app = QApplication.instance() or QApplication([])  # noqa: F841 (graphs are widgets)
    try:
        store = open_data(_data_dir(args))
    except StoreError as exc:
        return _error(str(exc), 1)
    try:
        result = write_report(store, out, since=since)
    except OSError as exc:
        return _error(f"cannot write {out}: {exc.strerror or exc}", 1)
    finally:
        store.close()
    print(f"Wrote {result.path} ({result.pages} pages)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry until cli.py wires the subcommand in."""
    parser = argparse.ArgumentParser(prog="glutemed")
    parser.add_argument("--data-dir", type=Path)
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
