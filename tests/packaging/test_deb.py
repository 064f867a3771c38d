"""The .deb: Debian's checkers accept it and the frozen app in it works."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Build, clean_env

APP_ID = "io.github.glutemed.GluteMed"
# What a broken freeze prints: Qt without its platform plugin, a module PyInstaller missed,
# a resources/ or animations/ folder left out of the bundle.
BROKEN = re.compile(
    r"could not (find or )?load the Qt platform plugin|ModuleNotFoundError|ImportError"
    r"|FileNotFoundError|folder is missing|No such file",
    re.IGNORECASE,
)


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload,no-any-return]


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is not installed (.ci/packaging installs it)")


def test_lintian_finds_no_error_or_warning(build: Build) -> None:
    _need("lintian")
    result = _run(["lintian", "--fail-on", "error,warning", str(build.deb)])
    tags = [line for line in result.stdout.splitlines() if re.match(r"[EW]: ", line)]
    assert result.returncode == 0 and not tags, "\n".join(tags) or result.stderr


def test_desktop_entry_validates(unpacked: Path) -> None:
    _need("desktop-file-validate")
    entry = unpacked / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    result = _run(["desktop-file-validate", str(entry)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"\b(error|warning):", result.stdout), result.stdout


def test_metainfo_validates(unpacked: Path) -> None:
    _need("appstreamcli")
    metainfo = unpacked / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    result = _run(["appstreamcli", "validate", "--no-net", str(metainfo)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_layout(unpacked: Path) -> None:
    launcher = unpacked / "usr" / "bin" / "glutemed"
    assert launcher.is_symlink() and launcher.resolve() == unpacked / "usr/lib/glutemed/glutemed"
    icons = unpacked / "usr" / "share" / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        assert (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    doc = unpacked / "usr" / "share" / "doc" / "glutemed"
    assert (doc / "copyright").is_file() and (doc / "changelog.gz").is_file()
    bundle = unpacked / "usr" / "lib" / "glutemed" / "_internal"
    assert (bundle / "resources" / "exercises.toml").is_file()


def test_control_declares_the_qt_runtime_libraries(build: Build) -> None:
    control = _run(["dpkg-deb", "-f", str(build.deb), "Depends"]).stdout
    for package in (
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
        "libegl1",
        "libfontconfig1",
        "libxcb-icccm4",
        "libxcb-keysyms1",
    ):
        assert package in control


def test_self_test_of_unpacked_deb_passes_offscreen(unpacked: Path, tmp_path: Path) -> None:
    result = _run(
        [str(unpacked / "usr" / "bin" / "glutemed"), "self-test"],
        env=clean_env(
            QT_QPA_PLATFORM="offscreen",
            GLUTEMED_DATA_DIR=str(tmp_path / "data"),
            HOME=str(tmp_path),
        ),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not BROKEN.search(output), output
    assert "self-test passed" in output


def test_xcb_platform_plugin_loads_on_a_real_x_server(unpacked: Path, tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is not installed (.ci/packaging installs it)")
    result = _run(
        ["xvfb-run", "-a", str(unpacked / "usr" / "bin" / "glutemed"), "self-test"],
        env=clean_env(
            QT_QPA_PLATFORM="xcb", GLUTEMED_DATA_DIR=str(tmp_path / "data"), HOME=str(tmp_path)
        ),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0 and not BROKEN.search(output), output


def test_version_matches_pyproject(unpacked: Path, build: Build) -> None:
    result = _run([str(unpacked / "usr" / "bin" / "glutemed"), "--version"], env=clean_env())
    assert result.stdout.strip() == f"glutemed {build.version}", result.stdout + result.stderr


def test_frozen_render_writes_a_gif(unpacked: Path, tmp_path: Path) -> None:
    app = str(unpacked / "usr" / "bin" / "glutemed")
    env = clean_env(QT_QPA_PLATFORM="offscreen", GLUTEMED_DATA_DIR=str(tmp_path / "data"))
    out = tmp_path / "demo.gif"
    result = _run([app, "render", "standing_abduction", "--out", str(out)], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:6] in (b"GIF87a", b"GIF89a")
    from PIL import Image

    with Image.open(out) as gif:
        assert gif.is_animated and gif.n_frames > 10


def _depends(deb: Path) -> dict[str, str]:
    """Package -> minimum version ('' when unversioned), from the .deb's Depends."""
    field = _run(["dpkg-deb", "-f", str(deb), "Depends"]).stdout.strip()
    deps = {}
    for item in field.split(", "):
        match = re.fullmatch(r"(\S+)(?: \(>= (\S+)\))?", item)
        assert match is not None, f"unexpected Depends item {item!r}"
        deps[match.group(1)] = match.group(2) or ""
    return deps


def _imports_by_user(bundle: Path) -> list[tuple[set[str], set[str]]]:
    """(NEEDED sonames, strong undefined dynamic symbols as name@VERSION, name@Base when
    unversioned: the keys Debian's symbols files use) for each ELF file of the bundle."""
    found: list[tuple[set[str], set[str]]] = []
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        wanted: set[str] = set()
        for line in _run(["objdump", "-T", str(path)]).stdout.splitlines():
            if "*UND*" not in line:
                continue
            flags, rest = line.split("*UND*", 1)
            parts = rest.split()  # size, [version: "(GLIBC_2.14)", "Base" or none], name
            if " w " in flags or len(parts) not in (2, 3):
                continue  # a weak reference needs nothing
            version = parts[1].strip("()") if len(parts) == 3 else "Base"
            wanted.add(f"{parts[-1]}@{version}")
        needed = set(re.findall(r"NEEDED\s+(\S+)", _run(["objdump", "-p", str(path)]).stdout))
        found.append((needed, wanted))
    return found


def _newest(versions: set[str], op: str = "gt") -> str:
    newest = ""
    for version in versions:
        later = subprocess.run(["dpkg", "--compare-versions", version, op, newest or version])
        newest = version if later.returncode == 0 or not newest else newest
    return newest


def _linked_sonames(bundle: Path) -> set[str]:
    names: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        out = _run(["readelf", "-d", str(path)]).stdout
        names.update(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))
    return names


def _symbols_sections(table: Path) -> dict[str, dict[str, str]]:
    """soname -> {symbol@VERSION: minimum package version} from a Debian symbols file."""
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in " |*#":
            current = sections.setdefault(line.split()[0], {})
        elif line.startswith(" "):
            parts = re.sub(r"^\s*(\([^)]*\))*", "", line).split()  # drop "(optional)" tags
            if len(parts) >= 2:
                current[parts[0]] = parts[1]
    return sections


def test_every_versioned_depends_is_what_the_bundle_symbols_need(
    build: Build, unpacked: Path
) -> None:
    """Ubuntu 22.04 has glibc 2.35: a Depends copied from the build machine (libc6 >= 2.36)
    locked it out. Each minimum version must follow from the package's symbols file: the
    newest version among the symbols the bundle imports from a library it links, or, for
    a linked library none of whose symbols is used, the oldest (the library must exist).
    No package without a symbols file may carry a version (its shlibs minimum says nothing
    about the symbols used)."""
    deps = _depends(build.deb)
    bundle = unpacked / "usr" / "lib" / "glutemed"
    users = _imports_by_user(bundle)
    imported = set().union(*(wanted for _needed, wanted in users))
    linked = _linked_sonames(bundle)
    glibc = {
        v.split("_", 1)[1] for v in (s.split("@")[1] for s in imported) if v.startswith("GLIBC_2")
    }
    assert deps["libc6"] == _newest(glibc), (deps["libc6"], _newest(glibc))
    versioned = {p: v for p, v in deps.items() if v}
    assert "libc6" in versioned and "libstdc++6" in versioned
    for package, version in versioned.items():
        table = Path(f"/var/lib/dpkg/info/{package}:amd64.symbols")
        assert table.is_file(), f"{package} (>= {version}) has no symbols file to justify it"
        needs = set()
        for soname, symbols in _symbols_sections(table).items():
            if soname not in linked:
                continue
            # Only what the files linking this soname import from it: a bundled copy of
            # the same library (Pillow ships its own brotli) has symbols of the same name.
            from_it = set().union(*(w for needed, w in users if soname in needed))
            used = {v for s, v in symbols.items() if s in from_it}
            needs.add(_newest(used) if used else _newest(set(symbols.values()), "lt"))
        assert needs, f"the bundle links no library of {package}"
        assert version == _newest(needs), (package, version, _newest(needs))


def test_no_broken_symlinks_in_the_bundle(unpacked: Path, build: Build, tmp_path: Path) -> None:
    import tarfile

    broken = [p for p in (unpacked / "usr" / "lib" / "glutemed").rglob("*") if not p.exists()]
    assert broken == []
    with tarfile.open(build.tarball) as archive:
        archive.extractall(tmp_path, filter="tar")
    assert [p for p in tmp_path.rglob("*") if not p.exists()] == []
