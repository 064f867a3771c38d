"""Announcements of what changed, so each page refreshes only what a change touched."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """One instance per window, passed to the pages that save or show data."""

    workout_saved = Signal()  # a set, a session end, or a routine change was committed
    stance_saved = Signal()  # a stance trial or test was committed or deleted
    pain_changed = Signal()  # a pain entry was added, edited or deleted
    profile_changed = Signal()  # birth year, side order, sound, theme...
    programme_changed = Signal()  # the plan in use, safety answers, a check-in, a PSFS rating
    status_message = Signal(str)  # a short line for the window's status area
