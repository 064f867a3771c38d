"""The report shows function (PSFS) and the programme's changes with their reasons."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from glutemed.domain.records import PainLog
from glutemed.report.pdf import write_report
from glutemed.store import Store
from glutemed.store.pain import add_pain
from glutemed.store.programme import PlanChangeRecord, add_plan_change, add_psfs


def test_report_has_function_and_programme_changes(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    add_pain(store, PainLog(datetime(2025, 6, 2, 8, tzinfo=UTC), 5, "daily"))
    add_psfs(store, datetime(2025, 6, 2, 9, tzinfo=UTC), [("Socks", 3), ("Stairs", 5)])
    add_psfs(store, datetime(2025, 6, 20, 9, tzinfo=UTC), [("Socks", 5), ("Stairs", 6)])
    for status, reason in (
        ("applied", "Progressed (added a set): every set reached its target."),
        ("refused", "Stepped back (one set fewer): some sets were cut short."),
    ):
        add_plan_change(
            store,
            PlanChangeRecord(
                datetime(2025, 6, 21, 8, tzinfo=UTC),
                "clamshell",
                "standard",
                "left",
                "progress" if status == "applied" else "regress",
                {"sets": 2, "reps": 12},
                {"sets": 3, "reps": 12},
                reason,
                status,
            ),
        )
    out = tmp_path / "report.pdf"
    write_report(store, out, tz=UTC, today=date(2025, 6, 30))
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Function (PSFS, 0-10, Stratford 1995): 4.0 -> 5.5, change +1.5" in flat
    assert "Maughan & Lewis 2010" in flat
    assert "Programme: 1 change made, 1 refused, 0 held" in flat
    assert "Clamshell and reverse clam, left side: 2 x 12 -> 3 x 12 (made)." in flat
    assert "every set reached its target" in flat and "refused by the user" in flat
    assert "Function ratings (PSFS)" in flat and "Socks 5; Stairs 6" in flat
