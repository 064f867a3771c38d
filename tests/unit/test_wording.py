"""Numbers in sentences: plural forms, one rounding rule for stance times, short durations."""

from __future__ import annotations

import pytest

from glutemed.domain.wording import counted, duration_text, stance_seconds
from glutemed.progress.text import seconds_text
from glutemed.report.content import _s as report_seconds
from glutemed.stance.scoring import fmt_s


@pytest.mark.parametrize(
    ("n", "noun", "plural", "text"),
    [
        (1, "test", None, "1 test"),
        (0, "day", None, "0 days"),
        (2, "entry", "entries", "2 entries"),
        (1, "entry", "entries", "1 entry"),
    ],
)
def test_counted_agrees_with_the_number(n: int, noun: str, plural: str | None, text: str) -> None:
    assert counted(n, noun, plural) == text


@pytest.mark.parametrize("seconds", [17.85, 17.89, 17.8, 0.05, 44.99, 45.0, 12.349999])
def test_one_rounding_rule_for_stance_times(seconds: float) -> None:
    """The window, the graphs and the report show the same stance time."""
    shown = stance_seconds(seconds)
    assert fmt_s(seconds) == shown
    assert report_seconds(seconds) == shown
    assert seconds_text(seconds) == f"{shown} s"
    assert float(shown) <= seconds + 1e-9  # a stopwatch never shows a time not reached


def test_stance_time_17_89_reads_17_8_everywhere() -> None:
    assert report_seconds(17.89) == fmt_s(17.89) == "17.8"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (28, "28 s"),
        (0.4, "0 s"),
        (59.4, "59 s"),
        (61, "1 min"),
        (1500, "25 min"),
        (3900, "1 h 5 min"),
        (7200, "2 h"),
    ],
)
def test_durations_under_a_minute_are_seconds(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text
