"""The folder the last file was saved to (a GIF, a graph, a report): the next save starts there."""

from __future__ import annotations

from pathlib import Path

from glutemed.store import Store
from glutemed.store.settings import get_setting, set_setting

KEY = "last_save_folder"


class SaveFolder:
    """Suggests a path in the folder used last (home at first) and remembers new ones."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def folder(self) -> Path:
        saved = get_setting(self.store, KEY)
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        return Path.home()  # first save, or the folder has gone since

    def suggest(self, filename: str) -> str:
        return str(self.folder() / filename)

    def remember(self, path: str | Path) -> None:
        folder = Path(path).parent
        if folder.is_dir():
            set_setting(self.store, KEY, str(folder))
