"""The user's local time zone, DST-aware, for bucketing records into local days and weeks."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_EPOCH = datetime(1970, 1, 1)


class SystemLocalTime(tzinfo):
    """Whatever the C library says local time is (works where no IANA name is known)."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=time.localtime().tm_gmtoff)
        stamp = time.mktime((*dt.timetuple()[:8], -1))
        return timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return time.strftime("%Z")

    def fromutc(self, dt: datetime) -> datetime:
        stamp = (dt.replace(tzinfo=None) - _EPOCH).total_seconds()
        return dt + timedelta(seconds=time.localtime(stamp).tm_gmtoff)

    def __repr__(self) -> str:
        return "SystemLocalTime()"


def local_tz() -> tzinfo:
    """An IANA zone when one can be found (TZ, /etc/localtime), else the C library's."""
    candidates: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        try:
            return ZoneInfo(env)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # A POSIX rule such as EST5EDT,M3.2.0,M11.1.0: the C library understands it,
            # and /etc/localtime is not what the user asked for.
            return SystemLocalTime()
    link = Path("/etc/localtime")
    if link.is_symlink():
        target = str(link.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return zone
    return SystemLocalTime()


def local_now() -> datetime:
    """The one "now" for days and file names: aware, in the user's local zone."""
    return datetime.now(local_tz())


def local_today() -> date:
    """The one "today" of the app: the local day of `local_now`."""
    return local_now().date()
