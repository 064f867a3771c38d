"""Stance-test queries for the Progress page and the report: per-side bests and means.

One row per test reaches Python: the per-side best and mean are computed in SQL.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from glutemed.domain.history import StanceTest
from glutemed.store.db import Store
from glutemed.store.local_days import range_sql


def stance_tests(
    store: Store,
    tz: tzinfo,
    eyes: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[StanceTest]:
    """Every stance test in time order with per-side best and mean."""
    where, params = range_sql("s.taken_at", since, until, tz)
    if eyes is not None:
        where += " AND s.eyes = ?"
        params.append(eyes)
    rows = store.conn.execute(
        "SELECT s.id, s.taken_at, s.eyes, s.cap_s, "
        "MAX(CASE WHEN t.side = 'left' THEN t.seconds END) AS lb, "
        "AVG(CASE WHEN t.side = 'left' THEN t.seconds END) AS lm, "
        "MAX(CASE WHEN t.side = 'right' THEN t.seconds END) AS rb, "
        "AVG(CASE WHEN t.side = 'right' THEN t.seconds END) AS rm "
        "FROM stance_sessions s CROSS JOIN stance_trials t ON t.stance_session_id = s.id "
        f"WHERE {where} GROUP BY s.id ORDER BY s.taken_at, s.id",
        params,
    )
    out: list[StanceTest] = []
    for r in rows:
        moment = datetime.fromisoformat(r["taken_at"])
        out.append(
            StanceTest(
                session_id=r["id"],
                taken_at=moment,
                day=moment.astimezone(tz).date(),
                eyes=r["eyes"],
                cap_s=r["cap_s"],
                left_best=r["lb"],
                left_mean=r["lm"],
                right_best=r["rb"],
                right_mean=r["rm"],
            )
        )
    return out
