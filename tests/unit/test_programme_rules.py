"""Progression, regression, the pain rule, screen-to-plan adaptations and PSFS scoring.

Every rule is fed dated records (a fake calendar): no clock is read anywhere.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from glutemed.domain.records import RoutineItem
from glutemed.training.pain_rule import (
    PAIN_LIMIT,
    RuleResult,
    SessionPain,
    Verdict,
    check,
    session_pain_note,
)
from glutemed.training.progression import LoggedSet, SessionSets, SideDose, decide
from glutemed.training.psfs import (
    MIC_POINTS,
    PsfsError,
    change_since_start,
    due,
    make_entry,
)
from glutemed.training.screen import QUESTION_KEYS, ScreenError, adapt

DAY = date(2026, 3, 2)
BANDS = ("tan", "yellow", "red")
OK = RuleResult(Verdict.OK, ())


def session(day: int, *sets: tuple[int, int], skipped: bool = False) -> SessionSets:
    return SessionSets(DAY + timedelta(days=day), tuple(LoggedSet(t, d, skipped) for t, d in sets))


def full(day: int, n: int = 2) -> SessionSets:
    return session(day, *[(12, 12)] * n)


def run(dose: SideDose, history: list[SessionSets], pain: RuleResult = OK, band: bool = True):
    return decide("clamshell", "standard", "left", dose, history, pain, uses_band=band, bands=BANDS)


# ----- progression ----------------------------------------------------------------------


def test_two_full_sessions_add_a_set_first() -> None:
    change = run(SideDose(2, 12, None, None), [full(0), full(2)])
    assert change is not None and change.kind == "progress"
    assert change.new == SideDose(3, 12, None, None)
    assert "added a set" in change.reason and "2026-03-02 and 2026-03-04" in change.reason


def test_one_full_session_is_not_enough() -> None:
    assert run(SideDose(2, 12, None, None), [full(0)]) is None
    assert run(SideDose(2, 12, None, None), []) is None


def test_at_three_sets_a_band_then_a_stronger_band() -> None:
    first = run(SideDose(3, 12, None, None), [full(0, 3), full(2, 3)])
    assert first is not None and first.new.band == "tan" and "added a band" in first.reason
    second = run(SideDose(3, 12, None, "tan"), [full(4, 3), full(6, 3)])
    assert second is not None and second.new.band == "yellow"
    assert "stronger band" in second.reason


def test_no_band_exercise_at_the_top_holds_and_says_ask_the_physio() -> None:
    change = run(SideDose(3, 5, 10.0, None), [full(0, 3), full(2, 3)], band=False)
    assert change is not None and change.kind == "hold" and change.new == change.old
    assert "physiotherapist" in change.reason


def test_strongest_band_holds() -> None:
    change = run(SideDose(3, 12, None, "red"), [full(0, 3), full(2, 3)])
    assert change is not None and change.kind == "hold"


# ----- regression -----------------------------------------------------------------------


def test_cut_short_set_steps_back_band_then_sets_then_reps() -> None:
    short = [full(0), session(2, (12, 12), (12, 7))]
    banded = run(SideDose(3, 12, None, "yellow"), short)
    assert banded is not None and banded.kind == "regress" and banded.new.band == "tan"
    lightest = run(SideDose(3, 12, None, "tan"), short)
    assert lightest is not None and lightest.new.band is None
    sets = run(SideDose(2, 12, None, None), short)
    assert sets is not None and sets.new.sets == 1 and "cut short" in sets.reason
    reps = run(SideDose(1, 12, None, None), short)
    assert reps is not None and reps.new.reps == 10
    floor = run(SideDose(1, 6, None, None), short)
    assert floor is not None and floor.kind == "hold" and "lightest" in floor.reason


def test_skipped_set_counts_as_cut_short() -> None:
    change = run(SideDose(2, 12, None, None), [full(0), session(2, (12, 0), skipped=True)])
    assert change is not None and change.kind == "regress"


def test_pain_step_back_beats_full_sessions() -> None:
    pain = RuleResult(Verdict.STEP_BACK, ("Pain was 7/10.",))
    change = run(SideDose(3, 12, None, None), [full(0, 3), full(2, 3)], pain)
    assert change is not None and change.kind == "regress" and change.new.sets == 2
    assert "Pain was 7/10." in change.reason


def test_pain_hold_stops_progression_with_the_reason() -> None:
    pain = RuleResult(Verdict.HOLD, ("Pain rose this week.",))
    change = run(SideDose(2, 12, None, None), [full(0), full(2)], pain)
    assert change is not None and change.kind == "hold" and change.new == change.old
    assert "Pain rose this week." in change.reason


def test_sides_are_decided_apart() -> None:
    dose = SideDose(2, 12, None, None)
    left = run(dose, [full(0), full(2)])
    right = decide(
        "clamshell",
        "standard",
        "right",
        dose,
        [full(0), session(2, (12, 9))],
        OK,
        uses_band=True,
        bands=BANDS,
    )
    assert left is not None and left.new.sets == 3
    assert right is not None and right.new.sets == 1 and right.side == "right"


# ----- pain rule --------------------------------------------------------------------------


def test_pain_within_limit_and_settled_is_ok() -> None:
    result = check(SessionPain(DAY, 3, PAIN_LIMIT, True), today=DAY)
    assert result.verdict is Verdict.OK


def test_pain_above_limit_steps_back_and_cites_the_model() -> None:
    result = check(SessionPain(DAY, 3, PAIN_LIMIT + 1, None), today=DAY)
    assert result.verdict is Verdict.STEP_BACK
    assert "Silbernagel" in result.reasons[0] and "tendon" in result.reasons[0]


def test_not_settled_next_morning_steps_back() -> None:
    result = check(SessionPain(DAY, 2, 3, False), today=DAY + timedelta(days=1))
    assert result.verdict is Verdict.STEP_BACK
    assert "next morning" in result.reasons[0]


def test_week_on_week_rise_holds() -> None:
    today = DAY + timedelta(days=13)
    daily = [(DAY + timedelta(days=d), 2) for d in range(7)]
    daily += [(DAY + timedelta(days=d), 4) for d in range(7, 14)]
    result = check(SessionPain(today, 2, 3, True), daily, today=today)
    assert result.verdict is Verdict.HOLD and "2.0 to 4.0" in result.reasons[0]
    falling = [(d, 6 - s) for d, s in daily]
    assert check(None, falling, today=today).verdict is Verdict.OK


def test_summary_never_calls_one_session_a_meaningful_change() -> None:
    assert "matter" not in session_pain_note(6, 2)
    assert "Progress page" in session_pain_note(6, 2)
    rise = session_pain_note(2, 4)
    assert "next morning" in rise and "Silbernagel" in rise
    assert "above 5/10" in session_pain_note(2, 7)
    assert session_pain_note(None, 4) == ""


# ----- safety screen ----------------------------------------------------------------------


def items() -> list[RoutineItem]:
    return [
        RoutineItem("clamshell", "standard", 2, 12, None, 60),
        RoutineItem("clamshell", "reverse", 2, 12, None, 60),
        RoutineItem("fire_hydrant", "standard", 2, 12, None, 60),
        RoutineItem("side_plank_abduction", "standard", 1, 5, 10.0, 45, sides="left"),
    ]


SIDE_LYING = RoutineItem("side_lying_abduction", "standard", 2, 12, None, 60)


def test_no_answers_change_nothing() -> None:
    plan = adapt(items(), {}, SIDE_LYING)
    assert list(plan.items) == items() and plan.adaptations == ()
    assert not plan.see_clinician_first


def test_hip_replacement_drops_reverse_clam_with_nhs_reason() -> None:
    plan = adapt(items(), {"hip_replacement": True}, SIDE_LYING)
    assert ("clamshell", "reverse") not in [(i.exercise_id, i.variation_id) for i in plan.items]
    reasons = " ".join(a.describe() for a in plan.adaptations)
    assert "turns the hip inwards" in reasons and "NHS" in reasons
    assert "90 degrees" in reasons
    assert plan.see_clinician_first


def test_shoulder_swaps_side_plank_for_side_lying_keeping_the_side() -> None:
    plan = adapt(items(), {"shoulder": True}, SIDE_LYING)
    swapped = [i for i in plan.items if i.exercise_id == "side_lying_abduction"]
    assert len(swapped) == 1 and swapped[0].sides == "left"
    assert not any(i.exercise_id == "side_plank_abduction" for i in plan.items)
    assert "Distefano" in plan.adaptations[0].reason


def test_wrist_and_knee_add_cues_with_reasons() -> None:
    plan = adapt(items(), {"wrist": True, "knee": True}, SIDE_LYING)
    assert "Rest on your forearms, not your hands." in plan.extra_cues["fire_hydrant"]
    assert any("towel" in c for c in plan.extra_cues["fire_hydrant"])
    assert len(plan.adaptations) == 2


@pytest.mark.parametrize("key", ["pregnancy", "osteoporosis", "hip_spine_surgery"])
def test_conditions_without_a_rule_ask_for_a_clinician(key: str) -> None:
    plan = adapt(items(), {key: True}, SIDE_LYING)
    assert plan.see_clinician_first and list(plan.items) == items()


def test_bad_answers_are_named() -> None:
    with pytest.raises(ScreenError, match="unknown"):
        adapt(items(), {"elbow": True}, SIDE_LYING)
    with pytest.raises(ScreenError, match="yes or no"):
        adapt(items(), {"knee": "maybe"}, SIDE_LYING)
    assert len(QUESTION_KEYS) == 7


# ----- PSFS -------------------------------------------------------------------------------


def test_psfs_score_is_the_mean_and_mic_is_maughan_lewis() -> None:
    start = make_entry(DAY, [("Putting on socks", 3), ("Walking 1 km", 5)])
    assert start.score == 4.0
    later = make_entry(DAY + timedelta(days=28), [("Putting on socks", 5), ("Walking 1 km", 6)])
    change = change_since_start([later, start])
    assert change is not None and change.change == pytest.approx(1.5) and change.important
    assert "Maughan & Lewis 2010" in change.describe()
    small = make_entry(DAY + timedelta(days=14), [("Putting on socks", 4), ("Walking 1 km", 6)])
    assert not change_since_start([start, small]).important  # type: ignore[union-attr]
    assert MIC_POINTS == 1.4


def test_psfs_due_every_two_weeks() -> None:
    entry = make_entry(DAY, [("Stairs", 4)])
    assert due([], DAY)
    assert not due([entry], DAY + timedelta(days=13))
    assert due([entry], DAY + timedelta(days=14))


@pytest.mark.parametrize(
    ("ratings", "message"),
    [
        ([], "at least one"),
        ([("a", 1), ("b", 1), ("c", 1), ("d", 1)], "at most 3"),
        ([("Stairs", 11)], "0 to 10"),
        ([("Stairs", -1)], "0 to 10"),
        ([("  ", 3)], "needs a name"),
        ([("Stairs", 3), ("stairs", 4)], "twice"),
        ([("Stairs", True)], "0 to 10"),
    ],
)
def test_psfs_bad_ratings_are_named(ratings: list[tuple[str, int]], message: str) -> None:
    with pytest.raises(PsfsError, match=message):
        make_entry(DAY, ratings)
