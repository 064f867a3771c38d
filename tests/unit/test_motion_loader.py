"""Loading animations: good files load, broken ones name the file, key and problem."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from glutemed.motion import AnimationError, load_animation
from glutemed.motion.loader import load_animation_file

ANIMATIONS = Path(__file__).resolve().parents[2] / "animations"


def _good() -> dict[str, Any]:
    return json.loads((ANIMATIONS / "standing_abduction.json").read_text())


def _write(tmp_path: Path, data: Any, name: str = "standing_abduction") -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def test_good_file_loads(tmp_path: Path) -> None:
    anim = load_animation_file(_write(tmp_path, _good()))
    assert anim.variation_ids == ("standard", "band")
    assert anim.best_view == (-20.0, 10.0)


def _broken(mutate) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(_good())
    mutate(data)
    return data


CASES = [
    (lambda d: d.pop("anchor"), "anchor", "missing"),
    (lambda d: d["phases"][0].__setitem__("duration", -1), "phases[0].duration", "positive"),
    (
        lambda d: d["phases"][0]["to"].__setitem__("hip_r.wiggle", 3),
        "phases[0].to.hip_r.wiggle",
        "unknown channel",
    ),
    (lambda d: d["start"].__setitem__("hip_r.abd", "far"), "start.hip_r.abd", "number"),
    (lambda d: d["props"][1].__setitem__("kind", "trampoline"), "props[1].kind", "unknown value"),
    (
        lambda d: d["variations"]["band"]["band"]["to"].__setitem__("segment", "tail"),
        "variations.band.band.to.segment",
        "unknown value",
    ),
    (
        lambda d: d["phases"][2].__setitem__("to", {}),
        "variations.standard.phases",
        "the rep ends with",
    ),
    (lambda d: d.__setitem__("exercise", "clamshell"), "exercise", "does not match"),
    (lambda d: d["phases"][0].__setitem__("ease", "bouncy"), "phases[0].ease", "unknown value"),
    (
        lambda d: d["variations"]["band"].__setitem__("colour", "red"),
        "variations.band.colour",
        "unknown key",
    ),
    (lambda d: d["anchor"].__setitem__("at", [0, 1]), "anchor.at", "[x, y, z]"),
]


@pytest.mark.parametrize(("mutate", "key", "problem"), CASES)
def test_broken_file_names_file_key_and_problem(
    tmp_path: Path, mutate: Any, key: str, problem: str
) -> None:
    path = _write(tmp_path, _broken(mutate))
    with pytest.raises(AnimationError) as err:
        load_animation_file(path)
    message = str(err.value)
    assert message.startswith("standing_abduction.json: ")
    assert f": {key}: " in message
    assert problem in message


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"exercise": "standing_abduction",\n  "title": }')
    with pytest.raises(AnimationError, match=r"standing_abduction\.json: \(line 2, column 12\)"):
        load_animation_file(path)


def test_unknown_exercise_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="clamshell, fire_hydrant"):
        load_animation("cartwheel", ANIMATIONS)


def test_unknown_variation_lists_the_valid_ones() -> None:
    anim = load_animation("fire_hydrant", ANIMATIONS)
    with pytest.raises(ValueError, match="standard, band, extension"):
        anim.rep_duration("kick")
