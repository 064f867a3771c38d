"""The report's function and programme section: PSFS scores and the plan's changes, each
with its reason (pure: no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo

from glutemed.ops.programme_ops import PlanChangeRecord
from glutemed.report.content import ReportContent, Table
from glutemed.training.psfs import MIC_POINTS, MIC_SOURCE, PsfsEntry, change_since_start

STATUS_WORDS = {"applied": "made", "refused": "refused by the user", "held": "held"}


def _dose(d: dict[str, object]) -> str:
    work = (
        f"{d.get('sets')} x {d.get('reps') or 1} holds of {d.get('hold_s')} s"
        if d.get("hold_s") is not None
        else f"{d.get('sets')} x {d.get('reps')}"
    )
    return work + (f", {d['band']} band" if d.get("band") else "")


def add_programme(
    content: ReportContent,
    entries: Sequence[PsfsEntry],
    changes: Sequence[PlanChangeRecord],
    start: date,
    end: date,
    tz: tzinfo,
    names: dict[str, str],
) -> None:
    """Add the function summary, the PSFS table and the plan-changes table to *content*."""
    shown = [e for e in entries if start <= e.day <= end]
    change = change_since_start(shown)
    if not shown:
        content.summary.append("Function (PSFS): no ratings in this period.")
    elif change is None:
        content.summary.append(
            f"Function (PSFS, 0-10, Stratford 1995): one rating, {shown[0].score:.1f} "
            f"({shown[0].day.isoformat()})."
        )
    else:
        content.summary.append(
            f"Function (PSFS, 0-10, Stratford 1995): {change.baseline:.1f} -> "
            f"{change.latest:.1f}, change {change.change:+.1f}; the minimal important change "
            f"for chronic low back pain is {MIC_POINTS:g} ({MIC_SOURCE})."
        )
    if shown:
        rows = [
            [e.day.isoformat(), "; ".join(f"{a} {r}" for a, r in e.ratings), f"{e.score:.1f}"]
            for e in shown
        ]
        content.tables.append(
            Table("Function ratings (PSFS)", ["Date", "Activities", "Mean"], rows)
        )
    mine = [c for c in changes if start <= c.decided_at.astimezone(tz).date() <= end]
    made = sum(1 for c in mine if c.status == "applied")
    content.summary.append(
        f"Programme: {made} change{'s' if made != 1 else ''} made, "
        f"{sum(1 for c in mine if c.status == 'refused')} refused, "
        f"{sum(1 for c in mine if c.status == 'held')} held in this period (reasons below)."
    )
    for c in mine:
        content.summary.append(
            f"{c.decided_at.astimezone(tz).date().isoformat()} "
            f"{names.get(c.exercise_id, c.exercise_id)}, {c.side} side: {_dose(c.before)} -> "
            f"{_dose(c.after)} ({STATUS_WORDS.get(c.status, c.status)}). {c.reason}"
        )
