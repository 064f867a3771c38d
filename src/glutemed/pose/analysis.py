"""A whole recording analysed: the lifts found, and how many frames it took."""

from __future__ import annotations

from dataclasses import dataclass

from glutemed.pose.stance_rules import LeanSide
from glutemed.pose.stance_tracker import Lift


@dataclass(frozen=True, slots=True)
class StanceAnalysis:
    lifts: tuple[Lift, ...]
    frames: int
    seconds: float  # the recording's length

    @property
    def fps_analysed(self) -> float:
        return self.frames / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "lifts": [lift.as_dict() for lift in self.lifts],
            "frames": self.frames,
            "fps_analysed": round(self.fps_analysed, 2),
        }

    def lines(self) -> list[str]:
        """Plain-text summary, one line per lift."""
        if not self.lifts:
            found = ["No single-leg stance found."]
        else:
            found = [
                f"{lift.start_s:6.2f}-{lift.end_s:6.2f} s  on the {lift.stance_side.value} leg "
                f"{lift.seconds:5.2f} s, ended by {lift.ended_by.value.replace('_', ' ')}; "
                f"hands on hips: {'yes' if lift.hands_on_hips else 'no'}; "
                f"pelvic drop {_deg(lift.pelvic_drop_deg_max)}, "
                f"trunk lean {_deg(lift.trunk_lean_deg_max)}{_lean_way(lift.trunk_lean_side)}"
                for lift in self.lifts
            ]
        return [*found, f"{self.frames} frames analysed ({self.fps_analysed:.1f} per second)."]


def _deg(value: float | None) -> str:
    return "not measured" if value is None else f"{value:.1f}°"


def _lean_way(side: LeanSide | None) -> str:
    if side is None:
        return ""
    return " towards the standing leg" if side is LeanSide.STANCE else " away from the standing leg"
