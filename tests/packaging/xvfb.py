"""An Xvfb of the host for the frozen app's windows (X clients in a chroot reach it too,
through its abstract socket), and the titles of the windows on it."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path


class Xvfb:
    def __enter__(self) -> str:
        number = next(n for n in range(120, 140) if not Path(f"/tmp/.X{n}-lock").exists())
        self.display = f":{number}"
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.1)
        return self.display

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def window_titles(display: str) -> list[str]:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    ).stdout
    return re.findall(r'^\s*0x[0-9a-f]+ "([^"]*)": \(', tree, re.MULTILINE)
