"""Checked by mypy (tests/unit/test_house_rules.py), not run: the real sound player and
figure and their test doubles satisfy the protocols the pages are typed against."""

from __future__ import annotations

from glutemed.ui.common.protocols import Cues, DemoFigure, Sound
from glutemed.ui.common.sound import RecordingSound, SoundPlayer
from glutemed.ui.figure.widget import FigureWidget
from glutemed.ui.stance.page import SilentSound


def conforming(
    recording: RecordingSound, player: SoundPlayer, silent: SilentSound, figure: FigureWidget
) -> tuple[Sound, Sound, Cues, DemoFigure]:
    return recording, player, silent, figure
