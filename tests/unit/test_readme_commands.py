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


def _packages(command: str) -> list[str]:
    words = command.split("apt-get install -y", 1)[1].split("&&", 1)[0].split()
    return [w for w in words if not w.startswith("-")]


def test_ci_installs_the_readme_test_command_packages() -> None:
    blocks = re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())
    ci = (ROOT / ".ci" / "run").read_text()
    match = re.search(r"apt-get install ([^>]+)>/dev/null", ci)
    assert match is not None
    words = match.group(1).replace("\\\n", " ").split()
    ci_packages = [w for w in words if w[0].islower() and "::" not in w and "=" not in w]
    assert sorted(ci_packages) == sorted(_packages(blocks[1]))


def test_readme_commands_install_python_and_every_library_qt_needs() -> None:
    """A minimal Debian has no python3, no venv module and none of Qt's libraries."""
    from glutemed.system_check import NEEDED_FOR_WINDOW, PACKAGES

    blocks = re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())
    apt_names = {PACKAGES[name][0] for name in NEEDED_FOR_WINDOW}
    # Pulled in by the packages listed (xcb1 by every xcb library, X11 by libgl1 ...).
    implied = {
        "libxcb1",
        "libx11-6",
        "libx11-xcb1",
        "libxkbcommon0",
        "libfreetype6",
        "libxcb-render0",
        "libxcb-shm0",
        "libxcb-sync1",
        "libxcb-util1",
        "libxcb-xfixes0",
    }
    for command in blocks:
        listed = set(_packages(command))
        assert {"python3", "python3-venv"} <= listed
        assert apt_names - implied <= listed, apt_names - implied - listed
