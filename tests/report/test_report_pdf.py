"""The physiotherapist PDF: right numbers in its text, every page renders, CLI errors."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from glutemed.domain.records import (
    PainLog,
    Profile,
    SetLog,
    StanceSession,
    StanceTrial,
    WorkoutSession,
)
from glutemed.report import report_cli
from glutemed.report.pdf import write_report
from glutemed.store import Store
from glutemed.store.bulk import History, insert_history
from glutemed.store.profile import save_profile


@pytest.fixture(autouse=True)
def _poppler() -> None:
    # The README's test command installs poppler-utils; without it these checks must fail.
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.fail("pdftotext/pdftoppm missing: install poppler-utils (see the README)")


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2025, 6, day, hour, tzinfo=UTC)


def known_history(store: Store) -> None:
    def test(day: int, left: float, right: float) -> StanceSession:
        trials = [
            StanceTrial("left", 1, left - 2, "foot_down"),
            StanceTrial("left", 2, left, "foot_down"),
            StanceTrial("right", 1, right, "foot_down"),
        ]
        return StanceSession(at(day), "open", 45.0, trials=trials)

    sets = [
        SetLog(0, "clamshell", "standard", "left", 1, 12, 12, None, None, at(d, 18), at(d, 18))
        for d in (2, 3)
    ]
    insert_history(
        store,
        History(
            stance=[test(2, 12.4, 20.0), test(16, 18.6, 24.8)],
            pain=[PainLog(at(d), s, "daily") for d, s in ((2, 7), (3, 6), (4, 8), (25, 3))],
            workouts=[
                (WorkoutSession(at(2, 18), at(2, 19)), sets[:1]),
                (WorkoutSession(at(3, 18), at(3, 19)), sets[1:]),
            ],
        ),
    )
    save_profile(store, Profile(birth_year=1980))


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pages_render(path: Path, tmp_path: Path, pages: int) -> None:
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == pages
    assert all(p.stat().st_size > 1000 for p in images)


def test_report_has_the_right_numbers(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    known_history(store)
    out = tmp_path / "report.pdf"
    result = write_report(store, out, tz=UTC, today=date(2025, 6, 30))
    text = pdf_text(out)
    assert "GluteMed progress report" in text
    assert "Period: 2 Jun 2025 to 30 Jun 2025" in text and "Generated 30 Jun 2025" in text
    # Stance table, per test: best and mean per side, symmetry min/max.
    assert "12.4" in text and "11.4" in text and "20.0" in text and "62%" in text
    assert "18.6" in text and "17.6" in text and "24.8" in text and "75%" in text
    # Pain: baseline = mean of the first 3 entries = 7.0; last 4 weeks mean (7+6+8+3)/4 = 6.0.
    assert "baseline 7.0" in text
    # Springer 2007 values are withheld until checked against the paper: no norm is printed.
    assert "norm" not in text.lower()
    # Adherence: 2 of 29 days trained (2-30 June).
    assert "2 of 29 days" in text
    assert f"page 1 of {result.pages}" in text and f"page {result.pages} of {result.pages}" in text
    pages_render(out, tmp_path, result.pages)


def test_report_since_limits_the_period(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    known_history(store)
    out = tmp_path / "since.pdf"
    write_report(store, out, since=date(2025, 6, 10), tz=UTC, today=date(2025, 6, 30))
    text = pdf_text(out)
    assert "Period: 10 Jun 2025 to 30 Jun 2025" in text
    assert "12.4" not in text and "18.6" in text


def test_empty_report_still_renders(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = write_report(store, out, tz=UTC, today=date(2025, 6, 30))
    assert "No stance tests in this period" in pdf_text(out)
    pages_render(out, tmp_path, result.pages)


def cli(data_dir: Path, *extra: str) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    report_cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--data-dir", str(data_dir), "report", *extra])
    return int(args.run(args))


def test_cli_writes_pdf_and_rejects_bad_dates(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.pdf"
    assert cli(data_dir, "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert cli(data_dir, "--out", str(out), "--since", "2025-02-30") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("glutemed: --since")
    assert cli(data_dir, "--out", str(tmp_path / "x.txt")) == 2


def test_a_table_title_is_never_left_alone_at_the_foot_of_a_page(qtbot: QtBot) -> None:
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPainter

    from glutemed.report.content import Table
    from glutemed.report.pdf import _Pages, _table, _writer

    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, "test")
    painter = QPainter(writer)
    try:
        pages = _Pages(writer, painter)
        table = Table("Stance test results by month", ["Month", "Tests"], [["Jan", "3"]] * 10)
        pages.y = pages.bottom - 90  # room for the title and header, not for three rows
        _table(pages, table)
        assert pages.page == 2  # the title went over with its rows
        assert pages.y < pages.bottom / 2
    finally:
        painter.end()
