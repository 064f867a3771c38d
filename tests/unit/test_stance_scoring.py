"""Best, mean, symmetry, change since last time, gentle markers, pelvic-drop reading."""

from __future__ import annotations

from datetime import date

import pytest

from glutemed.stance.protocol import Trial
from glutemed.stance.results import pelvis_words
from glutemed.stance.scoring import (
    changes,
    eyes_closed_offer,
    markers,
    pelvis_findings,
    summarize,
    symmetry_pct,
)


def trial(side: str, seconds: float, **flags: bool) -> Trial:
    return Trial(side, 1, seconds, flags.pop("capped", False), "foot_down", **flags)  # type: ignore[arg-type]


def test_best_mean_and_symmetry() -> None:
    trials = [trial("left", s) for s in (10, 20, 30)] + [trial("right", s) for s in (12, 15)]
    summary = summarize(trials, "open", 45)
    assert summary.left is not None and summary.right is not None
    assert summary.left.best == 30 and summary.left.mean == 20 and summary.left.count == 3
    assert summary.right.best == 15 and summary.right.mean == 13.5
    assert summary.symmetry_pct == pytest.approx(50.0)
    assert summary.weaker_side == "right"


def test_symmetry_needs_both_sides_and_a_nonzero_time() -> None:
    assert summarize([trial("left", 10)], "open", 45).symmetry_pct is None
    assert symmetry_pct(0, 0) is None
    assert symmetry_pct(45, 45) == 100.0
    assert symmetry_pct(9, 12) == pytest.approx(75.0)


def test_change_since_previous_test() -> None:
    before = summarize([trial("left", 10), trial("right", 20)], "open", 45)
    after = summarize([trial("left", 16.5), trial("right", 18)], "open", 45)
    found = {c.side: c for c in changes(before, after)}
    assert found["left"].delta == pytest.approx(6.5)
    assert "+6.5 s" in found["left"].describe()
    assert found["right"].delta == pytest.approx(-2.0)
    assert "−2.0 s" in found["right"].describe()


def test_under_five_seconds_eyes_open_gets_a_gentle_cited_marker() -> None:
    found = markers(summarize([trial("left", 4.9), trial("right", 5.0)], "open", 45), (30,))
    assert [m.side for m in found] == ["left"]
    assert "Vellas et al. 1997" in found[0].text
    assert "not a diagnosis" in found[0].text
    assert "diagnos" not in found[0].text.replace("not a diagnosis", "")


def test_under_ten_seconds_marker_only_for_ages_51_to_75() -> None:
    summary = summarize([trial("left", 9.9), trial("right", 10.0)], "open", 45)
    for age in (51, 75):
        found = markers(summary, (age,))
        assert [m.side for m in found] == ["left"]
        assert "Araujo et al. 2022" in found[0].text
        assert "set up differently" in found[0].text
    assert markers(summary, (50,)) == []
    assert markers(summary, (76,)) == []
    assert markers(summary, (50, 51)) == []  # age uncertain across the study's edge
    assert markers(summary, ()) == []


def test_eyes_closed_is_offered_only_after_five_seconds_on_both_legs() -> None:
    assert not eyes_closed_offer(None)[0]
    one_leg = summarize([trial("left", 20)], "open", 45)
    assert not eyes_closed_offer(one_leg)[0]
    short = summarize([trial("left", 20), trial("right", 4.9)], "open", 45)
    allowed, why = eyes_closed_offer(short)
    assert not allowed and "right leg" in why and "Vellas" in why
    assert eyes_closed_offer(summarize([trial("left", 5), trial("right", 6)], "open", 45))[0]


def test_no_markers_for_eyes_closed() -> None:
    assert markers(summarize([trial("left", 2.0)], "closed", 45), (60,)) == []


def test_pelvic_drop_points_at_the_standing_side() -> None:
    trials = [trial("left", 20, pelvis_dropped=True), trial("left", 22), trial("right", 25)]
    text = " ".join(pelvis_findings(summarize(trials, "open", 45)))
    assert "Standing on your left leg" in text
    assert "lifted (right) side in 1 of 2 trials" in text
    assert "your left hip" in text
    assert "Hardcastle & Nade 1985" in text


def test_level_pelvis_and_trunk_lean() -> None:
    level = pelvis_findings(summarize([trial("left", 20), trial("right", 21)], "open", 45))
    assert "stayed level" in level[0]
    lean = pelvis_findings(summarize([trial("right", 20, trunk_lean=True)], "open", 45))
    assert any("leaned your trunk while standing on your right leg" in t for t in lean)
    assert pelvis_findings(summarize([], "open", 45)) == []


def test_times_show_like_a_stopwatch_and_changes_agree_with_them() -> None:
    from glutemed.stance.scoring import SideChange, fmt_s

    assert fmt_s(23.47) == "23.4"
    assert fmt_s(45.0) == "45.0"
    assert fmt_s(0.3) == "0.3"  # 0.3 * 10 is 2.9999... in floating point
    assert SideChange("left", 14.0, 23.47).describe() == ("Left leg best: 14.0 s → 23.4 s (+9.4 s)")


def test_camera_measures_replace_the_yes_no_pelvis_check_per_side() -> None:
    from glutemed.domain.records import StanceTrial
    from glutemed.stance.results import build_results

    trials = [
        StanceTrial("left", 1, 20.0, "foot_down", pelvic_drop_deg=2.0, trunk_lean_deg=3.5),
        StanceTrial("left", 2, 25.0, "hands_off", pelvic_drop_deg=5.0, trunk_lean_deg=1.0),
        StanceTrial("right", 1, 22.0, "foot_down", pelvic_drop_deg=-1.5, trunk_lean_deg=None),
    ]
    results = build_results(trials, "open", 45.0, birth_year=None, on=date(2026, 3, 1))
    left, right, caveat = results.pelvis
    assert "left leg" in left and "up to 5.0°" in left and "a drop in 2 of 2 trials" in left
    assert "trunk leaned up to 3.5°" in left
    assert "right leg" in right and "rose by at least 1.5°" in right and "trunk" not in right
    assert "Hardcastle & Nade 1985" in caveat
    manual = build_results(
        [StanceTrial("left", 1, 20.0, "foot_down")],
        "open",
        45.0,
        birth_year=None,
        on=date(2026, 3, 1),
    )
    assert manual.pelvis == ["Your pelvis stayed level on every trial: a good sign "
                             "(Hardcastle & Nade 1985)."]  # fmt: skip


def test_the_results_say_which_way_the_largest_lean_went() -> None:
    from glutemed.domain.records import StanceTrial
    from glutemed.stance.results import build_results

    trials = [
        StanceTrial("left", 1, 20.0, "foot_down", pelvic_drop_deg=2.0, trunk_lean_deg=3.0),
        StanceTrial(
            "left", 2, 25.0, "foot_down", pelvic_drop_deg=5.0, trunk_lean_deg=8.0,
            trunk_lean_side="stance",
        ),
        StanceTrial(
            "right", 1, 22.0, "foot_down", pelvic_drop_deg=1.0, trunk_lean_deg=6.0,
            trunk_lean_side="swing",
        ),
    ]  # fmt: skip
    results = build_results(trials, "open", 45.0, birth_year=None, on=date(2026, 3, 1))
    left, right, _caveat, compensation = results.pelvis
    assert "trunk leaned up to 8.0° towards the standing leg" in left
    assert "trunk leaned up to 6.0° away from the standing leg" in right
    assert "make up for weak hip abductors" in compensation
    swing_only = build_results(trials[2:], "open", 45.0, birth_year=None, on=date(2026, 3, 1))
    assert len(swing_only.pelvis) == 2  # no word of a compensation that was not seen


@pytest.mark.parametrize(
    ("drops", "expected"),
    [
        ([3.24, 0.1, -1.0], "dropped on the lifted side by up to 3.2° (a drop in 1 of 3 trials)"),
        ([-1.0, -2.5], "did not drop: the lifted side rose by at least 1.0° in each of 2 trials"),
        ([-1.0], "did not drop: the lifted side rose by at least 1.0° in 1 trial"),
        ([0.4, -0.4], "stayed level on the lifted side (within 0.5° over 2 trials)"),
    ],
)
def test_pelvis_words_never_show_a_negative_drop(drops: list[float], expected: str) -> None:
    words = pelvis_words(drops)
    assert expected in words
    assert "-" not in words  # a rise is said in words, not as a negative drop
