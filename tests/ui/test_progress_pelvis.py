"""The camera-measured pelvic drop on the Progress page and in the report."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from glutemed.domain.records import StanceSession, StanceTrial
from glutemed.report.pdf import write_report
from glutemed.store import Store
from glutemed.store.bulk import History, insert_history
from glutemed.ui.common.events import DataEvents
from glutemed.ui.progress.page import ProgressPage

END = date(2025, 6, 30)


def camera_test(day: int, left: float, right: float) -> StanceSession:
    at = datetime(2025, 6, day, 8, tzinfo=UTC)
    trials = [
        StanceTrial("left", 1, 20.0, "foot_down", pelvic_drop_deg=left, trunk_lean_deg=2.0),
        StanceTrial("right", 1, 25.0, "hands_off", pelvic_drop_deg=right, trunk_lean_deg=4.0),
    ]
    return StanceSession(at, "open", 45.0, trials=trials)


def make_page(qtbot: QtBot, store: Store) -> ProgressPage:
    page = ProgressPage(store, DataEvents(), tz=UTC, today=lambda: END)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.full_loaded, timeout=10_000)
    return page


def test_the_pelvic_drop_card_shows_each_standing_leg_over_time(qtbot: QtBot, store: Store) -> None:
    insert_history(store, History(stance=[camera_test(9, 6.0, 1.0), camera_test(23, 4.0, 0.5)]))
    page = make_page(qtbot, store)
    page._build_card("pelvis")
    page._show_card("pelvis")
    card = page.cards["pelvis"]
    assert not card.empty.isVisible()
    lines = card.lines  # type: ignore[attr-defined]
    assert [p.value for p in lines["left"].points] == [6.0, 4.0]
    assert [p.value for p in lines["right"].points] == [1.0, 0.5]
    text, _ = card.describe(float(lines["left"].x[1]), 4.0)  # type: ignore[attr-defined, misc]
    assert "standing on the left leg, +4.0°" in text


def test_without_camera_tests_the_card_says_how_to_get_one(qtbot: QtBot, store: Store) -> None:
    at = datetime(2025, 6, 20, 8, tzinfo=UTC)
    manual = StanceSession(at, "open", 45.0, trials=[StanceTrial("left", 1, 20.0, "manual")])
    insert_history(store, History(stance=[manual]))
    page = make_page(qtbot, store)
    page._build_card("pelvis")
    page._show_card("pelvis")
    card = page.cards["pelvis"]
    assert card.empty.isVisible()
    assert "camera" in card.empty.text().lower()


def test_the_report_carries_the_pelvic_drop_graph(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    import subprocess

    insert_history(store, History(stance=[camera_test(9, 6.0, 1.0)]))
    out = tmp_path / "report.pdf"
    write_report(store, out, tz=UTC, today=END)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Pelvic drop on the lifted side, measured by the camera" in text


def test_the_report_lists_the_measured_drop_per_test_and_leg(store: Store) -> None:
    from glutemed.domain.records import Profile
    from glutemed.ops.progress import load_snapshot
    from glutemed.report.content import build_content

    insert_history(store, History(stance=[camera_test(9, 6.0, 1.0), camera_test(23, 4.0, -0.5)]))
    snapshot = load_snapshot(store, UTC, since=date(2025, 6, 1), until=END)
    content = build_content(snapshot, Profile(), date(2025, 6, 1), END, END)
    (table,) = [t for t in content.tables if "Pelvic drop" in t.title]
    assert table.rows == [["9 Jun 2025", "+6.0°", "+1.0°"], ["23 Jun 2025", "+4.0°", "-0.5°"]]
