"""The results' "Save the test as a video…", offered for the camera test just run only.

Save dialogs start in the folder the last file went to (`SaveFolder`), which a saved
video then becomes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from glutemed.ops.save_folder import SaveFolder
from glutemed.ui.common.announcer import Announcer
from glutemed.ui.common.events import DataEvents
from glutemed.ui.stance.results_view import StanceResultsView
from glutemed.ui.stance.video_saving import AskPath, TrialVideos

if TYPE_CHECKING:
    from glutemed.ui.stance.camera_run import StanceCameraRun


class VideoOffer(QObject):
    def __init__(
        self,
        results: StanceResultsView,
        save_folder: SaveFolder,
        announcer: Announcer,
        events: DataEvents,
        ask: AskPath,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._results = results
        self._save_folder = save_folder
        self._announcer = announcer
        self._events = events
        self._ask = ask
        self._videos: TrialVideos | None = None
        self.test_id: int | None = None  # the camera test whose pictures are held
        results.save_video_clicked.connect(self._save_test)

    def attach(self, run: StanceCameraRun) -> None:
        videos = run.videos
        self._videos = videos
        videos.changed.connect(self.refresh)
        videos.message.connect(self._results.video_note.setText)
        videos.saved.connect(self._saved)

    def ask_path(self, name: str) -> str:
        """Ask where to save, starting in the folder the last file went to."""
        suggested = self._announcer.attempt(
            "read your settings", lambda: self._save_folder.suggest(name)
        )
        return self._ask(suggested or name)

    def held_for(self, test_id: int | None) -> None:
        """The camera test `test_id` is over; its pictures can be saved from the results."""
        self.test_id = test_id
        self.refresh()

    def refresh(self) -> None:
        shown = self.test_id is not None and self._videos is not None
        can = shown and self._videos is not None and self._videos.can_save_test()
        self._results.offer_video(shown, bool(can))

    def forget(self) -> None:
        """The person left the results: the pictures go."""
        self.test_id = None
        if self._videos is not None:
            self._videos.forget()
        self.refresh()

    def _save_test(self) -> None:
        if self._videos is not None:
            self._videos.save_test()

    def _saved(self, path: str) -> None:
        self._announcer.attempt("remember the folder", lambda: self._save_folder.remember(path))
        self._events.status_message.emit(f"Video saved to {path}.")
