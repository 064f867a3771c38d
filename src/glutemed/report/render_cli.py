"""`glutemed render`: write an exercise demo as GIF or PNG from the command line."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

USAGE_EXAMPLE = "glutemed render clamshell --variation reverse --side left --out clam.gif"
SIZE_DEFAULT = "480x360"
SHEET_EXAMPLE = "glutemed render clamshell --sheet --view all --out clam-sheet.png"


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the `render` subcommand to an argparse subparsers object."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "render",
        parents=[common],
        help="save an exercise demo as an animated GIF or a PNG picture",
        description=(
            f"Render one rep of an exercise demo offscreen. Example: {USAGE_EXAMPLE}. "
            f"A contact sheet of six frames across the rep, for reviewing: {SHEET_EXAMPLE}"
        ),
    )
    parser.add_argument("exercise", help="exercise id, e.g. standing_abduction")
    parser.add_argument("--variation", default="standard", help="variation id (default: standard)")
    parser.add_argument("--side", default="right", help="working side: right or left")
    parser.add_argument(
        "--view",
        default=None,
        help="front, side, top or best (default); with --sheet also all (the default there)",
    )
    parser.add_argument(
        "--sheet",
        action="store_true",
        help="write a PNG contact sheet: six frames across one rep, one row per view",
    )
    parser.add_argument(
        "--size", default=SIZE_DEFAULT, help="WIDTHxHEIGHT in pixels (default 480x360)"
    )
    parser.add_argument("--band", default=None, help="band colour to draw, e.g. red or blue")
    parser.add_argument("--out", default=None, help="output file ending in .gif or .png")
    parser.set_defaults(run=run)
    return parser


def _parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not match:
        raise ValueError(f"--size must look like 480x360, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def run(args: argparse.Namespace) -> int:
    """Render as asked; 0 on success, 2 with a one-line error on bad arguments."""
    from glutemed.report.gif import render_demo
    from glutemed.report.sheet import write_sheet

    try:
        if not args.out:
            raise ValueError(
                "--out FILE.png is required"
                if args.sheet
                else "--out FILE.gif or FILE.png is required"
            )
        out = Path(args.out)
        if not out.parent.exists():
            raise ValueError(f"the folder {str(out.parent)!r} does not exist")
        if args.sheet:
            if args.size != SIZE_DEFAULT:
                raise ValueError("--size does not apply to --sheet (each frame is 320x240)")
            written = write_sheet(
                args.exercise,
                args.variation,
                args.side,
                args.view or "all",
                out,
                band_level=args.band,
            )
            print(written)
            return 0
        if args.view == "all":
            raise ValueError("--view all needs --sheet (a GIF or PNG shows one view)")
        written = render_demo(
            args.exercise,
            args.variation,
            args.side,
            args.view or "best",
            _parse_size(args.size),
            out,
            band_level=args.band,
        )
    except ValueError as exc:  # includes AnimationError
        print(f"glutemed: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"glutemed: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(written)
    return 0
