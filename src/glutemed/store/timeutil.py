"""Timestamps as the data contract wants them: ISO-8601 UTC text with an offset."""

from __future__ import annotations

from datetime import UTC, datetime

from glutemed.domain.clock import utc_now

__all__ = ["from_text", "to_text", "utc_now"]


def to_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"timestamp {text!r} has no time-zone offset")
    return moment
