from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from glutemed import __version__
from glutemed.cli import main

SRC = Path(__file__).resolve().parents[1] / "src"


def run_cli(
    *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "QT_QPA_PLATFORM": "offscreen",
        **(env_extra or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "glutemed", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"glutemed {__version__}"


def test_self_test_passes_offscreen() -> None:
    result = run_cli("self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "Traceback" not in result.stderr


def test_read_only_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits; a path under a regular file can never be created
        blocker = tmp_path / "file"
        blocker.write_text("x")
        data_dir = blocker / "data"
    else:
        data_dir = tmp_path / "ro"
        data_dir.mkdir()
        data_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    result = run_cli("--data-dir", str(data_dir), "export", "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("glutemed: cannot create the data folder")
    assert len(result.stderr.strip().splitlines()) == 1


def test_read_only_existing_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    data_dir = tmp_path / "ro"
    data_dir.mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert main(["--data-dir", str(data_dir), "backup"]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err and "Traceback" not in err


def test_export_import_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert (
        main(
            ["--data-dir", str(a), "export", "--format", "json", "--out", str(tmp_path / "e.json")]
        )
        == 0
    )
    document = json.loads((tmp_path / "e.json").read_text())
    document["tables"]["pain_logs"] = [
        {
            "id": 1,
            "taken_at": "2026-01-01T08:00:00+00:00",
            "score": 3,
            "context": "daily",
            "note": "",
        }
    ]
    (tmp_path / "e.json").write_text(json.dumps(document))
    assert main(["import", str(tmp_path / "e.json"), "--data-dir", str(b)]) == 0
    assert "Imported 1 rows" in capsys.readouterr().out
    assert (
        main(["--data-dir", str(b), "export", "--format", "csv", "--out", str(tmp_path / "csv")])
        == 0
    )
    assert (tmp_path / "csv" / "pain_logs.csv").read_text().count("\n") == 2


def test_bad_import_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("glutemed: bad.json: not valid JSON")
    assert not (tmp_path / "d").exists(), "a rejected import does not even create the data file"


def test_import_refused_while_app_holds_the_folder(tmp_path: Path, capsys) -> None:
    from glutemed.instance_lock import acquire

    data_dir = tmp_path / "d"
    lock = acquire(data_dir)
    good = tmp_path / "e.json"
    assert main(["--data-dir", str(tmp_path / "other"), "export", "--out", str(good)]) == 0
    assert main(["--data-dir", str(data_dir), "import", str(good)]) == 1
    assert "already running" in capsys.readouterr().err
    assert not (data_dir / "glutemed.sqlite3").exists()
    lock.unlock()


def test_backup_to_named_file(tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(tmp_path / "d"), "backup", "--out", str(out)]) == 0
    assert out.exists() and out.read_bytes().startswith(b"SQLite format 3")
    assert main(["--data-dir", str(tmp_path / "d"), "backup", "--out", str(out)]) == 2


def test_damaged_file_is_reported_on_the_command_line(tmp_path: Path, capsys) -> None:
    data_dir = tmp_path / "d"
    assert main(["--data-dir", str(data_dir), "backup"]) == 0  # creates file + daily backup
    (data_dir / "glutemed.sqlite3").write_bytes(b"garbage" * 500)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "export", "--out", str(tmp_path / "e.json")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("glutemed: Your data file was damaged, so GluteMed restored the backup")
    assert list(data_dir.glob("glutemed.damaged-*.sqlite3"))


def test_window_fast_path_knows_every_subcommand() -> None:
    from glutemed.cli import SUBCOMMANDS, _window_only, build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == SUBCOMMANDS
    assert _window_only(["--data-dir", "/x"]).data_dir == "/x"
    assert _window_only([]).data_dir is None
    assert _window_only(["--data-dir", "/x", "export"]) is None
    assert _window_only(["--bogus"]) is None  # the full parser reports it


def test_unknown_option_still_gets_a_clear_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--bogus"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
