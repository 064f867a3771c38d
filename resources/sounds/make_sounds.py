"""Generate the workout cue sounds (short, distinct WAVs) with the standard library only.

Run from anywhere: `python resources/sounds/make_sounds.py`. The output is deterministic,
so the committed WAVs only change when this script does.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent

# cue -> notes as (frequency Hz, seconds); 0 Hz is a gap.
CUES: dict[str, list[tuple[float, float]]] = {
    "rep": [(880.0, 0.09)],  # one short, bright blip per counted rep
    "tick": [(1320.0, 0.04)],  # a click for each of the last 3 s of a hold or rest
    "go": [(660.0, 0.08), (0.0, 0.03), (990.0, 0.22)],  # rising: start moving
    "switch_sides": [(784.0, 0.12), (0.0, 0.05), (523.0, 0.12), (0.0, 0.05), (784.0, 0.12)],
    "done": [(523.0, 0.14), (659.0, 0.14), (784.0, 0.14), (1047.0, 0.40)],  # major arpeggio
    "stop": [(880.0, 0.15), (0.0, 0.04), (440.0, 0.35)],  # falling: stop now
}


def _note(freq: float, seconds: float, volume: float = 0.45) -> list[int]:
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.008))  # 8 ms ramps so notes start and end without a click
    samples = []
    for i in range(count):
        if freq <= 0:
            samples.append(0)
            continue
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        # A touch of the second harmonic makes a small speaker carry the tone better.
        x = 2 * math.pi * freq * i / RATE
        value = (math.sin(x) + 0.25 * math.sin(2 * x)) / 1.25
        samples.append(int(32767 * volume * envelope * value))
    return samples


def write_cue(name: str, notes: list[tuple[float, float]], folder: Path = HERE) -> Path:
    samples = [s for freq, seconds in notes for s in _note(freq, seconds)]
    path = folder / f"{name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def main() -> None:
    for name, notes in CUES.items():
        print(write_cue(name, notes))


if __name__ == "__main__":
    main()
