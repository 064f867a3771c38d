"""Read and validate animations/<exercise_id>.json; errors name the file, key and problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from glutemed.motion.animation import (
    CHANNELS,
    EASINGS,
    Animation,
    AnimationPhase,
    BandAnchor,
    Prop,
    Variation,
    Working,
)
from glutemed.motion.skeleton import JOINTS, SEGMENTS
from glutemed.motion.solve import Anchor, FlatFoot, Reach
from glutemed.motion.vec import Vec3

PROP_KINDS = ("floor", "mat", "wall", "pole", "towel", "pillow")
LIMBS = ("arm_l", "arm_r", "leg_l", "leg_r")
_VARIATION_KEYS = frozenset(
    {
        "start",
        "phases",
        "keyframes",
        "anchor",
        "reach",
        "flat_feet",
        "contacts",
        "props",
        "band",
        "working",
        "camera",
    }
)


class AnimationError(ValueError):
    """A broken animation file; the message names the file, the key and the problem."""


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> AnimationError:
        return AnimationError(f"{self.path.name}: {key}: {problem}")

    def get(self, obj: dict[str, Any], key: str, where: str) -> Any:
        if key not in obj:
            raise self.fail(f"{where}.{key}".lstrip("."), "missing")
        return obj[key]

    def obj(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"must be an object, got {type(value).__name__}")
        return value

    def lst(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, got {type(value).__name__}")
        return value

    def num(self, value: Any, key: str, positive: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, got {value!r}")
        if positive and not value > 0:
            raise self.fail(key, f"must be a positive number, got {value!r}")
        return float(value)

    def text(self, value: Any, key: str, choices: tuple[str, ...] | None = None) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, got {value!r}")
        if choices is not None and value not in choices:
            raise self.fail(key, f"unknown value {value!r} (valid: {', '.join(choices)})")
        return value

    def vec(self, value: Any, key: str) -> Vec3:
        items = self.lst(value, key)
        if len(items) != 3:
            raise self.fail(key, f"must be [x, y, z], got {value!r}")
        x, y, z = (self.num(v, f"{key}[{i}]") for i, v in enumerate(items))
        return (x, y, z)

    def channels(self, value: Any, key: str) -> dict[str, float]:
        out = {}
        for name, v in self.obj(value, key).items():
            if name not in CHANNELS:
                raise self.fail(f"{key}.{name}", "unknown channel")
            out[name] = self.num(v, f"{key}.{name}")
        return out


def _phases(r: _Reader, value: Any, key: str) -> tuple[AnimationPhase, ...]:
    phases = []
    for i, raw in enumerate(r.lst(value, key)):
        k = f"{key}[{i}]"
        ph = r.obj(raw, k)
        to = ph.get("to", {})
        to_start = to == "start"
        phases.append(
            AnimationPhase(
                name=r.text(r.get(ph, "name", k), f"{k}.name"),
                duration=r.num(r.get(ph, "duration", k), f"{k}.duration", positive=True),
                ease=r.text(ph.get("ease", "in_out"), f"{k}.ease", tuple(EASINGS)),
                active=bool(ph.get("active", False)),
                targets={} if to_start else r.channels(to, f"{k}.to"),
                to_start=to_start,
            )
        )
    if not phases:
        raise r.fail(key, "a rep needs at least one phase")
    names = [p.name for p in phases]
    if len(set(names)) != len(names):
        raise r.fail(key, f"phase names repeat: {names}")
    return tuple(phases)


def _props(r: _Reader, value: Any, key: str) -> tuple[Prop, ...]:
    props = []
    for i, raw in enumerate(r.lst(value, key)):
        k = f"{key}[{i}]"
        p = r.obj(raw, k)
        kind = r.text(r.get(p, "kind", k), f"{k}.kind", PROP_KINDS)
        points = tuple(r.vec(v, f"{k}.points[{j}]") for j, v in enumerate(p.get("points", [])))
        needed = {"floor": 0, "mat": 4, "wall": 4}.get(kind, 2)
        if len(points) != needed:
            raise r.fail(f"{k}.points", f"a {kind} needs {needed} points, got {len(points)}")
        radius = r.num(p.get("radius", 0.0), f"{k}.radius")
        props.append(Prop(kind, points, radius))
    return tuple(props)


def _band(r: _Reader, value: Any, key: str) -> tuple[BandAnchor, BandAnchor] | None:
    if value is None:
        return None
    b = r.obj(value, key)
    ends = []
    for end in ("from", "to"):
        k = f"{key}.{end}"
        e = r.obj(r.get(b, end, key), k)
        seg = r.text(r.get(e, "segment", k), f"{k}.segment", tuple(SEGMENTS))
        at = r.num(r.get(e, "at", k), f"{k}.at")
        if not 0.0 <= at <= 1.0:
            raise r.fail(f"{k}.at", f"must be between 0 and 1, got {at}")
        ends.append(BandAnchor(seg, at))
    return ends[0], ends[1]


def _camera(r: _Reader, value: Any, key: str) -> tuple[float, float]:
    c = r.obj(value, key)
    return r.num(r.get(c, "yaw", key), f"{key}.yaw"), r.num(r.get(c, "pitch", key), f"{key}.pitch")


def _working(r: _Reader, value: Any, key: str) -> Working:
    if value is None:
        return Working()
    w = r.obj(value, key)
    for name in w:
        if name not in ("joint", "segments", "min_travel", "why"):
            raise r.fail(f"{key}.{name}", "unknown key")
    segments = tuple(
        r.text(s, f"{key}.segments[{i}]", tuple(SEGMENTS))
        for i, s in enumerate(r.lst(w.get("segments", ["thigh_r", "shank_r"]), f"{key}.segments"))
    )
    travel = r.num(w.get("min_travel", 0.12), f"{key}.min_travel", positive=True)
    why = r.text(w.get("why", ""), f"{key}.why")
    if travel < 0.12 and not why:
        raise r.fail(f"{key}.why", "a travel floor below 0.12 needs a reason")
    return Working(r.text(w.get("joint", "ankle_r"), f"{key}.joint", JOINTS), segments, travel, why)


def _variation(r: _Reader, base: dict[str, Any], var_id: str, raw: Any) -> Variation:
    key = f"variations.{var_id}"
    over = r.obj(raw, key)
    for name in over:
        if name not in _VARIATION_KEYS and name != "title":
            raise r.fail(f"{key}.{name}", "unknown key")
    merged = {**base, **{k: v for k, v in over.items() if k not in ("start", "keyframes")}}

    def where(name: str) -> str:
        return f"{key}.{name}" if name in over else name

    start = r.channels(r.get(base, "start", ""), "start")
    start.update(r.channels(over.get("start", {}), f"{key}.start"))
    phases = list(_phases(r, r.get(merged, "phases", ""), where("phases")))
    for name, targets in r.obj(over.get("keyframes", {}), f"{key}.keyframes").items():
        match = [i for i, p in enumerate(phases) if p.name == name]
        if not match:
            raise r.fail(f"{key}.keyframes.{name}", "no phase of that name")
        p = phases[match[0]]
        extra = r.channels(targets, f"{key}.keyframes.{name}")
        phases[match[0]] = AnimationPhase(
            p.name, p.duration, p.ease, p.active, {**p.targets, **extra}, p.to_start
        )
    a = r.obj(r.get(merged, "anchor", ""), where("anchor"))
    anchor = Anchor(
        r.text(r.get(a, "joint", where("anchor")), f"{where('anchor')}.joint", JOINTS),
        r.vec(r.get(a, "at", where("anchor")), f"{where('anchor')}.at"),
    )
    reaches = []
    for i, raw_goal in enumerate(r.lst(merged.get("reach", []), where("reach"))):
        k = f"{where('reach')}[{i}]"
        g = r.obj(raw_goal, k)
        reaches.append(
            Reach(
                limb=r.text(r.get(g, "limb", k), f"{k}.limb", LIMBS),
                target=r.vec(r.get(g, "target", k), f"{k}.target"),
                frame=r.text(g.get("frame", "world"), f"{k}.frame", ("world", "pelvis")),
                bend=r.vec(r.get(g, "bend", k), f"{k}.bend"),
            )
        )
    feet = []
    for i, raw_foot in enumerate(r.lst(merged.get("flat_feet", []), where("flat_feet"))):
        k = f"{where('flat_feet')}[{i}]"
        f = r.obj(raw_foot, k)
        side = r.text(r.get(f, "side", k), f"{k}.side", ("l", "r"))
        feet.append(FlatFoot(side, r.num(f.get("yaw", 0.0), f"{k}.yaw")))
    contacts = tuple(
        r.text(c, f"{where('contacts')}[{i}]", JOINTS)
        for i, c in enumerate(r.lst(merged.get("contacts", []), where("contacts")))
    )
    variation = Variation(
        id=var_id,
        start=start,
        phases=tuple(phases),
        anchor=anchor,
        reaches=tuple(reaches),
        flat_feet=tuple(feet),
        contacts=contacts,
        props=_props(r, merged.get("props", []), where("props")),
        band=_band(r, merged.get("band"), where("band")),
        working=_working(r, merged.get("working"), where("working")),
        camera=_camera(r, over["camera"], f"{key}.camera") if "camera" in over else None,
    )
    _check_closes(r, variation, key)
    return variation


def _check_closes(r: _Reader, var: Variation, key: str) -> None:
    """A rep must end where it starts, or looping would jump."""
    first, last = var.keyframes[0], var.keyframes[-1]
    for channel, value in last.items():
        if abs(value - first.get(channel, 0.0)) > 1e-9:
            raise r.fail(
                f"{key}.phases",
                f"the rep ends with {channel} = {value} but starts at {first.get(channel, 0.0)}",
            )


def parse_animation(path: Path, data: Any) -> Animation:
    r = _Reader(path)
    root = r.obj(data, "(top level)")
    exercise_id = r.text(r.get(root, "exercise", ""), "exercise")
    if exercise_id != path.stem:
        raise r.fail("exercise", f"{exercise_id!r} does not match the file name {path.stem!r}")
    camera = _camera(r, r.get(root, "camera", ""), "camera")
    variations_raw = r.obj(r.get(root, "variations", ""), "variations")
    if not variations_raw:
        raise r.fail("variations", "at least one variation is needed")
    variations = {vid: _variation(r, root, vid, raw) for vid, raw in variations_raw.items()}
    views = {}
    for name, raw_view in r.obj(root.get("views", {}), "views").items():
        k = f"views.{name}"
        r.text(name, k, ("front", "side", "top"))
        v = r.obj(raw_view, k)
        views[name] = (
            r.num(r.get(v, "yaw", k), f"{k}.yaw"),
            r.num(r.get(v, "pitch", k), f"{k}.pitch"),
        )
    return Animation(
        exercise_id=exercise_id,
        title=r.text(r.get(root, "title", ""), "title"),
        best_view=camera,
        both_glutes=bool(root.get("both_glutes", False)),
        variations=variations,
        views=views,
    )


def load_animation_file(path: Path) -> Animation:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AnimationError(f"{path.name}: (file): cannot read: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnimationError(
            f"{path.name}: (line {exc.lineno}, column {exc.colno}): invalid JSON: {exc.msg}"
        ) from None
    return parse_animation(path, data)
