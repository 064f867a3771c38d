"""Sound cues: files, fallbacks and the recording double."""

from __future__ import annotations

import wave

import pytest

from glutemed.domain.vocabulary import CUE_NAMES
from glutemed.paths import resource
from glutemed.ui.common.sound import RecordingSound, SoundPlayer


def test_every_cue_has_a_short_distinct_wav():
    seen = set()
    for cue in CUE_NAMES:
        path = resource("sounds", f"{cue}.wav")
        with wave.open(str(path)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
            assert 0.02 < seconds < 1.0, cue
        seen.add(path.read_bytes())
    assert len(seen) == len(CUE_NAMES)


def test_no_audio_output_runs_silently_and_says_so_once(qapp):
    messages = []
    player = SoundPlayer("beeps", messages.append, has_audio_output=lambda: False)
    for cue in CUE_NAMES:
        player.play(cue)
    player.set_mode("voice")
    assert player.active_mode == "silent"
    assert messages == ["No sound output was found, so the workout runs silently."]


def test_voice_without_an_engine_falls_back_to_beeps(qapp):
    messages = []
    player = SoundPlayer(
        "voice", messages.append, has_audio_output=lambda: True, speech_engines=lambda: []
    )
    player.prepare()
    assert player.active_mode == "beeps"
    assert messages == ["No text-to-speech voice was found, so cues use beeps instead."]
    player.play("rep")  # plays (or quietly fails) without raising


def test_silent_mode_plays_nothing_and_reports_nothing(qapp):
    messages = []
    player = SoundPlayer("silent", messages.append, has_audio_output=lambda: True)
    player.play("done")
    assert player.active_mode == "silent" and messages == []


def test_the_real_environment_never_raises(qapp):
    messages = []
    player = SoundPlayer("voice", messages.append)
    for cue in CUE_NAMES:
        player.play(cue, "3")
    assert len(messages) <= 2


def test_unknown_cues_and_modes_are_errors(qapp):
    with pytest.raises(ValueError, match="sound mode"):
        SoundPlayer("loud")
    with pytest.raises(ValueError, match="unknown cue"):
        RecordingSound().play("boom")


def test_nothing_is_loaded_until_a_cue_is_needed(qapp):
    """Qt Multimedia costs memory: a player that is made but not prepared holds no effect
    and has not even asked for a device; preparing loads it and reports what is missing."""
    asked: list[bool] = []
    messages: list[str] = []

    def no_device() -> bool:
        asked.append(True)
        return False

    player = SoundPlayer("beeps", messages.append, has_audio_output=no_device)
    player.set_mode("voice")
    assert not player.prepared and asked == [] and messages == []
    assert player.children() == []
    player.prepare()
    assert player.prepared and asked == [True] and player.active_mode == "silent"
    assert messages == ["No sound output was found, so the workout runs silently."]


def test_a_mode_change_after_preparing_takes_effect_at_once(qapp, qtbot, tmp_path):
    from PySide6.QtMultimedia import QSoundEffect

    player = SoundPlayer("silent", has_audio_output=lambda: True, speech_engines=lambda: [])
    player.prepare()
    assert player.active_mode == "silent" and player.children() == []
    player.set_mode("beeps")
    assert player.active_mode == "beeps"
    assert len(player.children()) == len(CUE_NAMES)  # one sound effect per cue
    # Qt Multimedia decodes the WAVs on its own thread; an effect destroyed mid-load can
    # crash it, so the player is let go only once every effect has finished loading.
    effects = player.findChildren(QSoundEffect)
    loading = (QSoundEffect.Status.Loading, QSoundEffect.Status.Null)
    qtbot.waitUntil(lambda: all(e.status() not in loading for e in effects), timeout=10000)
