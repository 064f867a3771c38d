"""The stance operations the camera test uses: each trial saved once, with its measures."""

from __future__ import annotations

from datetime import UTC, datetime

from glutemed.domain.clock import FakeClock
from glutemed.domain.vocabulary import StancePhase as Phase
from glutemed.ops.stance import StanceRun
from glutemed.store import Store
from glutemed.store.stance import get_session

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def waiting_run(store: Store) -> tuple[FakeClock, StanceRun]:
    clock = FakeClock(0.0)
    run = StanceRun(store, clock, NOW, eyes="open", cap_s=30.0, first="right")
    assert run.start_camera_countdown().cues == ("tick",)
    clock.advance(3.0)
    assert run.tick().cues == ("go",)
    assert run.protocol.phase is Phase.WAITING
    return clock, run


def test_a_landing_is_saved_at_once_with_its_measures(store: Store) -> None:
    clock, run = waiting_run(store)
    run.lift_seen(clock.now())
    clock.advance(12.5)
    step = run.landing_seen(clock.now(), "hands_off", pelvic_drop_deg=4.26, trunk_lean_deg=6.04)
    assert step.cues == ("stop",)
    assert step.changes.stance
    assert run.session_id is not None
    (saved,) = get_session(store, run.session_id).trials  # type: ignore[union-attr]
    assert (saved.side, saved.seconds, saved.ended_by) == ("right", 12.5, "hands_off")
    assert (saved.pelvic_drop_deg, saved.trunk_lean_deg) == (4.3, 6.0)
    assert run.protocol.phase is Phase.READY and run.protocol.current_side == "left"


def test_the_cap_and_a_stop_by_hand_keep_what_was_measured_so_far(store: Store) -> None:
    clock, run = waiting_run(store)
    run.lift_seen(clock.now())
    clock.advance(31.0)
    assert run.tick().stopped is not None  # the cap
    run.file_measured(2.0, None)
    run.start_camera_countdown()
    clock.advance(3.0)
    run.tick()
    run.lift_seen(clock.now())
    clock.advance(5.0)
    assert run.stop().stopped is not None  # by hand
    run.file_measured(-1.0, 120.0)  # an impossible lean is kept within what the store takes
    trials = get_session(store, run.session_id).trials  # type: ignore[arg-type, union-attr]
    found = {(t.side, t.ended_by, t.capped, t.pelvic_drop_deg, t.trunk_lean_deg) for t in trials}
    assert found == {("right", "cap", True, 2.0, None), ("left", "manual", False, -1.0, 90.0)}


def test_the_lean_side_is_saved_with_the_landing_and_the_stop_by_hand(store: Store) -> None:
    clock, run = waiting_run(store)
    run.lift_seen(clock.now())
    clock.advance(8.0)
    run.landing_seen(
        clock.now(), "foot_down", pelvic_drop_deg=3.0, trunk_lean_deg=7.0, trunk_lean_side="stance"
    )
    run.start_camera_countdown()
    clock.advance(3.0)
    run.tick()
    run.lift_seen(clock.now())
    clock.advance(4.0)
    assert run.stop().stopped is not None
    run.file_measured(1.0, None, "swing")  # a side without a size is not kept
    trials = get_session(store, run.session_id).trials  # type: ignore[arg-type, union-attr]
    assert {(t.side, t.trunk_lean_deg, t.trunk_lean_side) for t in trials} == {
        ("right", 7.0, "stance"),
        ("left", None, None),
    }
