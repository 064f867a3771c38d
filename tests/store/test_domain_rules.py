"""The value rules of glutemed.domain agree with the migrations' CHECK constraints.

Each rule's lowest (and, where SQLite checks one, highest) value goes into a migrated file;
the value just outside is refused by the file itself. Enumerations: every listed value is
accepted and nothing else is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest

from glutemed.domain import rules, vocabulary
from glutemed.domain.records import Profile
from glutemed.store import Store, open_store

NOW = "2024-05-06T10:00:00+00:00"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path)
    yield opened
    opened.close()


def _session(store: Store, table: str = "stance_sessions") -> int:
    if table == "stance_sessions":
        cur = store.conn.execute(
            "INSERT INTO stance_sessions(taken_at, eyes, cap_s) VALUES (?, 'open', 45)", (NOW,)
        )
    elif table == "workout_sessions":
        cur = store.conn.execute("INSERT INTO workout_sessions(started_at) VALUES (?)", (NOW,))
    else:
        cur = store.conn.execute("INSERT INTO routines(name, created_at) VALUES ('r', ?)", (NOW,))
    assert cur.lastrowid is not None
    return cur.lastrowid


def _accepts(store: Store, sql: str, params: tuple[object, ...]) -> bool:
    try:
        store.conn.execute(sql, params)
    except sqlite3.IntegrityError:
        return False
    return True


def _trial(store: Store, **values: object) -> bool:
    row: dict[str, object] = {
        "stance_session_id": _session(store),
        "side": "left",
        "trial_no": 1,
        "seconds": 1.0,
        "ended_by": "foot_down",
    }
    row.update(values)
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return _accepts(store, f"INSERT INTO stance_trials({names}) VALUES ({marks})", (*row.values(),))


def _item(store: Store, **values: object) -> bool:
    row: dict[str, object] = {
        "routine_id": _session(store, "routines"),
        "position": 0,
        "exercise_id": "clamshell",
        "variation_id": "basic",
        "sets": 1,
        "reps": 1,
        "hold_s": None,
        "rest_s": 0,
    }
    row.update(values)
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return _accepts(store, f"INSERT INTO routine_items({names}) VALUES ({marks})", (*row.values(),))


def _pain(store: Store, score: object, context: object = "daily") -> bool:
    return _accepts(
        store,
        "INSERT INTO pain_logs(taken_at, score, context) VALUES (?, ?, ?)",
        (NOW, score, context),
    )


def test_pain_score_range_matches_the_check(store: Store) -> None:
    low, high = int(rules.PAIN_SCORE.low), int(rules.PAIN_SCORE.high)
    assert _pain(store, low) and _pain(store, high)
    assert not _pain(store, low - 1) and not _pain(store, high + 1)
    assert low - 1 not in rules.PAIN_SCORE and high + 1 not in rules.PAIN_SCORE


def test_trial_numbers_and_cap_choices_match_the_checks(store: Store) -> None:
    low, high = int(rules.TRIAL_NO.low), int(rules.TRIAL_NO.high)
    assert _trial(store, trial_no=low) and _trial(store, trial_no=high)
    assert not _trial(store, trial_no=low - 1) and not _trial(store, trial_no=high + 1)
    assert rules.DEFAULT_CAP_S in rules.CAP_CHOICES
    assert all(cap > 0 for cap in rules.CAP_CHOICES)  # CHECK (cap_s > 0)
    assert not _accepts(
        store, "INSERT INTO stance_sessions(taken_at, eyes, cap_s) VALUES (?, 'open', 0)", (NOW,)
    )


def test_dose_lower_bounds_match_the_checks(store: Store) -> None:
    assert _item(store, sets=int(rules.SETS.low))
    assert not _item(store, sets=int(rules.SETS.low) - 1)
    assert _item(store, reps=int(rules.REPS.low))
    assert not _item(store, reps=int(rules.REPS.low) - 1)
    assert _item(store, rest_s=rules.REST_S.low)
    assert not _item(store, rest_s=rules.REST_S.low - 1)
    # hold: the low end is open (0 s is no hold at all), as is the CHECK (hold_s > 0)
    assert rules.HOLD_S.low_open and rules.HOLD_S.low not in rules.HOLD_S
    assert not _item(store, hold_s=rules.HOLD_S.low)
    assert _item(store, hold_s=0.5) and 0.5 in rules.HOLD_S


@pytest.mark.parametrize(
    ("values", "insert"),
    [
        (vocabulary.SIDES, lambda s, v: _trial(s, side=v)),
        (vocabulary.ENDED_BY, lambda s, v: _trial(s, ended_by=v)),
        (vocabulary.PAIN_CONTEXTS, lambda s, v: _pain(s, 3, v)),
        (vocabulary.SIDES_CHOICES, lambda s, v: _item(s, sides=v)),
        (
            vocabulary.EYES,
            lambda s, v: _accepts(
                s, "INSERT INTO stance_sessions(taken_at, eyes, cap_s) VALUES (?, ?, 45)", (NOW, v)
            ),
        ),
    ],
    ids=["side", "ended_by", "pain_context", "sides", "eyes"],
)
def test_vocabulary_is_exactly_what_the_file_accepts(store: Store, values, insert) -> None:  # type: ignore[no-untyped-def]
    assert values, "an empty vocabulary accepts nothing"
    for value in values:
        assert insert(store, value), value
    assert not insert(store, "sideways")


def test_setting_defaults_are_the_profile_defaults() -> None:
    profile = asdict(Profile())
    assert profile == rules.SETTING_DEFAULTS
    assert rules.SETTING_DEFAULTS["stance_cap_s"] in rules.CAP_CHOICES
    assert Profile().rep_tempo in rules.REP_TEMPO


def test_ranges_refuse_what_is_not_a_number() -> None:
    assert "5" not in rules.PAIN_SCORE
    assert True not in rules.PAIN_SCORE
    assert None not in rules.SETS


def test_a_hand_edited_setting_reads_as_its_default(store: Store) -> None:
    from glutemed.store.profile import load_profile

    bad = {
        "preferred_side_order": '"both_first"',
        "stance_cap_s": "50",
        "sound": '"loud"',
        "theme": '"neon"',
        "rep_tempo": "9",
        "birth_year": '"1970"',
        "safety_acknowledged": '"yes"',
    }
    for key, value in bad.items():
        store.conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)", (key, value))
    assert load_profile(store) == Profile()
    store.conn.execute("UPDATE settings SET value = '30' WHERE key = 'stance_cap_s'")
    store.conn.execute(
        "UPDATE settings SET value = '\"right_first\"' WHERE key = 'preferred_side_order'"
    )
    loaded = load_profile(store)
    assert (loaded.stance_cap_s, loaded.preferred_side_order) == (30, "right_first")
    assert all(rules.setting_problem(k, v, None) is None for k, v in rules.SETTING_DEFAULTS.items())
