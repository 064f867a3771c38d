from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.+?)\n```", readme)
    assert len(blocks) == 2, "the README has exactly two set-up commands"
    test_command = blocks[1]
    tail = test_command.split("&& python3 -m venv", 1)[1]
    assert ("python3 -m venv" + tail) in (ROOT / ".ci" / "run").read_text()
