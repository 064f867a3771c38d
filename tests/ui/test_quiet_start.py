"""Starting the app prints none of Qt Multimedia's expected chatter, only real problems."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CODE = """
from glutemed.app import create_application
app = create_application(["glutemed"])
from glutemed.ui.common.sound import SoundPlayer
player = SoundPlayer("beeps", lambda text: print("status:", text))
from PySide6.QtCore import qWarning
qWarning("an unexpected warning")
"""


def test_start_is_quiet_but_real_warnings_still_show(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GLUTEMED_DATA_DIR=str(tmp_path))
    env.pop("QT_LOGGING_RULES", None)
    env["PYTHONPATH"] = str(Path(__file__).parents[2] / "src")
    run = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == 0, run.stderr
    for noise in ("pa_context_connect", "pipewire", "FFmpeg", "No QtMultimedia backends"):
        assert noise not in run.stderr
    assert "an unexpected warning" in run.stderr
    # Without a sound device there is one status message, not silence.
    assert run.stdout.count("status:") <= 1
