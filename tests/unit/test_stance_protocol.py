"""The stance protocol driven by a fake clock: timing exact to the clock, never to ticks."""

from __future__ import annotations

import pytest

from glutemed.domain.clock import FakeClock
from glutemed.domain.vocabulary import StancePhase, side_order
from glutemed.stance.protocol import (
    MANUAL_REASONS,
    ProtocolError,
    StanceProtocol,
    reasons_for,
)


def start_timing(proto: StanceProtocol, clock: FakeClock) -> list[str]:
    cues = proto.start_countdown()
    for _ in range(3):
        clock.advance(1.0)
        cues += proto.tick()
    return cues


def run_trial(
    proto: StanceProtocol, clock: FakeClock, seconds: float, reason: str = "foot_down"
) -> None:
    start_timing(proto, clock)
    clock.advance(seconds)
    proto.tick()
    if proto.phase is StancePhase.TIMING:
        proto.stop()
        proto.record(reason)  # type: ignore[arg-type]
    else:
        proto.record()


def test_countdown_sounds_three_ticks_then_go() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock)
    assert proto.start_countdown() == ["tick"]
    assert proto.countdown_left() == 3
    clock.advance(0.5)
    assert proto.tick() == []
    clock.advance(0.5)
    assert proto.tick() == ["tick"]
    assert proto.countdown_left() == 2
    clock.advance(1.0)
    assert proto.tick() == ["tick"]
    assert proto.countdown_left() == 1
    clock.advance(1.0)
    assert proto.tick() == ["go"]
    assert proto.phase is StancePhase.TIMING
    assert proto.elapsed() == 0.0


def test_timing_is_exact_to_the_clock_even_with_late_ticks() -> None:
    clock = FakeClock(500.0)
    proto = StanceProtocol(clock)
    proto.start_countdown()
    clock.advance(3.7)  # the first tick after "go" comes 0.7 s late
    assert proto.tick() == ["go"]
    assert proto.elapsed() == pytest.approx(0.7)
    clock.advance(11.53)
    assert proto.elapsed() == pytest.approx(12.23)
    assert proto.stop() == ["stop"]
    assert proto.phase is StancePhase.OUTCOME
    assert proto.pending is not None
    assert proto.pending.seconds == 12.23
    assert not proto.pending.capped


def test_cap_stops_with_a_sound_at_exactly_the_cap() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock, cap_s=30.0)
    start_timing(proto, clock)
    clock.advance(29.99)
    assert proto.tick() == []
    assert proto.elapsed() == pytest.approx(29.99)
    clock.advance(5.0)  # the tick is late; the time is still the cap
    assert proto.elapsed() == 30.0
    assert proto.tick() == ["stop"]
    assert proto.pending is not None
    assert proto.pending.seconds == 30.0
    assert proto.pending.capped
    trial = proto.record(pelvis_dropped=True)
    assert trial.ended_by == "cap"
    assert trial.pelvis_dropped


def test_stop_after_cap_passed_between_ticks_counts_as_cap() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock, cap_s=45.0)
    start_timing(proto, clock)
    clock.advance(46.0)
    assert proto.stop() == ["stop"]
    assert proto.pending is not None and proto.pending.capped
    assert proto.pending.seconds == 45.0


@pytest.mark.parametrize("cap", [30.0, 45.0, 60.0])
def test_each_cap_choice(cap: float) -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock, cap_s=cap)
    run_trial(proto, clock, cap + 1)
    assert proto.trials[0].seconds == cap
    assert proto.trials[0].ended_by == "cap"


def test_bad_cap_and_eyes_are_refused() -> None:
    with pytest.raises(ValueError, match="30, 45 or 60"):
        StanceProtocol(FakeClock(), cap_s=50.0)
    with pytest.raises(ValueError, match="eyes"):
        StanceProtocol(FakeClock(), eyes="shut")  # type: ignore[arg-type]


@pytest.mark.parametrize("reason", MANUAL_REASONS)
def test_every_stop_reason_eyes_closed(reason: str) -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock, eyes="closed")
    start_timing(proto, clock)
    clock.advance(4.2)
    proto.stop()
    trial = proto.record(reason, trunk_lean=True)  # type: ignore[arg-type]
    assert trial.ended_by == reason
    assert trial.seconds == 4.2
    assert trial.trunk_lean and not trial.pelvis_dropped


def test_eyes_opened_only_for_eyes_closed_tests() -> None:
    assert "eyes_opened" not in reasons_for("open")
    assert "eyes_opened" in reasons_for("closed")
    clock = FakeClock()
    proto = StanceProtocol(clock, eyes="open")
    start_timing(proto, clock)
    clock.advance(3)
    proto.stop()
    with pytest.raises(ValueError, match="eyes-open"):
        proto.record("eyes_opened")
    with pytest.raises(ValueError, match="cap"):
        proto.record("cap")
    assert proto.record().ended_by == "manual"


def test_three_trials_per_side_alternating_in_preferred_order() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock, first_side=side_order("right_first")[0])
    seen = []
    for seconds in (10, 20, 11, 21, 12, 22):
        seen.append((proto.current_side, proto.current_trial_no))
        run_trial(proto, clock, seconds)
    assert seen == [
        ("right", 1),
        ("left", 1),
        ("right", 2),
        ("left", 2),
        ("right", 3),
        ("left", 3),
    ]
    assert proto.phase is StancePhase.FINISHED
    assert [t.seconds for t in proto.trials_for("right")] == [10, 11, 12]
    assert [t.seconds for t in proto.trials_for("left")] == [20, 21, 22]


def test_side_that_reaches_the_cap_skips_its_remaining_trials() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock, cap_s=30.0)
    run_trial(proto, clock, 31)  # left capped
    run_trial(proto, clock, 8)  # right 1
    assert (proto.current_side, proto.current_trial_no) == ("right", 2)
    run_trial(proto, clock, 9)
    run_trial(proto, clock, 7)
    assert proto.phase is StancePhase.FINISHED
    assert len(proto.trials) == 4


def test_retry_after_a_false_start_redoes_the_same_trial() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock)
    start_timing(proto, clock)
    clock.advance(0.4)
    proto.stop()
    proto.retry()
    assert proto.phase is StancePhase.READY
    assert (proto.current_side, proto.current_trial_no) == ("left", 1)
    assert proto.trials == [] and proto.pending is None
    run_trial(proto, clock, 15)
    assert proto.trials[0].seconds == 15


def test_a_key_during_the_countdown_cancels_it() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock)
    proto.start_countdown()
    clock.advance(1.5)
    assert proto.stop() == []
    assert proto.phase is StancePhase.READY
    assert proto.trials == []


def test_abandoned_midway_keeps_finished_trials() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock)
    run_trial(proto, clock, 12)
    run_trial(proto, clock, 14)
    start_timing(proto, clock)
    clock.advance(5)  # a trial in progress is not a finished one
    proto.abandon()
    assert proto.phase is StancePhase.ABANDONED
    assert [t.seconds for t in proto.trials] == [12, 14]
    with pytest.raises(ProtocolError):
        proto.start_countdown()


def test_abandon_keeps_a_stopped_trial_not_yet_labelled() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock)
    start_timing(proto, clock)
    clock.advance(6.5)
    proto.stop()
    proto.abandon()
    assert [(t.seconds, t.ended_by) for t in proto.trials] == [(6.5, "manual")]


def test_finish_early_needs_a_trial() -> None:
    clock = FakeClock()
    proto = StanceProtocol(clock)
    assert not proto.can_finish
    with pytest.raises(ProtocolError):
        proto.finish()
    run_trial(proto, clock, 20)
    proto.finish()
    assert proto.phase is StancePhase.FINISHED
    assert proto.current_side is None


def test_stop_outside_timing_is_a_protocol_error() -> None:
    proto = StanceProtocol(FakeClock())
    with pytest.raises(ProtocolError):
        proto.stop()
    with pytest.raises(ProtocolError):
        proto.record("foot_down")


def test_side_order_rejects_unknown_values() -> None:
    assert side_order("left_first") == ("left", "right")
    with pytest.raises(ValueError, match="side order"):
        side_order("both")
