"""`glutemed plan export/import` and `glutemed sheet` end to end, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from glutemed.catalog import load_catalog
from glutemed.training.routines import SWAP_ONLY

SRC = Path(__file__).resolve().parents[1] / "src"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "glutemed", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


PLAN = """format = 1
name = "Physio plan"
clinician = "Sam Physio"
note = "Slow and steady."
locked = true
progression = false

[[exercise]]
id = "clamshell"
variation = "band"
rest_s = 45
sets = 2
reps = 12
band = "yellow"
[exercise.left]
sets = 3
band = "red"

[[exercise]]
id = "side_plank_abduction"
sides = "right"
sets = 2
reps = 4
hold_s = 12
"""


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--data-dir", str(data), *args)


def test_import_then_export_round_trips_and_a_second_import_changes_nothing(
    tmp_path: Path,
) -> None:
    data, plan = tmp_path / "data", tmp_path / "plan.toml"
    plan.write_text(PLAN)
    first = cli(data, "plan", "import", str(plan))
    assert first.returncode == 0, first.stderr
    assert "Imported plan 'Physio plan' (3 lines)" in first.stdout
    again = cli(data, "plan", "import", str(plan))
    assert again.returncode == 0 and "nothing changed" in again.stdout
    out = tmp_path / "out.toml"
    assert cli(data, "plan", "export", "--out", str(out)).returncode == 0
    text = out.read_text()
    for expected in (
        'clinician = "Sam Physio"',
        "locked = true",
        "progression = false",
        "[exercise.left]",
        'band = "red"',
        'sides = "right"',
        "hold_s = 12",
    ):
        assert expected in text
    # The exported file is the same plan: importing it changes nothing either.
    assert "nothing changed" in cli(data, "plan", "import", str(out)).stdout


def test_bad_plan_is_one_line_with_file_and_line_and_data_untouched(tmp_path: Path) -> None:
    data, plan = tmp_path / "data", tmp_path / "plan.toml"
    plan.write_text(PLAN)
    assert cli(data, "plan", "import", str(plan)).returncode == 0
    before = tmp_path / "before.toml"
    cli(data, "plan", "export", "--out", str(before))
    bad = tmp_path / "bad.toml"
    bad.write_text(PLAN.replace("reps = 4", "reps = -4"))
    result = cli(data, "plan", "import", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip() == "glutemed: bad.toml:23: reps must be from 1 to 100, got -4"
    after = tmp_path / "after.toml"
    cli(data, "plan", "export", "--out", str(after))
    assert after.read_text() == before.read_text()
    missing = cli(data, "plan", "import", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert "Traceback" not in missing.stderr + result.stderr
    wrong = cli(data, "plan", "export", "--out", str(tmp_path / "plan.txt"))
    assert wrong.returncode == 2 and "should end in .toml" in wrong.stderr


def test_sheet_lists_every_exercise_and_dose_on_one_page(tmp_path: Path) -> None:
    data, sheet = tmp_path / "data", tmp_path / "sheet.pdf"
    result = cli(data, "sheet", "--out", str(sheet))
    assert result.returncode == 0, result.stderr
    assert "(1 page)" in result.stdout
    text = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    for exercise in load_catalog().exercises:
        if exercise.id not in SWAP_ONLY:  # side-lying abduction comes in only as a swap
            assert exercise.name in text
    assert "Each side: 3 sets of 12, rest 60 s" in text
    assert "Each side: 2 sets of 12, rest 60 s" in text
    assert "Each side: 1 x 5 holds of 10 s, rest 45 s" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(sheet), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 1
    with Image.open(pages[0]) as image:
        histogram = image.convert("L").histogram()
        dark = sum(histogram[:128])
        assert dark > 0.01 * sum(histogram)  # text and figures were drawn


def test_sheet_shows_per_side_doses_and_bands_of_an_imported_plan(tmp_path: Path) -> None:
    data, plan, sheet = tmp_path / "data", tmp_path / "plan.toml", tmp_path / "s.pdf"
    plan.write_text(PLAN)
    cli(data, "plan", "import", str(plan))
    assert cli(data, "sheet", "--out", str(sheet)).returncode == 0
    text = subprocess.run(
        ["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Left side: 3 sets of 12, rest 45 s" in text
    assert "Right side: 2 sets of 12, rest 45 s" in text
    assert "Red (left side)" in text and "Yellow (right side)" in text
    assert "Right side: 2 x 4 holds of 12 s" in text
    assert "Sam Physio" in text and "Slow and steady." in text
    assert cli(data, "sheet", "--out", str(tmp_path / "s.txt")).returncode == 2
