"""`glutemed render`: GIF frames, timing and loop flag; clean errors on bad arguments."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from glutemed.cli import main
from glutemed.motion import load_animation
from glutemed.report.gif import GIF_FPS, render_demo

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLUTEMED_BUNDLE_DIR", str(ROOT))


def _gif_frames(path: Path) -> tuple[list[Image.Image], list[int], dict]:  # type: ignore[type-arg]
    with Image.open(path) as im:
        info = dict(im.info)
        frames, durations = [], []
        for i in range(im.n_frames):
            im.seek(i)
            frames.append(im.convert("RGB"))
            durations.append(im.info["duration"])
    return frames, durations, info


def test_gif_is_one_smooth_looping_rep(tmp_path: Path) -> None:
    out = tmp_path / "demo.gif"
    assert (
        main(
            [
                "render",
                "fire_hydrant",
                "--variation",
                "band",
                "--side",
                "left",
                "--size",
                "200x150",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    frames, durations, info = _gif_frames(out)
    assert info["loop"] == 0  # loops for ever
    assert frames[0].size == (200, 150)
    rep_ms = load_animation("fire_hydrant").rep_duration("band") * 1000
    assert sum(durations) == pytest.approx(rep_ms, abs=1000 / GIF_FPS)
    # Smooth: at most one frame interval per drawn frame, held frames merged.
    assert len(frames) >= 0.5 * rep_ms / (1000 / GIF_FPS)
    changed = [
        ImageChops.difference(a, b).getbbox() is not None for a, b in itertools.pairwise(frames)
    ]
    assert all(changed)  # identical neighbours were merged into longer delays
    assert ImageChops.difference(frames[0], frames[len(frames) // 3]).getbbox() is not None


def test_png_poster_shows_the_top_of_the_rep(tmp_path: Path) -> None:
    start = tmp_path / "start.png"
    render_demo("standing_abduction", "standard", "right", "front", (160, 120), start)
    with Image.open(start) as im:
        assert im.size == (160, 120)
        assert im.format == "PNG"
        assert len(im.convert("RGB").getcolors(1 << 16) or []) > 4  # a drawing, not a blank
    anim = load_animation("standing_abduction")
    assert anim.peak_time("standard") == pytest.approx(1.5)  # end of "out"
    assert anim.peak_time("standard") == pytest.approx(
        sum(d for _, d in anim.phases("standard")[:1])
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["render", "cartwheel", "--out", "x.gif"],
            "unknown exercise 'cartwheel' (valid: clamshell",
        ),
        (
            ["render", "clamshell", "--variation", "flip", "--out", "x.gif"],
            "valid: standard, band, reverse, reverse_band",
        ),
        (["render", "clamshell", "--view", "under", "--out", "x.gif"], "valid: front, side, top"),
        (["render", "clamshell", "--side", "middle", "--out", "x.gif"], "valid: right, left"),
        (["render", "clamshell", "--size", "big", "--out", "x.gif"], "--size must look like"),
        (["render", "clamshell", "--size", "10x10", "--out", "x.gif"], "between 64 and 2048"),
        (["render", "clamshell", "--out", "x.mp4"], "must end in .gif or .png"),
        (["render", "clamshell"], "--out FILE.gif or FILE.png is required"),
        (["render", "clamshell", "--band", "purple", "--out", "x.gif"], "valid: tan, yellow"),
        (["render", "clamshell", "--out", "/no/such/folder/x.gif"], "does not exist"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("glutemed: ")
    assert expected in err
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_contact_sheet_has_six_frames_per_view(tmp_path: Path) -> None:
    from glutemed.report.sheet import CELL_SIZE, LABEL_H, SHEET_FRAMES, SHEET_VIEWS

    out = tmp_path / "sheet.png"
    assert (
        main(["render", "fire_hydrant", "--variation", "extension", "--sheet", "--out", str(out)])
        == 0
    )
    width, height = CELL_SIZE
    with Image.open(out) as sheet:
        assert sheet.size == (width * SHEET_FRAMES, (height + LABEL_H) * len(SHEET_VIEWS))
        cells = [
            sheet.crop((c * width, LABEL_H, (c + 1) * width, LABEL_H + height)).convert("RGB")
            for c in range(SHEET_FRAMES)
        ]
    # Six different moments of the rep, not one frame repeated.
    assert all(ImageChops.difference(a, b).getbbox() for a, b in itertools.pairwise(cells))


def test_contact_sheet_of_one_view(tmp_path: Path) -> None:
    from glutemed.report.sheet import CELL_SIZE, LABEL_H

    out = tmp_path / "one.png"
    args = [
        "render",
        "clamshell",
        "--sheet",
        "--view",
        "front",
        "--side",
        "left",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    with Image.open(out) as sheet:
        assert sheet.height == CELL_SIZE[1] + LABEL_H


def test_sheet_times_spread_over_the_movement() -> None:
    from glutemed.report.sheet import sheet_times

    anim = load_animation("side_plank_abduction")
    times = sheet_times(anim, "standard")
    assert len(times) == 6 and times == sorted(times) and times[0] == 0.0
    # The 10 s hold takes at most two of the six frames: the lift and lowering are shown.
    hold = [t for t in times if anim.phase_at("standard", t)[0] == "hold"]
    assert len(hold) <= 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sheet", "--out", "x.gif"], "must end in .png"),
        (["--sheet", "--view", "diagonal", "--out", "x.png"], "unknown view 'diagonal'"),
        (["--view", "all", "--out", "x.png"], "--view all needs --sheet"),
        (["--sheet", "--size", "100x100", "--out", "x.png"], "--size does not apply"),
        (["--sheet"], "--out FILE.png is required"),
        (["--sheet", "--variation", "huge", "--out", "x.png"], "unknown variation 'huge'"),
    ],
)
def test_sheet_bad_input_is_one_clear_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", "clamshell", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.iterdir())
