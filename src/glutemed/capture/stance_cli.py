"""`glutemed stance analyse VIDEO [--json]`: every single-leg interval in a video file."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glutemed.pose.analysis import StanceAnalysis


class AnalysisFailed(Exception):
    """Could not analyse: message for the user, and the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    stance = sub.add_parser("stance", parents=[common], help="single-leg stance from video")
    actions = stance.add_subparsers(dest="stance_command", metavar="ACTION", required=True)
    analyse = actions.add_parser(
        "analyse",
        parents=[common],
        help="find every single-leg interval in a video file",
        description="Times every single-leg interval in a video file and measures the "
        "pelvic drop and trunk lean, offline, as the camera test does.",
    )
    analyse.add_argument("video", metavar="VIDEO", help="a video file (mp4, webm, mkv ...)")
    analyse.add_argument("--json", action="store_true", help="print one JSON object")
    analyse.set_defaults(run=run)


def analyse_video(path: Path) -> StanceAnalysis:
    """Play `path` through the camera's frame path and analyse every frame."""
    from PySide6.QtCore import QCoreApplication

    from glutemed.pose.estimator import PoseEstimator, PoseRuntimeMissing

    if not path.is_file():
        raise AnalysisFailed(f"no such video file: {path}", 2)
    try:
        estimator = PoseEstimator()
    except PoseRuntimeMissing as exc:
        raise AnalysisFailed(str(exc), 1) from exc
    from glutemed.capture.analyser import StanceAnalyser
    from glutemed.capture.video_file import VideoFileSource, VideoProblem, play_to_end
    from glutemed.pose.stance_tracker import StanceTracker

    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    source = VideoFileSource(path)
    analyser = StanceAnalyser(estimator, StanceTracker())
    analyser.attach(source)
    try:
        play_to_end(source)
    except VideoProblem as exc:
        raise AnalysisFailed(str(exc), 2) from exc
    finally:
        analyser.detach()
    analyser.finish()
    length = source.duration_s or analyser.last_t
    return StanceAnalysis(tuple(analyser.tracker.lifts), analyser.frames, length)


@contextlib.contextmanager
def _native_chatter_muted() -> Iterator[None]:
    """FFmpeg and the TFLite runtime write notes straight to file descriptor 2; the
    user should see one line of ours, so hide theirs while the video plays."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as sink:
            os.dup2(sink.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def run(args: argparse.Namespace) -> int:
    try:
        with _native_chatter_muted():
            result = analyse_video(Path(args.video))
    except AnalysisFailed as exc:
        print(f"glutemed: {exc}", file=sys.stderr)
        return exc.code
    if args.json:
        print(json.dumps(result.as_dict()))
    else:
        print("\n".join(result.lines()))
    return 0
