"""The safety screen before the first workout, and how each answer changes the plan.

Every change carries its reason. Hip precautions after a replacement follow NHS patient
advice (Leeds Teaching Hospitals NHS Trust, "Total hip replacement: a guide to your
rehabilitation"): no bending the hip past 90 degrees, no crossing the legs, no twisting the
leg, for six weeks or longer, and the surgeon decides. Where no source gives a rule the
app only asks the person to check with their clinician, and says the caution is its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from glutemed.domain.records import RoutineItem

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("hip_replacement", "Have you had a hip replacement in the past year?"),
    ("hip_spine_surgery", "Have you had any other hip or spine surgery in the past year?"),
    ("pregnancy", "Are you pregnant?"),
    ("osteoporosis", "Have you been told you have osteoporosis?"),
    ("shoulder", "Do you have a shoulder problem?"),
    ("wrist", "Do you have a wrist problem?"),
    ("knee", "Do you have a knee problem?"),
)
QUESTION_KEYS = tuple(key for key, _ in QUESTIONS)
NHS_HIP = "NHS hip replacement advice, Leeds Teaching Hospitals NHS Trust"
REVERSE_CLAM = frozenset({"reverse", "reverse_band"})
SIDE_LYING = "side_lying_abduction"


class ScreenError(ValueError):
    """Answers that name an unknown question or are not yes/no."""


@dataclass(frozen=True)
class Adaptation:
    exercise_id: str | None  # None: a note about the whole plan
    action: str
    reason: str

    def describe(self) -> str:
        return f"{self.action}: {self.reason}" if self.reason else self.action


@dataclass(frozen=True)
class AdaptedPlan:
    items: tuple[RoutineItem, ...]
    adaptations: tuple[Adaptation, ...]
    extra_cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    see_clinician_first: bool = False


def check_answers(answers: Mapping[str, object]) -> dict[str, bool]:
    unknown = sorted(set(answers) - set(QUESTION_KEYS))
    if unknown:
        raise ScreenError(f"unknown screen question(s): {', '.join(unknown)}")
    for key, value in answers.items():
        if not isinstance(value, bool):
            raise ScreenError(f"screen answer {key!r} must be yes or no (true/false)")
    return {key: bool(answers.get(key, False)) for key in QUESTION_KEYS}


def adapt(
    items: Sequence[RoutineItem], answers: Mapping[str, object], side_lying_dose: RoutineItem
) -> AdaptedPlan:
    """The routine changed for *answers*; *side_lying_dose* is the swap-in for side plank."""
    said = check_answers(answers)
    out = list(items)
    notes: list[Adaptation] = []
    cues: dict[str, tuple[str, ...]] = {}
    first = False
    if said["hip_replacement"]:
        before = len(out)
        out = [
            i for i in out if not (i.exercise_id == "clamshell" and i.variation_id in REVERSE_CLAM)
        ]
        if len(out) != before:
            notes.append(
                Adaptation(
                    "clamshell",
                    "Reverse clam removed",
                    f"it turns the hip inwards, which is to be avoided after a hip replacement "
                    f"({NHS_HIP}).",
                )
            )
        cues["fire_hydrant"] = (
            "Keep the hip bent no more than a right angle: do not sit back towards your heels.",
        )
        notes.append(
            Adaptation(
                "fire_hydrant",
                "Fire hydrant kept shallow",
                f"bending the hip past 90 degrees is to be avoided after a hip replacement "
                f"({NHS_HIP}).",
            )
        )
        first = True
    if said["hip_spine_surgery"] or said["hip_replacement"]:
        notes.append(
            Adaptation(
                None,
                "See your surgeon or physiotherapist first",
                f"after surgery their advice comes before this plan ({NHS_HIP}).",
            )
        )
        first = True
    if said["shoulder"]:
        swapped = False
        for index, item in enumerate(out):
            if item.exercise_id == "side_plank_abduction":
                out[index] = replace(side_lying_dose, sides=item.sides, id=None)
                swapped = True
        if swapped:
            notes.append(
                Adaptation(
                    "side_plank_abduction",
                    "Side plank swapped for side-lying hip abduction",
                    "the side plank carries your weight on the shoulder; lying on your side "
                    "works the same muscle without it (Distefano et al. 2009 measured it).",
                )
            )
    if said["wrist"]:
        cues["fire_hydrant"] = (
            *cues.get("fire_hydrant", ()),
            "Rest on your forearms, not your hands.",
        )
        notes.append(
            Adaptation(
                "fire_hydrant",
                "Fire hydrant on the forearms",
                "resting on the forearms takes the load off the wrists.",
            )
        )
    if said["knee"]:
        cues["fire_hydrant"] = (
            *cues.get("fire_hydrant", ()),
            "Put a folded towel under your knees.",
        )
        cues["wall_press_out"] = ("Keep the squat shallow and stop if the knee hurts.",)
        notes.append(
            Adaptation(
                "fire_hydrant",
                "Padding under the knees",
                "kneeling loads the knees; padding spreads the pressure.",
            )
        )
    for key, what in (("pregnancy", "pregnancy"), ("osteoporosis", "osteoporosis")):
        if said[key]:
            notes.append(
                Adaptation(
                    None,
                    "Check with your doctor or midwife first"
                    if key == "pregnancy"
                    else "Check with your doctor first",
                    f"the app has no rule of its own for {what}; this caution is the app's "
                    "default, not a published rule.",
                )
            )
            first = True
    return AdaptedPlan(tuple(out), tuple(notes), cues, first)
