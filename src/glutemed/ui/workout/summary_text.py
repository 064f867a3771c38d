"""The words of the end-of-workout summary: what was done per exercise and side against
the plan, pain before and after, the time taken, and what to do next time."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from glutemed.catalog import Catalog
from glutemed.domain.history import SessionSummary
from glutemed.domain.records import RoutineItem, SetLog
from glutemed.domain.rules import counts_as_training
from glutemed.domain.wording import counted, duration_text
from glutemed.training.pain_rule import session_pain_note

# When to add load: the top of the rep range feels easy two sessions running; then add a
# set, then a band, then a stronger band (ACSM position stand, Ratamess et al. 2009).
PROGRESSION = (
    "When the last reps feel easy in two workouts running, add a set, then a band, "
    "then a stronger band (Ratamess et al. 2009)."
)


@dataclass
class Line:
    """One exercise variation on one side: what was done, and what was planned."""

    exercise_id: str
    variation_id: str
    side: str
    hold_s: float | None = None
    sets_done: int = 0
    sets_planned: int = 0
    reps_done: int = 0
    reps_planned: int = 0
    bands: set[str] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        return self.sets_done >= self.sets_planned and self.reps_done >= self.reps_planned


def lines_of(sets: list[SetLog], plan: list[RoutineItem] | None) -> list[Line]:
    """Sets grouped by exercise, variation and side; *plan* adds the sets never reached."""
    lines: dict[tuple[str, str, str], Line] = {}
    for s in sets:
        key: tuple[str, str, str] = (s.exercise_id, s.variation_id, s.side)
        line = lines.setdefault(key, Line(*key, hold_s=s.hold_s))
        line.sets_planned += 1
        line.reps_planned += s.reps_target or 0
        if counts_as_training(s.reps_done):
            line.sets_done += 1
            line.reps_done += s.reps_done
        if s.band:
            line.bands.add(s.band)
    for item in plan or []:
        sides = ("left", "right") if item.sides == "both" else (item.sides,)
        for side in sides:
            key = (item.exercise_id, item.variation_id, side)
            line = lines.setdefault(key, Line(*key, hold_s=item.hold_s))
            missing = item.sets - line.sets_planned
            if missing > 0:  # left before these sets began
                line.sets_planned += missing
                line.reps_planned += missing * (item.reps or 1)
    return list(lines.values())


def _names(catalog: Catalog, line: Line) -> str:
    try:
        exercise = catalog.exercise(line.exercise_id)
        variation = exercise.variation(line.variation_id).name
    except KeyError:
        return line.exercise_id
    return exercise.name if variation == exercise.name else f"{exercise.name}: {variation}"


def _work(line: Line) -> str:
    noun = ("hold", "holds") if line.hold_s is not None else ("rep", "reps")
    text = f"{line.reps_done} of {counted(line.reps_planned, *noun)}"
    if line.hold_s is not None:
        text += f" of {line.hold_s:g} s"
    return text


def summary_html(
    catalog: Catalog,
    summary: SessionSummary,
    sets: list[SetLog],
    pain_before: int | None,
    pain_after: int | None,
    plan: list[RoutineItem] | None = None,
) -> str:
    time = "not finished" if summary.duration_s is None else duration_text(summary.duration_s)
    head = (
        f"<p style='font-size:13pt'><b>{summary.sets_done}</b> "
        f"{'set' if summary.sets_done == 1 else 'sets'} done"
        + (f", {summary.sets_skipped} skipped" if summary.sets_skipped else "")
        + f", <b>{summary.reps_done}</b> {'rep' if summary.reps_done == 1 else 'reps'}"
        f" in <b>{time}</b>.</p>"
    )
    lines = lines_of(sets, plan)
    rows = "".join(
        f"<tr><td>{escape(_names(catalog, line))}</td><td>{line.side}</td>"
        f"<td>{line.sets_done} of {line.sets_planned}</td><td>{_work(line)}</td>"
        f"<td>{escape(', '.join(sorted(line.bands)) or '—')}</td>"
        f"<td>{'✓ as planned' if line.complete else 'less than planned'}</td></tr>"
        for line in lines
    )
    table = (
        "<h3>Done against the plan</h3><table cellpadding='5'>"
        "<tr><th align='left'>Exercise</th><th align='left'>Side</th>"
        "<th align='left'>Sets</th><th align='left'>Reps or holds</th>"
        "<th align='left'>Band</th><th></th></tr>" + rows + "</table>"
        if rows
        else "<p>No sets were finished.</p>"
    )
    return head + _pain(pain_before, pain_after) + table + _next_time(catalog, lines)


def _pain(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return ""
    first = "—" if before is None else str(before)
    last = "—" if after is None else str(after)
    text = f"<h3>Pain</h3><p>Before: <b>{first}</b> / 10, after: <b>{last}</b> / 10"
    if before is not None and after is not None and after != before:
        word = "lower" if after < before else "higher"
        text += f", {counted(abs(after - before), 'point')} {word} than before"
    text += ".</p>"
    note = session_pain_note(before, after)  # the pain-monitoring rule, never the MCID
    return text + (f"<p>{escape(note)}</p>" if note else "")


def _next_time(catalog: Catalog, lines: list[Line]) -> str:
    if not lines:
        return ""
    by_variation: dict[tuple[str, str], list[Line]] = {}
    for line in lines:
        by_variation.setdefault((line.exercise_id, line.variation_id), []).append(line)
    items = []
    for group in by_variation.values():
        name = escape(_names(catalog, group[0]))
        if all(line.complete for line in group):
            items.append(f"<li>{name}: every planned rep done. {PROGRESSION}</li>")
        else:
            items.append(f"<li>{name}: the same plan again, aiming to finish every set.</li>")
    return "<h3>Next time</h3><ul>" + "".join(items) + "</ul>"
