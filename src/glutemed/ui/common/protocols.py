"""What the pages need from a sound player and a demo figure, as typed protocols.

The real ones (`SoundPlayer`, `FigureWidget`) and the test doubles (`RecordingSound`, the
pages' silent sound) all satisfy them; mypy checks it (tests/unit/test_house_rules.py).
"""

from __future__ import annotations

from typing import Protocol


class Cues(Protocol):
    """Plays a named cue ('rep', 'tick', 'go', 'stop', ...); *words* are for the voice mode."""

    def play(self, cue: str, words: str | None = None) -> None: ...


class Sound(Cues, Protocol):
    """A cue player whose mode (beeps, voice, silent) follows the settings."""

    def set_mode(self, mode: str) -> None: ...


class DemoFigure(Protocol):
    """A figure the workout player drives with the session's clock, never its own."""

    def set_demo(self, exercise_id: str, variation_id: str = ..., side: str = ...) -> None: ...

    def pause(self) -> None: ...

    def set_band_level(self, level: str | None) -> None: ...

    def set_rep_seconds(self, seconds: float | None) -> None: ...

    def show_time(self, t_in_rep: float) -> None: ...
