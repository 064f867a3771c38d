"""The figure the workout player drives, and the rep length it counts by.

The player never lets the figure run on its own clock: it calls `show_time(t_in_rep)` with
the session's time, so one counted rep is exactly one demo rep.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from glutemed.motion import AnimationError, load_animation
from glutemed.training.plan import DEFAULT_REP_SECONDS, RepSeconds
from glutemed.ui.figure.widget import FigureWidget


def make_figure(parent: QWidget | None = None) -> FigureWidget:
    """The animated figure, driven by the session's clock through show_time()."""
    return FigureWidget(parent)


def motion_rep_seconds(tempo: float = 1.0) -> RepSeconds:
    """Rep length from each animation at the user's tempo (above 1 is faster), or the default."""
    cache: dict[tuple[str, str], float] = {}

    def rep_seconds(exercise_id: str, variation_id: str) -> float:
        key = (exercise_id, variation_id)
        if key not in cache:
            try:
                seconds = load_animation(exercise_id).rep_duration(variation_id, tempo)
            except (AnimationError, KeyError, ValueError, OSError):
                # A missing or broken animation must not stop a workout.
                seconds = DEFAULT_REP_SECONDS / tempo
            cache[key] = seconds
        return cache[key]

    return rep_seconds
