from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_subpackage_ships_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject [tool.setuptools] packages: {found - listed}"
    assert {"glutemed._data.resources", "glutemed._data.animations"} <= listed


def test_version_has_one_source() -> None:
    from glutemed import __version__

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"]["attr"] == "glutemed.__version__"
    assert __version__.count(".") == 2


def test_man_page_describes_every_subcommand() -> None:
    from glutemed.cli import SUBCOMMANDS

    page = (ROOT / "packaging" / "linux" / "glutemed.1").read_text(encoding="utf-8")
    described = set(re.findall(r"^\.B ([a-z]+(?:\\-[a-z]+)?)", page, re.MULTILINE))
    assert {c.replace("-", "\\-") for c in SUBCOMMANDS} <= described
