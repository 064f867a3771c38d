"""Stick-figure motion: skeleton, poses, keyframed exercise animations, projection.

Pure Python (no Qt, no numpy) so the maths stays testable and off the start-up path.
"""

from __future__ import annotations

from pathlib import Path

from glutemed.motion.animation import Animation, AnimationPhase, BandAnchor, Frame, Prop, Variation
from glutemed.motion.loader import AnimationError, load_animation_file
from glutemed.motion.projection import VIEW_NAMES, VIEWS, Camera, project, view_angles
from glutemed.motion.skeleton import JOINTS, SEGMENTS, Pose, joint_positions, mirror_pose

EXERCISE_IDS = (
    "standing_abduction",
    "clamshell",
    "fire_hydrant",
    "wall_press_out",
    "side_plank_abduction",
    "stance_test",
)


def _folder(folder: Path | None) -> Path:
    if folder is not None:
        return folder
    from glutemed.paths import animations_dir

    return animations_dir()


def load_animation(exercise_id: str, folder: Path | None = None) -> Animation:
    """Load animations/<exercise_id>.json; unknown ids raise ValueError listing the valid."""
    path = _folder(folder) / f"{exercise_id}.json"
    if not path.is_file():
        known = sorted(p.stem for p in _folder(folder).glob("*.json"))
        raise ValueError(f"unknown exercise {exercise_id!r} (valid: {', '.join(known)})")
    return load_animation_file(path)


def load_all(folder: Path | None = None) -> dict[str, Animation]:
    """Every animation in the folder, keyed by exercise id."""
    base = _folder(folder)
    return {p.stem: load_animation_file(p) for p in sorted(base.glob("*.json"))}


__all__ = [
    "EXERCISE_IDS",
    "JOINTS",
    "SEGMENTS",
    "VIEWS",
    "VIEW_NAMES",
    "Animation",
    "AnimationError",
    "AnimationPhase",
    "BandAnchor",
    "Camera",
    "Frame",
    "Pose",
    "Prop",
    "Variation",
    "joint_positions",
    "load_all",
    "load_animation",
    "mirror_pose",
    "project",
    "view_angles",
]
