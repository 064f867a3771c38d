"""Exercise animations: one rep as named phases of eased keyframes, per variation."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from glutemed.motion.projection import view_angles
from glutemed.motion.skeleton import (
    ANGLE_CHANNELS,
    SEGMENTS,
    Pose,
    forward,
    mirror_point,
    mirror_pose,
    swap_side,
)
from glutemed.motion.solve import Anchor, FlatFoot, Reach, flatten_foot, place_root, reach
from glutemed.motion.solve import swing_leg as _swing_leg
from glutemed.motion.vec import Vec3, lerp

ROOT_CHANNELS = ("root.yaw", "root.pitch", "root.roll")
# Leg turns about the hip-ankle line (swing) or hip-heel line (clam); see solve.swing_leg.
SWING_CHANNELS = ("swing_l", "swing_r", "clam_l", "clam_r")
CHANNELS: frozenset[str] = frozenset((*ANGLE_CHANNELS, *ROOT_CHANNELS, *SWING_CHANNELS))
SIDES = ("right", "left")
GLOW_FADE_S = 0.25  # the glow eases off rather than blinking out


def _in_out(u: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * u)


EASINGS: dict[str, Callable[[float], float]] = {
    "linear": lambda u: u,
    "in_out": _in_out,
    "in": lambda u: 1.0 - math.cos(math.pi * u / 2),
    "out": lambda u: math.sin(math.pi * u / 2),
}


@dataclass(frozen=True)
class AnimationPhase:
    name: str
    duration: float
    ease: str
    active: bool
    targets: Mapping[str, float]  # channel values reached at the end of the phase
    to_start: bool = False  # the phase ends back at the start pose


@dataclass(frozen=True)
class Prop:
    """Scenery in world coordinates (authored for the right side).

    kind: floor, mat, wall (points are polygon corners), pole, towel, pillow (points
    are the two ends of a capsule of *radius*).
    """

    kind: str
    points: tuple[Vec3, ...] = ()
    radius: float = 0.0

    def mirrored(self) -> Prop:
        return Prop(self.kind, tuple(mirror_point(p) for p in self.points), self.radius)


@dataclass(frozen=True)
class BandAnchor:
    """A point a fraction *at* of the way along a body segment."""

    segment: str
    at: float

    def locate(self, positions: Mapping[str, Vec3]) -> Vec3:
        a, b = SEGMENTS[self.segment]
        return lerp(positions[a], positions[b], self.at)

    def mirrored(self) -> BandAnchor:
        name = self.segment
        if name.endswith(("_l", "_r")):
            name = name[:-1] + ("r" if name.endswith("_l") else "l")
        return BandAnchor(name, self.at)


@dataclass(frozen=True)
class Working:
    """What a viewer must see move: the working joint and the segments that carry it.

    Authored for the right side. *min_travel* is the least on-screen travel of the
    joint as a fraction of the figure's size; *why* justifies any floor below the
    default (e.g. the reverse clam's foot turns through a small arc by nature).
    """

    joint: str = "ankle_r"
    segments: tuple[str, ...] = ("thigh_r", "shank_r")
    min_travel: float = 0.12
    why: str = ""

    def for_side(self, side: str) -> Working:
        if side == "right":
            return self
        return Working(
            swap_side(self.joint),
            tuple(swap_side(s) for s in self.segments),
            self.min_travel,
            self.why,
        )


@dataclass(frozen=True)
class Variation:
    id: str
    start: Mapping[str, float]
    phases: tuple[AnimationPhase, ...]
    anchor: Anchor
    reaches: tuple[Reach, ...]
    flat_feet: tuple[FlatFoot, ...]
    contacts: tuple[str, ...]
    props: tuple[Prop, ...]
    band: tuple[BandAnchor, BandAnchor] | None
    working: Working = Working()
    camera: tuple[float, float] | None = None  # this variation's own best view, if any
    keyframes: tuple[Mapping[str, float], ...] = field(init=False)

    def __post_init__(self) -> None:
        frames = [dict(self.start)]
        for phase in self.phases:
            nxt = dict(self.start) if phase.to_start else dict(frames[-1])
            nxt.update(phase.targets)
            frames.append(nxt)
        object.__setattr__(self, "keyframes", tuple(frames))


@dataclass(frozen=True)
class Frame:
    """Everything a painter needs for one moment of a demo."""

    pose: Pose
    positions: dict[str, Vec3]
    phase: str
    glow: float  # 0..1, gluteus medius highlight strength
    band: tuple[Vec3, Vec3] | None
    props: tuple[Prop, ...]
    side: str
    working_leg: str  # "l" or "r"


@dataclass(frozen=True)
class Animation:
    exercise_id: str
    title: str
    best_view: tuple[float, float]  # camera (yaw, pitch) in degrees, authored side
    both_glutes: bool  # the stance/pressing side works too (dimmer glow)
    variations: Mapping[str, Variation]
    # Named views (front, side, top) this exercise redefines, authored side: a person
    # lying on their side is seen "from the side" from above, not along the body.
    views: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def camera_angles(
        self, view: str, side: str = "right", variation_id: str | None = None
    ) -> tuple[float, float]:
        """Camera (yaw, pitch) for a named view of this demo, mirrored for the left side.

        "best" is the variation's own view when it has one (a leg moved forward is seen
        better from further round), else the exercise's.
        """
        if view in self.views:
            return view_angles("best", self.views[view], side)
        best = self.best_view
        if variation_id is not None:
            best = self.variation(variation_id).camera or best
        return view_angles(view, best, side)

    @property
    def variation_ids(self) -> tuple[str, ...]:
        return tuple(self.variations)

    def variation(self, variation_id: str) -> Variation:
        try:
            return self.variations[variation_id]
        except KeyError:
            valid = ", ".join(self.variations)
            raise ValueError(
                f"unknown variation {variation_id!r} for {self.exercise_id} (valid: {valid})"
            ) from None

    def phases(self, variation_id: str, tempo: float = 1.0) -> list[tuple[str, float]]:
        """AnimationPhase names and durations in seconds; tempo > 1 plays faster."""
        _check_tempo(tempo)
        return [(p.name, p.duration / tempo) for p in self.variation(variation_id).phases]

    def rep_duration(self, variation_id: str, tempo: float = 1.0) -> float:
        return sum(d for _, d in self.phases(variation_id, tempo))

    def _locate(self, var: Variation, t: float) -> tuple[int, float]:
        """AnimationPhase index and progress 0..1 at *t* seconds (tempo 1) into a rep."""
        t %= sum(p.duration for p in var.phases)
        for i, phase in enumerate(var.phases):
            if t < phase.duration:
                return i, t / phase.duration
            t -= phase.duration
        return len(var.phases) - 1, 1.0

    def phase_at(self, variation_id: str, t: float, tempo: float = 1.0) -> tuple[str, int]:
        """(phase name, rep index) after *t* seconds of playing at *tempo*."""
        var = self.variation(variation_id)
        base = max(0.0, t) * tempo
        rep_len = sum(p.duration for p in var.phases)
        rep = int(base // rep_len)
        index, _ = self._locate(var, base - rep * rep_len)
        return var.phases[index].name, rep

    def peak_time(self, variation_id: str) -> float:
        """Seconds into the rep where the pose is furthest from the start: the poster frame."""
        var = self.variation(variation_id)
        start, best, best_t, t = var.keyframes[0], -1.0, 0.0, 0.0
        for phase, key in zip(var.phases, var.keyframes[1:], strict=True):
            t += phase.duration
            distance = sum(abs(v - start.get(c, 0.0)) for c, v in key.items())
            if distance > best + 1e-9:
                best, best_t = distance, t
        return best_t

    def is_active(self, variation_id: str, t: float, tempo: float = 1.0) -> bool:
        var = self.variation(variation_id)
        index, _ = self._locate(var, max(0.0, t) * tempo)
        return var.phases[index].active

    def channels_at(self, variation_id: str, t: float) -> dict[str, float]:
        """Interpolated animation channels at *t* seconds (tempo 1) into a rep."""
        var = self.variation(variation_id)
        index, u = self._locate(var, t)
        before, after = var.keyframes[index], var.keyframes[index + 1]
        k = EASINGS[var.phases[index].ease](u)
        return {c: before[c] + (after.get(c, before[c]) - before[c]) * k for c in before}

    def pose_at(self, variation_id: str, t: float, side: str = "right", tempo: float = 1.0) -> Pose:
        """The solved pose *t* seconds into a rep (wraps), for the working *side*."""
        _check_side(side)
        var = self.variation(variation_id)
        ch = self.channels_at(variation_id, max(0.0, t) * tempo)
        angles = {c: v for c, v in ch.items() if c in ANGLE_CHANNELS}
        for s in ("l", "r"):
            if ch.get(f"swing_{s}", 0.0):
                _swing_leg(angles, s, ch[f"swing_{s}"], "ankle")
            if ch.get(f"clam_{s}", 0.0):
                _swing_leg(angles, s, ch[f"clam_{s}"], "heel")
        pose = Pose(
            yaw=ch.get("root.yaw", 0.0),
            pitch=ch.get("root.pitch", 0.0),
            roll=ch.get("root.roll", 0.0),
            angles=angles,
        )
        pose = place_root(pose, var.anchor)
        for goal in var.reaches:
            pose = reach(pose, goal)
        for foot in var.flat_feet:
            pose = flatten_foot(pose, foot)
        return mirror_pose(pose) if side == "left" else pose

    def glow_at(self, variation_id: str, t: float, tempo: float = 1.0) -> float:
        var = self.variation(variation_id)
        base = max(0.0, t) * tempo
        index, u = self._locate(var, base)
        if var.phases[index].active:
            return 1.0
        prev = var.phases[index - 1]  # index -1 wraps to the last phase: reps loop
        since = u * var.phases[index].duration
        return max(0.0, 1.0 - since / GLOW_FADE_S) if prev.active else 0.0

    def props(self, variation_id: str, side: str = "right") -> tuple[Prop, ...]:
        _check_side(side)
        props = self.variation(variation_id).props
        return tuple(p.mirrored() for p in props) if side == "left" else props

    def band_anchors(self, variation_id: str, side: str = "right") -> tuple[BandAnchor, ...]:
        band = self.variation(variation_id).band
        if band is None:
            return ()
        return tuple(b.mirrored() for b in band) if side == "left" else band

    def frame(self, variation_id: str, t: float, side: str = "right", tempo: float = 1.0) -> Frame:
        pose = self.pose_at(variation_id, t, side, tempo)
        positions = forward(pose).positions
        anchors = self.band_anchors(variation_id, side)
        band = (anchors[0].locate(positions), anchors[1].locate(positions)) if anchors else None
        return Frame(
            pose=pose,
            positions=positions,
            phase=self.phase_at(variation_id, t, tempo)[0],
            glow=self.glow_at(variation_id, t, tempo),
            band=band,
            props=self.props(variation_id, side),
            side=side,
            working_leg="l" if side == "left" else "r",
        )


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise ValueError(f"unknown side {side!r} (valid: right, left)")


def _check_tempo(tempo: float) -> None:
    if not tempo > 0:
        raise ValueError(f"tempo must be positive, got {tempo}")
