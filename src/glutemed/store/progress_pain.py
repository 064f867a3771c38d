"""Pain-diary queries for the Progress page and the report: the series and its baseline."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from glutemed.domain.history import PainBaseline, PainPoint
from glutemed.store.db import Store, plain_rows
from glutemed.store.local_days import local_day, range_sql

# Baseline: mean of the first entries, at most this many, within this many days of the first.
PAIN_BASELINE_ENTRIES = 3
PAIN_BASELINE_DAYS = 7


def pain_series(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[PainPoint]:
    where, params = range_sql("taken_at", since, until, tz)
    rows = plain_rows(
        store,
        f"SELECT taken_at, score, context FROM pain_logs WHERE {where} ORDER BY taken_at, id",
        params,
    )
    out: list[PainPoint] = []
    for taken_at, score, context in rows:
        moment = datetime.fromisoformat(taken_at)
        out.append(PainPoint(moment, moment.astimezone(tz).date(), score, context))
    return out


def pain_baseline(store: Store, tz: tzinfo) -> PainBaseline | None:
    """Mean of the first entries ever logged (up to 3, within a week of the first one)."""
    rows = store.conn.execute(
        "SELECT taken_at, score FROM pain_logs ORDER BY taken_at, id LIMIT ?",
        (PAIN_BASELINE_ENTRIES,),
    ).fetchall()
    if not rows:
        return None
    first = local_day(rows[0]["taken_at"], tz)
    last_day = first + timedelta(days=PAIN_BASELINE_DAYS - 1)
    scores = [r["score"] for r in rows if local_day(r["taken_at"], tz) <= last_day]
    return PainBaseline(score=sum(scores) / len(scores), entries=len(scores), first_day=first)
