"""Quick entry of a plan a physiotherapist prescribed, one exercise a line.

Examples (case and word order after the name do not matter)::

    clamshell 3x12 rest 45 band red
    reverse clam 2x10 left
    side plank 2x5x10s rest 30        # 2 sets of 5 holds of 10 s
    side plank forward 5x10s          # 5 holds of 10 s
    fire hydrant extension 3 sets 12 reps rest 1:00
    wall press-outs                   # default dose from the catalogue

Anything after ``#`` is a comment. A missing dose or rest takes the exercise's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glutemed.catalog import Catalog, Exercise
from glutemed.domain.records import RoutineItem
from glutemed.domain.rules import HOLD_S, REPS, REST_S, SETS
from glutemed.training.routines import item_from_exercise

MAX_SETS = int(SETS.high)
MAX_REPS = int(REPS.high)
MAX_HOLD_S = HOLD_S.high
MAX_REST_S = REST_S.high

# Everyday names besides the catalogue's own; values are (exercise id, variation id or None).
_ALIASES: dict[str, tuple[str, str | None]] = {
    "standing abduction": ("standing_abduction", None),
    "standing hip abduction": ("standing_abduction", None),
    "hip abduction": ("standing_abduction", None),
    "abduction": ("standing_abduction", None),
    "clam": ("clamshell", None),
    "clam shell": ("clamshell", None),
    "clamshell": ("clamshell", None),
    "reverse clam": ("clamshell", "reverse"),
    "reverse clamshell": ("clamshell", "reverse"),
    "fire hydrant": ("fire_hydrant", None),
    "hydrant": ("fire_hydrant", None),
    "wall press out": ("wall_press_out", None),
    "wall squat press out": ("wall_press_out", None),
    "wall press": ("wall_press_out", None),
    "wall squat": ("wall_press_out", None),
    "press out": ("wall_press_out", None),
    "side plank": ("side_plank_abduction", None),
    "side plank abduction": ("side_plank_abduction", None),
    "side plank with abduction": ("side_plank_abduction", None),
    "side plank with hip abduction": ("side_plank_abduction", None),
}

_KEYWORDS = {"rest", "band", "hold", "holds", "sets", "set", "reps", "rep", "variation", "var"}
_SIDE_WORDS = {"left", "right", "both", "each"}  # words that end the exercise name
_FILLER = {"with", "a", "of", "and", "x", "on"}

_SETS_REPS = re.compile(r"^(\d+)x(\d+)$")
_SETS_HOLDS_SECONDS = re.compile(r"^(\d+)x(\d+)x(\d+(?:\.\d+)?)s$")
_HOLDS_SECONDS = re.compile(r"^(\d+)x(\d+(?:\.\d+)?)s$")
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(s|sec|secs|m|min|mins)?$|^(\d+):([0-5]\d)$")


class PlanError(ValueError):
    """A plan line that cannot be understood; the message names the line and the problem."""

    def __init__(self, line_no: int, line: str, problem: str) -> None:
        super().__init__(f"line {line_no} ({line.strip()!r}): {problem}")
        self.line_no = line_no
        self.line = line
        self.problem = problem


class _LineError(Exception):
    """Raised inside one line; turned into PlanError with the line's number."""


@dataclass
class _Dose:
    sets: int | None = None
    reps: int | None = None
    hold_s: float | None = None
    rest_s: float | None = None


def _normalise(text: str) -> str:
    words = re.sub(r"[-_/]+", " ", text.lower()).split()
    # Plural forms ("clamshells", "press-outs") read the same as the singular.
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and w != "press" else w for w in words)


def _tokens(text: str) -> list[str]:
    text = text.lower().replace("×", "x").replace(",", " ")
    # "3 x 12" and "3 x 5 x 10 s" become single tokens; "10 s" becomes "10s".
    text = re.sub(r"(\d)\s*x\s*(?=\d)", r"\1x", text)
    text = re.sub(r"(\d)\s+(s|sec|secs|m|min|mins)\b", r"\1\2", text)
    return text.split()


def _is_value_token(token: str) -> bool:
    return bool(
        token in _KEYWORDS
        or token in _SIDE_WORDS
        or token[0].isdigit()
        or _SETS_REPS.match(token)
        or _SETS_HOLDS_SECONDS.match(token)
    )


def _duration(token: str, what: str) -> float:
    match = _DURATION.match(token)
    if not match:
        raise _LineError(f"{what} needs a time such as 45, 45s, 1m or 1:30, got {token!r}")
    if match.group(3) is not None:
        return int(match.group(3)) * 60.0 + int(match.group(4))
    value = float(match.group(1))
    return value * 60.0 if (match.group(2) or "s").startswith("m") else value


def _count(token: str, what: str) -> int:
    if not token.isdigit():
        raise _LineError(f"{what} needs a whole number, got {token!r}")
    return int(token)


class _LineParser:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.aliases: dict[str, tuple[str, str | None]] = {
            _normalise(k): v for k, v in _ALIASES.items()
        }
        for exercise in catalog.exercises:
            self.aliases.setdefault(_normalise(exercise.id), (exercise.id, None))
            self.aliases.setdefault(_normalise(exercise.name), (exercise.id, None))

    def known_names(self) -> str:
        return ", ".join(_normalise(e.id) for e in self.catalog.exercises)

    def _exercise(self, name_words: list[str]) -> tuple[Exercise, str | None]:
        if not name_words:
            raise _LineError(f"starts with no exercise name (try: {self.known_names()})")
        words = _normalise(" ".join(name_words)).split()
        for cut in range(len(words), 0, -1):
            found = self.aliases.get(" ".join(words[:cut]))
            if found is None:
                continue
            exercise = self.catalog.exercise(found[0])
            rest = words[cut:]
            if not rest:
                return exercise, found[1]
            typed = " ".join(name_words[len(name_words) - len(rest) :])
            return exercise, self._variation(exercise, " ".join(rest), typed)
        raise _LineError(f"unknown exercise {' '.join(name_words)!r} (try: {self.known_names()})")

    def _variation(self, exercise: Exercise, words: str, original: str | None = None) -> str:
        original = original or words
        wanted = _normalise(words)
        for variation in exercise.variations:
            if wanted in (_normalise(variation.id), _normalise(variation.name)):
                return variation.id
        valid = ", ".join(v.id for v in exercise.variations)
        raise _LineError(f"{exercise.name} has no variation {original!r} (valid: {valid})")

    def _band(self, token: str) -> str:
        for level in self.catalog.band_levels:
            if token == level.id:
                return level.id
        valid = ", ".join(b.id for b in self.catalog.band_levels)
        raise _LineError(f"unknown band colour {token!r} (valid: {valid})")

    def _band_word(self, token: str) -> bool:
        return any(token == level.id for level in self.catalog.band_levels)

    def parse(self, text: str) -> RoutineItem:
        tokens = _tokens(text)
        split = 0
        while split < len(tokens) and not (
            _is_value_token(tokens[split]) or self._band_word(tokens[split])
        ):
            split += 1
        exercise, variation_id = self._exercise(tokens[:split])
        dose, band, sides, named_variation = self._values(exercise, tokens[split:])
        if named_variation is not None:
            if variation_id is not None and variation_id != named_variation:
                raise _LineError("names two different variations")
            variation_id = named_variation
        variation_id = self._with_band(exercise, variation_id, band)
        return self._item(exercise, variation_id, dose, band, sides)

    def _values(
        self, exercise: Exercise, tokens: list[str]
    ) -> tuple[_Dose, str | None, str, str | None]:
        dose = _Dose()
        band: str | None = None
        sides = "both"
        variation: str | None = None
        i = 0

        def take(what: str) -> str:
            nonlocal i
            i += 1
            if i >= len(tokens):
                raise _LineError(f"{what!r} needs a value after it")
            return tokens[i]

        while i < len(tokens):
            tok = tokens[i]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if m := _SETS_HOLDS_SECONDS.match(tok):
                dose.sets, dose.reps, dose.hold_s = int(m[1]), int(m[2]), float(m[3])
            elif m := _HOLDS_SECONDS.match(tok):
                dose.reps, dose.hold_s = int(m[1]), float(m[2])
            elif m := _SETS_REPS.match(tok):
                dose.sets, dose.reps = int(m[1]), int(m[2])
            elif tok == "rest":
                dose.rest_s = _duration(take("rest"), "rest")
            elif tok in ("hold", "holds") and nxt and nxt[0].isdigit():
                dose.hold_s = _duration(take(tok), "hold")
            elif tok in ("variation", "var"):
                variation = self._variation(exercise, take(tok))
            elif tok == "band":
                if nxt and not _is_value_token(nxt):
                    band = self._band(take("band"))
                elif band is None:
                    raise _LineError(
                        "'band' needs a colour "
                        f"({', '.join(b.id for b in self.catalog.band_levels)})"
                    )
            elif self._band_word(tok):
                band = tok
            elif tok in ("left", "right"):
                sides = tok
            elif tok in ("both", "each", "side", "sides", "only", "per") or tok in _FILLER:
                pass
            elif tok[0].isdigit():
                i = self._number(tok, nxt, dose, i)
            else:
                raise _LineError(f"does not understand {tok!r}")
            i += 1
        return dose, band, sides, variation

    def _number(self, tok: str, nxt: str, dose: _Dose, i: int) -> int:
        if nxt in ("sets", "set"):
            dose.sets = _count(tok, "sets")
        elif nxt in ("reps", "rep"):
            dose.reps = _count(tok, "reps")
        elif nxt in ("holds",):
            dose.reps = _count(tok, "holds")
        elif nxt == "hold":
            dose.hold_s = _duration(tok, "hold")
        elif nxt == "rest":
            dose.rest_s = _duration(tok, "rest")
        else:
            raise _LineError(f"does not know what {tok!r} counts (write e.g. 3x12 or rest {tok})")
        return i + 1

    def _with_band(self, exercise: Exercise, variation_id: str | None, band: str | None) -> str:
        if band is None:
            return variation_id or "standard"
        base = variation_id or "standard"
        current = exercise.variation(base)
        if current.uses_band:
            return base
        wanted = "band" if base == "standard" else f"{base}_band"
        try:
            return exercise.variation(wanted).id
        except KeyError:
            raise _LineError(f"{exercise.name} ({current.name}) is done without a band") from None

    def _item(
        self,
        exercise: Exercise,
        variation_id: str,
        dose: _Dose,
        band: str | None,
        sides: str,
    ) -> RoutineItem:
        item = item_from_exercise(exercise, variation_id)
        if dose.sets is not None:
            item.sets = dose.sets
        if dose.hold_s is not None:
            item.hold_s = dose.hold_s
            if dose.reps is None and exercise.dose.hold_s is None:
                item.reps = 1  # "clamshell hold 5s": one hold a set
        # "side plank 2x5" keeps the default hold time: 5 holds.
        if dose.reps is not None:
            item.reps = dose.reps
        if dose.rest_s is not None:
            item.rest_s = dose.rest_s
        item.band = band
        item.sides = "left" if sides == "left" else "right" if sides == "right" else "both"
        _check_ranges(item)
        return item


def _check_ranges(item: RoutineItem) -> None:
    if not 1 <= item.sets <= MAX_SETS:
        raise _LineError(f"sets must be 1-{MAX_SETS}, got {item.sets}")
    if item.reps is not None and not 1 <= item.reps <= MAX_REPS:
        raise _LineError(f"reps must be 1-{MAX_REPS}, got {item.reps}")
    if item.hold_s is not None and not 1 <= item.hold_s <= MAX_HOLD_S:
        raise _LineError(f"a hold must be 1-{MAX_HOLD_S:g} s, got {item.hold_s:g}")
    if not 0 <= item.rest_s <= MAX_REST_S:
        raise _LineError(f"rest must be 0-{MAX_REST_S:g} s, got {item.rest_s:g}")


def parse_plan(text: str, catalog: Catalog) -> list[RoutineItem]:
    """Parse every non-blank line; raises PlanError for the first bad line."""
    parser = _LineParser(catalog)
    items: list[RoutineItem] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            items.append(parser.parse(line))
        except _LineError as exc:
            raise PlanError(line_no, raw, str(exc)) from None
    if not items:
        raise PlanError(0, "", "the plan is empty: write one exercise a line, e.g. clamshell 3x12")
    return items


def format_plan(items: list[RoutineItem]) -> str:
    """The plan text that parses back to *items* (used to prefill the entry box)."""
    lines = []
    for item in items:
        parts = [item.exercise_id.replace("_", " ")]
        if item.variation_id != "standard":
            parts.append(f"variation {item.variation_id}")
        if item.hold_s is not None:
            parts.append(f"{item.sets}x{item.reps or 1}x{item.hold_s:g}s")
        else:
            parts.append(f"{item.sets}x{item.reps}")
        parts.append(f"rest {item.rest_s:g}")
        if item.band:
            parts.append(f"band {item.band}")
        if item.sides != "both":
            parts.append(item.sides)
        lines.append(" ".join(parts))
    return "\n".join(lines)
