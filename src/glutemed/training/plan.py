"""A routine unrolled into the steps the player walks through.

Each line of a routine becomes, per set, one block of work per side, in the user's side
order. Between two sides of the same set comes a short switch; between sets, the line's
rest; between exercises, a longer break to set up the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from glutemed.domain.records import RoutineItem
from glutemed.domain.vocabulary import Side, WorkoutPhase
from glutemed.domain.vocabulary import side_order as sides_in_turn

RepSeconds = Callable[[str, str], float]

DEFAULT_REP_SECONDS = 3.5  # 1.5 s out, 0.5 s pause, 1.5 s back (ACSM tempo, CONTENT.md)


def constant_rep_seconds(exercise_id: str, variation_id: str) -> float:
    """Stand-in for the animation's rep length until an animation supplies its own."""
    return DEFAULT_REP_SECONDS


COUNTDOWN_PHASES = frozenset(
    {
        WorkoutPhase.GET_READY,
        WorkoutPhase.SWITCH_SIDES,
        WorkoutPhase.REST,
        WorkoutPhase.NEXT_EXERCISE,
    }
)


@dataclass(frozen=True)
class Timings:
    get_ready_s: float = 10.0  # time to get into position before the first exercise
    switch_sides_s: float = 6.0
    next_exercise_s: float = 20.0  # at least this long to set up the next exercise
    hold_lift_s: float = 2.0  # getting into each hold before its countdown starts
    countdown_ticks: int = 3  # a tick in each of the last 3 s of a hold or countdown
    back_restarts_after_s: float = 3.0  # Left restarts the set after this; sooner goes back


@dataclass(frozen=True)
class WorkBlock:
    """One side of one set of one routine line."""

    item_index: int
    item: RoutineItem
    set_no: int
    side: Side
    rep_s: float  # animation length of one rep

    @property
    def is_hold(self) -> bool:
        return self.item.hold_s is not None

    @property
    def target(self) -> int:
        """Reps to do, or holds when the line is a hold."""
        if self.item.reps is not None:
            return self.item.reps
        return 1

    def cycle_s(self, timings: Timings) -> float:
        """Seconds one counted rep (or one lift-and-hold) takes."""
        if self.item.hold_s is not None:
            return timings.hold_lift_s + self.item.hold_s
        return self.rep_s


@dataclass(frozen=True)
class Step:
    phase: WorkoutPhase
    block: WorkBlock | None  # the work, or for a countdown the work it leads into
    duration_s: float  # fixed for countdowns; work lasts until its reps are counted

    def work(self) -> WorkBlock:
        if self.block is None:
            raise ValueError("this step has no work block")
        return self.block


def side_sequence(sides: str, side_order: str) -> tuple[Side, ...]:
    if sides == "left":
        return ("left",)
    if sides == "right":
        return ("right",)
    return sides_in_turn(side_order)


def work_blocks(
    items: list[RoutineItem], rep_seconds: RepSeconds, side_order: str = "left_first"
) -> list[WorkBlock]:
    blocks: list[WorkBlock] = []
    for index, item in enumerate(items):
        rep_s = float(rep_seconds(item.exercise_id, item.variation_id))
        if rep_s <= 0:
            raise ValueError(f"{item.exercise_id}: rep length must be positive, got {rep_s}")
        for set_no in range(1, item.sets + 1):
            for side in side_sequence(item.sides, side_order):
                blocks.append(WorkBlock(index, item, set_no, side, rep_s))
    return blocks


def build_steps(
    items: list[RoutineItem],
    rep_seconds: RepSeconds = constant_rep_seconds,
    side_order: str = "left_first",
    timings: Timings | None = None,
) -> list[Step]:
    """The whole session as steps, ending with DONE. Zero-length rests are left out."""
    timings = timings or Timings()
    blocks = work_blocks(items, rep_seconds, side_order)
    if not blocks:
        raise ValueError("the routine has no exercises")
    steps: list[Step] = []
    for i, block in enumerate(blocks):
        if i == 0:
            steps.append(Step(WorkoutPhase.GET_READY, block, timings.get_ready_s))
        else:
            prev = blocks[i - 1]
            if block.item_index != prev.item_index:
                pause = max(timings.next_exercise_s, prev.item.rest_s)
                steps.append(Step(WorkoutPhase.NEXT_EXERCISE, block, pause))
            elif block.set_no == prev.set_no:
                steps.append(Step(WorkoutPhase.SWITCH_SIDES, block, timings.switch_sides_s))
            elif prev.item.rest_s > 0:
                steps.append(Step(WorkoutPhase.REST, block, prev.item.rest_s))
        steps.append(Step(WorkoutPhase.WORK, block, block.target * block.cycle_s(timings)))
    steps.append(Step(WorkoutPhase.DONE, None, 0.0))
    return [
        s
        for s in steps
        if s.phase is WorkoutPhase.WORK or s.phase is WorkoutPhase.DONE or s.duration_s > 0
    ]


def planned_seconds(steps: list[Step]) -> float:
    """How long the session takes when nothing is paused, skipped or adjusted."""
    return sum(step.duration_s for step in steps)
