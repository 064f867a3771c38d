"""Loading and validating resources/exercises.toml into immutable records.

The records are NamedTuples, not dataclasses: this module loads on every start before
the first paint, and each dataclass compiles its generated methods at import (~1 ms)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from glutemed.paths import resource


class CatalogError(ValueError):
    """exercises.toml is missing a key or holds a wrong value."""


class Dose(NamedTuple):
    sets: int
    reps: int | None  # repetitions, or the number of holds when hold_s is set
    hold_s: float | None
    rest_s: float


class Variation(NamedTuple):
    id: str
    name: str
    summary: str
    uses_band: bool
    cues: tuple[str, ...] = ()


class Exercise(NamedTuple):
    id: str
    name: str
    targets: str
    setup: str
    equipment: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    dose: Dose
    dose_note: str
    evidence: str
    evidence_source: str
    variations: tuple[Variation, ...]
    # General cues and mistakes that are not true for some variations: text -> their ids.
    not_for: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def variation(self, variation_id: str) -> Variation:
        for variation in self.variations:
            if variation.id == variation_id:
                return variation
        valid = ", ".join(v.id for v in self.variations)
        raise KeyError(f"{self.id} has no variation {variation_id!r} (valid: {valid})")

    def _true_for(self, texts: tuple[str, ...], variation_id: str) -> tuple[str, ...]:
        excluded = {text for text, ids in self.not_for if variation_id in ids}
        return tuple(text for text in texts if text not in excluded)

    def cues_for(self, variation_id: str) -> tuple[str, ...]:
        """The general cues true for this variation, then its own."""
        return self._true_for(self.cues, variation_id) + self.variation(variation_id).cues

    def mistakes_for(self, variation_id: str) -> tuple[str, ...]:
        self.variation(variation_id)  # an unknown id is an error, as for cues
        return self._true_for(self.mistakes, variation_id)


class BandLevel(NamedTuple):
    id: str
    name: str
    colour: str


class Catalog(NamedTuple):
    exercises: tuple[Exercise, ...]
    band_levels: tuple[BandLevel, ...]

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        valid = ", ".join(e.id for e in self.exercises)
        raise KeyError(f"unknown exercise {exercise_id!r} (valid: {valid})")

    def band(self, band_id: str) -> BandLevel:
        for level in self.band_levels:
            if level.id == band_id:
                return level
        valid = ", ".join(b.id for b in self.band_levels)
        raise KeyError(f"unknown band level {band_id!r} (valid: {valid})")


class _Reader:
    """Typed access to one TOML table, naming the file and key in every error."""

    def __init__(self, source: str, where: str, table: dict[str, Any]) -> None:
        self.source, self.where, self.table = source, where, table

    def _fail(self, key: str, problem: str) -> CatalogError:
        return CatalogError(f"{self.source}: {self.where}.{key}: {problem}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.table.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self._fail(key, "must be non-empty text")
        return value

    def texts_not_for(
        self, key: str, variation_ids: set[str]
    ) -> tuple[tuple[str, ...], list[tuple[str, tuple[str, ...]]]]:
        """A list of texts, each plain or `{ text = "...", not_for = ["variation", ...] }`."""
        value = self.table.get(key)
        if not isinstance(value, list) or not value:
            raise self._fail(key, "must be a non-empty list of text")
        texts: list[str] = []
        exceptions: list[tuple[str, tuple[str, ...]]] = []
        for entry in value:
            if isinstance(entry, dict):
                text, ids = entry.get("text"), entry.get("not_for")
                if not isinstance(text, str) or not text or not isinstance(ids, list):
                    raise self._fail(key, "entries must be text or { text, not_for }")
                unknown = [i for i in ids if i not in variation_ids]
                if unknown or not ids:
                    raise self._fail(key, f"not_for names no variation of this exercise: {unknown}")
                exceptions.append((text, tuple(ids)))
                entry = text
            if not isinstance(entry, str) or not entry:
                raise self._fail(key, "must be a list of text")
            texts.append(entry)
        return tuple(texts), exceptions

    def texts(self, key: str, required: bool = True) -> tuple[str, ...]:
        value = self.table.get(key, [] if not required else None)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self._fail(key, "must be a list of text")
        if required and not value:
            raise self._fail(key, "must not be empty")
        return tuple(value)

    def boolean(self, key: str) -> bool:
        value = self.table.get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "must be true or false")
        return value

    def number(self, key: str, *, minimum: float, optional: bool = False) -> float | None:
        value = self.table.get(key)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
            raise self._fail(key, f"must be a number >= {minimum}")
        return float(value)

    def tables(self, key: str) -> list[dict[str, Any]]:
        value = self.table.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self._fail(key, "must be a non-empty list of tables")
        return value


def _dose(reader: _Reader) -> Dose:
    raw = reader.table.get("dose")
    if not isinstance(raw, dict):
        raise CatalogError(f"{reader.source}: {reader.where}.dose: must be a table")
    dose = _Reader(reader.source, f"{reader.where}.dose", raw)
    reps = dose.number("reps", minimum=1, optional=True)
    hold = dose.number("hold_s", minimum=1, optional=True)
    if reps is None and hold is None:
        raise CatalogError(f"{reader.source}: {reader.where}.dose: needs reps or hold_s")
    return Dose(
        sets=int(dose.number("sets", minimum=1) or 1),
        reps=None if reps is None else int(reps),
        hold_s=hold,
        rest_s=dose.number("rest_s", minimum=0) or 0.0,
    )


def _exercise(source: str, index: int, raw: dict[str, Any]) -> Exercise:
    r = _Reader(source, f"exercises[{index}]", raw)
    variations = []
    for v_index, v_raw in enumerate(r.tables("variations")):
        v = _Reader(source, f"{r.where}.variations[{v_index}]", v_raw)
        variations.append(
            Variation(
                id=v.text("id"),
                name=v.text("name"),
                summary=v.text("summary"),
                uses_band=v.boolean("uses_band"),
                cues=v.texts("cues", required=False),
            )
        )
    ids = {v.id for v in variations}
    cues, cue_exceptions = r.texts_not_for("cues", ids)
    mistakes, mistake_exceptions = r.texts_not_for("mistakes", ids)
    return Exercise(
        id=r.text("id"),
        name=r.text("name"),
        targets=r.text("targets"),
        setup=r.text("setup"),
        equipment=r.texts("equipment"),
        cues=cues,
        mistakes=mistakes,
        dose=_dose(r),
        dose_note=r.text("dose_note"),
        evidence=r.text("evidence"),
        evidence_source=r.text("evidence_source", default=""),
        variations=tuple(variations),
        not_for=tuple(cue_exceptions + mistake_exceptions),
    )


def load_catalog(path: Path | None = None) -> Catalog:
    """Read and check the catalogue; raises CatalogError naming the file and key."""
    source_path = path or resource("exercises.toml")
    source = source_path.name
    try:
        data = tomllib.loads(source_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"{source}: cannot read: {exc}") from exc
    top = _Reader(source, "catalog", data)
    exercises = tuple(_exercise(source, i, raw) for i, raw in enumerate(top.tables("exercises")))
    bands = []
    for index, raw in enumerate(top.tables("band_levels")):
        b = _Reader(source, f"band_levels[{index}]", raw)
        bands.append(BandLevel(id=b.text("id"), name=b.text("name"), colour=b.text("colour")))
    ids = [e.id for e in exercises]
    if len(set(ids)) != len(ids):
        raise CatalogError(f"{source}: exercises: duplicate exercise id")
    return Catalog(exercises=exercises, band_levels=tuple(bands))
