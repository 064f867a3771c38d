"""Stance tests in SQLite: per-trial commits, history newest first, delete with undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from glutemed.domain.records import StanceSession, StanceTrial
from glutemed.store import Store
from glutemed.store.stance import (
    create_session,
    delete_session,
    delete_trial,
    get_session,
    list_sessions,
    previous_session,
    restore_session,
    save_trial,
    save_trial_of_test,
    update_trial,
)

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def add_test(store: Store, when: datetime, eyes: str = "open", *times: float) -> int:
    session_id = create_session(store, when, eyes, 45.0)
    for n, seconds in enumerate(times):
        side = "left" if n % 2 == 0 else "right"
        save_trial(store, session_id, StanceTrial(side, n // 2 + 1, seconds, "foot_down"))
    return session_id


def test_each_trial_is_committed_on_its_own(store: Store) -> None:
    session_id = create_session(store, T0, "closed", 30.0)
    trial = StanceTrial("left", 1, 7.25, "eyes_opened", pelvis_dropped=True)
    trial_id = save_trial(store, session_id, trial)
    assert trial.id == trial_id and trial.stance_session_id == session_id
    assert not store.conn.in_transaction
    row = store.conn.execute("SELECT * FROM stance_trials WHERE id = ?", (trial_id,)).fetchone()
    assert (row["side"], row["seconds"], row["ended_by"], row["pelvis_dropped"]) == (
        "left",
        7.25,
        "eyes_opened",
        1,
    )


def test_the_first_trial_creates_its_test_in_the_same_transaction(store: Store) -> None:
    test = StanceSession(T0, "closed", 30.0)
    first = StanceTrial("right", 1, 12.0, "hands_off", trunk_lean=True)
    session_id, first_id = save_trial_of_test(store, None, test, first)
    again, _ = save_trial_of_test(store, session_id, test, StanceTrial("left", 1, 3.0, "cap"))
    assert again == session_id and first.id == first_id
    loaded = get_session(store, session_id)
    assert loaded is not None and (loaded.eyes, loaded.cap_s) == ("closed", 30.0)
    assert sorted((t.side, t.ended_by, t.trunk_lean) for t in loaded.trials) == [
        ("left", "cap", False),
        ("right", "hands_off", True),
    ]


def test_a_refused_first_trial_leaves_no_empty_test(store: Store) -> None:
    with pytest.raises(ValueError, match="trial number"):
        save_trial_of_test(
            store, None, StanceSession(T0, "open", 45.0), StanceTrial("left", 4, 1.0, "manual")
        )
    assert list_sessions(store, with_empty=True) == []


def test_bad_values_are_refused_with_a_message(store: Store) -> None:
    with pytest.raises(ValueError, match="eyes"):
        create_session(store, T0, "shut", 45.0)
    session_id = create_session(store, T0, "open", 45.0)
    with pytest.raises(ValueError, match="trial number"):
        save_trial(store, session_id, StanceTrial("left", 4, 3.0, "foot_down"))
    with pytest.raises(ValueError, match="ended"):
        save_trial(store, session_id, StanceTrial("left", 1, 3.0, "fell"))  # type: ignore[arg-type]


def test_list_newest_first_with_trials_in_order(store: Store) -> None:
    old = add_test(store, T0, "open", 10, 11, 12, 13)
    new = add_test(store, T0 + timedelta(days=7), "closed", 3, 4)
    create_session(store, T0 + timedelta(days=8), "open", 45.0)  # started, no trial yet
    sessions = list_sessions(store)
    assert [s.id for s in sessions] == [new, old]
    assert [(t.side, t.trial_no, t.seconds) for t in sessions[1].trials] == [
        ("left", 1, 10),
        ("right", 1, 11),
        ("left", 2, 12),
        ("right", 2, 13),
    ]
    assert sessions[0].taken_at == T0 + timedelta(days=7)
    assert len(list_sessions(store, with_empty=True)) == 3
    assert [s.id for s in list_sessions(store, limit=1)] == [new]


def test_previous_session_for_comparison_same_eyes(store: Store) -> None:
    first = add_test(store, T0, "open", 10, 11)
    add_test(store, T0 + timedelta(days=1), "closed", 2, 3)
    latest = add_test(store, T0 + timedelta(days=2), "open", 12, 13)
    current = get_session(store, latest)
    assert current is not None
    previous = previous_session(store, current)
    assert previous is not None and previous.id == first
    assert previous.trials[0].seconds == 10
    assert previous_session(store, T0) is None
    any_eyes = previous_session(store, T0 + timedelta(days=2))
    assert any_eyes is not None and any_eyes.eyes == "closed"


def test_delete_and_undo_restores_same_ids(store: Store) -> None:
    session_id = add_test(store, T0, "open", 10, 11, 12)
    before = get_session(store, session_id)
    deleted = delete_session(store, session_id)
    assert deleted == before
    assert get_session(store, session_id) is None
    assert store.conn.execute("SELECT COUNT(*) FROM stance_trials").fetchone()[0] == 0
    assert deleted is not None
    restore_session(store, deleted)
    assert get_session(store, session_id) == before
    assert delete_session(store, 9999) is None


def test_a_trial_saved_at_its_stop_is_labelled_by_an_update(store: Store) -> None:
    test = StanceSession(T0, "open", 45.0)
    trial = StanceTrial("left", 1, 8.25, "manual")
    test_id, _ = save_trial_of_test(store, None, test, trial)
    trial.ended_by, trial.pelvis_dropped, trial.pelvic_drop_deg = "foot_down", True, 6.5
    trial.trunk_lean_deg, trial.trunk_lean_side = 4.0, "stance"
    trial.seconds = 99.0  # the time is what the stop saved: an update never changes it
    update_trial(store, trial)
    [saved] = list_sessions(store)[0].trials
    assert (saved.seconds, saved.ended_by, saved.pelvis_dropped, saved.pelvic_drop_deg) == (
        8.25,
        "foot_down",
        True,
        6.5,
    )
    assert (saved.trunk_lean_deg, saved.trunk_lean_side) == (4.0, "stance")
    assert saved.id == trial.id and saved.stance_session_id == test_id
    with pytest.raises(ValueError):
        update_trial(store, StanceTrial("left", 1, 1.0, "manual"))  # never saved


def test_a_discarded_trial_is_deleted_and_an_emptied_test_with_it(store: Store) -> None:
    test = StanceSession(T0, "open", 45.0)
    first = StanceTrial("left", 1, 8.0, "foot_down")
    false_start = StanceTrial("right", 1, 0.4, "manual")
    test_id, _ = save_trial_of_test(store, None, test, first)
    save_trial_of_test(store, test_id, test, false_start)
    assert delete_trial(store, false_start.id or 0) is False  # the test keeps its first trial
    assert [t.seconds for t in list_sessions(store)[0].trials] == [8.0]
    assert delete_trial(store, first.id or 0) is True
    assert list_sessions(store, with_empty=True) == []
    assert delete_trial(store, first.id or 0) is False  # already gone: nothing to do
