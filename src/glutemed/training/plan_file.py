"""The plan file a physiotherapist gives and takes: TOML, checked in full before use.

    format = 1
    name = "Glute medius basics"
    clinician = "Sam Physio"
    note = "Keep the pelvis still."
    locked = true            # the app must not change this plan
    progression = true       # the app may progress/regress it (ignored while locked)

    [[exercise]]
    id = "clamshell"
    variation = "standard"
    rest_s = 60
    sets = 2                 # defaults for both sides...
    reps = 12
    [exercise.left]          # ...overridden per side (the weaker side can do more)
    sets = 3
    band = "yellow"

Sides without a table of their own use the exercise's defaults; `sides = "left"` or
`"right"` limits an exercise to one side. Every error names the file and line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from glutemed.catalog import Catalog
from glutemed.domain.records import Routine, RoutineItem

FORMAT = 1
SIDE_NAMES = ("left", "right")
_TOP_KEYS = {"format", "name", "clinician", "note", "locked", "progression", "exercise"}
_EXERCISE_KEYS = {"id", "variation", "rest_s", "sides", "sets", "reps", "hold_s", "band"}
_DOSE_KEYS = {"sets", "reps", "hold_s", "band"}
MAX_SETS, MAX_REPS, MAX_SECONDS = 10, 100, 600


class PlanError(ValueError):
    """A plan file that cannot be used; the message starts with file:line."""


@dataclass(frozen=True)
class PlanMeta:
    name: str
    clinician: str = ""
    note: str = ""
    locked: bool = False
    progression: bool = True


@dataclass(frozen=True)
class Plan:
    meta: PlanMeta
    items: tuple[RoutineItem, ...]

    def routine(self) -> Routine:
        items = [RoutineItem(**{**vars(i), "id": None}) for i in self.items]
        return Routine(name=self.meta.name, items=items, is_default=True)


class _Locator:
    """Line numbers for keys, found in the text (tomllib gives values, not positions)."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.lines = text.splitlines()

    def _headers(self, pattern: str) -> list[int]:
        regex = re.compile(pattern)
        return [n for n, line in enumerate(self.lines) if regex.match(line.strip())]

    def line(self, exercise: int | None = None, side: str | None = None, key: str = "") -> int:
        """1-based line of *key* in the top level, the exercise table or its side table."""
        start, end = 0, len(self.lines)
        if exercise is not None:
            heads = self._headers(r"^\[\[\s*exercise\s*\]\]")
            if exercise < len(heads):
                start = heads[exercise]
                later = [n for n in self._headers(r"^\[\[") if n > start]
                end = later[0] if later else len(self.lines)
                if side is not None:
                    sub = [
                        n for n in self._headers(rf"^\[\s*exercise\.{side}\s*\]") if start < n < end
                    ]
                    if sub:
                        start = sub[0]
                        nxt = [n for n in self._headers(r"^\[") if n > start]
                        end = min([end, *nxt]) if nxt else end
        elif key:
            first = self._headers(r"^\[")
            end = first[0] if first else len(self.lines)
        if key:
            regex = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for n in range(start, end):
                if regex.match(self.lines[n]):
                    return n + 1
        return start + 1

    def fail(
        self, message: str, exercise: int | None = None, side: str | None = None, key: str = ""
    ) -> PlanError:
        return PlanError(f"{self.source}:{self.line(exercise, side, key)}: {message}")


def _text(loc: _Locator, raw: dict[str, Any], key: str, default: str = "") -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise loc.fail(f"{key} must be text in quotes", key=key)
    return value.strip()


def _flag(loc: _Locator, raw: dict[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise loc.fail(f"{key} must be true or false", key=key)
    return value


def _number(
    loc: _Locator,
    raw: dict[str, Any],
    key: str,
    where: tuple[int, str | None],
    *,
    whole: bool,
    low: float,
    high: float,
) -> float | int | None:
    if key not in raw:
        return None
    value = raw[key]
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        kind = "a whole number" if whole else "a number"
        raise loc.fail(f"{key} must be {kind}", where[0], where[1], key)
    if not low <= value <= high:
        raise loc.fail(
            f"{key} must be from {low:g} to {high:g}, got {value}", where[0], where[1], key
        )
    return value


def _dose(
    loc: _Locator,
    raw: dict[str, Any],
    base: dict[str, Any],
    where: tuple[int, str | None],
    catalog: Catalog,
    uses_band: bool,
    name: str,
) -> dict[str, Any]:
    dose = dict(base)
    sets = _number(loc, raw, "sets", where, whole=True, low=1, high=MAX_SETS)
    reps = _number(loc, raw, "reps", where, whole=True, low=1, high=MAX_REPS)
    hold = _number(loc, raw, "hold_s", where, whole=False, low=1, high=MAX_SECONDS)
    for key, value in (("sets", sets), ("reps", reps), ("hold_s", hold)):
        if value is not None:
            dose[key] = value
    if "band" in raw:
        band = raw["band"]
        if not isinstance(band, str):
            raise loc.fail("band must be text in quotes", where[0], where[1], "band")
        try:
            catalog.band(band)
        except KeyError as exc:
            raise loc.fail(str(exc.args[0]), where[0], where[1], "band") from exc
        if not uses_band:
            raise loc.fail(f"{name} has no band in this variation", where[0], where[1], "band")
        dose["band"] = band
    return dose


def _exercise(loc: _Locator, index: int, raw: Any, catalog: Catalog) -> list[RoutineItem]:
    if not isinstance(raw, dict):
        raise loc.fail("each [[exercise]] must be a table", index)
    unknown = sorted(set(raw) - _EXERCISE_KEYS - set(SIDE_NAMES))
    if unknown:
        raise loc.fail(f"unknown key {unknown[0]!r}", index, None, unknown[0])
    exercise_id = raw.get("id")
    if not isinstance(exercise_id, str):
        raise loc.fail('each exercise needs id = "..."', index)
    try:
        exercise = catalog.exercise(exercise_id)
        variation = exercise.variation(str(raw.get("variation", "standard")))
    except KeyError as exc:
        raise loc.fail(str(exc.args[0]), index, None, "id") from exc
    rest = _number(loc, raw, "rest_s", (index, None), whole=False, low=0, high=MAX_SECONDS)
    sides = raw.get("sides", "both")
    if sides not in ("both", "left", "right"):
        raise loc.fail('sides must be "both", "left" or "right"', index, None, "sides")
    default = exercise.dose
    base = {"sets": default.sets, "reps": default.reps, "hold_s": default.hold_s, "band": None}
    base = _dose(loc, raw, base, (index, None), catalog, variation.uses_band, exercise.name)
    doses: dict[str, dict[str, Any]] = {}
    for side in SIDE_NAMES:
        table = raw.get(side)
        if table is None:
            doses[side] = base
            continue
        if not isinstance(table, dict):
            raise loc.fail(f"[exercise.{side}] must be a table", index, None, side)
        bad = sorted(set(table) - _DOSE_KEYS)
        if bad:
            raise loc.fail(f"unknown key {bad[0]!r}", index, side, bad[0])
        if sides not in ("both", side):
            raise loc.fail(f"[exercise.{side}] given but sides = {sides!r}", index, side)
        doses[side] = _dose(
            loc, table, base, (index, side), catalog, variation.uses_band, exercise.name
        )
    for side, dose in doses.items():
        if dose["reps"] is None and dose["hold_s"] is None:
            raise loc.fail("needs reps or hold_s", index, side if side in raw else None)

    def item(dose: dict[str, Any], which: str) -> RoutineItem:
        return RoutineItem(
            exercise.id,
            variation.id,
            int(dose["sets"]),
            None if dose["reps"] is None else int(dose["reps"]),
            None if dose["hold_s"] is None else float(dose["hold_s"]),
            float(rest if rest is not None else default.rest_s),
            dose["band"],
            which,  # type: ignore[arg-type]
        )

    if sides != "both":
        return [item(doses[sides], sides)]
    if doses["left"] == doses["right"]:
        return [item(doses["left"], "both")]
    return [item(doses["left"], "left"), item(doses["right"], "right")]


def parse_plan(text: str, catalog: Catalog, source: str = "plan") -> Plan:
    """Check every value of a plan file; raise PlanError naming file and line."""
    loc = _Locator(source, text)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = line.group(1) if line else "1"
        raise PlanError(f"{source}:{where}: not valid TOML ({str(exc).split(' (at')[0]})") from None
    unknown = sorted(set(raw) - _TOP_KEYS)
    if unknown:
        raise loc.fail(f"unknown key {unknown[0]!r}", key=unknown[0])
    if raw.get("format", FORMAT) != FORMAT:
        raise loc.fail(f"format must be {FORMAT}", key="format")
    name = _text(loc, raw, "name")
    if not name:
        raise loc.fail('the plan needs name = "..."', key="name")
    meta = PlanMeta(
        name=name,
        clinician=_text(loc, raw, "clinician"),
        note=_text(loc, raw, "note"),
        locked=_flag(loc, raw, "locked", False),
        progression=_flag(loc, raw, "progression", True),
    )
    exercises = raw.get("exercise", [])
    if not isinstance(exercises, list) or not exercises:
        raise loc.fail("the plan needs at least one [[exercise]]")
    items: list[RoutineItem] = []
    for index, entry in enumerate(exercises):
        items.extend(_exercise(loc, index, entry, catalog))
    return Plan(meta, tuple(items))


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _dose_lines(item: RoutineItem) -> list[str]:
    lines = [f"sets = {item.sets}"]
    if item.reps is not None:
        lines.append(f"reps = {item.reps}")
    if item.hold_s is not None:
        lines.append(f"hold_s = {item.hold_s:g}")
    if item.band is not None:
        lines.append(f"band = {_toml_str(item.band)}")
    return lines


def render_plan(meta: PlanMeta, items: Sequence[RoutineItem]) -> str:
    """The plan as TOML; a left/right pair of one exercise becomes one entry."""
    out = [
        "# GluteMed home-exercise plan. Edit the values; `glutemed plan import` checks them.",
        f"format = {FORMAT}",
        f"name = {_toml_str(meta.name)}",
        f"clinician = {_toml_str(meta.clinician)}",
        f"note = {_toml_str(meta.note)}",
        f"locked = {'true' if meta.locked else 'false'}",
        f"progression = {'true' if meta.progression else 'false'}",
    ]
    index = 0
    while index < len(items):
        item = items[index]
        pair = (
            index + 1 < len(items)
            and item.sides == "left"
            and items[index + 1].sides == "right"
            and (
                items[index + 1].exercise_id,
                items[index + 1].variation_id,
                items[index + 1].rest_s,
            )
            == (item.exercise_id, item.variation_id, item.rest_s)
        )
        out += [
            "",
            "[[exercise]]",
            f"id = {_toml_str(item.exercise_id)}",
            f"variation = {_toml_str(item.variation_id)}",
            f"rest_s = {item.rest_s:g}",
        ]
        if pair:
            out += ["[exercise.left]", *_dose_lines(item)]
            out += ["[exercise.right]", *_dose_lines(items[index + 1])]
            index += 2
            continue
        if item.sides != "both":
            out.append(f"sides = {_toml_str(item.sides)}")
        out += _dose_lines(item)
        index += 1
    return "\n".join(out) + "\n"
