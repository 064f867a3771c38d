"""The guided session on a fake clock: whole routine, pause, skip/back/done-early, drift."""

from __future__ import annotations

import random

import pytest
from training_helpers import records, run_until_done

from glutemed.catalog import load_catalog
from glutemed.domain.clock import FakeClock
from glutemed.domain.records import RoutineItem
from glutemed.domain.vocabulary import WorkoutPhase
from glutemed.training.events import CueRequested, PhaseStarted, RepCounted, WorkoutFinished
from glutemed.training.plan import Timings, build_steps, planned_seconds
from glutemed.training.routines import default_routine
from glutemed.training.session import GuidedSession


@pytest.fixture(scope="module")
def default_items() -> list[RoutineItem]:
    return default_routine(load_catalog()).items


def clam(sets: int = 2, reps: int = 3, rest: float = 10.0) -> RoutineItem:
    return RoutineItem("clamshell", "standard", sets=sets, reps=reps, hold_s=None, rest_s=rest)


def plank(holds: int = 2, hold: float = 5.0) -> RoutineItem:
    return RoutineItem("side_plank_abduction", "standard", 1, holds, hold, 30.0)


def test_whole_default_routine_counts_every_rep_per_side_and_set(default_items):
    clock = FakeClock()
    session = GuidedSession(default_items, clock)
    done = records(run_until_done(session, clock, step=0.1))

    expected = []
    for item in default_items:
        for set_no in range(1, item.sets + 1):
            for side in ("left", "right"):
                expected.append((item.exercise_id, set_no, side, item.reps))
    got = [(r.exercise_id, r.set_no, r.side, r.reps_done) for r in done]
    assert got == expected
    assert len(got) == 24  # 3+3+3+2+1 sets, both sides
    assert all(r.reps_target == r.reps_done and not r.skipped for r in done)
    plank_sets = [r for r in done if r.exercise_id == "side_plank_abduction"]
    assert [(r.reps_done, r.hold_s) for r in plank_sets] == [(5, 10.0), (5, 10.0)]


def test_rep_events_count_up_to_target_each_set():
    clock = FakeClock()
    session = GuidedSession([clam(sets=2, reps=3)], clock)
    events = run_until_done(session, clock, step=0.05)
    counts = [e.count for e in events if isinstance(e, RepCounted)]
    assert counts == [1, 2, 3] * 4  # 2 sets x 2 sides


def test_reps_follow_the_rep_length_supplied():
    clock = FakeClock()
    session = GuidedSession([clam(sets=1, reps=2)], clock, rep_seconds=lambda e, v: 2.0)
    session.start()
    clock.advance(Timings().get_ready_s)
    session.update()
    clock.advance(1.99)
    session.update()
    assert session.snapshot().count == 0
    clock.advance(0.01)
    session.update()
    assert session.snapshot().count == 1
    assert session.snapshot().time_in_rep == pytest.approx(0.0)
    clock.advance(0.5)
    assert session.snapshot().time_in_rep == pytest.approx(0.5)


def test_each_side_gets_full_work_with_a_switch_between():
    clock = FakeClock()
    session = GuidedSession([clam(sets=1, reps=4)], clock)
    events = run_until_done(session, clock)
    phases = [e.phase for e in events if isinstance(e, PhaseStarted)]
    assert phases == [
        WorkoutPhase.GET_READY,
        WorkoutPhase.WORK,
        WorkoutPhase.SWITCH_SIDES,
        WorkoutPhase.WORK,
        WorkoutPhase.DONE,
    ]
    assert [(r.side, r.reps_done) for r in records(events)] == [("left", 4), ("right", 4)]


def test_right_first_side_order_and_single_side():
    clock = FakeClock()
    items = [
        clam(sets=1, reps=1),
        RoutineItem("fire_hydrant", "standard", 1, 1, None, 0, None, "left"),
    ]
    session = GuidedSession(items, clock, side_order="right_first")
    sides = [(r.exercise_id, r.side) for r in records(run_until_done(session, clock))]
    assert sides == [("clamshell", "right"), ("clamshell", "left"), ("fire_hydrant", "left")]


def test_ten_minute_pause_changes_nothing_but_the_clock(default_items):
    def run(pause_at: float | None) -> tuple[GuidedSession, list]:
        clock = FakeClock(start=0.0)
        session = GuidedSession(default_items, clock)
        events = session.start()
        while not session.finished:
            clock.advance(0.5)
            events += session.update()
            if pause_at is not None and clock.now() == pause_at:
                events += session.pause()
                clock.advance(600.0)
                assert session.update() == []  # nothing happens while paused
                snap = session.snapshot()
                assert snap.paused and snap.active_s == pytest.approx(pause_at)
                events += session.resume()
        return session, records(events)

    plain, plain_sets = run(None)
    paused, paused_sets = run(37.0)  # mid-way through the first set

    def shape(r):
        return (r.exercise_id, r.set_no, r.side, r.reps_done, r.skipped)

    assert [shape(r) for r in paused_sets] == [shape(r) for r in plain_sets]
    assert paused.elapsed() == pytest.approx(plain.elapsed() + 600.0)
    first, later = paused_sets[0], paused_sets[1:]
    assert first.completed_at - first.started_at == pytest.approx(
        plain_sets[0].completed_at - plain_sets[0].started_at + 600.0
    )
    for a, b in zip(later, plain_sets[1:], strict=True):
        assert a.started_at == pytest.approx(b.started_at + 600.0)
        assert a.completed_at == pytest.approx(b.completed_at + 600.0)


def test_pause_mid_set_keeps_the_count_and_logs_the_same_reps():
    clock = FakeClock()
    session = GuidedSession([clam(sets=1, reps=5)], clock)
    events = session.start()
    clock.advance(Timings().get_ready_s + 3.5 * 2 + 1.0)
    events += session.update()
    assert session.snapshot().count == 2
    events += session.pause()
    clock.advance(600.0)
    events += session.update()
    assert session.snapshot().count == 2
    events += session.resume()
    events += run_until_done(session, clock)
    done = records(events)
    assert [r.reps_done for r in done] == [5, 5]
    assert done[0].completed_at - done[0].started_at == pytest.approx(5 * 3.5 + 600.0)


def test_skip_logs_a_skipped_set_with_reps_so_far_and_skips_countdowns():
    clock = FakeClock()
    session = GuidedSession([clam(sets=2, reps=6)], clock)
    events = session.start()
    events += session.skip()  # the get-ready countdown
    assert session.phase is WorkoutPhase.WORK
    clock.advance(3.5 * 2 + 0.1)
    events += session.skip()  # the left set after 2 reps
    assert session.phase is WorkoutPhase.SWITCH_SIDES
    skipped = records(events)[-1]
    assert (skipped.side, skipped.reps_done, skipped.skipped) == ("left", 2, True)
    events += run_until_done(session, clock)
    assert [(r.set_no, r.side, r.reps_done, r.skipped) for r in records(events)] == [
        (1, "left", 2, True),
        (1, "right", 6, False),
        (2, "left", 6, False),
        (2, "right", 6, False),
    ]


def test_done_early_logs_the_real_count_and_moves_on():
    clock = FakeClock()
    session = GuidedSession([clam(sets=1, reps=10)], clock)
    events = session.start()
    clock.advance(Timings().get_ready_s + 3.5 * 7 + 2.0)
    events += session.finish_set_early()
    record = records(events)[-1]
    assert (record.reps_done, record.skipped, record.reps_target) == (7, False, 10)
    assert session.phase is WorkoutPhase.SWITCH_SIDES


def test_back_restarts_the_set_or_returns_to_the_previous_one():
    clock = FakeClock()
    session = GuidedSession([clam(sets=2, reps=4)], clock)
    session.start()
    session.skip()
    clock.advance(3.5 * 2 + 0.5)
    session.update()
    assert session.snapshot().count == 2
    session.back()  # well into the set: start it again
    assert session.phase is WorkoutPhase.WORK and session.snapshot().count == 0
    assert session.snapshot().block.side == "left"

    clock.advance(4 * 3.5)
    events = session.update()  # left done, now switching
    assert session.phase is WorkoutPhase.SWITCH_SIDES
    events += session.back()  # between sides: redo the left set
    assert session.phase is WorkoutPhase.WORK and session.snapshot().block.side == "left"
    clock.advance(1.0)
    session.back()  # at the very start of the set: go back further (to the get ready)
    assert session.phase is WorkoutPhase.GET_READY
    assert [r.side for r in records(events)] == ["left"]  # the finished set stays logged


def test_plus_and_minus_adjust_the_count_and_the_end_of_the_set():
    clock = FakeClock()
    session = GuidedSession([clam(sets=1, reps=3)], clock)
    events = session.start()
    events += session.skip()
    events += session.adjust_reps(-1)  # nothing counted yet: stays at 0
    assert session.snapshot().count == 0
    clock.advance(3.6)
    events += session.update()
    events += session.adjust_reps(+1)
    assert session.snapshot().count == 2
    events += session.adjust_reps(+1)  # reaches the target: the set ends now
    assert session.phase is WorkoutPhase.SWITCH_SIDES
    assert records(events)[-1].reps_done == 3
    clock.advance(Timings().switch_sides_s + 3.6)
    events += session.update()
    events += session.adjust_reps(-1)  # the user says that rep did not count
    assert session.snapshot().count == 0
    clock.advance(2 * 3.5)
    events += session.update()
    assert session.snapshot().count == 2 and session.phase is WorkoutPhase.WORK
    clock.advance(3.5)
    events += session.update()
    assert records(events)[-1].reps_done == 3


def test_hold_lines_count_holds_and_tick_in_the_last_three_seconds():
    clock = FakeClock()
    session = GuidedSession([plank(holds=2, hold=5.0)], clock)
    events = session.start()
    events += session.skip()
    start = clock.now()
    clock.advance(2.0 + 1.0)  # lift, then one second into the hold
    snap = session.snapshot()
    assert snap.holding and snap.remaining_s == pytest.approx(4.0) and snap.count == 0
    events += run_until_done(session, clock, step=0.05)
    ticks = [
        round(e.at - start, 6) for e in events if isinstance(e, CueRequested) and e.cue == "tick"
    ]
    # First side: holds end at 7 s and 14 s; ticks at 4, 5, 6 and 11, 12, 13.
    assert ticks[:6] == [4.0, 5.0, 6.0, 11.0, 12.0, 13.0]
    assert [r.reps_done for r in records(events)] == [2, 2]


def test_cues_come_at_the_right_moments():
    clock = FakeClock()
    session = GuidedSession([clam(sets=2, reps=2, rest=5.0)], clock)
    events = run_until_done(session, clock, step=0.05)
    start = 1000.0
    cues = [(e.cue, round(e.at - start, 6)) for e in events if isinstance(e, CueRequested)]
    t = Timings()
    g, s = t.get_ready_s, t.switch_sides_s
    expect = [("tick", g - 3), ("tick", g - 2), ("tick", g - 1), ("go", g)]
    expect += [("rep", g + 3.5), ("rep", g + 7.0), ("switch_sides", g + 7.0)]
    expect += [("tick", g + 7 + s - k) for k in (3, 2, 1)] + [("go", g + 7 + s)]
    right_end = g + 7 + s + 7
    expect += [("rep", right_end - 3.5), ("rep", right_end)]
    expect += [("tick", right_end + 5 - k) for k in (3, 2, 1)] + [("go", right_end + 5)]
    assert cues[: len(expect)] == expect
    assert cues[-1][0] == "done"
    assert sum(1 for c, _ in cues if c == "rep") == 8


def test_thirty_minute_session_has_zero_drift(default_items):
    """Irregular ticks (like a busy UI) land every step exactly where the plan puts it."""
    steps = build_steps(default_items)
    planned = planned_seconds(steps)
    assert 25 * 60 < planned < 40 * 60

    def phase_times(tick) -> list[float]:
        clock = FakeClock(start=0.0)
        session = GuidedSession(default_items, clock)
        events = session.start()
        while not session.finished:
            clock.advance(tick())
            events += session.update()
        assert isinstance(events[-1], WorkoutFinished)
        return [e.at for e in events if isinstance(e, PhaseStarted)]

    rng = random.Random(4)
    jittery = phase_times(lambda: rng.uniform(0.001, 0.4))
    steady = phase_times(lambda: 0.016)
    coarse = phase_times(lambda: 7.3)
    assert len(jittery) == len(steps)
    assert jittery == pytest.approx(steady, abs=1e-6)
    assert jittery == pytest.approx(coarse, abs=1e-6)
    assert jittery[-1] == pytest.approx(planned, abs=1e-6)


def test_stop_ends_without_logging_the_set_in_progress():
    clock = FakeClock()
    session = GuidedSession([clam(sets=1, reps=3)], clock)
    events = session.start()
    events += session.skip()
    clock.advance(3.5 * 3 + 1)  # left done, switching
    events += session.update()
    clock.advance(Timings().switch_sides_s + 3.6)
    events += session.stop()
    assert [r.side for r in records(events)] == ["left"]
    assert isinstance(events[-1], WorkoutFinished) and not events[-1].completed
    assert session.finished and session.update() == []
