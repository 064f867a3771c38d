"""The programme over a real data file and a fake calendar: review, accept, refuse, lock,
pain-rule step back, morning check-in and PSFS."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from glutemed.catalog import load_catalog
from glutemed.domain.records import PainLog, SetLog
from glutemed.ops.plan_ops import current_plan, import_plan
from glutemed.ops.programme_ops import (
    LOCKED_REASON,
    Decision,
    answer_checkin,
    checkin_due,
    psfs_due,
    psfs_entries,
    record_psfs,
    review_plan,
    settle_changes,
)
from glutemed.store import Store
from glutemed.store.pain import add_pain
from glutemed.store.programme import list_plan_changes
from glutemed.store.workouts import end_session, log_set, start_session
from glutemed.training.plan_file import parse_plan
from glutemed.training.psfs import PsfsError

CATALOG = load_catalog()
DAY0 = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
PLAN = 'name = "P"\n{extra}\n[[exercise]]\nid = "clamshell"\nsets = 2\nreps = 12\n'


def use_plan(store: Store, extra: str = "") -> None:
    import_plan(store, CATALOG, parse_plan(PLAN.format(extra=extra), CATALOG))


def workout(store: Store, day: int, done: dict[str, int], after_pain: int | None = 2) -> int:
    start = DAY0 + timedelta(days=day)
    sid = start_session(store, start)
    for side, reps in done.items():
        for n in (1, 2):
            t = start + timedelta(minutes=n)
            log_set(
                store,
                SetLog(
                    sid,
                    "clamshell",
                    "standard",
                    side,
                    n,
                    12,  # type: ignore[arg-type]
                    reps if n == 2 else 12,
                    None,
                    None,
                    t,
                    t,
                ),
            )
    end_session(store, sid, start + timedelta(minutes=20))
    if after_pain is not None:
        add_pain(store, PainLog(start + timedelta(minutes=21), after_pain, "after"))
    return sid


def today(day: int) -> date:
    return (DAY0 + timedelta(days=day)).date()


def test_two_full_workouts_progress_each_side_and_accepting_splits_the_line(store: Store) -> None:
    use_plan(store)
    workout(store, 0, {"left": 12, "right": 12})
    workout(store, 2, {"left": 12, "right": 9})
    changes = {c.side: c for c in review_plan(store, CATALOG, UTC, today(3))}
    assert changes["left"].kind == "progress" and changes["left"].new.sets == 3
    assert changes["right"].kind == "regress" and changes["right"].new.sets == 1
    settled = settle_changes(
        store,
        CATALOG,
        [Decision(changes["left"], True), Decision(changes["right"], False)],
        DAY0 + timedelta(days=3),
    )
    assert settled.applied == 1
    assert settled.changes.programme and settled.changes.workout
    items = current_plan(store, CATALOG).routine.items
    assert [(i.sides, i.sets) for i in items] == [("left", 3), ("right", 2)]
    assert [r.status for r in list_plan_changes(store)] == ["applied", "refused"]
    # Nothing new has been logged since the decisions: nothing is proposed again.
    assert review_plan(store, CATALOG, UTC, today(3)) == []


def test_locked_plan_holds_with_the_reason(store: Store) -> None:
    use_plan(store, "locked = true")
    workout(store, 0, {"left": 12, "right": 12})
    workout(store, 2, {"left": 12, "right": 12})
    changes = review_plan(store, CATALOG, UTC, today(3))
    assert {c.kind for c in changes} == {"hold"}
    assert all(c.reason == LOCKED_REASON and c.new == c.old for c in changes)


def test_pain_above_the_limit_steps_back(store: Store) -> None:
    use_plan(store)
    workout(store, 0, {"left": 12, "right": 12})
    workout(store, 2, {"left": 12, "right": 12}, after_pain=7)
    changes = review_plan(store, CATALOG, UTC, today(3))
    assert {c.kind for c in changes} == {"regress"}
    assert all("7/10" in c.reason for c in changes)


def test_not_settled_next_morning_steps_back_and_checkin_is_due_once(store: Store) -> None:
    use_plan(store)
    workout(store, 0, {"left": 12, "right": 12})
    sid = workout(store, 2, {"left": 12, "right": 12})
    assert checkin_due(store, UTC, today(2)) is None  # same day: not yet
    assert checkin_due(store, UTC, today(3)) == sid
    assert checkin_due(store, UTC, today(6)) is None  # too long ago to ask
    answer_checkin(store, sid, False, DAY0 + timedelta(days=3, hours=-10))
    assert checkin_due(store, UTC, today(3)) is None
    changes = review_plan(store, CATALOG, UTC, today(3))
    assert {c.kind for c in changes} == {"regress"}
    assert all("next morning" in c.reason for c in changes)


def test_psfs_saved_scored_and_due_every_two_weeks(store: Store) -> None:
    assert psfs_due(store, UTC, today(0))
    record_psfs(store, [("Socks", 3), ("Stairs", 5)], DAY0)
    assert not psfs_due(store, UTC, today(13)) and psfs_due(store, UTC, today(14))
    with pytest.raises(PsfsError):
        record_psfs(store, [("Socks", 12)], DAY0)
    [entry] = psfs_entries(store, UTC)
    assert entry.score == 4.0


def test_screen_shoulder_answer_swaps_the_side_plank_in_the_saved_plan(store: Store) -> None:
    from glutemed.ops.screen_ops import answer_screen, screen_answers

    assert screen_answers(store) is None
    answered = answer_screen(store, CATALOG, {"shoulder": True})
    adapted = answered.adapted
    assert answered.changes.workout and "Distefano" in answered.changes.message
    ids = [i.exercise_id for i in current_plan(store, CATALOG).routine.items]
    assert "side_lying_abduction" in ids and "side_plank_abduction" not in ids
    assert "Distefano" in adapted.adaptations[0].reason
    assert screen_answers(store) == {**dict.fromkeys(screen_keys(), False), "shoulder": True}


def test_screen_leaves_a_locked_plan_alone(store: Store) -> None:
    from glutemed.ops.screen_ops import answer_screen

    import_plan(
        store,
        CATALOG,
        parse_plan(
            'name = "P"\nlocked = true\n[[exercise]]\nid = "side_plank_abduction"\n', CATALOG
        ),
    )
    answer_screen(store, CATALOG, {"shoulder": True})
    ids = [i.exercise_id for i in current_plan(store, CATALOG).routine.items]
    assert ids == ["side_plank_abduction"]


def screen_keys() -> tuple[str, ...]:
    from glutemed.training.screen import QUESTION_KEYS

    return QUESTION_KEYS


def test_every_programme_action_says_what_it_changed(store: Store) -> None:
    """Pages refresh from these flags: programme for the plan, answers, check-ins and
    ratings; workout as well when the routine itself was rewritten."""
    from glutemed.ops.changes import Changes
    from glutemed.ops.screen_ops import answer_screen

    plan = parse_plan(PLAN.format(extra=""), CATALOG)
    imported = import_plan(store, CATALOG, plan)
    assert (imported.programme, imported.workout) == (True, True)
    again = import_plan(store, CATALOG, plan)
    assert again == Changes(message=again.message) and "nothing changed" in again.message
    unchanged = answer_screen(store, CATALOG, {"shoulder": True}).changes  # no side plank
    assert (unchanged.programme, unchanged.workout, unchanged.message) == (True, False, "")
    workout(store, 0, {"left": 12, "right": 12})
    sid = workout(store, 2, {"left": 12, "right": 12})
    proposed = review_plan(store, CATALOG, UTC, today(3))
    refused = settle_changes(store, CATALOG, [Decision(c, False) for c in proposed], DAY0)
    assert refused.applied == 0
    assert (refused.changes.programme, refused.changes.workout) == (True, False)
    checked = answer_checkin(store, sid, True, DAY0 + timedelta(days=3))
    assert checked.programme and not checked.workout and checked.message
    rated = record_psfs(store, [("Socks", 4)], DAY0).changes
    assert rated.programme and "4.0" in rated.message
