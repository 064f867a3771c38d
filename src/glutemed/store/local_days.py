"""Local days of stored UTC timestamps, and SQL filters for a range of such days.

Days are the user's local ones: a test at 00:30 local time counts for that day even when
it is still the previous day in UTC, and DST changes move nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from glutemed.store.timeutil import to_text


def local_day(text: str, tz: tzinfo) -> date:
    return datetime.fromisoformat(text).astimezone(tz).date()


def day_start_utc_text(day: date, tz: tzinfo) -> str:
    """The stored-text form of local midnight at the start of *day* (for range filters)."""
    return to_text(datetime.combine(day, time(0), tzinfo=tz))


def range_sql(
    column: str, since: date | None, until: date | None, tz: tzinfo
) -> tuple[str, list[str]]:
    """A WHERE clause and its parameters: *column* within local days *since*..*until*."""
    clauses: list[str] = []
    params: list[str] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(day_start_utc_text(since, tz))
    if until is not None:
        clauses.append(f"{column} < ?")
        params.append(day_start_utc_text(until + timedelta(days=1), tz))
    return (" AND ".join(clauses) or "1"), params
