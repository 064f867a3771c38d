"""An Xvfb of the host for the frozen app's windows (X clients in a chroot reach it too,
through its abstract socket), and the titles of the windows on it."""

from __future__ import annotations

import os
import re
import select
import subprocess

SCREEN = ("-screen", "0", "1600x1000x24", "-nolisten", "tcp")


class Xvfb:
    """Xvfb on a display number it picks itself (-displayfd): other jobs on the machine
    start their own Xvfbs, and two that pick the same free number race for it; the loser
    exits and its clients would talk to, and die with, the other job's server."""

    def __enter__(self) -> str:
        read_end, write_end = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), *SCREEN],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        with os.fdopen(read_end, "rb") as reader:
            ready, _, _ = select.select([reader], [], [], 30)
            number = reader.readline().strip() if ready else b""
        if not number.isdigit():
            self.proc.kill()
            self.proc.wait()
            raise RuntimeError("Xvfb did not start within 30 s")
        self.display = f":{number.decode()}"
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
