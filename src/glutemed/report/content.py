"""What the physiotherapist report says, as plain data (no Qt): summary lines and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from glutemed.domain.history import PAIN_MCID_FRACTION, PAIN_MCID_POINTS, StanceTest
from glutemed.domain.records import Profile
from glutemed.domain.wording import counted, stance_seconds
from glutemed.progress.series import MONTHLY, bin_start
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.progress.training import adherence
from glutemed.stance.age_norm import CAVEAT, age_norm

DETAIL_LIMIT = 40  # up to this many tests are listed one by one; more are summed per month


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _s(value: float | None) -> str:
    return "-" if value is None else stance_seconds(value)  # the window's rounding too


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class ReportContent:
    title: str
    period: str
    generated: str
    summary: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def _stance_table(tests: list[StanceTest], eyes: str) -> Table | None:
    mine = [t for t in tests if t.eyes == eyes]
    if not mine:
        return None
    headers = ["Date", "Left best", "Left mean", "Right best", "Right mean", "Symmetry"]
    if len(mine) <= DETAIL_LIMIT:
        rows = [
            [
                day_text(t.day),
                _s(t.left_best),
                _s(t.left_mean),
                _s(t.right_best),
                _s(t.right_mean),
                "-" if t.symmetry is None else f"{t.symmetry:.0f}%",
            ]
            for t in mine
        ]
        note = "Seconds; best and mean of up to 3 trials per side."
        return Table(f"Stance test results, eyes {eyes}", headers, rows, note)
    months: dict[date, list[StanceTest]] = {}
    for t in mine:
        months.setdefault(bin_start(t.day, MONTHLY), []).append(t)
    rows = []
    for start, group in sorted(months.items()):
        lefts = [t.left_best for t in group if t.left_best is not None]
        rights = [t.right_best for t in group if t.right_best is not None]
        syms = [t.symmetry for t in group if t.symmetry is not None]
        rows.append(
            [
                f"{start:%b %Y}",
                str(len(group)),
                _s(max(lefts, default=None)),
                _s(sum(lefts) / len(lefts) if lefts else None),
                _s(max(rights, default=None)),
                _s(sum(rights) / len(rights) if rights else None),
                f"{sum(syms) / len(syms):.0f}%" if syms else "-",
            ]
        )
    headers = ["Month", "Tests", "Left best", "Left avg", "Right best", "Right avg", "Symmetry"]
    note = "Seconds. Best = best trial of the month; avg = average of each test's best trial."
    return Table(f"Stance test results by month, eyes {eyes}", headers, rows, note)


def _drop_table(snapshot: ProgressSnapshot) -> Table | None:
    """Camera-measured pelvic drop per test and standing leg (the last 40 tests)."""
    by_test: dict[object, dict[str, float]] = {}
    days: dict[object, date] = {}
    for point in snapshot.drops:
        by_test.setdefault(point.taken_at, {})[point.side] = point.degrees
        days[point.taken_at] = point.day
    if not by_test:
        return None
    rows = [
        [day_text(days[key]), *(_deg(sides.get(side)) for side in ("left", "right"))]
        for key, sides in list(by_test.items())[-DETAIL_LIMIT:]
    ]
    note = (
        "Largest drop of the pelvis on the lifted side during each trial, averaged over the "
        "test's trials, in degrees, measured by the camera; negative: the lifted side rose. "
        "A drop suggests weak hip abductors of the standing leg (Hardcastle & Nade 1985)."
    )
    headers = ["Date", "Standing on left", "Standing on right"]
    return Table("Pelvic drop measured by the camera", headers, rows, note)


def _deg(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}°"


def build_content(
    snapshot: ProgressSnapshot, profile: Profile, start: date, end: date, today: date
) -> ReportContent:
    content = ReportContent(
        title="GluteMed progress report",
        period=f"Period: {day_text(start)} to {day_text(end)}",
        generated=f"Generated {day_text(today)}",
    )
    s = content.summary
    birth_year = profile.birth_year
    if birth_year is not None:
        s.append(f"Born {birth_year}. Stance cap {profile.stance_cap_s:g} s.")
    tests = list(snapshot.tests)
    for eyes in ("open", "closed"):
        mine = [t for t in tests if t.eyes == eyes]
        if not mine:
            continue
        first, last = mine[0], mine[-1]
        line = (
            f"Stance, eyes {eyes}: {counted(len(mine), 'test')}. "
            f"First ({day_text(first.day)}) best left "
            f"{_s(first.left_best)} s, right {_s(first.right_best)} s; latest "
            f"({day_text(last.day)}) left {_s(last.left_best)} s, right {_s(last.right_best)} s"
        )
        if last.symmetry is not None:
            line += f", symmetry {last.symmetry:.0f}%"
        norm = age_norm(birth_year, end, eyes)
        if norm is not None:
            line += (
                f". Best-of-3 norm {norm.seconds:g} s for ages {norm.group_label} "
                f"(Springer 2007; {CAVEAT})"
            )
        s.append(line + ".")
    if not tests:
        s.append("No stance tests in this period.")
    pain = list(snapshot.pain)
    base = snapshot.baseline
    if pain and base is not None:
        recent_from = end - timedelta(days=27)
        recent = [p.score for p in pain if p.day >= recent_from]
        label = f"last 4 weeks average {{avg:.1f}} over {counted(len(recent), 'entry', 'entries')}"
        if not recent:
            recent = [pain[-1].score]
            label = f"latest entry ({day_text(pain[-1].day)}) {{avg:.1f}}"
        avg = sum(recent) / len(recent)
        change = avg - base.score
        verdict = (
            "a clinically important change"
            if base.important_change(avg)
            else "not yet a clinically important change"
        )
        s.append(
            f"Pain (0-10 scale): baseline {base.score:.1f} (first "
            f"{counted(base.entries, 'entry', 'entries')} from "
            f"{day_text(base.first_day)}); {label.format(avg=avg)}, "
            f"{abs(change):.1f} points {'lower' if change < 0 else 'higher'}: "
            f"{verdict} (threshold {PAIN_MCID_POINTS:g} points or {PAIN_MCID_FRACTION:.0%}; "
            "Ostelo 2008, Farrar 2001)."
        )
    else:
        s.append("No pain entries in this period.")
    trained = [d.day for d in snapshot.days]
    stats = adherence(trained, start, end)
    recent_start = max(start, end - timedelta(days=27))
    last4 = adherence(trained, recent_start, end)
    sets = sum(d.sets for d in snapshot.days)
    reps = sum(d.reps for d in snapshot.days)
    s.append(
        f"Training: {stats.days_trained} of {counted(stats.days_total, 'day')} "
        f"({stats.percent:.0f}%), {counted(sets, 'set')} and {counted(reps, 'rep')} in total; "
        f"last 4 weeks {last4.days_trained} of {counted(last4.days_total, 'day')} "
        f"({last4.percent:.0f}%); longest run {counted(stats.longest_streak, 'day')}."
    )
    for eyes in ("open", "closed"):
        table = _stance_table(tests, eyes)
        if table is not None:
            content.tables.append(table)
    drops = _drop_table(snapshot)
    if drops is not None:
        content.tables.append(drops)
    if snapshot.weeks:
        rows = [
            [f"{w.iso_year}-W{w.iso_week:02d}", day_text(w.week_start), str(w.sets), str(w.reps)]
            for w in snapshot.weeks[-12:]
        ]
        content.tables.append(
            Table("Training volume, last 12 weeks", ["ISO week", "From", "Sets", "Reps"], rows)
        )
    return content
