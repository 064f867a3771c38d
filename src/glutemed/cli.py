"""Command line: export, import, backup, self-test (and the subcommands features add)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from glutemed import __version__
from glutemed.datadir import resolve_data_dir

Runner = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Bad input from the user: one line, exit 2."""


def _fail(message: str, code: int) -> int:
    print(f"glutemed: {message}", file=sys.stderr)
    return code


def _open(args: argparse.Namespace, *, lock: bool = False):  # type: ignore[no-untyped-def]
    from glutemed.ops.data import open_data

    data_dir = resolve_data_dir(args.data_dir)
    held = None
    if lock:
        from glutemed.instance_lock import acquire

        held = acquire(data_dir)
    try:
        store = open_data(data_dir)
    except BaseException:
        if held is not None:
            held.unlock()
        raise
    if store.recovery is not None:
        print(f"glutemed: {store.recovery.message()}", file=sys.stderr)
    for notice in store.notices:
        print(f"glutemed: {notice}", file=sys.stderr)
    return store, held


def run_export(args: argparse.Namespace) -> int:
    from glutemed.ops.data import export_data

    store, _ = _open(args)
    try:
        done = export_data(store, args.format, Path(args.out), force=args.force)
    finally:
        store.close()
    print(done.changes.message)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from glutemed.ops.data import import_data, read_import

    data = read_import(Path(args.path))  # checked before the database is even opened
    store, lock = _open(args, lock=True)
    try:
        done = import_data(store, data, Path(args.path))
    finally:
        store.close()
        lock.unlock()
    print(done.changes.message)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from glutemed.domain.localtz import local_now
    from glutemed.ops.data import back_up

    out = Path(args.out) if args.out else None
    if out is not None and out.exists():
        raise UsageError(f"{out} already exists; choose a new file name")
    store, _ = _open(args)
    try:
        done = back_up(store, local_now(), out)
    finally:
        store.close()
    print(f"Backup written to {done.path}")
    return 0


def run_self_test(args: argparse.Namespace) -> int:
    from glutemed.self_test import self_test

    return self_test(print)


def _feature_modules() -> list[ModuleType]:
    """Subcommands that features contribute (each has add_parser and run)."""
    from glutemed import plan_cli
    from glutemed.capture import stance_cli
    from glutemed.report import render_cli, report_cli

    return [render_cli, report_cli, stance_cli, plan_cli]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glutemed",
        description="GluteMed: glute medius rehab for lower back pain. With no command, "
        "opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"glutemed {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    data_help = "data folder (default: $GLUTEMED_DATA_DIR, else the per-user data folder)"
    parser.add_argument("--data-dir", metavar="PATH", help=data_help)
    # SUPPRESS: a subcommand's missing --data-dir must not erase one given before it.
    common.add_argument("--data-dir", metavar="PATH", help=data_help, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = sub.add_parser("export", parents=[common], help="export every table")
    export.add_argument("--format", choices=("csv", "json"), default="json")
    export.add_argument("--out", required=True, metavar="PATH", help="file (json) or folder (csv)")
    export.add_argument(
        "--force", action="store_true", help="replace an existing export file (or CSV files)"
    )
    export.set_defaults(run=run_export)

    imp = sub.add_parser("import", parents=[common], help="import what export wrote")
    imp.add_argument("path", metavar="PATH", help="a .json export or a CSV export folder")
    imp.set_defaults(run=run_import)

    backup = sub.add_parser("backup", parents=[common], help="copy the data file now")
    backup.add_argument("--out", metavar="PATH", help="where to write (default: backups folder)")
    backup.set_defaults(run=run_backup)

    check = sub.add_parser("self-test", parents=[common], help="check this installation works")
    check.set_defaults(run=run_self_test)

    for module in _feature_modules():
        module.add_parser(sub, common)
    return parser


def dispatch(args: argparse.Namespace) -> int:
    """Run a parsed subcommand, turning expected failures into one-line messages."""
    from glutemed.instance_lock import LockProblem
    from glutemed.ops import StoreError
    from glutemed.ops.data import ExportRefused, ImportProblem

    runner: Runner = args.run
    try:
        return runner(args)
    except (UsageError, ImportProblem, ExportRefused) as exc:
        return _fail(str(exc), 2)
    except (StoreError, LockProblem) as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        name = exc.filename or ""
        return _fail(f"{exc.strerror or exc}{': ' + str(name) if name else ''}", 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


# Kept equal to build_parser()'s subcommands by tests/test_cli.py.
SUBCOMMANDS = frozenset(
    {"export", "import", "backup", "self-test", "render", "report", "stance", "plan", "sheet"}
)


def _window_only(words: list[str]) -> argparse.Namespace | None:
    """`glutemed [--data-dir PATH]` opens the window: parse it without building (and
    importing) every subcommand, which is start-up time the user waits through."""
    if any(w in SUBCOMMANDS or w in ("-h", "--help", "--version") for w in words):
        return None
    parser = argparse.ArgumentParser(prog="glutemed", add_help=False)
    parser.add_argument("--data-dir")
    args, rest = parser.parse_known_args(words)
    if rest:
        return None  # let the full parser explain what is wrong
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    import os

    from glutemed import system_check

    words = list(sys.argv[1:] if argv is None else argv)
    args = _window_only(words) or build_parser().parse_args(words)
    # The window needs a screen; self-test, report and render may end up offscreen.
    system_check.prepare_platform(os.environ, headless_ok=args.command is not None)
    try:
        if args.command is None:
            from glutemed.app import run_gui

            return run_gui(args)
        return dispatch(args)
    except ImportError as exc:  # Qt (or Pillow, numpy) could not load a system library
        library = system_check.library_in_error(exc)
        if library is None:
            raise
        missing = system_check.missing_libraries()
        if library not in missing:
            missing.insert(0, library)
        system_check.tell_user(system_check.missing_message(missing))
        return 1
