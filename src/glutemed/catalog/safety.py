"""Safety guidance shown before the first session and in Help (CONTENT.md "Safety", NHS)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SafetySection:
    title: str
    points: tuple[str, ...]


SAFETY_INTRO = (
    "GluteMed helps you exercise at home. It cannot diagnose anything and it does not replace "
    "a doctor or physiotherapist."
)

SAFETY_SECTIONS: tuple[SafetySection, ...] = (
    SafetySection(
        "Get urgent medical help if back pain comes with",
        (
            "new trouble controlling your bladder or bowels;",
            "numbness around the genitals, buttocks or inner thighs (the 'saddle' area);",
            "new weakness in a leg, or losing coordination;",
            "pain in both legs.",
        ),
    ),
    SafetySection(
        "See a clinician soon if you have",
        (
            "a fever, or weight loss you cannot explain;",
            "had cancer in the past;",
            "severe pain at night;",
            "had a serious fall or accident;",
            "pain that spreads down a leg.",
        ),
    ),
    SafetySection(
        "While you exercise",
        (
            "Feeling the muscles work, even some discomfort, is expected.",
            "Sharp pain, or pain that keeps building, means stop that exercise.",
        ),
    ),
)

SAFETY_SOURCE = "Red flags after NHS guidance on back pain."
