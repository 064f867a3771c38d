"""A minimal Debian 12 (debootstrap --variant=minbase) to install GluteMed on, as on a
user's fresh machine. The bare root is made once and cached in CACHE (about 4 minutes,
then seconds); each test session works on its own copy, and downloaded .debs are kept in
CACHE/apt-archives so reinstalling costs no download. Needs root (chroot, mount).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

CACHE = Path(os.environ.get("GLUTEMED_CLEAN_ROOT_CACHE", "/var/cache/glutemed-ci"))
SUITE = "bookworm"
MIRROR = os.environ.get("GLUTEMED_DEBIAN_MIRROR", "http://deb.debian.org/debian")
# A user's PATH, and nothing of the test runner's environment.
BASE_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "DEBIAN_FRONTEND": "noninteractive",
}


def log(message: str) -> None:
    print(f"[clean-system] {message}", flush=True)


def _mounts_under(root: Path) -> list[str]:
    prefix = str(root.resolve()) + "/"
    with open("/proc/mounts", encoding="utf-8") as handle:
        points = [line.split()[1] for line in handle]
    return sorted((p for p in points if p.startswith(prefix)), reverse=True)


def unmount_all(root: Path) -> None:
    for point in _mounts_under(root):
        subprocess.run(["umount", "-l", point], check=False)


def remove_root(root: Path) -> None:
    """Delete a copy, never through a mount into the host (/dev, the apt cache)."""
    if not root.exists():
        return
    unmount_all(root)
    if _mounts_under(root):
        raise RuntimeError(f"{root} still has mounts; not deleting it")
    shutil.rmtree(root)


def bare_root() -> Path:
    """The cached pristine minbase root, made with debootstrap the first time."""
    cached = CACHE / f"{SUITE}-minbase"
    if (cached / "usr" / "bin" / "apt-get").exists():
        return cached
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = CACHE / f"{SUITE}-minbase.partial"
    remove_root(partial)
    started = time.monotonic()
    log(f"debootstrap --variant=minbase {SUITE} (cached in {cached} for later runs)")
    subprocess.run(
        ["debootstrap", "--variant=minbase", SUITE, str(partial), MIRROR],
        check=True,
        capture_output=True,
    )
    partial.rename(cached)
    log(f"debootstrap took {time.monotonic() - started:.0f} s")
    return cached


class Chroot:
    """A throw-away copy of the bare root with /proc, /dev and the apt cache mounted."""

    def __init__(self, name: str) -> None:
        self.root = CACHE / "run" / name

    def __enter__(self) -> Chroot:
        started = time.monotonic()
        bare = bare_root()
        remove_root(self.root)
        self.root.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cp", "-a", str(bare), str(self.root)], check=True)
        shutil.copyfile("/etc/resolv.conf", self.root / "etc" / "resolv.conf")
        archives = CACHE / "apt-archives"
        (archives / "partial").mkdir(parents=True, exist_ok=True)
        for source, target, kind in (
            ("proc", "proc", ["-t", "proc"]),
            ("/dev", "dev", ["--bind"]),
            ("tmpfs", "dev/shm", ["-t", "tmpfs"]),
            (str(archives), "var/cache/apt/archives", ["--bind"]),
        ):
            (self.root / target).mkdir(parents=True, exist_ok=True)
            subprocess.run(["mount", *kind, source, str(self.root / target)], check=True)
        log(f"fresh copy of the minimal root in {time.monotonic() - started:.1f} s")
        return self

    def __exit__(self, *exc: object) -> None:
        remove_root(self.root)

    def run(
        self, command: str, timeout: float = 900, **env: str
    ) -> subprocess.CompletedProcess[str]:
        """Run a shell command inside, as root, with a clean environment."""
        return subprocess.run(
            ["chroot", str(self.root), "/bin/sh", "-c", command],
            env={**BASE_ENV, **env},
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def copy_in(self, source: Path, target: str) -> str:
        dest = self.root / target.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        return target

    def path(self, inside: str) -> Path:
        return self.root / inside.lstrip("/")
