"""The stance rules on synthetic landmark sequences: every transition, noise,
hysteresis, occlusion."""

from __future__ import annotations

import pytest
from pose_synth import Body, pose, sequence

from glutemed.pose.landmarks import Joint
from glutemed.pose.stance_rules import LeanSide, Side, StanceThresholds, lean_side, measure
from glutemed.pose.stance_tracker import Lift, LiftEnd, StanceTracker

STAND = Body()
ON_LEFT = Body(raised="right")  # standing on the left leg
ON_RIGHT = Body(raised="left")


def run(frames, thresholds: StanceThresholds | None = None) -> list[Lift]:
    tracker = StanceTracker(thresholds or StanceThresholds())
    for t, frame in frames:
        tracker.update(t, frame)
    tracker.finish(frames[-1][0])
    return tracker.lifts


def test_standing_still_finds_no_lift() -> None:
    assert run(sequence([(5.0, STAND)], noise=1.5)) == []


def test_one_lift_is_timed_from_the_frame_the_foot_left_to_the_frame_it_landed() -> None:
    lifts = run(sequence([(1.0, STAND), (3.0, ON_LEFT), (1.0, STAND)]))
    assert len(lifts) == 1
    lift = lifts[0]
    assert lift.stance_side is Side.LEFT
    assert lift.start_s == pytest.approx(1.0, abs=0.02)
    assert lift.end_s == pytest.approx(4.0, abs=0.02)
    assert lift.seconds == pytest.approx(3.0, abs=0.04)
    assert lift.ended_by is LiftEnd.FOOT_DOWN
    assert lift.hands_on_hips


def test_the_stance_side_is_the_lower_foot() -> None:
    lifts = run(sequence([(1.0, STAND), (2.0, ON_RIGHT), (1.0, STAND), (2.0, ON_LEFT)]))
    assert [lift.stance_side for lift in lifts] == [Side.RIGHT, Side.LEFT]
    assert [lift.ended_by for lift in lifts] == [LiftEnd.FOOT_DOWN, LiftEnd.END_OF_VIDEO]


def test_a_lift_shorter_than_the_minimum_does_not_count() -> None:
    assert run(sequence([(1.0, STAND), (0.2, ON_LEFT), (1.0, STAND)])) == []
    assert len(run(sequence([(1.0, STAND), (0.3, ON_LEFT), (1.0, STAND)]))) == 1


def test_a_foot_touching_down_briefly_does_not_end_the_lift() -> None:
    frames = sequence([(1.0, STAND), (2.0, ON_LEFT), (0.15, STAND), (2.0, ON_LEFT), (1, STAND)])
    lifts = run(frames)
    assert len(lifts) == 1
    assert lifts[0].seconds == pytest.approx(4.15, abs=0.05)


def test_hysteresis_a_foot_sagging_between_the_thresholds_stays_lifted() -> None:
    low = ON_LEFT.but(lift=0.045)  # below lift_on, above lift_off
    lifts = run(sequence([(1.0, STAND), (1.0, ON_LEFT), (2.0, low), (1.0, STAND)]))
    assert len(lifts) == 1
    assert lifts[0].end_s == pytest.approx(4.0, abs=0.02)


def test_hysteresis_a_foot_raised_only_between_the_thresholds_never_starts() -> None:
    assert run(sequence([(1.0, STAND), (2.0, ON_LEFT.but(lift=0.045)), (1.0, STAND)])) == []


def test_hands_leaving_the_hips_end_a_lift_started_with_hands_on_hips() -> None:
    frames = sequence([(1.0, STAND), (2.0, ON_LEFT), (1.0, ON_LEFT.but(hands="out"))])
    (lift,) = run(frames)
    assert lift.ended_by is LiftEnd.HANDS_OFF
    assert lift.end_s == pytest.approx(3.0, abs=0.02)


def test_hands_that_sag_to_the_sides_count_as_off() -> None:
    frames = sequence([(1.0, STAND), (2.0, ON_LEFT), (1.0, ON_LEFT.but(hands="down"))])
    assert run(frames)[0].ended_by is LiftEnd.HANDS_OFF


def test_a_lift_without_hands_on_hips_is_reported_as_such_and_ends_on_foot_down() -> None:
    free = Body(hands="out")
    lifts = run(sequence([(1.0, free), (2.0, free.but(raised="right")), (1.0, free)]))
    assert len(lifts) == 1
    assert not lifts[0].hands_on_hips
    assert lifts[0].ended_by is LiftEnd.FOOT_DOWN


def test_leaving_the_picture_ends_the_lift_when_it_was_lost() -> None:
    (lift,) = run(sequence([(1.0, STAND), (2.0, ON_LEFT), (1.0, None)]))
    assert lift.ended_by is LiftEnd.OUT_OF_VIEW
    assert lift.end_s == pytest.approx(3.0, abs=0.02)


def test_a_blink_out_of_view_keeps_the_lift() -> None:
    lifts = run(sequence([(1.0, STAND), (2.0, ON_LEFT), (0.3, None), (2.0, ON_LEFT)]))
    assert len(lifts) == 1
    assert lifts[0].ended_by is LiftEnd.END_OF_VIDEO


def test_ankles_the_model_only_guesses_count_as_out_of_view() -> None:
    hidden = ON_LEFT.but(hidden=(Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE))
    assert run(sequence([(1.0, STAND), (2.0, hidden), (1.0, STAND)])) == []
    assert measure(pose(hidden), StanceThresholds()) is None


def test_ankles_outside_the_frame_count_as_out_of_view() -> None:
    off = STAND.but(shift_x=400.0)  # the left half of the body is past the right edge
    assert measure(pose(off), StanceThresholds()) is None


def test_noise_does_not_start_or_stop_lifts() -> None:
    frames = sequence([(2.0, STAND), (4.0, ON_LEFT), (2.0, STAND)], noise=2.5, seed=7)
    lifts = run(frames)
    assert len(lifts) == 1
    assert lifts[0].seconds == pytest.approx(4.0, abs=0.15)


def test_pelvic_drop_is_measured_on_the_lifted_side_against_quiet_standing() -> None:
    camera_roll = 2.0  # a tilted camera tilts the standing hip line too
    stand = STAND.but(pelvic_tilt_deg=camera_roll)
    dropped = ON_LEFT.but(pelvic_tilt_deg=camera_roll + 6.0)  # right (lifted) hip lower
    (lift,) = run(sequence([(1.0, stand), (2.0, dropped), (1.0, stand)]))
    assert lift.pelvic_drop_deg_max == pytest.approx(6.0, abs=0.2)
    hiked = ON_LEFT.but(pelvic_tilt_deg=camera_roll - 4.0)  # lifted hip rises instead
    (lift,) = run(sequence([(1.0, stand), (2.0, hiked), (1.0, stand)]))
    assert lift.pelvic_drop_deg_max == pytest.approx(-4.0, abs=0.2)


def test_pelvic_drop_sign_follows_the_stance_side() -> None:
    dropped = ON_RIGHT.but(pelvic_tilt_deg=-5.0)  # left (lifted) hip lower
    (lift,) = run(sequence([(1.0, STAND), (2.0, dropped), (1.0, STAND)]))
    assert lift.stance_side is Side.RIGHT
    assert lift.pelvic_drop_deg_max == pytest.approx(5.0, abs=0.2)


def test_trunk_lean_is_the_largest_sideways_lean_during_the_lift() -> None:
    frames = sequence(
        [(1.0, STAND), (1.0, ON_LEFT), (1.0, ON_LEFT.but(trunk_deg=-8.0)), (1.0, STAND)]
    )
    (lift,) = run(frames)
    assert lift.trunk_lean_deg_max == pytest.approx(8.0, abs=0.3)


@pytest.mark.parametrize(
    ("stance", "trunk_deg", "expected"),
    [
        # trunk_deg > 0 moves the shoulders towards the person's right.
        (ON_LEFT, -8.0, LeanSide.STANCE),  # over the left (standing) leg: Trendelenburg
        (ON_LEFT, 8.0, LeanSide.SWING),
        (ON_RIGHT, 8.0, LeanSide.STANCE),
        (ON_RIGHT, -8.0, LeanSide.SWING),
    ],
)
def test_the_lean_side_is_named_from_the_standing_leg(
    stance: Body, trunk_deg: float, expected: LeanSide
) -> None:
    frames = sequence(
        [(1.0, STAND), (1.0, stance), (1.0, stance.but(trunk_deg=trunk_deg)), (1.0, STAND)]
    )
    (lift,) = run(frames)
    assert lift.trunk_lean_deg_max == pytest.approx(8.0, abs=0.3)
    assert lift.trunk_lean_side is expected
    assert lift.as_dict()["trunk_lean_side"] == expected.value


def test_the_lean_side_is_that_of_the_largest_lean_measured_from_quiet_standing() -> None:
    stand = STAND.but(trunk_deg=3.0)  # a camera or a body a little askew: the zero
    frames = sequence(
        [
            (1.0, stand),
            (1.0, ON_LEFT.but(trunk_deg=9.0)),  # 6° away from the standing leg
            (1.0, ON_LEFT.but(trunk_deg=-7.0)),  # 10° over it: the largest
            (1.0, stand),
        ]
    )
    (lift,) = run(frames)
    assert lift.trunk_lean_deg_max == pytest.approx(10.0, abs=0.3)
    assert lift.trunk_lean_side is LeanSide.STANCE


def test_a_lean_within_the_jitter_has_no_side() -> None:
    frames = sequence([(1.0, STAND), (2.0, ON_LEFT.but(trunk_deg=3.0)), (1.0, STAND)], noise=0.5)
    (lift,) = run(frames)
    assert lift.trunk_lean_deg_max is not None and lift.trunk_lean_deg_max < 5.0
    assert lift.trunk_lean_side is None
    assert lift.as_dict()["trunk_lean_side"] is None


def test_without_shoulders_there_is_no_lean_and_no_side() -> None:
    hidden = (Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER)
    frames = sequence([(1.0, STAND.but(hidden=hidden)), (2.0, ON_LEFT.but(hidden=hidden))])
    (lift,) = run(frames)
    assert (lift.trunk_lean_deg_max, lift.trunk_lean_side) == (None, None)


def test_the_side_rule_on_its_own() -> None:
    assert lean_side(6.0, 5.0) is LeanSide.STANCE
    assert lean_side(-5.0, 5.0) is LeanSide.SWING
    assert lean_side(4.9, 5.0) is None
    assert lean_side(None, 5.0) is None


def test_the_open_lift_reports_its_lean_side_so_far() -> None:
    tracker = StanceTracker()
    for t, frame in sequence([(1.0, STAND), (1.0, ON_RIGHT), (0.5, ON_RIGHT.but(trunk_deg=7.0))]):
        tracker.update(t, frame)
    _drop, lean, side = tracker.open_measures()
    assert lean == pytest.approx(7.0, abs=0.3) and side is LeanSide.STANCE
    assert StanceTracker().open_measures() == (None, None, None)


def test_the_json_form_names_every_field() -> None:
    (lift,) = run(sequence([(1.0, STAND), (2.0, ON_LEFT), (1.0, STAND)]))
    assert set(lift.as_dict()) == {
        "stance_side", "start_s", "end_s", "seconds", "ended_by", "hands_on_hips",
        "pelvic_drop_deg_max", "trunk_lean_deg_max", "trunk_lean_side",
    }  # fmt: skip
    assert lift.as_dict()["stance_side"] == "left"


def test_frames_out_of_order_are_refused() -> None:
    tracker = StanceTracker()
    tracker.update(1.0, pose(STAND))
    with pytest.raises(ValueError, match="time order"):
        tracker.update(0.5, pose(STAND))


def test_thresholds_must_keep_their_hysteresis() -> None:
    with pytest.raises(ValueError):
        StanceThresholds(lift_on=0.03, lift_off=0.05)
    with pytest.raises(ValueError):
        StanceThresholds(hands_on=1.2, hands_off=1.0)


def test_after_hands_off_the_foot_must_come_down_before_the_next_lift() -> None:
    frames = sequence(
        [(1.0, STAND), (2.0, ON_LEFT), (1.0, ON_LEFT.but(hands="out")), (1.0, STAND),
         (2.0, ON_LEFT), (1.0, STAND)]
    )  # fmt: skip
    lifts = run(frames)
    assert [lift.ended_by for lift in lifts] == [LiftEnd.HANDS_OFF, LiftEnd.FOOT_DOWN]
    assert lifts[1].start_s == pytest.approx(5.0, abs=0.02)


def test_feet_that_are_not_quite_level_when_standing_are_the_zero_for_lifts() -> None:
    uneven = STAND.but(left_ankle_up=0.045)  # between lift_off and lift_on, while standing
    lifted = ON_RIGHT.but(left_ankle_up=0.045)
    (lift,) = run(sequence([(1.0, uneven), (2.0, lifted), (1.0, uneven)]))
    assert lift.start_s == pytest.approx(1.0, abs=0.02)
    assert lift.end_s == pytest.approx(3.0, abs=0.02)
    assert lift.ended_by is LiftEnd.FOOT_DOWN


def test_a_landing_that_wobbles_around_the_lower_threshold_ends_once_when_it_began() -> None:
    wobble = [(0.1, ON_LEFT.but(lift=0.02)), (0.1, ON_LEFT.but(lift=0.045))] * 4
    (lift,) = run(sequence([(1.0, STAND), (2.0, ON_LEFT), *wobble, (1.0, STAND)]))
    assert lift.end_s == pytest.approx(3.0, abs=0.02)
    assert lift.ended_by is LiftEnd.FOOT_DOWN
