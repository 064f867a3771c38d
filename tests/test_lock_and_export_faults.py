"""Stale locks never lock the user out; export never overwrites or writes through
anything it was not asked to."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from glutemed.cli import main
from glutemed.instance_lock import LOCK_NAME, AlreadyRunning, LockUnavailable, acquire

SRC = Path(__file__).resolve().parents[1] / "src"
# root may write anywhere; without this capability it meets permissions like a user.
DROP = "-dac_override,-dac_read_search"
AS_USER = ["setpriv", "--bounding-set", DROP, "--inh-caps", DROP] if os.geteuid() == 0 else []


@pytest.mark.parametrize(
    "leftover",
    ["empty file", "garbage", "dead pid on another host", "empty folder", "folder with files"],
)
def test_a_lock_with_no_live_owner_is_taken_over(tmp_path: Path, leftover: str) -> None:
    path = tmp_path / LOCK_NAME
    if leftover == "empty file":
        path.write_bytes(b"")
    elif leftover == "garbage":
        path.write_bytes(b"\xff\x00not a pid\n" * 50)
    elif leftover == "dead pid on another host":
        path.write_text("4194301\nsome-other-host\nGluteMed\n")
    else:
        path.mkdir()
        if leftover == "folder with files":
            (path / "x").write_text("x")
    lock = acquire(tmp_path)
    assert path.is_file()
    assert path.read_text().split()[0] == str(os.getpid())
    lock.unlock()


def test_only_a_live_owner_refuses(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from glutemed.instance_lock import acquire\n"
            "lock = acquire(Path(sys.argv[1])); print('held', flush=True); sys.stdin.read()",
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    with pytest.raises(AlreadyRunning):
        acquire(tmp_path)
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait()
    acquire(tmp_path).unlock()  # its owner is gone: free again


def test_a_read_only_folder_is_named_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    code = (
        "import sys; from pathlib import Path\n"
        "from glutemed.instance_lock import acquire, LockUnavailable, AlreadyRunning\n"
        "try:\n    acquire(Path(sys.argv[1]))\n"
        "except (LockUnavailable, AlreadyRunning) as e:\n    print(type(e).__name__, e)\n"
    )
    done = subprocess.run(
        [*AS_USER, sys.executable, "-c", code, str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=True,
    )
    assert done.stdout.startswith(LockUnavailable.__name__)
    assert "read-only" in done.stdout and "already running" not in done.stdout


def test_export_refuses_an_existing_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "d")]
    out = tmp_path / "keep.json"
    out.write_text("precious")
    assert main([*data, "export", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text() == "precious"
    assert main([*data, "export", "--out", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["format"] == "glutemed-export"


@pytest.mark.parametrize("kind", ["fifo", "link", "device"])
def test_export_never_writes_through_a_non_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    out = tmp_path / "out.json"
    target = tmp_path / "victim.txt"
    target.write_text("victim")
    if kind == "fifo":
        os.mkfifo(out)
    elif kind == "link":
        out.symlink_to(target)
    else:
        out.symlink_to("/dev/null")
    data = ["--data-dir", str(tmp_path / "d")]
    assert main([*data, "export", "--out", str(out), "--force"]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert target.read_text() == "victim"
    assert out.is_symlink() or not out.is_file()


def test_export_of_unreadable_text_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "d"
    assert main(["--data-dir", str(data_dir), "backup"]) == 0  # creates the file
    conn = sqlite3.connect(data_dir / "glutemed.sqlite3")
    conn.execute(
        "INSERT INTO pain_logs(taken_at, score, context, note) "
        "VALUES ('2026-01-01T08:00:00+00:00', 3, 'daily', CAST(x'fffe41' AS TEXT))"
    )
    conn.commit()
    conn.close()
    code = main(["--data-dir", str(data_dir), "export", "--out", str(tmp_path / "e.json")])
    err = capsys.readouterr().err
    assert code == 1 and "could not be read" in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.partial"))
