"""Numbered schema migrations. Each runs in one transaction; never edit a released one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would commit on its own; statement by statement keeps the
    # migration inside the caller's transaction.
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError("migration script ends with an incomplete statement")


def _v1_tables(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE routines (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            is_default INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE routine_items (
            id INTEGER PRIMARY KEY,
            routine_id INTEGER NOT NULL REFERENCES routines(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            variation_id TEXT NOT NULL,
            sets INTEGER NOT NULL CHECK (sets >= 1),
            reps INTEGER CHECK (reps IS NULL OR reps >= 1),
            hold_s REAL CHECK (hold_s IS NULL OR hold_s > 0),
            rest_s REAL NOT NULL DEFAULT 60 CHECK (rest_s >= 0),
            band TEXT,
            sides TEXT NOT NULL DEFAULT 'both' CHECK (sides IN ('both', 'left', 'right'))
        );
        CREATE TABLE workout_sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            routine_id INTEGER REFERENCES routines(id) ON DELETE SET NULL,
            notes TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE set_logs (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES workout_sessions(id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL,
            variation_id TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ('left', 'right')),
            set_no INTEGER NOT NULL CHECK (set_no >= 1),
            reps_target INTEGER,
            reps_done INTEGER NOT NULL DEFAULT 0 CHECK (reps_done >= 0),
            hold_s REAL,
            band TEXT,
            started_at TEXT NOT NULL,
            completed_at TEXT NOT NULL,
            skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1))
        );
        CREATE TABLE stance_sessions (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            eyes TEXT NOT NULL CHECK (eyes IN ('open', 'closed')),
            cap_s REAL NOT NULL CHECK (cap_s > 0),
            notes TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE stance_trials (
            id INTEGER PRIMARY KEY,
            stance_session_id INTEGER NOT NULL
                REFERENCES stance_sessions(id) ON DELETE CASCADE,
            side TEXT NOT NULL CHECK (side IN ('left', 'right')),
            trial_no INTEGER NOT NULL CHECK (trial_no BETWEEN 1 AND 3),
            seconds REAL NOT NULL CHECK (seconds >= 0),
            capped INTEGER NOT NULL DEFAULT 0 CHECK (capped IN (0, 1)),
            ended_by TEXT NOT NULL CHECK (ended_by IN
                ('foot_down', 'hands_off', 'stance_foot_moved', 'eyes_opened', 'cap', 'manual')),
            pelvis_dropped INTEGER NOT NULL DEFAULT 0 CHECK (pelvis_dropped IN (0, 1)),
            trunk_lean INTEGER NOT NULL DEFAULT 0 CHECK (trunk_lean IN (0, 1))
        );
        CREATE TABLE pain_logs (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            context TEXT NOT NULL CHECK (context IN ('before', 'after', 'daily')),
            note TEXT NOT NULL DEFAULT ''
        );
        """,
    )


def _v2_time_indexes(conn: sqlite3.Connection) -> None:
    # Progress graphs and history lists read by time; these keep 10 years of data fast.
    _run_script(
        conn,
        """
        CREATE INDEX idx_set_logs_session ON set_logs(session_id);
        CREATE INDEX idx_set_logs_completed ON set_logs(completed_at);
        CREATE INDEX idx_workout_sessions_started ON workout_sessions(started_at);
        CREATE INDEX idx_stance_trials_session ON stance_trials(stance_session_id);
        CREATE INDEX idx_stance_sessions_taken ON stance_sessions(taken_at);
        CREATE INDEX idx_pain_logs_taken ON pain_logs(taken_at);
        CREATE INDEX idx_routine_items_routine ON routine_items(routine_id, position);
        """,
    )


def _v3_covering_indexes(conn: sqlite3.Connection) -> None:
    # Covering indexes for the Progress queries: the per-session sums of sets and reps and
    # the per-side stance bests read only the index, never the table rows.
    _run_script(
        conn,
        """
        CREATE INDEX idx_set_logs_volume
            ON set_logs(session_id, exercise_id, skipped, reps_done);
        CREATE INDEX idx_stance_trials_best
            ON stance_trials(stance_session_id, side, seconds, capped);
        """,
    )


def _v4_camera_measures(conn: sqlite3.Connection) -> None:
    # The camera stance test measures the pelvic drop and trunk lean (degrees) and can
    # end a trial when the person leaves the picture. SQLite cannot change a CHECK in
    # place, so the table is rebuilt (nothing references stance_trials).
    _run_script(
        conn,
        """
        CREATE TABLE stance_trials_v4 (
            id INTEGER PRIMARY KEY,
            stance_session_id INTEGER NOT NULL
                REFERENCES stance_sessions(id) ON DELETE CASCADE,
            side TEXT NOT NULL CHECK (side IN ('left', 'right')),
            trial_no INTEGER NOT NULL CHECK (trial_no BETWEEN 1 AND 3),
            seconds REAL NOT NULL CHECK (seconds >= 0),
            capped INTEGER NOT NULL DEFAULT 0 CHECK (capped IN (0, 1)),
            ended_by TEXT NOT NULL CHECK (ended_by IN
                ('foot_down', 'hands_off', 'stance_foot_moved', 'eyes_opened', 'cap',
                 'manual', 'out_of_view')),
            pelvis_dropped INTEGER NOT NULL DEFAULT 0 CHECK (pelvis_dropped IN (0, 1)),
            trunk_lean INTEGER NOT NULL DEFAULT 0 CHECK (trunk_lean IN (0, 1)),
            pelvic_drop_deg REAL CHECK (pelvic_drop_deg BETWEEN -90 AND 90),
            trunk_lean_deg REAL CHECK (trunk_lean_deg BETWEEN 0 AND 90)
        );
        INSERT INTO stance_trials_v4(id, stance_session_id, side, trial_no, seconds, capped,
                                     ended_by, pelvis_dropped, trunk_lean)
            SELECT id, stance_session_id, side, trial_no, seconds, capped, ended_by,
                   pelvis_dropped, trunk_lean
            FROM stance_trials;
        DROP TABLE stance_trials;
        ALTER TABLE stance_trials_v4 RENAME TO stance_trials;
        CREATE INDEX idx_stance_trials_session ON stance_trials(stance_session_id);
        CREATE INDEX idx_stance_trials_best
            ON stance_trials(stance_session_id, side, seconds, capped);
        """,
    )


def _v5_programme(conn: sqlite3.Connection) -> None:
    # The adapting programme: morning check-ins (pain rule), PSFS ratings, and every
    # change the rules proposed with its reason and whether it was applied or refused.
    _run_script(
        conn,
        """
        CREATE TABLE morning_checkins (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            session_id INTEGER REFERENCES workout_sessions(id) ON DELETE SET NULL,
            settled INTEGER NOT NULL CHECK (settled IN (0, 1))
        );
        CREATE TABLE psfs_ratings (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            activity TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)
        );
        CREATE TABLE plan_changes (
            id INTEGER PRIMARY KEY,
            decided_at TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            variation_id TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ('left', 'right')),
            kind TEXT NOT NULL CHECK (kind IN ('progress', 'regress', 'hold')),
            before_dose TEXT NOT NULL,
            after_dose TEXT NOT NULL,
            reason TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('applied', 'refused', 'held'))
        );
        CREATE INDEX idx_checkins_taken ON morning_checkins(taken_at);
        CREATE INDEX idx_psfs_taken ON psfs_ratings(taken_at);
        CREATE INDEX idx_plan_changes_decided ON plan_changes(decided_at);
        """,
    )


def _v6_trunk_lean_side(conn: sqlite3.Connection) -> None:
    # The camera also tells which way the trunk leaned, seen from the standing leg (over
    # it is the Trendelenburg compensation). A new nullable column: older trials, and
    # leans too small to have a side, keep NULL; no rebuild is needed.
    _run_script(
        conn,
        """
        ALTER TABLE stance_trials ADD COLUMN trunk_lean_side TEXT
            CHECK (trunk_lean_side IN ('stance', 'swing'));
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _v1_tables,
    _v2_time_indexes,
    _v3_covering_indexes,
    _v4_camera_measures,
    _v5_programme,
    _v6_trunk_lean_side,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring the file up to *target*; returns the versions applied."""
    applied: list[int] = []
    current = user_version(conn)
    for number in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
