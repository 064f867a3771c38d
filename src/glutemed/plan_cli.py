"""`glutemed plan export --out plan.toml` and `glutemed plan import plan.toml`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    plan = subparsers.add_parser(
        "plan", parents=[common], help="export or import a home-exercise plan (TOML)"
    )
    actions = plan.add_subparsers(dest="plan_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common], help="write the plan in use")
    export.add_argument("--out", required=True, type=Path, help="file to write (.toml)")
    export.set_defaults(run=run_export)
    imp = actions.add_parser("import", parents=[common], help="check and use a plan file")
    imp.add_argument("path", type=Path, help="a plan .toml file")
    imp.set_defaults(run=run_import)
    add_sheet_parser(subparsers, common)


def _fail(message: str, code: int) -> int:
    print(f"glutemed: {message}", file=sys.stderr)
    return code


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from glutemed.datadir import resolve_data_dir
    from glutemed.ops.data import open_data

    return open_data(resolve_data_dir(getattr(args, "data_dir", None)))


def run_export(args: argparse.Namespace) -> int:
    from glutemed.catalog import load_catalog
    from glutemed.ops.plan_ops import export_plan
    from glutemed.training.plan_file import PlanError

    out: Path = args.out
    if out.suffix.lower() != ".toml":
        return _fail(f"--out {out} should end in .toml", 2)
    store = _open(args)
    try:
        export_plan(store, load_catalog(), out)
    except PlanError as exc:
        return _fail(str(exc), 2)
    finally:
        store.close()
    print(f"Plan written to {out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from glutemed.catalog import load_catalog
    from glutemed.instance_lock import acquire
    from glutemed.ops.plan_ops import import_plan, read_plan_file
    from glutemed.training.plan_file import PlanError

    catalog = load_catalog()
    try:
        plan = read_plan_file(args.path, catalog)  # checked before the data is opened
    except PlanError as exc:
        return _fail(str(exc), 2)
    from glutemed.datadir import resolve_data_dir

    lock = acquire(resolve_data_dir(getattr(args, "data_dir", None)))
    store = _open(args)
    try:
        changed = import_plan(store, catalog, plan).programme
    finally:
        store.close()
        lock.unlock()
    if changed:
        lines = len(plan.items)
        print(f"Imported plan {plan.meta.name!r} ({lines} lines) from {args.path}")
    else:
        print(f"Plan {plan.meta.name!r} is already in use: nothing changed")
    return 0


def add_sheet_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    sheet = subparsers.add_parser(
        "sheet", parents=[common], help="write a printable home-exercise sheet (PDF)"
    )
    sheet.add_argument("--out", required=True, type=Path, help="PDF file to write")
    sheet.set_defaults(run=run_sheet)


def run_sheet(args: argparse.Namespace) -> int:
    import os
    from datetime import date

    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        return _fail(f"--out {out} should end in .pdf", 2)
    if out.is_dir():
        return _fail(f"--out {out} is a folder, not a file", 2)
    if not sys.platform.startswith(("win", "darwin")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from glutemed.catalog import load_catalog
    from glutemed.ops.plan_ops import sheet_inputs
    from glutemed.report.home_sheet import write_sheet

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    catalog = load_catalog()
    store = _open(args)
    try:
        inputs = sheet_inputs(store, catalog)
    finally:
        store.close()
    pages = write_sheet(catalog, inputs.meta, inputs.items, out, date.today(), inputs.extra_cues)
    print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''})")
    return 0
