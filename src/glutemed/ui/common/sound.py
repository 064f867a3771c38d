"""Workout cues: short WAV beeps (QSoundEffect), spoken words (QTextToSpeech), or silence.

No audio device, no multimedia backend or no speech engine never stops a workout: the
player falls back (voice -> beeps -> silent) and reports why once through *report*.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl

from glutemed.domain.vocabulary import CUE_NAMES
from glutemed.paths import resource

MODES: tuple[str, ...] = ("beeps", "voice", "silent")

# What the voice says for a cue when the caller gives no words of its own.
_SPOKEN = {"go": "Go", "switch_sides": "Switch sides", "done": "Workout done", "stop": "Stop"}


def _has_audio_output() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    return bool(QMediaDevices.audioOutputs())


def _speech_engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return [name for name in QTextToSpeech.availableEngines() if name != "mock"]


class RecordingSound:
    """Test double: remembers every cue instead of playing it."""

    def __init__(self) -> None:
        self.cues: list[str] = []
        self.spoken: list[str | None] = []
        self.modes: list[str] = []

    def play(self, cue: str, words: str | None = None) -> None:
        if cue not in CUE_NAMES:
            raise ValueError(f"unknown cue {cue!r}")
        self.cues.append(cue)
        self.spoken.append(words)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"sound mode must be one of {', '.join(MODES)}, got {mode!r}")
        self.modes.append(mode)


class SoundPlayer(QObject):
    """Plays cues in the chosen mode; `mode` is what was asked, `active_mode` what works."""

    def __init__(
        self,
        mode: str = "beeps",
        report: Callable[[str], None] | None = None,
        parent: QObject | None = None,
        *,
        sounds_dir: Path | None = None,
        has_audio_output: Callable[[], bool] = _has_audio_output,
        speech_engines: Callable[[], list[str]] = _speech_engines,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("soundPlayer")
        self._report = report
        self._reported: set[str] = set()
        self._sounds_dir = sounds_dir
        self._has_audio_output = has_audio_output
        self._speech_engines = speech_engines
        self._effects: dict[str, Any] = {}
        self._speech: Any = None
        self.mode = "silent"
        self.active_mode = "silent"
        self.set_mode(mode)

    def _tell(self, key: str, message: str) -> None:
        if key not in self._reported:
            self._reported.add(key)
            if self._report is not None:
                self._report(message)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"sound mode must be one of {', '.join(MODES)}, got {mode!r}")
        self.mode = mode
        self.active_mode = "silent"
        if mode == "silent":
            return
        if not self._load_effects():
            return
        self.active_mode = "beeps"
        if mode == "voice" and self._start_speech():
            self.active_mode = "voice"

    def _load_effects(self) -> bool:
        if self._effects:
            return True
        if not self._has_audio_output():
            self._tell("no-audio", "No sound output was found, so the workout runs silently.")
            return False
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            self._tell("no-audio", "Sound is not available here, so the workout runs silently.")
            return False
        folder = self._sounds_dir or resource("sounds")
        for cue in CUE_NAMES:
            path = folder / f"{cue}.wav"
            if not path.is_file():
                self._tell("no-files", f"Sound file {path.name} is missing; that cue stays silent.")
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[cue] = effect
        return bool(self._effects)

    def _start_speech(self) -> bool:
        if self._speech is not None:
            return True
        engines = self._speech_engines()
        if not engines:
            self._tell("no-voice", "No text-to-speech voice was found, so cues use beeps instead.")
            return False
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            speech = QTextToSpeech(engines[0], self)
        except (ImportError, RuntimeError):
            self._tell("no-voice", "The text-to-speech voice failed to start; cues use beeps.")
            return False
        if speech.state() == QTextToSpeech.State.Error:
            self._tell("no-voice", "The text-to-speech voice failed to start; cues use beeps.")
            return False
        self._speech = speech
        return True

    def play(self, cue: str, words: str | None = None) -> None:
        """Play *cue*; in voice mode say *words* (or the cue's own word) where it fits."""
        if cue not in CUE_NAMES:
            raise ValueError(f"unknown cue {cue!r}")
        if self.active_mode == "silent":
            return
        if self.active_mode == "voice" and self._speech is not None:
            spoken = words if words is not None else _SPOKEN.get(cue)
            if spoken:
                self._speech.say(spoken)
                return
        effect = self._effects.get(cue)
        if effect is None:
            return
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:
            self._tell("effect-error", "A sound could not be played; continuing silently.")
            return
        effect.play()
