"""Where the data file lives: --data-dir, then GLUTEMED_DATA_DIR, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from glutemed import APP_NAME


def resolve_data_dir(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("GLUTEMED_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
