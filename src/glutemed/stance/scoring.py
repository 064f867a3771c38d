"""Results of a stance test: best and mean per side, symmetry, change, gentle markers.

Texts here are shown to the user as they are; each fact comes from CONTENT.md and names
its source. Nothing here is a diagnosis and the wording must never sound like one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from glutemed.domain.vocabulary import Eyes, Side
from glutemed.domain.wording import counted, stance_seconds, tenths

# Vellas et al. 1997 (J Am Geriatr Soc 45(6):735-8): in 316 community-living people over 60,
# being unable to stand on one leg for 5 s predicted injurious falls (relative risk 2.13).
FALL_MARKER_S = 5.0
# Araujo et al. 2022 (Br J Sports Med 56(17):975): 1702 people aged 51-75; not completing a
# 10 s one-legged stance went with higher all-cause mortality (adjusted HR 1.84).
ARAUJO_MARKER_S = 10.0
ARAUJO_AGES = (51, 75)


# One rounding rule for stance times everywhere (window, graphs, report).
fmt_s = stance_seconds


class TrialLike(Protocol):
    @property
    def side(self) -> Side: ...
    @property
    def seconds(self) -> float: ...
    @property
    def capped(self) -> bool: ...
    @property
    def pelvis_dropped(self) -> bool: ...
    @property
    def trunk_lean(self) -> bool: ...


@dataclass(frozen=True)
class SideSummary:
    side: Side
    best: float
    mean: float
    count: int
    capped: bool
    pelvis_drops: int
    trunk_leans: int


@dataclass(frozen=True)
class StanceSummary:
    eyes: Eyes
    cap_s: float
    left: SideSummary | None
    right: SideSummary | None

    def side(self, side: Side) -> SideSummary | None:
        return self.left if side == "left" else self.right

    @property
    def symmetry_pct(self) -> float | None:
        if self.left is None or self.right is None:
            return None
        return symmetry_pct(self.left.best, self.right.best)

    @property
    def weaker_side(self) -> Side | None:
        if self.left is None or self.right is None or self.left.best == self.right.best:
            return None
        return "left" if self.left.best < self.right.best else "right"


def symmetry_pct(a: float, b: float) -> float | None:
    """min/max x 100 (CONTENT.md); None when both are zero."""
    high = max(a, b)
    if high <= 0:
        return None
    return min(a, b) / high * 100.0


def summarize_side(side: Side, trials: Sequence[TrialLike]) -> SideSummary | None:
    mine = [t for t in trials if t.side == side]
    if not mine:
        return None
    times = [t.seconds for t in mine]
    return SideSummary(
        side=side,
        best=max(times),
        mean=sum(times) / len(times),
        count=len(mine),
        capped=any(t.capped for t in mine),
        pelvis_drops=sum(1 for t in mine if t.pelvis_dropped),
        trunk_leans=sum(1 for t in mine if t.trunk_lean),
    )


def summarize(trials: Sequence[TrialLike], eyes: Eyes, cap_s: float) -> StanceSummary:
    return StanceSummary(
        eyes=eyes,
        cap_s=cap_s,
        left=summarize_side("left", trials),
        right=summarize_side("right", trials),
    )


@dataclass(frozen=True)
class SideChange:
    side: Side
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before

    def describe(self) -> str:
        shown = tenths(self.after) - tenths(self.before)  # agrees with the times shown
        sign = "+" if shown >= 0 else "−"
        return (
            f"{self.side.capitalize()} leg best: {fmt_s(self.before)} s → {fmt_s(self.after)} s "
            f"({sign}{abs(shown) / 10:.1f} s)"
        )


def changes(previous: StanceSummary, current: StanceSummary) -> list[SideChange]:
    """Best-time change per side present in both tests."""
    found: list[SideChange] = []
    for side in ("left", "right"):
        before, after = previous.side(side), current.side(side)
        if before is not None and after is not None:
            found.append(SideChange(side, before.best, after.best))
    return found


@dataclass(frozen=True)
class Marker:
    side: Side | None
    text: str


def markers(summary: StanceSummary, ages: Sequence[int] = ()) -> list[Marker]:
    """Gentle notes for short eyes-open holds; never diagnostic.

    *ages* are the ages the person may have on the test day (one or two); the Araujo note
    needs all of them inside the study's 51-75.
    """
    if summary.eyes != "open":
        return []  # both findings are for eyes-open standing
    found: list[Marker] = []
    for side in ("left", "right"):
        result = summary.side(side)
        if result is None:
            continue
        leg = f"On your {side} leg"
        if result.best < FALL_MARKER_S:
            found.append(
                Marker(
                    side,
                    f"{leg} your best was under 5 s with eyes open. In a study of people over "
                    "60, those who could not stand on one leg for 5 s had about twice the "
                    "risk of being hurt in a fall over three years (Vellas et al. 1997). Keep "
                    "something sturdy within reach when you practise, and consider mentioning "
                    "it to your clinician. It is a prompt to take care, not a diagnosis.",
                )
            )
        elif (
            ages
            and all(ARAUJO_AGES[0] <= age <= ARAUJO_AGES[1] for age in ages)
            and result.best < ARAUJO_MARKER_S
        ):
            found.append(
                Marker(
                    side,
                    f"{leg} your best was under 10 s. In a study of 1702 people aged 51-75, "
                    "those who could not stand on one leg for 10 s had poorer long-term "
                    "health (Araujo et al. 2022). Their test was set up differently from "
                    "this one (here your hands stay on your hips), so read it as a rough "
                    "guide. It describes groups, not you: balance can be trained, and it is "
                    "worth raising at your next check-up.",
                )
            )
    return found


def other(side: Side) -> Side:
    return "right" if side == "left" else "left"


def pelvis_findings(summary: StanceSummary) -> list[str]:
    """What the pelvis and trunk checks suggest (Hardcastle & Nade 1985)."""
    found: list[str] = []
    for side in ("left", "right"):
        result = summary.side(side)
        if result is None or result.pelvis_drops == 0:
            continue
        found.append(
            f"Standing on your {side} leg, your pelvis dropped on the lifted ({other(side)}) "
            f"side in {result.pelvis_drops} of {counted(result.count, 'trial')}. "
            "In the Trendelenburg "
            f"test a drop on the lifted side suggests weak hip abductors (gluteus medius) "
            f"on the standing side, here your {side} hip (Hardcastle & Nade 1985)."
        )
    tested = [s for s in (summary.left, summary.right) if s is not None]
    if tested and not found:
        found.append(
            "Your pelvis stayed level on every trial: a good sign (Hardcastle & Nade 1985)."
        )
    leans = [s.side for s in tested if s.trunk_leans]
    if leans:
        where = " and ".join(f"your {side} leg" for side in leans)
        found.append(
            f"You leaned your trunk while standing on {where}. Leaning, pain and poor "
            "balance can give a false result in the pelvis check (Hardcastle & Nade 1985)."
        )
    elif found and any(s.pelvis_drops for s in tested):
        found.append(
            "Pain and poor balance can also make the pelvis drop, so read this as a hint, "
            "not a verdict (Hardcastle & Nade 1985)."
        )
    return found


def eyes_closed_offer(latest_open: StanceSummary | None) -> tuple[bool, str]:
    """Whether to offer an eyes-closed test, and why (or why not yet).

    Only after an eyes-open best of at least the fall marker (Vellas et al. 1997) on both
    sides: closing the eyes removes a main source of balance.
    """
    if latest_open is None or latest_open.left is None or latest_open.right is None:
        return False, (
            "Do an eyes-open test on both legs first: the eyes-closed test is offered once "
            f"you can hold at least {FALL_MARKER_S:g} s on each leg with your eyes open."
        )
    short = [s.side for s in (latest_open.left, latest_open.right) if s.best < FALL_MARKER_S]
    if short:
        legs = " and ".join(short)
        return False, (
            f"Your latest eyes-open best on your {legs} leg was under {FALL_MARKER_S:g} s. "
            "Practise with your eyes open until you can hold that long on each leg before "
            "trying with your eyes closed (Vellas et al. 1997)."
        )
    return True, "You held at least 5 s on each leg with your eyes open."
