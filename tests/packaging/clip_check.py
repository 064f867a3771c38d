"""The one-leg clip and what `stance analyse --json` must find in it, shared by the frozen
app's checks here and on the minimal Debian (tests/test_cli_stance.py checks the source)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

CLIP = ROOT / "tests" / "fixtures" / "pose" / "one_leg_synthetic_576.mp4"


def check_one_lift_on_the_left(stdout: str) -> dict[str, object]:
    assert stdout.count("\n") == 1, stdout  # one JSON object, nothing else
    data: dict[str, object] = json.loads(stdout)
    (lift,) = data["lifts"]  # type: ignore[misc]
    assert lift["stance_side"] == "left"  # the right foot is the raised one
    assert lift["start_s"] == pytest.approx(0.0, abs=0.05)
    assert lift["end_s"] == pytest.approx(4.0, abs=0.1)
    assert lift["ended_by"] == "end_of_video"
    assert data["frames"] == 120
    return data
