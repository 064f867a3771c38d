"""Value rules defined once: the stance cap, pain scores, doses, settings and their defaults.

The widgets take their ranges from here, the parsers and checks test against them, and
tests/store/test_domain_rules.py proves the migrations' CHECK constraints agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from glutemed.domain.vocabulary import SIDE_ORDERS, SOUND_MODES, THEMES


@dataclass(frozen=True)
class Range:
    """Allowed numbers from *low* to *high*; *low_open* excludes *low* itself."""

    low: float
    high: float
    low_open: bool = False

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high


# Stance test: the cap a person may choose (seconds) and the default.
CAP_CHOICES: tuple[float, ...] = (30.0, 45.0, 60.0)
DEFAULT_CAP_S = 45.0  # Springer 2007 and Nezic 2012 (CONTENT.md)
TRIALS_PER_SIDE = 3  # Springer 2007: best of 3 is very reliable
TRIAL_NO = Range(1, TRIALS_PER_SIDE)

# Pain diary: 0-10 numeric rating scale.
PAIN_SCORE = Range(0, 10)

# Routine doses: what a routine line, the plan parser and the editor accept.
SETS = Range(1, 20)
REPS = Range(1, 200)
HOLD_S = Range(0.0, 600.0, low_open=True)
REST_S = Range(0.0, 900.0)

# What counts as training, for the history, Progress, the workout summary and the report:
# a set in which at least one rep (or hold) was done, whether it ran to its end, was ended
# early or skipped part-way. A set skipped before its first rep is not training, and a
# workout without any such set is not kept.
MIN_REPS_TRAINED = 1


def counts_as_training(reps_done: int) -> bool:
    return reps_done >= MIN_REPS_TRAINED


# Settings: key -> default. Profile (records.py) mirrors the user-facing ones.
SETTING_DEFAULTS: dict[str, Any] = {
    "birth_year": None,
    "preferred_side_order": "left_first",
    "stance_cap_s": DEFAULT_CAP_S,
    "sound": "beeps",
    "theme": "system",
    "rep_tempo": 1.0,
    "safety_acknowledged": False,
}
REP_TEMPO = Range(0.5, 2.0)

# Recorded values: the most a real session can log (a set logs at most the reps a routine
# may ask for; a stance trial lasts at most the longest cap).
SET_NO = Range(1, SETS.high)
REPS_LOGGED = Range(0, REPS.high)
HOLD_LOGGED_S = Range(0.0, HOLD_S.high)
STANCE_SECONDS = Range(0.0, max(CAP_CHOICES))
OLDEST_BIRTH_YEAR = 1900  # older is a typing slip (and outside every norm table)


def setting_problem(key: str, value: Any, this_year: int | None) -> str | None:
    """Why *value* cannot be the setting *key*, in words; None when it is fine (or when
    *key* is not a setting these rules know: the app ignores those). With *this_year*
    None a birth year is not checked against the calendar (the stance page does that
    and explains it there)."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if key == "birth_year":
        latest = 9999 if this_year is None else this_year
        if value is None or (
            isinstance(value, int) and number and OLDEST_BIRTH_YEAR <= value <= latest
        ):
            return None
        return f"must be a year from {OLDEST_BIRTH_YEAR} to {latest}, or empty"
    if key == "stance_cap_s":
        if number and float(value) in CAP_CHOICES:
            return None
        return "must be one of " + ", ".join(f"{c:g}" for c in CAP_CHOICES) + " seconds"
    if key == "rep_tempo":
        return None if value in REP_TEMPO else f"must be from {REP_TEMPO.low} to {REP_TEMPO.high}"
    if key == "safety_acknowledged":
        return None if isinstance(value, bool) else "must be true or false"
    choices = {"preferred_side_order": SIDE_ORDERS, "sound": SOUND_MODES, "theme": THEMES}
    if key in choices:
        allowed = choices[key]
        return (
            None
            if value in allowed and isinstance(value, str)
            else ("must be one of " + ", ".join(allowed))
        )
    return None
