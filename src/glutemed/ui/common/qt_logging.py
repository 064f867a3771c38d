"""Keep Qt Multimedia's expected start-up chatter off the terminal."""

from __future__ import annotations

import sys
from typing import Any

# Qt Multimedia says on every start what it tried (pipewire, FFmpeg, PulseAudio) and what
# failed; without a sound device that is expected, and one status message says it instead.
QUIET_CATEGORIES = (
    "qt.multimedia.symbolsresolver=false",
    "qt.multimedia.ffmpeg*.info=false",
    "qt.multimedia.ffmpeg*.debug=false",
)
# Expected lines Qt prints in its default category, which rules cannot single out.
QUIET_MESSAGES = ("pa_context_connect() failed", "No QtMultimedia backends found")


def quiet_multimedia_logging() -> None:
    """Hide Qt Multimedia's expected start-up chatter; every other message goes on as before."""
    from PySide6.QtCore import QLoggingCategory, QtMsgType, qInstallMessageHandler

    QLoggingCategory.setFilterRules("\n".join(QUIET_CATEGORIES))
    previous = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        if any(part in message for part in QUIET_MESSAGES):
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
