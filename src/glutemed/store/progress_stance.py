"""Stance-test queries for the Progress page and the report: per-side bests and means.

One row per test reaches Python: the per-side best and mean are computed in SQL.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from glutemed.domain.history import PelvicDropPoint, StanceTest
from glutemed.store.db import Store, plain_rows
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
    rows = plain_rows(
        store,
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
    for test_id, taken_at, eyes_, cap_s, lb, lm, rb, rm in rows:
        moment = datetime.fromisoformat(taken_at)
        day = moment.astimezone(tz).date()
        out.append(StanceTest(test_id, moment, day, eyes_, cap_s, lb, lm, rb, rm))
    return out


def stance_bests_before(store: Store, tz: tzinfo, day: date) -> dict[tuple[str, str], float]:
    """(eyes, side) -> the best trial of any local day before *day*."""
    where, params = range_sql("s.taken_at", None, day - timedelta(days=1), tz)
    rows = store.conn.execute(
        "SELECT s.eyes, t.side, MAX(t.seconds) "
        "FROM stance_sessions s CROSS JOIN stance_trials t ON t.stance_session_id = s.id "
        f"WHERE {where} AND t.seconds IS NOT NULL GROUP BY s.eyes, t.side",
        params,
    )
    return {(eyes, side): best for eyes, side, best in rows}


def pelvic_drop_series(
    store: Store, tz: tzinfo, since: date | None = None, until: date | None = None
) -> list[PelvicDropPoint]:
    """Measured pelvic drop per test and standing side, in time order (camera tests)."""
    where, params = range_sql("s.taken_at", since, until, tz)
    rows = store.conn.execute(
        "SELECT s.taken_at, t.side, AVG(t.pelvic_drop_deg) AS drop_deg, COUNT(*) AS n "
        "FROM stance_sessions s CROSS JOIN stance_trials t ON t.stance_session_id = s.id "
        f"WHERE {where} AND t.pelvic_drop_deg IS NOT NULL "
        "GROUP BY s.id, t.side ORDER BY s.taken_at, s.id, t.side",
        params,
    )
    out: list[PelvicDropPoint] = []
    for r in rows:
        moment = datetime.fromisoformat(r["taken_at"])
        out.append(
            PelvicDropPoint(moment.astimezone(tz).date(), moment, r["side"], r["drop_deg"], r["n"])
        )
    return out
