"""Lay out the .deb tree and the portable tarball tree around a frozen GluteMed bundle.

Called by packaging/build-linux; run alone with --help. Needs readelf, ldconfig, dpkg
(Debian tools): Depends is computed from what the bundle's ELF files link to.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

APP_ID = "io.github.glutemed.GluteMed"
PACKAGE = "glutemed"
MAINTAINER = "GluteMed developers <glutemed@users.noreply.github.com>"
HOMEPAGE = "https://github.com/glutemed/glutemed"
SCREENSHOT_BASE = "https://raw.githubusercontent.com/glutemed/glutemed/main/packaging/screenshots"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Named in DESIGN.md: what Qt's xcb platform plugin and sound need on a minimal Debian 12.
# The ELF scan finds these too; listing them guards against a bundle that hides a gap.
REQUIRED_DEPENDS = (
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libegl1",
    "libfontconfig1",
    "libxcb-icccm4",
    "libxcb-keysyms1",
)
SOUND_DEPENDS = ("libpulse0",)  # only when the bundle has QtMultimedia
# Libraries that only optional plugins link to: Qt skips such a plugin when the library
# is absent, and the app falls back (the "voice" cues need speech-dispatcher and a voice).
OPTIONAL_LIBS = {"libspeechd.so.2": ("libspeechd2", "speech-dispatcher")}
# The screenshots shown in software centres, in this order, when packaging/screenshots
# has them (the folder holds more, for the README).
SCREENSHOT_CAPTIONS = {
    "exercises": "Exercise demonstrations with cues and common mistakes",
    "workout-player": "Guided workout: repetitions, sets, holds and rests",
    "stance-timing": "Single-leg stance test in progress",
    "stance-results": "Stance test results, left against right",
    "progress": "Progress graphs",
    "pain-diary": "Pain diary",
}
DESCRIPTION = """\
Description: coach for side-hip (gluteus medius) strengthening at home
 GluteMed guides a home exercise routine for the gluteus medius, the muscle
 on the side of the hip that keeps the pelvis level on one leg. It shows
 animated stick-figure demonstrations of five exercises, counts sets,
 repetitions, holds and rests with sound cues, times a single-leg stance
 test, and keeps a pain diary with progress graphs.
 .
 All data stays in one SQLite file in the user's data folder."""


def _run(cmd: list[str]) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout


def _is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def _needed(path: Path) -> list[str]:
    out = _run(["readelf", "-d", str(path)])
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


def bundle_needs(bundle: Path) -> set[str]:
    """Shared-library names the bundle's ELF files link to that the bundle lacks."""
    provided = {p.name for p in bundle.rglob("*") if p.exists()}
    needed: set[str] = set()
    for path in bundle.rglob("*"):
        if _is_elf(path):
            needed.update(_needed(path))
    return needed - provided


def _ldconfig_paths() -> dict[str, str]:
    paths: dict[str, str] = {}
    for line in _run(["ldconfig", "-p"]).splitlines():
        match = re.match(r"\s+(\S+) \((.*?)\) => (\S+)", line)
        if match and "x86-64" in match.group(2):
            paths.setdefault(match.group(1), match.group(3))
    return paths


# The loader also finds a library by file name in its default folders, where ldconfig
# lists only the soname: Qt's FFmpeg asks for libbz2.so.1, Debian's soname is libbz2.so.1.0.
DEFAULT_LIB_DIRS = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib")


def _find_library(name: str, where: dict[str, str]) -> str | None:
    if name in where:
        return where[name]
    return next((f"{d}/{name}" for d in DEFAULT_LIB_DIRS if os.path.exists(f"{d}/{name}")), None)


def _owner(path: str) -> str | None:
    real = os.path.realpath(path)
    for candidate in dict.fromkeys((path, real, real.replace("/usr/lib/", "/lib/", 1))):
        out = _run(["dpkg", "-S", candidate])
        if out:
            return out.split(":", 1)[0].strip()
    return None


def compute_recommends(bundle: Path) -> list[str]:
    needs = bundle_needs(bundle)
    return sorted({pkg for lib, pkgs in OPTIONAL_LIBS.items() if lib in needs for pkg in pkgs})


def compute_depends(bundle: Path) -> list[str]:
    where = _ldconfig_paths()
    packages: set[str] = set()
    missing: list[str] = []
    for name in sorted(bundle_needs(bundle) - set(OPTIONAL_LIBS)):
        path = _find_library(name, where)
        owner = _owner(path) if path else None
        if owner is None:
            missing.append(name)
        else:
            packages.add(owner)
    if missing:
        sys.exit(f"stage.py: no Debian package found for {', '.join(missing)} (install them)")
    packages.update(REQUIRED_DEPENDS)
    if any(bundle.rglob("libQt6Multimedia.so*")):
        packages.update(SOUND_DEPENDS)
    versions = symbol_versions(bundle)
    packages.update(versions)
    return [f"{p} (>= {versions[p]})" if versions.get(p) else p for p in sorted(packages)]


def _has_symbols_file(package: str) -> bool:
    info = Path("/var/lib/dpkg/info")
    return (info / f"{package}:amd64.symbols").is_file() or (info / f"{package}.symbols").is_file()


def symbol_versions(bundle: Path) -> dict[str, str]:
    """Package -> lowest version that has every symbol the bundle uses from it.

    dpkg-shlibdeps looks each imported symbol up in the packages' symbols files. Some
    packages ship only a shlibs file, which names the version they were built at (e.g.
    libzstd1 (>= 1.5.2) on Debian 12, newer than Ubuntu 22.04 has) whatever the symbols
    used: their versions are dropped, since no symbol asks for them (tests/packaging
    checks each remaining version against the symbols)."""
    files = [
        p.resolve()
        for p in sorted(bundle.rglob("*"))
        if _is_elf(p) and not (set(_needed(p)) & set(OPTIONAL_LIBS))
    ]
    dirs = sorted({f"-l{f.parent}" for f in files})
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: amd64\n", encoding="utf-8"
        )
        result = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *dirs, *map(str, files)],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
    line = next((x for x in result.stdout.splitlines() if x.startswith("shlibs:Depends=")), None)
    if result.returncode != 0 or line is None:
        sys.exit(f"stage.py: dpkg-shlibdeps failed:\n{result.stderr}")
    versions: dict[str, str] = {}
    for item in line.split("=", 1)[1].split(", "):
        match = re.fullmatch(r"(\S+)(?: \(>= (\S+)\))?", item.strip())
        if match is None:
            sys.exit(f"stage.py: unexpected dependency from dpkg-shlibdeps: {item}")
        name, version = match.groups()
        versions[name] = version if version and _has_symbols_file(name) else ""
    return versions


def read_releases(metainfo: Path) -> list[tuple[str, str, list[str]]]:
    """(version, date, bullet lines) per <release>, newest first."""
    releases = []
    for release in ET.parse(metainfo).getroot().iter("release"):
        lines = [
            " ".join(e.text.split()) for e in release.iter() if e.tag in ("p", "li") and e.text
        ]
        releases.append((release.get("version", ""), release.get("date", ""), lines))
    return releases


def debian_changelog(releases: list[tuple[str, str, list[str]]]) -> str:
    entries = []
    for version, date, lines in releases:
        when = datetime.fromisoformat(date).replace(tzinfo=UTC)
        bullets = "\n".join(
            textwrap.fill(line, 78, initial_indent="  * ", subsequent_indent="    ")
            for line in lines
        )
        entries.append(
            f"{PACKAGE} ({version}) stable; urgency=medium\n\n{bullets}\n\n"
            f" -- {MAINTAINER}  {format_datetime(when)}\n"
        )
    return "\n".join(entries)


def screenshots_xml(shots: list[Path]) -> str:
    if not shots:
        return ""
    items = []
    for index, shot in enumerate(shots):
        caption = SCREENSHOT_CAPTIONS[shot.stem]
        kind = ' type="default"' if index == 0 else ""
        items.append(
            f"    <screenshot{kind}>\n      <caption>{caption}</caption>\n"
            f"      <image>{SCREENSHOT_BASE}/{shot.name}</image>\n    </screenshot>"
        )
    return "  <screenshots>\n" + "\n".join(items) + "\n  </screenshots>"


def _ordered_screenshots(folder: Path) -> list[Path]:
    return [
        folder / f"{name}.png" for name in SCREENSHOT_CAPTIONS if (folder / f"{name}.png").is_file()
    ]


def _gzip(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as z:
        z.write(text.encode("utf-8"))


def _copy_bundle(bundle: Path, target: Path) -> None:
    shutil.copytree(bundle, target, symlinks=True)
    for path in sorted(target.rglob("*")):  # predictable modes: only the launcher runs
        if path.is_symlink():
            if not path.exists():  # PyInstaller's link to a library the spec pruned
                path.unlink()
            continue
        path.chmod(0o755 if path.is_dir() or path == target / PACKAGE else 0o644)


def _share(root: Path, repo: Path, metainfo_text: str, exec_line: str | None = None) -> None:
    share = root / "share"
    icons = repo / "resources" / "icons"
    for size in ICON_SIZES:
        dest = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons / "hicolor" / f"{size}x{size}" / "apps" / "glutemed.png", dest)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(icons / "glutemed.svg", scalable)
    desktop = (repo / "resources" / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    if exec_line is not None:
        desktop = desktop.replace("Exec=glutemed\n", f"Exec={exec_line}\n")
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "applications" / f"{APP_ID}.desktop").write_text(desktop, encoding="utf-8")
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo_text, encoding="utf-8")


def stage_deb(bundle: Path, repo: Path, version: str, root: Path, metainfo_text: str) -> None:
    here = Path(__file__).resolve().parent
    if root.exists():
        shutil.rmtree(root)
    _copy_bundle(bundle, root / "usr" / "lib" / PACKAGE)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"../lib/{PACKAGE}/{PACKAGE}")
    _share(root / "usr", repo, metainfo_text)
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(here / "copyright", doc / "copyright")
    releases = read_releases(repo / "resources" / "linux" / f"{APP_ID}.metainfo.xml")
    _gzip(debian_changelog(releases), doc / "changelog.gz")
    man = (here / "glutemed.1").read_text(encoding="utf-8").replace("@VERSION@", version)
    _gzip(man, root / "usr" / "share" / "man" / "man1" / "glutemed.1.gz")
    overrides = root / "usr" / "share" / "lintian" / "overrides" / PACKAGE
    overrides.parent.mkdir(parents=True)
    shutil.copyfile(here / "lintian-overrides", overrides)
    for path in (root / "usr" / "share").rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    debian = root / "DEBIAN"
    debian.mkdir()
    sums = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(root)
        if rel.parts[0] != "DEBIAN":
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    size_kib = sum(
        (p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if not p.is_dir()
    ) + sum(1 for p in root.rglob("*") if p.is_dir())
    control = [
        f"Package: {PACKAGE}",
        f"Version: {version}",
        "Architecture: amd64",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {size_kib}",
        f"Depends: {', '.join(compute_depends(bundle))}",
        *([f"Recommends: {', '.join(rec)}"] if (rec := compute_recommends(bundle)) else []),
        "Section: misc",
        "Priority: optional",
        f"Homepage: {HOMEPAGE}",
        DESCRIPTION,
    ]
    (debian / "control").write_text("\n".join(control) + "\n", encoding="utf-8")
    for path in debian.iterdir():
        path.chmod(0o644)


def stage_tarball(bundle: Path, repo: Path, root: Path, metainfo_text: str, depends: str) -> None:
    here = Path(__file__).resolve().parent
    if root.exists():
        shutil.rmtree(root)
    _copy_bundle(bundle, root)
    _share(root, repo, metainfo_text, exec_line="@EXEC@")
    install = (here / "install.sh").read_text(encoding="utf-8")
    (root / "install.sh").write_text(install, encoding="utf-8")
    (root / "install.sh").chmod(0o755)
    readme = (here / "README-tarball.txt").read_text(encoding="utf-8")
    (root / "README.txt").write_text(readme.replace("@DEPENDS@", depends), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, required=True, help="PyInstaller output folder")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--deb-root", type=Path, required=True)
    parser.add_argument("--tar-root", type=Path, required=True)
    args = parser.parse_args()
    repo: Path = args.repo
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from version import project_version

    version = project_version(repo)
    template = repo / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
    releases = read_releases(template)
    if not releases or releases[0][0] != version:
        sys.exit(f'stage.py: add a <release version="{version}"> to {template} first')
    shots = _ordered_screenshots(repo / "packaging" / "screenshots")
    text = template.read_text(encoding="utf-8").replace(
        "@SCREENSHOTS@\n", screenshots_xml(shots) + "\n" if shots else ""
    )
    stage_deb(args.bundle, repo, version, args.deb_root, text)
    control = (args.deb_root / "DEBIAN" / "control").read_text(encoding="utf-8")
    depends = re.search(r"^Depends: (.*)$", control, re.MULTILINE)
    assert depends is not None
    plain = " ".join(d.split(" ")[0] for d in depends.group(1).split(", "))
    stage_tarball(args.bundle, repo, args.tar_root, text, plain)
    print(version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
